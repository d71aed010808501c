/**
 * `npm run demo` (scripts/demo.ts, issue 9 item 3): a week of QT.VP.03 mail on the embedded default, in under a
 * minute, leaving the replies and the draft; run twice, it starts afresh. Run here in a temp folder (DEMO_DIR).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../support/intake.ts";

const base = mkdtempSync(path.join(tmpdir(), "intake-demo-test-"));
const demoDir = path.join(base, "demo");
afterAll(() => rmSync(base, { recursive: true, force: true }));

function runDemo(): { code: number | null; stdout: string; stderr: string; ms: number } {
  const started = Date.now();
  const r = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "demo.ts")], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: process.env.HOME ?? base, DEMO_DIR: demoDir },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
}

async function outbox(): Promise<{ to: string[]; subject: string; text: string; attachments: string[] }[]> {
  const dir = path.join(demoDir, "outbox");
  const files = readdirSync(dir).filter((f) => f.endsWith(".eml")).sort();
  return Promise.all(
    files.map(async (f) => {
      const m = await simpleParser(readFileSync(path.join(dir, f)));
      const to = [m.to].flat().flatMap((a) => a?.value ?? []).map((a) => a.address ?? "");
      return { to, subject: m.subject ?? "", text: m.text ?? "", attachments: m.attachments.map((a) => (a.filename ?? "").normalize("NFC")) };
    }),
  );
}

describe("npm run demo", () => {
  it("never empties a folder it did not make", () => {
    const other = path.join(base, "tai-lieu");
    mkdirSync(other);
    writeFileSync(path.join(other, "bao-cao.docx"), "tài liệu của người dùng");
    const r = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "demo.ts")], {
      cwd: ROOT, env: { PATH: process.env.PATH ?? "/usr/bin:/bin", DEMO_DIR: other }, encoding: "utf8", timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("không phải thư mục của bản minh hoạ");
    expect(readdirSync(other)).toEqual(["bao-cao.docx"]);
  });

  it("runs the week in under a minute and leaves the replies, the chase and the draft; a second run starts afresh", async () => {
    const busyBefore = os.loadavg()[0]! > os.cpus().length;
    const first = runDemo();
    expect(first.code, first.stderr).toBe(0);
    // Issue 9: under one minute — on a machine not already busy with other work (the bound is the demo's, not the
    // neighbours'); when it is, the time is only reported.
    if (!busyBefore && os.loadavg()[0]! <= os.cpus().length) expect(first.ms).toBeLessThan(60_000);
    else console.info(`npm run demo took ${first.ms} ms on a busy machine (load ${os.loadavg()[0]!.toFixed(1)})`);

    // The summary: each mail with its outcome, in delivery order.
    const table = first.stdout;
    expect(table).toMatch(/nvdp@cuc\.example\.vn\s+nvdp\s+Báo cáo tuần 38 - Phòng NVĐP\s+Đạt\s+đúng hạn/);
    expect(table).toMatch(/ttbc@cuc\.example\.vn\s+ttbc\s+TTBC gửi báo cáo tuần 38\s+Không đạt\s+đúng hạn\s+thiếu: ke_hoach/);
    expect(table).toMatch(/ttbc@cuc\.example\.vn\s+ttbc\s+Re: TTBC gửi báo cáo tuần 38 \(bổ sung kế hoạch tuần 39\)\s+Đạt\s+đúng hạn/);
    expect(table).toMatch(/tuan\.lm@cuc\.example\.vn\s+.*bỏ qua/);
    expect(table).toMatch(/ttdn@cuc\.example\.vn\s+ttdn\s+Báo cáo tuần 38 - Phòng TTĐN \(gửi muộn\)\s+Đạt\s+muộn/);

    const sent = await outbox();
    const subjects = sent.map((s) => `${s.to.join(",")} ${s.subject}`);
    expect(subjects).toContain("nvdp@cuc.example.vn Re: Báo cáo tuần 38 - Phòng NVĐP");
    expect(subjects).toContain("ttbc@cuc.example.vn Re: TTBC gửi báo cáo tuần 38");
    expect(subjects).toContain("ttbc@cuc.example.vn Re: TTBC gửi báo cáo tuần 38 (bổ sung kế hoạch tuần 39)");
    expect(subjects).toContain("ttdn@cuc.example.vn Re: Báo cáo tuần 38 - Phòng TTĐN (gửi muộn)");
    expect(sent.find((s) => s.subject === "Re: TTBC gửi báo cáo tuần 38")!.text).toContain("Kết quả kiểm tra: Không đạt");
    // VP sent nothing: it is chased; nobody answers the out-of-office reply.
    expect(sent.filter((s) => s.to.includes("vp@cuc.example.vn")).map((s) => s.subject)).toEqual([expect.stringMatching(/^Đôn đốc gửi báo cáo tuần 38\/2026/)]);
    expect(sent.some((s) => s.to.includes("tuan.lm@cuc.example.vn"))).toBe(false);
    // The draft to the Chánh Văn phòng, with the .docx.
    const draft = sent.find((s) => s.to.includes("chanhvp@cuc.example.vn"));
    expect(draft?.attachments.some((a) => a.endsWith(".docx"))).toBe(true);
    const draftFile = path.join(demoDir, "du-thao-bao-cao-tuan-38-2026.docx");
    expect(statSync(draftFile).size).toBeGreaterThan(1000);
    expect(table).toContain(draftFile);
    expect(table).toContain(path.join(demoDir, "outbox"));
    expect(sent).toHaveLength(6);

    // The mailbox is as the mail server left it: the officer's read mail still in cur/ with its flag.
    expect(readdirSync(path.join(demoDir, "mail", "cur")).every((f) => f.endsWith(":2,S"))).toBe(true);
    expect(readdirSync(path.join(demoDir, "mail", "new"))).toHaveLength(4);

    const second = runDemo();
    expect(second.code, second.stderr).toBe(0);
    expect((await outbox()).length).toBe(6);
    expect(existsSync(draftFile)).toBe(true);
  }, 240_000);
});
