import { describe, expect, it } from "vitest";
import { periodFromId } from "../../src/domain/calendar/index.ts";
import { fillSlots, parseDraftSkeleton, parseDraftSkeletonYaml } from "../../src/domain/draft/index.ts";
import {
  buildDraftPlan,
  parseUnitDraftKey,
  resultsField,
  unitDraftKey,
  type DraftInput,
  type DraftNode,
  type DraftPlan,
  type UnitReportForDraft,
} from "../../src/domain/draft/index.ts";
import type { Block, PeriodKind } from "../../src/domain/model.ts";
import { loadSkeleton, mixedUnits, nvdpSections, p, unitOf, ZONE } from "../support/draft-units.ts";
import { loadTemplateRegime } from "../support/regime.ts";

const skeleton = loadSkeleton();
const regime = loadTemplateRegime();

function period(kind: PeriodKind, id: string) {
  const pp = periodFromId(kind, id, ZONE);
  if (!pp) throw new Error(`bad period ${id}`);
  return pp;
}

function input(over: Partial<DraftInput> = {}): DraftInput {
  return {
    regime,
    period: period("week", "2026-W47"),
    units: mixedUnits(regime),
    skeleton,
    zone: ZONE,
    now: new Date("2026-11-23T01:00:00Z"),
    version: 1,
    ...over,
  };
}

function blockText(b: Block): string {
  if (b.type === "table") return b.rows.map((r) => r.map((c) => c.map(blockText).join(" ")).join(" | ")).join("\n");
  return b.runs.map((r) => r.text).join("");
}

/** The draft as lines of text, in order: what a reader of the document sees. */
function lines(nodes: DraftNode[]): string[] {
  return nodes.flatMap((n) => {
    if (n.kind === "paragraph") return [n.text];
    if (n.kind === "content") return n.blocks.map(blockText);
    return [n.header.join(" | "), ...n.rows.map((r) => r.join(" | "))];
  });
}

function allLines(plan: DraftPlan): string[] {
  return [...lines(plan.body), ...plan.appendices.flatMap((a) => [a.name, a.heading, ...lines(a.body)])];
}

/** The lines between the heading that starts with `from` and the next line that starts with `until`. */
function between(all: string[], from: string, until: RegExp): string[] {
  const start = all.findIndex((l) => l.startsWith(from));
  expect(start, `heading "${from}"`).toBeGreaterThanOrEqual(0);
  const rest = all.slice(start + 1);
  const end = rest.findIndex((l) => until.test(l));
  return end < 0 ? rest : rest.slice(0, end);
}

const NEXT_ITEM = /^(\d+\. |[IV]+\. )/;

