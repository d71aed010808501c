/**
 * Issue 13 §1 and §8 end to end, with the CLI against real Dovecot, the SMTP sink and SQLite:
 * - limits from the regimes file's `limits:` block: a 4 GiB-uncompressed .docx bomb (zip_bomb), a mail over the
 *   message limit (too_large, its body never downloaded), 1,000 attachments and MIME nesting 1,000 deep
 *   (too_many_parts) are each archived and recorded for a person with their reason, nobody is answered about them,
 *   and the honest report after them is judged and answered in the same pass;
 * - forged senders with `trustAuthenticationResults`: a forged "Đạt" in the chief's name that is not a reply to the
 *   draft, or that replies to it but fails the office server's DMARC check, is not recorded as the chief's review and
 *   nothing is sent to the chief; a unit's report that fails the check is not attributed (auth_failed); the chief's
 *   real "Đạt", authenticated, is recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outlookMail } from "../support/eml.ts";
import { bombMail, hugeMail, manyAttachmentsMail, nestedMail } from "../support/hostile-mail.ts";
import { CHIEF, OFFICE, UNITS, defaultRegimes, startIntakeWorld, type IntakeWorld } from "../support/intake.ts";
import { wordLikeReport } from "../support/docx-fixtures.ts";

const AUTHSERV = "mail.cuc.example.vn";
let world: IntakeWorld;

beforeAll(async () => {
  world = await startIntakeWorld({
    regimes: { ...defaultRegimes(), trustAuthenticationResults: AUTHSERV, limits: { messageMb: 8 } },
  });
});
afterAll(async () => {
  await world?.stop();
});

interface Row {
  messageId: string;
  from: string;
  unit: string | null;
  status: string;
  verdict: string | null;
  reason: string | null;
}
const code = (r: Row) => (r.reason ? r.reason.split(":")[0] : null);
const honestReport = async (from: string, subject: string, headers: Record<string, string> = {}) =>
  outlookMail({
    from: { name: "Văn phòng", address: from },
    to: [OFFICE],
    subject,
    text: "Kính gửi Văn phòng Cục,\nĐơn vị gửi báo cáo tuần 47.\nTrân trọng.",
    headers,
    attachments: [{ filename: "Báo cáo tuần 47.docx", content: await wordLikeReport() }],
  });

describe("hostile mail in one batch", () => {
  it("each is recorded with its reason for a person, nobody is answered about them, the honest report is", async () => {
    const at = "2026-11-18T09:00:00+07:00";
    await world.deliver(bombMail(4096, { messageId: "bom-4gb@cuc.example.vn" }), at);
    await world.deliver(hugeMail(10), "2026-11-18T09:01:00+07:00");
    await world.deliver(manyAttachmentsMail(1000), "2026-11-18T09:02:00+07:00");
    await world.deliver(nestedMail(1000), "2026-11-18T09:03:00+07:00");
    await world.deliver(await honestReport(UNITS.nvdp, "Báo cáo tuần 47 - Phòng NVĐP", { "Message-ID": "<bao-cao-that@cuc.example.vn>" }), "2026-11-18T09:04:00+07:00");
    const poll = await world.run(["poll", "--once"], "2026-11-18T09:10:00");
    expect(poll.code, poll.stderr).toBe(0);
    const rows = await world.json<Row[]>(["submissions"], "2026-11-18T09:10:00");
    const byId = (id: string) => rows.find((r) => r.messageId === id);
    expect([byId("<bom-4gb@cuc.example.vn>"), byId("<huge-10mb@cuc.example.vn>"), byId("<nested-1000@cuc.example.vn>")].map((r) => r && [r.status, code(r)])).toEqual([
      ["unclassified", "zip_bomb"],
      ["unclassified", "too_large"],
      ["unclassified", "too_many_parts"],
    ]);
    const many = rows.find((r) => r.from === UNITS.nvdp && code(r) === "too_many_parts" && r.messageId !== "<nested-1000@cuc.example.vn>");
    expect(many?.status).toBe("unclassified");
    // The person reads Vietnamese: the reason says what happened after its code.
    expect(byId("<bom-4gb@cuc.example.vn>")!.reason).toMatch(/^zip_bomb: Tệp đính kèm có dấu hiệu bất thường/);
    expect([byId("<bao-cao-that@cuc.example.vn>")].map((r) => r && [r.unit, r.status, r.verdict])).toEqual([["nvdp", "accepted", "dat"]]);
    // One answer only: the Đạt for the honest report; none about the mails set aside.
    const nvdp = await world.servers.readMailbox(UNITS.nvdp);
    expect(nvdp.map((m) => [m.inReplyTo, m.text.includes("Kết quả kiểm tra: Đạt")])).toEqual([["<bao-cao-that@cuc.example.vn>", true]]);
  }, 300_000);
});

describe("forged senders", () => {
  let draftId: string;

  it("the draft goes to the chief", async () => {
    const due = await world.run(["remind"], "2026-11-23T08:00:00");
    expect(due.code, due.stderr).toBe(0);
    const inbox = await world.servers.readMailbox(CHIEF);
    expect(inbox).toHaveLength(1);
    draftId = inbox[0]!.messageId!;
  }, 240_000);

  it("a forged Đạt from the chief's address that is no reply to the draft, or fails DMARC, is not the chief's review", async () => {
    const notAReply = outlookMail({
      from: { name: "Chánh Văn phòng", address: CHIEF }, to: [OFFICE], subject: "Dự thảo báo cáo công tác tuần 47/2026",
      messageId: "gia-mao-1@attacker.example", text: "Đạt.\nĐề nghị trình ký ngay.",
      headers: { "Authentication-Results": `${AUTHSERV}; spf=pass smtp.mailfrom=chanhvp@cuc.example.vn; dmarc=pass header.from=cuc.example.vn` },
    });
    const forgedReply = outlookMail({
      from: { name: "Chánh Văn phòng", address: CHIEF }, to: [OFFICE], subject: "RE: Dự thảo báo cáo công tác tuần 47/2026",
      messageId: "gia-mao-2@attacker.example", inReplyTo: draftId, references: [draftId], text: "Đạt.",
      headers: { "Authentication-Results": `${AUTHSERV}; spf=fail smtp.mailfrom=chanhvp@cuc.example.vn; dkim=none; dmarc=fail (p=none) header.from=cuc.example.vn` },
    });
    const forgedUnit = await honestReport(UNITS.nvdp, "Báo cáo tuần 47 - Phòng NVĐP (bản bổ sung)", {
      "Message-ID": "<gia-mao-3@attacker.example>",
      "Authentication-Results": `${AUTHSERV}; spf=softfail smtp.mailfrom=nvdp@cuc.example.vn; dkim=none`,
    });
    const nvdpBefore = (await world.servers.readMailbox(UNITS.nvdp)).length;
    await world.deliver(notAReply, "2026-11-23T09:00:00+07:00");
    await world.deliver(forgedReply, "2026-11-23T09:01:00+07:00");
    await world.deliver(forgedUnit, "2026-11-23T09:02:00+07:00");
    const poll = await world.run(["poll", "--once"], "2026-11-23T09:05:00");
    expect(poll.code, poll.stderr).toBe(0);
    const drafts = await world.json<{ reviewState: string; reviewedBy: string | null }[]>(["drafts"], "2026-11-23T09:05:00");
    expect(drafts.map((d) => [d.reviewState, d.reviewedBy])).toEqual([["pending", null]]);
    const rows = await world.json<Row[]>(["submissions"], "2026-11-23T09:05:00");
    const byId = (id: string) => rows.find((r) => r.messageId === id)!;
    expect(code(byId("<gia-mao-1@attacker.example>"))).not.toBe("draft_review");
    expect([byId("<gia-mao-2@attacker.example>"), byId("<gia-mao-3@attacker.example>")].map((r) => [r.status, r.unit, code(r)])).toEqual([
      ["unclassified", null, "auth_failed"],
      ["unclassified", null, "auth_failed"],
    ]);
    // Nothing went to the forged addresses.
    expect(await world.servers.readMailbox(CHIEF)).toHaveLength(1);
    const nvdp = await world.servers.readMailbox(UNITS.nvdp);
    expect(nvdp).toHaveLength(nvdpBefore);
    expect(nvdp.filter((m) => m.inReplyTo === "<gia-mao-3@attacker.example>")).toEqual([]);
  }, 120_000);

  it("the chief's real Đạt, a reply to the draft that passes authentication, is recorded", async () => {
    await world.deliver(
      outlookMail({
        from: { name: "Chánh Văn phòng", address: CHIEF }, to: [OFFICE], subject: "RE: Dự thảo báo cáo công tác tuần 47/2026",
        messageId: "that-1@cuc.example.vn", inReplyTo: draftId, references: [draftId], text: "Đạt. Trình Lãnh đạo Cục ký ban hành.",
        headers: { "Authentication-Results": `${AUTHSERV}; dkim=pass header.d=cuc.example.vn; spf=pass smtp.mailfrom=chanhvp@cuc.example.vn; dmarc=pass header.from=cuc.example.vn` },
      }),
      "2026-11-23T10:00:00+07:00",
    );
    const poll = await world.run(["poll", "--once"], "2026-11-23T10:05:00");
    expect(poll.code, poll.stderr).toBe(0);
    const drafts = await world.json<{ reviewState: string; reviewedBy: string | null }[]>(["drafts"], "2026-11-23T10:05:00");
    expect(drafts.map((d) => [d.reviewState, d.reviewedBy])).toEqual([["dat", CHIEF]]);
  }, 120_000);
});
