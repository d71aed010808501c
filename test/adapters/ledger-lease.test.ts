/**
 * Issue 13 §3 and §7 on both providers: the processing lease (of two daemons exactly one holds a message, and a
 * holder whose process is gone is taken over), the due retries read by index, the settled check asked about a few
 * keys, and the per-(mailbox, UIDVALIDITY) cursor. Two store instances on one database stand for two daemons.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../src/adapters/database.ts";
import { createPrismaStore } from "../../src/adapters/prisma-store.ts";
import type { Store } from "../../src/app/store.ts";
import { startPostgres, type Postgres } from "../support/postgres.ts";

const at = (s: string) => new Date(s);
const NOW = at("2026-11-18T10:15:00+07:00");

function received(key: string) {
  return {
    mailbox: "INBOX", uidValidity: 1700000000, key, messageId: `<m${key}@cuc.example.vn>`, sha256: key.padStart(64, "0"),
    archivePath: `x/${key}.eml`, receivedAt: at("2026-11-18T10:12:00+07:00"), fromAddress: "nvdp@cuc.example.vn", originalFrom: null, subject: "",
  };
}

function settle(store: Store, id: number, key: string) {
  return store.commitIngest({
    messageRowId: id, state: "processed", reason: null, originalFrom: null, fromAddress: "nvdp@cuc.example.vn",
    subject: "Báo cáo tuần 47 - Phòng NVĐP", messageId: `<m${key}@cuc.example.vn>`, attachments: [], submissions: [], outbox: [], now: NOW,
  });
}

/**
 * On PostgreSQL the two claims run together. On SQLite two connections of one process would block each other's event
 * loop (better-sqlite3 waits synchronously on a lock), so there they run in turn (two SQLite daemons are processes).
 */
type Both = <T>(x: () => Promise<T>, y: () => Promise<T>) => Promise<[T, T]>;
const together: Both = (x, y) => Promise.all([x(), y()]);
const inTurn: Both = async (x, y) => [await x(), await y()];

function contract(name: string, both: Both, open: () => Promise<{ a: Store; b: Store; db: Db; close: () => Promise<void> }>) {
  describe(name, () => {
    let a: Store;
    let b: Store;
    let db: Db;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ a, b, db, close } = await open());
    }, 120_000);
    afterAll(async () => {
      await close?.();
    });

    it("of two daemons exactly one holds a message; the lease ends with its outcome", async () => {
      const row = await a.recordReceived(received("11"));
      const claims = await both(() => a.claimMessage(row.id, NOW), () => b.claimMessage(row.id, NOW));
      expect(claims.filter(Boolean)).toHaveLength(1);
      const [holder, other] = claims[0] ? [a, b] : [b, a];
      // The holder may claim again (its own lease); the other still may not.
      expect(await holder.claimMessage(row.id, NOW)).toBe(true);
      expect(await other.claimMessage(row.id, NOW)).toBe(false);
      await settle(holder, row.id, "11");
      // Settled: nobody holds it any more, and nobody may start it again.
      expect(await other.claimMessage(row.id, NOW)).toBe(false);
      const m = await db.message.findUniqueOrThrow({ where: { id: row.id } });
      expect([m.state, m.leaseUntil, m.leaseOwner]).toEqual(["processed", null, null]);
    });

    it("a failure ends the lease; the retry is claimable only when due", async () => {
      const row = await a.recordReceived(received("12"));
      expect(await a.claimMessage(row.id, NOW)).toBe(true);
      await a.recordFailure(row.id, "processing_error: Chưa xử lý được thư, hệ thống sẽ tự thử lại (test)", at("2026-11-18T10:20:00+07:00"), NOW);
      expect(await b.claimMessage(row.id, NOW)).toBe(false);
      expect(await a.dueKeys("INBOX", 1700000000, NOW)).not.toContain("12");
      const later = at("2026-11-18T10:21:00+07:00");
      expect(await a.dueKeys("INBOX", 1700000000, later)).toContain("12");
      expect(await b.claimMessage(row.id, later)).toBe(true);
      expect(await a.claimMessage(row.id, later)).toBe(false);
    });

    it("a lease held by a process of this machine that is gone is taken over at once; an expired one too", async () => {
      const row = await a.recordReceived(received("13"));
      // A pid that existed and has exited: the daemon killed in the middle of this message.
      const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString();
      const { hostname } = await import("node:os");
      await db.message.update({ where: { id: row.id }, data: { leaseOwner: `${hostname()}:${dead}:deadbeef`, leaseUntil: new Date(Date.now() + 600_000) } });
      expect(await a.dueKeys("INBOX", 1700000000, NOW)).toContain("13");
      expect(await b.claimMessage(row.id, NOW)).toBe(true);
      expect(await a.claimMessage(row.id, NOW)).toBe(false);
      // A holder on another machine: waited for until its lease expires.
      await db.message.update({ where: { id: row.id }, data: { leaseOwner: "other-host:1:cafe", leaseUntil: new Date(Date.now() + 600_000) } });
      expect(await a.claimMessage(row.id, NOW)).toBe(false);
      await db.message.update({ where: { id: row.id }, data: { leaseUntil: new Date(Date.now() - 1000) } });
      expect(await a.claimMessage(row.id, NOW)).toBe(true);
    });

    it("asks about the listed keys only, and keeps a cursor per (mailbox, UIDVALIDITY)", async () => {
      const done = await a.recordReceived(received("21"));
      await settle(a, done.id, "21");
      await a.recordReceived(received("22"));
      const keys = Array.from({ length: 1200 }, (_, i) => String(1000 + i)).concat(["21", "22"]);
      expect([...(await b.settledAmong("INBOX", 1700000000, keys, NOW))]).toEqual(["21"]);
      expect(await b.settledAmong("INBOX", 1700000001, ["21"], NOW)).toEqual(new Set());

      expect(await a.mailboxCursor("INBOX", 1700000000)).toBeNull();
      await a.saveMailboxCursor("INBOX", 1700000000, "22", NOW);
      await b.saveMailboxCursor("INBOX", 1700000000, "40", NOW);
      await a.saveMailboxCursor("INBOX", 1700000001, "3", NOW);
      expect(await a.mailboxCursor("INBOX", 1700000000)).toBe("40");
      expect(await b.mailboxCursor("INBOX", 1700000001)).toBe("3");
      expect(await b.mailboxCursor("Archive", 1700000000)).toBeNull();
    });
  });
}

contract("Ledger lease and cursor on SQLite", inTurn, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "intake-lease-"));
  const url = `file:${path.join(dir, "intake.db")}`;
  const db = await openDatabase(url);
  const a = createPrismaStore(db);
  const b = createPrismaStore(await openDatabase(url));
  return { a, b, db, close: async () => { await a.close(); await b.close(); rmSync(dir, { recursive: true, force: true }); } };
});

let pg: Postgres | undefined;
contract("Ledger lease and cursor on PostgreSQL", together, async () => {
  pg = await startPostgres();
  try {
    await pg.createDatabase("intake");
    const db = await openDatabase(pg.url("intake"));
    const a = createPrismaStore(db);
    const b = createPrismaStore(await openDatabase(pg.url("intake")));
    return { a, b, db, close: async () => { await a.close(); await b.close(); await pg?.stop(); } };
  } catch (err) {
    await pg.stop(); // a failed migration must not leave the server running
    throw err;
  }
});