describe("titles and period labels, by kind", () => {
  const cases: { kind: PeriodKind; id: string; now: string; title: string; iii: string; iv: string; year: number }[] = [
    { kind: "week", id: "2026-W47", now: "2026-11-23T01:00:00Z", title: "Công tác tuần 47/2026 và nhiệm vụ trọng tâm tuần 48/2026", iii: "TRONG TUẦN 47/2026", iv: "TRONG TUẦN 48/2026", year: 2026 },
    // 2026 has an ISO week 53; the next week is 2027-W01, and the draft is made in January 2027.
    { kind: "week", id: "2026-W53", now: "2027-01-04T01:00:00Z", title: "Công tác tuần 53/2026 và nhiệm vụ trọng tâm tuần 1/2027", iii: "TRONG TUẦN 53/2026", iv: "TRONG TUẦN 1/2027", year: 2027 },
    { kind: "week", id: "2027-W01", now: "2027-01-11T01:00:00Z", title: "Công tác tuần 1/2027 và nhiệm vụ trọng tâm tuần 2/2027", iii: "TRONG TUẦN 1/2027", iv: "TRONG TUẦN 2/2027", year: 2027 },
    { kind: "week", id: "2028-W52", now: "2029-01-01T01:00:00Z", title: "Công tác tuần 52/2028 và nhiệm vụ trọng tâm tuần 1/2029", iii: "TRONG TUẦN 52/2028", iv: "TRONG TUẦN 1/2029", year: 2029 },
    { kind: "month", id: "2026-11", now: "2026-12-03T01:00:00Z", title: "Công tác tháng 11/2026 và nhiệm vụ trọng tâm tháng 12/2026", iii: "TRONG THÁNG 11/2026", iv: "TRONG THÁNG 12/2026", year: 2026 },
    // NĐ 30/2020: months 1 and 2 take a leading zero.
    { kind: "month", id: "2026-12", now: "2027-01-03T01:00:00Z", title: "Công tác tháng 12/2026 và nhiệm vụ trọng tâm tháng 01/2027", iii: "TRONG THÁNG 12/2026", iv: "TRONG THÁNG 01/2027", year: 2027 },
    { kind: "month", id: "2028-01", now: "2028-02-03T01:00:00Z", title: "Công tác tháng 01/2028 và nhiệm vụ trọng tâm tháng 02/2028", iii: "TRONG THÁNG 01/2028", iv: "TRONG THÁNG 02/2028", year: 2028 },
    { kind: "quarter", id: "2026-Q4", now: "2027-01-03T01:00:00Z", title: "Công tác quý IV/2026 và nhiệm vụ trọng tâm quý I/2027", iii: "TRONG QUÝ IV/2026", iv: "TRONG QUÝ I/2027", year: 2027 },
    { kind: "quarter", id: "2027-Q2", now: "2027-07-03T01:00:00Z", title: "Công tác quý II/2027 và nhiệm vụ trọng tâm quý III/2027", iii: "TRONG QUÝ II/2027", iv: "TRONG QUÝ III/2027", year: 2027 },
    { kind: "half", id: "2026-H1", now: "2026-07-03T01:00:00Z", title: "Sơ kết 6 tháng đầu năm 2026 và nhiệm vụ trọng tâm 6 tháng cuối năm 2026", iii: "TRONG 6 THÁNG ĐẦU NĂM 2026", iv: "TRONG 6 THÁNG CUỐI NĂM 2026", year: 2026 },
    { kind: "year", id: "2026", now: "2026-11-28T01:00:00Z", title: "Công tác năm 2026 và nhiệm vụ trọng tâm năm 2027", iii: "TRONG NĂM 2026", iv: "TRONG NĂM 2027", year: 2026 },
  ];
  it.each(cases)("$kind $id", (c) => {
    const plan = buildDraftPlan(input({ period: period(c.kind, c.id), now: new Date(c.now) }));
    expect(plan.title).toBe(c.title);
    expect(plan.docKind).toBe("BÁO CÁO");
    expect(plan.header.number).toBe("Số:        /BC-TTĐN");
    expect(plan.header.placeDate).toBe(`Hà Nội, ngày      tháng      năm ${c.year}`);
    const headings = plan.body.filter((n) => n.kind === "paragraph" && n.role === "section-heading").map((n) => (n as { text: string }).text);
    expect(headings).toEqual([
      "I. KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH CÔNG TÁC",
      "II. ĐÁNH GIÁ HOẠT ĐỘNG CỦA LĨNH VỰC TTĐN; CỦA BỘ, NGÀNH, ĐỊA PHƯƠNG, CƠ QUAN BÁO CHÍ",
      `III. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NHIỆM VỤ CỦA CÁC ĐƠN VỊ THUỘC CỤC ${c.iii}`,
      `IV. CÁC NHIỆM VỤ TRỌNG TÂM ${c.iv}`,
    ]);
  });

  it("the place-date year is the local year of now (00:30 on 1 January in Hà Nội is still 31 December in UTC)", () => {
    const plan = buildDraftPlan(input({ period: period("month", "2026-12"), now: new Date("2026-12-31T17:30:00Z") }));
    expect(plan.header.placeDate).toBe("Hà Nội, ngày      tháng      năm 2027");
  });

  it("III.1 names the period's phiếu giao nhiệm vụ", () => {
    const plan = buildDraftPlan(input({ period: period("month", "2026-11"), now: new Date("2026-12-03T01:00:00Z") }));
    expect(lines(plan.body)).toContain("1. Kết quả thực hiện nhiệm vụ Lãnh đạo Bộ, Lãnh đạo Cục giao tại phiếu giao nhiệm vụ tháng 11/2026");
  });
});

