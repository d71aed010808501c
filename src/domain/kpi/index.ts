/**
 * The yearly KPI of QT.VP.03 §9.1 (issue 10 item 6): "Đạt" when every report of the year was right in content and
 * form and on time; one wrong (Không đạt) or one late report makes it "Không đạt". Judged per unit and for the
 * office (Đạt only when every unit is). The reports judged are those received (the corpus README reads 2025 as
 * Không đạt "because of Cà Mau's late report"); a report due by `now` and never received is listed apart
 * (`missing`), as the laggards and chases already pursue it. Pure: the record, the regime and the instant are
 * parameters.
 */
import { deadlinesOf, periodFromId } from "../calendar/index.ts";
import type { PeriodKind, VerdictValue } from "../model.ts";
import type { Regime } from "../regime.ts";
import { eraOf } from "../registry/index.ts";
import { DateTime } from "luxon";
import type { TrackedReport } from "../tracking/index.ts";

export type Offence = "late" | "khong_dat" | "missing";

export interface OffendingReport {
  unit: string;
  kind: string;
  period: string;
  offence: Offence;
  /** The mail, when there is one (null for a missing report). */
  messageId: string | null;
  receivedAt: Date | null;
  deadline: Date;
}

export interface UnitKpi {
  unit: string;
  name: string;
  verdict: VerdictValue;
  offending: OffendingReport[];
  missing: OffendingReport[];
}

export interface Kpi {
  regime: string;
  year: string;
  office: VerdictValue;
  units: UnitKpi[];
  offending: OffendingReport[];
  /** Reports due by `now` and never received (not judged by §9.1, listed for the office). */
  missing: OffendingReport[];
}

/** Periods of `year` for each kind: a bare-year kind (plan, report, year) has one; others those whose id starts with it. */
function periodsOfYear(regime: Regime, year: string, zone: string): { kind: PeriodKind; period: string }[] {
  const out: { kind: PeriodKind; period: string }[] = [];
  for (const kind of Object.keys(regime.kinds) as PeriodKind[]) {
    if (periodFromId(kind, year, zone)) out.push({ kind, period: year });
    else {
      for (const id of candidateIds(kind, year)) if (periodFromId(kind, id, zone)) out.push({ kind, period: id });
    }
  }
  return out;
}

function candidateIds(kind: PeriodKind, year: string): string[] {
  const n = (k: number) => String(k).padStart(2, "0");
  switch (kind) {
    case "week":
      return Array.from({ length: 53 }, (_, i) => `${year}-W${n(i + 1)}`);
    case "month":
      return Array.from({ length: 12 }, (_, i) => `${year}-${n(i + 1)}`);
    case "quarter":
      return [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
    case "half":
      return [`${year}-H1`, `${year}-H2`];
    default:
      return [];
  }
}

/** The KPI of one year at `now`. */
export function yearlyKpi(regime: Regime, year: string, reports: readonly TrackedReport[], now: Date, zone: string): Kpi {
  const since = regime.unitsSince ? DateTime.fromISO(regime.unitsSince, { zone }).startOf("day").toJSDate() : null;
  const offending: OffendingReport[] = [];
  const missing: OffendingReport[] = [];
  const unitNames = new Map<string, string>();
  for (const { kind, period: id } of periodsOfYear(regime, year, zone)) {
    const period = periodFromId(kind, id, zone)!;
    const rule = regime.kinds[kind]!;
    if (rule.only?.length && !rule.only.includes(id.slice(5)) && !rule.only.includes(id)) continue;
    const { due } = deadlinesOf(regime, period, zone);
    const ofPeriod = reports.filter((r) => r.kind === kind && r.period === id && (r.status === "accepted" || r.status === "rejected"));
    const era = eraOf(regime, due, since);
    const expected = era === "current" ? regime.units : (regime.formerUnits ?? []);
    for (const u of expected) unitNames.set(u.id, u.name);
    const ids = new Set([...expected.map((u) => u.id), ...ofPeriod.map((r) => r.unit!).filter(Boolean)]);
    for (const unit of ids) {
      const versions = ofPeriod.filter((r) => r.unit === unit).sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.id - b.id);
      if (!unitNames.has(unit)) unitNames.set(unit, unit);
      // §9.1: each wrong report and each late one counts.
      for (const r of versions) {
        if (r.status === "rejected") offending.push({ unit, kind, period: id, offence: "khong_dat", messageId: r.messageId, receivedAt: r.receivedAt, deadline: due });
        else if (r.onTime === false) offending.push({ unit, kind, period: id, offence: "late", messageId: r.messageId, receivedAt: r.receivedAt, deadline: due });
      }
      const accepted = versions.some((r) => r.status === "accepted");
      if (!accepted && versions.length === 0 && due.getTime() <= now.getTime()) {
        missing.push({ unit, kind, period: id, offence: "missing", messageId: null, receivedAt: null, deadline: due });
      }
    }
  }
  const units: UnitKpi[] = [...unitNames.entries()].map(([unit, name]) => {
    const own = offending.filter((o) => o.unit === unit);
    return { unit, name, verdict: own.length === 0 ? "dat" : "khong_dat", offending: own, missing: missing.filter((o) => o.unit === unit) };
  });
  return { regime: regime.id, year, office: offending.length === 0 ? "dat" : "khong_dat", units, offending, missing };
}
