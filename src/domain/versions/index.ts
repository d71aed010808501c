/**
 * Versions of a report (contract.md "Periods, versions, timeliness"): every recorded report is a version of
 * (regime, unit, period). The draft uses the latest Đạt version; a later Không đạt version does not replace it; a
 * unit's timeliness for the period is that of its first Đạt version.
 */
import type { Regime } from "../regime.ts";

/** What the version rules read of a recorded report. */
export interface RecordedReport {
  id: number;
  messageId: string;
  regime: string | null;
  unit: string | null;
  period: string | null;
  /** Issue 10: a province's plan and report share the period "2026": the kind tells their versions apart. */
  kind?: string | null;
  status: "accepted" | "rejected" | "unclassified" | "ignored" | "failed";
  verdict: "dat" | "khong_dat" | null;
  receivedAt: Date;
  deadline: Date | null;
  onTime: boolean | null;
  lateSeconds: number | null;
}

/** A judged report (Đạt or Không đạt) with its unit and period: a version. */
export const isReportVersion = (s: RecordedReport): boolean => (s.status === "accepted" || s.status === "rejected") && !!s.unit && !!s.period;
const versionKey = (s: RecordedReport) => `${s.regime}|${s.unit}|${s.kind ?? ""}|${s.period}`;

/** The latest report version of each (regime, unit, period), by receipt time then record order. */
export function latestIds(rows: readonly RecordedReport[]): Set<number> {
  const latest = new Map<string, RecordedReport>();
  for (const s of rows.filter(isReportVersion)) {
    const cur = latest.get(versionKey(s));
    if (!cur || s.receivedAt > cur.receivedAt || (s.receivedAt.getTime() === cur.receivedAt.getTime() && s.id > cur.id)) latest.set(versionKey(s), s);
  }
  return new Set([...latest.values()].map((s) => s.id));
}

export type UnitState = "on_time" | "late" | "khong_dat" | "missing";

export interface UnitStatus {
  unit: string;
  name: string;
  state: UnitState;
  /** Receipt of the first Đạt version (the unit's timeliness), else of the latest version. */
  receivedAt: Date | null;
  deadline: Date | null;
  lateSeconds: number | null;
  versions: number;
  /** The version the draft uses: latest Đạt. */
  acceptedId: number | null;
  latestId: number | null;
  latestVerdict: RecordedReport["verdict"];
  latestMessageId: string | null;
}

/** One line per unit of the regime for a period (of `kind`, when given: a province's plan and report share "2026"). */
export function unitStatuses(regime: Regime, period: string, rows: readonly RecordedReport[], kind?: string): UnitStatus[] {
  return regime.units.map((u) => {
    const versions = rows
      .filter((s) => s.regime === regime.id && s.unit === u.id && s.period === period && (!kind || s.kind === kind) && isReportVersion(s))
      .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.id - b.id);
    const accepted = versions.filter((s) => s.status === "accepted");
    const firstAccepted = accepted[0] ?? null;
    const lastAccepted = accepted[accepted.length - 1] ?? null;
    const latest = versions[versions.length - 1] ?? null;
    let state: UnitState = "missing";
    if (firstAccepted) state = firstAccepted.onTime ? "on_time" : "late";
    else if (latest) state = "khong_dat";
    const ref = firstAccepted ?? latest;
    return {
      unit: u.id,
      name: u.name,
      state,
      receivedAt: ref?.receivedAt ?? null,
      deadline: ref?.deadline ?? null,
      lateSeconds: ref?.lateSeconds ?? null,
      versions: versions.length,
      acceptedId: lastAccepted?.id ?? null,
      latestId: latest?.id ?? null,
      latestVerdict: latest?.verdict ?? null,
      latestMessageId: latest?.messageId ?? null,
    };
  });
}

/**
 * Kinds whose period id does not name the kind: a province's plan and its summary report are both "2026" (issue 10,
 * QT.NVĐP.04), and a plain "2026" would read as a yearly report; a request's period is not a calendar form either.
 * Their statuses, job keys and drafts carry the kind.
 */
const KINDS_SHARING_PERIOD_ID: ReadonlySet<string> = new Set(["plan", "report", "request"]);

/** The kind to filter versions by for `period`: set where the period id alone would mix a plan and a report. */
export function statusKindOf(period: { id: string; kind: string }): string | undefined {
  return KINDS_SHARING_PERIOD_ID.has(period.kind) ? period.kind : undefined;
}

/** One line per unit for a period object: the kind is applied where the period id is shared by several kinds. */
export function periodStatuses(regime: Regime, period: { id: string; kind: string }, rows: readonly RecordedReport[]): UnitStatus[] {
  return unitStatuses(regime, period.id, rows, statusKindOf(period));
}

/**
 * The period as it names jobs (reminders, chases, drafts, summaries) and drafts: "plan-2026" / "report-2026" where the
 * id is shared by several kinds, so a plan's and a report's jobs never collide; the id itself otherwise (keys of
 * QT.VP.03 regimes unchanged).
 */
export function periodKey(period: { id: string; kind: string }): string {
  return statusKindOf(period) ? `${period.kind}-${period.id}` : period.id;
}

/** Reads a key of `periodKey` back: the kind when it carries one, and the period id. */
export function parsePeriodKey(key: string): { kind: string | undefined; id: string } {
  const m = /^([a-z]+)-(.+)$/.exec(key);
  if (m && KINDS_SHARING_PERIOD_ID.has(m[1]!)) return { kind: m[1], id: m[2]! };
  return { kind: undefined, id: key };
}

/** Whether a recorded report belongs to `period` (its id, and its kind where the id is shared). */
export function inPeriod(row: { period: string | null; kind?: string | null }, period: { id: string; kind: string }): boolean {
  const kind = statusKindOf(period);
  return row.period === period.id && (!kind || row.kind === kind);
}
