/**
 * Issue 5's proof, end to end against real Dovecot, the SMTP sink and SQLite: four units' week-47 reports in
 * different shapes (Word headings, pandoc numbered headings resent after Không đạt, LibreOffice capitals sent
 * late, one unit missing) → `intake poll --once` → `intake compile --send` → the Chánh Văn phòng's mailbox holds
 * one email whose .docx (read back with mammoth) has each unit's content under the template's headings, the
 * resent version and not the first, and the missing unit's placeholder; its XML has the thể thức of
 * Nghị định 30/2020; LibreOffice opens it. Then: nothing changed → nothing sent; a report accepted after the
 * draft → "bản cập nhật" saying what changed; `intake drafts --json` lists both versions.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import JSZip from "jszip";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appleMail, gmailMail, outlookMail, thunderbirdMail } from "../support/eml.ts";
import { CHIEF, OFFICE, startIntakeWorld, UNITS, type IntakeWorld } from "../support/intake.ts";
import type { ReadMessage } from "../support/mail-servers.ts";
import { wordLikeDocx, WORD_NUM, type WBlock, type WRun } from "../support/docx-fixtures.ts";
import { reportDocx, type ReportSection } from "../support/reports.ts";
import { renderDocx, type Rendered } from "../support/render.ts";

const run = promisify(execFile);
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const TITLE_W47 = "Kết quả công tác tuần 47 và kế hoạch công tác tuần 48";
/**
 * Where the page images go: INTAKE_KEEP_RENDERS=<folder> keeps them there for a person to look at; otherwise a
 * temp folder removed after the run (issue 9 §9: tests leave nothing behind in the temp folder).
 */
const KEEP_RENDERS = process.env.INTAKE_KEEP_RENDERS;
const PNG_DIR = KEEP_RENDERS ?? mkdtempSync(join(tmpdir(), "intake-draft-test-"));

/** Each unit's report: distinctive text per unit and section, so the draft shows where each piece went. */
const NVDP: ReportSection[] = [
  {
    heading: "Kết quả thực hiện nhiệm vụ",
    items: [
      "Tham mưu Lãnh đạo Cục ban hành Kế hoạch số 215/KH-TTĐN về thông tin đối ngoại năm 2027.",
      "Tổng hợp ý kiến của 34 tỉnh, thành phố về dự thảo Quy chế phối hợp thông tin đối ngoại.",
    ],
    table: [
      ["Nội dung", "Số lượng"],
      ["Văn bản hướng dẫn địa phương", "03"],
    ],
  },
  { heading: "Khó khăn, vướng mắc", items: ["Một số địa phương gửi ý kiến chậm so với thời hạn đề nghị."] },
  { heading: "Kiến nghị, đề xuất", items: ["Đề nghị Lãnh đạo Cục ký văn bản đôn đốc các địa phương chưa gửi ý kiến."] },
  {
    heading: "Kế hoạch công tác tuần tới",
    items: ["Hoàn thiện Kế hoạch thông tin đối ngoại năm 2027, trình Lãnh đạo Bộ.", "Chuẩn bị Hội nghị giao ban thông tin đối ngoại khu vực phía Bắc."],
  },
];
/** Phòng TTĐN, first version: no plan (Không đạt), and figures it corrected in the second. */
const TTDN_V1: ReportSection[] = [
  { heading: "Kết quả công tác tuần", items: ["Đăng tải 41 tin, bài trên Cổng Thông tin điện tử về thông tin đối ngoại."] },
  { heading: "Tồn tại, hạn chế", items: ["Thiếu biên tập viên tiếng Pháp cho chuyên mục đối ngoại."] },
];
const TTDN_V2: ReportSection[] = [
  {
    heading: "Kết quả công tác tuần",
    items: [
      "Đăng tải 58 tin, bài trên Cổng Thông tin điện tử về thông tin đối ngoại, trong đó 17 bài bằng tiếng Anh.",
      "Phối hợp định hướng tuyên truyền về Hội nghị Cấp cao APEC 2026 với 12 cơ quan báo chí.",
    ],
  },
  { heading: "Tồn tại, hạn chế", items: ["Chuyên mục tiếng Trung chưa được cập nhật thường xuyên do thiếu biên dịch viên."] },
  { heading: "Đề xuất", items: ["Đề nghị bổ sung 01 biên chế biên dịch viên tiếng Trung."] },
  { heading: "Nhiệm vụ trọng tâm tuần tới", items: ["Ra mắt chuyên mục Việt Nam - Điểm đến an toàn trên Cổng thông tin.", "Tổng hợp phản ánh của báo chí quốc tế về Việt Nam tháng 11."] },
];
/** Trung tâm Báo chí: no difficulties section at all ("nếu có"). */
const TTBC: ReportSection[] = [
  {
    heading: "Công việc đã triển khai",
    items: ["Cấp thẻ tác nghiệp cho 27 phóng viên nước ngoài đưa tin Hội nghị Cấp cao ASEAN.", "Đón đoàn 8 nhà báo Nhật Bản khảo sát tại Quảng Ninh."],
  },
  { heading: "Kiến nghị", items: ["Đề nghị phối hợp với Bộ Công an rút ngắn thời gian thẩm định hồ sơ phóng viên."] },
  { heading: "Phương hướng, nhiệm vụ tuần tới", items: ["Tổ chức họp báo quốc tế về kết quả kinh tế - xã hội năm 2026."] },
];
/**
 * Văn phòng, after the first draft was sent, typed in Word the way offices do: the header table, bold headings
 * numbered by hand, sub-headings inside the results, bold and italic words, Word-numbered plan items, one heading
 * for difficulties and proposals together, and the signature table.
 */
