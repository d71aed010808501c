/**
 * `intake explain <messageId>` (issue 11 item 2): how the bot read a recorded message (the same reading as
 * `intake check`, on the archived original), what was recorded of it, what was sent about it and when, and every
 * person's action on it (assign, review, release, drop) with who and when.
 */
import { formatInstant } from "../domain/calendar/index.ts";
import type { Deps } from "./context.ts";
import { checkFacts, CheckError, type CheckDeps, type CheckResult } from "./check-files.ts";
import { normaliseId } from "./decide.ts";
import { registryRegimes, toSubmissionJson, type SubmissionJson } from "./submission-view.ts";
import type { ActionStore, OutboxStore, SubmissionStore } from "./store.ts";

export type ExplainDeps = CheckDeps & Pick<Deps, "archive"> & { store: Pick<SubmissionStore, "listSubmissions"> & Pick<OutboxStore, "listOutbox"> & ActionStore };

export interface Explanation {
  messageId: string;
  archivePath: string;
  /** What is recorded (submissions --json rows of this message). */
  recorded: SubmissionJson[];
  /** The reading, redone on the archived original with today's configuration. */
  reading: CheckResult[];
  /** Mail the bot queued about this message: what, to whom, its state, when sent. */
  outbox: { id: number; purpose: string; state: string; to: string[]; subject: string; text: string; createdAt: string; sentAt: string | null; note: string | null }[];
  /** People's actions on it: who and when. */
  actions: { kind: string; by: string; at: string; detail: unknown }[];
}

export async function explainMessage(deps: ExplainDeps, messageId: string): Promise<Explanation> {
  const id = normaliseId(messageId);
  const zone = deps.settings.timezone;
  const rows = await deps.store.listSubmissions({ messageId: id });
  const first = rows[0];
  if (!first) throw new CheckError(`No message with Message-ID ${id} in the ledger.`);
  const raw = await deps.archive.get(first.archivePath);
  const facts = await deps.parse(raw, first.receivedAt);
  const reading = await checkFacts(deps, facts, { file: first.archivePath, regimes: deps.settings.regimes, isDocument: false });
  const outbox = (await deps.store.listOutbox())
    .filter((o) => o.relatedMessageId === id)
    .map((o) => ({
      id: o.id, purpose: o.purpose, state: o.state, to: o.mail.to, subject: o.mail.subject, text: o.mail.text,
      createdAt: formatInstant(o.createdAt, zone), sentAt: o.sentAt ? formatInstant(o.sentAt, zone) : null, note: o.lastError,
    }));
  const actions = (await deps.store.listActions({ messageId: id })).map((a) => ({ kind: a.kind, by: a.by, at: formatInstant(a.at, zone), detail: a.detail }));
  return { messageId: id, archivePath: first.archivePath, recorded: toSubmissionJson(rows, zone, registryRegimes(deps.settings.regimes)), reading, outbox, actions };
}