describe("section I: the regime's fields, each unit's results under its first field", () => {
  const plan = buildDraftPlan(input());
  const all = lines(plan.body);

  it("lists the nine fields of the template in order", () => {
    const fieldHeadings = plan.body
      .slice(0, plan.body.findIndex((n) => n.kind === "paragraph" && n.text.startsWith("II.")))
      .filter((n) => n.kind === "paragraph" && n.role === "item-heading")
      .map((n) => (n as { text: string }).text);
    expect(fieldHeadings).toEqual(regime.fields.map((f, i) => `${i + 1}. ${f}`));
    expect(fieldHeadings[0]).toBe("1. Công tác tham mưu, chỉ đạo, điều hành về thông tin đối ngoại (TTĐN)");
    expect(fieldHeadings[8]).toBe("9. Nhiệm vụ khác");
  });

  it.each([
    { field: "1. Công tác tham mưu", expected: ["Phòng Nghiệp vụ - Điều phối:", "Kế hoạch số 215/KH-TTĐN"] },
    { field: "3. Thúc đẩy TTĐN trên báo chí", expected: ["[Trung tâm Báo chí và Hợp tác truyền thông quốc tế chưa gửi báo cáo]"] },
    { field: "4. Tổng hợp, cung cấp thông tin", expected: ["Phòng Truyền thông đối ngoại:", "Vận hành ổn định Cổng thông tin điện tử về Việt Nam"] },
    { field: "7. Công tác tổ chức, nhân sự", expected: ["[Văn phòng báo cáo Không đạt, chưa gửi lại]"] },
  ])("under $field", ({ field, expected }) => {
    const under = between(all, field, NEXT_ITEM).join("\n");
    for (const e of expected) expect(under).toContain(e);
  });

  it.each(["2. Công tác nhân quyền", "5. Quản lý và vận hành", "6. Hoạt động tuyên truyền", "8. Công tác đoàn thể", "9. Nhiệm vụ khác"])(
    "%s has no unit: one empty paragraph to fill",
    (field) => {
      expect(between(all, field, NEXT_ITEM)).toEqual([""]);
    },
  );

  it("the results go under the unit's first field as configured, and under the last field when it has none", () => {
    const custom = loadTemplateRegime();
    custom.units = custom.units.map((u) => (u.id === "nvdp" ? { ...u, fields: [2, 1] } : u.id === "ttdn" ? { ...u, fields: [] } : u));
    const units = mixedUnits(custom);
    const text = lines(buildDraftPlan(input({ regime: custom, units })).body);
    expect(between(text, "2. Công tác nhân quyền", NEXT_ITEM).join("\n")).toContain("Kế hoạch số 215/KH-TTĐN");
    expect(between(text, "1. Công tác tham mưu", NEXT_ITEM)).toEqual([""]);
    expect(between(text, "9. Nhiệm vụ khác", NEXT_ITEM).join("\n")).toContain("Phòng Truyền thông đối ngoại:");
  });

  it.each([
    { fields: [3, 6], field: 3 },
    { fields: [7, 8, 9], field: 7 },
    { fields: [], field: 9 },
    { fields: [0], field: 9 },
    { fields: [12], field: 9 },
  ])("resultsField($fields) = $field", ({ fields, field }) => {
    expect(resultsField({ ...unitOf(regime, "vp"), fields }, 9)).toBe(field);
  });
});

describe("section IV: the template's first item, then one item per unit in the template's order", () => {
  it("keeps the regime order whatever order the units come in", () => {
    for (const order of [["vp", "ttdn", "nvdp"], ["nvdp", "ttdn", "vp"], ["ttdn", "vp", "nvdp"]]) {
      const base = mixedUnits(regime);
      const units = order.map((id) => base.find((u) => u.unit.id === id)!);
      const plan = buildDraftPlan(input({ units }));
      const iv = plan.body.slice(plan.body.findIndex((n) => n.kind === "paragraph" && n.text.startsWith("IV.")));
      const items = iv.filter((n) => n.kind === "paragraph" && n.role === "item-heading").map((n) => (n as { text: string }).text);
      expect(items).toEqual([
        "1. Các đơn vị trực thuộc Cục",
        "2. Phòng Nghiệp vụ - Điều phối",
        "3. Phòng Truyền thông đối ngoại",
        "4. Trung tâm Báo chí và Hợp tác truyền thông quốc tế",
        "5. Văn phòng",
      ]);
    }
  });

  it("puts each unit's plan (ke_hoach) under its item", () => {
    const all = lines(buildDraftPlan(input()).body);
    expect(between(all, "2. Phòng Nghiệp vụ - Điều phối", NEXT_ITEM)).toEqual([
      "Hoàn thiện Kế hoạch thông tin đối ngoại năm 2027, trình Lãnh đạo Bộ.",
      "Chuẩn bị nội dung Hội nghị giao ban thông tin đối ngoại khu vực phía Bắc.",
    ]);
    expect(between(all, "1. Các đơn vị trực thuộc Cục", NEXT_ITEM)).toEqual([""]);
    expect(between(all, "5. Văn phòng", NEXT_ITEM)).toEqual(["[Văn phòng báo cáo Không đạt, chưa gửi lại]"]);
  });
});