function vpReport(opts: { withoutPlan?: boolean } = {}): Promise<Buffer> {
  const bold = (t: string): WBlock => ({ runs: [{ t, b: true }] });
  const para = (...runs: (string | WRun)[]): WBlock => ({ runs: runs.map((r) => (typeof r === "string" ? { t: r } : r)) });
  const numbered = (t: string): WBlock => ({ num: { id: WORD_NUM.decimal, ilvl: 0 }, runs: [{ t }] });
  return wordLikeDocx([
    {
      table: [
        [
          [{ center: true, runs: [{ t: "CỤC THÔNG TIN ĐỐI NGOẠI" }] }, { center: true, runs: [{ t: "VĂN PHÒNG", b: true }] }],
          [{ center: true, runs: [{ t: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b: true }] }, { center: true, runs: [{ t: "Độc lập - Tự do - Hạnh phúc", b: true }] }],
        ],
      ],
    },
    { center: true, runs: [{ t: "BÁO CÁO", b: true }] },
    { center: true, runs: [{ t: TITLE_W47, b: true }] },
    bold("I. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ"),
    bold("1. Công tác tổ chức, cán bộ"),
    para("- Hoàn thành hồ sơ xét tặng danh hiệu thi đua năm 2026 cho ", { t: "46 cá nhân", b: true }, "."),
    para("- Trình ký ", { t: "Quyết định số 1520/QĐ-TTĐN", i: true }, " về nâng bậc lương trước thời hạn."),
    bold("2. Công tác hành chính, quản trị"),
    para("Tiếp nhận và xử lý 312 văn bản đến, phát hành 87 văn bản đi."),
    bold("II. KHÓ KHĂN, VƯỚNG MẮC VÀ KIẾN NGHỊ"),
    para("- Phòng họp lớn đang sửa chữa, phải mượn hội trường của Bộ."),
    para("- Đề nghị Lãnh đạo Cục bố trí kinh phí sửa chữa phòng họp trong quý I/2027."),
    ...(opts.withoutPlan
      ? []
      : [
          bold("III. KẾ HOẠCH CÔNG TÁC TUẦN 48"),
          numbered("Tổ chức Hội nghị cán bộ, công chức, viên chức năm 2027."),
          numbered("Hoàn thiện hồ sơ khen thưởng trình Bộ trước ngày 30/11/2026."),
        ]),
    {
      table: [
        [
          [{ runs: [{ t: "Nơi nhận:", b: true, i: true }] }, { runs: [{ t: "- Lãnh đạo Cục (để b/c);" }] }, { runs: [{ t: "- Lưu: VP." }] }],
          [{ center: true, runs: [{ t: "KT. CHÁNH VĂN PHÒNG", b: true }] }, { center: true, runs: [{ t: "PHÓ CHÁNH VĂN PHÒNG", b: true }] }, { center: true, runs: [{ t: "Trần Minh Đức", b: true }] }],
        ],
      ],
    },
  ]);
}

const header = (unit: string) => ["CỤC THÔNG TIN ĐỐI NGOẠI", unit];

let world: IntakeWorld;
beforeAll(async () => {
  world = await startIntakeWorld();
  mkdirSync(PNG_DIR, { recursive: true });
});
afterAll(async () => {
  await world?.stop();
  if (!KEEP_RENDERS) rmSync(PNG_DIR, { recursive: true, force: true });
});

