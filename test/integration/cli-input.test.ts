/**
 * Issue 9 §5: input checked at the door. Each bad argument, option, date, database or data folder gets exactly one
 * line on stderr naming what is wrong (with the expected forms or the configured ids, the path or the host) and
 * exit status 2; nothing is created outside DATA_DIR. The CLI runs as a child process, as a person runs it.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultRegimes, ROOT } from "../support/intake.ts";

const BIN = path.join(ROOT, "bin", "intake.js");
let dir: string;
let env: Record<string, string>;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  lines: string[];
}

function intake(args: string[], extra: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...env, ...extra }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr, lines: stderr.split("\n").filter((l) => l.trim() !== "") }));
  });
}

/** A loopback port with nothing listening: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "intake-cli-input-"));
  const regimesFile = path.join(dir, "regimes.yaml");
  writeFileSync(regimesFile, stringify(defaultRegimes()));
  env = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? dir,
    DATA_DIR: path.join(dir, "data"),
    REGIMES_FILE: regimesFile,
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: "2",
    MAIL_FROM: "tonghop@cuc.example.vn",
    INTAKE_ENV_FILE: "none",
    INTAKE_NOW: "2026-11-20T09:00:00",
    LOG_LEVEL: "warn",
  };
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Exactly one line on stderr, exit 2, nothing on stdout, and every key word in that line. */
function expectOneLine(r: Run, ...words: (string | RegExp)[]): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.lines, r.stderr).toHaveLength(1);
  expect(r.stdout).toBe("");
  for (const w of words) {
    if (typeof w === "string") expect(r.lines[0]).toContain(w);
    else expect(r.lines[0]).toMatch(w);
  }
}

const FORMS = ["2026-W47", "2026-11", "2026-Q4", "2026-H1", "2026"];

describe("intake: input checked at the door", () => {
  it("answers a good question (the control: the same configuration works), in Vietnamese, quietly when piped", async () => {
    const r = await intake(["status", "--period", "2026-W47"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("Phòng Nghiệp vụ - Điều phối");
    expect(r.stdout).toContain("chưa gửi");
  }, 60_000);

  it.each([
    ["status", ["status", "--period", "2026-48"], "2026-48"],
    ["status", ["status", "--period", "garbage"], "garbage"],
    ["laggards", ["laggards", "--period", "2026-W54"], "2026-W54"],
    ["compile", ["compile", "--period", "tuần 47"], "tuần 47"],
    ["submissions", ["submissions", "--period", "2026-13"], "2026-13"],
  ])("%s: a malformed --period names the expected forms with examples", async (_name, args, bad) => {
    const r = await intake(args);
    expectOneLine(r, `"${bad}"`, "Kỳ báo cáo", ...FORMS);
  }, 60_000);

  it("a well-formed period of a kind the regime does not have says so", async () => {
    const regimesFile = path.join(dir, "yearly.yaml");
    writeFileSync(regimesFile, stringify({ ...defaultRegimes(), regimes: [{ id: "tinh", template: "qt-nvdp-04" }] }));
    const r = await intake(["status", "--period", "2026-W47"], { REGIMES_FILE: regimesFile });
    expectOneLine(r, '"2026-W47"', "không thuộc chế độ tinh", "2026");
  }, 60_000);

  it("an unknown --unit lists the configured units", async () => {
    expectOneLine(await intake(["submissions", "--unit", "nope"]), '"nope"', "nvdp, ttdn, ttbc, vp");
  }, 60_000);

  it("an unknown --regime lists the configured regimes", async () => {
    expectOneLine(await intake(["status", "--regime", "qt-vp-3", "--period", "2026-W47"]), '"qt-vp-3"', "qt-vp-03");
    expectOneLine(await intake(["calendar", "--regime", "x"]), '"x"', "qt-vp-03");
  }, 60_000);

  it.each([
    [["calendar", "--from", "2026-13-01"], {}, "--from", "2026-13-01"],
    [["calendar", "--to", "30/11/2026"], {}, "--to", "30/11/2026"],
    [["status", "--period", "2026-W47"], { INTAKE_NOW: "hôm qua" }, "INTAKE_NOW", "hôm qua"],
  ])("a bad date %j %j names the option and the form", async (args, extra, option, bad) => {
    expectOneLine(await intake(args as string[], extra as Record<string, string>), option as string, `"${bad}"`, "2026-11-19");
  }, 60_000);

  it("a SQLite file that cannot be created: one line naming the path", async () => {
    expectOneLine(await intake(["status", "--period", "2026-W47"], { DATABASE_URL: "file:/proc/intake.db" }), "/proc/intake.db", "DATABASE_URL");
  }, 60_000);

  it("a SQLite folder that does not exist outside DATA_DIR is refused, never created", async () => {
    const missing = path.join(dir, "nonexistent", "deep");
    const r = await intake(["status", "--period", "2026-W47"], { DATABASE_URL: `file:${path.join(missing, "intake.db")}` });
    expectOneLine(r, missing, "DATA_DIR", "DATABASE_URL");
    expect(existsSync(path.join(dir, "nonexistent"))).toBe(false);
    const root = await intake(["status", "--period", "2026-W47"], { DATABASE_URL: "file:/nonexistent/deep/intake.db" });
    expectOneLine(root, "/nonexistent/deep");
    expect(existsSync("/nonexistent")).toBe(false);
  }, 60_000);

  it("an unreachable PostgreSQL: one line with host:port and the cause, never the password", async () => {
    const port = await closedPort();
    const r = await intake(["status", "--period", "2026-W47"], { DATABASE_URL: `postgresql://intake:mat-khau-bi-mat@127.0.0.1:${port}/intake` });
    expectOneLine(r, `127.0.0.1:${port}`, "PostgreSQL", /reach|ECONNREFUSED|kết nối/i);
    expect(r.stderr).not.toContain("mat-khau-bi-mat");
  }, 60_000);

  it("DATA_DIR pointing at a file: one line naming it", async () => {
    const file = path.join(dir, "not-a-folder");
    writeFileSync(file, "x");
    expectOneLine(await intake(["status", "--period", "2026-W47"], { DATA_DIR: file }), file, "DATA_DIR");
  }, 60_000);
});
