import { describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { findPeriodPhrases } from "../../src/domain/classify/index.ts";
import { fold, foldWithOffsets, sourceSpan } from "../../src/domain/text/index.ts";

const ZONE = "Asia/Ho_Chi_Minh";
const at = (iso: string): Date => DateTime.fromISO(iso, { zone: ZONE }).toJSDate();
/** Wednesday of ISO week 47 of 2026, mid-November. */
const NOV18 = at("2026-11-18T10:12:00");
const nfd = (s: string): string => s.normalize("NFD");

/** [text, expected mentions as "kind id role"] at NOV18. */
const CASES: [string, string[]][] = [
  ["Báo cáo tuần 47", ["week 2026-W47 report"]],
  ["BC tuần 47/2026 - Phòng NVĐP", ["week 2026-W47 report"]],
  ["Bao cao tuan 47 - NVDP", ["week 2026-W47 report"]],
  ["BÁO CÁO TUẦN 47", ["week 2026-W47 report"]],
  [nfd("Báo cáo tuần 47 năm 2026"), ["week 2026-W47 report"]],
  ["BC_tuan47_NVDP", ["week 2026-W47 report"]],
  ["Báo cáo tuần thứ 46", ["week 2026-W46 report"]],
  ["BC tuần từ 16/11 đến 20/11/2026", ["week 2026-W47 report"]],
  ["Báo cáo tuần (từ ngày 09/11 - 13/11/2026)", ["week 2026-W46 report"]],
  ["Báo cáo tuần từ 28/12/2026 đến 01/01/2027", ["week 2026-W53 report"]],
  ["Báo cáo tuần 47 (T2 16/11 - T6 20/11)", ["week 2026-W47 report"]],
  ["2026-W47 NVĐP", ["week 2026-W47 report"]],
  ["Báo cáo tháng 11/2026", ["month 2026-11 report"]],
  ["Báo cáo tháng 11 năm 2026", ["month 2026-11 report"]],
  ["BC T11 TTDN.docx", ["month 2026-11 report"]],
  ["bc th11 vp", ["month 2026-11 report"]],
  ["BC_T11_2026_NVDP", ["month 2026-11 report"]],
  ["BC T11/2026", ["month 2026-11 report"]],
  ["bao cao thang 10", ["month 2026-10 report"]],
  ["V/v báo cáo công tác tháng 11 và nhiệm vụ trọng tâm tháng 12", ["month 2026-11 report", "month 2026-12 plan"]],
  ["Báo cáo kết quả tháng 11, phương hướng nhiệm vụ tháng 12", ["month 2026-11 report", "month 2026-12 plan"]],
  ["Báo cáo tháng 11 và kế hoạch công tác tháng 12 năm 2026", ["month 2026-11 report", "month 2026-12 plan"]],
  ["Báo cáo tháng 11 và nhiệm vụ tháng 12", ["month 2026-11 report", "month 2026-12 plan"]],
  ["Báo cáo kết quả thực hiện kế hoạch tháng 11", ["month 2026-11 report"]],
  ["Báo cáo tình hình thực hiện nhiệm vụ tháng 11", ["month 2026-11 report"]],
  ["Kế hoạch công tác tháng 12", ["month 2026-12 plan"]],
  // Issue 12: the plan head phrases mark a plan period too (research/report-headings.md §2, 1d).
  ["Báo cáo kết quả công tác tháng 11 và chương trình công tác tháng 12", ["month 2026-11 report", "month 2026-12 plan"]],
  ["Báo cáo kết quả thực hiện chương trình công tác tháng 11", ["month 2026-11 report"]],
  ["Báo cáo tuần 47 và lịch công tác tuần 48", ["week 2026-W47 report", "week 2026-W48 plan"]],
  ["Sơ kết 6 tháng đầu năm 2026, định hướng 6 tháng cuối năm 2026", ["half 2026-H1 report", "half 2026-H2 plan"]],
  ["Báo cáo 6 tháng đầu năm 2026 và giải pháp trọng tâm 6 tháng cuối năm 2026", ["half 2026-H1 report", "half 2026-H2 plan"]],
  ["Tình hình thực hiện kế hoạch tuần 48", ["week 2026-W48 report"]],
  ["Báo cáo tuần 47, kế hoạch tuần tới (tuần 48)", ["week 2026-W47 report", "week 2026-W48 plan"]],
  ["Báo cáo quý III/2026", ["quarter 2026-Q3 report"]],
  ["bao cao quy 3", ["quarter 2026-Q3 report"]],
  ["Báo cáo quý IV", ["quarter 2026-Q4 report"]],
  ["BC Q4 TTBC", ["quarter 2026-Q4 report"]],
  ["BC Q4/2026", ["quarter 2026-Q4 report"]],
  ["BÁO CÁO QUÝ IV NĂM 2026", ["quarter 2026-Q4 report"]],
  ["Fwd: BÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM 2026", ["half 2026-H1 report"]],
  ["Báo cáo 6 tháng đầu năm", ["half 2026-H1 report"]],
  ["BC 6T NVDP", ["half 2026-H1 report"]],
  ["Báo cáo 6 tháng", ["half 2026-H1 report"]],
  ["Báo cáo sơ kết", ["half 2026-H1 report"]],
  ["Báo cáo 6 tháng cuối năm 2026", ["half 2026-H2 report"]],
  ["Báo cáo năm 2026", ["year 2026 report"]],
  ["Báo cáo tổng kết năm", ["year 2026 report"]],
  ["báo cáo năm", ["year 2026 report"]],
  ["Báo cáo tổng kết công tác năm 2026 và phương hướng nhiệm vụ năm 2027", ["year 2026 report", "year 2027 plan"]],
  ["BÁO CÁO\nKết quả thực hiện nhiệm vụ năm 2026", ["year 2026 report"]],
  ["Báo cáo tuần", ["week null report"]],
  ["BC tháng - Văn phòng", ["month null report"]],
  ["Báo cáo công tác quý", ["quarter null report"]],
  // not periods
  ["Kế hoạch số 15/KH-TTĐN ngày 12/11/2026", []],
  ["Góp ý dự thảo Thông tư 22/2016/TT-BTTTT", []],
  ["Hà Nội, ngày 20 tháng 11 năm 2026", []],
  ["ngày 12/11/2026", []],
  ["Kế hoạch năm học 2026-2027", []],
  ["ĐT: 0912 345 678, máy lẻ 47", []],
  ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", []],
  ["Diễn đàn Việt Nam 2026", []],
  ["Anh Tuấn 0912345678", []],
  ["Cảm ơn anh Tuấn", []],
  ["Quy chế phối hợp, quy định số 3", []],
  ["Họp giao ban sáng T2", []],
];

describe("findPeriodPhrases at 18/11/2026", () => {
  it.each(CASES)("%s", (text, expected) => {
    const got = findPeriodPhrases(text, { receivedAt: NOV18, zone: ZONE }).map((m) => `${m.kind} ${m.id} ${m.role}`);
    expect(got).toEqual(expected);
  });
});

/** Year from the receipt time when the text leaves it out: [text, received, expected id]. */
const CONTEXT: [string, string, string][] = [
  ["Báo cáo tháng 12", "2027-01-03T09:00", "2026-12"],
  ["Báo cáo tháng 1", "2027-01-27T09:00", "2027-01"],
  ["Nhiệm vụ trọng tâm tháng 1", "2026-12-30T09:00", "2027-01"],
  ["Báo cáo tháng 11", "2026-12-02T09:00", "2026-11"],
  ["Báo cáo tháng 2", "2026-11-18T10:00", "2026-02"],
  ["Báo cáo quý IV", "2027-01-04T09:00", "2026-Q4"],
  ["Báo cáo quý I", "2026-03-20T09:00", "2026-Q1"],
  ["Báo cáo quý I", "2026-12-30T09:00", "2027-Q1"],
  ["Báo cáo tuần 53", "2027-01-04T09:00", "2026-W53"],
  ["Báo cáo tuần 1", "2026-12-31T09:00", "2027-W01"],
  ["Báo cáo tuần 52", "2026-01-05T09:00", "2025-W52"],
  ["Báo cáo tổng kết năm", "2027-01-10T09:00", "2026"],
  ["Báo cáo năm", "2026-11-19T09:00", "2026"],
  ["Sơ kết 6 tháng đầu năm", "2026-07-02T09:00", "2026-H1"],
  ["Báo cáo 6 tháng cuối năm", "2027-01-06T09:00", "2026-H2"],
  ["BC tuần từ 28/12 đến 31/12", "2026-12-31T09:00", "2026-W53"],
];

describe("year from context", () => {
  it.each(CONTEXT)("%s received %s → %s", (text, received, id) => {
    const [m] = findPeriodPhrases(text, { receivedAt: at(received), zone: ZONE });
    expect(m?.id).toBe(id);
    expect(m?.yearFromContext).toBe(true);
  });

  it("a written year is not from context", () => {
    const [m] = findPeriodPhrases("Báo cáo tháng 12/2025", { receivedAt: at("2027-01-03T09:00"), zone: ZONE });
    expect(m).toMatchObject({ id: "2025-12", yearFromContext: false });
  });
});

describe("matched text and encodings", () => {
  it("quotes the phrase as written, from NFD input too", () => {
    const [m] = findPeriodPhrases(nfd("V/v BÁO CÁO TUẦN 47/2026 của P.NVĐP"), { receivedAt: NOV18, zone: ZONE });
    expect(m?.matched).toBe("TUẦN 47/2026");
  });

  it("old and new tone placement fold alike", () => {
    expect(fold("Khánh Hoà")).toBe(fold("Khánh Hòa"));
    expect(fold("thuỷ")).toBe(fold("thủy"));
  });

  it("marks a bare year as bare", () => {
    const ms = findPeriodPhrases("Thực hiện Kế hoạch công tác năm 2026, báo cáo tuần 47", { receivedAt: NOV18, zone: ZONE });
    expect(ms.map((m) => [m.kind, m.bare])).toEqual([["year", true], ["week", false]]);
  });

  it.each(["Báo cáo tuần 47 - Phòng NVĐP", nfd("Kiến nghị, đề xuất: ĐĂNG KÝ"), "a_b-c/d", "  BC  T11 ", "Ⅻ ﬁ ß"])(
    "foldWithOffsets(%s) folds as fold() and maps back",
    (text) => {
      const f = foldWithOffsets(text);
      expect(f.folded).toBe(fold(text));
      expect(f.start).toHaveLength(f.folded.length);
      if (f.folded.length > 0) expect(sourceSpan(f, 0, f.folded.length)).toBe(f.source.trim());
    },
  );
});
