/**
 * Exactly once (issue 3 §5, contract.md "Sending"): replies queued while SMTP is down are delivered once when it
 * is back; a daemon killed with SIGKILL between queueing and sending, or in the middle of an SMTP transaction,
 * delivers each reply once after a restart, with the Message-ID fixed when it was queued; the per-recipient
 * hourly limit delays replies and never drops them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { outlookMail } from "../support/eml.ts";
import { qtvp03Sections, reportDocx } from "../support/reports.ts";
import { freePort } from "../support/dovecot.ts";
import { eventually, OFFICE, startIntakeWorld, UNITS, type IntakeWorld } from "../support/intake.ts";
import { requireMessageId } from "../support/report-mail.ts";

interface OutboxJson {
  messageId: string;
  purpose: string;
  to: string[];
  cc: string[];
  subject: string;
  state: "pending" | "sending" | "sent" | "failed";
  notBefore: string;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  unit: string | null;
  period: string | null;
}

let world: IntakeWorld;
beforeAll(async () => {
  world = await startIntakeWorld();
});
afterAll(async () => {
  world?.servers.smtp.running || (await world?.servers.smtp.start());
  await world?.stop();
});

const NAMES = { nvdp: "Phòng NVĐP", ttdn: "Phòng TTĐN", ttbc: "Trung tâm Báo chí", vp: "Văn phòng" } as const;


/** A unit's report: complete, or without its plan section (a Không đạt). */
async function report(unit: keyof typeof UNITS, opts: { subject: string; at: string; complete: boolean; n?: number }): Promise<{ raw: Buffer; id: string }> {
  const doc = await reportDocx({
    header: ["CỤC THÔNG TIN ĐỐI NGOẠI", NAMES[unit].toLocaleUpperCase("vi")],
    title: `Kết quả công tác (bản ${opts.n ?? 1})`,
    sections: qtvp03Sections({ next: "tuần tới", omit: opts.complete ? [] : ["ke_hoach"] }),
    producer: "docx",
    style: "heading",
  });
  const raw = outlookMail({
    from: { name: NAMES[unit], address: UNITS[unit] }, to: [OFFICE], subject: opts.subject, date: new Date(opts.at),
    text: `Kính gửi Văn phòng Cục,\n${NAMES[unit]} gửi báo cáo (bản ${opts.n ?? 1}).\nTrân trọng.`,
    attachments: [{ filename: `${opts.subject} (bản ${opts.n ?? 1}).docx`, content: doc }],
  });
  await world.deliver(raw, opts.at);
  return { raw, id: requireMessageId(raw) };
}

/** How many mails the SMTP sink accepted with this Message-ID. */
function receivedCount(messageId: string): number {
  return world.servers.smtp.received.filter((m) => /^Message-ID:\s*(<[^>\r\n]+>)/im.exec(m.raw.toString("latin1"))?.[1] === messageId).length;
}

const outbox = (now: string) => world.json<OutboxJson[]>(["outbox"], now);

/** Message-IDs of the mails in `user`'s INBOX that answer `inReplyTo`. */
async function replyIds(user: string, inReplyTo: string): Promise<string[]> {
  return (await world.servers.readMailbox(user)).filter((m) => m.inReplyTo === inReplyTo).map((m) => m.messageId ?? "");
}

