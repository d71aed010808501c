import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Mailbox, RawMessage } from "../../src/app/ports.ts";
import { IntakeError, fromImapError } from "../../src/adapters/errors.ts";
import { createImapMailbox, createImapSentFolder, type ImapMailboxOptions } from "../../src/adapters/imap-mailbox.ts";
import { freePort, startDovecot, type Dovecot } from "../support/dovecot.ts";

const logger = pino({ level: "silent" });
let dovecot: Dovecot;
let userSeq = 0;

beforeAll(async () => {
  dovecot = await startDovecot();
});
afterAll(async () => {
  await dovecot?.stop();
});

/** A fresh officer mailbox per test, so tests do not see each other's mail. */
async function freshUser(): Promise<string> {
  userSeq += 1;
  const user = `vanphong${userSeq}@cuc.example.vn`;
  await dovecot.addUser(user);
  return user;
}

function mailbox(user: string, over: Partial<ImapMailboxOptions> = {}): Mailbox {
  return createImapMailbox({
    host: dovecot.host,
    port: dovecot.port,
    secure: false,
    user,
    password: dovecot.passwordOf(user),
    mailbox: "INBOX",
    logger,
    reconnectMinMs: 200,
    reconnectMaxMs: 1_000,
    ...over,
  });
}

function encodeWord(s: string): string {
  return `=?UTF-8?B?${Buffer.from(s, "utf8").toString("base64")}?=`;
}

/** A unit's report mail as a mail client would write it (Date header deliberately unlike the receipt time). */
function reportMail(from: string, subject: string, body: string, id: string): Buffer {
  return Buffer.from(
    [
      `From: ${encodeWord("Phòng Nghiệp vụ - Điều phối")} <${from}>`,
      "To: vanphong.tonghop@cuc.example.vn",
      `Subject: ${encodeWord(subject)}`,
      "Date: Mon, 16 Nov 2026 08:00:00 +0700",
      `Message-ID: <${id}@mail.cuc.example.vn>`,
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8",
      "Content-Transfer-Encoding: 8bit",
      "",
      body,
      "",
    ].join("\r\n"),
    "utf8",
  );
}

async function collect(it: AsyncIterable<RawMessage>): Promise<RawMessage[]> {
  const out: RawMessage[] = [];
  for await (const m of it) out.push(m);
  return out;
}

async function expectCode(p: Promise<unknown>, code: string): Promise<IntakeError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(IntakeError);
  expect((err as IntakeError).code).toBe(code);
  return err as IntakeError;
}

const REPORTS = [
  { from: "nvdp@cuc.example.vn", subject: "Báo cáo tuần 47 - Phòng NVĐP", at: "2026-11-19T07:59:59Z", body: "I. Kết quả thực hiện nhiệm vụ\n1. Tham mưu kế hoạch thông tin đối ngoại." },
  { from: "ttbc@cuc.example.vn", subject: "Báo cáo công tác tháng 11/2026 - TTBC", at: "2026-11-27T16:59:59Z", body: "II. Khó khăn, vướng mắc\nKhông có." },
  { from: "vp@cuc.example.vn", subject: "V/v gửi báo cáo sơ kết 6 tháng đầu năm 2026", at: "2026-06-29T01:30:00Z", body: "Kế hoạch công tác 6 tháng cuối năm 2026." },
] as const;

