/** Reading submissions and people's decisions on them, on Prisma. */
import type { Db } from "./database.ts";
import type { SubmissionFilter, SubmissionStore } from "../app/store.ts";
import { insertOutbox, json, submissionData, toSubmissionRow } from "./prisma-rows.ts";

export function submissionMethods(db: Db): SubmissionStore {
  return {
    async listSubmissions(filter: SubmissionFilter = {}) {
      const rows = await db.submission.findMany({
        where: {
          ...(filter.regime ? { regime: filter.regime } : {}),
          ...(filter.period ? { period: filter.period } : {}),
          ...(filter.periods ? { period: { in: filter.periods } } : {}),
          ...(filter.unit ? { unit: filter.unit } : {}),
          ...(filter.messageId ? { messageId: filter.messageId } : {}),
          ...(filter.messageIds ? { messageId: { in: filter.messageIds } } : {}),
          ...(filter.statuses ? { status: { in: filter.statuses } } : {}),
          ...(filter.receivedFrom || filter.receivedBefore
            ? { receivedAt: { ...(filter.receivedFrom ? { gte: filter.receivedFrom } : {}), ...(filter.receivedBefore ? { lt: filter.receivedBefore } : {}) } }
            : {}),
        },
        include: { message: true },
        ...(filter.withOutline ? {} : { omit: { outline: true } }),
        orderBy: [{ receivedAt: "asc" }, { messageRowId: "asc" }, { index: "asc" }],
      });
      return rows.map((r) => toSubmissionRow({ outline: null, ...r }));
    },

    async getSubmission(id) {
      const s = await db.submission.findUnique({ where: { id }, include: { message: true } });
      return s ? toSubmissionRow(s) : null;
    },

    async updateSubmission(id, patch, outbox, action) {
      await db.$transaction(async (tx) => {
        const current = await tx.submission.findUniqueOrThrow({ where: { id }, include: { message: true } });
        const merged = { ...toSubmissionRow(current), ...patch };
        await tx.submission.update({
          where: { id },
          data: {
            ...submissionData(merged),
            decidedBy: patch.decidedBy ?? current.decidedBy,
            decidedAt: patch.decidedAt ?? current.decidedAt,
            decisionNote: patch.decisionNote !== undefined ? patch.decisionNote : current.decisionNote,
          },
        });
        await tx.action.create({ data: { kind: action.kind, messageId: current.messageId, by: action.by, at: action.at, detail: json(action.detail) } });
        await insertOutbox(tx, outbox);
      });
    },
  };
}
