import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { MAIL_TEMPLATE_NAMES, MAIL_TEMPLATE_SPECS, type MailTemplateName } from "../../src/domain/mail-texts/index.ts";
import {
  MailTemplateError,
  parseMailTemplate,
  placeholdersOf,
  renderMailTemplate,
  type MailTemplate,
} from "../../src/domain/mail-texts/index.ts";

function parsed(source: string, name = "t"): MailTemplate {
  const r = parseMailTemplate(name, source);
  if (!r.ok) throw new Error(`unexpected problems: ${JSON.stringify(r.problems)}`);
  return r.template;
}

function problemsOf(source: string, spec?: MailTemplateName): string[] {
  const r = parseMailTemplate(spec ?? "t", source, spec ? MAIL_TEMPLATE_SPECS[spec] : undefined);
  return r.ok ? [] : r.problems.map((p) => `${p.line}: ${p.message}`);
}

describe("the mini-language", () => {
  const cases: { name: string; body: string; values: Record<string, unknown>; text: string }[] = [
    {
      name: "text placeholders",
      body: "Kính gửi: Lãnh đạo {{unit_name}}\nVăn phòng Cục xin thông báo…",
      values: { unit_name: "Phòng Nghiệp vụ - Điều phối" },
      text: "Kính gửi: Lãnh đạo Phòng Nghiệp vụ - Điều phối\nVăn phòng Cục xin thông báo…\n",
    },
    {
      name: "spaces inside the braces and numbers",
      body: "Số lần gửi muộn năm {{ year }}: {{count}} lần.",
      values: { year: 2026, count: 3 },
      text: "Số lần gửi muộn năm 2026: 3 lần.\n",
    },
    {
      name: "a list alone on its line: one '- item' line each",
      body: "Còn thiếu:\n{{missing}}\nHết.",
      values: { missing: ["Kết quả thực hiện nhiệm vụ", "Kế hoạch công tác thời gian tiếp theo"] },
      text: "Còn thiếu:\n- Kết quả thực hiện nhiệm vụ\n- Kế hoạch công tác thời gian tiếp theo\nHết.\n",
    },
    {
      name: "an indented list keeps its indentation; an item spanning lines is continued under it",
      body: "Đơn vị:\n    {{late}}",
      values: { late: ["Phòng Truyền thông đối ngoại: muộn 2 giờ", "Văn phòng\n(lần thứ 2)"] },
      text: "Đơn vị:\n    - Phòng Truyền thông đối ngoại: muộn 2 giờ\n    - Văn phòng\n      (lần thứ 2)\n",
    },
    {
      name: "an empty list renders no line",
      body: "Trước\n{{missing}}\nSau",
      values: { missing: [] },
      text: "Trước\nSau\n",
    },
    {
      name: "a text value alone on its line is plain text",
      body: "Ý kiến:\n{{comments}}",
      values: { comments: "Đề nghị bổ sung số liệu tháng 11.\nRà soát lại mục IV." },
      text: "Ý kiến:\nĐề nghị bổ sung số liệu tháng 11.\nRà soát lại mục IV.\n",
    },
    {
      name: "a flag block, true",
      body: "{{#on_time}}\nĐúng hạn.\n{{/on_time}}\n{{^on_time}}\nMuộn {{late_by}}.\n{{/on_time}}",
      values: { on_time: true, late_by: "" },
      text: "Đúng hạn.\n",
    },
    {
      name: "a flag block, false",
      body: "{{#on_time}}\nĐúng hạn.\n{{/on_time}}\n{{^on_time}}\nMuộn {{late_by}}.\n{{/on_time}}",
      values: { on_time: false, late_by: "1 ngày 2 giờ" },
      text: "Muộn 1 ngày 2 giờ.\n",
    },
    {
      name: "a block on a list: kept when the list is not empty",
      body: "{{#problems}}\nVề tệp đính kèm:\n{{problems}}\n{{/problems}}\nHết.",
      values: { problems: ["Tệp “BC tuần 47.doc” chưa đọc được."] },
      text: "Về tệp đính kèm:\n- Tệp “BC tuần 47.doc” chưa đọc được.\nHết.\n",
    },
    {
      name: "a block on an empty list is dropped, with its heading",
      body: "{{#problems}}\nVề tệp đính kèm:\n{{problems}}\n{{/problems}}\nHết.",
      values: { problems: [] },
      text: "Hết.\n",
    },
    {
      name: "a block on a text: blank text counts as not set",
      body: "{{#rejected_at}}\nBản gửi lúc {{rejected_at}} chưa đạt.\n{{/rejected_at}}\n{{^rejected_at}}\nChưa có bản nào.\n{{/rejected_at}}",
      values: { rejected_at: "  " },
      text: "Chưa có bản nào.\n",
    },
    {
      name: "records repeat their block, and see the outer values",
      body: "Kính gửi: {{recipients}}\n{{#periods}}\nĐối với {{report_label}}:\n  {{late}}\n{{/periods}}",
      values: {
        recipients: "Chánh Văn phòng",
        periods: [
          { report_label: "báo cáo tuần 47/2026", late: ["Văn phòng: muộn 3 giờ"] },
          { report_label: "báo cáo tháng 11/2026", late: ["Phòng Truyền thông đối ngoại: muộn 1 ngày"] },
        ],
      },
      text: "Kính gửi: Chánh Văn phòng\nĐối với báo cáo tuần 47/2026:\n  - Văn phòng: muộn 3 giờ\nĐối với báo cáo tháng 11/2026:\n  - Phòng Truyền thông đối ngoại: muộn 1 ngày\n",
    },
    {
      name: "nested blocks",
      body: "{{#periods}}\n{{report_label}}\n{{#never_sent}}\nChưa gửi:\n{{never_sent}}\n{{/never_sent}}\n{{/periods}}",
      values: {
        periods: [
          { report_label: "tuần 47/2026", never_sent: [] },
          { report_label: "tuần 48/2026", never_sent: ["Trung tâm Báo chí và Hợp tác truyền thông quốc tế"] },
        ],
      },
      text: "tuần 47/2026\ntuần 48/2026\nChưa gửi:\n- Trung tâm Báo chí và Hợp tác truyền thông quốc tế\n",
    },
    {
      name: "runs of blank lines become one; leading and trailing blank lines and trailing spaces go",
      body: "\n\nMột   \n\n\n\nHai\n{{#x}}\nBa\n{{/x}}\n\n\n",
      values: { x: false },
      text: "Một\n\nHai\n",
    },
  ];
  it.each(cases)("$name", ({ body, values, text }) => {
    const t = parsed(`# ghi chú\nTiêu đề: Thư thử\n---\n${body}`);
    expect(renderMailTemplate(t, values).text).toBe(text);
  });

  it("renders the subject with its placeholders on one line", () => {
    const t = parsed("Tiêu đề:  Nhắc gửi {{report_label}} - {{unit_name}} \n---\nNội dung");
    const r = renderMailTemplate(t, { report_label: "báo cáo tháng 11/2026\n", unit_name: "Văn phòng" });
    expect(r.subject).toBe("Nhắc gửi báo cáo tháng 11/2026 - Văn phòng");
  });

  it("accepts a Notepad file: BOM, CRLF, 'Subject:' and NFD text, and writes NFC", () => {
    const nfd = "Tiêu đề: Báo cáo tuần\r\n---\r\nKính gửi: {{unit_name}}\r\n".normalize("NFD");
    const r = renderMailTemplate(parsed(`\uFEFF${nfd}`), { unit_name: "Phòng Nghiệp vụ - Điều phối".normalize("NFD") });
    expect(r.subject).toBe("Báo cáo tuần");
    expect(r.text).toBe("Kính gửi: Phòng Nghiệp vụ - Điều phối\n");
    expect(r.text).toBe(r.text.normalize("NFC"));
    const en = parsed("Subject: Weekly {{n}}\n---\nBody");
    expect(renderMailTemplate(en, { n: 47 }).subject).toBe("Weekly 47");
  });

  it("lists the placeholders a template uses, block names and record fields included", () => {
    const t = parsed("Tiêu đề: {{report_label}}\n---\n{{#periods}}\n{{deadline}} {{unit_name}}\n{{late}}\n{{/periods}}\n{{^ok}}\nx\n{{/ok}}");
    expect(placeholdersOf(t)).toEqual(["deadline", "late", "ok", "periods", "report_label", "unit_name"]);
  });
});

