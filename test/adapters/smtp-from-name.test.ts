/**
 * MAIL_FROM may carry a display name (contract.md: it is the From header of what the bot sends): the real SMTP
 * server accepts the envelope and the unit's mailbox shows the Vietnamese name and the office address.
 */
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSmtpMailer } from "../../src/adapters/smtp-mailer.ts";
import type { OutgoingMail } from "../../src/app/ports.ts";
import { startMailServers, type MailServers } from "../support/mail-servers.ts";

const OFFICE = "tonghop@cuc.example.vn";
const NVDP = "nvdp@cuc.example.vn";
let servers: MailServers;
beforeAll(async () => {
  servers = await startMailServers({ users: [OFFICE, NVDP] });
});
afterAll(async () => {
  await servers?.stop();
});

describe("a From header with a display name", () => {
  it("is sent with the name encoded and the office address as sender", async () => {
    const mailer = createSmtpMailer({ host: "127.0.0.1", port: servers.smtp.port, secure: false, logger: pino({ level: "silent" }), connectionTimeoutMs: 3_000 });
    const mail: OutgoingMail = {
      messageId: "<reply.bc47-nvdp@intake.cuc.example.vn>", from: "Văn phòng Cục Thông tin đối ngoại <tonghop@cuc.example.vn>", to: [NVDP], cc: [],
      subject: "Re: Báo cáo tuần 47 - Phòng NVĐP", text: "Văn phòng Cục đã nhận được báo cáo tuần 47 của Phòng.", headers: { "Auto-Submitted": "auto-replied" },
      attachments: [], date: new Date("2026-11-18T10:13:00+07:00"),
    };
    try {
      expect((await mailer.send(mail)).accepted).toEqual([NVDP]);
    } finally {
      await mailer.close();
    }
    const [got] = await servers.readMailbox(NVDP);
    expect(got?.from).toBe(OFFICE);
    expect(got?.headers["from"]).toBe('"Văn phòng Cục Thông tin đối ngoại" <tonghop@cuc.example.vn>');
    expect(got?.source.toString("latin1")).toMatch(/^From: =\?UTF-8\?/m);
  });
});
