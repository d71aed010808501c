import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OutgoingMail } from "../../src/app/ports.ts";
import { IntakeError } from "../../src/adapters/errors.ts";
import { createSmtpMailer, fromSmtpError } from "../../src/adapters/smtp-mailer.ts";
import { startMailServers, type MailServers } from "../support/mail-servers.ts";

const OFFICE = "vanphong.tonghop@cuc.example.vn";
const NVDP = "nvdp@cuc.example.vn";
const TTBC = "ttbc@cuc.example.vn";
const logger = pino({ level: "silent" });

let servers: MailServers;
let fileDir: string;

beforeAll(async () => {
  servers = await startMailServers({ users: [OFFICE, NVDP] });
  fileDir = await mkdtemp(join(tmpdir(), "intake-mailer-"));
});
afterAll(async () => {
  await servers?.stop();
  if (fileDir) await rm(fileDir, { recursive: true, force: true });
});

function mailer(port = servers.smtp.port) {
  return createSmtpMailer({ host: "127.0.0.1", port, secure: false, logger, connectionTimeoutMs: 3_000 });
}

let seq = 0;
function outgoing(over: Partial<OutgoingMail> = {}): OutgoingMail {
  seq += 1;
  return {
    messageId: `<intake-${seq}.20261118T101500@cuc.example.vn>`,
    from: OFFICE,
    to: [NVDP],
    cc: [],
    subject: "Phản hồi: Báo cáo tuần 47 - Phòng Nghiệp vụ - Điều phối: Đạt",
    text: "Kính gửi Phòng Nghiệp vụ - Điều phối,\n\nVăn phòng đã nhận báo cáo tuần 47/2026 của đơn vị. Kết quả kiểm tra: Đạt.\n\nTrân trọng.",
    headers: { "Auto-Submitted": "auto-replied", "X-Intake-Bot": "bao-cao-intake/0.1; qt-vp-03" },
    attachments: [],
    date: new Date("2026-11-18T03:15:00Z"),
    ...over,
  };
}

