/**
 * Delivers the outbox. Each row's Message-ID was fixed when it was queued, so a retry after a crash sends the same
 * mail. Replies are limited per recipient per hour (regime.replyLimitPerHour): the excess is delayed, never dropped.
 * When SMTP is down it keeps trying for at most `budgetMs`, then leaves the rest queued.
 *
 * A process that dies after the server took the final dot of DATA but before the row is marked sent leaves it
 * "sending": whether the server accepted the mail is not known (RFC 1047), and SMTP offers no way to ask. Such a row
 * goes back to pending once stale, marked {@link INTERRUPTED}; before sending it again, the Sent folder is searched
 * for its Message-ID (servers that file what they accept there, as Gmail and Microsoft 365 do, show the first attempt
 * went out). Otherwise it is sent again, the same mail with the same Message-ID (docs/contract.md "Sending").
 */
import { nextOfficeTime } from "../domain/calendar/index.ts";
import type { Deps } from "./context.ts";
import type { OutboxRow, OutboxStore } from "./store.ts";

/** What delivering the outbox uses: the outbox, the mailer, the Sent folder; no ledger, no documents. */
export type DeliverDeps = Pick<Deps, "settings" | "clock" | "logger" | "mailer" | "sentFolder"> & { store: OutboxStore };

export interface DeliverySummary {
  sent: number;
  deferred: number;
  failed: number;
  pending: number;
  /** Set when the SMTP server could not be reached within the budget. */
  smtpError: string | null;
}

const HOUR = 3_600_000;
/** A row left "sending" this long by a process that died goes back to pending. */
const STALE_MS = 10 * 60_000;
/** The lastError of a row a dead process left "sending"; deliverOutbox looks in Sent before sending it again. */
export const INTERRUPTED = "interrupted while sending";
/** Permanent refusals (5xx) after this many attempts are marked failed and shown in `intake outbox`. */
const MAX_ATTEMPTS = 5;

function isTransient(err: unknown): boolean {
  const e = err as { transient?: boolean; code?: string; responseCode?: number };
  if (typeof e?.transient === "boolean") return e.transient;
  if (typeof e?.responseCode === "number") return e.responseCode < 500;
  return true;
}

/** The first instant at or after `now` inside the office hours of the row's regime. */
function officeHoursFor(deps: DeliverDeps, row: OutboxRow, now: Date): Date {
  const regime = deps.settings.regimes.find((r) => r.id === row.regime);
  return regime ? nextOfficeTime(regime, now, deps.settings.timezone) : now;
}

function limitFor(deps: DeliverDeps, row: OutboxRow): number {
  return deps.settings.regimes.find((r) => r.id === row.regime)?.replyLimitPerHour ?? 5;
}

/** Whether the Sent folder holds the row's Message-ID; when it cannot be asked, false (sent again: at least once). */
async function alreadyInSent(deps: DeliverDeps, row: OutboxRow): Promise<boolean> {
  if (!deps.sentFolder?.contains) return false;
  try {
    return await deps.sentFolder.contains(row.messageId);
  } catch (err) {
    deps.logger.warn({ err, messageId: row.messageId }, "could not search Sent for an interrupted send: sending it again");
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function deliverOutbox(deps: DeliverDeps, opts: { budgetMs?: number } = {}): Promise<DeliverySummary> {
  const budgetMs = opts.budgetMs ?? 30_000;
  const started = Date.now();
  const summary: DeliverySummary = { sent: 0, deferred: 0, failed: 0, pending: 0, smtpError: null };
  const { store, clock, logger } = deps;
  await store.releaseStale(new Date(clock.now().getTime() - STALE_MS), `${INTERRUPTED}: the server may have accepted it`);
  if (!deps.mailer) {
    summary.pending = await store.countOutbox(["pending"]);
    if (summary.pending) summary.smtpError = "SMTP is not configured (set SMTP_HOST)";
    return summary;
  }
  const tried = new Set<number>();
  let backoff = 1_000;
  for (;;) {
    const due = (await store.dueOutbox(clock.now(), 50)).filter((r) => !tried.has(r.id));
    if (due.length === 0) break;
    let down = false;
    for (const row of due) {
      const now = clock.now();
      // contract.md "Sending": mail to units (reminders, chases) goes in office hours. One queued in time but
      // delivered late (SMTP was down) waits for the next working morning rather than arriving at night.
      const officeTime = row.purpose === "reminder" || row.purpose === "chase" ? officeHoursFor(deps, row, now) : now;
      if (officeTime.getTime() > now.getTime()) {
        await store.markRetry(row.id, "office hours: waits for the next working morning", officeTime);
        summary.deferred++;
        tried.add(row.id);
        continue;
      }
      if (row.rateLimited) {
        // The window is (now − 1 h, now]: a mail sent exactly an hour ago no longer counts, so a reply delayed
        // to `oldest + 1 h` goes at that instant, as `intake outbox` promised, instead of being delayed again.
        const { count, oldest } = await store.countRateLimitedSent(row.recipient, new Date(now.getTime() - HOUR + 1));
        if (count >= limitFor(deps, row) && oldest) {
          await store.markRetry(row.id, "rate limit: delayed", new Date(oldest.getTime() + HOUR));
          summary.deferred++;
          tried.add(row.id);
          continue;
        }
      }
      if (!(await store.claimOutbox(row.id, now))) continue;
      if (row.lastError?.startsWith(INTERRUPTED) && (await alreadyInSent(deps, row))) {
        await store.markSent(row.id, clock.now());
        summary.sent++;
        tried.add(row.id);
        logger.info({ messageId: row.messageId, purpose: row.purpose }, "interrupted send found in Sent: not sent again");
        continue;
      }
      try {
        const result = await deps.mailer.send(row.mail);
        await store.markSent(row.id, clock.now());
        summary.sent++;
        tried.add(row.id);
        logger.info({ messageId: row.messageId, purpose: row.purpose, to: row.mail.to }, "mail sent");
        if (deps.sentFolder) {
          await deps.sentFolder.append(result.raw, row.mail.date).catch((err) => logger.warn({ err, messageId: row.messageId }, "could not append to Sent"));
        }
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        if (isTransient(err) || row.attempts + 1 < MAX_ATTEMPTS) {
          // Keep notBefore: the row stays due, and this process backs off before trying again.
          await store.markRetry(row.id, message, row.notBefore);
          if (isTransient(err)) {
            down = true;
            summary.smtpError = message;
            break;
          }
          tried.add(row.id);
        } else {
          await store.markFailed(row.id, message);
          summary.failed++;
          tried.add(row.id);
        }
        logger.warn({ err, messageId: row.messageId, attempt: row.attempts + 1 }, "mail not sent");
      }
    }
    if (down) {
      if (Date.now() - started + backoff > budgetMs) break;
      await sleep(backoff);
      backoff = Math.min(backoff * 2, 8_000);
    } else {
      summary.smtpError = null;
    }
  }
  if (summary.smtpError) {
    // Rows behind the one that failed were not tried (no point hammering a dead server); `intake outbox` says why they wait.
    for (const row of await store.dueOutbox(clock.now(), 1000)) {
      if (row.lastError === null) await store.markRetry(row.id, `waiting: ${summary.smtpError}`, row.notBefore);
    }
  }
  summary.pending = await store.countOutbox(["pending"]);
  return summary;
}
