/**
 * The product on its embedded default (issue 9): no IMAP, no SMTP — a Maildir under DATA_DIR/mail, the outbox as
 * .eml files under DATA_DIR/outbox, SQLite at DATA_DIR/intake.db — with the `intake` CLI run as a child process in
 * a temp DATA_DIR. Mail is delivered as a mail server does (tmp/, then renamed into new/), its delivery time in the
 * file name.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { stringify } from "yaml";
import { ROOT, type RunResult } from "./intake.ts";

export interface EmbeddedWorld {
  dataDir: string;
  maildir: string;
  outbox: string;
  env: Record<string, string>;
  run(args: string[], now?: string, extraEnv?: Record<string, string>): Promise<RunResult>;
  json<T = unknown>(args: string[], now?: string): Promise<T>;
  /** `intake run`; stop it with {@link stopDaemon}. */
  daemon(now?: string, extraEnv?: Record<string, string>): Daemon;
  /** Delivers into new/ with the delivery time `at` in the file name; returns the file's path. */
  deliver(raw: Buffer, at: Date | string): string;
  /** The .eml files of the outbox folder, parsed, in name order. */
  sent(): Promise<{ file: string; mail: ParsedMail }[]>;
  stop(): Promise<void>;
}

export interface Daemon {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

let seq = 0;

/** A temp DATA_DIR; `regimes` written as REGIMES_FILE unless null (then the shipped example is used). */
export function startEmbeddedWorld(opts: { regimes?: Record<string, unknown> | null; env?: Record<string, string> } = {}): EmbeddedWorld {
  const dataDir = mkdtempSync(path.join(tmpdir(), "intake-embedded-"));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? dataDir,
    DATA_DIR: dataDir,
    INTAKE_ENV_FILE: "none",
    LOG_LEVEL: "warn",
    ...opts.env,
  };
  if (opts.regimes) {
    const file = path.join(dataDir, "regimes.yaml");
    writeFileSync(file, stringify(opts.regimes));
    env.REGIMES_FILE = file;
  }
  const bin = path.join(ROOT, "bin", "intake.js");
  const maildir = path.join(dataDir, "mail");
  const outbox = path.join(dataDir, "outbox");
  const spawnIntake = (args: string[], now: string | undefined, extraEnv: Record<string, string>) =>
    spawn(process.execPath, [bin, ...args], {
      cwd: ROOT,
      env: { ...env, ...(now ? { INTAKE_NOW: now } : {}), ...extraEnv },
      stdio: ["ignore", "pipe", "pipe"],
    });

  const world: EmbeddedWorld = {
    dataDir,
    maildir,
    outbox,
    env,
    run(args, now, extraEnv = {}) {
      return new Promise((resolve, reject) => {
        const child = spawnIntake(args, now, extraEnv);
        let stdout = "";
        let stderr = "";
        child.stdout!.on("data", (d) => (stdout += d));
        child.stderr!.on("data", (d) => (stderr += d));
        child.on("error", reject);
        child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
      });
    },
    async json<T>(args: string[], now?: string): Promise<T> {
      const r = await world.run([...args, "--json"], now);
      if (r.code !== 0) throw new Error(`intake ${args.join(" ")} exited ${r.code}: ${r.stderr}`);
      return JSON.parse(r.stdout) as T;
    },
    daemon(now, extraEnv = {}) {
      const child = spawnIntake(["run"], now, { LOG_LEVEL: "info", ...extraEnv });
      let out = "";
      child.stdout!.on("data", (d) => (out += d));
      child.stderr!.on("data", (d) => (out += d));
      const exited = new Promise<number | null>((r) => child.on("close", (c) => r(c)));
      return { child, output: () => out, exited };
    },
    deliver(raw, at) {
      for (const sub of ["new", "cur", "tmp"]) mkdirSync(path.join(maildir, sub), { recursive: true });
      seq += 1;
      const seconds = Math.floor(new Date(at).getTime() / 1000);
      const unique = `${seconds}.M${seq}P${process.pid}.mail.cuc.example.vn`;
      writeFileSync(path.join(maildir, "tmp", unique), raw);
      renameSync(path.join(maildir, "tmp", unique), path.join(maildir, "new", unique));
      return path.join(maildir, "new", unique);
    },
    async sent() {
      let files: string[];
      try {
        files = readdirSync(outbox).filter((f) => f.endsWith(".eml") && !f.startsWith(".")).sort();
      } catch {
        return [];
      }
      return Promise.all(files.map(async (f) => ({ file: path.join(outbox, f), mail: await simpleParser(readFileSync(path.join(outbox, f))) })));
    },
    async stop() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return world;
}

/** SIGTERM, then the exit code; SIGKILL and a failure when it does not stop within 20 s. */
export async function stopDaemon(d: Daemon): Promise<number | null> {
  if (d.child.exitCode !== null) return d.child.exitCode;
  d.child.kill("SIGTERM");
  const timeout = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 20_000));
  const code = await Promise.race([d.exited, timeout]);
  if (code === "timeout") {
    d.child.kill("SIGKILL");
    throw new Error(`daemon did not stop on SIGTERM:\n${d.output()}`);
  }
  return code;
}
