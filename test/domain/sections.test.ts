import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Block, Outline, SectionDef } from "../../src/domain/model.ts";
import { blockText, bodyOutline, documentTitle, splitNumbering } from "../../src/domain/document/index.ts";
import { checkSections, sectionContents } from "../../src/domain/document/index.ts";

const SECTIONS: SectionDef[] = parse(readFileSync(new URL("../../templates/regimes/qt-vp-03.yaml", import.meta.url), "utf8")).sections;

const H = (level: number, text: string): Block => ({ type: "heading", level, runs: [{ text }] });
const P = (text: string): Block => ({ type: "paragraph", runs: [{ text }] });
const B = (text: string): Block => ({ type: "paragraph", runs: [{ text, bold: true }] });
const L = (text: string, ordered = true, level = 0): Block => ({ type: "paragraph", runs: [{ text }], list: { ordered, level } });
const T = (...rows: string[][]): Block => ({ type: "table", rows: rows.map((r) => r.map((c) => [P(c)])) });

/** The header block every real report has: agency, "BÁO CÁO", the summary line. */
const PRELUDE: Block[] = [
  B("CỤC THÔNG TIN ĐỐI NGOẠI"),
  B("PHÒNG TRUYỀN THÔNG ĐỐI NGOẠI"),
  P("Hà Nội, ngày 19 tháng 11 năm 2026"),
  B("BÁO CÁO"),
  B("Kết quả công tác tuần 47 và kế hoạch công tác tuần 48"),
];
const FILLER = P("Trong tuần, Phòng đã phối hợp với các đơn vị liên quan triển khai các nhiệm vụ được giao.");

const found = (outline: Outline): string[] =>
  checkSections(outline, SECTIONS)
    .findings.filter((f) => f.found)
    .map((f) => f.id);

