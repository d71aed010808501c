/** The outbox on Prisma: queue, claim, retry, rate-limit counts. */
import type { Db } from "./database.ts";
import type { OutboxStore } from "../app/store.ts";
import { insertOutbox, toOutboxRow } from "./prisma-rows.ts";

export function outboxMethods(db: Db): OutboxStore {
  return {
    async enqueue(entries) {
      return db.$transaction((tx) => insertOutbox(tx, entries));
    },

    async dueOutbox(now, limit) {
      const rows = await db.outbox.findMany({
        where: { state: "pending", notBefore: { lte: now } },
        orderBy: [{ notBefore: "asc" }, { id: "asc" }],
        take: limit,
      });
      return rows.map(toOutboxRow);
    },

    async claimOutbox(id, now) {
      const r = await db.outbox.updateMany({ where: { id, state: "pending" }, data: { state: "sending", attempts: { increment: 1 }, notBefore: now } });
      return r.count === 1;
    },

    async markSent(id, now) {
      await db.outbox.update({ where: { id }, data: { state: "sent", sentAt: now, lastError: null } });
    },

    async markRetry(id, error, retryAt) {
      await db.outbox.update({ where: { id }, data: { state: "pending", lastError: error, notBefore: retryAt } });
    },

    async markFailed(id, error) {
      await db.outbox.update({ where: { id }, data: { state: "failed", lastError: error } });
    },

    async releaseStale(before, note) {
      const r = await db.outbox.updateMany({ where: { state: "sending", notBefore: { lt: before } }, data: { state: "pending", lastError: note } });
      return r.count;
    },

    async countRateLimitedSent(recipient, since) {
      const rows = await db.outbox.findMany({
        where: { recipient, rateLimited: true, state: "sent", sentAt: { gte: since } },
        select: { sentAt: true },
        orderBy: { sentAt: "asc" },
      });
      return { count: rows.length, oldest: rows[0]?.sentAt ?? null };
    },

    async countOutbox(states) {
      return db.outbox.count({ where: { state: { in: states } } });
    },

    async listOutbox(opts = {}) {
      const rows = await db.outbox.findMany({
        where: {
          ...(opts.states ? { state: { in: opts.states } } : {}),
          ...(opts.purposes ? { purpose: { in: opts.purposes } } : {}),
          ...(opts.sentFrom ? { sentAt: { gte: opts.sentFrom } } : {}),
        },
        orderBy: { id: "asc" },
      });
      return rows.map(toOutboxRow);
    },
  };
}
