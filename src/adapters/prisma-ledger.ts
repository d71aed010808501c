/** The ledger and submissions written by the intake, on Prisma. */
import type { Db } from "./database.ts";
import type { LedgerStore } from "../app/store.ts";
import { insertOutbox, isUniqueViolation, json, submissionData, toMessageRow } from "./prisma-rows.ts";

export function ledgerMethods(db: Db): LedgerStore {
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
        await tx.message.update({
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
            nextAttemptAt: null,
          },
        });
        const msg = await tx.message.findUniqueOrThrow({ where: { id: input.messageRowId } });
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

    async recordFailure(messageRowId, reason, retryAt, now) {
      await db.$transaction(async (tx) => {
        // Another daemon on the same database may have settled the message meanwhile: its outcome stands.
        const marked = await tx.message.updateMany({
          where: { id: messageRowId, state: { notIn: ["processed", "ignored"] } },
          data: { state: "failed", reason, attempts: { increment: 1 }, nextAttemptAt: retryAt, processedAt: now },
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
