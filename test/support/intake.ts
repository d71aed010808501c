/**
 * The whole product under test: real Dovecot, a real SMTP server delivering into it, a real SQLite database in a
 * temp DATA_DIR, and the `intake` CLI run as a child process exactly as the office runs it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { startMailServers, type MailServers } from "./mail-servers.ts";
import { queryLedger } from "./ledger-db.ts";
import { startPostgres, type Postgres } from "./postgres.ts";

/**
 * INTAKE_TEST_DATABASE=postgresql (`npm run test:pg`, issue 13 §7): every world gets its own throwaway PostgreSQL
 * server and database instead of the SQLite file in DATA_DIR; anything else keeps the embedded SQLite default.
 */
export const TEST_DATABASE: "sqlite" | "postgresql" = process.env.INTAKE_TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const OFFICE = "tonghop@cuc.example.vn";
export const CHIEF = "chanhvp@cuc.example.vn";
export const UNITS = {
  nvdp: "nvdp@cuc.example.vn",
  ttdn: "ttdn@cuc.example.vn",
  ttbc: "ttbc@cuc.example.vn",
  vp: "vp@cuc.example.vn",
} as const;

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface IntakeWorld {
  servers: MailServers;
  dataDir: string;
  regimesFile: string;
  env: Record<string, string>;
  /** The world's PostgreSQL server when it runs on PostgreSQL (TEST_DATABASE), else undefined. */
  postgres?: Postgres;
  /**
   * One read query on the world's database, SQLite or PostgreSQL alike: quote identifiers ("Message", "messageId"),
   * `?` for parameters; counts come back as numbers. [] before the first migration.
   */
  query<T = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<T[]>;
  /** Runs `intake <args>` with INTAKE_NOW = `now` (ISO, local time when no offset). */
  run(args: string[], now?: string, extraEnv?: Record<string, string>): Promise<RunResult>;
  /** Runs a command with --json and parses stdout; fails the test on a non-zero exit. */
  json<T = unknown>(args: string[], now?: string): Promise<T>;
  /** Starts the daemon (`intake run`); kill it with `child.kill("SIGKILL")` or `SIGTERM`. */
  daemon(now?: string, extraEnv?: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> };
  /** Appends a raw mail to the office INBOX with the server receipt time `at`. */
  deliver(raw: Buffer, at: string | Date): Promise<number>;
  stop(): Promise<void>;
}

export function defaultRegimes(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    timezone: "Asia/Ho_Chi_Minh",
    // The worlds of these tests replay past weeks on a fresh database: the bot is taken to be live since long
    // before them, so mail and jobs are answered as in daily use. Go-live itself: test/integration/go-live.test.ts.
    answerSince: "2000-01-01T00:00:00+07:00",
    office: {
      name: "Văn phòng Cục Thông tin đối ngoại",
      address: OFFICE,
      chief: { name: "Chánh Văn phòng", address: CHIEF },
    },
    regimes: [
      {
        id: "qt-vp-03",
        template: "qt-vp-03",
        units: [
          { id: "nvdp", addresses: [UNITS.nvdp] },
          { id: "ttdn", addresses: [UNITS.ttdn] },
          { id: "ttbc", addresses: [UNITS.ttbc] },
          { id: "vp", addresses: [UNITS.vp] },
        ],
        ...overrides,
      },
    ],
  };
}

