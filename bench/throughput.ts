/**
 * Bench (f), issue 13 §5: throughput over 2,000 report mails (× BENCH_SCALE) against the floor measured in the same
 * run on the same bytes — one IMAP FETCH of every source, mailparser on each, mammoth on each .docx attachment,
 * serially — then the whole pipeline as the office runs it: `intake poll --once` from the build, in its own process
 * (fetch, archive, SQLite ledger, parse, documents in the worker pool, classify, judge, queued replies). The ratio pipeline/floor is the target (≤ 1.5×). RSS is read
 * every 1,000 messages (every tenth of the batch when smaller).
 */
import { simpleParser } from "mailparser";
import mammoth from "mammoth";
import { buildDocuments, buildMails, OFFICE } from "./corpus.ts";
import { emit, mb, rate } from "./stats.ts";
import { runIntakePoll } from "./intake-process.ts";
import { startBenchWorld } from "./world.ts";

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const MESSAGES = Math.max(20, Math.round(2000 * SCALE));
const EVERY = MESSAGES >= 2000 ? 1000 : Math.max(1, Math.round(MESSAGES / 10));

async function main(): Promise<void> {
  const mails = buildMails(await buildDocuments(40), MESSAGES);
  const totalMb = mails.reduce((s, m) => s + m.raw.length, 0) / 1024 / 1024;
  const world = await startBenchWorld();
  try {
    const appendMs = await world.appendAll(mails);

    // The floor: the same bytes fetched over IMAP, parsed, and their .docx read by mammoth, one after another.
    const client = await world.dovecot.connect(OFFICE);
    let fetchMs = 0;
    let parseMs = 0;
    let mammothMs = 0;
    let docs = 0;
    try {
      await client.mailboxOpen("INBOX", { readOnly: true });
      const sources: Buffer[] = [];
      const flush = async (): Promise<void> => {
        for (const source of sources.splice(0)) {
          const p0 = performance.now();
          const parsed = await simpleParser(source);
          parseMs += performance.now() - p0;
          for (const a of parsed.attachments) {
            if (!/\.docx$/i.test(a.filename ?? "")) continue;
            const m0 = performance.now();
            await mammoth.convertToHtml({ buffer: a.content });
            mammothMs += performance.now() - m0;
            docs++;
          }
        }
      };
      // In groups of 100, as a reader would, so the floor does not hold the whole batch in memory either.
      for (let lo = 1; lo <= MESSAGES; lo += 100) {
        const f0 = performance.now();
        for await (const m of client.fetch(`${lo}:${Math.min(MESSAGES, lo + 99)}`, { uid: true, source: true }, { uid: true })) {
          if (m.source) sources.push(m.source);
        }
        fetchMs += performance.now() - f0;
        await flush();
      }
    } finally {
      await client.logout();
    }
    const floorMs = fetchMs + parseMs + mammothMs;

    // The pipeline as the office runs it: `intake poll --once` from the build, its own process and its document
    // workers (bench/intake-process.ts), start-up included.
    const run = await runIntakePoll(world, "2026-11-20T18:00:00", EVERY);
    const { ms: pollMs, settled: ingested } = run;
    const rssAt = run.rssAt.map((r) => `${r.done}: ${mb(r.rss)}`);
    emit({
      section: "throughput",
      title: `(f) Throughput — ${MESSAGES} report mails (${totalMb.toFixed(1)} MB, ${docs} .docx) against the floor on the same bytes`,
      rows: [
        { label: "APPEND to Dovecot (setup)", cells: { n: String(MESSAGES), "msg/s": rate(MESSAGES, appendMs), "total s": (appendMs / 1000).toFixed(1) } },
        { label: "floor: IMAP FETCH of the sources", cells: { n: String(MESSAGES), "msg/s": rate(MESSAGES, fetchMs), "total s": (fetchMs / 1000).toFixed(1) } },
        { label: "floor: mailparser", cells: { n: String(MESSAGES), "msg/s": rate(MESSAGES, parseMs), "total s": (parseMs / 1000).toFixed(1) } },
        { label: "floor: mammoth on the .docx", cells: { n: String(docs), "msg/s": rate(docs, mammothMs), "total s": (mammothMs / 1000).toFixed(1) } },
        { label: "floor: total", cells: { n: String(MESSAGES), "msg/s": rate(MESSAGES, floorMs), "ms/msg": (floorMs / MESSAGES).toFixed(1), "total s": (floorMs / 1000).toFixed(1) } },
        { label: "pipeline: intake poll --once (fetch … queued replies)", cells: { n: String(ingested), "msg/s": rate(ingested, pollMs), "ms/msg": (pollMs / Math.max(1, ingested)).toFixed(1), "total s": (pollMs / 1000).toFixed(1) } },
      ],
      notes: [
        `ratio pipeline / floor = ${(pollMs / floorMs).toFixed(2)}× (target ≤ 1.5×)`,
        `settled in the ledger: ${ingested} of ${MESSAGES}`,
        `RSS (MB) of the intake process after n messages — ${rssAt.join(", ")}; its peak RSS ${mb(run.peakRssMb)} MB (its document workers are processes of their own)`,
      ],
    });
  } finally {
    await world.stop();
  }
}

await main();