describe("outbox: exactly once", () => {
  it("keeps replies queued while SMTP is down and delivers each once when it is back", async () => {
    await world.servers.smtp.stop();
    const a = await report("nvdp", { subject: "Báo cáo tuần 47 - Phòng NVĐP", at: "2026-11-18T09:00:00+07:00", complete: true });
    const b = await report("ttdn", { subject: "Báo cáo tuần 47 - Phòng TTĐN", at: "2026-11-18T09:01:00+07:00", complete: false });
    const c = await report("ttbc", { subject: "Báo cáo tuần 47 - TTBC", at: "2026-11-18T09:02:00+07:00", complete: true });

    const poll = await world.run(["poll", "--once"], "2026-11-18T09:05:00");
    expect(poll.code, poll.stderr).toBe(0);
    expect(poll.stderr).toContain("Cảnh báo: chưa gửi được 3 thư, thư vẫn nằm trong hàng chờ (intake outbox).");
    expect(poll.stdout).toContain("Đã gửi 0 thư trả lời; còn chờ gửi 3.");

    const queued = await outbox("2026-11-18T09:06:00");
    expect(queued.map((r) => [r.to, r.purpose, r.state, r.period])).toEqual([
      [[UNITS.nvdp], "receipt", "pending", "2026-W47"],
      [[UNITS.ttdn], "khong_dat", "pending", "2026-W47"],
      [[UNITS.ttbc], "receipt", "pending", "2026-W47"],
    ]);
    // The first row was tried (and retried with backoff); the others wait behind it rather than hammer a dead server.
    expect(queued[0]!.attempts).toBeGreaterThanOrEqual(2);
    expect(queued.map((r) => r.lastError)).toEqual([
      expect.stringMatching(/^connect ECONNREFUSED 127\.0\.0\.1:\d+$/),
      expect.stringMatching(/^waiting: connect ECONNREFUSED 127\.0\.0\.1:\d+$/),
      expect.stringMatching(/^waiting: connect ECONNREFUSED 127\.0\.0\.1:\d+$/),
    ]);
    expect(queued.map((r) => r.sentAt)).toEqual([null, null, null]);
    expect(world.servers.smtp.received).toHaveLength(0);

    await world.servers.smtp.start();
    const deliver = await world.run(["outbox", "--deliver", "--json"], "2026-11-18T09:10:00");
    expect(deliver.code, deliver.stderr).toBe(0);
    expect(deliver.stderr).not.toContain("Cảnh báo");
    const after = JSON.parse(deliver.stdout) as OutboxJson[];
    expect(after.map((r) => [r.messageId, r.state, r.sentAt])).toEqual(queued.map((r) => [r.messageId, "sent", "2026-11-18T09:10:00+07:00"]));

    expect(await replyIds(UNITS.nvdp, a.id)).toEqual([queued[0]!.messageId]);
    expect(await replyIds(UNITS.ttdn, b.id)).toEqual([queued[1]!.messageId]);
    expect(await replyIds(UNITS.ttbc, c.id)).toEqual([queued[2]!.messageId]);

    // Nothing more on a second delivery or a second poll.
    const again = await world.run(["outbox", "--deliver"], "2026-11-18T09:20:00");
    expect(again.code, again.stderr).toBe(0);
    const poll2 = await world.run(["poll", "--once"], "2026-11-18T09:21:00");
    expect(poll2.code, poll2.stderr).toBe(0);
    expect(poll2.stdout).toContain("Đã gửi 0 thư trả lời; còn chờ gửi 0.");
    expect(world.servers.smtp.received).toHaveLength(3);
  }, 240_000);

  it("delivers each reply once after the daemon is killed (SIGKILL) between queueing and sending", async () => {
    await world.servers.smtp.stop();
    const a = await report("vp", { subject: "Báo cáo tháng 11/2026 - Văn phòng", at: "2026-11-18T10:00:00+07:00", complete: true });
    const b = await report("nvdp", { subject: "Báo cáo tháng 11/2026 - Phòng NVĐP", at: "2026-11-18T10:01:00+07:00", complete: false });

    // The daemon also runs its due jobs (the yearly report's reminders fall due 17/11): they queue beside the replies.
    const first = world.daemon("2026-11-18T10:05:00");
    let queued: OutboxJson[];
    try {
      queued = await eventually(async () => {
        const all = await outbox("2026-11-18T10:05:00");
        const rows = all.filter((r) => r.period === "2026-11");
        return rows.length === 2 && rows.every((r) => r.state === "pending") && all.some((r) => r.attempts >= 1) ? rows : undefined;
      }, 60_000, "two replies queued while the daemon tries to send");
    } catch (err) {
      await world.servers.smtp.start();
      throw new Error(`${(err as Error).message}; daemon said:\n${first.output().slice(-3000)}`);
    } finally {
      first.child.kill("SIGKILL");
    }
    expect(await first.exited).toBeNull();
    expect(queued.map((r) => [r.to, r.purpose, r.sentAt])).toEqual([[[UNITS.vp], "receipt", null], [[UNITS.nvdp], "khong_dat", null]]);

    await world.servers.smtp.start();
    // Restarted a while later: a row the dead process left "sending" is released after 10 minutes.
    const second = world.daemon("2026-11-18T10:20:00");
    try {
      await eventually(async () => (await outbox("2026-11-18T10:21:00")).every((r) => r.state === "sent") || undefined, 60_000, "every queued mail sent");
    } catch (err) {
      throw new Error(`${(err as Error).message}; daemon said:\n${second.output().slice(-3000)}`);
    } finally {
      second.child.kill("SIGTERM");
      await second.exited;
    }
    const poll = await world.run(["poll", "--once"], "2026-11-18T10:30:00");
    expect(poll.code, poll.stderr).toBe(0);
    expect(await replyIds(UNITS.vp, a.id)).toEqual([queued[0]!.messageId]);
    expect(await replyIds(UNITS.nvdp, b.id)).toEqual([queued[1]!.messageId]);
    // Exactly once over everything the daemons queued, replies and reminders alike.
    const all = await outbox("2026-11-18T10:30:00");
    for (const row of all) expect(receivedCount(row.messageId), row.subject).toBe(1);
  }, 240_000);

  it("sends the same mail once after a SIGKILL in the middle of an SMTP transaction", async () => {
    // An SMTP server that takes the DATA and never answers: the daemon is killed while it waits for "250".
    const held: Buffer[] = [];
    const port = await freePort();
    const hanging = new SMTPServer({
      disabledCommands: ["STARTTLS", "AUTH"], authOptional: true, logger: false,
      onData(stream) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => held.push(Buffer.concat(chunks)));
      },
    });
    // The daemon is killed mid-transaction on purpose: smtp-server re-emits that ECONNRESET on the server.
    hanging.on("error", () => undefined);
    await new Promise<void>((r) => hanging.listen(port, "127.0.0.1", () => r()));
    try {
      const a = await report("ttbc", { subject: "Báo cáo tháng 11/2026 - Trung tâm Báo chí", at: "2026-11-18T11:00:00+07:00", complete: true });
      const first = world.daemon("2026-11-18T11:05:00", { SMTP_PORT: String(port), SMTP_TIMEOUT_SECONDS: "60" });
      let heldId: string | undefined;
      try {
        await eventually(async () => held.length > 0 || undefined, 60_000, "DATA reaching the hanging server");
        heldId = /^Message-ID:\s*(<[^>\r\n]+>)/im.exec(held[0]!.toString("latin1"))?.[1];
        const inFlight = (await outbox("2026-11-18T11:05:00")).filter((r) => r.messageId === heldId);
        expect(inFlight.map((r) => [r.state, r.sentAt])).toEqual([["sending", null]]);
      } finally {
        first.child.kill("SIGKILL");
        await first.exited;
      }

      // Restarted 15 minutes later against the real server: the stale "sending" row goes again, same Message-ID.
      const deliver = await world.run(["outbox", "--deliver", "--json"], "2026-11-18T11:20:00");
      expect(deliver.code, deliver.stderr).toBe(0);
      const rows = JSON.parse(deliver.stdout) as OutboxJson[];
      expect(rows.filter((r) => r.messageId === heldId).map((r) => [r.state, r.sentAt])).toEqual([["sent", "2026-11-18T11:20:00+07:00"]]);
      expect(rows.filter((r) => r.state !== "sent")).toEqual([]);
      expect(receivedCount(heldId!)).toBe(1);
      const reply = rows.find((r) => r.to.includes(UNITS.ttbc) && r.period === "2026-11")!;
      expect(await replyIds(UNITS.ttbc, a.id)).toEqual([reply.messageId]);
      expect(receivedCount(reply.messageId)).toBe(1);
    } finally {
      await new Promise<void>((r) => hanging.close(() => r()));
    }
  }, 240_000);

  it("delays replies over the hourly limit (5 per recipient) and drops none", async () => {
    const sent: string[] = [];
    for (let i = 0; i < 7; i++) {
      const at = `2026-11-18T14:0${i}:00+07:00`;
      // Two incomplete versions first, then five complete ones (a unit fixing its report in a hurry).
      const r = await report("nvdp", { subject: `Báo cáo quý IV/2026 - Phòng NVĐP (lần ${i + 1})`, at, complete: i >= 2, n: i + 1 });
      sent.push(r.id);
    }
    const poll = await world.run(["poll", "--once"], "2026-11-18T14:10:00");
    expect(poll.code, poll.stderr).toBe(0);
    expect(poll.stdout).toContain("Đã gửi 5 thư trả lời; còn chờ gửi 2.");
    expect(poll.stderr).not.toContain("Cảnh báo");

    const rows = (await outbox("2026-11-18T14:11:00")).filter((r) => r.period === "2026-Q4");
    expect(rows.map((r) => [r.purpose, r.state, r.notBefore])).toEqual([
      ["khong_dat", "sent", "2026-11-18T14:10:00+07:00"],
      ["khong_dat", "sent", "2026-11-18T14:10:00+07:00"],
      ["receipt", "sent", "2026-11-18T14:10:00+07:00"],
      ["receipt", "sent", "2026-11-18T14:10:00+07:00"],
      ["receipt", "sent", "2026-11-18T14:10:00+07:00"],
      ["receipt", "pending", "2026-11-18T15:10:00+07:00"],
      ["receipt", "pending", "2026-11-18T15:10:00+07:00"],
    ]);
    expect(rows.filter((r) => r.state === "pending").map((r) => r.lastError)).toEqual(["rate limit: delayed", "rate limit: delayed"]);
    const answered = async () => (await Promise.all(sent.map((id) => replyIds(UNITS.nvdp, id)))).map((ids) => ids.length);
    expect(await answered()).toEqual([1, 1, 1, 1, 1, 0, 0]);

    // Before the hour is up nothing more goes; at the time `outbox` promised, the two go.
    const early = await world.run(["outbox", "--deliver"], "2026-11-18T14:50:00");
    expect(early.code, early.stderr).toBe(0);
    expect(await answered()).toEqual([1, 1, 1, 1, 1, 0, 0]);
    const onTime = await world.run(["outbox", "--deliver", "--json"], "2026-11-18T15:10:00");
    expect(onTime.code, onTime.stderr).toBe(0);
    const final = (JSON.parse(onTime.stdout) as OutboxJson[]).filter((r) => r.period === "2026-Q4");
    expect(final.map((r) => r.state)).toEqual(Array(7).fill("sent"));
    expect(await answered()).toEqual([1, 1, 1, 1, 1, 1, 1]);
  }, 240_000);
});