interface DraftView {
  html: string;
  lines: string[];
  headings: Set<string>;
  under(heading: string, from?: number): string[];
}

/** The draft as a person reads it: mammoth's text lines and its headings (Word Heading 1/2). */
async function readDraft(docx: Buffer): Promise<DraftView> {
  const html = (await mammoth.convertToHtml({ buffer: docx })).value;
  const lines = (await mammoth.extractRawText({ buffer: docx })).value
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const headings = new Set([...html.matchAll(/<h[1-6]>(.*?)<\/h[1-6]>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, "")));
  const under = (heading: string, from = 0): string[] => {
    const start = lines.findIndex((l, i) => i >= from && headings.has(l) && l.startsWith(heading));
    expect(start, `heading "${heading}"`).toBeGreaterThanOrEqual(0);
    const rest = lines.slice(start + 1);
    const end = rest.findIndex((l) => headings.has(l) || /^Phụ lục 0\d$/.test(l) || l === "Nơi nhận:");
    return end < 0 ? rest : rest.slice(0, end);
  };
  return { html, lines, headings, under };
}

/** The "- " lines after the line `heading` in an email's text. */
function listAfter(text: string, heading: string): string[] {
  const lines = text.split(/\r?\n/);
  const at = lines.findIndex((l) => l.trim() === heading);
  expect(at, `"${heading}" in the cover email`).toBeGreaterThanOrEqual(0);
  const out: string[] = [];
  for (const l of lines.slice(at + 1)) {
    if (!/^\s*[-+] /.test(l)) break;
    out.push(l.trimEnd());
  }
  return out;
}

const chiefMail = () => world.servers.readMailbox(CHIEF);
const draftOf = (m: ReadMessage) => {
  const a = m.attachments.filter((x) => x.contentType === DOCX && x.filename.startsWith("Dự thảo"));
  expect(a, "one draft attachment").toHaveLength(1);
  return a[0]!;
};

