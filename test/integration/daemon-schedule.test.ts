/**
 * The daemon's scheduler (issue 4, "Done when"): started 10 minutes after a reminder time it sends that reminder
 * once — not again after a restart; started after the deadline (before the compile deadline) it sends the chase
 * instead of the stale reminder — once, even with two daemons on one database.
 *
 * Week 2026-W38 (14/09–20/09/2026): due Thursday 17/09 15:00; reminders Wednesday 16/09 15:00 and Thursday 13:00;
 * chases Thursday 15:00, then 08:00 each working day until Tuesday 22/09 00:00. No other period has mail due then.
 * September, because Dovecot keeps no INTERNALDATE later than its own clock.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outlookMail } from "../support/eml.ts";
import { qtvp03Sections, reportDocx } from "../support/reports.ts";
import { defaultRegimes, eventually, OFFICE, startIntakeWorld, UNITS, CHIEF, type IntakeWorld } from "../support/intake.ts";

/** Lãnh đạo Cục (contract.md `office.leadership`): gets the laggards summary beside the chief's draft. */
const LEADER = "cuctruong@cuc.example.vn";

let world: IntakeWorld;
beforeAll(async () => {
  const regimes = defaultRegimes();
  (regimes.office as Record<string, unknown>).leadership = [{ name: "Đồng chí Cục trưởng", address: LEADER }];
  world = await startIntakeWorld({ regimes });
});
afterAll(async () => {
  await world?.stop();
});

type UnitId = keyof typeof UNITS;
const UNIT_IDS = Object.keys(UNITS) as UnitId[];
const NAME: Record<UnitId, string> = {
  nvdp: "Phòng Nghiệp vụ - Điều phối",
  ttdn: "Phòng Truyền thông đối ngoại",
  ttbc: "Trung tâm Báo chí và Hợp tác truyền thông quốc tế",
  vp: "Văn phòng",
};
const W38 = "báo cáo tuần 38/2026 (từ 14/09/2026 đến 20/09/2026)";
const REMINDER = (u: UnitId) => `Nhắc gửi ${W38} - ${NAME[u]} (hạn trước 15 giờ 00 ngày 17/09/2026 (Thứ Năm))`;
const CHASE = (u: UnitId, by: string) => `Đôn đốc gửi ${W38} - ${NAME[u]} (đã quá hạn ${by})`;

async function subjects(address: string): Promise<string[]> {
  return (await world.servers.readMailbox(address)).map((m) => m.subject);
}

type Daemon = ReturnType<IntakeWorld["daemon"]>;

/** SIGTERM, then the exit code; the daemon stops its loop and closes the mailbox. */
async function stop(d: Daemon): Promise<number | null> {
  d.child.kill("SIGTERM");
  const timeout = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 20_000));
  const code = await Promise.race([d.exited, timeout]);
  if (code === "timeout") {
    d.child.kill("SIGKILL");
    throw new Error(`daemon did not stop on SIGTERM:\n${d.output()}`);
  }
  return code;
}

/** Waits until the daemon has done its start-up jobs: it opens the mailbox only after them. */
async function settled(d: Daemon, what: string): Promise<void> {
  await eventually(async () => /"msg":"daemon started"/.test(d.output()) && /"msg":"mailbox open"/.test(d.output()), 30_000, `${what}: start-up jobs\n${d.output()}`);
}