// [description, heading block(s), the sections they open]
const HEADINGS: [string, Block, string[]][] = [
  // Word heading styles
  ["Heading 1 typed roman", H(1, "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ"), ["ket_qua"]],
  ["Heading 1 auto-numbered", H(1, "Kết quả thực hiện nhiệm vụ"), ["ket_qua"]],
  ["Heading 2 with week", H(2, "1. Kết quả công tác tuần"), ["ket_qua"]],
  ["Heading 1 plan with dates", H(1, "Kế hoạch công tác tuần tới (từ 23/11 đến 27/11)"), ["ke_hoach"]],
  ["Heading 1 long qualifier", H(1, "Nhiệm vụ trọng tâm tháng 12 năm 2026 của Phòng Truyền thông đối ngoại"), ["ke_hoach"]],
  ["Heading 3 proposals", H(3, "Kiến nghị"), ["kien_nghi"]],
  // all caps lines
  ["caps roman", P("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ"), ["ket_qua"]],
  ["caps roman dash", P("II - PHƯƠNG HƯỚNG, NHIỆM VỤ TUẦN TỚI"), ["ke_hoach"]],
  ["caps no numbering", P("PHƯƠNG HƯỚNG, NHIỆM VỤ TUẦN TỚI"), ["ke_hoach"]],
  ["caps without diacritics", P("KE HOACH TUAN TOI"), ["ke_hoach"]],
  ["caps results of program", P("I. KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH CÔNG TÁC"), ["ket_qua"]],
  ["caps difficulties roman", P("III. TỒN TẠI, HẠN CHẾ"), ["kho_khan"]],
  ["caps combined heading", P("III. KHÓ KHĂN, VƯỚNG MẮC VÀ KIẾN NGHỊ, ĐỀ XUẤT"), ["kho_khan", "kien_nghi"]],
  ["caps year plan", P("IV. KẾ HOẠCH CÔNG TÁC NĂM 2027"), ["ke_hoach"]],
  // numbered lines (typed)
  ["arabic dot", P("1. Kết quả công tác tuần"), ["ket_qua"]],
  ["arabic paren", P("2) Công việc đã triển khai"), ["ket_qua"]],
  ["multilevel", P("2.1. Tình hình thực hiện nhiệm vụ"), ["ket_qua"]],
  ["letter paren", P("a) Khó khăn, vướng mắc"), ["kho_khan"]],
  ["letter with late tasks", P("b) Nhiệm vụ chậm tiến độ"), ["kho_khan"]],
  ["arabic plan month", P("3. Nhiệm vụ trọng tâm tháng 12"), ["ke_hoach"]],
  ["arabic plan month/year", P("4. Nhiệm vụ trọng tâm tháng 12/2026"), ["ke_hoach"]],
  ["arabic with unit", P("1. Kết quả công tác tuần 47 của Phòng Nghiệp vụ - Điều phối"), ["ket_qua"]],
  ["arabic directions with colon", P("3. Phương hướng, nhiệm vụ thời gian tới:"), ["ke_hoach"]],
  ["label with inline content", P("3. Khó khăn, vướng mắc: Không có."), ["kho_khan"]],
  ["roman lower-case words", P("II. Kế hoạch tuần tới"), ["ke_hoach"]],
  // Word list numbering (no typed prefix)
  ["ordered list item", L("Kết quả đạt được"), ["ket_qua"]],
  ["bullet list item", L("Đề xuất, kiến nghị", false), ["kien_nghi"]],
  // bold paragraphs and "…:" lines
  ["bold with colon", B("Kiến nghị, đề xuất:"), ["kien_nghi"]],
  ["bold plain", B("Kế hoạch công tác tháng tới"), ["ke_hoach"]],
  ["plain line ending with colon", P("Phương hướng, nhiệm vụ thời gian tới:"), ["ke_hoach"]],
  ["plain line that is only the phrase", P("Kiến nghị, đề xuất"), ["kien_nghi"]],
  ["label with long inline text", P("Kiến nghị: Đề nghị Lãnh đạo Cục xem xét bố trí thêm kinh phí cho hoạt động tập huấn năm 2027."), ["kien_nghi"]],
  ["planned work", B("Dự kiến công việc tuần tới:"), ["ke_hoach"]],
  // text encodings
  ["NFD caps", P("II. KẾ HOẠCH CÔNG TÁC TUẦN TỚI".normalize("NFD")), ["ke_hoach"]],
  ["NFD bold", B("Khó khăn, vướng mắc:".normalize("NFD")), ["kho_khan"]],
  ["no diacritics numbered", P("1. Ket qua thuc hien nhiem vu"), ["ket_qua"]],
  ["old tone placement", P("2. Khó khăn, vướng mắc (nếu có)"), ["kho_khan"]],
  // table cells
  ["cell in a section table", T(["Kết quả thực hiện nhiệm vụ", "Đã hoàn thành 12 nhiệm vụ."]), ["ket_qua"]],
  ["cell plan", T(["Kế hoạch tuần tới", "Chuẩn bị hội nghị giao ban."]), ["ke_hoach"]],
  // negatives: phrases inside sentences, long paragraphs, other documents' words
  ["plan number in a sentence", P("Triển khai Kế hoạch số 15/KH-TTĐN về thông tin đối ngoại năm 2026."), []],
  ["numbered item citing a plan", P("1. Triển khai Kế hoạch số 15/KH-TTĐN ngày 02/3/2026 của Cục"), []],
  ["plan words mid-sentence", P("Đã xây dựng kế hoạch tuần tới cho các phòng."), []],
  ["long paragraph starting with the phrase", P("Kế hoạch tuần tới của Phòng tập trung hoàn thiện dự thảo báo cáo tổng kết, chuẩn bị hội nghị giao ban và rà soát các nhiệm vụ còn tồn đọng."), []],
  ["long bold paragraph", B("Kế hoạch công tác năm 2027 đã được Lãnh đạo Cục phê duyệt và gửi tới các đơn vị để triển khai thực hiện nghiêm túc."), []],
  ["numbered item proposing at length", P("2. Đề xuất Lãnh đạo Cục phê duyệt kế hoạch phối hợp với Bộ Ngoại giao"), []],
  ["table header Nội dung | Kết quả", T(["Nội dung", "Kết quả"], ["Tin bài đăng tải", "45 tin, bài"]), []],
  ["password sentence", P("Mật khẩu hộp thư đã được thay đổi."), []],
  ["ordinary results sentence", P("Kết quả: đã đăng tải 45 tin, bài trên Cổng thông tin."), []],
  ["document title alone", P("Báo cáo kết quả công tác tuần 47"), []],
  ["year in front", P("2026 là năm Kế hoạch công tác được triển khai đồng bộ."), []],
];

