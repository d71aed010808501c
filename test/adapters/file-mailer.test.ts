/**
 * The file outbox of the embedded default: each mail one .eml with the bytes SMTP would carry, parsed back with
 * mailparser (Vietnamese subject and attachment names intact), one file per Message-ID however often it is sent.
 */
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OutgoingMail } from "../../src/app/ports.ts";
import { createFileMailer, messageIdFileStem } from "../../src/adapters/file-mailer.ts";
import { composeMail } from "../../src/adapters/mail-compose.ts";

const logger = pino({ level: "silent" });
const OFFICE = "Văn phòng Cục Thông tin đối ngoại <tonghop@cuc.example.vn>";
const TTBC = "ttbc@cuc.example.vn";
let base: string;
let seq = 0;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), "intake-outbox-"));
});
afterAll(async () => {
  if (base) await rm(base, { recursive: true, force: true });
});

function outgoing(over: Partial<OutgoingMail> = {}): OutgoingMail {
  seq += 1;
  return {
    messageId: `<intake-${seq}.20261127T091500@cuc.example.vn>`,
    from: OFFICE,
    to: ["Trung tâm Báo chí và Hợp tác truyền thông quốc tế <ttbc@cuc.example.vn>"],
    cc: ["Nguyễn Thị Hà <ha.nt@cuc.example.vn>"],
    subject: "Re: Báo cáo tháng 11/2026 - Trung tâm Báo chí và Hợp tác truyền thông quốc tế",
    text: "Kính gửi Trung tâm Báo chí và Hợp tác truyền thông quốc tế,\n\nKết quả kiểm tra: Không đạt.\nBáo cáo còn thiếu mục: Phương hướng, nhiệm vụ tháng tới.\n\nTrân trọng.",
    inReplyTo: "<CAF=ttbc-2026-11-27@mail.cuc.example.vn>",
    references: ["<CAF=ttbc-2026-11-27@mail.cuc.example.vn>"],
    headers: { "Auto-Submitted": "auto-replied", "X-Intake-Bot": "bao-cao-intake/0.1; qt-vp-03" },
    attachments: [],
    date: new Date("2026-11-27T02:15:00Z"),
    ...over,
  };
}

function sameButBoundaries(a: Buffer, b: Buffer): boolean {
  const norm = (x: Buffer) => x.toString("latin1").replace(/_NmP-[0-9a-f]+-Part_\d+/g, "BOUNDARY");
  return norm(a) === norm(b) && norm(a).includes("BOUNDARY");
}

async function freshDir(): Promise<string> {
  seq += 1;
  return path.join(base, `outbox-${seq}`);
}