describe("createImapMailbox against Dovecot", () => {
  it("lists UIDs and fetches sources in the order asked, with INTERNALDATE kept and no flag touched", async () => {
    const user = await freshUser();
    const uids: number[] = [];
    for (const [i, r] of REPORTS.entries()) {
      uids.push(await dovecot.append(user, reportMail(r.from, r.subject, r.body, `r${i}`), { internalDate: new Date(r.at) }));
    }
    // The officer has already read the second one in their mail client.
    await dovecot.append(user, reportMail("ttdn@cuc.example.vn", "Báo cáo quý IV/2026 - TTĐN", "Kiến nghị, đề xuất: không.", "r3"), {
      internalDate: new Date("2026-12-27T02:00:00Z"),
      flags: ["\\Seen", "\\Flagged"],
    });
    const before = await dovecot.listMessages(user);

    const mb = mailbox(user);
    try {
      const { uidValidity } = await mb.open();
      expect(uidValidity).toBeGreaterThan(0);
      const keys = await mb.listKeys();
      expect(keys).toEqual(before.map((m) => String(m.uid)));
      expect(keys.slice(0, 3)).toEqual(uids.map(String));

      const asked = [keys[2]!, "99999", keys[0]!, keys[3]!, keys[1]!];
      const got = await collect(mb.fetch(asked));
      expect(got.map((m) => m.key)).toEqual([keys[2], keys[0], keys[3], keys[1]]);
      for (const m of got) {
        const stored = before.find((s) => String(s.uid) === m.key)!;
        expect(m.mailbox).toBe("INBOX");
        expect(m.uid).toBe(stored.uid);
        expect(m.uidValidity).toBe(uidValidity);
        expect(m.internalDate.toISOString()).toBe(stored.internalDate.toISOString());
        expect(m.source.equals(stored.source)).toBe(true);
      }
      expect(got[1]!.internalDate.toISOString()).toBe("2026-11-19T07:59:59.000Z");
      expect(got[0]!.source.toString("utf8")).toContain("Kế hoạch công tác 6 tháng cuối năm 2026.");
    } finally {
      await mb.close();
    }
    const after = await dovecot.listMessages(user);
    expect(after.map((m) => ({ uid: m.uid, flags: m.flags }))).toEqual(before.map((m) => ({ uid: m.uid, flags: m.flags })));
    expect(after.filter((m) => m.flags.includes("\\Seen"))).toHaveLength(1);
  });

  it("mirrors the ledger as $IntakeDone without touching other flags, and writes nothing when the keyword is off", async () => {
    const user = await freshUser();
    const uid1 = await dovecot.append(user, reportMail("nvdp@cuc.example.vn", "Báo cáo tuần 48", "Kết quả công tác tuần.", "k1"), { internalDate: new Date("2026-11-26T03:00:00Z") });
    const uid2 = await dovecot.append(user, reportMail("vp@cuc.example.vn", "Báo cáo tuần 48 - VP", "Kết quả công tác tuần.", "k2"), {
      internalDate: new Date("2026-11-26T04:00:00Z"),
      flags: ["\\Seen"],
    });
    const mb = mailbox(user);
    await mb.open();
    await mb.markProcessed!(String(uid1));
    await mb.markProcessed!(String(uid2));
    await mb.markProcessed!("424242"); // vanished: no error
    await mb.close();
    const flags = Object.fromEntries((await dovecot.listMessages(user)).map((m) => [m.uid, m.flags]));
    expect(flags[uid1]).toEqual(["$IntakeDone"]);
    expect(flags[uid2]).toEqual(["$IntakeDone", "\\Seen"]);

    const uid3 = await dovecot.append(user, reportMail("ttbc@cuc.example.vn", "Báo cáo tuần 48 - TTBC", "Kế hoạch tuần tới.", "k3"), { internalDate: new Date("2026-11-26T05:00:00Z") });
    const readOnly = mailbox(user, { keyword: null });
    await readOnly.open();
    await readOnly.markProcessed!(String(uid3));
    expect((await collect(readOnly.fetch([String(uid3)]))).map((m) => m.uid)).toEqual([uid3]);
    await readOnly.close();
    expect((await dovecot.listMessages(user)).find((m) => m.uid === uid3)?.flags).toEqual([]);
  });

  it("wakes within 2 s of an APPEND from another connection (IDLE), times out when nothing comes, and honours abort", async () => {
    const user = await freshUser();
    const mb = mailbox(user);
    try {
      await mb.open();
      expect(await mb.listKeys()).toEqual([]);

      let t = Date.now();
      await mb.waitForChange(400);
      expect(Date.now() - t).toBeGreaterThanOrEqual(350);

      const ac = new AbortController();
      t = Date.now();
      setTimeout(() => ac.abort(), 100);
      await mb.waitForChange(30_000, ac.signal);
      expect(Date.now() - t).toBeLessThan(1_000);

      t = Date.now();
      const waiting = mb.waitForChange(30_000);
      await new Promise((r) => setTimeout(r, 300));
      const uid = await dovecot.append(user, reportMail("nvdp@cuc.example.vn", "Báo cáo tuần 47 (bổ sung)", "Bổ sung mục Kế hoạch tuần tới.", "i1"), {
        internalDate: new Date("2026-11-19T07:30:00Z"),
      });
      await waiting;
      expect(Date.now() - t).toBeLessThan(2_300);
      expect(await mb.listKeys()).toEqual([String(uid)]);
    } finally {
      await mb.close();
    }
  });

  it("notices new mail by NOOP polling when IDLE is turned off", async () => {
    const user = await freshUser();
    const mb = mailbox(user, { idle: false, pollIntervalMs: 250 });
    try {
      await mb.open();
      expect(await mb.listKeys()).toEqual([]);
      const t = Date.now();
      const waiting = mb.waitForChange(20_000);
      await dovecot.append(user, reportMail("ttdn@cuc.example.vn", "Báo cáo năm 2026 - TTĐN", "Phương hướng, nhiệm vụ năm 2027.", "p1"), {
        internalDate: new Date("2026-11-19T09:00:00Z"),
      });
      await waiting;
      expect(Date.now() - t).toBeLessThan(2_000);
      expect(await mb.listKeys()).toHaveLength(1);
    } finally {
      await mb.close();
    }
  });

  it("reports ECONNECTION while Dovecot is down and reconnects on its own once it is back", async () => {
    const user = await freshUser();
    await dovecot.append(user, reportMail("nvdp@cuc.example.vn", "Báo cáo tháng 11/2026", "Kết quả thực hiện.", "d1"), { internalDate: new Date("2026-11-25T02:00:00Z") });
    const mb = mailbox(user);
    try {
      const first = await mb.open();
      expect(await mb.listKeys()).toHaveLength(1);

      await dovecot.halt();
      // The dropped connection counts as a change: the daemon loop wakes up at once.
      const t = Date.now();
      await mb.waitForChange(10_000);
      expect(Date.now() - t).toBeLessThan(5_000);
      const down = await expectCode(mb.listKeys(), "ECONNECTION");
      expect(down.transient).toBe(true);

      await dovecot.start();
      const uid = await dovecot.append(user, reportMail("vp@cuc.example.vn", "Báo cáo tháng 11/2026 - VP", "Kế hoạch tháng 12.", "d2"), {
        internalDate: new Date("2026-11-26T02:00:00Z"),
      });
      // Background reconnect (backoff capped at 1 s here) wakes the waiter; no open() needed.
      const deadline = Date.now() + 10_000;
      let keys: string[] = [];
      while (Date.now() < deadline) {
        await mb.waitForChange(2_000);
        keys = await mb.listKeys().catch(() => []);
        if (keys.includes(String(uid))) break;
      }
      expect(keys).toEqual(["1", String(uid)]);
      expect((await mb.open()).uidValidity).toBe(first.uidValidity);
      const [m] = await collect(mb.fetch([String(uid)]));
      expect(m?.internalDate.toISOString()).toBe("2026-11-26T02:00:00.000Z");
    } finally {
      await mb.close();
    }
  });

  it("maps failures to the catalogue: wrong password, missing folder, nothing listening, closed", async () => {
    const user = await freshUser();
    const bad = mailbox(user, { password: "sai-mat-khau" });
    const auth = await expectCode(bad.open(), "EAUTH");
    expect(auth.transient).toBe(false);
    await bad.close();

    const missing = mailbox(user, { mailbox: "Báo cáo đơn vị" });
    await expectCode(missing.open(), "ENOMAILBOX");
    await missing.close();

    const nobody = mailbox(user, { port: await freePort() });
    const t = Date.now();
    const refused = await expectCode(nobody.open(), "ECONNECTION");
    expect(refused.transient).toBe(true);
    expect(Date.now() - t).toBeLessThan(2_000);
    await nobody.close();

    const closed = mailbox(user);
    await closed.open();
    await closed.close();
    await expectCode(closed.listKeys(), "ECLOSED");
  });
});

