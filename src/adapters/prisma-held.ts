/** Held replies and people's actions on Prisma (issue 11): release or drop exactly once, each with who and when. */
import type { Db } from "./database.ts";
import type { ActionStore, HeldStore } from "../app/store.ts";
import { json, parseJson } from "./prisma-rows.ts";

export function heldMethods(db: Db): HeldStore & ActionStore {
  return {
    async settleHeld(id, to, note, action) {
      return db.$transaction(async (tx) => {
        // The state guard makes a second release (or a release after a drop) change nothing: exactly once.
        const r = await tx.outbox.updateMany({
          where: { id, state: "held" },
          data: to === "pending" ? { state: "pending", notBefore: action.at, lastError: null } : { state: "dropped", lastError: note },
        });
        if (r.count !== 1) return false;
        const row = await tx.outbox.findUniqueOrThrow({ where: { id } });
        await tx.action.create({
          data: {
            kind: action.kind,
            messageId: row.relatedMessageId ?? row.messageId,
            by: action.by,
            at: action.at,
            detail: json({ outboxId: id, outboxMessageId: row.messageId, note, ...(action.detail as object) }),
          },
        });
        return true;
      });
    },

    async findDigest(messageIds) {
      if (messageIds.length === 0) return null;
      const mail = await db.outbox.findFirst({ where: { messageId: { in: messageIds }, purpose: "digest" }, orderBy: { id: "desc" } });
      if (!mail) return null;
      const job = await db.jobRun.findUnique({ where: { key: mail.dedupeKey } });
      return job ? { key: job.key, detail: parseJson(job.detail, {}) } : null;
    },

    async listActions(filter = {}) {
      const rows = await db.action.findMany({
        where: { ...(filter.messageId ? { messageId: filter.messageId } : {}), ...(filter.kind ? { kind: filter.kind } : {}) },
        orderBy: [{ at: "asc" }, { id: "asc" }],
      });
      return rows.map((a) => ({ id: a.id, kind: a.kind, messageId: a.messageId, by: a.by, at: a.at, detail: parseJson(a.detail, {}) }));
    },
  };
}
