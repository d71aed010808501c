/**
 * `intake assign`: a person attributes a mail the bot could not attribute; what follows runs as for any report
 * (section check, verdict, reply), and who decided and when shows in `submissions`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gmailMail } from "../support/eml.ts";
import { qtvp03Sections, reportDocx } from "../support/reports.ts";
import { OFFICE, startIntakeWorld, UNITS, type IntakeWorld } from "../support/intake.ts";

let world: IntakeWorld;
beforeAll(async () => {
  world = await startIntakeWorld();
});
afterAll(async () => {
  await world?.stop();
});

interface Row {
  messageId: string; status: string; unit: string | null; period: string | null; kind: string | null; verdict: string | null;
  missingSections: string[]; onTime: boolean | null; deadline: string | null; reason: string | null; decidedBy: string | null; decidedAt: string | null;
}

describe("assign", () => {
  it("a report from an unknown address naming no unit waits for a person, then follows the person's decision", async () => {
    await world.servers.dovecot.addUser("binh.tv@gmail.com");
    // No unit in subject, file name or document: only a period. The sender is a personal address.
    const doc = await reportDocx({
      header: ["CỤC THÔNG TIN ĐỐI NGOẠI"],
      title: "Kết quả công tác tuần 47/2026 và kế hoạch tuần 48/2026",
      sections: qtvp03Sections({ next: "tuần tới", omit: ["ke_hoach"] }),
      producer: "pandoc",
    });
    await world.deliver(
      gmailMail({ from: { name: "Trần Văn Bình", address: "binh.tv@gmail.com" }, to: [OFFICE], subject: "Gửi báo cáo tuần 47", text: "Em gửi báo cáo tuần ạ.", attachments: [{ filename: "bao cao tuan 47.docx", content: doc }] }),
      "2026-11-19T09:30:00+07:00",
    );
    const poll = await world.run(["poll", "--once"], "2026-11-19T09:31:00");
    expect(poll.code).toBe(0);
    let [row] = await world.json<Row[]>(["submissions"], "2026-11-19T09:31:00");
    expect(row).toMatchObject({ status: "unclassified", verdict: null, decidedBy: null });
    expect(row!.reason).toMatch(/^unknown_(sender|unit):/);
    expect(await world.servers.readMailbox("binh.tv@gmail.com")).toHaveLength(0);

    const assign = await world.run(["assign", row!.messageId, "--unit", "ttbc", "--period", "2026-W47", "--by", "chuyenvien.lan"], "2026-11-19T10:00:00");
    expect(assign.stderr).not.toMatch(/"level":(50|60)/);
    expect(assign.code).toBe(0);
    [row] = await world.json<Row[]>(["submissions"], "2026-11-19T10:00:00");
    expect(row).toMatchObject({
      status: "rejected", verdict: "khong_dat", unit: "ttbc", kind: "week", period: "2026-W47", missingSections: ["ke_hoach"],
      onTime: true, deadline: "2026-11-19T15:00:00+07:00", decidedBy: "chuyenvien.lan", decidedAt: "2026-11-19T10:00:00+07:00",
    });
    // The reply goes to the sender, with the unit's registered address in copy.
    const replies = await world.servers.readMailbox("binh.tv@gmail.com");
    expect(replies).toHaveLength(1);
    expect(replies[0]!.cc).toEqual([UNITS.ttbc]);
    expect(replies[0]!.inReplyTo).toBe(row!.messageId);
    expect(replies[0]!.text).toContain("Trung tâm Báo chí và Hợp tác truyền thông quốc tế");
    expect(replies[0]!.text).toContain("Kế hoạch công tác thời gian tiếp theo");

    // Assigning again is refused: the message is no longer unclassified.
    const again = await world.run(["assign", row!.messageId, "--unit", "ttbc", "--period", "2026-W47"], "2026-11-19T10:05:00");
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("has no report that can take this decision");
    expect(await world.servers.readMailbox("binh.tv@gmail.com")).toHaveLength(1);
  }, 180_000);

  it("refuses an unknown message, an unknown unit or a malformed period with a clear message", async () => {
    const r1 = await world.run(["assign", "<nope@x>", "--unit", "xyz", "--period", "2026-W47"], "2026-11-19T10:00:00");
    expect(r1.code).toBe(2);
    expect(r1.stderr).toContain("No message with Message-ID <nope@x>");

    await world.deliver(gmailMail({ from: "la.nguoi@gmail.com", to: [OFFICE], subject: "Báo cáo tháng 11", messageId: "<assign-2@gmail.com>", text: "Gửi Văn phòng báo cáo tháng." }), "2026-11-20T09:00:00+07:00");
    await world.run(["poll", "--once"], "2026-11-20T09:01:00");
    const rows = await world.json<Row[]>(["submissions"], "2026-11-20T09:01:00");
    expect(rows.find((r) => r.messageId === "<assign-2@gmail.com>")?.status).toBe("unclassified");
    const r2 = await world.run(["assign", "<assign-2@gmail.com>", "--unit", "xyz", "--period", "2026-11"], "2026-11-20T09:02:00");
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain("Unit xyz is not in exactly one regime");
    const r3 = await world.run(["assign", "assign-2@gmail.com", "--unit", "vp", "--period", "2026-13"], "2026-11-20T09:02:00");
    expect(r3.code).toBe(2);
    expect(r3.stderr).toContain("Period 2026-13 is not a valid period id");
  }, 120_000);
});