describe("the daemon's scheduler", () => {
  it("sends a reminder due 10 minutes before its start once, and nothing more after a restart", async () => {
    const first = world.daemon("2026-09-16T15:10:00");
    try {
      for (const u of UNIT_IDS) {
        await eventually(async () => (await subjects(UNITS[u])).length > 0 || undefined, 30_000, `the reminder to ${u}\n${first.output()}`);
      }
    } finally {
      expect(await stop(first)).toBe(0);
    }
    for (const u of UNIT_IDS) expect(await subjects(UNITS[u]), u).toEqual([REMINDER(u)]);
    const toVp = (await world.servers.readMailbox(UNITS.vp))[0]!;
    expect(toVp.text).toContain("Văn phòng Cục xin nhắc Văn phòng gửi báo cáo tuần 38/2026 (từ 14/09/2026 đến 20/09/2026) trước 15 giờ 00 ngày 17/09/2026 (Thứ Năm); thời gian còn lại là 23 giờ 50 phút.");
    expect(toVp.headers["auto-submitted"]).toBe("auto-replied");

    // NVĐP sends its report between the two runs. The restarted daemon does its due jobs before reading the
    // mailbox, so once NVĐP's receipt is there, the start-up jobs have run: they must have sent nothing.
    const doc = await reportDocx({
      header: ["CỤC THÔNG TIN ĐỐI NGOẠI", "PHÒNG NGHIỆP VỤ - ĐIỀU PHỐI"], title: "Kết quả công tác tuần 38 và kế hoạch công tác tuần 39",
      sections: qtvp03Sections({ next: "tuần tới" }), producer: "word", style: "bold",
    });
    await world.deliver(
      outlookMail({
        from: { name: NAME.nvdp, address: UNITS.nvdp }, to: [OFFICE], subject: "Báo cáo tuần 38 - Phòng NVĐP", date: new Date("2026-09-16T15:20:00+07:00"),
        text: "Kính gửi Văn phòng Cục,\nPhòng NVĐP gửi báo cáo tuần 38.\nTrân trọng.", attachments: [{ filename: "BC tuan 38 - NVDP.docx", content: doc }],
      }),
      "2026-09-16T15:20:00+07:00",
    );
    const second = world.daemon("2026-09-16T15:25:00");
    try {
      await eventually(async () => (await subjects(UNITS.nvdp)).length === 2 || undefined, 30_000, `NVĐP's receipt\n${second.output()}`);
      // One more scheduler minute may pass; it must not send anything either.
      await new Promise((r) => setTimeout(r, 3_000));
    } finally {
      expect(await stop(second)).toBe(0);
    }
    expect(await subjects(UNITS.nvdp)).toEqual([REMINDER("nvdp"), "Re: Báo cáo tuần 38 - Phòng NVĐP"]);
    for (const u of ["ttdn", "ttbc", "vp"] as const) expect(await subjects(UNITS[u]), u).toEqual([REMINDER(u)]);
    expect(await subjects(CHIEF)).toEqual([]);
  }, 180_000);

  it("started after the deadline, sends the chase instead of the stale reminder, once with two daemons", async () => {
    // Thursday 16:00: the -2h reminder (13:00) fell while no daemon ran; the deadline (15:00) has passed.
    const a = world.daemon("2026-09-17T16:00:00");
    const b = world.daemon("2026-09-17T16:00:00");
    try {
      for (const u of ["ttdn", "ttbc", "vp"] as const) {
        await eventually(async () => (await subjects(UNITS[u])).length === 2 || undefined, 40_000, `the chase to ${u}\n${a.output()}\n${b.output()}`);
      }
      await settled(a, "daemon a");
      await settled(b, "daemon b");
      await new Promise((r) => setTimeout(r, 3_000));
    } finally {
      expect(await stop(a)).toBe(0);
      expect(await stop(b)).toBe(0);
    }
    for (const u of ["ttdn", "ttbc", "vp"] as const) expect(await subjects(UNITS[u]), u).toEqual([REMINDER(u), CHASE(u, "1 giờ")]);
    // NVĐP is done: nothing more.
    expect(await subjects(UNITS.nvdp)).toEqual([REMINDER("nvdp"), "Re: Báo cáo tuần 38 - Phòng NVĐP"]);
    const chased = (await world.servers.readMailbox(UNITS.ttbc))[1]!;
    expect(chased.text).toContain("thời hạn gửi báo cáo tuần 38/2026 (từ 14/09/2026 đến 20/09/2026) là trước 15 giờ 00 ngày 17/09/2026 (Thứ Năm). Đến nay đã quá hạn 1 giờ");
    expect(chased.text).toContain("trình Lãnh đạo Cục trước 0 giờ 00 ngày 22/09/2026 (Thứ Ba)");
  }, 180_000);

  it("at the draft time sends the draft to the chief and the laggards summary to Lãnh đạo Cục, beside the chase", async () => {
    // Monday 21/09 08:05: the week's draft time (08:00) and its last chase.
    const d = world.daemon("2026-09-21T08:05:00");
    try {
      await eventually(async () => (await subjects(CHIEF)).length === 2 || undefined, 60_000, `the draft and the summary\n${d.output()}`);
      for (const u of ["ttdn", "ttbc", "vp"] as const) {
        await eventually(async () => (await subjects(UNITS[u])).length === 3 || undefined, 30_000, `the Monday chase to ${u}\n${d.output()}`);
      }
      await settled(d, "daemon");
      await new Promise((r) => setTimeout(r, 3_000));
    } finally {
      expect(await stop(d)).toBe(0);
    }
    const label = "tuần 38/2026 (từ 14/09/2026 đến 20/09/2026)";
    expect((await subjects(CHIEF)).sort()).toEqual(["Dự thảo báo cáo công tác tuần 38/2026", `Tình hình gửi báo cáo định kỳ của các đơn vị: ${label}`].sort());
    const toLeader = await world.servers.readMailbox(LEADER);
    expect(toLeader.map((m) => m.subject)).toEqual([`Tình hình gửi báo cáo định kỳ của các đơn vị: ${label}`]);
    expect(toLeader[0]!.to).toEqual([LEADER]);
    expect(toLeader[0]!.cc).toEqual([CHIEF]);
    expect(toLeader[0]!.text).toContain("Kính gửi: Đồng chí Cục trưởng\n");
    expect(toLeader[0]!.text).toContain(
      `Đối với báo cáo ${label}, thời hạn gửi trước 15 giờ 00 ngày 17/09/2026 (Thứ Năm):\n` +
        "  Đơn vị chưa gửi báo cáo:\n  - Phòng Truyền thông đối ngoại\n  - Trung tâm Báo chí và Hợp tác truyền thông quốc tế\n  - Văn phòng\n\n" +
        "Số lần gửi báo cáo muộn trong năm 2026:\n- Phòng Truyền thông đối ngoại: 1 lần\n- Trung tâm Báo chí và Hợp tác truyền thông quốc tế: 1 lần\n- Văn phòng: 1 lần\n",
    );
    const draft = (await world.servers.readMailbox(CHIEF)).find((m) => m.subject.startsWith("Dự thảo"))!;
    expect(draft.text).toContain("- Chưa gửi báo cáo: Phòng Truyền thông đối ngoại, Trung tâm Báo chí và Hợp tác truyền thông quốc tế, Văn phòng.");
    for (const u of ["ttdn", "ttbc", "vp"] as const) expect(await subjects(UNITS[u]), u).toEqual([REMINDER(u), CHASE(u, "1 giờ"), CHASE(u, "3 ngày 17 giờ")]);
    expect(await subjects(UNITS.nvdp)).toEqual([REMINDER("nvdp"), "Re: Báo cáo tuần 38 - Phòng NVĐP"]);
  }, 180_000);
});
