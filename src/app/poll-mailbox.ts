/**
 * One pass over the mailbox: the new messages and the due retries are ingested. The ledger is keyed by (mailbox,
 * UIDVALIDITY, UID), so a failed message is retried later, never skipped behind a high UID, and a restart (even after
 * SIGKILL mid-batch) neither reprocesses nor skips anything.
 *
 * Issue 13 §3, a cost that follows new mail, not the mailbox: where the adapter offers `listKeysSince`, the pass asks
 * only for what arrived after the cursor kept per (mailbox, UIDVALIDITY), checks just those keys against the ledger,
 * and adds the due retries read by index. The cursor moves only after a whole pass, so an interrupted pass lists the
 * same keys again and the ledger tells which are done.
 */
import type { Mailbox, RawMessage } from "./ports.ts";
import { beginIngest, finishIngest, type BegunIngest, type IngestDeps, type IngestOutcome } from "./ingest-message.ts";

/** Fetch this many sources at a time, so a large backlog never sits in memory at once. */
const BATCH = 25;

/**
 * Issue 13 §4, bounded concurrency: while one message is judged and committed, the next ones are begun (archived,
 * recorded, their attempt counted, parsed) and their documents read by the reader's workers. At most this many
 * messages, and this many bytes of source, are begun ahead; each is finished, and committed, in order of arrival.
 */
const READ_AHEAD = { messages: 4, bytes: 48 * 1024 * 1024 };

export type PollSummary = Record<IngestOutcome, number> & { seen: number };

export async function pollMailbox(
  deps: IngestDeps,
  mailbox: Mailbox,
  signal?: AbortSignal,
  /** Called after each new message with how many of the new ones are done (issue 9 §6: progress over a backlog). */
  onProgress?: (done: number, total: number) => void,
): Promise<PollSummary> {
  const summary: PollSummary = { seen: 0, skipped: 0, processed: 0, ignored: 0, failed: 0, duplicate: 0 };
  const { uidValidity } = await mailbox.open();
  const now = deps.clock.now();
  let todo: string[];
  let nextCursor: string | null = null;
  if (mailbox.listKeysSince) {
    const since = await deps.store.mailboxCursor(mailbox.name, uidValidity);
    const listed = await mailbox.listKeysSince(since);
    const settled = listed.keys.length ? await deps.store.settledAmong(mailbox.name, uidValidity, listed.keys, now) : new Set<string>();
    const fresh = listed.keys.filter((k) => !settled.has(k));
    const freshSet = new Set(fresh);
    // The due retries first: they arrived before anything new (in order of arrival).
    const due = (await deps.store.dueKeys(mailbox.name, uidValidity, now)).filter((k) => !freshSet.has(k));
    todo = [...due, ...fresh];
    summary.seen = listed.keys.length + due.length;
    summary.skipped = listed.keys.length - fresh.length;
    if (listed.cursor !== since) nextCursor = listed.cursor;
  } else {
    const keys = await mailbox.listKeys();
    const settled = await deps.store.settledKeys(mailbox.name, uidValidity, now);
    todo = keys.filter((k) => !settled.has(k));
    summary.seen = keys.length;
    summary.skipped = keys.length - todo.length;
  }
  let done = 0;
  const ahead: { raw: RawMessage; begun: BegunIngest }[] = [];
  let aheadBytes = 0;
  const finishOldest = async (): Promise<void> => {
    const { raw, begun } = ahead.shift()!;
    aheadBytes -= raw.source.length;
    const outcome = await finishIngest(deps, begun);
    summary[outcome]++;
    onProgress?.(++done, todo.length);
    // "skipped" here is a message another daemon holds (issue 13 §7): that one marks it.
    if (outcome !== "failed" && outcome !== "skipped" && mailbox.markProcessed) await mailbox.markProcessed(raw.key).catch(() => undefined);
  };
  try {
    fetching: for (let i = 0; i < todo.length; i += BATCH) {
      if (signal?.aborted) break;
      for await (const raw of mailbox.fetch(todo.slice(i, i + BATCH))) {
        while (ahead.length >= READ_AHEAD.messages || (ahead.length > 0 && aheadBytes + raw.source.length > READ_AHEAD.bytes)) await finishOldest();
        ahead.push({ raw, begun: await beginIngest(deps, raw) });
        aheadBytes += raw.source.length;
        if (signal?.aborted) break fetching;
      }
    }
  } finally {
    // A begun message has its attempt counted and its lease taken: it is finished even when the pass is stopped,
    // so stopping the daemon never costs a message one of its attempts.
    while (ahead.length > 0) await finishOldest();
  }
  // Every listed key has now been tried and is in the ledger (settled, failed with its retry time, or held by another
  // daemon, whose lease brings it back as due if that daemon dies): the cursor may move past them.
  if (nextCursor !== null && !signal?.aborted) await deps.store.saveMailboxCursor(mailbox.name, uidValidity, nextCursor, deps.clock.now());
  return summary;
}
