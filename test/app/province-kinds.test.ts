/**
 * Issue 10 at the use-case level: for the provinces' regime (qt-nvdp-04) "2026" is both the plan's and the summary
 * report's period. `status`, `laggards`, `compile` and the scheduler resolve the period with its kind (periodOf) and
 * never merge or count a plan as the report. Pure: submission rows in, statuses and draft units out.
 */
import { describe, expect, it } from "vitest";
import { provinceRegimes } from "../support/province-regimes.ts";
import { unitsForDraft } from "../../src/app/compile-draft.ts";
import { summariseLaggards } from "../../src/app/laggards.ts";
import { periodOf } from "../../src/app/period-of.ts";
import type { SubmissionRow } from "../../src/app/store.ts";

const ZONE = "Asia/Ho_Chi_Minh";
const { provinces, weekly, regimes } = provinceRegimes(["units: [{ id: dak-lak, addresses: [sokhcn@daklak.gov.vn] }, { id: lao-cai, addresses: [stttt@laocai.gov.vn] }]"]);

let nextId = 1;
function row(unit: string, kind: "plan" | "report", status: "accepted" | "rejected", at: string, onTime = true): SubmissionRow {
  const id = nextId++;
  return {
    id, messageRowId: id, messageId: `<${id}@tinh.gov.vn>`, receivedAt: new Date(`${at}+07:00`), fromAddress: "sokhcn@daklak.gov.vn", originalFrom: null,
    subject: kind === "plan" ? "Kế hoạch hoạt động TTĐN năm 2026" : "Báo cáo tổng kết công tác TTĐN năm 2026", archivePath: "x", decidedBy: null, decidedAt: null,
    index: 0, regime: "tinh-thanh", unit, kind, period: "2026", deadline: null, onTime, lateSeconds: onTime ? null : 5 * 86_400, status,
    verdict: status === "accepted" ? "dat" : "khong_dat", missingSections: [], findings: [], verdictDetail: null, evidence: null, confidence: 1,
    attachments: [], outline: null, secret: null, reason: null,
  } as unknown as SubmissionRow;
}

describe("periodOf: --period with --kind", () => {
  it.each([
    // [regime, period, kind, resolved kind]
    ["tinh-thanh", "2026", "plan", "plan"],
    ["tinh-thanh", "2026", "report", "report"],
    ["tinh-thanh", "report-2026", undefined, "report"],
    ["tinh-thanh", "plan-2026", undefined, "plan"],
    ["qt-vp-03", "2026-W47", undefined, "week"],
    ["qt-vp-03", "2026", undefined, "year"],
  ] as const)("%s %s (--kind %s) is a %s", (regimeId, id, kind, resolved) => {
    const regime = regimes.find((r) => r.id === regimeId)!;
    expect(periodOf(regime, id, ZONE, kind).kind).toBe(resolved);
  });

  it("a bare 2026 of the provinces is refused: a plan or a report must be said", () => {
    expect(() => periodOf(provinces, "2026", ZONE)).toThrow(/plan, report; say which with --kind/);
  });

  it("a kind the regime does not have is refused", () => {
    expect(() => periodOf(weekly, "2026", ZONE, "plan")).toThrow(/not a reporting period of qt-vp-03/);
  });
});

describe("the draft and the laggards of one kind ignore the other kind of the same year", () => {
  // Đắk Lắk: plan Đạt on time; report Không đạt. Lào Cai: report Đạt, 5 days late; no plan.
  const rows = [
    row("dak-lak", "plan", "accepted", "2026-02-20T09:00:00"),
    row("dak-lak", "report", "rejected", "2026-12-01T10:00:00"),
    row("lao-cai", "report", "accepted", "2026-12-15T08:30:00", false),
  ];
  const plan = periodOf(provinces, "2026", ZONE, "plan");
  const report = periodOf(provinces, "2026", ZONE, "report");

  it.each([
    ["plan", "dak-lak", "accepted", 1],
    ["plan", "lao-cai", "missing", 0],
    ["report", "dak-lak", "rejected", 1],
    ["report", "lao-cai", "accepted", 1],
  ] as const)("the %s draft: %s is %s (version %i)", (kind, unit, state, version) => {
    const u = unitsForDraft(provinces, kind === "plan" ? plan : report, rows).find((x) => x.unit.id === unit)!;
    expect(u.state).toBe(state);
    expect(u.version).toBe(version);
  });

  const two = (statuses: { unit: string; state: string }[]) =>
    Object.fromEntries(statuses.filter((x) => x.unit === "dak-lak" || x.unit === "lao-cai").map((x) => [x.unit, x.state]));

  it("the laggards of the report: Đắk Lắk Không đạt, Lào Cai late (its plan on time does not count)", () => {
    const s = summariseLaggards(ZONE, provinces, report, rows, new Date("2026-12-20T09:00:00+07:00"));
    expect(two(s.statuses)).toEqual({ "dak-lak": "khong_dat", "lao-cai": "late" });
    const p = summariseLaggards(ZONE, provinces, plan, rows, new Date("2026-12-20T09:00:00+07:00"));
    expect(two(p.statuses)).toEqual({ "dak-lak": "on_time", "lao-cai": "missing" });
  });
});
