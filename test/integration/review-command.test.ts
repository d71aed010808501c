/**
 * `intake review <messageId> --dat|--khong-dat [--note] [--by]` (issue 3 §2, contract.md "People's actions"): a
 * person overrules the bot's verdict; the status, the unit's status for the period and the reply follow; who and
 * when show in `submissions --json`; the same decision again sends nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outlookMail } from "../support/eml.ts";
import { qtvp03Sections, reportDocx } from "../support/reports.ts";
import { OFFICE, startIntakeWorld, UNITS, type IntakeWorld } from "../support/intake.ts";
import type { ReadMessage } from "../support/mail-servers.ts";
import { requireMessageId } from "../support/report-mail.ts";

interface Sub {
  messageId: string;
  unit: string | null;
  period: string | null;
  status: string;
  verdict: string | null;
  missingSections: string[];
  latest: boolean | null;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
}

let world: IntakeWorld;
beforeAll(async () => {
  world = await startIntakeWorld();
});
afterAll(async () => {
  await world?.stop();
});


async function deliverReport(unit: "nvdp" | "ttdn", name: string, complete: boolean, at: string): Promise<{ id: string; subject: string }> {
  const subject = `Báo cáo tuần 47 - ${name}`;
  const doc = await reportDocx({
    header: ["CỤC THÔNG TIN ĐỐI NGOẠI", name.toLocaleUpperCase("vi")],
    title: "Kết quả công tác tuần 47 và kế hoạch công tác tuần 48",
    sections: qtvp03Sections({ next: "tuần tới", omit: complete ? [] : ["ke_hoach"] }),
    producer: "word",
    style: "numbered",
  });
  const raw = outlookMail({
    from: { name, address: UNITS[unit] }, to: [OFFICE], subject, date: new Date(at),
    text: `Kính gửi Văn phòng Cục,\n${name} gửi báo cáo tuần 47.\nTrân trọng.`,
    attachments: [{ filename: `${subject}.docx`, content: doc }],
  });
  await world.deliver(raw, at);
  return { id: requireMessageId(raw), subject };
}

const sub = async (id: string, now: string) => (await world.json<Sub[]>(["submissions"], now)).find((s) => s.messageId === id)!;
const inbox = (user: string): Promise<ReadMessage[]> => world.servers.readMailbox(user);

describe("intake review", () => {
  let dat: { id: string; subject: string };
  let khongDat: { id: string; subject: string };

  beforeAll(async () => {
    dat = await deliverReport("nvdp", "Phòng NVĐP", true, "2026-11-18T09:00:00+07:00");
    khongDat = await deliverReport("ttdn", "Phòng TTĐN", false, "2026-11-18T09:01:00+07:00");
    const poll = await world.run(["poll", "--once"], "2026-11-18T09:05:00");
    if (poll.code !== 0) throw new Error(poll.stderr);
  }, 120_000);

  it("starts from the bot's verdicts: a receipt to NVĐP, a Không đạt to TTĐN", async () => {
    expect((await inbox(UNITS.nvdp)).map((m) => [m.inReplyTo, m.headers["x-intake-bot"]])).toEqual([[dat.id, "bao-cao-intake; purpose=receipt"]]);
    expect((await inbox(UNITS.ttdn)).map((m) => [m.inReplyTo, m.headers["x-intake-bot"]])).toEqual([[khongDat.id, "bao-cao-intake; purpose=khong_dat"]]);
    const s = await sub(dat.id, "2026-11-18T09:06:00");
    expect([s.status, s.verdict, s.decidedBy, s.decidedAt, s.note]).toEqual(["accepted", "dat", null, null, null]);
  });

  it("--khong-dat on an accepted report: rejected, who and when recorded, a Không đạt with the note", async () => {
    const note = "Số liệu tại mục I chưa khớp với báo cáo tháng 10; đề nghị rà soát, bổ sung.";
    const r = await world.run(["review", dat.id, "--khong-dat", "--note", note, "--by", "nguyen.thi.lan"], "2026-11-18T10:00:00");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`Đã ghi nhận đánh giá Không đạt cho ${dat.id} (nvdp, 2026-W47).\n`);

    const s = await sub(dat.id, "2026-11-18T10:01:00");
    expect([s.status, s.verdict, s.decidedBy, s.decidedAt, s.note, s.latest]).toEqual(["rejected", "khong_dat", "nguyen.thi.lan", "2026-11-18T10:00:00+07:00", note, true]);
    const status = await world.json<{ unit: string; state: string }[]>(["status", "--period", "2026-W47"], "2026-11-18T10:01:00");
    expect(status.find((u) => u.unit === "nvdp")?.state).toBe("khong_dat");

    const mails = await inbox(UNITS.nvdp);
    expect(mails).toHaveLength(2);
    const reply = mails[1]!;
    expect(reply.from).toBe(OFFICE);
    expect(reply.to).toEqual([UNITS.nvdp]);
    expect(reply.inReplyTo).toBe(dat.id);
    expect(reply.references).toEqual([dat.id]);
    expect(reply.subject).toBe(`Re: ${dat.subject}`);
    expect(reply.headers["auto-submitted"]).toBe("auto-replied");
    expect(reply.headers["x-intake-bot"]).toBe("bao-cao-intake; purpose=khong_dat");
    expect(reply.messageId).not.toBe(mails[0]!.messageId);
    expect(reply.text).toContain(`- Ý kiến của chuyên viên tổng hợp: ${note}`);
    expect(reply.text).toContain("Thời hạn gửi báo cáo là trước 15 giờ 00 ngày 19/11/2026 (Thứ Năm); thời gian còn lại là 1 ngày 5 giờ.");
    expect(reply.attachments.map((a) => a.filename)).toEqual(["Mẫu báo cáo tuần.docx"]);
  }, 120_000);

  it("the same decision again sends nothing", async () => {
    const before = world.servers.smtp.received.length;
    const outboxBefore = (await world.json<unknown[]>(["outbox"], "2026-11-18T10:05:00")).length;
    // The Message-ID without angle brackets, as people copy it.
    const r = await world.run(["review", dat.id.slice(1, -1), "--khong-dat", "--by", "nguyen.thi.lan"], "2026-11-18T10:05:00");
    expect(r.code, r.stderr).toBe(0);
    expect((await sub(dat.id, "2026-11-18T10:06:00")).status).toBe("rejected");
    expect(world.servers.smtp.received.length).toBe(before);
    expect((await world.json<unknown[]>(["outbox"], "2026-11-18T10:06:00")).length).toBe(outboxBefore);
    expect(await inbox(UNITS.nvdp)).toHaveLength(2);
  }, 120_000);

  it("--dat on a rejected report: accepted, a receipt follows, the status follows; once", async () => {
    const r = await world.run(["review", khongDat.id, "--dat", "--note", "Kế hoạch tuần tới đã nêu tại phần cuối mục I.", "--by", "tran.van.minh"], "2026-11-18T10:10:00");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`Đã ghi nhận đánh giá Đạt cho ${khongDat.id} (ttdn, 2026-W47).\n`);
    const s = await sub(khongDat.id, "2026-11-18T10:11:00");
    expect([s.status, s.verdict, s.missingSections, s.decidedBy, s.decidedAt]).toEqual(["accepted", "dat", [], "tran.van.minh", "2026-11-18T10:10:00+07:00"]);
    const status = await world.json<{ unit: string; state: string }[]>(["status", "--period", "2026-W47"], "2026-11-18T10:11:00");
    expect(status.find((u) => u.unit === "ttdn")?.state).toBe("on_time");

    const mails = await inbox(UNITS.ttdn);
    expect(mails.map((m) => [m.inReplyTo, m.headers["x-intake-bot"]])).toEqual([
      [khongDat.id, "bao-cao-intake; purpose=khong_dat"],
      [khongDat.id, "bao-cao-intake; purpose=receipt"],
    ]);
    expect(mails[1]!.text).toContain("Báo cáo được gửi đúng thời hạn quy định, trước 15 giờ 00 ngày 19/11/2026 (Thứ Năm).");
    expect(mails[1]!.text).toContain("vào lúc 9 giờ 01 ngày 18/11/2026 (Thứ Tư)");
    expect(mails[1]!.attachments).toEqual([]);

    const again = await world.run(["review", khongDat.id, "--dat", "--by", "tran.van.minh"], "2026-11-18T10:15:00");
    expect(again.code, again.stderr).toBe(0);
    expect(await inbox(UNITS.ttdn)).toHaveLength(2);
  }, 120_000);

  it("refuses what it cannot do, with exit code 2", async () => {
    const unknown = await world.run(["review", "<khong-co-thu-nay@cuc.example.vn>", "--dat"], "2026-11-18T10:20:00");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("No message with Message-ID <khong-co-thu-nay@cuc.example.vn> in the ledger.");
    const both = await world.run(["review", dat.id, "--dat", "--khong-dat"], "2026-11-18T10:20:00");
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("Give exactly one of --dat or --khong-dat.");
    expect((await sub(dat.id, "2026-11-18T10:21:00")).status).toBe("rejected");
  }, 120_000);
});
