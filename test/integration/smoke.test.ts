import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outlookMail } from "../support/eml.ts";
import { reportDocx, qtvp03Sections } from "../support/reports.ts";
import { OFFICE, startIntakeWorld, UNITS, type IntakeWorld } from "../support/intake.ts";

let world: IntakeWorld;
beforeAll(async () => {
  world = await startIntakeWorld();
});
afterAll(async () => {
  await world?.stop();
});

describe("smoke", () => {
  it("accepts a weekly report and sends a receipt", async () => {
    const doc = await reportDocx({
      header: ["CỤC THÔNG TIN ĐỐI NGOẠI", "PHÒNG NGHIỆP VỤ - ĐIỀU PHỐI"],
      title: "Kết quả công tác tuần 47 và kế hoạch công tác tuần 48",
      sections: qtvp03Sections({ next: "tuần tới" }),
      producer: "docx",
    });
    await world.deliver(
      outlookMail({ from: { name: "Phòng NVĐP", address: UNITS.nvdp }, to: [OFFICE], subject: "Báo cáo tuần 47 - Phòng NVĐP", text: "Kính gửi Văn phòng,\nPhòng NVĐP gửi báo cáo tuần 47.", attachments: [{ filename: "Báo cáo tuần 47 - NVĐP.docx", content: doc }] }),
      "2026-11-18T10:12:00+07:00",
    );
    const r = await world.run(["poll", "--once"], "2026-11-18T10:13:00");
    expect(r.stderr).not.toMatch(/"level":(50|60)/);
    expect(r.code).toBe(0);
    const rows = await world.json<any[]>(["submissions"], "2026-11-18T10:13:00");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ unit: "nvdp", kind: "week", period: "2026-W47", status: "accepted", verdict: "dat", onTime: true, deadline: "2026-11-19T15:00:00+07:00" });
    const inbox = await world.servers.readMailbox(UNITS.nvdp);
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.headers["auto-submitted"]).toBe("auto-replied");
  });
});
