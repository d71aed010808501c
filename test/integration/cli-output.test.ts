/**
 * Issue 9 §6: what the CLI shows people. Times in Vietnamese form, Vietnamese state words, every option's help with
 * its format and an example, `calendar` from the current period whose draft is not yet sent, progress only on a
 * terminal; `--json` keeps ISO. The CLI runs as a child process.
 */
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxStateVi, purposeVi, reviewVi, submissionStatusVi, timeVi, unitStateVi } from "../../src/cli-format.ts";
import { groupVi, progressLine } from "../../src/cli-progress.ts";
import { defaultRegimes, ROOT } from "../support/intake.ts";

const ZONE = "Asia/Ho_Chi_Minh";
const BIN = path.join(ROOT, "bin", "intake.js");
let dir: string;
let env: Record<string, string>;

function intake(args: string[], extra: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...env, ...extra }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "intake-cli-output-"));
  const regimesFile = path.join(dir, "regimes.yaml");
  writeFileSync(regimesFile, stringify(defaultRegimes()));
  env = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? dir,
    DATA_DIR: dir,
    REGIMES_FILE: regimesFile,
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: "2",
    MAIL_FROM: "tonghop@cuc.example.vn",
    INTAKE_ENV_FILE: "none",
    LOG_LEVEL: "warn",
  };
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("what people read", () => {
  it.each([
    ["2026-11-19T15:00:00+07:00", "15 giờ 00, Thứ Năm 19/11/2026"],
    ["2026-11-28T00:00:00+07:00", "0 giờ 00, Thứ Bảy 28/11/2026"],
    ["2026-11-30T01:05:00Z", "8 giờ 05, Thứ Hai 30/11/2026"],
    ["2027-01-03T08:00:00+07:00", "8 giờ 00, Chủ nhật 03/01/2027"],
  ])("timeVi(%s) = %s", (iso, vi) => {
    expect(timeVi(iso, ZONE)).toBe(vi);
  });

  it("every state code has a Vietnamese word; no English word reaches a table", () => {
    const words = [
      ...["accepted", "rejected", "unclassified", "ignored", "failed"].map(submissionStatusVi),
      ...["on_time", "late", "khong_dat", "missing"].map(unitStateVi),
      ...["pending", "sending", "sent", "failed", "held", "dropped"].map(outboxStateVi),
      ...["receipt", "khong_dat", "reminder", "chase", "laggards", "draft", "digest", "forward", "answer"].map(purposeVi),
      ...["pending", "dat", "khong_dat"].map(reviewVi),
    ];
    expect(words).toContain("chờ gửi");
    expect(words).toContain("đã gửi");
    expect(words).toContain("chờ xử lý");
    for (const w of words) expect(w, w).not.toMatch(/\b(pending|accepted|rejected|sent|failed|held|dropped|missing|late|receipt|draft)\b/);
  });

  it("progress: '1.200/2.000 thư' rewritten on a terminal, nothing when piped", () => {
    expect(groupVi(1200)).toBe("1.200");
    expect(groupVi(1234567)).toBe("1.234.567");
    const tty = Object.assign(new PassThrough(), { isTTY: true }) as unknown as NodeJS.WriteStream;
    let out = "";
    (tty as unknown as PassThrough).on("data", (d) => (out += d));
    const p = progressLine("thư", tty, 0);
    p.update(1200, 2000);
    p.update(2000, 2000);
    p.done();
    expect(out).toContain("Đã xử lý 1.200/2.000 thư");
    expect(out).toContain("Đã xử lý 2.000/2.000 thư");
    const piped = Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.WriteStream;
    let quiet = "";
    (piped as unknown as PassThrough).on("data", (d) => (quiet += d));
    const q = progressLine("thư", piped, 0);
    q.update(1, 2);
    q.done();
    expect(quiet).toBe("");
  });
});