describe("problems in a template as written", () => {
  const cases: { name: string; source: string; problem: string }[] = [
    { name: "no separator", source: "Tiêu đề: Nhắc gửi báo cáo\nKính gửi", problem: '1: no "---" line' },
    { name: "no subject", source: "# ghi chú\n---\nKính gửi", problem: "1: no subject line" },
    { name: "empty subject", source: "Tiêu đề:   \n---\nKính gửi", problem: "1: the subject is empty" },
    { name: "two subjects", source: "Tiêu đề: A\nTiêu đề: B\n---\nx", problem: "2: a second subject line" },
    { name: "a stray header line", source: "Tiêu đề: A\nNgười nhận: Văn phòng\n---\nx", problem: '2: unexpected header line "Người nhận: Văn phòng"' },
    { name: "empty body", source: "Tiêu đề: A\n---\n", problem: "the body is empty" },
    { name: "a block never closed", source: "Tiêu đề: A\n---\nx\n{{#on_time}}\nĐúng hạn.", problem: "4: {{#on_time}} is never closed" },
    { name: "a block closed by the wrong name", source: "Tiêu đề: A\n---\n{{#on_time}}\nx\n{{/late_by}}", problem: "5: {{/late_by}} closes {{#on_time}} opened on line 3" },
    { name: "a close without an open", source: "Tiêu đề: A\n---\nx\n{{/missing}}", problem: "4: {{/missing}} closes no open block" },
    { name: "a block tag inside a line", source: "Tiêu đề: A\n---\nĐúng hạn {{#on_time}}có{{/on_time}}.", problem: "3: block tag {{#on_time}} must stand alone" },
    { name: "a block tag in the subject", source: "Tiêu đề: {{#on_time}}Đạt{{/on_time}}\n---\nx", problem: "1: block tag {{#on_time}} is not allowed in the subject" },
    { name: "a Vietnamese placeholder name", source: "Tiêu đề: A\n---\nKính gửi {{tên_đơn_vị}}", problem: "3: bad placeholder {{tên_đơn_vị}}" },
    { name: "an upper-case name", source: "Tiêu đề: A\n---\nKính gửi {{Unit_Name}}", problem: "3: bad placeholder {{Unit_Name}}" },
    { name: "an unbalanced brace", source: "Tiêu đề: A\n---\nKính gửi {{unit_name}", problem: '3: unbalanced "{{" or "}}"' },
  ];
  it.each(cases)("$name", ({ source, problem }) => {
    expect(problemsOf(source).join("\n")).toContain(problem);
  });

  const specCases: { name: string; template: MailTemplateName; body: string; problem: string }[] = [
    { name: "an unknown placeholder", template: "receipt", body: "{{unit_name}} {{report_label}} {{received_at}} {{ten_don_vi}}", problem: "unknown placeholder {{ten_don_vi}}; this template knows {{unit_name}}" },
    { name: "a placeholder of another template", template: "receipt", body: "{{unit_name}} {{report_label}} {{received_at}} {{overdue_by}}", problem: "unknown placeholder {{overdue_by}}" },
    { name: "a flag used as text", template: "receipt", body: "{{unit_name}} {{report_label}} {{received_at}} {{on_time}}", problem: "{{on_time}} is a yes/no value" },
    { name: "a list inside a line", template: "khong_dat", body: "{{unit_name}} {{report_label}} {{deadline}} {{problems}}\nThiếu: {{missing}}", problem: "{{missing}} is a list: put it alone on its own line" },
    { name: "records used as text", template: "laggards", body: "{{periods}}", problem: "{{periods}} is a list of records" },
    { name: "a record field outside its block", template: "laggards", body: "{{#periods}}\n{{report_label}}\n{{/periods}}\n{{late}}", problem: "unknown placeholder {{late}}" },
    { name: "a required placeholder left out", template: "khong_dat", body: "{{unit_name}} {{report_label}} {{deadline}}\n{{problems}}", problem: "the template must use {{missing}}" },
  ];
  it.each(specCases)("against the catalogue: $name", ({ template, body, problem }) => {
    expect(problemsOf(`Tiêu đề: Thư\n---\n${body}`, template).join("\n")).toContain(problem);
  });

  it("accepts a correct use of records, lists and flags against the catalogue", () => {
    const body = "{{#periods}}\n{{report_label}} {{deadline}}\n{{#all_on_time}}\nTốt.\n{{/all_on_time}}\n{{late}}\n{{/periods}}";
    expect(problemsOf(`Tiêu đề: Tình hình {{period_labels}}\n---\n${body}`, "laggards")).toEqual([]);
  });
});

