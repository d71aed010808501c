/**
 * Issue 12 item 2: section headings by what they say. The headings below are copied from real public reports
 * (../shared/research/report-headings.md, tables 1a–1e: "Where" H or O) and from QT.VP.03 §10's own form, not from
 * the regime's head-phrase list: each must open the section a compiling officer would read it as, in whatever
 * numbering style it is typed. Then the period of "Kế hoạch/Nhiệm vụ + a period", context headings, sentences, and
 * the headings no section claims (item 6).
 */
import { describe, expect, it } from "vitest";
import type { Block, Outline } from "../../src/domain/model.ts";
import { bodyOutline, checkSections, splitNumbering, type SectionContext } from "../../src/domain/document/index.ts";
import { periodRelation } from "../../src/domain/classify/index.ts";
import { loadTemplateRegime } from "../support/regime.ts";

const SECTIONS = loadTemplateRegime().sections;
const ZONE = "Asia/Ho_Chi_Minh";
const NOV20 = new Date("2026-11-20T03:00:00Z");

const H = (level: number, text: string): Block => ({ type: "heading", level, runs: [{ text }] });
const B = (text: string): Block => ({ type: "paragraph", runs: [{ text, bold: true }] });
/** A typed line as a mail body or a PDF gives it (numbering read by bodyOutline). */
const T = (text: string): Block => bodyOutline(text).blocks[0]!;

const PRELUDE: Block[] = [B("CỤC THÔNG TIN ĐỐI NGOẠI"), B("PHÒNG NGHIỆP VỤ - ĐIỀU PHỐI"), B("BÁO CÁO"), B("Công tác của đơn vị")];
const FILLER = T("Đơn vị đã triển khai các nhiệm vụ được giao theo chương trình công tác.");

const found = (blocks: Block[], ctx: SectionContext = {}): string[] =>
  checkSections({ blocks: [...PRELUDE, FILLER, ...blocks, FILLER] }, SECTIONS, ctx)
    .findings.filter((f) => f.found)
    .map((f) => f.id)
    .sort();

