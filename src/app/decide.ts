/**
 * People's decisions: `assign` (a person classifies an unclassified message; what follows runs as for any report)
 * and `review` (a person overrules a verdict; the reply and status follow). Both record who and when.
 */
import { kindOfPeriodId, periodFromId } from "../domain/calendar/index.ts";
import type { DocumentFacts } from "../domain/message.ts";
import type { PeriodKind, VerdictValue } from "../domain/model.ts";
import { mailContext, type Deps } from "./context.ts";
import { composeReply } from "./compose-reply.ts";
import { judgeReport } from "../domain/verdict/index.ts";
import { readDocuments } from "./read-documents.ts";
import { replyTarget } from "./reply-target.ts";
import type { RequestStore, SubmissionRow, SubmissionStore } from "./store.ts";
import { isRequestCode, requestPeriod, requestRegime } from "../domain/requests/index.ts";

/** What a person's decision (assign, review) uses: the submissions, the archive to re-read the mail, the mail texts. */
export type DecideDeps = Pick<Deps, "settings" | "archive" | "parse" | "documents" | "texts" | "skeletonFor" | "clock"> & {
  store: SubmissionStore & Pick<RequestStore, "listRequests">;
};

export class DecisionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DecisionError";
  }
}

async function pick(deps: DecideDeps, messageId: string, index: number | undefined, accept: (s: SubmissionRow) => boolean): Promise<SubmissionRow> {
  const rows = await deps.store.listSubmissions({ messageId: normaliseId(messageId) });
  if (rows.length === 0) throw new DecisionError(`No message with Message-ID ${messageId} in the ledger.`);
  const candidates = rows.filter((r) => (index === undefined ? accept(r) : r.index === index));
  const row = candidates[0];
  if (!row) throw new DecisionError(`Message ${messageId} has no report that can take this decision (statuses: ${rows.map((r) => r.status).join(", ")}).`);
  return row;
}

/** Accepts "<id@host>" or "id@host". */
export function normaliseId(id: string): string {
  const t = id.trim();
  return t.startsWith("<") ? t : `<${t}>`;
}

export async function assignMessage(
  deps: DecideDeps,
  input: { messageId: string; unit: string; period: string; kind?: PeriodKind; regime?: string; index?: number; by: string },
): Promise<SubmissionRow> {
  const row = await pick(deps, input.messageId, input.index, (r) => r.status === "unclassified" || r.status === "ignored");
  const regimes = deps.settings.regimes.filter((r) => (input.regime ? r.id === input.regime : r.units.some((u) => u.id === input.unit)));
  const regime = regimes[0];
  if (!regime || regimes.length > 1) throw new DecisionError(input.regime ? `Unknown regime ${input.regime}.` : `Unit ${input.unit} is not in exactly one regime; give --regime.`);
  if (!regime.units.some((u) => u.id === input.unit)) throw new DecisionError(`Unit ${input.unit} is not a unit of ${regime.id} (${regime.units.map((u) => u.id).join(", ")}).`);
  // Issue 10 item 4: `--period YC-2026-001` attributes the mail as that unit's answer to an ad-hoc request.
  const code = isRequestCode(input.period) && (input.kind === undefined || input.kind === "request") ? input.period : null;
  const request = code ? (await deps.store.listRequests({ regime: regime.id, code }))[0] : undefined;
  if (code && !request) throw new DecisionError(`No request ${code} in ${regime.id}.`);
  if (request && !request.units.includes(input.unit)) throw new DecisionError(`Unit ${input.unit} was not asked by request ${code} (${request.units.join(", ")}).`);
  const asked = request ? { regime: requestRegime(regime, request, deps.settings.timezone), period: requestPeriod(request, deps.settings.timezone) } : null;
  const kind = asked ? "request" : (input.kind ?? kindOfPeriodId(input.period));
  if (!kind || (!asked && !periodFromId(kind, input.period, deps.settings.timezone))) throw new DecisionError(`Period ${input.period} is not a valid period id (2026-W47, 2026-11, 2026-Q4, 2026-H1, 2026, or a request code YC-2026-001).`);

  const raw = await deps.archive.get(row.archivePath);
  const facts = await deps.parse(raw, row.receivedAt);
  const documents: DocumentFacts[] = await readDocuments(deps, facts);
  const now = deps.clock.now();
  const judged = judgeReport({
    index: row.index,
    candidate: {
      regime: regime.id, unit: input.unit, kind, period: input.period, periodInferred: false, confidence: 1,
      evidence: [{ about: "unit", source: "person", value: input.unit, matched: input.by }, { about: "period", source: "person", value: input.period, matched: input.by }],
      reason: null, isReport: true, documents: documents.map((d) => d.source),
    },
    documents, regimes: asked ? [asked.regime] : deps.settings.regimes, receivedAt: row.receivedAt, zone: deps.settings.timezone,
    ...(asked ? { period: asked.period } : {}),
  });
  const reply = composeReply(mailContext(deps), {
    facts, replyTo: replyTarget(deps.settings, row.fromAddress, row.originalFrom), record: judged.record, regime: asked?.regime ?? regime, compileDeadline: judged.compileDeadline, earlierAccepted: false, now,
    dedupeKey: `assign:${row.messageId}:${row.index}`,
  });
  await deps.store.updateSubmission(
    row.id,
    { ...judged.record, decidedBy: input.by, decidedAt: now },
    reply ? [reply] : [],
    { kind: "assign", by: input.by, at: now, detail: { unit: input.unit, period: input.period, kind } },
  );
  return (await deps.store.getSubmission(row.id))!;
}

