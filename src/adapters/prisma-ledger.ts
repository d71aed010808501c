/** The ledger and submissions written by the intake, on Prisma. */
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Db } from "./database.ts";
import type { LedgerStore } from "../app/store.ts";
import { insertOutbox, isUniqueViolation, json, submissionData, toMessageRow } from "./prisma-rows.ts";

/**
 * The processing lease (issue 13 §7). Its holder is this store (`host:pid:random`); it lasts LEASE_MS of real time,
 * longer than any one message takes (documents are cut at their time limit). A holder on this machine whose process
 * is gone (killed mid-batch, then restarted) is taken over at once; one on another machine when its lease expires.
 */
const LEASE_MS = 10 * 60_000;
const HOST = hostname();
/** Keys asked about in one query: SQLite's bound-parameter limit is far above, PostgreSQL's too. */
const KEY_CHUNK = 500;

function ownerGone(owner: string): boolean {
  const [host, pid] = owner.split(":");
  if (host !== HOST || !pid || Number(pid) === process.pid) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "ESRCH";
  }
}

export function ledgerMethods(db: Db): LedgerStore {
  // Each store is a holder of its own (two stores in one process stand for two daemons in tests).
  const OWNER = `${HOST}:${process.pid}:${randomUUID().slice(0, 8)}`;
  return {
    async findMessage(mailbox, uidValidity, key) {
      const m = await db.message.findUnique({ where: { mailbox_uidValidity_key: { mailbox, uidValidity: BigInt(uidValidity), key } } });
      return m ? toMessageRow(m) : null;
    },

    async settledKeys(mailbox, uidValidity, now) {
      const rows = await db.message.findMany({
        where: {
          mailbox,
          uidValidity: BigInt(uidValidity),
          OR: [
            { state: { in: ["processed", "ignored"] } },
            { state: "failed", OR: [{ nextAttemptAt: { gt: now } }, { nextAttemptAt: null }] },
          ],
        },
        select: { key: true },
      });
      return new Set(rows.map((r) => r.key));
    },

    async settledAmong(mailbox, uidValidity, keys, now) {
      const settled = new Set<string>();
      for (let i = 0; i < keys.length; i += KEY_CHUNK) {
        const rows = await db.message.findMany({
          where: {
            mailbox,
            uidValidity: BigInt(uidValidity),
            key: { in: keys.slice(i, i + KEY_CHUNK) },
            OR: [
              { state: { in: ["processed", "ignored"] } },
              { state: "failed", OR: [{ nextAttemptAt: { gt: now } }, { nextAttemptAt: null }] },
            ],
          },
          select: { key: true },
        });
        for (const r of rows) settled.add(r.key);
      }
      return settled;
    },

    async dueKeys(mailbox, uidValidity, now) {
      const rows = await db.message.findMany({
        where: {
          mailbox,
          uidValidity: BigInt(uidValidity),
          // Failed and due again; or neither settled nor failed: a process stopped in the middle of it.
          // Issue 13 §2: one whose attempt began and never ended (the process died) waits for its backoff.
          OR: [
            { state: "failed", nextAttemptAt: { lte: now } },
            { state: { notIn: ["processed", "ignored", "failed"] }, OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }] },
          ],
        },
        orderBy: { id: "asc" },
        select: { key: true },
      });
      return rows.map((r) => r.key);
    },

    async mailboxCursor(mailbox, uidValidity) {
      const row = await db.mailboxCursor.findUnique({ where: { mailbox_uidValidity: { mailbox, uidValidity: BigInt(uidValidity) } } });
      return row?.cursor ?? null;
    },

    async saveMailboxCursor(mailbox, uidValidity, cursor, now) {
      await db.mailboxCursor.upsert({
        where: { mailbox_uidValidity: { mailbox, uidValidity: BigInt(uidValidity) } },
        create: { mailbox, uidValidity: BigInt(uidValidity), cursor, updatedAt: now },
        update: { cursor, updatedAt: now },
      });
    },

    async claimMessage(messageRowId, now) {
      const real = new Date();
      const lease = { leaseUntil: new Date(real.getTime() + LEASE_MS), leaseOwner: OWNER };
      // Not settled, and not a failure whose next attempt is still ahead (another daemon may have just recorded it).
      const open = {
        id: messageRowId,
        state: { notIn: ["processed", "ignored"] },
        NOT: { state: "failed", OR: [{ nextAttemptAt: null }, { nextAttemptAt: { gt: now } }] },
        // Issue 13 §2: an attempt that began and never ended (recordAttempt, then the process died) waits for its backoff.
        AND: [{ OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }] }],
      };
      // One conditional UPDATE: of two daemons, exactly one changes the row (the database serialises the writes).
      const claimed = await db.message.updateMany({
        where: { ...open, OR: [{ leaseUntil: null }, { leaseUntil: { lt: real } }, { leaseOwner: OWNER }] },
        data: lease,
      });
      if (claimed.count === 1) return true;
      const row = await db.message.findUnique({ where: { id: messageRowId }, select: { leaseOwner: true, state: true } });
      if (!row?.leaseOwner || row.state === "processed" || row.state === "ignored" || !ownerGone(row.leaseOwner)) return false;
      const taken = await db.message.updateMany({ where: { ...open, leaseOwner: row.leaseOwner }, data: lease });
      return taken.count === 1;
    },

    async recordReceived(row) {
      const where = { mailbox_uidValidity_key: { mailbox: row.mailbox, uidValidity: BigInt(row.uidValidity), key: row.key } };
      const existing = await db.message.findUnique({ where });
      if (existing) return toMessageRow(existing);
      try {
        const m = await db.message.create({
          data: {
            mailbox: row.mailbox,
            uidValidity: BigInt(row.uidValidity),
            uid: BigInt(/^\d+$/.test(row.key) ? row.key : "0"),
            key: row.key,
            messageId: row.messageId,
            sha256: row.sha256,
            archivePath: row.archivePath,
            receivedAt: row.receivedAt,
            fromAddress: row.fromAddress,
            originalFrom: row.originalFrom,
            subject: row.subject,
          },
        });
        return toMessageRow(m);
      } catch (err) {
        // Two daemons on one database: the other one recorded it first.
        if (!isUniqueViolation(err)) throw err;
        return toMessageRow(await db.message.findUniqueOrThrow({ where }));
      }
    },

    async findSettledDuplicate(messageId, sha256, exceptId) {
      const m = await db.message.findFirst({
        where: { messageId, sha256, id: { not: exceptId }, state: { in: ["processed", "ignored"] } },
      });
      return m ? toMessageRow(m) : null;
    },

    async commitIngest(input) {
      await db.$transaction(async (tx) => {
        // The updated row comes back with its receivedAt: no second read.
        const msg = await tx.message.update({
          where: { id: input.messageRowId },
          data: {
            state: input.state,
            reason: input.reason,
            originalFrom: input.originalFrom,
            fromAddress: input.fromAddress,
            subject: input.subject,
            messageId: input.messageId,
            attachments: json(input.attachments),
            processedAt: input.now,
            leaseUntil: null,
            leaseOwner: null,
            nextAttemptAt: null,
          },
          select: { receivedAt: true },
        });
        await tx.submission.deleteMany({ where: { messageRowId: input.messageRowId } });
        for (const s of input.submissions) {
          await tx.submission.create({
            data: { ...submissionData(s), messageRowId: input.messageRowId, messageId: input.messageId, receivedAt: msg.receivedAt },
          });
        }
        // A chief's answer to a draft email (QT.VP.03 §6.2.4) is part of the same decision as the message's outcome.
        if (input.draftReview) {
          const r = input.draftReview;
          const d = await tx.draft.update({
            where: { id: r.draftId },
            data: { reviewState: r.state, reviewNote: r.note, reviewedBy: r.by, reviewedAt: r.at },
          });
          await tx.action.create({
            data: { kind: "draft_review", messageId: d.emailMessageId ?? "", by: r.by, at: r.at, detail: json({ draft: r.draftId, state: r.state, review: input.messageId }) },
          });
        }
        // contract.md "Replies to reports": a held reply whose report a newer version superseded is dropped with that reason.
        for (const d of input.dropHeld ?? []) {
          await tx.outbox.updateMany({ where: { id: d.id, state: "held" }, data: { state: "dropped", lastError: d.reason } });
        }
        await insertOutbox(tx, input.outbox);
      });
    },

    async recordAttempt(messageRowId, retryAt) {
      await db.message.update({ where: { id: messageRowId }, data: { attempts: { increment: 1 }, nextAttemptAt: retryAt } });
    },

    async recordFailure(messageRowId, reason, retryAt, now) {
      await db.$transaction(async (tx) => {
        // Another daemon on the same database may have settled the message meanwhile: its outcome stands.
        const marked = await tx.message.updateMany({
          where: { id: messageRowId, state: { notIn: ["processed", "ignored"] } },
          data: { state: "failed", reason, nextAttemptAt: retryAt, processedAt: now, leaseUntil: null, leaseOwner: null },
        });
        if (marked.count === 0) return;
        const msg = await tx.message.findUniqueOrThrow({ where: { id: messageRowId } });
        await tx.submission.deleteMany({ where: { messageRowId } });
        await tx.submission.create({
          data: {
            messageRowId,
            messageId: msg.messageId,
            receivedAt: msg.receivedAt,
            status: "failed",
            reason,
          },
        });
      });
    },
  };
}