// [heading as written in a real report, the sections it opens]; research table and row in the comment.
const REAL: [string, string[]][] = [
  // 1a results
  ["A. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ HỌC KỲ I NĂM HỌC  2016 - 2017.", ["ket_qua"]], // 1a.2
  ["I. Kết quả thực hiện nhiệm vụ học kỳ I năm học 2016 - 2017", ["ket_qua"]], // 1a.3
  ["A. ĐÁNH GIÁ KẾT QUẢ ĐẠT ĐƯỢC:", ["ket_qua"]], // 1a.6
  ["II - Kết quả triển khai thực hiện 5 nội dung phong trào thi đua", ["ket_qua"]], // 1a.10
  ["I. KẾT QUẢ ĐẠT ĐƯỢC", ["ket_qua"]], // 1a.12
  ["A- NHỮNG THÀNH TỰU ĐẠT ĐƯỢC", ["ket_qua"]], // 1a.18
  ["A- ĐÁNH GIÁ VIỆC THỰC HIỆN NHIỆM VỤ NĂM HỌC 2009 - 2010", ["ket_qua"]], // 1a.21
  ["B. ĐÁNH GIÁ THỰC HIỆN NHIỆM VỤ NĂM HỌC 2020 - 2021", ["ket_qua"]], // 1a.25
  ["I. Đánh giá công tác tháng 12/2019", ["ket_qua"]], // 1a.28
  ["I.KẾT QUẢ TIẾP CÔNG DÂN, NHẬN, XỬ LÝ VÀ GIẢI QUYẾT ĐƠN", ["ket_qua"]], // 1a.32
  ["I. Kết quả hoạt động quý I năm 2016", ["ket_qua"]], // 1a.34
  ["I. ĐÁNH GIÁ KẾT QUẢ CÔNG TÁC NĂM 2018.", ["ket_qua"]], // 1a.36
  ["PHẦN THỨ NHẤT: ĐÁNH GIÁ CÔNG TÁC DÂN VẬN NĂM ĐÃ QUA", ["ket_qua"]], // 1a.42
  ["I.. KẾT QUẢ HOẠT ĐỘNG.", ["ket_qua"]], // 1a.48
  ["1. NHỮNG CÔNG VIỆC ĐÃ HOÀN THÀNH TRONG HỌC KỲ I NĂM HỌC 2020 – 2021", ["ket_qua"]], // 1a.55
  ["I. Kết quả thực hiện nhiệm vụ năm học 2012 – 2013", ["ket_qua"]], // 1a.58
  ["I. Đánh giá kết quả công tác tháng: 8", ["ket_qua"]], // 1a.59
  ["1. Những việc đã làm được:", ["ket_qua"]], // 1a.60
  ["2/ Đánh giá hoạt động tuần qua:", ["ket_qua"]], // 1a.67
  ["ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN NHIỆM VỤ NĂM 2020", ["ket_qua"]], // 1a.39, second line of "Phần thứ nhất"
  ["I. KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH CÔNG TÁC", ["ket_qua"]], // QT.VP.03 §10
  // 1b difficulties (not under "Đặc điểm tình hình")
  ["* Hạn chế:", ["kho_khan"]], // 1b.1
  ["* Tồn tại:", ["kho_khan"]], // 1b.2
  ["+ Tồn tai:", ["kho_khan"]], // 1b.3 (sic)
  ["II. Khó khăn:", ["kho_khan"]], // 1b.4 wording, as a section of its own
  // 1c proposals
  ["IV. Những kiến nghị, đề xuất về công tác dân vận", ["kien_nghi"]], // 1c.1
  // 1d plan
  ["II. Kế hoạch tháng 9", ["ke_hoach"]], // 1d.1
  ["PHẦN THỨ HAI: PHƯƠNG HƯỚNG, NHIỆM VỤ CÔNG TÁC NĂM TỚI", ["ke_hoach"]], // 1d.3
  ["I. Định hướng chung, công tác trọng tâm của cấp ủy đảng", ["ke_hoach"]], // 1d.4
  ["II. Nhiệm vụ (chương trình) công tác dân vận năm tới", ["ke_hoach"]], // 1d.5
  ["C. NHIỆM VỤ CHUNG", ["ke_hoach"]], // 1d.22
  ["II. TRỌNG TÂM CÔNG TÁC", ["ke_hoach"]], // 1d.23
  ["IV. CÁC NHIỆM VỤ TRỌNG TÂM TRONG THÁNG 12/2026", ["ke_hoach"]], // QT.VP.03 §10
  // issue 12 "Why" class 2: plan headings naming the next period
  ["II. KẾ HOẠCH TUẦN 48", ["ke_hoach"]],
  ["KẾ HOẠCH THÁNG 12/2026", ["ke_hoach"]],
  ["2. Nhiệm vụ trọng tâm tháng 12", ["ke_hoach"]],
  ["II. Nhiệm vụ tháng 12", ["ke_hoach"]],
  ["III. KẾ HOẠCH CÔNG TÁC QUÝ IV", ["ke_hoach"]],
  ["III - PHƯƠNG HƯỚNG NHIỆM VỤ 6 THÁNG CUỐI NĂM 2016", ["ke_hoach"]], // §2 title 6 as a heading
  // fields of work, context and closing open nothing
  ["I. CÔNG TÁC CHỈ ĐẠO", []], // 1a.53: a field, not a section
  ["1. Công tác tiếp công dân", []], // 1a.33
  ["9. Nhiệm vụ khác", []], // QT.VP.03 §10 field 9
  ["I. Đặc điểm tình hình chung", []], // 1e.1
  ["1. Thuận lợi", []], // 1e.2
  ["* Những thuận lợi, khó khăn:", []], // 1b.7
  ["I - TÌNH HÌNH PHÁT TRIỂN", []], // 1e.11
  ["Đề nghị phê duyệt Kế hoạch công tác năm 2027.", []], // issue 12: a plan word in a sentence
  ["2. Đề xuất Lãnh đạo Cục phê duyệt kế hoạch phối hợp với Bộ Ngoại giao", []],
  ["- Kế hoạch số 15/KH-TTĐN đã được Lãnh đạo Cục phê duyệt.", []],
];

