/**
 * One pass over the mailbox: every message not yet settled in the ledger is ingested. No watermark: the ledger
 * is keyed by (mailbox, UIDVALIDITY, UID), so a failed message is retried later, never skipped behind a high UID,
 * and a restart (even after SIGKILL mid-batch) neither reprocesses nor skips anything.
 */
import type { Mailbox } from "./ports.ts";
import { ingestMessage, type IngestDeps, type IngestOutcome } from "./ingest-message.ts";

/** Fetch this many sources at a time, so a large backlog never sits in memory at once. */
const BATCH = 25;

export type PollSummary = Record<IngestOutcome, number> & { seen: number };

export async function pollMailbox(deps: IngestDeps, mailbox: Mailbox, signal?: AbortSignal): Promise<PollSummary> {
  const summary: PollSummary = { seen: 0, skipped: 0, processed: 0, ignored: 0, failed: 0, duplicate: 0 };
  const { uidValidity } = await mailbox.open();
  const keys = await mailbox.listKeys();
  const settled = await deps.store.settledKeys(mailbox.name, uidValidity, deps.clock.now());
  const todo = keys.filter((k) => !settled.has(k));
  summary.seen = keys.length;
  summary.skipped = keys.length - todo.length;
  for (let i = 0; i < todo.length; i += BATCH) {
    if (signal?.aborted) break;
    for await (const raw of mailbox.fetch(todo.slice(i, i + BATCH))) {
      const outcome = await ingestMessage(deps, raw);
      summary[outcome]++;
      if (outcome !== "failed" && mailbox.markProcessed) await mailbox.markProcessed(raw.key).catch(() => undefined);
      if (signal?.aborted) break;
    }
  }
  return summary;
}
