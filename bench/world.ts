/**
 * The product in-process for the ingest benches: a real Dovecot on loopback (test/support/dovecot.ts), a temp
 * DATA_DIR with SQLite and the test regimes file, and the app composed by src/main.ts `createApp` exactly as the CLI
 * builds it (no SMTP: replies stay queued in the outbox, which is not what these benches measure).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { stringify } from "yaml";
import { createApp, type App } from "../src/main.ts";
import { silentLogger } from "../src/adapters/logger.ts";
import { startDovecot, type Dovecot } from "../test/support/dovecot.ts";
import { defaultRegimes } from "../test/support/intake.ts";
import { OFFICE } from "./corpus.ts";

export interface BenchWorld {
  dovecot: Dovecot;
  dataDir: string;
  /** Appends raw mails to the office INBOX over one IMAP connection; returns the elapsed ms. */
  appendAll(mails: { raw: Buffer; receivedAt: Date }[]): Promise<number>;
  /** Composes the app with INTAKE_NOW = `now`. */
  app(now: string): Promise<App>;
  /** The environment `intake` gets for this world (the same as `app` composes with), to run it as its own process. */
  env(now: string): Record<string, string>;
  stop(): Promise<void>;
}

/** `regimes`: the regimes file's content (default: the tests' four units of QT.VP.03). */
export async function startBenchWorld(regimes: Record<string, unknown> = defaultRegimes()): Promise<BenchWorld> {
  const dovecot = await startDovecot({ users: [OFFICE] });
  const dataDir = mkdtempSync(path.join(tmpdir(), "intake-bench-"));
  const regimesFile = path.join(dataDir, "regimes.yaml");
  writeFileSync(regimesFile, stringify(regimes));
  const env = (now: string): Record<string, string> => ({
    DATA_DIR: dataDir,
    REGIMES_FILE: regimesFile,
    IMAP_HOST: dovecot.host,
    IMAP_PORT: String(dovecot.port),
    IMAP_SECURE: "false",
    IMAP_USER: OFFICE,
    IMAP_PASSWORD: dovecot.passwordOf(OFFICE),
    IMAP_IDLE: "false",
    MAIL_FROM: OFFICE,
    INTAKE_NOW: now,
    LOG_LEVEL: "silent",
  });
  return {
    dovecot,
    dataDir,
    async appendAll(mails) {
      const started = performance.now();
      const client = await dovecot.connect(OFFICE);
      try {
        for (const m of mails) await client.append("INBOX", m.raw, [], m.receivedAt);
      } finally {
        await client.logout();
      }
      return performance.now() - started;
    },
    app(now) {
      return createApp({ logger: silentLogger, env: env(now) });
    },
    env,
    async stop() {
      await dovecot.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
