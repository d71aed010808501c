/**
 * CLI start-up (issue 9 §6: `intake --help` and `intake status …` on a small database under 0.5 s): each command is
 * run as a person runs it, `node bin/intake.js …` in a fresh process, several times; the table gives the median and
 * the spread of the wall time. Rows for the build (dist/, what an install runs) and for the sources through tsx
 * (what a developer editing src/ runs). The build is made first when dist/ is missing or older than src/.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { emit, ms, type Row } from "./stats.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BIN = path.join(ROOT, "bin", "intake.js");
const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 5);
/**
 * The child's own CPU time (user + system, all threads), written to fd 3 at exit: on a loaded machine the wall time
 * mostly measures the wait for a core, the CPU time what the start-up itself costs.
 */
const CPU_HOOK = `data:text/javascript,${encodeURIComponent('import { writeSync } from "node:fs"; process.on("exit", () => { try { writeSync(3, JSON.stringify(process.cpuUsage())); } catch {} });')}`;

/** A small office: the four units of QT.VP.03 with real-looking (non-example) addresses and SMTP set, so no warning. */
function regimes(): Record<string, unknown> {
  return {
    timezone: "Asia/Ho_Chi_Minh",
    office: { name: "Văn phòng Cục Thông tin đối ngoại", address: "tonghop@cuc.gov.vn", chief: { name: "Chánh Văn phòng", address: "chanhvp@cuc.gov.vn" } },
    regimes: [
      {
        id: "qt-vp-03",
        template: "qt-vp-03",
        units: ["nvdp", "ttdn", "ttbc", "vp"].map((id) => ({ id, addresses: [`${id}@cuc.gov.vn`] })),
      },
    ],
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

const dir = mkdtempSync(path.join(tmpdir(), "intake-bench-cli-"));
try {
  const regimesFile = path.join(dir, "regimes.yaml");
  writeFileSync(regimesFile, stringify(regimes()));
  const env = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? dir,
    DATA_DIR: dir,
    REGIMES_FILE: regimesFile,
    SMTP_HOST: "127.0.0.1",
    MAIL_FROM: "tonghop@cuc.gov.vn",
    INTAKE_ENV_FILE: "none",
    INTAKE_NOW: "2026-11-20T09:00:00",
    LOG_LEVEL: "warn",
  };
  const notes: string[] = [];
  const build = spawnSync(process.execPath, [path.join(ROOT, "scripts", "build.mjs")], { cwd: ROOT, encoding: "utf8" });
  notes.push(`build: ${(build.stdout + build.stderr).trim() || `exit ${build.status}`}`);

  const run = (mode: "dist" | "src", args: string[]): { wall: number; cpu: number } => {
    const started = performance.now();
    const r = spawnSync(process.execPath, ["--import", CPU_HOOK, BIN, ...args], {
      cwd: ROOT, env: { ...env, INTAKE_RUN: mode }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe", "pipe"],
    });
    const wall = performance.now() - started;
    if (r.status !== 0) throw new Error(`intake ${args.join(" ")} (${mode}) exited ${r.status}: ${String(r.stderr).trim().split("\n").slice(-3).join(" | ")}`);
    const cpu = JSON.parse(String(r.output[3] ?? "null") || "null") as { user: number; system: number } | null;
    return { wall, cpu: cpu ? (cpu.user + cpu.system) / 1000 : Number.NaN };
  };
  // The first command creates and migrates the database: not part of a start-up, so not measured.
  run("dist", ["status", "--period", "2026-W47"]);

  const rows: Row[] = [];
  const cases: { label: string; mode: "dist" | "src"; args: string[] }[] = [
    { label: "--help (dist)", mode: "dist", args: ["--help"] },
    { label: "status --period 2026-W47 (dist)", mode: "dist", args: ["status", "--period", "2026-W47"] },
    { label: "--help (sources, tsx)", mode: "src", args: ["--help"] },
    { label: "status --period 2026-W47 (sources, tsx)", mode: "src", args: ["status", "--period", "2026-W47"] },
  ];
  for (const c of cases) {
    const results = Array.from({ length: RUNS }, () => run(c.mode, c.args));
    const times = results.map((r) => r.wall);
    rows.push({
      label: c.label,
      cells: {
        runs: String(RUNS), "median ms": ms(median(times)), "min ms": ms(Math.min(...times)), "max ms": ms(Math.max(...times)),
        "median CPU ms": ms(median(results.map((r) => r.cpu))), "< 500 ms": median(times) < 500 ? "yes" : "no",
      },
    });
  }
  const floor = Array.from({ length: RUNS }, () => {
    const started = performance.now();
    const r = spawnSync(process.execPath, ["--import", CPU_HOOK, "-e", "0"], { stdio: ["ignore", "pipe", "pipe", "pipe"], encoding: "utf8" });
    const cpu = JSON.parse(String(r.output[3] ?? "null") || "null") as { user: number; system: number } | null;
    return { wall: performance.now() - started, cpu: cpu ? (cpu.user + cpu.system) / 1000 : Number.NaN };
  });
  const node = floor.map((r) => r.wall);
  rows.push({
    label: "node -e 0 (the floor)",
    cells: { runs: String(RUNS), "median ms": ms(median(node)), "min ms": ms(Math.min(...node)), "max ms": ms(Math.max(...node)), "median CPU ms": ms(median(floor.map((r) => r.cpu))) },
  });
  notes.push(`small database: an empty SQLite ledger with the 4 units of QT.VP.03; load average at the end ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
  emit({ section: "cli-startup", title: "(e) CLI start-up: a fresh `node bin/intake.js …` per run", rows, notes });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
