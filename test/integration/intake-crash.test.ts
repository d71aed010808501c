/**
 * Issue 2, "Done when" 2: the daemon killed with SIGKILL in the middle of a batch, twice, and started again leaves
 * every message recorded exactly once, and every reply sent exactly once (README: ledger keyed by (mailbox,
 * UIDVALIDITY, UID); the reply is queued in the same transaction as the verdict, with its Message-ID fixed there).
 *
 * 40 weekly reports (4 units × weeks 38–47 of 2025; week 47 without its plan, so Không đạt) wait in the office
 * INBOX. The daemon is killed after the first few are recorded, restarted, killed again halfway, restarted, and
 * left to finish. Progress is read from the SQLite ledger, not from the CLI (each CLI call costs seconds).
 */
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appleMail, gmailMail, outlookMail, thunderbirdMail, type MailSpec } from "../support/eml.ts";
import { defaultRegimes, eventually, OFFICE, startIntakeWorld, UNITS, type IntakeWorld } from "../support/intake.ts";
import { queryLedger } from "../support/ledger-db.ts";
import { messageIdOf, unitReport, type UnitId } from "../support/report-mail.ts";

const ZONE = "Asia/Ho_Chi_Minh";
const NOW = "2025-11-21T09:00:00";
const WEEKS = [38, 39, 40, 41, 42, 43, 44, 45, 46, 47];
const CLIENTS = [outlookMail, gmailMail, thunderbirdMail, appleMail];
const UNIT_IDS = Object.keys(UNITS) as UnitId[];
const ABBR: Record<UnitId, string> = { nvdp: "NVĐP", ttdn: "TTĐN", ttbc: "TTBC", vp: "VP" };

interface Sent {
  messageId: string;
  unit: UnitId;
  period: string;
  verdict: "dat" | "khong_dat";
}

let world: IntakeWorld;
const mails: Sent[] = [];

beforeAll(async () => {
  // Replies must not wait for the hourly limit (10 per unit here): the test counts every one of them.
  world = await startIntakeWorld({ regimes: defaultRegimes({ replyLimitPerHour: 100 }) });
  let n = 0;
  for (const week of WEEKS) {
    for (const [i, unit] of UNIT_IDS.entries()) {
      const at = DateTime.fromObject({ weekYear: 2025, weekNumber: week, weekday: 3, hour: 9, minute: 5 * i }, { zone: ZONE });
      const incomplete = week === 47;
      const file = `Báo cáo tuần ${week} - ${ABBR[unit]}.docx`;
      const content = await unitReport({ unit, title: `Kết quả công tác tuần ${week} năm 2025`, next: "tuần tới", ...(incomplete ? { omit: ["ke_hoach"] } : {}) });
      const spec: Omit<MailSpec, "client"> = {
        from: { name: `Phòng ${ABBR[unit]}`, address: UNITS[unit] },
        to: [OFFICE],
        subject: `Báo cáo tuần ${week}/2025 - ${ABBR[unit]}`,
        date: at.toJSDate(),
        text: `Kính gửi Văn phòng,\nĐơn vị gửi báo cáo tuần ${week}.\nTrân trọng.`,
        attachments: [{ filename: file, content }],
      };
      const raw = CLIENTS[n++ % CLIENTS.length]!(spec);
      await world.deliver(raw, at.toJSDate());
      mails.push({ messageId: messageIdOf(raw)!, unit, period: `2025-W${week}`, verdict: incomplete ? "khong_dat" : "dat" });
    }
  }
}, 300_000);

afterAll(async () => {
  await world?.stop();
});

/** The bot's own mail (the officer's digest lands in the office INBOX too): recorded, ignored, not counted here. */
const OWN = "%@intake.cuc.example.vn>";

/** Units' messages settled in the ledger. */
const settled = () =>
  queryLedger<{ n: number }>(world.dataDir, `SELECT COUNT(*) AS n FROM "Message" WHERE state IN ('processed','ignored') AND messageId NOT LIKE ?`, OWN)[0]?.n ?? 0;

/** Starts the daemon and kills it with SIGKILL as soon as at least `after` messages are settled. */
async function killMidBatch(after: number, now: string): Promise<{ settledAtKill: number; log: string }> {
  const d = world.daemon(now);
  let atKill = -1;
  try {
    atKill = await eventually(async () => {
      const n = settled();
      return n >= after ? n : undefined;
    }, 60_000, `${after} messages settled`);
  } finally {
    d.child.kill("SIGKILL");
  }
  const code = await d.exited;
  expect(code).toBeNull(); // killed by the signal, no exit code
  return { settledAtKill: atKill, log: d.output() };
}