describe("createFileMailer", () => {
  it("writes one .eml named by time and Message-ID, byte-identical to what SMTP would carry, that parses back intact", async () => {
    const dir = await freshDir();
    const filePath = path.join(base, "Dự thảo báo cáo tháng 11.docx");
    const docx = Buffer.from("PK\u0003\u0004 tệp dự thảo giả lập", "utf8");
    await writeFile(filePath, docx);
    const mail = outgoing({
      messageId: "<draft-2026-11.1@intake.cuc.example.vn>",
      subject: "Dự thảo Báo cáo kết quả công tác tháng 11/2026 của Cục Thông tin đối ngoại",
      attachments: [
        { filename: "Dự thảo Báo cáo tháng 11-2026 - Cục TTĐN.docx", path: filePath },
        { filename: "Bảng tổng hợp tình hình gửi báo cáo.csv", contentType: "text/csv", contentBase64: Buffer.from("Đơn vị;Tình trạng\nTTBC;Đúng hạn\n").toString("base64") },
      ],
    });
    const mailer = createFileMailer({ dir, logger });
    const result = await mailer.send(mail);

    const files = readdirSync(dir);
    expect(files).toEqual(["20261127T021500Z-draft-2026-11.1@intake.cuc.example.vn.eml"]);
    const bytes = readFileSync(path.join(dir, files[0]!));
    expect(bytes.equals(result.raw)).toBe(true);
    // The SMTP mailer's bytes for the same mail, but for the random MIME boundaries.
    expect(sameButBoundaries(bytes, await composeMail(mail))).toBe(true);
    expect(result.accepted).toEqual(["ttbc@cuc.example.vn", "ha.nt@cuc.example.vn"]);
    expect(result.rejected).toEqual([]);

    const parsed = await simpleParser(bytes);
    expect(parsed.subject).toBe("Dự thảo Báo cáo kết quả công tác tháng 11/2026 của Cục Thông tin đối ngoại");
    expect(parsed.messageId).toBe("<draft-2026-11.1@intake.cuc.example.vn>");
    expect(parsed.inReplyTo).toBe("<CAF=ttbc-2026-11-27@mail.cuc.example.vn>");
    expect(parsed.from?.value[0]).toEqual({ name: "Văn phòng Cục Thông tin đối ngoại", address: "tonghop@cuc.example.vn" });
    expect(parsed.headers.get("auto-submitted")).toBe("auto-replied");
    expect(parsed.text).toContain("Kết quả kiểm tra: Không đạt.");
    expect(parsed.date?.toISOString()).toBe("2026-11-27T02:15:00.000Z");
    expect(parsed.attachments.map((a) => [a.filename?.normalize("NFC"), a.content.length])).toEqual([
      ["Dự thảo Báo cáo tháng 11-2026 - Cục TTĐN.docx", docx.length],
      ["Bảng tổng hợp tình hình gửi báo cáo.csv", Buffer.byteLength("Đơn vị;Tình trạng\nTTBC;Đúng hạn\n")],
    ]);
    expect(parsed.attachments[0]!.content.equals(docx)).toBe(true);
  });

  it("the same Message-ID sent twice (a retry after a crash) leaves one file and returns its bytes", async () => {
    const dir = await freshDir();
    const mail = outgoing({ to: [TTBC], cc: [] });
    const first = await createFileMailer({ dir, logger }).send(mail);
    // A new process, the mail queued once but its Date taken again: still one file.
    const second = await createFileMailer({ dir, logger }).send({ ...mail, date: new Date("2026-11-27T02:16:30Z") });
    expect(readdirSync(dir)).toHaveLength(1);
    expect(second.raw.equals(first.raw)).toBe(true);
    expect(second.accepted).toEqual([TTBC]);

    await createFileMailer({ dir, logger }).send(outgoing({ to: [TTBC], cc: [] }));
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it("leaves no temporary file beside the mail", async () => {
    const dir = await freshDir();
    const mailer = createFileMailer({ dir, logger });
    for (let i = 0; i < 5; i++) await mailer.send(outgoing({ to: [TTBC], cc: [] }));
    const files = readdirSync(dir);
    expect(files).toHaveLength(5);
    expect(files.every((f) => /^\d{8}T\d{6}Z-intake-\d+\.20261127T091500@cuc\.example\.vn\.eml$/.test(f))).toBe(true);
  });

  it("a missing attachment is an EDOCUMENT error and writes nothing", async () => {
    const dir = await freshDir();
    const mailer = createFileMailer({ dir, logger });
    const mail = outgoing({ attachments: [{ filename: "Báo cáo.docx", path: path.join(base, "khong-co.docx") }] });
    await expect(mailer.send(mail)).rejects.toMatchObject({ code: "EDOCUMENT" });
    expect(() => readdirSync(dir)).toThrow();
  });
});

describe("messageIdFileStem", () => {
  it.each([
    ["<intake-7.20261127T091500@cuc.example.vn>", "intake-7.20261127T091500@cuc.example.vn"],
    ["intake-7@cuc.example.vn", "intake-7@cuc.example.vn"],
    ["<CAF=ttbc+x@mail.cuc.example.vn>", "CAF=ttbc+x@mail.cuc.example.vn"],
  ])("%s → %s", (id, stem) => {
    expect(messageIdFileStem(id)).toBe(stem);
  });

  it("replaces what a file name cannot hold and keeps two ids apart by a hash", () => {
    const a = messageIdFileStem("<a/b@x>");
    const b = messageIdFileStem("<a:b@x>");
    expect(a).toMatch(/^a_b@x~[0-9a-f]{10}$/);
    expect(b).toMatch(/^a_b@x~[0-9a-f]{10}$/);
    expect(a).not.toBe(b);
    expect(messageIdFileStem("<../../etc/passwd@x>")).not.toContain("/");
    expect(messageIdFileStem(`<${"x".repeat(400)}@x>`).length).toBeLessThanOrEqual(131);
  });
});