describe("the compiled draft of week 47/2026", () => {
  let first: ReadMessage;
  let view: DraftView;

  it("merges four units' reports and sends one email to the Chánh Văn phòng", async () => {
    const nvdp = await reportDocx({ header: header("PHÒNG NGHIỆP VỤ - ĐIỀU PHỐI"), title: TITLE_W47, sections: NVDP, producer: "word", style: "heading" });
    const ttdn1 = await reportDocx({ header: header("PHÒNG TRUYỀN THÔNG ĐỐI NGOẠI"), title: TITLE_W47, sections: TTDN_V1, producer: "pandoc", style: "numbered" });
    const ttdn2 = await reportDocx({ header: header("PHÒNG TRUYỀN THÔNG ĐỐI NGOẠI"), title: TITLE_W47, sections: TTDN_V2, producer: "pandoc", style: "numbered" });
    const ttbc = await reportDocx({ header: header("TRUNG TÂM BÁO CHÍ VÀ HỢP TÁC TRUYỀN THÔNG QUỐC TẾ"), title: TITLE_W47, sections: TTBC, producer: "libreoffice", style: "caps" });

    await world.deliver(
      outlookMail({
        from: { name: "Phòng Nghiệp vụ - Điều phối", address: UNITS.nvdp }, to: [OFFICE], subject: "Báo cáo tuần 47 - Phòng NVĐP",
        text: "Kính gửi Văn phòng,\nPhòng NVĐP gửi báo cáo công tác tuần 47/2026.", date: new Date("2026-11-18T10:11:00+07:00"),
        attachments: [{ filename: "BC tuan 47 - NVDP.docx", content: nvdp }],
      }),
      "2026-11-18T10:12:00+07:00",
    );
    await world.deliver(
      gmailMail({
        from: { name: "Phòng TTĐN", address: UNITS.ttdn }, to: [OFFICE], subject: "Báo cáo tuần 47/2026 - Phòng TTĐN",
        text: "Kính gửi Văn phòng,\nPhòng Truyền thông đối ngoại gửi báo cáo tuần 47.", date: new Date("2026-11-18T16:39:00+07:00"),
        attachments: [{ filename: "Báo cáo tuần 47 - TTĐN.docx", content: ttdn1 }],
      }),
      "2026-11-18T16:40:00+07:00",
    );
    await world.deliver(
      gmailMail({
        from: { name: "Phòng TTĐN", address: UNITS.ttdn }, to: [OFFICE], subject: "Báo cáo tuần 47/2026 - Phòng TTĐN (gửi lại, bổ sung kế hoạch)",
        text: "Kính gửi Văn phòng,\nPhòng TTĐN gửi lại báo cáo tuần 47 đã bổ sung kế hoạch tuần tới.", date: new Date("2026-11-19T09:04:00+07:00"),
        attachments: [{ filename: "Báo cáo tuần 47 - TTĐN (bổ sung).docx", content: ttdn2 }],
      }),
      "2026-11-19T09:05:00+07:00",
    );
    await world.deliver(
      thunderbirdMail({
        from: { name: "Trung tâm Báo chí", address: UNITS.ttbc }, to: [OFFICE], subject: "BC tuần 47 - Trung tâm Báo chí và Hợp tác truyền thông quốc tế",
        text: "Kính gửi Văn phòng,\nTrung tâm gửi báo cáo tuần 47, xin lỗi vì gửi muộn.", date: new Date("2026-11-20T09:44:00+07:00"),
        attachments: [{ filename: "BC tuần 47 TTBC.docx", content: ttbc }],
      }),
      "2026-11-20T09:45:00+07:00",
    );
    const poll = await world.run(["poll", "--once"], "2026-11-20T10:00:00");
    expect(poll.code, poll.stderr).toBe(0);
    const rows = await world.json<any[]>(["submissions", "--period", "2026-W47"], "2026-11-20T10:00:00");
    expect(rows.map((r) => [r.unit, r.status, r.onTime, r.missingSections])).toEqual([
      ["nvdp", "accepted", true, []],
      ["ttdn", "rejected", true, ["ke_hoach"]],
      ["ttdn", "accepted", true, []],
      ["ttbc", "accepted", false, []],
    ]);

    const compile = await world.run(["compile", "--regime", "qt-vp-03", "--period", "2026-W47", "--send"], "2026-11-23T08:00:00");
    expect(compile.code, compile.stderr).toBe(0);
    expect(compile.stdout).toContain("Đã lập dự thảo 2026-W47 bản 1");

    const inbox = await chiefMail();
    expect(inbox).toHaveLength(1);
    first = inbox[0]!;
    expect(first.from).toBe(OFFICE);
    expect(first.to).toEqual([CHIEF]);
    expect(first.cc).toEqual([OFFICE]);
    expect(first.subject).toBe("Dự thảo báo cáo công tác tuần 47/2026");
    expect(first.headers["x-intake-bot"]).toBe("bao-cao-intake; purpose=draft");
    // The draft, then the units' original files of their accepted versions (not the Không đạt one).
    expect(first.attachments.map((a) => a.filename)).toEqual([
      "Dự thảo báo cáo công tác tuần 47-2026.docx",
      "BC tuan 47 - NVDP.docx",
      "Báo cáo tuần 47 - TTĐN (bổ sung).docx",
      "BC tuần 47 TTBC.docx",
    ]);
    view = await readDraft(draftOf(first).content);
  }, 240_000);

  it("has the header block and the title of the week", () => {
    const order = [
      "CỤC THÔNG TIN ĐỐI NGOẠI",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Số:        /BC-TTĐN",
      "Hà Nội, ngày      tháng      năm 2026",
      "BÁO CÁO",
      "Công tác tuần 47/2026 và nhiệm vụ trọng tâm tuần 48/2026",
      "I. KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH CÔNG TÁC",
      "II. ĐÁNH GIÁ HOẠT ĐỘNG CỦA LĨNH VỰC TTĐN; CỦA BỘ, NGÀNH, ĐỊA PHƯƠNG, CƠ QUAN BÁO CHÍ",
      "III. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NHIỆM VỤ CỦA CÁC ĐƠN VỊ THUỘC CỤC TRONG TUẦN 47/2026",
      "IV. CÁC NHIỆM VỤ TRỌNG TÂM TRONG TUẦN 48/2026",
      "Nơi nhận:",
      "CỤC TRƯỞNG",
      "Phụ lục 01",
      "Phụ lục 02",
    ];
    const at = order.map((t) => view.lines.indexOf(t));
    expect(at.every((i) => i >= 0), JSON.stringify(at)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(view.lines).not.toContain("(Bản cập nhật lần 1)");
  });

  it("puts each unit's results under its first field of work, labelled with its name", () => {
    expect(view.under("1. Công tác tham mưu")).toEqual([
      "Phòng Nghiệp vụ - Điều phối:",
      "- Tham mưu Lãnh đạo Cục ban hành Kế hoạch số 215/KH-TTĐN về thông tin đối ngoại năm 2027.",
      "- Tổng hợp ý kiến của 34 tỉnh, thành phố về dự thảo Quy chế phối hợp thông tin đối ngoại.",
      "Nội dung",
      "Số lượng",
      "Văn bản hướng dẫn địa phương",
      "03",
    ]);
    expect(view.under("2. Công tác nhân quyền")).toEqual([]);
    expect(view.under("3. Thúc đẩy TTĐN trên báo chí")).toEqual([
      "Trung tâm Báo chí và Hợp tác truyền thông quốc tế:",
      "- Cấp thẻ tác nghiệp cho 27 phóng viên nước ngoài đưa tin Hội nghị Cấp cao ASEAN.",
      "- Đón đoàn 8 nhà báo Nhật Bản khảo sát tại Quảng Ninh.",
    ]);
    expect(view.under("4. Tổng hợp, cung cấp thông tin")).toEqual([
      "Phòng Truyền thông đối ngoại:",
      "- Đăng tải 58 tin, bài trên Cổng Thông tin điện tử về thông tin đối ngoại, trong đó 17 bài bằng tiếng Anh.",
      "- Phối hợp định hướng tuyên truyền về Hội nghị Cấp cao APEC 2026 với 12 cơ quan báo chí.",
    ]);
    expect(view.under("7. Công tác tổ chức")).toEqual(["[Văn phòng chưa gửi báo cáo]"]);
    // The unit's table stays a table.
    expect(view.html).toMatch(/<table><tr><td><p>Nội dung<\/p><\/td><td><p>Số lượng<\/p><\/td><\/tr><tr><td><p>Văn bản hướng dẫn địa phương<\/p><\/td><td><p>03<\/p><\/td><\/tr><\/table>/);
  });

  it("uses the resent version and nothing of the Không đạt one", () => {
    const text = view.lines.join("\n");
    expect(text).not.toContain("41 tin, bài");
    expect(text).not.toContain("tiếng Pháp");
    expect(text).toContain("Chuyên mục tiếng Trung chưa được cập nhật thường xuyên do thiếu biên dịch viên.");
  });

  it("III.1 states the record, IV has each unit's plan in its numbered item", () => {
    expect(view.under("1. Kết quả thực hiện nhiệm vụ Lãnh đạo Bộ")).toEqual([
      "Tình hình chấp hành chế độ báo cáo tuần 47/2026 của các đơn vị: gửi báo cáo đúng hạn, đạt yêu cầu: Phòng Nghiệp vụ - Điều phối, Phòng Truyền thông đối ngoại; gửi báo cáo muộn: Trung tâm Báo chí và Hợp tác truyền thông quốc tế; chưa gửi báo cáo: Văn phòng.",
    ]);
    const iv = view.lines.indexOf("IV. CÁC NHIỆM VỤ TRỌNG TÂM TRONG TUẦN 48/2026");
    expect(view.under("1. Các đơn vị trực thuộc Cục", iv)).toEqual([]);
    expect(view.under("2. Phòng Nghiệp vụ - Điều phối", iv)).toEqual([
      "- Hoàn thiện Kế hoạch thông tin đối ngoại năm 2027, trình Lãnh đạo Bộ.",
      "- Chuẩn bị Hội nghị giao ban thông tin đối ngoại khu vực phía Bắc.",
    ]);
    expect(view.under("3. Phòng Truyền thông đối ngoại", iv)).toEqual([
      "- Ra mắt chuyên mục Việt Nam - Điểm đến an toàn trên Cổng thông tin.",
      "- Tổng hợp phản ánh của báo chí quốc tế về Việt Nam tháng 11.",
    ]);
    expect(view.under("4. Trung tâm Báo chí và Hợp tác truyền thông quốc tế", iv)).toEqual(["- Tổ chức họp báo quốc tế về kết quả kinh tế - xã hội năm 2026."]);
    expect(view.under("5. Văn phòng", iv)).toEqual(["[Văn phòng chưa gửi báo cáo]"]);
  });

  it("Phụ lục 01 gathers difficulties and proposals by unit; Phụ lục 02 the submissions", () => {
    const p1 = view.lines.indexOf("Phụ lục 01");
    expect(view.under("1. Phòng Nghiệp vụ - Điều phối", p1)).toEqual([
      "a) Nhiệm vụ chậm tiến độ, khó khăn, vướng mắc",
      "- Một số địa phương gửi ý kiến chậm so với thời hạn đề nghị.",
      "b) Kiến nghị, đề xuất",
      "- Đề nghị Lãnh đạo Cục ký văn bản đôn đốc các địa phương chưa gửi ý kiến.",
    ]);
    expect(view.under("2. Phòng Truyền thông đối ngoại", p1)).toEqual([
      "a) Nhiệm vụ chậm tiến độ, khó khăn, vướng mắc",
      "- Chuyên mục tiếng Trung chưa được cập nhật thường xuyên do thiếu biên dịch viên.",
      "b) Kiến nghị, đề xuất",
      "- Đề nghị bổ sung 01 biên chế biên dịch viên tiếng Trung.",
    ]);
    expect(view.under("3. Trung tâm Báo chí và Hợp tác truyền thông quốc tế", p1)).toEqual([
      "a) Nhiệm vụ chậm tiến độ, khó khăn, vướng mắc",
      "Không có.",
      "b) Kiến nghị, đề xuất",
      "- Đề nghị phối hợp với Bộ Công an rút ngắn thời gian thẩm định hồ sơ phóng viên.",
    ]);
    expect(view.under("4. Văn phòng", p1)).toEqual(["[Văn phòng chưa gửi báo cáo]"]);
    const p2 = view.lines.slice(view.lines.indexOf("Phụ lục 02"));
    expect(p2).toContain("Thời hạn gửi báo cáo: trước 15 giờ 00 ngày 19/11/2026 (Thứ Năm).");
    const table = p2.slice(p2.indexOf("STT"));
    expect(table.slice(0, 30)).toEqual([
      "STT", "Đơn vị", "Thời điểm nhận", "Chấp hành thời hạn", "Kết quả kiểm tra", "Lần gửi",
      "1", "Phòng Nghiệp vụ - Điều phối", "10 giờ 12, 18/11/2026", "Đúng hạn", "Đạt", "1",
      "2", "Phòng Truyền thông đối ngoại", "9 giờ 05, 19/11/2026", "Đúng hạn", "Đạt", "2",
      "3", "Trung tâm Báo chí và Hợp tác truyền thông quốc tế", "9 giờ 45, 20/11/2026", "Muộn 18 giờ 45 phút", "Đạt", "1",
      "4", "Văn phòng", "Chưa nhận", "Chưa gửi",
    ]);
  });

  it("the cover email says how each unit stands and how to answer", () => {
    expect(listAfter(first.text, "1. Tình hình gửi báo cáo của các đơn vị:")).toEqual([
      "- Phòng Nghiệp vụ - Điều phối: Đạt, gửi đúng hạn (nhận lúc 10 giờ 12, 18/11/2026).",
      "- Phòng Truyền thông đối ngoại: Đạt, gửi đúng hạn (nhận lúc 9 giờ 05, 19/11/2026); bản gửi lần 2.",
      "- Trung tâm Báo chí và Hợp tác truyền thông quốc tế: Đạt, gửi muộn 18 giờ 45 phút (nhận lúc 9 giờ 45, 20/11/2026).",
      "- Văn phòng: chưa gửi báo cáo.",
    ]);
    expect(listAfter(first.text, "2. Các đơn vị chưa chấp hành đúng chế độ báo cáo (QT.VP.03, mục 8):")).toEqual([
      "- Gửi báo cáo muộn: Trung tâm Báo chí và Hợp tác truyền thông quốc tế.",
      "- Chưa gửi báo cáo: Văn phòng.",
    ]);
    expect(first.text).toContain('ghi "Đạt" để trình Lãnh đạo Cục ký ban hành, hoặc "Không đạt"');
  });

  it("has the thể thức of Nghị định 30/2020 in its XML: Times New Roman, A4, margins", async () => {
    const zip = await JSZip.loadAsync(draftOf(first).content);
    const documentXml = await zip.file("word/document.xml")!.async("string");
    const stylesXml = await zip.file("word/styles.xml")!.async("string");
    const fonts = new Set([...(documentXml + stylesXml).matchAll(/w:(?:ascii|hAnsi|cs|eastAsia)="([^"]+)"/g)].map((m) => m[1]));
    expect(fonts).toEqual(new Set(["Times New Roman"]));
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"( w:orient="portrait")?\/>/);
    const mar = /<w:pgMar\b[^>]*\/>/.exec(documentXml)?.[0] ?? "";
    const mm = (side: string) => (Number(new RegExp(`w:${side}="(\\d+)"`).exec(mar)?.[1]) * 25.4) / 1440;
    for (const [side, min, max] of [["top", 20, 25], ["bottom", 20, 25], ["left", 30, 35], ["right", 15, 20]] as const) {
      expect(mm(side), side).toBeGreaterThanOrEqual(min);
      expect(mm(side), side).toBeLessThanOrEqual(max);
    }
  });

  it("opens in LibreOffice without repair and renders page 1 like the Cục's template", async () => {
    const rendered: Rendered = await renderDocx(draftOf(first).content, { dpi: 80, first: 1, last: 2, dir: PNG_DIR, name: "draft-w47-v1" });
    expect(rendered.pages).toBeGreaterThanOrEqual(3);
    expect(rendered.pngs).toHaveLength(2);
    const { stdout } = await run("pdftotext", ["-f", "1", "-l", "1", "-layout", rendered.pdfPath, "-"]);
    const top = stdout.split("\n").filter((l) => l.trim()).slice(0, 2);
    expect(top[0]).toMatch(/BỘ THÔNG TIN VÀ TRUYỀN THÔNG\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    expect(top[1]).toMatch(/CỤC THÔNG TIN ĐỐI NGOẠI\s+Độc lập - Tự do - Hạnh phúc/);
    expect(stdout).toContain("Phòng Nghiệp vụ - Điều phối:");
  }, 180_000);

  it("compile --send with nothing changed sends nothing more", async () => {
    const again = await world.run(["compile", "--regime", "qt-vp-03", "--period", "2026-W47", "--send"], "2026-11-23T08:30:00");
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain("không gửi lại");
    expect(await chiefMail()).toHaveLength(1);
    // The officer takes the file to edit it: the version that was sent, not an unsent "bản cập nhật".
    const out = join(PNG_DIR, "compiled-w47.docx");
    const preview = await world.run(["compile", "--regime", "qt-vp-03", "--period", "2026-W47", "--out", out], "2026-11-23T08:40:00");
    expect(preview.code, preview.stderr).toBe(0);
    expect(readFileSync(out).equals(draftOf(first).content)).toBe(true);
    expect(await chiefMail()).toHaveLength(1);
  }, 60_000);

  it("a Không đạt report after the draft changes no content: nothing is sent", async () => {
    await world.deliver(
      appleMail({
        from: { name: "Văn phòng Cục", address: UNITS.vp }, to: [OFFICE], subject: "Văn phòng gửi báo cáo tuần 47",
        text: "Kính gửi đồng chí chuyên viên tổng hợp,\nVăn phòng gửi báo cáo công tác tuần 47/2026.", date: new Date("2026-11-23T08:59:00+07:00"),
        attachments: [{ filename: "Báo cáo tuần 47 - VP.docx", content: await vpReport({ withoutPlan: true }) }],
      }),
      "2026-11-23T09:00:00+07:00",
    );
    expect((await world.run(["poll", "--once"], "2026-11-23T09:05:00")).code).toBe(0);
    const compile = await world.run(["compile", "--regime", "qt-vp-03", "--period", "2026-W47", "--send"], "2026-11-23T09:10:00");
    expect(compile.code, compile.stderr).toBe(0);
    expect(compile.stdout).toContain("không gửi lại");
    expect(await chiefMail()).toHaveLength(1);
  }, 120_000);

  it("a report accepted after the draft → an updated draft that says what changed; drafts lists both", async () => {
    const vp = await vpReport();
    await world.deliver(
      appleMail({
        from: { name: "Văn phòng Cục", address: UNITS.vp }, to: [OFFICE], subject: "Văn phòng gửi báo cáo tuần 47",
        text: "Kính gửi đồng chí chuyên viên tổng hợp,\nVăn phòng gửi báo cáo công tác tuần 47/2026.", date: new Date("2026-11-23T09:29:00+07:00"),
        attachments: [{ filename: "Báo cáo tuần 47 - Văn phòng.docx", content: vp }],
      }),
      "2026-11-23T09:30:00+07:00",
    );
    const poll = await world.run(["poll", "--once"], "2026-11-23T09:35:00");
    expect(poll.code, poll.stderr).toBe(0);
    const compile = await world.run(["compile", "--regime", "qt-vp-03", "--period", "2026-W47", "--send"], "2026-11-23T10:00:00");
    expect(compile.code, compile.stderr).toBe(0);
    expect(compile.stdout).toContain("Đã lập dự thảo 2026-W47 bản 2");

    const inbox = await chiefMail();
    expect(inbox).toHaveLength(2);
    const update = inbox[1]!;
    expect(update.subject).toBe("Dự thảo báo cáo công tác tuần 47/2026 (bản cập nhật lần 1)");
    expect(update.cc).toEqual([OFFICE]);
    expect(update.text).toContain("Đây là bản cập nhật lần 1 của dự thảo, thay cho bản đã gửi trước.");
    expect(listAfter(update.text, "2. Những điểm thay đổi so với bản dự thảo trước:")).toEqual(["- Văn phòng: đã bổ sung báo cáo vào dự thảo."]);
    expect(listAfter(update.text, "1. Tình hình gửi báo cáo của các đơn vị:")[3]).toBe("- Văn phòng: Đạt, gửi muộn 3 ngày 18 giờ (nhận lúc 9 giờ 30, 23/11/2026); bản gửi lần 2.");
    expect(update.attachments.map((a) => a.filename)).toEqual([
      "Dự thảo báo cáo công tác tuần 47-2026 (bản cập nhật lần 1).docx",
      "BC tuan 47 - NVDP.docx",
      "Báo cáo tuần 47 - TTĐN (bổ sung).docx",
      "BC tuần 47 TTBC.docx",
      "Báo cáo tuần 47 - Văn phòng.docx",
    ]);

    // Left beside the page images (outside the repository) for a person to open.
    writeFileSync(join(PNG_DIR, "draft-w47-v2.docx"), draftOf(update).content);
    const v2 = await readDraft(draftOf(update).content);
    expect(v2.lines).toContain("(Bản cập nhật lần 1)");
    expect(v2.under("7. Công tác tổ chức")).toEqual([
      "Văn phòng:",
      "1. Công tác tổ chức, cán bộ",
      "- Hoàn thành hồ sơ xét tặng danh hiệu thi đua năm 2026 cho 46 cá nhân.",
      "- Trình ký Quyết định số 1520/QĐ-TTĐN về nâng bậc lương trước thời hạn.",
      "2. Công tác hành chính, quản trị",
      "Tiếp nhận và xử lý 312 văn bản đến, phát hành 87 văn bản đi.",
    ]);
    // The unit's bold and italic words and its bold sub-headings keep their form.
    expect(v2.html).toContain("<p><strong>1. Công tác tổ chức, cán bộ</strong></p>");
    expect(v2.html).toContain("năm 2026 cho <strong>46 cá nhân</strong>.");
    expect(v2.html).toContain("Trình ký <em>Quyết định số 1520/QĐ-TTĐN</em> về");
    const iv = v2.lines.indexOf("IV. CÁC NHIỆM VỤ TRỌNG TÂM TRONG TUẦN 48/2026");
    expect(v2.under("5. Văn phòng", iv)).toEqual(["1. Tổ chức Hội nghị cán bộ, công chức, viên chức năm 2027.", "2. Hoàn thiện hồ sơ khen thưởng trình Bộ trước ngày 30/11/2026."]);
    // One heading for difficulties and proposals: shown once, not twice under a) and b).
    expect(v2.under("4. Văn phòng", v2.lines.indexOf("Phụ lục 01"))).toEqual([
      "Nhiệm vụ chậm tiến độ, khó khăn, vướng mắc và kiến nghị, đề xuất",
      "- Phòng họp lớn đang sửa chữa, phải mượn hội trường của Bộ.",
      "- Đề nghị Lãnh đạo Cục bố trí kinh phí sửa chữa phòng họp trong quý I/2027.",
    ]);
    const all = v2.lines.join("\n");
    expect(all).not.toContain("[Văn phòng chưa gửi báo cáo]");
    expect(all).not.toContain("Trần Minh Đức");
    expect(all).not.toContain("Lưu: VP.");

    const drafts = await world.json<any[]>(["drafts"], "2026-11-23T10:01:00");
    expect(drafts.map((d) => [d.regime, d.period, d.version, d.sentAt, d.emailMessageId, d.reviewState])).toEqual([
      ["qt-vp-03", "2026-W47", 1, "2026-11-23T08:00:00+07:00", inbox[0]!.messageId, "pending"],
      ["qt-vp-03", "2026-W47", 2, "2026-11-23T10:00:00+07:00", update.messageId, "pending"],
    ]);
  }, 180_000);
});
