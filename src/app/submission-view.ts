/**
 * What `submissions` and `status` show: the rows of contract.md "submissions --json", and one status line per
 * unit for a period. Versions: the draft uses the latest Đạt version; a unit's timeliness is that of its first
 * Đạt version (contract.md "Periods, versions, timeliness").
 */
import { formatInstant } from "../domain/calendar/index.ts";
import type { SubmissionRow } from "./store.ts";
import { isReportVersion, latestIds } from "../domain/versions/index.ts";

export { unitStatuses, type UnitState, type UnitStatus } from "../domain/versions/index.ts";

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
  /**
   * Issue 10: the unit's name as the mail or document wrote it (the line naming it: "UBND TỈNH HÀ GIANG"), kept on
   * record when an old or another form of the name was attributed to a unit; null when only the address told.
   */
  nameUsed?: string | null;
}

/** The name a unit was recognised by, from the classification evidence (not the sender's address). */
function nameUsed(evidence: unknown): string | null {
  if (!Array.isArray(evidence)) return null;
  const hit = (evidence as { about?: string; source?: string; matched?: string }[]).find((e) => e.about === "unit" && e.source !== "sender" && e.source !== "person");
  return hit?.matched ?? null;
}

/**
 * The rows of `submissions --json`. `nameUsed` is given for the regimes in `namesKept` (the provinces' and
 * ministries', whose units are matched by name against a registry), so the QT.VP.03 rows keep their pinned form.
 */
export function toSubmissionJson(rows: SubmissionRow[], zone: string, namesKept: ReadonlySet<string> = new Set()): SubmissionJson[] {
  const latest = latestIds(rows);
  return rows.map((s) => {
    const report = isReportVersion(s);
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
      ...(s.regime && namesKept.has(s.regime) ? { nameUsed: nonNoise ? nameUsed(s.evidence) : null } : {}),
    };
  });
}

/** The regimes whose units are a registry matched by name (report kinds plan, report, request): they show `nameUsed`. */
export function registryRegimes(regimes: readonly { id: string; kinds: Readonly<Record<string, unknown>> }[]): Set<string> {
  return new Set(regimes.filter((r) => Object.keys(r.kinds).some((k) => k === "plan" || k === "report" || k === "request")).map((r) => r.id));
}
