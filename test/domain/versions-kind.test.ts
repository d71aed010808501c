/**
 * Issue 10: a province's plan and summary report share the period "2026" (QT.NVĐP.04), so the statuses of one kind
 * never count the other's versions, and the jobs and drafts of each kind have keys of their own. The regime is the
 * shipped qt-nvdp-04 template loaded through the configuration loader, with the weekly QT.VP.03 regime beside it
 * (whose keys must not change).
 */
import { describe, expect, it } from "vitest";
import { provinceRegimes } from "../support/province-regimes.ts";
import { periodFromId } from "../../src/domain/calendar/index.ts";
import type { PeriodKind } from "../../src/domain/model.ts";
import { inPeriod, parsePeriodKey, periodKey, periodStatuses, unitStatuses, type RecordedReport } from "../../src/domain/versions/index.ts";

const ZONE = "Asia/Ho_Chi_Minh";
const { provinces, weekly } = provinceRegimes(["units: [{ id: dak-lak, addresses: [sokhcn@daklak.gov.vn] }, { id: lao-cai, addresses: [stttt@laocai.gov.vn] }]"]);
const DAK_LAK = "dak-lak";
const LAO_CAI = "lao-cai";

let nextId = 1;
function version(unit: string, kind: string, period: string, status: "accepted" | "rejected", at: string, onTime = true, regime = "tinh-thanh"): RecordedReport {
  const id = nextId++;
  return {
    id, messageId: `<${id}@tinh.gov.vn>`, regime, unit, period, kind, status, verdict: status === "accepted" ? "dat" : "khong_dat",
    receivedAt: new Date(`${at}+07:00`), deadline: null, onTime, lateSeconds: onTime ? null : 86_400,
  };
}
const period = (kind: PeriodKind, id: string) => periodFromId(kind, id, ZONE)!;
const stateOf = (statuses: ReturnType<typeof unitStatuses>, unit: string) => statuses.find((s) => s.unit === unit)!.state;

describe("a province's plan and report of 2026 are separate (unitStatuses with a kind)", () => {
  // Đắk Lắk: plan Đạt on time (20/02/2026), report Không đạt (thiếu phần III, 01/12/2026). Lào Cai: only a late report.
  const rows = [
    version(DAK_LAK, "plan", "2026", "accepted", "2026-02-20T09:00:00"),
    version(DAK_LAK, "report", "2026", "rejected", "2026-12-01T10:00:00"),
    version(LAO_CAI, "report", "2026", "accepted", "2026-12-15T08:30:00", false),
  ];

  it.each([
    // [kind, unit, state, versions]
    ["plan", DAK_LAK, "on_time", 1],
    ["report", DAK_LAK, "khong_dat", 1],
    ["plan", LAO_CAI, "missing", 0],
    ["report", LAO_CAI, "late", 1],
  ] as const)("%s of %s: %s (%i version)", (kind, unit, state, versions) => {
    const statuses = periodStatuses(provinces, period(kind, "2026"), rows);
    expect(stateOf(statuses, unit)).toBe(state);
    expect(statuses.find((s) => s.unit === unit)!.versions).toBe(versions);
    expect(unitStatuses(provinces, "2026", rows, kind)).toEqual(statuses);
  });

  it("without the kind the two are mixed: the reason the callers pass it", () => {
    const mixed = unitStatuses(provinces, "2026", rows);
    expect(mixed.find((s) => s.unit === DAK_LAK)!.versions).toBe(2);
    // The on-time Đạt plan would hide the Không đạt report.
    expect(stateOf(mixed, DAK_LAK)).toBe("on_time");
  });

  it("a weekly regime's statuses do not filter by kind (rows recorded before kinds were stored still count)", () => {
    const week = version("nvdp", "week", "2026-W47", "accepted", "2026-11-19T10:00:00", true, "qt-vp-03");
    const unkinded = { ...version("nvdp", "week", "2026-W48", "accepted", "2026-11-26T10:00:00", true, "qt-vp-03"), kind: null };
    expect(stateOf(periodStatuses(weekly, period("week", "2026-W47"), [week]), "nvdp")).toBe("on_time");
    expect(stateOf(periodStatuses(weekly, period("week", "2026-W48"), [unkinded]), "nvdp")).toBe("on_time");
  });
});

describe("period keys of jobs and drafts", () => {
  it.each([
    // [kind, id, key]
    ["plan", "2026", "plan-2026"],
    ["report", "2026", "report-2026"],
    ["year", "2026", "2026"],
    ["week", "2026-W47", "2026-W47"],
    ["month", "2026-11", "2026-11"],
    ["half", "2026-H1", "2026-H1"],
  ] as const)("%s %s → %s, and back", (kind, id, key) => {
    const p = period(kind, id);
    expect(periodKey(p)).toBe(key);
    const back = parsePeriodKey(key);
    expect(back.id).toBe(id);
    expect(back.kind).toBe(key === id ? undefined : kind);
  });

  it("the plan's and the report's keys differ, so their reminders, chases and drafts never collide", () => {
    expect(periodKey(period("plan", "2026"))).not.toBe(periodKey(period("report", "2026")));
  });

  it.each([
    // [row kind, row period, period kind, period id, belongs]
    ["plan", "2026", "plan", "2026", true],
    ["report", "2026", "plan", "2026", false],
    ["plan", "2025", "plan", "2026", false],
    ["week", "2026-W47", "week", "2026-W47", true],
    [null, "2026-W47", "week", "2026-W47", true],
  ] as const)("a %s %s row in the %s %s: %s", (rowKind, rowPeriod, kind, id, belongs) => {
    expect(inPeriod({ kind: rowKind, period: rowPeriod }, period(kind, id))).toBe(belongs);
  });
});