describe("createImapSentFolder against Dovecot", () => {
  it("appends the raw reply to Sent as \\Seen with the given date, byte for byte", async () => {
    const user = await freshUser();
    const sent = createImapSentFolder({ host: dovecot.host, port: dovecot.port, secure: false, user, password: dovecot.passwordOf(user), mailbox: "Sent", logger });
    const raw = reportMail(user, "Phản hồi: Báo cáo tuần 47 - Phòng NVĐP: Đạt", "Văn phòng đã nhận báo cáo. Kết quả kiểm tra: Đạt.", "s1");
    await sent.append(raw, new Date("2026-11-19T03:15:00Z"));
    const [m, ...rest] = await dovecot.listMessages(user, "Sent");
    expect(rest).toEqual([]);
    expect(m?.flags).toEqual(["\\Seen"]);
    expect(m?.internalDate.toISOString()).toBe("2026-11-19T03:15:00.000Z");
    expect(m?.source.equals(raw)).toBe(true);
    expect(m?.subject).toBe("Phản hồi: Báo cáo tuần 47 - Phòng NVĐP: Đạt");
    expect(await dovecot.listMessages(user)).toEqual([]);

    const wrong = createImapSentFolder({ host: dovecot.host, port: dovecot.port, secure: false, user, password: dovecot.passwordOf(user), mailbox: "Thư đã gửi", logger });
    await expectCode(wrong.append(raw, new Date()), "ENOMAILBOX");
  });
});

