/**
 * Read-only peeks into the intake's SQLite database (DATA_DIR/intake.db) while a daemon writes it, for tests
 * that watch progress (how many messages are settled) without spawning the CLI. better-sqlite3 is the driver
 * Prisma's adapter already installs; it waits on a busy database (default 5 s) instead of failing.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

interface Statement {
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}
interface SqliteDb {
  prepare(sql: string): Statement;
  close(): void;
}
type SqliteCtor = new (file: string, opts?: { readonly?: boolean; fileMustExist?: boolean }) => SqliteDb;

const Database = createRequire(import.meta.url)("better-sqlite3") as SqliteCtor;

/** Runs one query on the world's database, opened read-only for that query; [] while the file does not exist. */
export function queryLedger<T>(dataDir: string, sql: string, ...params: unknown[]): T[] {
  const file = path.join(dataDir, "intake.db");
  if (!existsSync(file)) return [];
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } catch (err) {
    // Before the first migration the tables do not exist yet.
    if (/no such table/.test(String(err))) return [];
    throw err;
  } finally {
    db.close();
  }
}

/** Ledger rows per state: { processed: 12, received: 1, … }. */
export function ledgerStates(dataDir: string): Record<string, number> {
  const rows = queryLedger<{ state: string; n: number }>(dataDir, `SELECT state, COUNT(*) AS n FROM "Message" GROUP BY state`);
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}