describe("head phrases: real headings, typed (mail body, PDF)", () => {
  it("has at least 45 real headings", () => expect(REAL.length).toBeGreaterThanOrEqual(45));
  it.each(REAL)("%s", (heading, ids) => {
    expect(found([T(heading)])).toEqual([...ids].sort());
  });
});

describe("head phrases: the same words as Word headings and bold lines", () => {
  it.each(REAL.filter(([, ids]) => ids.length > 0).slice(0, 20))("%s", (heading, ids) => {
    // A Word heading carries its number in the list definition, not in the text.
    const words = splitNumbering(heading).rest.replace(/^[.\s]+/, "");
    expect(found([H(1, words)])).toEqual([...ids].sort());
    expect(found([B(heading)])).toEqual([...ids].sort());
  });
});

describe("Kế hoạch/Nhiệm vụ + a period: later is the plan, the report's own is the results", () => {
  const month11 = { periodRelation: periodRelation("month", "2026-11", NOV20, ZONE) };
  const week48 = { periodRelation: periodRelation("week", "2026-W48", NOV20, ZONE) };
  const half1 = { periodRelation: periodRelation("half", "2026-H1", new Date("2026-06-24T03:00:00Z"), ZONE) };
  it.each<[string, string, SectionContext, string[]]>([
    ["II. Nhiệm vụ tháng 11 in a November report", "II. Nhiệm vụ tháng 11", month11, ["ket_qua"]],
    ["II. Nhiệm vụ tháng 12 in a November report", "II. Nhiệm vụ tháng 12", month11, ["ke_hoach"]],
    ["Kế hoạch tháng 11/2026 in a November report", "1. Kế hoạch tháng 11/2026", month11, ["ket_qua"]],
    ["Công tác tháng 12 in a November report", "II. CÔNG TÁC THÁNG 12", month11, ["ke_hoach"]],
    ["Công tác tháng 11 in a November report", "I. CÔNG TÁC THÁNG 11", month11, ["ket_qua"]],
    ["Tình hình thực hiện kế hoạch tuần 48 in a week-48 report", "I. Tình hình thực hiện kế hoạch tuần 48", week48, ["ket_qua"]],
    ["Kế hoạch tuần 49 in a week-48 report", "II. Kế hoạch tuần 49", week48, ["ke_hoach"]],
    ["a copied 'Nhiệm vụ trọng tâm tháng 11' stays the plan", "III. Nhiệm vụ trọng tâm tháng 11", month11, ["ke_hoach"]],
    ["6 tháng cuối năm in a June report is this year's second half", "III. Nhiệm vụ 6 tháng cuối năm", half1, ["ke_hoach"]],
    ["Kế hoạch năm 2027 in a November report", "IV. KẾ HOẠCH CÔNG TÁC NĂM 2027", month11, ["ke_hoach"]],
  ])("%s", (_name, heading, ctx, ids) => {
    expect(found([T(heading)], ctx)).toEqual(ids);
  });
});

describe("context: Khó khăn and Thuận lợi under Đặc điểm tình hình describe the situation", () => {
  it("TH An Mỹ's layout (1b.4, 1e.12): A. ĐẶC ĐIỂM TÌNH HÌNH / I. Thuận lợi / II. Khó khăn: / B. ĐÁNH GIÁ…", () => {
    const blocks = ["A. ĐẶC ĐIỂM TÌNH HÌNH", "I. Thuận lợi", "- Đội ngũ giáo viên đủ về số lượng.", "II. Khó khăn:", "- Cơ sở vật chất còn thiếu.", "B. ĐÁNH GIÁ THỰC HIỆN NHIỆM VỤ NĂM HỌC 2020 - 2021", "I. Công tác số lượng và PCGD"].map(T);
    expect(found(blocks)).toEqual(["ket_qua"]);
  });
  it("THCS Mông Ân's layout (1b.5): I. ĐẶC ĐIỂM TÌNH HÌNH / 2. Khó khăn, then II. Hạn chế is the difficulties", () => {
    const blocks = ["I. ĐẶC ĐIỂM TÌNH HÌNH", "1. Thuận lợi:", "2. Khó khăn", "- Học sinh ở xa trường.", "II. KẾT QUẢ ĐẠT ĐƯỢC", "III. Hạn chế", "- Chưa có phòng học bộ môn."].map(T);
    expect(found(blocks)).toEqual(["kho_khan", "ket_qua"].sort());
  });
});

