/**
 * Bench (c): ingest throughput end to end. 300 corpus mails are APPENDed to a real Dovecot INBOX, then one poll
 * pass runs in-process through the composed app (IMAP fetch in batches, raw archive, SQLite ledger, parse, read,
 * classify, judge, queue replies, one transaction per mail), as `intake poll --once` does minus the delivery.
 * A second pass shows the cost of a poll that finds nothing new.
 */
import { pollMailbox } from "../src/app/poll-mailbox.ts";
import { buildDocuments, buildMails } from "./corpus.ts";
import { emit, mb, memorySampler, rate, rssMb } from "./stats.ts";
import { startBenchWorld } from "./world.ts";

const MESSAGES = Number(process.env.BENCH_INGEST_MESSAGES ?? 300);
/** The poll is aborted after this long (between mails); the table then says how many were ingested. */
const BUDGET_MS = 75_000;

async function main(): Promise<void> {
  const mails = buildMails(await buildDocuments(40), MESSAGES);
  const totalMb = mails.reduce((s, m) => s + m.raw.length, 0) / 1024 / 1024;
  const world = await startBenchWorld();
  try {
    const appendMs = await world.appendAll(mails);
    const startupStarted = performance.now();
    const app = await world.app("2026-11-20T18:00:00");
    const startupMs = performance.now() - startupStarted;
    const mailbox = app.openMailbox();
    const rssBefore = rssMb();
    const mem = memorySampler();
    const budget = new AbortController();
    const timer = setTimeout(() => budget.abort(), BUDGET_MS);
    const t0 = performance.now();
    const first = await pollMailbox(app.deps, mailbox, budget.signal);
    const pollMs = performance.now() - t0;
    clearTimeout(timer);
    const ingested = first.processed + first.ignored + first.failed + first.duplicate;
    const peak = mem.stop();
    // A second poll when the first finished: the cost of a poll that finds nothing new (the daemon's usual case).
    const t1 = performance.now();
    const second = ingested === MESSAGES ? await pollMailbox(app.deps, mailbox) : null;
    const idleMs = performance.now() - t1;
    const rows = await app.deps.store.listSubmissions({});
    const count = (s: string): number => rows.filter((r) => r.status === s).length;
    const outbox = (await app.deps.store.listOutbox({ states: ["pending"] })).length;
    await mailbox.close();
    await app.close();
    emit({
      section: "ingest",
      title: `(c) Ingest end to end — ${MESSAGES} mails (${totalMb.toFixed(1)} MB) in Dovecot, one in-process poll, SQLite`,
      rows: [
        { label: "APPEND to Dovecot (setup)", cells: { n: String(MESSAGES), "msg/s": rate(MESSAGES, appendMs), "total s": (appendMs / 1000).toFixed(1) } },
        { label: "createApp (config, migrate, adapters)", cells: { n: "1", "total s": (startupMs / 1000).toFixed(2) } },
        { label: "poll: fetch + ingest + commit", cells: { n: String(ingested), "msg/s": rate(ingested, pollMs), "ms/msg": (pollMs / Math.max(1, ingested)).toFixed(1), "total s": (pollMs / 1000).toFixed(1) } },
        ...(second ? [{ label: "poll again (nothing new)", cells: { n: String(second.skipped), "total s": (idleMs / 1000).toFixed(3) } }] : []),
      ],
      notes: [
        `${ingested < MESSAGES ? `budget of ${BUDGET_MS / 1000} s reached after ${ingested} mails; ` : ""}first poll: processed ${first.processed}, ignored ${first.ignored}, failed ${first.failed}, duplicate ${first.duplicate}; submissions accepted ${count("accepted")}, rejected ${count("rejected")}, unclassified ${count("unclassified")}; ${outbox} replies queued`,
        `memory during the poll: RSS ${mb(rssBefore)} MB before, peak RSS ${mb(peak.maxRssMb)} MB, peak heap ${mb(peak.peakHeapMb)} MB, peak external+buffers ${mb(peak.peakExternalMb)} MB`,
      ],
    });
  } finally {
    await world.stop();
  }
}

await main();
