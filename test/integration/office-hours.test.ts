/**
 * contract.md "Sending": mail to units goes out in office hours. A reminder queued at 16:59 while SMTP is down
 * and retried at 17:30 waits for the next working morning instead of reaching the unit in the evening.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startIntakeWorld, UNITS, type IntakeWorld } from "../support/intake.ts";

let world: IntakeWorld;
beforeAll(async () => {
  world = await startIntakeWorld();
});
afterAll(async () => {
  await world?.stop();
});

interface OutboxJson { purpose: string; to: string[]; state: string; notBefore: string; subject: string }

const reminders = async (unit: keyof typeof UNITS) =>
  (await world.servers.readMailbox(UNITS[unit])).filter((m) => m.subject.startsWith("Nhắc gửi báo cáo tuần 38/2026"));

describe("office hours", () => {
  it("a reminder delayed past 17:00 by SMTP waits for 08:00 the next working day", async () => {
    await world.servers.smtp.stop();
    // 2026-W38 is due Thursday 17/09 15:00; its -24h reminder falls on Wednesday 16/09 15:00.
    const queued = await world.run(["remind"], "2026-09-16T16:59:00");
    expect(queued.code).toBe(0);
    expect(queued.stderr).toContain("Cảnh báo: chưa gửi được");
    await world.servers.smtp.start();

    await world.run(["outbox", "--deliver"], "2026-09-16T17:30:00");
    const waiting = (await world.json<OutboxJson[]>(["outbox"], "2026-09-16T17:30:00")).filter((o) => o.subject.startsWith("Nhắc gửi báo cáo tuần 38/2026"));
    expect(waiting.map((o) => [o.to[0], o.state, o.notBefore])).toEqual(
      (["nvdp", "ttdn", "ttbc", "vp"] as const).map((u) => [UNITS[u], "pending", "2026-09-17T08:00:00+07:00"]),
    );
    expect(await reminders("nvdp")).toHaveLength(0);

    await world.run(["outbox", "--deliver"], "2026-09-17T08:00:00");
    for (const u of ["nvdp", "ttdn", "ttbc", "vp"] as const) expect(await reminders(u)).toHaveLength(1);
  }, 180_000);
});