describe("createSmtpMailer against smtp-server delivering into Dovecot", () => {
  it("delivers a Vietnamese reply with threading headers and attachments intact, byte-identical to the returned raw", async () => {
    const filePath = join(fileDir, "ke-hoach.pdf");
    const pdfBytes = Buffer.from("%PDF-1.4\n% Kế hoạch công tác tháng 12\n", "utf8");
    await writeFile(filePath, pdfBytes);
    const docx = Buffer.from("PK\u0003\u0004 giả lập tệp docx", "utf8");
    const mail = outgoing({
      subject: "Phản hồi: Báo cáo tháng 11/2026 - Trung tâm Báo chí và Hợp tác truyền thông quốc tế: Không đạt",
      cc: [TTBC],
      inReplyTo: "<CAF=ttbc-2026-11-27@mail.cuc.example.vn>",
      references: ["<CAF=ttbc-2026-11-20@mail.cuc.example.vn>", "<CAF=ttbc-2026-11-27@mail.cuc.example.vn>"],
      attachments: [
        { filename: "Báo cáo tháng 11 - TTBC (bản nhận xét).docx", contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", contentBase64: docx.toString("base64") },
        { filename: "Kế hoạch công tác tháng 12 - Văn phòng.pdf", contentType: "application/pdf", path: filePath },
      ],
    });
    const m = mailer();
    const before = servers.smtp.received.length;
    const res = await m.send(mail);
    await m.close();

    expect(res.accepted.sort()).toEqual([NVDP, TTBC].sort());
    expect(res.rejected).toEqual([]);
    const got = servers.smtp.received[before];
    expect(got?.to.sort()).toEqual([NVDP, TTBC].sort());
    expect(got?.from).toBe(OFFICE);
    expect(got?.raw.equals(res.raw)).toBe(true);

    for (const user of [NVDP, TTBC]) {
      const inbox = await servers.readMailbox(user);
      const msg = inbox.find((x) => x.messageId === mail.messageId);
      expect(msg, `${user} received ${mail.messageId}`).toBeDefined();
      expect(msg?.subject).toBe(mail.subject);
      expect(msg?.from).toBe(OFFICE);
      expect(msg?.to).toEqual([NVDP]);
      expect(msg?.cc).toEqual([TTBC]);
      expect(msg?.inReplyTo).toBe("<CAF=ttbc-2026-11-27@mail.cuc.example.vn>");
      expect(msg?.references).toEqual(mail.references);
      expect(msg?.headers["auto-submitted"]).toBe("auto-replied");
      expect(msg?.headers["x-intake-bot"]).toBe("bao-cao-intake/0.1; qt-vp-03");
      expect(msg?.date?.toISOString()).toBe("2026-11-18T03:15:00.000Z");
      expect(msg?.text.trim()).toBe(mail.text);
      expect(msg?.attachments.map((a) => a.filename)).toEqual(mail.attachments.map((a) => a.filename));
      expect(msg?.attachments[0]?.content.equals(docx)).toBe(true);
      expect(msg?.attachments[1]?.content.equals(pdfBytes)).toBe(true);
      expect(msg?.flags).not.toContain("\\Seen");
    }
  });

  it("accepts a Message-ID given without angle brackets and keeps it", async () => {
    const m = mailer();
    const res = await m.send(outgoing({ messageId: "intake-bare-7@cuc.example.vn", subject: "Nhắc nộp báo cáo tuần 48" }));
    await m.close();
    expect(res.raw.toString("utf8")).toMatch(/^Message-ID: <intake-bare-7@cuc\.example\.vn>\r$/m);
    const inbox = await servers.readMailbox(NVDP);
    expect(inbox.some((x) => x.messageId === "<intake-bare-7@cuc.example.vn>")).toBe(true);
  });

  it("reports a refused recipient beside an accepted one, and fails with EREJECTED when all are refused", async () => {
    const refused = "khongtontai@cuc.example.vn";
    servers.smtp.rejectRecipients.add(refused);
    const m = mailer();
    try {
      const res = await m.send(outgoing({ to: [NVDP, refused] }));
      expect(res.accepted).toEqual([NVDP]);
      expect(res.rejected).toEqual([refused]);

      const err = await m.send(outgoing({ to: [refused] })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(IntakeError);
      expect((err as IntakeError).code).toBe("EREJECTED");
      expect((err as IntakeError).transient).toBe(false);
      expect((err as IntakeError).responseCode).toBe(550);
    } finally {
      servers.smtp.rejectRecipients.delete(refused);
      await m.close();
    }
  });

  it("fails fast with a transient ECONNECTION while the SMTP server is down, and sends again once it is back", async () => {
    const m = mailer();
    const mail = outgoing({ subject: "Đôn đốc: Báo cáo tuần 47 chưa nhận được" });
    await servers.smtp.stop();
    try {
      const started = Date.now();
      const err = await m.send(mail).catch((e: unknown) => e);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(err).toBeInstanceOf(IntakeError);
      expect((err as IntakeError).code).toBe("ECONNECTION");
      expect((err as IntakeError).transient).toBe(true);
    } finally {
      await servers.smtp.start();
    }
    const before = servers.smtp.received.length;
    const res = await m.send(mail);
    await m.close();
    expect(res.accepted).toEqual([NVDP]);
    expect(servers.smtp.received.length).toBe(before + 1);
    const inbox = await servers.readMailbox(NVDP);
    expect(inbox.filter((x) => x.messageId === mail.messageId)).toHaveLength(1);
  });

  it("fails with EDOCUMENT and sends nothing when an attachment file is missing", async () => {
    const m = mailer();
    const before = servers.smtp.received.length;
    const err = await m
      .send(outgoing({ attachments: [{ filename: "Báo cáo năm 2026.docx", path: join(fileDir, "khong-co.docx") }] }))
      .catch((e: unknown) => e);
    await m.close();
    expect(err).toBeInstanceOf(IntakeError);
    expect((err as IntakeError).code).toBe("EDOCUMENT");
    expect(servers.smtp.received.length).toBe(before);
  });
});

describe("fromSmtpError", () => {
  const cases: Array<{ name: string; err: object; code: string; transient: boolean }> = [
    { name: "connection refused", err: { code: "ESOCKET", message: "connect ECONNREFUSED 127.0.0.1:25" }, code: "ECONNECTION", transient: true },
    { name: "connection dropped", err: { code: "ECONNECTION", message: "Connection closed unexpectedly" }, code: "ECONNECTION", transient: true },
    { name: "DNS failure", err: { code: "EDNS", message: "getaddrinfo ENOTFOUND mail.cuc.example.vn" }, code: "ECONNECTION", transient: true },
    { name: "greeting timeout", err: { code: "ETIMEDOUT", message: "Greeting never received" }, code: "ETIMEDOUT", transient: true },
    { name: "bad password", err: { code: "EAUTH", responseCode: 535, message: "Invalid login: 535 5.7.8 Authentication failed" }, code: "EAUTH", transient: false },
    { name: "all recipients refused", err: { code: "EENVELOPE", responseCode: 550, message: "No recipients defined" }, code: "EREJECTED", transient: false },
    { name: "mailbox full (4xx)", err: { code: "EENVELOPE", responseCode: 452, message: "452 4.2.2 Mailbox full" }, code: "EREJECTED", transient: true },
    { name: "message refused after DATA", err: { code: "EMESSAGE", responseCode: 554, message: "554 5.7.1 Nội dung bị từ chối" }, code: "EREJECTED", transient: false },
    { name: "greylisted", err: { code: "EMESSAGE", responseCode: 451, message: "451 4.7.1 Greylisted, try again" }, code: "EREJECTED", transient: true },
    { name: "service closing (421)", err: { code: "EPROTOCOL", responseCode: 421, message: "421 4.3.2 Service shutting down" }, code: "ESMTP", transient: true },
    { name: "STARTTLS certificate", err: { code: "ETLS", message: "self-signed certificate" }, code: "ESMTP", transient: false },
    { name: "raw Node refusal", err: { code: "ECONNREFUSED", message: "connect ECONNREFUSED" }, code: "ECONNECTION", transient: true },
  ];
  it.each(cases)("$name → $code", ({ err, code, transient }) => {
    const e = fromSmtpError(Object.assign(new Error("x"), err));
    expect(e.code).toBe(code);
    expect(e.transient).toBe(transient);
    expect((e.cause as Error).message).toBe((err as { message: string }).message);
  });
});
