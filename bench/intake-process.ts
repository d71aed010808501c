/**
 * Runs `intake poll --once` as the office runs it — its own process, from the build (dist/, made first when missing
 * or stale) — on a bench world, and follows it: its RSS from /proc while the ledger (read-only, beside it) counts
 * what is done, its peak (VmHWM), its wall time with start-up. Used by benches (f) and (g), so their figures are the
 * daemon's, not the bench's own tsx process.
 */
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchWorld } from "./world.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** better-sqlite3 (the driver under Prisma's adapter; it ships no types). */
interface Ledger {
  prepare(sql: string): { get(): unknown };
  close(): void;
}
const Database = createRequire(import.meta.url)("better-sqlite3") as new (file: string, opts: { readonly: boolean; fileMustExist: boolean }) => Ledger;
const SETTLED = `SELECT COUNT(*) AS n FROM "Message" WHERE "state" IN ('processed', 'ignored', 'failed')`;

/** VmRSS and VmHWM (the kernel's high-water mark) of a process, in MB; null once it has gone. */
function memoryOf(pid: number): { rss: number; hwm: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? 0);
    return { rss: kb("VmRSS") / 1024, hwm: kb("VmHWM") / 1024 };
  } catch {
    return null;
  }
}

export interface PollRun {
  /** Messages settled (processed, ignored or failed) in the ledger at the end. */
  settled: number;
  /** Wall time of the process, start-up included. */
  ms: number;
  /** RSS (MB) when each multiple of `every` messages was settled. */
  rssAt: { done: number; rss: number }[];
  /** The kernel's high-water mark of the process's RSS, MB. */
  peakRssMb: number;
  /** When the high-water mark was last raised: messages settled by then, and seconds since the start. */
  peakAt: { done: number; seconds: number };
}

export async function runIntakePoll(world: BenchWorld, now: string, every: number): Promise<PollRun> {
  const build = spawnSync(process.execPath, [path.join(ROOT, "scripts", "build.mjs")], { cwd: ROOT, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
  const dbFile = path.join(world.dataDir, "intake.db");
  const started = performance.now();
  // BENCH_PROFILE=<dir>: a V8 CPU profile of the intake process (not its document workers), to see where time goes.
  const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE)}`] : [];
  const child = spawn(process.execPath, [...profile, path.join(ROOT, "bin", "intake.js"), "poll", "--once"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: process.env.HOME ?? world.dataDir, INTAKE_ENV_FILE: "none", INTAKE_RUN: "dist", ...world.env(now),
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  let running = true;
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  void exited.then(() => (running = false));
  let ledger: Ledger | null = null;
  const rssAt: { done: number; rss: number }[] = [];
  let hwm = 0;
  let done = 0;
  let peakAt = { done: 0, seconds: 0 };
  let next = every;
  while (running) {
    await new Promise((r) => setTimeout(r, 250));
    const mem = memoryOf(child.pid!);
    if (!mem) break;
    if (mem.hwm > hwm) {
      hwm = mem.hwm;
      peakAt = { done, seconds: (performance.now() - started) / 1000 };
    }
    try {
      ledger ??= new Database(dbFile, { readonly: true, fileMustExist: true });
      done = (ledger.prepare(SETTLED).get() as { n: number }).n;
      while (done >= next) {
        rssAt.push({ done: next, rss: mem.rss });
        next += every;
      }
    } catch {
      // The child creates and migrates the database first (the file may be replaced): open it afresh later.
      ledger?.close();
      ledger = null;
    }
  }
  const code = await exited;
  const ms = performance.now() - started;
  ledger?.close();
  if (code !== 0) throw new Error(`intake poll --once exited ${code}: ${stderr.trim().split("\n").slice(-5).join(" | ")}`);
  const final = new Database(dbFile, { readonly: true, fileMustExist: true });
  const settled = (final.prepare(SETTLED).get() as { n: number }).n;
  final.close();
  return { settled, ms, rssAt, peakRssMb: hwm, peakAt };
}
