/**
 * Issue 5: "a report accepted after the draft was sent produces an updated draft (bản cập nhật) whose cover email
 * says what changed" — by the scheduler itself, once per change, before the compile deadline.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outlookMail } from "../support/eml.ts";
import { unitReport, type UnitId } from "../support/report-mail.ts";
import { CHIEF, OFFICE, startIntakeWorld, UNITS, type IntakeWorld } from "../support/intake.ts";

let world: IntakeWorld;
beforeAll(async () => {
  world = await startIntakeWorld();
});
afterAll(async () => {
  await world?.stop();
});

async function send(unit: UnitId, at: string) {
  const doc = await unitReport({ unit, title: "Kết quả công tác tuần 47 và kế hoạch công tác tuần 48", next: "tuần tới" });
  await world.deliver(
    outlookMail({ from: UNITS[unit], to: [OFFICE], subject: `Báo cáo tuần 47/2026 - ${unit.toUpperCase()}`, text: "Kính gửi Văn phòng.", attachments: [{ filename: `BC tuan 47 ${unit}.docx`, content: doc }] }),
    at,
  );
}

const drafts = async () => (await world.servers.readMailbox(CHIEF)).filter((m) => m.subject.startsWith("Dự thảo"));

describe("updated draft", () => {
  it("is sent by the scheduler once after a late report is accepted, and not again", async () => {
    await send("nvdp", "2026-11-18T09:00:00+07:00");
    await send("ttdn", "2026-11-19T10:00:00+07:00");
    await send("ttbc", "2026-11-19T11:00:00+07:00");
    expect((await world.run(["poll", "--once"], "2026-11-19T11:05:00")).code).toBe(0);

    // Monday 08:00 of the next week: the draft, with VP missing.
    expect((await world.run(["remind"], "2026-11-23T08:00:00")).code).toBe(0);
    let chief = await drafts();
    expect(chief.map((m) => m.subject)).toEqual(["Dự thảo báo cáo công tác tuần 47/2026"]);
    expect(chief[0]!.text).toContain("Văn phòng: chưa gửi báo cáo");

    // VP reports at 10:00; the next scheduler tick sends the update, once.
    await send("vp", "2026-11-23T10:00:00+07:00");
    expect((await world.run(["poll", "--once"], "2026-11-23T10:01:00")).code).toBe(0);
    const r = await world.run(["remind"], "2026-11-23T10:02:00");
    expect(r.stdout).toContain("Dự thảo 2026-W47 (qt-vp-03) bản cập nhật gửi Chánh Văn phòng");
    chief = await drafts();
    expect(chief.map((m) => m.subject)).toEqual(["Dự thảo báo cáo công tác tuần 47/2026", "Dự thảo báo cáo công tác tuần 47/2026 (bản cập nhật lần 1)"]);
    expect(chief[1]!.text).toContain("Văn phòng: đã bổ sung báo cáo vào dự thảo");

    const again = await world.run(["remind"], "2026-11-23T10:03:00");
    expect(again.stdout).not.toContain("bản cập nhật");
    expect(await drafts()).toHaveLength(2);
    const list = await world.json<{ period: string; version: number }[]>(["drafts"], "2026-11-23T10:03:00");
    expect(list.map((d) => [d.period, d.version])).toEqual([["2026-W47", 1], ["2026-W47", 2]]);
  }, 240_000);
});
