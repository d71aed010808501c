/**
 * A throwaway PostgreSQL server for tests: initdb into a temp dir, pg_ctl start on a free loopback port.
 * As root it runs as `nobody` (PostgreSQL refuses to run as root).
 */
import { execFile } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "./dovecot.ts";

const run = promisify(execFile);

export interface Postgres {
  url(database: string): string;
  createDatabase(name: string): Promise<void>;
  /** Stops the server (fast shutdown), keeping its data: `start()` brings it back on the same port (fault tests). */
  halt(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

function binDir(): string {
  const base = "/usr/lib/postgresql";
  if (existsSync(base)) {
    const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (existsSync(path.join(base, v, "bin", "initdb"))) return path.join(base, v, "bin");
  }
  throw new Error("PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin (Debian package `postgresql`; .ci/run installs it)");
}

export async function startPostgres(): Promise<Postgres> {
  const bin = binDir();
  const dir = mkdtempSync(path.join(tmpdir(), "intake-pg-"));
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? { uid: 65534, gid: 65534 } : null;
  if (user) {
    chmodSync(dir, 0o755);
    chownSync(dir, user.uid, user.gid);
  }
  const exec = (cmd: string, args: string[]) => run(path.join(bin, cmd), args, user ? { uid: user.uid, gid: user.gid, env: { PATH: process.env.PATH ?? "" } } : {});
  const data = path.join(dir, "data");
  await exec("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale"]);
  const port = await freePort();
  const start = () => exec("pg_ctl", ["-D", data, "-w", "-l", path.join(dir, "log"), "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, "start"]);
  await start();
  const url = (db: string) => `postgresql://postgres@127.0.0.1:${port}/${db}`;
  return {
    url,
    async createDatabase(name) {
      await run(path.join(bin, "psql"), ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-c", `CREATE DATABASE "${name}"`]);
    },
    async halt() {
      await exec("pg_ctl", ["-D", data, "-w", "-m", "fast", "stop"]);
    },
    async start() {
      await start();
    },
    async stop() {
      await exec("pg_ctl", ["-D", data, "-m", "immediate", "stop"]).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
