/** Scheduled-job records and draft versions on Prisma: each written once, with its mail, in one transaction. */
import type { Db } from "./database.ts";
import type { Store } from "../app/store.ts";
import { insertOutbox, isUniqueViolation, json, toDraftRow } from "./prisma-rows.ts";

export function jobAndDraftMethods(db: Db): Pick<Store, "jobDone" | "commitJob" | "listDrafts" | "commitDraft" | "findDraftByEmail" | "reviewDraft"> {
  return {
    async jobDone(key) {
      return (await db.jobRun.count({ where: { key } })) > 0;
    },

    async commitJob(job, outbox) {
      try {
        await db.$transaction(async (tx) => {
          await tx.jobRun.create({ data: { key: job.key, kind: job.kind, dueAt: job.dueAt, detail: json(job.detail) } });
          await insertOutbox(tx, outbox);
        });
        return true;
      } catch (err) {
        if (isUniqueViolation(err)) return false;
        throw err;
      }
    },

    async listDrafts(filter = {}) {
      const rows = await db.draft.findMany({
        where: { ...(filter.regime ? { regime: filter.regime } : {}), ...(filter.period ? { period: filter.period } : {}) },
        orderBy: [{ regime: "asc" }, { period: "asc" }, { version: "asc" }],
      });
      return rows.map(toDraftRow);
    },

    async commitDraft(draft, outbox) {
      return db.$transaction(async (tx) => {
        const d = await tx.draft.create({
          data: {
            regime: draft.regime,
            period: draft.period,
            version: draft.version,
            archivePath: draft.archivePath,
            sha256: draft.sha256,
            included: json(draft.included),
            summary: json(draft.summary),
            emailMessageId: draft.emailMessageId,
          },
        });
        await insertOutbox(tx, outbox);
        return toDraftRow(d);
      });
    },

    async findDraftByEmail(messageIds) {
      if (messageIds.length === 0) return null;
      const d = await db.draft.findFirst({ where: { emailMessageId: { in: messageIds } }, orderBy: { version: "desc" } });
      return d ? toDraftRow(d) : null;
    },

    async reviewDraft(id, review, outbox) {
      await db.$transaction(async (tx) => {
        await tx.draft.update({
          where: { id },
          data: { reviewState: review.state, reviewNote: review.note, reviewedBy: review.by, reviewedAt: review.at },
        });
        const d = await tx.draft.findUniqueOrThrow({ where: { id } });
        await tx.action.create({
          data: { kind: "draft_review", messageId: d.emailMessageId ?? "", by: review.by, at: review.at, detail: json({ draft: id, state: review.state }) },
        });
        await insertOutbox(tx, outbox);
      });
    },
  };
}
