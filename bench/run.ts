/**
 * `npm run bench` — performance of the intake, printed as tables. Not part of `npm test`.
 *
 * What is measured (each in its own child process, so memory figures do not mix):
 *   (a) bench/pipeline.ts — the pure per-message pipeline on ~200 generated report mails with ~40 KB .docx files:
 *       parseMessage, reading the attachments (mammoth) and the body, classifyMessage, checkSections + decideVerdict.
 *   (b) bench/calendar.ts — deadlinesOf / reminderTimes / chaseTimes / periodFromId for every period of 2026–2028,
 *       and inferPeriod for a receipt every 6 hours of those years.
 *   (c) bench/ingest.ts — 300 mails APPENDed to a real Dovecot, then one in-process poll through the composed app
 *       (IMAP fetch, archive, SQLite ledger, classification, verdicts, queued replies); no SMTP delivery.
 *   (d) bench/big-attachment.ts — one mail with a 20 MB .docx through the same poll: peak RSS and its growth.
 *   (f) bench/throughput.ts, (g) bench/backlog.ts, (h) bench/idle-poll.ts, (i) bench/latency.ts — issue 13 §5: throughput
 *       against the floor on the same bytes, RSS over a 10,000-message backlog, one idle poll on 100,000 messages,
 *       arrival-to-reply latency in IDLE and Maildir. BENCH_SCALE scales their counts; BENCH_ONLY picks sections.
 *   (j) bench/draft.ts — issue 13 §5: a 34-report draft compiled in a fresh process, its time and peak RSS.
 *   (e) bench/cli-startup.ts — `intake --help` and `intake status` on a small database, each a fresh process, median
 *       of several runs, from the build (dist/) and from the sources (tsx); issue 9 §6 asks under 0.5 s.
 *
 * How to read it: "ops/s" is items per second of the summed item times; p50/p95/max are per item, in ms. Peak RSS
 * is the kernel's high-water mark for the child (it includes Node, tsx and the loaded libraries, ~150–250 MB before
 * any work); heap and external (Buffers) are sampled peaks. The header prints the machine's load average: numbers
 * from a loaded machine (parallel test runs) are slower and noisier. Everything runs on loopback, with bounded
 * counts and time budgets; a child that overruns its limit is stopped and reported as such.
 */
import { spawn } from "node:child_process";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { RESULT_PREFIX, table, type SectionResult } from "./stats.ts";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..");

const SECTIONS: { file: string; limitMs: number }[] = [
  { file: "pipeline.ts", limitMs: 100_000 },
  { file: "calendar.ts", limitMs: 40_000 },
  { file: "ingest.ts", limitMs: 130_000 },
  { file: "big-attachment.ts", limitMs: 60_000 },
  { file: "cli-startup.ts", limitMs: 600_000 },
  // Issue 13 §5. BENCH_SCALE (default 1) scales their counts: 2,000 report mails, a 10,000-message backlog, a
  // 100,000-message mailbox, 30 arrivals per latency mode. BENCH_SCALE=0.1 runs all of them in a few minutes.
  { file: "throughput.ts", limitMs: scaled(900_000) },
  { file: "backlog.ts", limitMs: scaled(900_000) },
  { file: "idle-poll.ts", limitMs: scaled(900_000) },
  { file: "latency.ts", limitMs: 240_000 + scaled(240_000) },
  { file: "draft.ts", limitMs: 600_000 },
];

function scaled(ms: number): number {
  return Math.max(300_000, Math.round(ms * Number(process.env.BENCH_SCALE ?? 1)));
}

function runSection(file: string, limitMs: number): Promise<{ result: SectionResult | null; error: string | null; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(HERE, file)], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LOG_LEVEL: "silent" } });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, limitMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      const line = out.split("\n").find((l) => l.startsWith(RESULT_PREFIX));
      const result = line ? (JSON.parse(line.slice(RESULT_PREFIX.length)) as SectionResult) : null;
      const error = timedOut ? `stopped after ${limitMs / 1000} s` : code !== 0 || !result ? `exit ${code}: ${err.trim().split("\n").slice(-5).join(" | ")}` : null;
      resolve({ result, error, ms: performance.now() - started });
    });
  });
}

async function main(): Promise<void> {
  const started = performance.now();
  const load = loadavg().map((x) => x.toFixed(2)).join(" ");
  console.log(`bao-cao-intake bench — ${new Date().toISOString()} — Node ${process.version}, ${cpus().length} CPU (${cpus()[0]?.model ?? "?"}), load average ${load}\n`);
  let failed = 0;
  // BENCH_ONLY=throughput,idle-poll runs only those sections (file names without .ts).
  const only = process.env.BENCH_ONLY?.split(",").map((x) => x.trim()).filter(Boolean);
  for (const s of SECTIONS.filter((x) => !only?.length || only.includes(x.file.replace(/\.ts$/, "")))) {
    const { result, error, ms } = await runSection(s.file, s.limitMs);
    if (result) {
      console.log(`${result.title}  [${(ms / 1000).toFixed(0)} s]\n`);
      console.log(table(result.rows));
      for (const n of result.notes) console.log(`  · ${n}`);
    }
    if (error) {
      failed++;
      console.log(`${s.file}: ${error}`);
    }
    console.log("");
  }
  console.log(`total ${((performance.now() - started) / 1000).toFixed(0)} s; load average now ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
  process.exitCode = failed > 0 ? 1 : 0;
}

await main();