describe("placeholders: a unit without an accepted report is visible in each of its places", () => {
  const cases: { state: UnitReportForDraft["state"]; note: string }[] = [
    { state: "missing", note: "[Trung tâm Báo chí và Hợp tác truyền thông quốc tế chưa gửi báo cáo]" },
    { state: "rejected", note: "[Trung tâm Báo chí và Hợp tác truyền thông quốc tế báo cáo Không đạt, chưa gửi lại]" },
    { state: "secret", note: "[Trung tâm Báo chí và Hợp tác truyền thông quốc tế: báo cáo có đóng dấu mật, chuyên viên xử lý thủ công]" },
  ];
  it.each(cases)("$state: in I, IV and Phụ lục 01, and none of its content", ({ state, note }) => {
    const secretText = "Tổ chức đón đoàn phóng viên nước ngoài (nội dung mật)";
    const units = mixedUnits(regime, {
      ttbc: { state, sections: { ket_qua: [p(secretText)], kho_khan: [p(secretText)], kien_nghi: [p(secretText)], ke_hoach: [p(secretText)] }, version: 1 },
    });
    const plan = buildDraftPlan(input({ units }));
    const all = allLines(plan);
    expect(all.filter((l) => l === note)).toHaveLength(3);
    expect(all.join("\n")).not.toContain(secretText);
    expect(plan.body.filter((n) => n.kind === "content" && n.unit === "ttbc")).toEqual([]);
    const placeholders = plan.body.filter((n) => n.kind === "paragraph" && n.role === "placeholder" && n.text === note);
    expect(placeholders).toHaveLength(2);
  });

  it("a unit absent from the input is missing; one the regime does not know is left out with a warning", () => {
    const stray: UnitReportForDraft = { ...mixedUnits(regime)[2]!, unit: { id: "ttxvn", name: "Thông tấn xã", aliases: [], addresses: [], fields: [1] } };
    const plan = buildDraftPlan(input({ units: [...mixedUnits(regime), stray] }));
    expect(plan.units.map((u) => [u.id, u.state])).toEqual([
      ["nvdp", "accepted"],
      ["ttdn", "accepted"],
      ["ttbc", "missing"],
      ["vp", "rejected"],
    ]);
    expect(plan.warnings).toEqual(["unknown_unit:ttxvn"]);
    expect(allLines(plan).join("\n")).not.toContain("Thông tấn xã");
  });

  it("an accepted report without a required section says so; without difficulties or proposals says Không có", () => {
    const units = mixedUnits(regime, { nvdp: { sections: { ket_qua: nvdpSections().ket_qua!, ke_hoach: [p("   ")] } } });
    const plan = buildDraftPlan(input({ units }));
    const all = lines(plan.body);
    expect(between(all, "2. Phòng Nghiệp vụ - Điều phối", NEXT_ITEM)).toEqual(["[Phòng Nghiệp vụ - Điều phối: báo cáo không có nội dung mục này]"]);
    const app = lines(plan.appendices[0]!.body);
    expect(between(app, "1. Phòng Nghiệp vụ - Điều phối", /^2\. /)).toEqual([
      "a) Nhiệm vụ chậm tiến độ, khó khăn, vướng mắc",
      "Không có.",
      "b) Kiến nghị, đề xuất",
      "Không có.",
    ]);
  });
});