describe("headings no section claims (issue 12 item 6)", () => {
  const check = (lines: string[]): { missing: string[]; unplaced: string[] } => {
    const outline: Outline = { blocks: [...PRELUDE, ...lines.map(T)] };
    const r = checkSections(outline, SECTIONS);
    return { missing: r.missingRequired, unplaced: r.unplaced ?? [] };
  };
  it.each<[string, string[], string[], string[]]>([
    [
      "a same-rank heading nobody claims",
      ["I. KẾT QUẢ CÔNG TÁC TUẦN 47", "1. Tham mưu văn bản.", "II. CÔNG TÁC TRỌNG YẾU TUẦN SAU", "- Tổ chức họp báo."],
      ["ke_hoach"],
      ["II. CÔNG TÁC TRỌNG YẾU TUẦN SAU"],
    ],
    ["every heading placed: a Không đạt is certain", ["I. KẾT QUẢ CÔNG TÁC TUẦN 47", "- Tham mưu văn bản.", "II. KHÓ KHĂN, VƯỚNG MẮC", "- Không."], ["ke_hoach"], []],
    [
      "sub-headings inside a found section belong to it",
      ["I. KẾT QUẢ CÔNG TÁC THÁNG 11", "1. Công tác tham mưu", "2. Công tác phối hợp", "II. Tồn tại, hạn chế", "- Nhân sự mỏng."],
      ["ke_hoach"],
      [],
    ],
    ["Đặc điểm tình hình and its Thuận lợi/Khó khăn aside", ["I. ĐẶC ĐIỂM TÌNH HÌNH", "1. Thuận lợi", "2. Khó khăn", "II. KẾT QUẢ ĐẠT ĐƯỢC", "- 12 nhiệm vụ."], ["ke_hoach"], []],
    [
      "no section found: the top-level headings are all unplaced",
      ["I. Công tác tham mưu, chỉ đạo, điều hành", "- Tham mưu 03 văn bản.", "II. Công tác tuyên truyền", "- 45 tin, bài."],
      ["ket_qua", "ke_hoach"],
      ["I. Công tác tham mưu, chỉ đạo, điều hành", "II. Công tác tuyên truyền"],
    ],
    [
      "closing lines and the salutation aside",
      ["Kính gửi: Văn phòng Cục", "I. KẾT QUẢ CÔNG TÁC TUẦN", "- Tham mưu văn bản.", "Nơi nhận:", "- Như trên;", "TRƯỞNG PHÒNG"],
      ["ke_hoach"],
      [],
    ],
    ["a mail that only announces its attachment has no heading", ["Kính gửi Văn phòng,", "Phòng gửi báo cáo tuần 47 (file đính kèm).", "Trân trọng."], ["ket_qua", "ke_hoach"], []],
  ])("%s", (_name, lines, missing, unplaced) => {
    expect(check(lines)).toEqual({ missing, unplaced });
  });
});

describe("the bot's own words quoted back open nothing", () => {
  it.each([
    ["a '>' quote of a heading", ["> I. KẾT QUẢ CÔNG TÁC TUẦN 47", "> II. KẾ HOẠCH TUẦN 48"]],
    ["the Không đạt list of missing sections, unprefixed (Outlook quotes so)", ["Báo cáo còn thiếu nội dung bắt buộc:", "- Kết quả thực hiện nhiệm vụ: các nhiệm vụ, công việc đơn vị đã triển khai và kết quả đạt được trong kỳ báo cáo", "- Kế hoạch công tác thời gian tiếp theo: kế hoạch, nhiệm vụ trọng tâm đơn vị sẽ triển khai trong kỳ tiếp theo"]],
  ])("%s", (_name, lines) => {
    expect(checkSections(bodyOutline(lines.join("\n")), SECTIONS).findings.filter((f) => f.found)).toEqual([]);
  });
});

