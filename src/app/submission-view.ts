/**
 * What `submissions` and `status` show: the rows of contract.md "submissions --json", and one status line per
 * unit for a period. Versions: the draft uses the latest Đạt version; a unit's timeliness is that of its first
 * Đạt version (contract.md "Periods, versions, timeliness").
 */
import { formatInstant } from "../domain/calendar/index.ts";
import type { Regime } from "../domain/regime.ts";
import type { SubmissionRow } from "./store.ts";

export interface SubmissionJson {
  messageId: string;
  from: string | null;
  originalFrom: string | null;
  subject: string;
  receivedAt: string;
  regime: string | null;
  unit: string | null;
  kind: string | null;
  period: string | null;
  deadline: string | null;
  onTime: boolean | null;
  lateSeconds: number | null;
  status: SubmissionRow["status"];
  verdict: SubmissionRow["verdict"];
  missingSections: string[];
  attachments: string[];
  latest: boolean | null;
  reason: string | null;
  confidence: number | null;
  secret: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
}

const isReport = (s: SubmissionRow) => (s.status === "accepted" || s.status === "rejected") && !!s.unit && !!s.period;
const versionKey = (s: SubmissionRow) => `${s.regime}|${s.unit}|${s.period}`;

/** The latest report version of each (regime, unit, period), by receipt time then ledger order. */
export function latestIds(rows: SubmissionRow[]): Set<number> {
  const latest = new Map<string, SubmissionRow>();
  for (const s of rows.filter(isReport)) {
    const cur = latest.get(versionKey(s));
    if (!cur || s.receivedAt > cur.receivedAt || (s.receivedAt.getTime() === cur.receivedAt.getTime() && s.id > cur.id)) latest.set(versionKey(s), s);
  }
  return new Set([...latest.values()].map((s) => s.id));
}

export function toSubmissionJson(rows: SubmissionRow[], zone: string): SubmissionJson[] {
  const latest = latestIds(rows);
  return rows.map((s) => {
    const report = isReport(s);
    const nonNoise = s.status !== "ignored";
    return {
      messageId: s.messageId,
      from: s.fromAddress,
      originalFrom: s.originalFrom,
      subject: s.subject,
      receivedAt: formatInstant(s.receivedAt, zone),
      regime: nonNoise ? s.regime : null,
      unit: nonNoise ? s.unit : null,
      kind: nonNoise ? s.kind : null,
      period: nonNoise ? s.period : null,
      deadline: s.deadline && nonNoise ? formatInstant(s.deadline, zone) : null,
      onTime: nonNoise ? s.onTime : null,
      lateSeconds: nonNoise ? s.lateSeconds : null,
      status: s.status,
      verdict: s.verdict,
      missingSections: s.missingSections,
      attachments: s.attachments,
      latest: report ? latest.has(s.id) : null,
      reason: s.reason,
      confidence: nonNoise ? s.confidence : null,
      secret: s.secret,
      decidedBy: s.decidedBy,
      decidedAt: s.decidedAt ? formatInstant(s.decidedAt, zone) : null,
      note: s.decisionNote,
    };
  });
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
  latestVerdict: SubmissionRow["verdict"];
  latestMessageId: string | null;
}

/** One line per unit of the regime for a period. */
export function unitStatuses(regime: Regime, period: string, rows: SubmissionRow[]): UnitStatus[] {
  return regime.units.map((u) => {
    const versions = rows
      .filter((s) => s.regime === regime.id && s.unit === u.id && s.period === period && isReport(s))
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