describe("checkSections: heading variants", () => {
  it("has at least 40 cases", () => expect(HEADINGS.length).toBeGreaterThanOrEqual(40));
  it.each(HEADINGS)("%s", (_name, block, expected) => {
    const outline: Outline = { blocks: [...PRELUDE, FILLER, block, FILLER] };
    expect(found(outline).sort()).toEqual([...expected].sort());
  });
});

describe("checkSections: document title", () => {
  it("the summary line after BÁO CÁO is not a section heading", () => {
    const outline: Outline = { blocks: [...PRELUDE, FILLER] };
    expect(documentTitle(outline).map((t) => t.text)).toEqual(["Kết quả công tác tuần 47 và kế hoạch công tác tuần 48"]);
    expect(found(outline)).toEqual([]);
  });
  it("a two-line summary is skipped, and the heading after it still counts", () => {
    const outline: Outline = {
      blocks: [B("BÁO CÁO"), B("KẾT QUẢ CÔNG TÁC THÁNG 11"), B("và nhiệm vụ trọng tâm tháng 12 năm 2026"), P("KẾT QUẢ THỰC HIỆN NHIỆM VỤ")],
    };
    expect(documentTitle(outline).map((t) => t.index)).toEqual([1, 2]);
    expect(found(outline)).toEqual(["ket_qua"]);
  });
  it("a heading right after a one-line summary is not taken for the title", () => {
    const outline: Outline = { blocks: [B("BÁO CÁO"), B("Công tác tuần 47"), H(1, "Kết quả thực hiện nhiệm vụ")] };
    expect(found(outline)).toEqual(["ket_qua"]);
  });
});

describe("checkSections: findings", () => {
  const outline: Outline = {
    blocks: [
      ...PRELUDE,
      P("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ"),
      P("1. Tham mưu ban hành Kế hoạch số 15/KH-TTĐN."),
      P("2. Đăng tải 45 tin, bài."),
      B("Khó khăn, vướng mắc:"),
      P("Nhân sự mỏng."),
      P("II. KẾ HOẠCH TUẦN TỚI"),
      L("Hoàn thiện báo cáo tổng kết.", false),
      L("Chuẩn bị giao ban.", false),
      P("Trên đây là báo cáo kết quả công tác tuần 47 của Phòng Truyền thông đối ngoại."),
      B("Nơi nhận:"),
    ],
  };
  it("records heading as written and block index; nothing required missing", () => {
    const report = checkSections(outline, SECTIONS);
    expect(report.missingRequired).toEqual([]);
    expect(report.findings).toEqual([
      { id: "ket_qua", found: true, heading: "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ", blockIndex: 5 },
      { id: "kho_khan", found: true, heading: "Khó khăn, vướng mắc:", blockIndex: 8 },
      { id: "kien_nghi", found: false, heading: null, blockIndex: null },
      { id: "ke_hoach", found: true, heading: "II. KẾ HOẠCH TUẦN TỚI", blockIndex: 10 },
    ]);
  });
  it("lists missing required sections in the regime's order", () => {
    const report = checkSections({ blocks: [...PRELUDE, B("Kiến nghị, đề xuất:"), P("Không có.")] }, SECTIONS);
    expect(report.missingRequired).toEqual(["ket_qua", "ke_hoach"]);
  });
  it("the first matching heading wins", () => {
    const report = checkSections({ blocks: [P("1. Kết quả công tác tuần"), P("3. Kết quả đạt được")] }, SECTIONS);
    expect(report.findings[0]).toMatchObject({ heading: "1. Kết quả công tác tuần", blockIndex: 0 });
  });
  it("contents stop at the next section, a same-rank heading, or the closing lines", () => {
    const contents = sectionContents(outline, checkSections(outline, SECTIONS));
    expect(contents.ket_qua!.map(blockText)).toEqual(["1. Tham mưu ban hành Kế hoạch số 15/KH-TTĐN.", "2. Đăng tải 45 tin, bài."]);
    expect(contents.kho_khan!.map(blockText)).toEqual(["Nhân sự mỏng."]);
    expect(contents.ke_hoach!.map(blockText)).toEqual(["Hoàn thiện báo cáo tổng kết.", "Chuẩn bị giao ban."]);
    expect(contents.kien_nghi).toBeUndefined();
  });
  it("contents of a Word heading stop at a heading of the same or higher level", () => {
    const o: Outline = {
      blocks: [H(1, "Kết quả thực hiện nhiệm vụ"), H(2, "Công tác tham mưu"), P("Nội dung A."), H(1, "Một số hoạt động khác"), P("Nội dung B.")],
    };
    expect(sectionContents(o, checkSections(o, SECTIONS)).ket_qua!.map(blockText)).toEqual(["Công tác tham mưu", "Nội dung A."]);
  });
  it("a label's inline text is the first block of its contents", () => {
    const o: Outline = { blocks: [P("3. Khó khăn, vướng mắc: Không có."), P("4. Kiến nghị, đề xuất: Không.")] };
    const c = sectionContents(o, checkSections(o, SECTIONS));
    expect(c.kho_khan!.map(blockText)).toEqual(["Không có."]);
    expect(c.kien_nghi!.map(blockText)).toEqual(["Không."]);
  });
  it("a table laid out by section takes the cells to the right", () => {
    const o: Outline = { blocks: [T(["Kết quả thực hiện nhiệm vụ", "Đã hoàn thành 12 nhiệm vụ."], ["Kế hoạch tuần tới", "Giao ban."])] };
    const report = checkSections(o, SECTIONS);
    expect(report.missingRequired).toEqual([]);
    const c = sectionContents(o, report);
    expect(c.ket_qua!.map(blockText)).toEqual(["Đã hoàn thành 12 nhiệm vụ."]);
    expect(c.ke_hoach!.map(blockText)).toEqual(["Giao ban."]);
  });
});