describe("SIGKILL in the middle of a batch (issue 2)", () => {
  it("records every message once and sends every reply once after two kills and restarts", async () => {
    expect(mails).toHaveLength(40);
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(40);

    const first = await killMidBatch(3, NOW);
    expect(first.settledAtKill, first.log).toBeLessThan(40);
    const second = await killMidBatch(first.settledAtKill + 15, "2025-11-21T09:02:00");
    expect(second.settledAtKill, second.log).toBeLessThan(40);

    const last = world.daemon("2025-11-21T09:04:00");
    try {
      await eventually(async () => settled() === 40 || undefined, 120_000, "all 40 messages settled");
      await eventually(async () => {
        const sent = queryLedger<{ n: number }>(world.dataDir, `SELECT COUNT(*) AS n FROM "Outbox" WHERE purpose IN ('receipt','khong_dat') AND state = 'sent'`)[0]?.n;
        return sent === 40 || undefined;
      }, 120_000, "40 replies sent");
    } catch (err) {
      throw new Error(`${(err as Error).message}\n${last.output()}`);
    } finally {
      last.child.kill("SIGTERM");
      await last.exited;
    }

    // The ledger: one row per message, settled, no failure left behind.
    const states = queryLedger<{ own: number; state: string; n: number }>(world.dataDir, `SELECT messageId LIKE ? AS own, state, COUNT(*) AS n FROM "Message" GROUP BY 1, 2`, OWN);
    expect(states.filter((s) => !s.own).map((s) => [s.state, s.n])).toEqual([["processed", 40]]);
    expect(states.filter((s) => s.own).map((s) => s.state)).toEqual(states.some((s) => s.own) ? ["ignored"] : []);
    const perMessage = queryLedger<{ messageId: string; n: number }>(world.dataDir, `SELECT messageId, COUNT(*) AS n FROM "Message" WHERE messageId NOT LIKE ? GROUP BY messageId`, OWN);
    expect(perMessage.filter((r) => r.n !== 1)).toEqual([]);
    expect(perMessage).toHaveLength(40);

    // submissions --json: each message exactly once, with its unit, period and verdict.
    const all = await world.json<{ messageId: string; subject: string; unit: string; period: string; verdict: string; status: string; latest: boolean }[]>(["submissions"], "2025-11-21T10:00:00");
    const isOwn = (r: { messageId: string }) => r.messageId.endsWith("@intake.cuc.example.vn>");
    expect(all.filter(isOwn).map((r) => r.status)).toEqual(all.filter(isOwn).map(() => "ignored"));
    const rows = all.filter((r) => !isOwn(r));
    expect(rows).toHaveLength(40);
    const byId = new Map<string, typeof rows>();
    for (const r of rows) byId.set(r.messageId, [...(byId.get(r.messageId) ?? []), r]);
    for (const m of mails) {
      expect(byId.get(m.messageId)?.map((r) => ({ unit: r.unit, period: r.period, verdict: r.verdict, status: r.status, latest: r.latest })), m.messageId).toEqual([
        { unit: m.unit, period: m.period, verdict: m.verdict, status: m.verdict === "dat" ? "accepted" : "rejected", latest: true },
      ]);
    }

    // The outbox: one reply per message.
    const queued = queryLedger<{ relatedMessageId: string; n: number }>(world.dataDir, `SELECT relatedMessageId, COUNT(*) AS n FROM "Outbox" WHERE purpose IN ('receipt','khong_dat') GROUP BY relatedMessageId`);
    expect(Object.fromEntries(queued.map((q) => [q.relatedMessageId, q.n]))).toEqual(Object.fromEntries(mails.map((m) => [m.messageId, 1])));

    // What the units received: exactly one answer threaded to each of their mails, Đạt or Không đạt as judged.
    for (const unit of UNIT_IDS) {
      const inbox = await world.servers.readMailbox(UNITS[unit]);
      const answers = inbox.filter((m) => m.inReplyTo && mails.some((x) => x.messageId === m.inReplyTo));
      const count: Record<string, number> = {};
      for (const a of answers) count[a.inReplyTo!] = (count[a.inReplyTo!] ?? 0) + 1;
      const own = mails.filter((m) => m.unit === unit);
      expect(count, unit).toEqual(Object.fromEntries(own.map((m) => [m.messageId, 1])));
      for (const a of answers) {
        expect(a.from).toBe(OFFICE);
        expect(a.headers["auto-submitted"]).toBe("auto-replied");
        const m = own.find((x) => x.messageId === a.inReplyTo)!;
        // The Không đạt reply carries the week's report skeleton; a receipt carries nothing.
        expect(a.attachments.length > 0, `${unit} ${m.period}`).toBe(m.verdict === "khong_dat");
      }
    }

    // The officer's Sent folder: one copy of each answer.
    const sent = await world.servers.readMailbox(OFFICE, "Sent");
    const copies: Record<string, number> = {};
    for (const s of sent) if (s.inReplyTo && mails.some((x) => x.messageId === s.inReplyTo)) copies[s.inReplyTo] = (copies[s.inReplyTo] ?? 0) + 1;
    expect(copies).toEqual(Object.fromEntries(mails.map((m) => [m.messageId, 1])));
  }, 420_000);
});