export async function startIntakeWorld(
  opts: {
    regimes?: Record<string, unknown>;
    env?: Record<string, string>;
    /** Overrides TEST_DATABASE for this world. */
    database?: "sqlite" | "postgresql";
    /** Dovecot also takes OAuth2 tokens, checked at this URL (test/support/dovecot.ts). */
    oauth2?: { introspectionUrl: string };
  } = {},
): Promise<IntakeWorld> {
  const servers = await startMailServers({ users: [OFFICE, CHIEF, ...Object.values(UNITS)], ...(opts.oauth2 ? { oauth2: opts.oauth2 } : {}) });
  const dataDir = mkdtempSync(path.join(tmpdir(), "intake-data-"));
  const regimesFile = path.join(dataDir, "regimes.yaml");
  writeFileSync(regimesFile, stringify(opts.regimes ?? defaultRegimes()));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? dataDir,
    DATA_DIR: dataDir,
    REGIMES_FILE: regimesFile,
    IMAP_HOST: servers.dovecot.host,
    IMAP_PORT: String(servers.dovecot.port),
    IMAP_SECURE: "false",
    IMAP_USER: OFFICE,
    IMAP_PASSWORD: servers.dovecot.passwordOf(OFFICE),
    IMAP_SENT_MAILBOX: "Sent",
    SMTP_HOST: servers.smtp.host,
    SMTP_PORT: String(servers.smtp.port),
    SMTP_SECURE: "false",
    SMTP_TIMEOUT_SECONDS: "5",
    MAIL_FROM: OFFICE,
    LOG_LEVEL: "warn",
    INTAKE_ENV_FILE: "none",
    ...opts.env,
  };
  let postgres: Postgres | undefined;
  let pgPool: import("pg").Pool | undefined;
  if ((opts.database ?? TEST_DATABASE) === "postgresql" && !opts.env?.DATABASE_URL) {
    postgres = await startPostgres();
    await postgres.createDatabase("intake");
    env.DATABASE_URL = postgres.url("intake");
  }
  const bin = path.join(ROOT, "bin", "intake.js");
  const world: IntakeWorld = {
    servers,
    dataDir,
    regimesFile,
    env,
    ...(postgres ? { postgres } : {}),
    async query<T>(sql: string, ...params: unknown[]): Promise<T[]> {
      if (!postgres) return queryLedger<T>(dataDir, sql, ...params);
      if (!pgPool) {
        const pg = await import("pg");
        // COUNT(*) is a bigint: as a number, as better-sqlite3 gives it.
        pg.default.types.setTypeParser(20, (v: string) => Number(v));
        pgPool = new pg.default.Pool({ connectionString: postgres.url("intake"), max: 2 });
        pgPool.on("error", () => undefined); // the server may be stopped on purpose (fault tests)
      }
      let n = 0;
      try {
        return (await pgPool.query(sql.replace(/\?/g, () => `$${++n}`), params)).rows as T[];
      } catch (err) {
        if ((err as { code?: string }).code === "42P01") return []; // before the first migration
        throw err;
      }
    },
    run(args, now, extraEnv = {}) {
      return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [bin, ...args], {
          cwd: ROOT,
          env: { ...env, ...(now ? { INTAKE_NOW: now } : {}), ...extraEnv },
          stdio: ["ignore", "pipe", "pipe"],
        });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d) => (stdout += d));
        child.stderr.on("data", (d) => (stderr += d));
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
      const child = spawn(process.execPath, [bin, "run"], {
        cwd: ROOT,
        env: { ...env, ...(now ? { INTAKE_NOW: now } : {}), LOG_LEVEL: "info", ...extraEnv },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      child.stdout!.on("data", (d) => (out += d));
      child.stderr!.on("data", (d) => (out += d));
      const exited = new Promise<number | null>((r) => child.on("close", (c) => r(c)));
      return { child, output: () => out, exited };
    },
    deliver(raw, at) {
      const internalDate = typeof at === "string" ? new Date(at) : at;
      // Dovecot silently replaces an INTERNALDATE in the future with the time of the APPEND.
      if (internalDate.getTime() > Date.now()) throw new Error(`deliver: ${internalDate.toISOString()} is in the future; Dovecot would store the APPEND time instead. Use a past date.`);
      return servers.dovecot.append(OFFICE, raw, { internalDate });
    },
    async stop() {
      await pgPool?.end().catch(() => undefined);
      await postgres?.stop();
      await servers.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return world;
}

/** Waits until `check` returns a value (not undefined/false), polling; fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 20_000, what = "condition"): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
