/**
 * The ledger side of retention (issue 10 item 7, app/retention.ts): old rows, shared archive files, the tombstone.
 * A tombstoned row keeps its (mailbox, UIDVALIDITY, key), Message-ID, sha256 and state, so ingest skips the message
 * and the duplicate check still knows it; only `archivePath` changes to "removed:<ISO instant>".
 */
import { rm } from "node:fs/promises";
import type { Db } from "./database.ts";
import type { ArchiveRemover, RetentionStore } from "../app/retention.ts";

export const TOMBSTONE_PREFIX = "removed:";

export function createPrismaRetention(db: Db): RetentionStore {
  return {
    async listArchivedBefore(before) {
      const rows = await db.message.findMany({
        where: { receivedAt: { lt: before }, NOT: { archivePath: { startsWith: TOMBSTONE_PREFIX } } },
        orderBy: { receivedAt: "asc" },
        select: { id: true, messageId: true, receivedAt: true, archivePath: true, subject: true, fromAddress: true },
      });
      return rows;
    },
    async sharesArchive(archivePath, ids) {
      return (await db.message.count({ where: { archivePath, id: { notIn: ids } } })) > 0;
    },
    async tombstone(id, at) {
      await db.$transaction([
        db.message.update({ where: { id }, data: { archivePath: `${TOMBSTONE_PREFIX}${at.toISOString()}` } }),
        db.submission.updateMany({ where: { messageRowId: id }, data: { outline: null } }),
      ]);
    },
  };
}

/** Removes files of the content-addressed archive (file-archive.ts), through its own path check. */
export function createArchiveRemover(resolve: (rel: string) => string): ArchiveRemover {
  return {
    async remove(rel) {
      const abs = resolve(rel);
      try {
        await rm(abs);
        return true;
      } catch (err) {
        if ((err as { code?: string }).code === "ENOENT") return false;
        throw err;
      }
    },
  };
}
