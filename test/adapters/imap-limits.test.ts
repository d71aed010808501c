/**
 * The IMAP mailbox under the size limit (issue 13 §1), against real Dovecot: RFC822.SIZE is read before any body,
 * a message over the limit is handed over as a header-only stub the parser records as `too_large`, the others
 * come whole and in order, and bodies are fetched in groups bounded by bytes (memory of the test process stays
 * far below the mailbox's size). \Seen is never set.
 */
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createImapMailbox, type ImapRawMessage } from "../../src/adapters/imap-mailbox.ts";
import { parseMessage } from "../../src/adapters/parse-message.ts";
import { startDovecot, type Dovecot } from "../support/dovecot.ts";
import { buildMail } from "../support/eml.ts";
import { hugeMail } from "../support/hostile-mail.ts";

const logger = pino({ level: "silent" });
let dovecot: Dovecot;
const USER = "vanphong.gioihan@cuc.example.vn";
const AT = new Date("2026-11-18T10:12:00+07:00");

beforeAll(async () => {
  dovecot = await startDovecot({ users: [USER] });
});
afterAll(async () => {
  await dovecot?.stop();
});

const report = (unit: string, n: number): Buffer =>
  buildMail({
    from: `${unit}@cuc.example.vn`,
    to: [USER],
    subject: `Báo cáo tuần 47 - ${unit.toUpperCase()} (${n})`,
    messageId: `bao-cao-${unit}-${n}@cuc.example.vn`,
    text: "Kính gửi Văn phòng Cục,\nĐơn vị gửi báo cáo tuần 47.",
    html: false,
    attachments: [{ filename: `Phụ lục ${n}.bin`, content: Buffer.alloc(3 * 1024 * 1024, n) }],
  });

describe("IMAP fetch under the message size limit", () => {
  it("hands over a 100 MB message as a too_large stub, the others whole and in order, without \\Seen", async () => {
    const uids = [
      await dovecot.append(USER, report("nvdp", 1), { internalDate: AT }),
      await dovecot.append(USER, hugeMail(100), { internalDate: AT }),
      await dovecot.append(USER, report("ttbc", 2), { internalDate: AT }),
      await dovecot.append(USER, report("vp", 3), { internalDate: AT }),
    ];
    const box = createImapMailbox({ host: dovecot.host, port: dovecot.port, secure: false, user: USER, password: dovecot.passwordOf(USER), mailbox: "INBOX", logger, fetchGroupBytes: 5 * 1024 * 1024 });
    try {
      await box.open();
      const rssBefore = process.memoryUsage().rss;
      const got: ImapRawMessage[] = [];
      let peakRss = rssBefore;
      for await (const m of box.fetch(uids.map(String))) {
        got.push(m as ImapRawMessage);
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      }
      expect(got.map((m) => m.uid)).toEqual(uids);
      const [first, huge, third] = got;
      expect(huge!.bodyOmitted).toBe(true);
      expect(huge!.size).toBeGreaterThan(100 * 1024 * 1024);
      expect(huge!.source.length).toBeLessThan(4096);
      expect(first!.bodyOmitted).toBeUndefined();
      expect(first!.source.length).toBe(first!.size);
      expect(third!.source.length).toBe(third!.size);
      // The 100 MB body never came into this process.
      expect(peakRss - rssBefore).toBeLessThan(60 * 1024 * 1024);

      const facts = await parseMessage(huge!.source, huge!.internalDate);
      expect(facts.problems).toEqual([expect.stringMatching(/^too_large: message of \d+ bytes on the server, over the 31457280-byte limit; not downloaded$/)]);
      expect(facts).toMatchObject({ from: "nvdp@cuc.example.vn", messageId: "<huge-100mb@cuc.example.vn>", subject: "Báo cáo tuần 47 - Phòng NVĐP (kèm video hội nghị)" });
      const normal = await parseMessage(third!.source, third!.internalDate);
      expect(normal.problems).toEqual([]);
      expect(normal.attachments.map((a) => a.filename)).toEqual(["Phụ lục 2.bin"]);
    } finally {
      await box.close();
    }
    const stored = await dovecot.listMessages(USER);
    expect(stored.every((m) => !m.flags.includes("\\Seen"))).toBe(true);
  });
});
