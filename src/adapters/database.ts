/**
 * Opens the database named by DATABASE_URL: SQLite (file:…, the embedded default) or PostgreSQL, through the
 * same Prisma models, and applies the committed migrations first so a fresh install needs no manual step.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/sqlite/client.ts";
import { PROJECT_ROOT } from "../config.ts";
import { IntakeError } from "./errors.ts";

/** Both generated clients expose the same model API; the SQLite one is the type we program against. */
export type Db = PrismaClient;
export type DbProvider = "sqlite" | "postgresql";

export function providerOf(url: string): DbProvider {
  return /^postgres(ql)?:/.test(url) ? "postgresql" : "sqlite";
}

function sqlitePath(url: string): string {
  return url.replace(/^file:/, "").replace(/\?.*$/, "");
}

/** `prisma migrate deploy` with the bundled wasm schema engine (prisma.config.ts); idempotent. */
export async function migrateDatabase(url: string): Promise<void> {
  const require = createRequire(import.meta.url);
  const cli = require.resolve("prisma/build/index.js");
  const out: string[] = [];
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "migrate", "deploy"], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (d) => out.push(String(d)));
    child.stderr.on("data", (d) => out.push(String(d)));
    child.on("error", reject);
    child.on("close", (c) => resolve(c ?? 1));
  });
  if (code !== 0) {
    throw new IntakeError("EDB", `Database migration failed (prisma migrate deploy exited ${code}):\n${out.join("").trim()}`);
  }
}

/** Names of the committed migrations of a provider. */
function committedMigrations(provider: DbProvider): string[] {
  const dir = path.join(PROJECT_ROOT, "prisma", provider, "migrations");
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
}

/** True when every committed migration is recorded as applied (a cheap check before spawning the migrate CLI). */
async function upToDate(db: Db, provider: DbProvider): Promise<boolean> {
  try {
    const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const applied = new Set(rows.map((r) => r.migration_name));
    return committedMigrations(provider).every((m) => applied.has(m));
  } catch {
    return false; // a new database: no migrations table yet
  }
}

async function connect(url: string, provider: DbProvider): Promise<Db> {
  if (provider === "sqlite") {
    // busy timeout: the daemon and a one-shot CLI command may write at the same moment.
    const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 15_000 }) });
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    return db;
  }
  const { PrismaClient: PgClient } = await import("../generated/postgresql/client.ts");
  return new PgClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
}

export async function openDatabase(url: string, opts: { migrate?: boolean } = {}): Promise<Db> {
  const provider = providerOf(url);
  if (provider === "sqlite") mkdirSync(path.dirname(path.resolve(PROJECT_ROOT, sqlitePath(url))), { recursive: true });
  const db = await connect(url, provider);
  if (opts.migrate !== false && !(await upToDate(db, provider))) {
    await db.$disconnect();
    await migrateDatabase(url);
    return connect(url, provider);
  }
  return db;
}