describe("fromImapError", () => {
  const cases: Array<{ name: string; err: object; code: string; transient: boolean }> = [
    { name: "refused", err: { code: "ECONNREFUSED", message: "connect ECONNREFUSED 127.0.0.1:993" }, code: "ECONNECTION", transient: true },
    { name: "dropped", err: { code: "NoConnection", message: "Connection not available" }, code: "ECONNECTION", transient: true },
    { name: "closed", err: { code: "EConnectionClosed", message: "Connection closed" }, code: "ECONNECTION", transient: true },
    { name: "greeting timeout", err: { code: "GREETING_TIMEOUT", message: "Failed to receive greeting" }, code: "ETIMEDOUT", transient: true },
    { name: "login refused", err: { authenticationFailed: true, serverResponseCode: "AUTHENTICATIONFAILED", message: "Command failed" }, code: "EAUTH", transient: false },
    { name: "no such folder", err: { mailboxMissing: true, serverResponseCode: "NONEXISTENT", message: "Command failed" }, code: "ENOMAILBOX", transient: false },
    { name: "APPEND to a missing folder", err: { serverResponseCode: "TRYCREATE", message: "Command failed" }, code: "ENOMAILBOX", transient: false },
    { name: "TLS mismatch", err: { tlsFailed: true, code: "ERR_SSL_WRONG_VERSION_NUMBER", message: "wrong version number" }, code: "ECONFIG", transient: false },
    { name: "server busy", err: { serverResponseCode: "UNAVAILABLE", message: "Command failed" }, code: "EIMAP", transient: true },
    { name: "other NO", err: { responseStatus: "NO", message: "Command failed" }, code: "EIMAP", transient: false },
  ];
  it.each(cases)("$name → $code", ({ err, code, transient }) => {
    const e = fromImapError(Object.assign(new Error("x"), err), { mailbox: "INBOX" });
    expect(e.code).toBe(code);
    expect(e.transient).toBe(transient);
    expect(e.details.mailbox).toBe("INBOX");
  });
});