export async function reviewMessage(
  deps: DecideDeps,
  input: { messageId: string; verdict: VerdictValue; note: string | null; index?: number; by: string },
): Promise<SubmissionRow> {
  const row = await pick(deps, input.messageId, input.index, (r) => r.status === "accepted" || r.status === "rejected" || r.status === "unclassified");
  if (!row.unit || !row.period || !row.kind || !row.regime) throw new DecisionError(`Message ${input.messageId} is not attributed to a unit and period yet; use \`intake assign\` first.`);
  const base = deps.settings.regimes.find((r) => r.id === row.regime);
  if (!base) throw new DecisionError(`Unknown regime ${row.regime}.`);
  // An answer to an ad-hoc request is answered in the request's terms (its procedure, its units).
  const request = row.kind === "request" ? (await deps.store.listRequests({ regime: base.id, code: row.period }))[0] : undefined;
  const regime = request ? requestRegime(base, request, deps.settings.timezone) : base;
  const now = deps.clock.now();
  const raw = await deps.archive.get(row.archivePath);
  const facts = await deps.parse(raw, row.receivedAt);
  const record = {
    ...row,
    verdict: input.verdict,
    status: input.verdict === "dat" ? ("accepted" as const) : ("rejected" as const),
    missingSections: input.verdict === "dat" ? [] : row.missingSections,
    reason: input.verdict === "dat" ? null : input.note ? `person: ${input.note}` : (row.reason ?? "person: Không đạt theo đánh giá của chuyên viên"),
    verdictDetail: input.verdict === "dat" ? { reasons: [], details: [] } : { reasons: ["person"], details: input.note ? [input.note] : [] },
  };
  const changed = row.verdict !== input.verdict;
  // Each decision that changes the verdict is a new mail; the same decision repeated sends nothing.
  const reply = changed
    ? composeReply(mailContext(deps), {
        facts, replyTo: replyTarget(deps.settings, row.fromAddress, row.originalFrom), record, regime, compileDeadline: null, earlierAccepted: false, now, note: input.note,
        dedupeKey: `review:${row.messageId}:${row.index}:${input.verdict}:${now.toISOString()}`,
      })
    : null;
  await deps.store.updateSubmission(
    row.id,
    { verdict: record.verdict, status: record.status, missingSections: record.missingSections, reason: record.reason, verdictDetail: record.verdictDetail, decidedBy: input.by, decidedAt: now, decisionNote: input.note },
    reply ? [reply] : [],
    { kind: "review", by: input.by, at: now, detail: { verdict: input.verdict, note: input.note, previous: row.verdict } },
  );
  return (await deps.store.getSubmission(row.id))!;
}
