/**
 * The daemon (`intake run`): reads the mailbox as mail arrives (IMAP IDLE, polling where the server has none),
 * delivers the outbox, and runs the scheduled jobs every minute (the Scheduler port, node-cron in the configured
 * zone). It does the due jobs once at start, so a daemon that was down when a reminder fell due sends it (or the
 * chase instead). It stops when `signal` aborts (the composition root ties that to SIGTERM and SIGINT).
 */
import type { Mailbox, Scheduler } from "./ports.ts";
import type { Deps } from "./context.ts";
import { pollMailbox } from "./poll-mailbox.ts";
import { deliverOutbox } from "./deliver-outbox.ts";
import { runDueJobs } from "./run-due-jobs.ts";

export interface DaemonHost {
  deps: Deps;
  openMailbox(): Mailbox;
  scheduler: Scheduler;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => { clearTimeout(t); resolve(); }, { once: true });
  });

/** Serialises the work of the mailbox loop and the scheduler (one writer at a time is simplest for SQLite). */
function serial() {
  let chain: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn, fn);
    chain = next.catch(() => undefined);
    return next;
  };
}

export async function runDaemon(host: DaemonHost, opts: { signal?: AbortSignal; waitMs?: number } = {}): Promise<void> {
  const { deps } = host;
  const log = deps.logger.child({ component: "daemon" });
  const mailbox = host.openMailbox();
  const controller = new AbortController();
  const stop = () => controller.abort();
  if (opts.signal?.aborted) stop();
  opts.signal?.addEventListener("abort", stop, { once: true });
  const run = serial();

  const tick = async () => {
    try {
      const jobs = await run(() => runDueJobs(deps));
      const sent = await run(() => deliverOutbox(deps, { budgetMs: 10_000 }));
      if (jobs.length || sent.sent) log.info({ jobs: jobs.length, sent: sent.sent, pending: sent.pending }, "scheduler tick");
    } catch (err) {
      log.error({ err }, "scheduler tick failed");
    }
  };
  const task = host.scheduler.everyMinute(tick);
  log.info({ mailbox: mailbox.name, zone: deps.settings.timezone, now: deps.clock.now().toISOString() }, "daemon started");
  await tick();

  let backoff = 1_000;
  while (!controller.signal.aborted) {
    try {
      const s = await run(() => pollMailbox(deps, mailbox, controller.signal));
      if (s.processed || s.failed || s.ignored) log.info(s, "mailbox pass");
      await run(() => deliverOutbox(deps, { budgetMs: 10_000 }));
      backoff = 1_000;
      await mailbox.waitForChange(opts.waitMs ?? 5 * 60_000, controller.signal);
    } catch (err) {
      log.error({ err, retryInMs: backoff }, "mailbox pass failed; retrying");
      await sleep(backoff, controller.signal);
      backoff = Math.min(backoff * 2, 60_000);
    }
  }
  await task.stop();
  await mailbox.close().catch(() => undefined);
  log.info({}, "daemon stopped");
}