describe("progress of long work, at a real terminal", () => {
  // `script` (util-linux, in every Debian) runs the command on a pseudo-terminal, as a person at a console would.
  const onTerminal = (args: string[]): { status: number | null; out: string } => {
    const line = ["node", BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
    const r = spawnSync("script", ["-qec", line, "/dev/null"], { cwd: ROOT, env, encoding: "utf8", timeout: 240_000 });
    return { status: r.status, out: r.stdout };
  };

  it("check of a folder counts its files on a terminal ('Đã xử lý 3/3 tệp') and says nothing of it when piped", async () => {
    const folder = path.join(dir, "check-folder");
    mkdirSync(folder);
    for (const name of ["003-nvdp-q2-plain-zip.eml", "004-nvdp-h1-wordlike.eml", "005-ttbc-q2-docxlib-roman.eml"]) {
      copyFileSync(path.join(ROOT, "test", "corpus", "mail", name), path.join(folder, name));
    }
    const tty = onTerminal(["check", folder]);
    expect(tty.status, tty.out).toBe(0);
    expect(tty.out).toContain("Đã xử lý 3/3 tệp");
    const piped = await intake(["check", folder]);
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stderr + piped.stdout).not.toContain("Đã xử lý");
  }, 300_000);
  it("compile shows its steps on a terminal (reading, writing the draft) and nothing when piped", async () => {
    const out = path.join(dir, "du-thao-w47.docx");
    const tty = onTerminal(["compile", "--period", "2026-W47", "--out", out]);
    expect(tty.status, tty.out).toBe(0);
    expect(tty.out).toContain("Đã xử lý 2/2 bước");
    expect(tty.out).toContain(out);
    const piped = await intake(["compile", "--period", "2026-W47", "--out", out]);
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stderr + piped.stdout).not.toContain("Đã xử lý");
  }, 300_000);
});

describe("intake calendar and --help", () => {
  it("on a Sunday, still lists the week whose draft goes out on Monday, times in Vietnamese; --json keeps ISO", async () => {
    const sunday = "2026-11-29T10:00:00";
    const text = await intake(["calendar"], { INTAKE_NOW: sunday });
    expect(text.code, text.stderr).toBe(0);
    const lines = text.stdout.split("\n");
    expect(lines[2]).toMatch(/báo cáo tuần\s+2026-W48\s+15 giờ 00, Thứ Năm 26\/11\/2026\s+0 giờ 00, Thứ Ba 01\/12\/2026\s+8 giờ 00, Thứ Hai 30\/11\/2026/);
    expect(text.stdout).not.toContain("2026-W47");
    expect(text.stdout).not.toMatch(/\+07:00/);
    const r = await intake(["calendar", "--json"], { INTAKE_NOW: sunday });
    const rows = JSON.parse(r.stdout) as { period: string; draftAt: string }[];
    expect(rows[0]).toMatchObject({ period: "2026-W48", draftAt: "2026-11-30T08:00:00+07:00" });
    // Monday after 08:00 the week-48 draft has gone out: the calendar moves on.
    const monday = JSON.parse((await intake(["calendar", "--json"], { INTAKE_NOW: "2026-11-30T08:30:00" })).stdout) as { period: string }[];
    expect(monday.map((x) => x.period)).not.toContain("2026-W48");
    expect(monday.map((x) => x.period)).toContain("2026-11");
  }, 120_000);

  it("every option's help gives its format and an example", async () => {
    const status = await intake(["status", "--help"]);
    expect(status.stdout).toContain("--period <id>");
    expect(status.stdout).toContain("2026-W47 | 2026-11 | 2026-Q4 | 2026-H1 | 2026");
    expect(status.stdout).toMatch(/--regime <id>\s+.*ví dụ qt-vp-03/);
    const calendar = await intake(["calendar", "--help"]);
    expect(calendar.stdout).toMatch(/--from <date>\s+.*2026-11-19/);
    const submissions = await intake(["submissions", "--help"]);
    expect(submissions.stdout).toMatch(/--unit <id>\s+.*ví dụ nvdp/);
    const top = await intake(["--help"]);
    expect(top.code).toBe(0);
    for (const cmd of ["run", "poll", "submissions", "status", "calendar", "compile", "drafts", "outbox", "remind"]) expect(top.stdout).toContain(cmd);
  }, 120_000);
});
