/**
 * Issue 10, pure parts, table-driven: which unit a province name or an old name stands for in each registry
 * (Nghị quyết 202/2025/QH15), plan vs report from titles, the tracking cells and the KPI of QT.VP.03 §9.1. The regime
 * is the shipped qt-nvdp-04 template with the shipped registries, loaded through the configuration loader (the
 * office's file here names no address).
 */
import { describe, expect, it } from "vitest";
import { provinceRegimes } from "../support/province-regimes.ts";
import type { MailFacts } from "../../src/domain/message.ts";
import { attribute, classifyReports, classifyTitled, eraOf, namesIn } from "../../src/domain/registry/index.ts";
import { cellOf, yearRange, type TrackedReport } from "../../src/domain/tracking/index.ts";
import { yearlyKpi } from "../../src/domain/kpi/index.ts";

const ZONE = "Asia/Ho_Chi_Minh";
const { regimes, provinces: regime } = provinceRegimes([
  "units: [{ id: dak-lak, addresses: [sokhcn@daklak.gov.vn] }]",
  "formerUnits: [{ id: phu-yen, addresses: [stttt@phuyen.gov.vn] }]",
]);
const SINCE = new Date("2025-07-01T00:00:00+07:00");

describe("the province registries (Nghị quyết 202/2025/QH15)", () => {
  it("ships 34 units in force and the 63 before them, each old one merged into a unit in force", () => {
    expect(regime.units).toHaveLength(34);
    expect(regime.formerUnits).toHaveLength(63);
    const ids = new Set(regime.units.map((u) => u.id));
    expect(regime.formerUnits!.filter((u) => !ids.has(u.mergedInto))).toEqual([]);
  });

  it.each([
    // [text, registry, unit]
    ["UBND TỈNH HÀ GIANG", "former", "ha-giang"],
    ["Sở TT&TT tỉnh Bắc Kạn", "former", "bac-kan"],
    ["UBND tinh Hung Yen", "current", "hung-yen"],
    ["ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "current", "ho-chi-minh"],
    ["Uỷ ban nhân dân tỉnh Khánh Hoà", "current", "khanh-hoa"],
    ["UBND TỈNH HÒA BÌNH", "former", "hoa-binh"],
  ])("%s names %s unit %s", (text, registry, unit) => {
    expect(namesIn(regime, [text]).some((h) => h.registry === registry && h.unit === unit)).toBe(true);
  });

  it.each([
    "khu vực châu Á - Thái Bình Dương",
    "vì hòa bình, hữu nghị và hợp tác",
    "kỷ niệm Chiến thắng Điện Biên Phủ",
    "học tập tư tưởng Hồ Chí Minh",
  ])("%s names no province", (text) => {
    expect(namesIn(regime, [text])).toEqual([]);
  });

  it.each([
    // [registry, unit, report due, attributed to]
    ["former", "ha-giang", "2026-12-10T00:00:00+07:00", "tuyen-quang"],
    ["former", "ha-giang", "2024-12-10T00:00:00+07:00", "ha-giang"],
    ["former", "phu-yen", "2025-12-10T00:00:00+07:00", "dak-lak"],
    ["former", "yen-bai", "2025-03-01T00:00:00+07:00", "yen-bai"],
    ["current", "lao-cai", "2024-12-10T00:00:00+07:00", "lao-cai"],
    ["current", "hue", "2024-12-10T00:00:00+07:00", "thua-thien-hue"],
    ["current", "gia-lai", "2026-03-01T00:00:00+07:00", "gia-lai"],
  ] as const)("%s %s for a deadline %s → %s", (registry, unit, due, expected) => {
    const era = eraOf(regime, new Date(due), SINCE);
    expect(attribute(regime, { registry, unit }, era)).toBe(expected);
  });
});

function facts(subject: string, text: string, from: string, at: string): MailFacts {
  return {
    messageId: "<t@example.vn>", from, fromName: null, to: [], cc: [], replyTo: [], subject, date: null, receivedAt: new Date(at),
    headers: {}, contentType: "text/plain", inReplyTo: null, references: [], text, attachments: [], forwarded: null, problems: [],
  };
}
const body = (text: string) => [{ source: "body" as const, filename: null, read: { ok: true as const, outline: { blocks: text.split("\n").map((t) => ({ type: "paragraph" as const, runs: [{ text: t }] })) }, text, format: "body" } }];

describe("plan or report, of which year and unit (classify-titled)", () => {
  it.each([
    // [subject, body first line, from, received, kind, period, unit]
    ["KH hoạt động TTĐN năm 2026 - UBND tỉnh Thanh Hóa", "UBND TỈNH THANH HÓA", "x@gmail.com", "2026-02-20T10:00:00+07:00", "plan", "2026", "thanh-hoa"],
    ["Sở KH&CN Quảng Trị gửi báo cáo tổng kết TTĐN năm 2026", "Kính gửi Cục", "x@gmail.com", "2026-12-01T10:00:00+07:00", "report", "2026", "quang-tri"],
    ["V/v gửi Báo cáo tổng kết công tác TTĐN năm 2025", "UBND TỈNH PHÚ YÊN", "stttt@phuyen.gov.vn", "2025-12-01T10:00:00+07:00", "report", "2025", "dak-lak"],
    ["Ke hoach hoat dong TTDN nam 2027", "UBND TINH DAK LAK", "sokhcn@daklak.gov.vn", "2026-12-20T10:00:00+07:00", "plan", "2027", "dak-lak"],
  ])("%s → %s %s %s", (subject, first, from, at, kind, period, unit) => {
    const text = `${first}\nNội dung chi tiết.`;
    const [c] = classifyTitled(facts(subject, text, from, at), body(text), regime, ZONE)!;
    expect([c!.kind, c!.period, c!.unit, c!.reason]).toEqual([kind, period, unit, null]);
  });

  it.each(["Giấy mời dự Hội nghị tổng kết công tác thông tin đối ngoại năm 2026", "Thông báo lịch họp năm 2026", "Xin hỏi về mẫu biểu"])("%s is left to the general classifier", (subject) => {
    expect(classifyTitled(facts(subject, "UBND TỈNH ĐẮK LẮK", "sokhcn@daklak.gov.vn", "2026-11-01T10:00:00+07:00"), body("UBND TỈNH ĐẮK LẮK"), regime, ZONE)).toBeNull();
  });
});

describe("which regime a mail is for, with the Cục's units and the provinces in one office", () => {
  it.each([
    // [from, subject, regime, kind]
    ["sokhcn@daklak.gov.vn", "Báo cáo tổng kết công tác TTĐN năm 2026", "tinh-thanh", "report"],
    ["x@gmail.com", "Kế hoạch hoạt động TTĐN năm 2027 - UBND tỉnh Đắk Lắk", "tinh-thanh", "plan"],
    // A unit of the Cục writing about a province stays in QT.VP.03.
    ["nvdp@cuc.example.vn", "Báo cáo tuần 47 - đoàn công tác tại Lào Cai", "qt-vp-03", "week"],
  ])("%s: %s → %s %s", (from, subject, regimeId, kind) => {
    const text = "I. KẾT QUẢ CÔNG TÁC\n- Đã thực hiện.\nII. KẾ HOẠCH TUẦN TỚI\n- Tiếp tục.";
    const [c] = classifyReports({ facts: facts(subject, text, from, "2026-11-19T10:00:00+07:00"), documents: body(text) }, regimes, { zone: ZONE });
    expect([c!.regime, c!.kind]).toEqual([regimeId, kind]);
  });
});

const report = (id: number, unit: string, kind: string, period: string, status: string, onTime: boolean, at: string): TrackedReport => ({
  id, messageId: `<${id}@x>`, unit, kind, period, status, verdict: status === "accepted" ? "dat" : "khong_dat", receivedAt: new Date(at), onTime,
});

describe("the tracking cells (seed 004) and the KPI (QT.VP.03 §9.1)", () => {
  it.each([
    // [versions, state, text]
    [[], "missing", "Chưa nhận"],
    [[report(1, "a", "report", "2026", "accepted", true, "2026-12-01T09:00:00+07:00")], "on_time", "X"],
    [[report(1, "a", "report", "2025", "accepted", false, "2025-12-15T09:00:00+07:00")], "late", "Chậm (15/12/2025)"],
    [[report(1, "a", "plan", "2026", "rejected", true, "2026-02-25T09:00:00+07:00")], "khong_dat", "Không đạt"],
    // The first Đạt version decides: a late correction after an on-time Không đạt is late.
    [[report(1, "a", "plan", "2026", "rejected", true, "2026-02-25T09:00:00+07:00"), report(2, "a", "plan", "2026", "accepted", false, "2026-03-02T09:00:00+07:00")], "late", "Chậm (02/03/2026)"],
  ] as const)("%# → %s", (versions, state, text) => {
    const c = cellOf(versions as unknown as TrackedReport[], ZONE);
    expect([c.state, c.text]).toEqual([state, text]);
  });

  it.each([
    ["2025-2026", ["2025", "2026"]],
    ["2026", ["2026"]],
    ["2026-2025", null],
    ["2026-27", null],
  ] as const)("years %s → %j", (text, years) => {
    expect(yearRange(text)).toEqual(years);
  });

  it("is Không đạt for a year with one late or one Không đạt report, Đạt when every report received is right and on time", () => {
    const now = new Date("2026-12-31T09:00:00+07:00");
    const clean = [report(1, "dak-lak", "plan", "2026", "accepted", true, "2026-02-01T09:00:00+07:00"), report(2, "dak-lak", "report", "2026", "accepted", true, "2026-12-01T09:00:00+07:00")];
    const k = yearlyKpi(regime, "2026", clean, now, ZONE);
    expect(k.office).toBe("dat");
    expect(k.units.find((u) => u.unit === "dak-lak")!.verdict).toBe("dat");
    expect(k.missing.length).toBe(66); // 33 other units × plan and report, never received: listed apart

    const late = [...clean, report(3, "gia-lai", "report", "2026", "accepted", false, "2026-12-12T09:00:00+07:00")];
    const k2 = yearlyKpi(regime, "2026", late, now, ZONE);
    expect(k2.office).toBe("khong_dat");
    expect(k2.offending.map((o) => `${o.unit} ${o.offence}`)).toEqual(["gia-lai late"]);
    expect(k2.units.find((u) => u.unit === "dak-lak")!.verdict).toBe("dat");

    const wrong = [...clean, report(4, "dak-lak", "plan", "2026", "rejected", true, "2026-01-15T09:00:00+07:00")];
    expect(yearlyKpi(regime, "2026", wrong, now, ZONE).units.find((u) => u.unit === "dak-lak")!.verdict).toBe("khong_dat");
  });
});