describe("versions", () => {
  it("merges the content given for a resent report (the latest Đạt version), unchanged", () => {
    const units = mixedUnits(regime);
    const ttdn = units.find((u) => u.unit.id === "ttdn")!;
    const plan = buildDraftPlan(input({ units }));
    const contents = plan.body.filter((n) => n.kind === "content" && n.unit === "ttdn");
    expect(contents.map((n) => (n as { blocks: Block[] }).blocks)).toEqual([ttdn.sections.ket_qua, ttdn.sections.ke_hoach]);
    expect(lines(plan.body).join("\n")).toContain("(bản gửi lại lần 2)");
  });

  it.each([
    { version: 1, note: null },
    { version: 2, note: "(Bản cập nhật lần 1)" },
    { version: 4, note: "(Bản cập nhật lần 3)" },
  ])("draft version $version → $note", ({ version, note }) => {
    expect(buildDraftPlan(input({ version })).updateNote).toBe(note);
  });

  it("gives each unit a key the next version can compare", () => {
    const plan = buildDraftPlan(input());
    expect(Object.fromEntries(plan.units.map((u) => [u.id, u.key]))).toEqual({ nvdp: "accepted@1", ttdn: "accepted@2", ttbc: "missing@0", vp: "rejected@1" });
    for (const u of plan.units) expect(parseUnitDraftKey(u.key)).toEqual({ state: u.state, version: u.version });
    expect(unitDraftKey({ state: "missing", version: 3 })).toBe("missing@0");
    expect(parseUnitDraftKey("3f2a9c")).toBeNull();
  });
});

describe("III.1 record, closing, appendices", () => {
  it("III.1 says who reported on time and Đạt, who was late, Không đạt, missing", () => {
    const all = lines(buildDraftPlan(input()).body);
    expect(all).toContain(
      "Tình hình chấp hành chế độ báo cáo tuần 47/2026 của các đơn vị: gửi báo cáo đúng hạn, đạt yêu cầu: Phòng Nghiệp vụ - Điều phối; " +
        "gửi báo cáo muộn: Phòng Truyền thông đối ngoại; báo cáo Không đạt, chưa gửi lại: Văn phòng; " +
        "chưa gửi báo cáo: Trung tâm Báo chí và Hợp tác truyền thông quốc tế.",
    );
  });

  it("III.1 when every unit was on time and Đạt", () => {
    const units = regime.units.map((u) => ({ ...mixedUnits(regime)[2]!, unit: u }));
    const all = lines(buildDraftPlan(input({ units })).body);
    expect(all).toContain("Tình hình chấp hành chế độ báo cáo tuần 47/2026 của các đơn vị: tất cả các đơn vị gửi báo cáo đúng hạn, đạt yêu cầu.");
  });

  it("closing: Nơi nhận, signer, and the attachment list naming both appendices", () => {
    const plan = buildDraftPlan(input());
    expect(plan.closing.recipientsLabel).toBe("Nơi nhận:");
    expect(plan.closing.recipients).toContain("- Các Phó Cục trưởng;");
    expect(plan.closing.signer.title).toBe("CỤC TRƯỞNG");
    expect(plan.attachments).toEqual({ label: "Văn bản đính kèm:", items: ["- Phụ lục 01;", "- Phụ lục 02."] });
  });

  it("Phụ lục 01: difficulties and proposals by unit, in the template's order", () => {
    const a = buildDraftPlan(input()).appendices[0]!;
    expect(a.name).toBe("Phụ lục 01");
    expect(a.heading).toBe("NHIỆM VỤ CHẬM TIẾN ĐỘ, KHÓ KHĂN, VƯỚNG MẮC VÀ KIẾN NGHỊ, ĐỀ XUẤT CỦA CÁC ĐƠN VỊ TUẦN 47/2026");
    expect(lines(a.body)).toEqual([
      "1. Phòng Nghiệp vụ - Điều phối",
      "a) Nhiệm vụ chậm tiến độ, khó khăn, vướng mắc",
      "Việc thu thập số liệu của một số địa phương sau sắp xếp còn chậm so với yêu cầu.",
      "b) Kiến nghị, đề xuất",
      "Đề nghị Lãnh đạo Cục cho ý kiến về dự thảo Quy chế phối hợp trước ngày 30/11/2026.",
      "2. Phòng Truyền thông đối ngoại",
      "a) Nhiệm vụ chậm tiến độ, khó khăn, vướng mắc",
      "Không có.",
      "b) Kiến nghị, đề xuất",
      "Không có.",
      "3. Trung tâm Báo chí và Hợp tác truyền thông quốc tế",
      "[Trung tâm Báo chí và Hợp tác truyền thông quốc tế chưa gửi báo cáo]",
      "4. Văn phòng",
      "[Văn phòng báo cáo Không đạt, chưa gửi lại]",
    ]);
  });

  it("Phụ lục 02: the deadline and the submission table", () => {
    const a = buildDraftPlan(input()).appendices[1]!;
    expect(a.name).toBe("Phụ lục 02");
    expect(lines(a.body)).toEqual([
      "Thời hạn gửi báo cáo: trước 15 giờ 00 ngày 19/11/2026 (Thứ Năm).",
      "STT | Đơn vị | Thời điểm nhận | Chấp hành thời hạn | Kết quả kiểm tra | Lần gửi",
      "1 | Phòng Nghiệp vụ - Điều phối | 10 giờ 12, 18/11/2026 | Đúng hạn | Đạt | 1",
      "2 | Phòng Truyền thông đối ngoại | 17 giờ 15, 19/11/2026 | Muộn 2 giờ 15 phút | Đạt | 2",
      "3 | Trung tâm Báo chí và Hợp tác truyền thông quốc tế | Chưa nhận |  | Chưa gửi | ",
      "4 | Văn phòng | 8 giờ 00, 19/11/2026 |  | Không đạt | 1",
    ]);
  });

  it("Phụ lục 02 of a month: deadline before the 28th", () => {
    const a = buildDraftPlan(input({ period: period("month", "2026-11") })).appendices[1]!;
    expect(lines(a.body)[0]).toBe("Thời hạn gửi báo cáo: trước 0 giờ 00 ngày 28/11/2026 (Thứ Bảy).");
  });
});

