/**
 * Issue 11, the officer's other commands against real Dovecot, the SMTP sink and SQLite: "Hủy 2: <lý do>" in reply
 * to the digest drops held reply 2 (the unit never gets it) and records who and why; "Gán 3: ttdn 2026-W47" assigns
 * the unclassified mail the digest numbered 3, which is then judged and answered as any report; `outbox --drop ID
 * --note … --by …` drops from the terminal, and `explain` shows who dropped it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMail, gmailMail, outlookMail } from "../support/eml.ts";
import { qtvp03Sections, reportDocx } from "../support/reports.ts";
import { defaultRegimes, OFFICE, startIntakeWorld, UNITS, type IntakeWorld } from "../support/intake.ts";
import type { ReadMessage } from "../support/mail-servers.ts";
import { requireMessageId, UNIT_HEADER, type UnitId } from "../support/report-mail.ts";

const TITLE = "Kết quả công tác tuần 47 và kế hoạch công tác tuần 48";
const AT = "2026-11-18T09:00:00+07:00";

async function incomplete(unit: UnitId): Promise<Buffer> {
  const docx = await reportDocx({ header: ["CỤC THÔNG TIN ĐỐI NGOẠI", UNIT_HEADER[unit]], title: TITLE, sections: qtvp03Sections({ next: "tuần tới", omit: ["ke_hoach"] }), producer: "docx", style: "numbered" });
  return outlookMail({
    from: { name: `Cán bộ ${unit}`, address: UNITS[unit] }, to: [{ address: OFFICE }], subject: `Báo cáo tuần 47 - ${unit.toUpperCase()}`,
    text: "Kính gửi Văn phòng Cục,\nĐơn vị gửi báo cáo tuần 47.\nTrân trọng.", date: new Date(AT), messageId: `<cmd-${unit}@${unit}.cuc.example.vn>`,
    attachments: [{ filename: `Báo cáo tuần 47 - ${unit.toUpperCase()}.docx`, content: docx }],
  });
}

interface OutboxJson {
  id: number;
  messageId: string;
  purpose: string;
  state: string;
  unit: string | null;
  lastError: string | null;
}

let world: IntakeWorld;
let tmp: string;
const mails: Record<string, Buffer> = {};
const outbox = (now: string) => world.json<OutboxJson[]>(["outbox"], now);
const repliesTo = async (user: string, messageId: string): Promise<ReadMessage[]> => (await world.servers.readMailbox(user)).filter((m) => m.inReplyTo === messageId);

beforeAll(async () => {
  world = await startIntakeWorld({ regimes: defaultRegimes({ holdReplies: "khong_dat" }) });
  tmp = mkdtempSync(path.join(tmpdir(), "intake-cmd-"));
}, 300_000);
afterAll(async () => {
  await world?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

describe("commands in reply to the digest, and outbox --drop", () => {
  let digestId = "";

  it("queues two held replies and one unclassified mail, numbered in the digest", async () => {
    mails.nvdp = await incomplete("nvdp");
    mails.vp = await incomplete("vp");
    // A colleague's private address, a document without the unit's name: the bot cannot tell whose report it is.
    mails.stranger = gmailMail({
      from: { name: "Trần Văn Bình", address: "tranbinh.ttdn@gmail.com" }, to: [{ address: OFFICE }], subject: "Báo cáo tuần 47",
      text: "Em gửi Văn phòng báo cáo tuần 47 ạ.", date: new Date(AT), messageId: "<CAstranger47@mail.gmail.com>",
      attachments: [{ filename: "bao cao tuan 47.docx", content: await reportDocx({ header: ["CỤC THÔNG TIN ĐỐI NGOẠI"], title: TITLE, sections: qtvp03Sections({ next: "tuần tới" }), producer: "docx", style: "numbered" }) }],
    });
    for (const m of [mails.nvdp, mails.vp, mails.stranger]) await world.deliver(m, AT);
    const poll = await world.run(["poll", "--once"], AT);
    expect(poll.code, poll.stderr).toBe(0);
    const subs = await world.json<Record<string, unknown>[]>(["submissions"], AT);
    expect(subs.find((s) => s.messageId === "<CAstranger47@mail.gmail.com>")?.status).toBe("unclassified");
    expect((await outbox(AT)).filter((o) => o.state === "held").map((o) => o.unit)).toEqual(["nvdp", "vp"]);

    const r = await world.run(["remind"], "2026-11-19T08:00:00+07:00");
    expect(r.code, r.stderr).toBe(0);
    digestId = (await outbox("2026-11-19T08:01:00+07:00")).find((o) => o.purpose === "digest")!.messageId;
    const text = (await world.servers.readMailbox(OFFICE)).find((m) => m.messageId === digestId)!.text;
    expect(text).toMatch(/^- Thư số 1: Phòng Nghiệp vụ - Điều phối — /m);
    expect(text).toMatch(/^- Thư số 2: Văn phòng — /m);
    expect(text).toMatch(/^- Thư số 3: .*tranbinh\.ttdn@gmail\.com.*Message-ID <CAstranger47@mail\.gmail\.com>/m);
  }, 300_000);

  it("'Hủy 2: …' drops held reply 2 with who and why; 'Gán 3: ttdn 2026-W47' assigns the unclassified mail", async () => {
    const reply = buildMail({
      client: "outlook", from: { name: "Nguyễn Thị Hoa", address: OFFICE }, to: [{ address: OFFICE }],
      subject: "RE: Tóm tắt hằng ngày của hệ thống tiếp nhận báo cáo, ngày 19/11/2026",
      text: "Huỷ 2: đơn vị đã gửi lại qua điện thoại\ngan 3 ttdn 2026-w47\n\nFrom: Văn phòng Cục\nSent: 19/11/2026 08:00\n> Thư số 1 …",
      date: new Date("2026-11-19T08:30:00+07:00"), messageId: "<officer-cmd-1@cuc.example.vn>", inReplyTo: digestId, references: [digestId],
    });
    await world.deliver(reply, "2026-11-19T08:30:00+07:00");
    const poll = await world.run(["poll", "--once"], "2026-11-19T08:30:00+07:00");
    expect(poll.code, poll.stderr).toBe(0);

    const rows = await outbox("2026-11-19T08:31:00+07:00");
    const vp = rows.find((o) => o.unit === "vp" && o.purpose === "khong_dat")!;
    expect(vp.state).toBe("dropped");
    expect(vp.lastError).toBe(`dropped: Chuyên viên ${OFFICE} hủy thư trả lời: đơn vị đã gửi lại qua điện thoại`);
    expect(await repliesTo(UNITS.vp, requireMessageId(mails.vp!))).toEqual([]);
    expect(rows.find((o) => o.unit === "nvdp")!.state).toBe("held");

    const subs = await world.json<Record<string, unknown>[]>(["submissions"], "2026-11-19T08:31:00+07:00");
    expect(subs.find((s) => s.messageId === "<CAstranger47@mail.gmail.com>")).toMatchObject({ unit: "ttdn", period: "2026-W47", status: "accepted", verdict: "dat", decidedBy: OFFICE });
    // The person's decision is answered at once (not held): to the sender, the unit's address in copy.
    const receipt = (await repliesTo(UNITS.ttdn, "<CAstranger47@mail.gmail.com>"))[0];
    expect(receipt?.headers["x-intake-bot"]).toBe("bao-cao-intake; purpose=receipt");

    const answer = (await repliesTo(OFFICE, "<officer-cmd-1@cuc.example.vn>"))[0]!.text;
    expect(answer).toContain("- Hủy thư số 2: đã hủy thư trả lời");
    expect(answer).toContain("- Gán thư số 3: đã gán cho đơn vị ttdn, kỳ 2026-W47; kết quả kiểm tra: Đạt");

    const x = await world.json<Record<string, any>>(["explain", requireMessageId(mails.vp!)], "2026-11-19T08:35:00+07:00");
    expect(x.actions).toEqual([expect.objectContaining({ kind: "drop", by: OFFICE, detail: expect.objectContaining({ note: vp.lastError, via: "<officer-cmd-1@cuc.example.vn>" }) })]);
  }, 300_000);

  it("outbox --drop ID --note … --by … drops from the terminal, once, and explain shows who", async () => {
    const nvdp = (await outbox("2026-11-19T09:00:00+07:00")).find((o) => o.unit === "nvdp" && o.state === "held")!;
    const r = await world.run(["outbox", "--drop", String(nvdp.id), "--note", "Đã trao đổi trực tiếp với phòng", "--by", "nguyen.thi.hoa"], "2026-11-19T09:00:00+07:00");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Thư mã ${nvdp.id}: đã hủy thư trả lời`);
    const again = await world.run(["outbox", "--drop", String(nvdp.id), "--by", "nguyen.thi.hoa"], "2026-11-19T09:01:00+07:00");
    expect(again.stdout).toContain("không còn chờ duyệt (trạng thái: dropped)");
    expect((await outbox("2026-11-19T09:02:00+07:00")).find((o) => o.id === nvdp.id)?.state).toBe("dropped");
    expect(await repliesTo(UNITS.nvdp, requireMessageId(mails.nvdp!))).toEqual([]);
    const text = await world.run(["explain", requireMessageId(mails.nvdp!)], "2026-11-19T09:05:00+07:00");
    expect(text.stdout).toContain("2026-11-19T09:00:00+07:00 — nguyen.thi.hoa: hủy thư trả lời");
    expect(text.stdout).toContain("[đã hủy]");
  }, 300_000);
});