describe("rendering with a missing or mistyped value fails loudly", () => {
  const t = parsed("Tiêu đề: Xác nhận {{report_label}}\n---\nKính gửi: {{unit_name}}\n{{#on_time}}\nĐúng hạn.\n{{/on_time}}\n{{missing}}");
  const good = { report_label: "báo cáo tuần 47/2026", unit_name: "Văn phòng", on_time: true, missing: [] };
  const cases: { name: string; values: Record<string, unknown>; message: string }[] = [
    { name: "a value absent from the subject", values: { ...good, report_label: undefined }, message: "no value for {{report_label}}" },
    { name: "a null value", values: { ...good, unit_name: null }, message: "no value for {{unit_name}}" },
    { name: "a block's value absent", values: { report_label: "x", unit_name: "y", missing: [] }, message: "no value for {{on_time}}" },
    { name: "a list where text is needed", values: { ...good, unit_name: ["Văn phòng"] }, message: "{{unit_name}} is a list, not text" },
    { name: "a flag where text is needed", values: { ...good, report_label: true }, message: "{{report_label}} is a yes/no value, not text" },
    { name: "an object where text is needed", values: { ...good, unit_name: { name: "Văn phòng" } }, message: "{{unit_name}} is of type object" },
    { name: "records where texts are needed", values: { ...good, missing: [{ title: "Kết quả" }] }, message: "{{missing}} must be a list of texts" },
  ];
  it.each(cases)("$name", ({ values, message }) => {
    expect(() => renderMailTemplate(t, values)).toThrow(MailTemplateError);
    expect(() => renderMailTemplate(t, values)).toThrow(message);
  });

  it("with a catalogue entry, every placeholder of the entry is checked, even one the template does not use", () => {
    const r = parseMailTemplate("receipt", "Tiêu đề: {{report_label}}\n---\n{{unit_name}} {{received_at}}", MAIL_TEMPLATE_SPECS.receipt);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const values = { unit_name: "Văn phòng", report_label: "báo cáo tuần 47/2026", received_at: "10 giờ 12", deadline: "15 giờ 00", on_time: true };
    expect(() => renderMailTemplate(r.template, values)).toThrow("template receipt: no value for {{late_by}}");
    expect(() => renderMailTemplate(r.template, { ...values, late_by: "", on_time: "true" })).toThrow("{{on_time}} must be true/false");
    expect(renderMailTemplate(r.template, { ...values, late_by: "" }).text).toBe("Văn phòng 10 giờ 12\n");
  });
});

