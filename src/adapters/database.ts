/**
 * Opens the database named by DATABASE_URL: SQLite (file:…, the embedded default) or PostgreSQL, through the
 * same Prisma models, and applies the committed migrations first so a fresh install needs no manual step.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
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

/** A setup problem the user must fix (issue 9 §5): one line naming the path or host and what to do; exit status 2. */
function setupError(message: string, cause?: unknown): IntakeError {
  return new IntakeError("ESETUP", message, { cause, transient: false });
}

/** The innermost useful words of a driver error: an errno-style code and the first line of its message. */
function causeOf(err: unknown): string {
  const seen = new Set<unknown>();
  let code: string | undefined;
  let message: string | undefined;
  for (let e = err as { code?: unknown; message?: unknown; cause?: unknown } | undefined; e && !seen.has(e); e = e.cause as typeof e) {
    seen.add(e);
    if (typeof e.code === "string" && /^E[A-Z]+$|^SQLITE_/.test(e.code)) code = e.code;
    if (typeof e.message === "string") {
      // Prisma's errors open with "Invalid `prisma.$queryRawUnsafe()` invocation:" and end with the driver's words.
      const lines = e.message.split("\n").map((l) => l.trim()).filter((l) => l && !/^Invalid `prisma/.test(l));
      const last = lines.at(-1);
      if (last) message = /Message: `([^`]*)`/.exec(last)?.[1] ?? last;
    }
    if (Array.isArray((e as { errors?: unknown[] }).errors)) {
      const first = (e as { errors: unknown[] }).errors[0] as { code?: unknown } | undefined;
      if (typeof first?.code === "string") code ??= first.code;
    }
  }
  return [code, message && !message.includes(code ?? "\u0000") ? message : undefined].filter(Boolean).join(": ") || String(err);
}

/** host:port of a PostgreSQL URL, never its password. */
function pgTarget(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || "localhost"}:${u.port || "5432"}`;
  } catch {
    return "(DATABASE_URL không đọc được)";
  }
}

/**
 * The SQLite file's folder: created only inside DATA_DIR (the embedded default's ./var); any other missing folder
 * is refused with its path, since a typo in DATABASE_URL must not silently start an empty database elsewhere.
 */
function prepareSqliteFolder(file: string, url: string, dataDir: string | undefined): void {
  const dir = path.dirname(file);
  if (existsSync(file) && statSync(file).isDirectory()) {
    throw setupError(`Cơ sở dữ liệu ${file} (DATABASE_URL=${url}) là một thư mục, không phải tệp; sửa DATABASE_URL.`);
  }
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw setupError(`${dir} không phải thư mục nên không tạo được cơ sở dữ liệu ${file}; sửa DATABASE_URL.`);
    return;
  }
  const inside = dataDir !== undefined && !path.relative(path.resolve(dataDir), dir).startsWith("..") && !path.isAbsolute(path.relative(path.resolve(dataDir), dir));
  if (dataDir !== undefined && !inside) {
    throw setupError(`Thư mục ${dir} của cơ sở dữ liệu (DATABASE_URL=${url}) không tồn tại; hãy tạo thư mục này hoặc sửa DATABASE_URL (intake chỉ tự tạo thư mục bên trong DATA_DIR ${path.resolve(dataDir)}).`);
  }
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw setupError(`Không tạo được thư mục ${dir} cho cơ sở dữ liệu (${causeOf(err)}); kiểm tra quyền ghi hoặc sửa DATABASE_URL.`, err);
  }
}

async function connect(url: string, provider: DbProvider): Promise<Db> {
  if (provider === "sqlite") {
    // busy timeout: the daemon and a one-shot CLI command may write at the same moment.
    const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 15_000 }) });
    try {
      await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    } catch (err) {
      await db.$disconnect().catch(() => undefined);
      const file = sqlitePath(url);
      throw setupError(`Không mở hoặc tạo được cơ sở dữ liệu SQLite ${file} (${causeOf(err)}); kiểm tra quyền ghi vào ${path.dirname(file)} hoặc sửa DATABASE_URL.`, err);
    }
    return db;
  }
  // pg and its Prisma adapter are loaded only for PostgreSQL (issue 9 §6: SQLite's start-up does not pay for them).
  const [{ PrismaClient: PgClient }, { PrismaPg }] = await Promise.all([import("../generated/postgresql/client.ts"), import("@prisma/adapter-pg")]);
  // pg waits forever for an unreachable host by default; a start-up must say so within seconds.
  const db = new PgClient({ adapter: new PrismaPg({ connectionString: url, connectionTimeoutMillis: 10_000 }) }) as unknown as Db;
  try {
    await db.$queryRawUnsafe("SELECT 1");
  } catch (err) {
    await db.$disconnect().catch(() => undefined);
    throw setupError(`Không kết nối được PostgreSQL ${pgTarget(url)} (${causeOf(err)}); kiểm tra máy chủ cơ sở dữ liệu đang chạy và DATABASE_URL.`, err);
  }
  return db;
}

/**
 * Opens the database. `dataDir` (the CLI and daemon pass DATA_DIR) limits where a missing SQLite folder may be
 * created; a relative `file:` URL is read against the working directory, for the driver and the migration alike.
 */
export async function openDatabase(rawUrl: string, opts: { migrate?: boolean; dataDir?: string } = {}): Promise<Db> {
  const provider = providerOf(rawUrl);
  let url = rawUrl;
  if (provider === "sqlite") {
    const file = path.resolve(sqlitePath(rawUrl));
    url = `file:${file}${/\?.*$/.exec(rawUrl)?.[0] ?? ""}`;
    prepareSqliteFolder(file, rawUrl, opts.dataDir);
  }
  const db = await connect(url, provider);
  if (opts.migrate !== false && !(await upToDate(db, provider))) {
    await db.$disconnect();
    await migrateDatabase(url);
    return connect(url, provider);
  }
  return db;
}
