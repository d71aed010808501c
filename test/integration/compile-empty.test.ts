/**
 * Issue 9 item 4: `compile --send` of a period with no Đạt report refuses (one line, exit 2) unless `--allow-empty`;
 * `compile` prints the path of the file it wrote and how many reports it holds; `drafts` says "chưa gửi" until the
 * outbox has delivered the draft. Real Dovecot, SMTP server and SQLite; the CLI as a child process.
 */
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHIEF, startIntakeWorld, type IntakeWorld } from "../support/intake.ts";

describe("compile of a period with no report", () => {
  let world: IntakeWorld;
  beforeAll(async () => {
    world = await startIntakeWorld();
  }, 300_000);
  afterAll(async () => {
    await world?.stop();
  });

  it("writes the draft without --send, saying where and that it holds 0 reports", async () => {
    const r = await world.run(["compile", "--regime", "qt-vp-03", "--period", "2026-W48"], "2026-11-30T08:30:00");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("gồm 0 báo cáo Đạt (chưa gửi)");
    const file = /Tệp: (.+\.docx)$/m.exec(r.stdout)?.[1];
    expect(file && existsSync(file), r.stdout).toBe(true);
  }, 120_000);

  it("refuses --send with one line and exit 2, and sends nothing", async () => {
    const r = await world.run(["compile", "--regime", "qt-vp-03", "--period", "2026-W48", "--send"], "2026-11-30T08:31:00");
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("--allow-empty");
    expect(await world.servers.readMailbox(CHIEF)).toEqual([]);
  }, 120_000);

  it("sends with --allow-empty, once", async () => {
    const r = await world.run(["compile", "--regime", "qt-vp-03", "--period", "2026-W48", "--send", "--allow-empty"], "2026-11-30T08:32:00");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("bản 1 gồm 0 báo cáo Đạt");
    expect((await world.servers.readMailbox(CHIEF)).map((m) => m.subject)).toEqual(["Dự thảo báo cáo công tác tuần 48/2026"]);
    const drafts = await world.json<{ period: string; sentAt: string | null }[]>(["drafts", "--json"], "2026-11-30T08:33:00");
    expect(drafts.map((d) => [d.period, d.sentAt !== null])).toEqual([["2026-W48", true]]);
  }, 120_000);
});