describe("skeleton", () => {
  it("the shipped file validates and its texts are the office's", () => {
    expect(skeleton.header.issuingBody).toBe("CỤC THÔNG TIN ĐỐI NGOẠI");
    expect(skeleton.header.parentBody).toBe("BỘ THÔNG TIN VÀ TRUYỀN THÔNG");
  });

  it("an edited skeleton changes the draft without code", () => {
    const edited = structuredClone(skeleton);
    edited.header.parentBody = "BỘ KHOA HỌC VÀ CÔNG NGHỆ";
    edited.titles.week = "Kết quả công tác {period}, phương hướng {next}";
    const plan = buildDraftPlan(input({ skeleton: edited }));
    expect(plan.header.parentBody).toBe("BỘ KHOA HỌC VÀ CÔNG NGHỆ");
    expect(plan.title).toBe("Kết quả công tác tuần 47/2026, phương hướng tuần 48/2026");
  });

  it.each([
    { change: (s: Record<string, any>) => delete s.header.issuingBody, path: "header.issuingBody" },
    { change: (s: Record<string, any>) => (s.titles.half = 7), path: "titles.half" },
    { change: (s: Record<string, any>) => (s.appendices.submissions.columns = ["STT"]), path: "appendices.submissions.columns" },
  ])("rejects a broken skeleton naming $path", ({ change, path }) => {
    const raw = structuredClone(skeleton) as Record<string, any>;
    change(raw);
    const r = parseDraftSkeleton(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(path);
  });

  it("reports YAML syntax errors as values", () => {
    const r = parseDraftSkeletonYaml("header: [unclosed");
    expect(r.ok).toBe(false);
  });

  it.each([
    ["Công tác {period}", { period: "tuần 47/2026" }, "Công tác tuần 47/2026"],
    ["{unit} chưa gửi {unit}", { unit: "Văn phòng" }, "Văn phòng chưa gửi Văn phòng"],
    ["lần {n}", { n: 2 }, "lần 2"],
    ["{typo} giữ nguyên", { period: "x" }, "{typo} giữ nguyên"],
  ])("fillSlots(%j)", (template, values, expected) => {
    expect(fillSlots(template, values)).toBe(expected);
  });
});