describe("bodyOutline: plain-text mail bodies", () => {
  const body = [
    "Kính gửi: Văn phòng Cục",
    "",
    "Phòng TTĐN báo cáo kết quả công tác tuần 47 như sau:",
    "1. Kết quả công tác tuần",
    "- Đăng tải 45 tin, bài.",
    "- Tổ chức 02 cuộc họp báo.",
    "2. Khó khăn, vướng mắc: không có.",
    "KẾ HOẠCH TUẦN TỚI",
    "+ Hoàn thiện báo cáo tổng kết.",
    "",
    "Trân trọng.",
  ].join("\r\n");
  it("one block a line, numbering and bullets recognised", () => {
    const o = bodyOutline(body);
    expect(o.blocks).toHaveLength(9);
    expect(o.blocks[2]).toMatchObject({ numbering: "1." });
    expect(o.blocks[3]).toMatchObject({ list: { ordered: false, level: 0 } });
  });
  it("finds sections by line heuristics", () => {
    const report = checkSections(bodyOutline(body), SECTIONS);
    expect(report.findings.filter((f) => f.found).map((f) => f.heading)).toEqual([
      "1. Kết quả công tác tuần",
      "2. Khó khăn, vướng mắc",
      "KẾ HOẠCH TUẦN TỚI",
    ]);
    expect(report.missingRequired).toEqual([]);
  });
  it("a body that only announces the attachment has no section", () => {
    const o = bodyOutline("Kính gửi Văn phòng,\nPhòng NVĐP gửi báo cáo tuần 47 và kế hoạch tuần tới (file đính kèm).\nTrân trọng.");
    expect(checkSections(o, SECTIONS).missingRequired).toEqual(["ket_qua", "ke_hoach"]);
  });
});

describe("splitNumbering", () => {
  it.each([
    ["I. KẾT QUẢ", "I.", "roman", "KẾT QUẢ"],
    ["IV - NHIỆM VỤ", "IV -", "roman", "NHIỆM VỤ"],
    ["2.1. Công tác", "2.1.", "multilevel", "Công tác"],
    ["3) Đề xuất", "3)", "arabic", "Đề xuất"],
    ["a) Khó khăn", "a)", "letter", "Khó khăn"],
    ["- Nội dung", "-", "bullet", "Nội dung"],
    ["16/11 đến 20/11", null, null, "16/11 đến 20/11"],
    ["1.000 lượt xem", null, null, "1.000 lượt xem"],
    ["Ít khó khăn", null, null, "Ít khó khăn"],
  ])("%s", (line, numbering, kind, rest) => {
    expect(splitNumbering(line)).toEqual({ numbering, kind, rest });
  });
});