// ---- the shipped templates, rendered as the bot would ----

const MAIL_DIR = path.join(import.meta.dirname, "..", "..", "templates", "mail");
function shipped(name: MailTemplateName): MailTemplate {
  const r = parseMailTemplate(name, readFileSync(path.join(MAIL_DIR, `${name}.txt`), "utf8"), MAIL_TEMPLATE_SPECS[name]);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.problems)}`);
  return r.template;
}

const NVDP = "Phòng Nghiệp vụ - Điều phối";
const TTDN = "Phòng Truyền thông đối ngoại";
const TTBC = "Trung tâm Báo chí và Hợp tác truyền thông quốc tế";
const WEEK47 = "báo cáo tuần 47/2026 (từ 16/11/2026 đến 22/11/2026)";
const SIGNATURE = "Văn phòng Cục Thông tin đối ngoại\n(thư tự động của hệ thống tiếp nhận báo cáo)\n";

/** Realistic, complete values for each template (the base each case varies). */
const BASE: Record<MailTemplateName, Record<string, unknown>> = {
  receipt: {
    unit_name: NVDP, report_label: WEEK47, received_at: "10 giờ 12 ngày 18/11/2026 (Thứ Tư)",
    deadline: "15 giờ 00 ngày 19/11/2026 (Thứ Năm)", on_time: true, late_by: "",
  },
  khong_dat: {
    unit_name: TTDN, report_label: "báo cáo tháng 11/2026", procedure: "Quy trình tổng hợp báo cáo định kỳ (QT.VP.03)", received_at: "09 giờ 05 ngày 25/11/2026 (Thứ Tư)",
    missing: ["Kế hoạch công tác thời gian tiếp theo: kế hoạch, nhiệm vụ trọng tâm đơn vị sẽ triển khai trong kỳ tiếp theo"],
    problems: [], deadline: "00 giờ 00 ngày 28/11/2026 (Thứ Bảy)", deadline_passed: false,
    time_left: "2 ngày 14 giờ 55 phút", skeleton_attached: true,
  },
  khong_dat_kept: {
    unit_name: TTBC, report_label: WEEK47, received_at: "16 giờ 40 ngày 18/11/2026 (Thứ Tư)",
    missing: ["Kết quả thực hiện nhiệm vụ: các nhiệm vụ, công việc đơn vị đã triển khai và kết quả đạt được trong kỳ báo cáo"],
    problems: [], deadline: "15 giờ 00 ngày 19/11/2026 (Thứ Năm)", deadline_passed: false,
  },
  reminder: {
    unit_name: "Văn phòng", report_label: "báo cáo tháng 12/2026", procedure: "Quy trình tổng hợp báo cáo định kỳ (QT.VP.03)", deadline: "00 giờ 00 ngày 28/12/2026 (Thứ Hai)",
    time_left: "2 ngày 16 giờ", office_address: "tonghop.vp@cuc.example.vn", rejected_before: false, rejected_at: "", skeleton_attached: false,
  },
  chase: {
    unit_name: TTDN, report_label: WEEK47, procedure: "Quy trình tổng hợp báo cáo định kỳ (QT.VP.03)", deadline: "15 giờ 00 ngày 19/11/2026 (Thứ Năm)", overdue_by: "17 giờ",
    compile_deadline: "24 giờ 00 ngày 23/11/2026 (Thứ Hai)", office_address: "tonghop.vp@cuc.example.vn", rejected_before: false, rejected_at: "",
  },
  laggards: {
    recipients: "Lãnh đạo Cục; Chánh Văn phòng", period_labels: "tuần 47/2026; tháng 11/2026", year: "2026",
    periods: [
      {
        report_label: WEEK47, deadline: "15 giờ 00 ngày 19/11/2026 (Thứ Năm)", all_on_time: false,
        late: [`${TTDN}: muộn 1 ngày 2 giờ`], rejected: [], never_sent: [TTBC],
      },
      { report_label: "báo cáo tháng 11/2026", deadline: "00 giờ 00 ngày 28/11/2026 (Thứ Bảy)", all_on_time: true, late: [], rejected: [], never_sent: [] },
    ],
    late_counts: [`${TTDN}: 4 lần`, "Văn phòng: 1 lần"],
  },
  digest: {
    date_label: "ngày 19/11/2026",
    unclassified: ["08 giờ 10 ngày 18/11/2026 - nvdp@cuc.example.vn - “Giấy mời họp giao ban quý IV” - không có dấu hiệu báo cáo"],
    failed: [], khong_dat_sent: [`${TTDN} - báo cáo tháng 11/2026 - thiếu mục Kế hoạch công tác`], secret: [], outbox: [], held: [], still_waiting: [],
  },
  draft_review_forward: {
    draft_label: "dự thảo báo cáo công tác tuần 47/2026 (bản cập nhật lần 2)", reviewer: "Chánh Văn phòng Nguyễn Thị Lan Hương",
    reviewed_at: "09 giờ 30 ngày 23/11/2026 (Thứ Hai)", comments: "Không đạt.\nBổ sung kết quả đón đoàn tại mục I.6.\nRà soát số liệu mục IV.",
  },
  command_answer: {
    results: [`Duyệt thư số 1: đã gửi ${NVDP}`, "Hủy thư số 2: đã hủy, lý do: đơn vị đã gửi lại qua điện thoại"],
    unknown: false,
    commands: ["Duyệt 1, 3 — gửi các thư trả lời số 1 và 3 đang chờ duyệt", "Hủy 2: <lý do> — không gửi thư trả lời số 2, ghi lại lý do"],
  },
  request: {
    unit_name: NVDP, request_code: "YC-2026-001", title: "Báo cáo kết quả tuyên truyền kỷ niệm 80 năm Quốc khánh",
    deadline: "17 giờ 00 ngày 04/12/2026 (Thứ Sáu)", sections: ["Kết quả thực hiện: các hoạt động đã triển khai, số liệu", "Kiến nghị, đề xuất"],
    attached: true, requested_by: "Lãnh đạo Cục", office_address: "tonghop.vp@cuc.example.vn",
  },
};

function render(name: MailTemplateName, over: Record<string, unknown> = {}) {
  return renderMailTemplate(shipped(name), { ...BASE[name], ...over });
}

describe("the shipped templates", () => {
  it.each(MAIL_TEMPLATE_NAMES)("%s parses against the catalogue and documents each of its values in its header", (name) => {
    const source = readFileSync(path.join(MAIL_DIR, `${name}.txt`), "utf8");
    const header = source.slice(0, source.indexOf("\n---"));
    for (const [p, { type }] of Object.entries(MAIL_TEMPLATE_SPECS[name].placeholders)) {
      const fields = typeof type === "object" ? Object.keys(type.records) : [];
      for (const n of [p, ...fields]) expect(header, n).toMatch(new RegExp(`^#\\s+\\{\\{${n}\\}\\}\\s+\\S`, "m"));
    }
    expect(header).toContain("{{#ten_gia_tri}}");
    expect(placeholdersOf(shipped(name)).length).toBeGreaterThan(0);
  });

  it.each(MAIL_TEMPLATE_NAMES)("%s renders formal Vietnamese with no leftover tag, 'undefined' or missing diacritics", (name) => {
    const r = render(name);
    for (const s of [r.subject, r.text]) {
      expect(s).not.toMatch(/\{\{|\}\}|undefined|null|\[object/);
      expect(s).toBe(s.normalize("NFC"));
    }
    expect(r.text).toMatch(/^Kính gửi: /);
    expect(r.text.endsWith(SIGNATURE)).toBe(true);
  });

  it.each(MAIL_TEMPLATE_NAMES)("%s refuses to render when any one value is missing", (name) => {
    for (const key of Object.keys(MAIL_TEMPLATE_SPECS[name].placeholders)) {
      expect(() => render(name, { [key]: undefined }), key).toThrow(`no value for {{${key}}}`);
    }
  });

  it("request: the code in the subject, the deadline and the parts asked", () => {
    const r = render("request");
    expect(r.subject).toBe("[YC-2026-001] Đề nghị báo cáo: Báo cáo kết quả tuyên truyền kỷ niệm 80 năm Quốc khánh (hạn trước 17 giờ 00 ngày 04/12/2026 (Thứ Sáu))");
    expect(r.text).toContain(`Theo yêu cầu của Lãnh đạo Cục, Văn phòng Cục đề nghị ${NVDP} gửi báo cáo đột xuất: Báo cáo kết quả tuyên truyền kỷ niệm 80 năm Quốc khánh.`);
    expect(r.text).toContain("Thời hạn gửi: trước 17 giờ 00 ngày 04/12/2026 (Thứ Sáu).");
    expect(r.text).toContain("- Kiến nghị, đề xuất\n");
    expect(r.text).toContain("Văn bản yêu cầu được gửi kèm thư này.");
    expect(render("request", { attached: false, sections: [] }).text).not.toMatch(/gửi kèm thư này|Báo cáo gồm các nội dung/);
  });

  // Each regime's mail cites its own procedure (a province's Không đạt once said "QT.VP.03").
  it.each([
    ["qt-vp-03", "Quy trình tổng hợp báo cáo định kỳ (QT.VP.03)"],
    ["qt-nvdp-04", "(QT.NVĐP.04)"],
    ["qt-nvdp-02", "(QT.NVĐP.02)"],
  ])("khong_dat, reminder and chase of %s cite its procedure", (regime, code) => {
    const procedure = String((parseYaml(readFileSync(path.join(MAIL_DIR, "..", "regimes", `${regime}.yaml`), "utf8")) as { procedure: string }).procedure);
    expect(procedure).toContain(code);
    for (const name of ["khong_dat", "reminder", "chase"] as const) {
      const text = render(name, { procedure }).text;
      expect(text, name).toContain(procedure);
      if (regime !== "qt-vp-03") expect(text, name).not.toContain("QT.VP.03");
    }
  });

  it("receipt, on time", () => {
    const r = render("receipt");
    expect(r.subject).toBe(`Xác nhận tiếp nhận ${WEEK47} - ${NVDP} (Đạt)`);
    expect(r.text).toContain(`Kính gửi: Lãnh đạo ${NVDP}\n`);
    expect(r.text).toContain(`Văn phòng Cục xin thông báo đã tiếp nhận ${WEEK47} của ${NVDP} vào lúc 10 giờ 12 ngày 18/11/2026 (Thứ Tư).`);
    expect(r.text).toContain("Báo cáo được gửi đúng thời hạn quy định, trước 15 giờ 00 ngày 19/11/2026 (Thứ Năm).");
    expect(r.text).toContain("đã được đưa vào tổng hợp báo cáo chung của Cục.");
    expect(r.text).toContain("Trân trọng./.");
    expect(r.text).not.toContain("muộn");
  });

  it("receipt, late", () => {
    const r = render("receipt", { on_time: false, late_by: "1 ngày 2 giờ 5 phút", received_at: "17 giờ 05 ngày 20/11/2026 (Thứ Sáu)" });
    expect(r.text).toContain("Báo cáo được gửi muộn 1 ngày 2 giờ 5 phút so với thời hạn quy định là trước 15 giờ 00 ngày 19/11/2026 (Thứ Năm).");
    expect(r.text).not.toContain("đúng thời hạn quy định, trước");
  });

  it("khong_dat: missing sections, before the deadline, skeleton attached", () => {
    const r = render("khong_dat");
    expect(r.subject).toBe(`Đề nghị hoàn thiện báo cáo tháng 11/2026 - ${TTDN} (Không đạt)`);
    expect(r.text).toContain("Qua rà soát, báo cáo chưa đạt yêu cầu về nội dung và hình thức");
    expect(r.text).toContain(
      "Báo cáo còn thiếu nội dung bắt buộc:\n- Kế hoạch công tác thời gian tiếp theo: kế hoạch, nhiệm vụ trọng tâm đơn vị sẽ triển khai trong kỳ tiếp theo\n",
    );
    expect(r.text).not.toContain("Về tệp đính kèm");
    expect(r.text).toContain("Thời hạn gửi báo cáo là trước 00 giờ 00 ngày 28/11/2026 (Thứ Bảy); thời gian còn lại là 2 ngày 14 giờ 55 phút.");
    expect(r.text).toContain("Cách gửi lại: đơn vị trả lời thư này và đính kèm tệp báo cáo đã hoàn thiện (định dạng Word .docx).");
    expect(r.text).toContain("Mẫu báo cáo được gửi kèm thư này để đơn vị tham khảo.");
    expect(r.text).not.toContain("quá hạn");
  });

  it("khong_dat: unreadable files only, after the deadline, no skeleton", () => {
    const r = render("khong_dat", {
      missing: [],
      problems: [
        "Tệp “BC T11 TTĐN.doc” có định dạng .doc, hệ thống không đọc được; đề nghị gửi báo cáo dưới dạng tệp Word (.docx).",
        "Tệp “Báo cáo tháng 11.docx” bị hỏng, không mở được.",
      ],
      deadline_passed: true, time_left: "", skeleton_attached: false,
    });
    expect(r.text).not.toContain("Báo cáo còn thiếu");
    expect(r.text).toContain("Về tệp đính kèm và nội dung thư:\n- Tệp “BC T11 TTĐN.doc” có định dạng .doc");
    expect(r.text).toContain("\n- Tệp “Báo cáo tháng 11.docx” bị hỏng, không mở được.\n");
    expect(r.text).toContain("Thời hạn gửi báo cáo là trước 00 giờ 00 ngày 28/11/2026 (Thứ Bảy), nay đã quá hạn; đề nghị đơn vị bổ sung, hoàn thiện và gửi lại sớm nhất.");
    expect(r.text).not.toContain("thời gian còn lại");
    expect(r.text).not.toContain("Mẫu báo cáo được gửi kèm");
  });

  it("khong_dat_kept: the accepted version stays in use", () => {
    const r = render("khong_dat_kept");
    expect(r.subject).toBe(`Về ${WEEK47} - ${TTBC}: tiếp tục sử dụng bản đã tiếp nhận (Đạt)`);
    expect(r.text).toContain(`Văn phòng Cục đã nhận được bản ${WEEK47} của ${TTBC} gửi lúc 16 giờ 40 ngày 18/11/2026 (Thứ Tư).`);
    expect(r.text).toContain("\n- Kết quả thực hiện nhiệm vụ: các nhiệm vụ, công việc");
    expect(r.text).toContain("bản báo cáo đạt yêu cầu (Đạt) đơn vị gửi trước đó tiếp tục được sử dụng để tổng hợp báo cáo chung của Cục.");
    expect(r.text).toContain("đính kèm bản báo cáo đầy đủ (định dạng Word .docx) trước 15 giờ 00 ngày 19/11/2026 (Thứ Năm).");
    const late = render("khong_dat_kept", { deadline_passed: true });
    expect(late.text).toContain("nay đã qua; trường hợp cần điều chỉnh nội dung");
    expect(late.text).not.toContain("muốn thay thế");
  });

  it("reminder: the deadline, the time left, how to send; the Không đạt line only when it applies", () => {
    const r = render("reminder");
    expect(r.subject).toBe("Nhắc gửi báo cáo tháng 12/2026 - Văn phòng (hạn trước 00 giờ 00 ngày 28/12/2026 (Thứ Hai))");
    expect(r.text).toContain("Văn phòng Cục xin nhắc Văn phòng gửi báo cáo tháng 12/2026 trước 00 giờ 00 ngày 28/12/2026 (Thứ Hai); thời gian còn lại là 2 ngày 16 giờ.");
    expect(r.text).toContain("Cách gửi: đơn vị gửi báo cáo dưới dạng tệp Word (.docx) qua thư điện tử về địa chỉ tonghop.vp@cuc.example.vn.");
    expect(r.text).not.toContain("Không đạt");
    const again = render("reminder", { rejected_before: true, rejected_at: "14 giờ 20 ngày 24/12/2026 (Thứ Năm)", skeleton_attached: true });
    expect(again.text).toContain("Bản báo cáo đơn vị gửi lúc 14 giờ 20 ngày 24/12/2026 (Thứ Năm) chưa đạt yêu cầu (Không đạt). Đề nghị đơn vị bổ sung, hoàn thiện và gửi lại bản báo cáo đầy đủ.");
    expect(again.text).toContain("Mẫu báo cáo được gửi kèm thư này");
  });

  it("chase: overdue by how long, send at once, the compile deadline", () => {
    const r = render("chase");
    expect(r.subject).toBe(`Đôn đốc gửi ${WEEK47} - ${TTDN} (đã quá hạn 17 giờ)`);
    expect(r.text).toContain(`thời hạn gửi ${WEEK47} là trước 15 giờ 00 ngày 19/11/2026 (Thứ Năm). Đến nay đã quá hạn 17 giờ, Văn phòng Cục chưa nhận được báo cáo đạt yêu cầu của ${TTDN}.`);
    expect(r.text).toContain("đề nghị đơn vị khẩn trương gửi báo cáo ngay");
    expect(r.text).toContain("trình Lãnh đạo Cục trước 24 giờ 00 ngày 23/11/2026 (Thứ Hai).");
    expect(r.text).not.toContain("chưa được gửi lại");
    expect(render("chase", { rejected_before: true, rejected_at: "09 giờ 00 ngày 19/11/2026" }).text).toContain(
      "Bản báo cáo đơn vị gửi lúc 09 giờ 00 ngày 19/11/2026 chưa đạt yêu cầu (Không đạt) và chưa được gửi lại.",
    );
  });

  it("laggards: per period who is late, Không đạt, never sent; the yearly tally", () => {
    const r = render("laggards");
    expect(r.subject).toBe("Tình hình gửi báo cáo định kỳ của các đơn vị: tuần 47/2026; tháng 11/2026");
    expect(r.text).toMatch(/^Kính gửi: Lãnh đạo Cục; Chánh Văn phòng\n/);
    expect(r.text).toContain(
      `Đối với ${WEEK47}, thời hạn gửi trước 15 giờ 00 ngày 19/11/2026 (Thứ Năm):\n  Đơn vị gửi báo cáo muộn:\n  - ${TTDN}: muộn 1 ngày 2 giờ\n  Đơn vị chưa gửi báo cáo:\n  - ${TTBC}\n`,
    );
    expect(r.text).toContain("Đối với báo cáo tháng 11/2026, thời hạn gửi trước 00 giờ 00 ngày 28/11/2026 (Thứ Bảy):\n  Tất cả các đơn vị gửi báo cáo đúng hạn, đạt yêu cầu.\n");
    expect(r.text).not.toContain("chưa đạt yêu cầu (Không đạt), chưa gửi lại");
    expect(r.text).toContain(`Số lần gửi báo cáo muộn trong năm 2026:\n- ${TTDN}: 4 lần\n- Văn phòng: 1 lần\n`);
    const rejected = render("laggards", {
      periods: [{ report_label: WEEK47, deadline: "15 giờ 00", all_on_time: false, late: [], rejected: [NVDP], never_sent: [] }],
      late_counts: [],
    });
    expect(rejected.text).toContain(`Đơn vị có báo cáo chưa đạt yêu cầu (Không đạt), chưa gửi lại:\n  - ${NVDP}\n`);
    expect(rejected.text).not.toContain("Số lần gửi báo cáo muộn");
  });

  it("digest: only the parts with something in them", () => {
    const r = render("digest");
    expect(r.subject).toBe("Tóm tắt hằng ngày của hệ thống tiếp nhận báo cáo, ngày 19/11/2026");
    expect(r.text).toMatch(/^Kính gửi: Chuyên viên tổng hợp Văn phòng\n/);
    expect(r.text).toContain("1. Thư chưa xác định được là báo cáo của đơn vị nào, đề nghị chuyên viên xem xét:\n- 08 giờ 10 ngày 18/11/2026 - nvdp@cuc.example.vn");
    expect(r.text).toContain(`4. Thư Không đạt đã gửi các đơn vị:\n- ${TTDN} - báo cáo tháng 11/2026`);
    expect(r.text).not.toContain("2. Thư chưa xử lý được");
    expect(r.text).not.toContain("3. Tài liệu có đóng dấu mật");
    expect(r.text).not.toContain("5. Thư đang chờ gửi");
    const all = render("digest", { failed: ["x"], secret: ["BC quý IV - TTĐN.docx: dấu MẬT"], outbox: ["Nhắc gửi báo cáo tháng 11/2026 - Văn phòng: 08 giờ 00 ngày 20/11/2026"] });
    expect(all.text).toContain("3. Tài liệu có đóng dấu mật (không tự động tổng hợp, gửi kèm hay chuyển tiếp; đề nghị chuyên viên xử lý theo quy định):\n- BC quý IV - TTĐN.docx: dấu MẬT");
    expect(all.text).toContain("5. Thư đang chờ gửi:\n- Nhắc gửi báo cáo tháng 11/2026 - Văn phòng: 08 giờ 00 ngày 20/11/2026");
    // Issue 13 §3: the lists hold what is new since the last digest; what still waits from before is counted.
    expect(r.text).not.toContain("6. Tổng số việc còn chờ");
    const counts = render("digest", { still_waiting: ["Tổng cộng 12 thư chưa xác định được là báo cáo của đơn vị nào (1 thư mới liệt kê ở trên; 11 thư từ trước); xem đầy đủ bằng lệnh: intake submissions"] });
    expect(counts.text).toContain("6. Tổng số việc còn chờ (kể cả từ các bản tóm tắt trước):\n- Tổng cộng 12 thư chưa xác định được");
  });

  it("draft_review_forward: the chief's comments, as written", () => {
    const r = render("draft_review_forward");
    expect(r.subject).toBe("Ý kiến của Chánh Văn phòng Nguyễn Thị Lan Hương về dự thảo báo cáo công tác tuần 47/2026 (bản cập nhật lần 2): Không đạt");
    expect(r.text).toContain("(nhận lúc 09 giờ 30 ngày 23/11/2026 (Thứ Hai)) về dự thảo báo cáo công tác tuần 47/2026 (bản cập nhật lần 2): dự thảo chưa đạt yêu cầu");
    expect(r.text).toContain("Nội dung ý kiến:\n\nKhông đạt.\nBổ sung kết quả đón đoàn tại mục I.6.\nRà soát số liệu mục IV.\n");
  });
});
