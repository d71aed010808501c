/**
 * Issue 13 §7: two daemons (`intake run`, two processes) on one Dovecot mailbox and one PostgreSQL database over a
 * 200-message batch — 120 waiting when they start, 80 arriving while they run (IDLE). Every message is ingested by
 * exactly one of them (the processing lease): one ledger row each, settled, no failure recorded, one submission; and
 * every reply is queued once and reaches its unit once. Both daemons do part of the work.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import path from "node:path";
import { defaultRegimes, eventually, ROOT, startIntakeWorld, type IntakeWorld } from "../support/intake.ts";
import { answersPer, reportBatch, type BatchMail } from "../support/report-batch.ts";

const TOTAL = 200;
const FIRST = 120;
const NOW = "2025-12-20T09:00:00";

let world: IntakeWorld;
let mails: BatchMail[];

beforeAll(async () => {
  // Replies must not wait for the hourly limit: the test counts every one of them.
  world = await startIntakeWorld({ regimes: defaultRegimes({ replyLimitPerHour: 1000 }), database: "postgresql" });
  mails = await reportBatch(TOTAL);
  for (const m of mails.slice(0, FIRST)) await world.deliver(m.raw, m.at);
}, 600_000);

afterAll(async () => {
  await world?.stop();
});

const own = "%@intake.cuc.example.vn>";
const settled = async () =>
  (await world.query<{ n: number }>(`SELECT COUNT(*) AS n FROM "Message" WHERE "state" IN ('processed','ignored') AND "messageId" NOT LIKE ?`, own))[0]?.n ?? 0;

describe("two daemons, one PostgreSQL (issue 13 §7)", () => {
  it("ingests each of 200 messages exactly once and answers each once", async () => {
    // No copy of each reply in the officer's Sent folder here: 200 APPENDs say nothing about the lease and double the run.
    const env = { IMAP_SENT_MAILBOX: "" };
    const a = world.daemon(NOW, env);
    // The second starts once the first has migrated the empty database: two `prisma migrate deploy` at the same
    // instant wait on one advisory lock, and the loser gives up after 10 s on a loaded machine (P1002).
    const migrations = readdirSync(path.join(ROOT, "prisma/postgresql/migrations"), { withFileTypes: true }).filter((d) => d.isDirectory()).length;
    await eventually(async () => {
      const done = await world.query<{ n: number }>(`SELECT COUNT(*) AS n FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL`);
      return (done[0]?.n ?? 0) >= migrations || undefined;
    }, 120_000, "the first daemon's migration");
    const b = world.daemon(NOW, env);
    try {
      for (const m of mails.slice(FIRST)) await world.deliver(m.raw, m.at);
      await eventually(async () => (await settled()) === TOTAL || undefined, 540_000, `${TOTAL} messages settled`);
      await eventually(async () => {
        const ids = new Set(mails.map((m) => m.messageId));
        const got = world.servers.smtp.received.filter((r) => {
          const id = /^In-Reply-To:\s*(<[^>]+>)/im.exec(r.raw.toString("latin1"))?.[1];
          return id && ids.has(id);
        }).length;
        return got >= TOTAL || undefined;
      }, 420_000, `${TOTAL} replies delivered`);
    } catch (err) {
      throw new Error(`${(err as Error).message}\n--- A ---\n${a.output().slice(-4000)}\n--- B ---\n${b.output().slice(-4000)}`);
    } finally {
      a.child.kill("SIGTERM");
      b.child.kill("SIGTERM");
      await Promise.all([a.exited, b.exited]);
    }

    // The ledger: one row per message, processed, no failure recorded (the loser of a claim skips), no lease left.
    const rows = await world.query<{ messageId: string; state: string; reason: string | null; leaseOwner: string | null }>(
      `SELECT "messageId", "state", "reason", "leaseOwner" FROM "Message" WHERE "messageId" NOT LIKE ?`, own);
    expect(rows).toHaveLength(TOTAL);
    expect(new Set(rows.map((r) => r.messageId))).toEqual(new Set(mails.map((m) => m.messageId)));
    expect(rows.filter((r) => r.state !== "processed" || r.reason !== null || r.leaseOwner !== null)).toEqual([]);
    const subs = await world.query<{ messageId: string; n: number; status: string }>(
      `SELECT "messageId", COUNT(*) AS n, MIN("status") AS status FROM "Submission" WHERE "messageId" NOT LIKE ? GROUP BY "messageId"`, own);
    expect(subs.filter((s) => s.n !== 1 || s.status !== "accepted")).toEqual([]);
    expect(subs).toHaveLength(TOTAL);

    // The outbox: one reply queued per message, sent; the units received each exactly once.
    const queued = await world.query<{ relatedMessageId: string; n: number; sent: number }>(
      `SELECT "relatedMessageId", COUNT(*) AS n, SUM(CASE WHEN "state" = 'sent' THEN 1 ELSE 0 END) AS sent FROM "Outbox" WHERE "purpose" IN ('receipt','khong_dat') GROUP BY "relatedMessageId"`);
    expect(queued.filter((q) => Number(q.n) !== 1 || Number(q.sent) !== 1)).toEqual([]);
    expect(queued).toHaveLength(TOTAL);
    const answers = answersPer(world.servers.smtp.received, mails.map((m) => m.messageId));
    expect(Object.entries(answers).filter(([, n]) => n !== 1)).toEqual([]);

    // Both daemons took part: each ingested some of the messages ("message ingested" is logged once per message).
    const ingested = (out: string) => out.split("\n").filter((l) => l.includes('"message ingested"')).length;
    const [na, nb] = [ingested(a.output()), ingested(b.output())];
    expect(na + nb).toBeGreaterThanOrEqual(TOTAL);
    expect(Math.min(na, nb), `A ingested ${na}, B ${nb}`).toBeGreaterThan(0);
  }, 900_000);
});
