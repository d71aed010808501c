/**
 * The Store on both providers, through the same models: a real SQLite file and a real PostgreSQL server, each
 * migrated by the same start-up path the daemon uses. Two store instances on one database stand for two daemons.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/adapters/database.ts";
import { createPrismaStore } from "../../src/adapters/prisma-store.ts";
import type { OutboxEntry, Store, SubmissionRecord } from "../../src/app/store.ts";
import { startPostgres, type Postgres } from "../support/postgres.ts";

const at = (s: string) => new Date(s);

function entry(key: string, to = "nvdp@cuc.example.vn"): OutboxEntry {
  return {
    dedupeKey: key,
    purpose: "reminder",
    rateLimited: false,
    notBefore: at("2026-11-25T08:00:00+07:00"),
    mail: {
      messageId: `<${key.replace(/[^a-z0-9]/gi, "")}@intake.cuc.example.vn>`,
      from: "tonghop@cuc.example.vn",
      to: [to],
      cc: [],
      subject: "Nhắc gửi báo cáo tuần 48/2026",
      text: "Kính gửi: Lãnh đạo Phòng Nghiệp vụ - Điều phối",
      headers: { "Auto-Submitted": "auto-replied" },
      attachments: [],
      date: at("2026-11-25T08:00:00+07:00"),
    },
  };
}

function report(over: Partial<SubmissionRecord> = {}): SubmissionRecord {
  return {
    index: 0, regime: "qt-vp-03", unit: "nvdp", kind: "week", period: "2026-W47", deadline: at("2026-11-19T15:00:00+07:00"),
    onTime: true, lateSeconds: 0, status: "accepted", verdict: "dat", missingSections: [], findings: [], verdictDetail: {},
    evidence: [], confidence: 0.9, attachments: ["Báo cáo tuần 47.docx"], outline: { blocks: [] }, secret: null, reason: null, ...over,
  };
}

/**
 * `both` runs the two daemons' calls together on PostgreSQL. On SQLite the two connections of one process would
 * block each other's event loop (better-sqlite3 waits synchronously on a lock), so there the calls run in turn:
 * the same uniqueness is proven, only without overlap (two SQLite daemons are separate processes).
 */
type Both = <T>(x: () => Promise<T>, y: () => Promise<T>) => Promise<[T, T]>;
const together: Both = (x, y) => Promise.all([x(), y()]);
const inTurn: Both = async (x, y) => [await x(), await y()];

function contract(name: string, both: Both, open: () => Promise<{ a: Store; b: Store; close: () => Promise<void> }>) {
  describe(name, () => {
    let a: Store;
    let b: Store;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ a, b, close } = await open());
    }, 120_000);
    afterAll(async () => {
      await close?.();
    });

    it("records a received message once, whichever daemon sees it first", async () => {
      const row = { mailbox: "INBOX", uidValidity: 1700000000, key: "7", messageId: "<m7@cuc.example.vn>", sha256: "ab".repeat(32), archivePath: "ab/ab/x.eml", receivedAt: at("2026-11-18T10:12:00+07:00"), fromAddress: null, originalFrom: null, subject: "" };
      const [r1, r2] = await both(() => a.recordReceived(row), () => b.recordReceived(row));
      expect(r1.id).toBe(r2.id);
      expect(r1.state).toBe("received");
      expect(await a.findMessage("INBOX", 1700000000, "7")).toMatchObject({ id: r1.id, messageId: "<m7@cuc.example.vn>" });

      await a.commitIngest({
        messageRowId: r1.id, state: "processed", reason: null, originalFrom: null, fromAddress: "nvdp@cuc.example.vn",
        subject: "Báo cáo tuần 47 - Phòng NVĐP", messageId: "<m7@cuc.example.vn>", attachments: [], now: at("2026-11-18T10:13:00+07:00"),
        submissions: [report(), report({ index: 1, kind: "month", period: "2026-11", deadline: at("2026-11-28T00:00:00+07:00") })],
        outbox: [entry("reply:<m7@cuc.example.vn>:0")],
      });
      expect([...(await b.settledKeys("INBOX", 1700000000, at("2026-11-18T10:14:00+07:00")))]).toEqual(["7"]);
      const subs = await b.listSubmissions({ messageId: "<m7@cuc.example.vn>" });
      expect(subs.map((s) => [s.index, s.period, s.status, s.subject, s.fromAddress])).toEqual([
        [0, "2026-W47", "accepted", "Báo cáo tuần 47 - Phòng NVĐP", "nvdp@cuc.example.vn"],
        [1, "2026-11", "accepted", "Báo cáo tuần 47 - Phòng NVĐP", "nvdp@cuc.example.vn"],
      ]);
      expect(subs[0]!.receivedAt.toISOString()).toBe("2026-11-18T03:12:00.000Z");
      expect(subs[0]!.attachments).toEqual(["Báo cáo tuần 47.docx"]);
    });

    it("a failure is retried when due, and settled once given up", async () => {
      const row = await a.recordReceived({ mailbox: "INBOX", uidValidity: 1700000000, key: "8", messageId: "<m8@x>", sha256: "cd".repeat(32), archivePath: "cd/cd/y.eml", receivedAt: at("2026-11-18T11:00:00+07:00"), fromAddress: null, originalFrom: null, subject: "" });
      // Issue 13 §2: each attempt is counted when it starts (recordAttempt), the failure records its outcome.
      await a.recordAttempt(row.id, at("2026-11-18T11:00:00+07:00"));
      await a.recordFailure(row.id, "processing_error: boom", at("2026-11-18T11:05:00+07:00"), at("2026-11-18T11:00:30+07:00"));
      expect((await b.settledKeys("INBOX", 1700000000, at("2026-11-18T11:01:00+07:00"))).has("8")).toBe(true);
      expect((await b.settledKeys("INBOX", 1700000000, at("2026-11-18T11:06:00+07:00"))).has("8")).toBe(false);
      const failed = await b.listSubmissions({ messageId: "<m8@x>" });
      expect(failed.map((s) => [s.status, s.reason])).toEqual([["failed", "processing_error: boom"]]);
      await a.recordAttempt(row.id, at("2026-11-18T11:07:00+07:00"));
      await a.recordFailure(row.id, "processing_error: boom again", null, at("2026-11-18T11:06:00+07:00"));
      // A failure reported after another daemon settled the message leaves that outcome alone.
      const settled = await a.findMessage("INBOX", 1700000000, "7");
      await b.recordFailure(settled!.id, "processing_error: late", null, at("2026-11-18T11:07:00+07:00"));
      expect((await a.findMessage("INBOX", 1700000000, "7"))?.state).toBe("processed");
      expect((await a.listSubmissions({ messageId: "<m7@cuc.example.vn>" })).map((s) => s.status)).toEqual(["accepted", "accepted"]);
      expect((await b.settledKeys("INBOX", 1700000000, at("2027-01-01T00:00:00+07:00"))).has("8")).toBe(true);
      expect((await a.findMessage("INBOX", 1700000000, "8"))?.attempts).toBe(2);
    });

    it("the digest's narrow reads (issue 13 §3): submissions by status, receipt window and Message-IDs", async () => {
      expect((await b.listSubmissions({ statuses: ["failed"] })).map((s) => s.messageId)).toEqual(["<m8@x>"]);
      expect(await b.listSubmissions({ statuses: ["accepted"], receivedBefore: at("2026-11-18T10:12:00+07:00") })).toEqual([]);
      const window = await b.listSubmissions({ receivedFrom: at("2026-11-18T10:12:00+07:00"), receivedBefore: at("2026-11-18T11:00:00+07:00") });
      expect(window.map((s) => [s.messageId, s.index])).toEqual([["<m7@cuc.example.vn>", 0], ["<m7@cuc.example.vn>", 1]]);
      expect((await b.listSubmissions({ messageIds: ["<m8@x>", "<khong-co@x>"] })).map((s) => s.messageId)).toEqual(["<m8@x>"]);
    });

    it("a scheduled job is done by exactly one of two daemons, with its mail queued once", async () => {
      const job = { key: "reminder:qt-vp-03:2026-W48:nvdp:-24h", kind: "reminder", dueAt: at("2026-11-25T15:00:00+07:00"), detail: {} };
      const results = await both(() => a.commitJob(job, [entry(job.key)]), () => b.commitJob(job, [entry(job.key)]));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await a.jobDone(job.key)).toBe(true);
      expect((await b.listOutbox()).filter((o) => o.dedupeKey === job.key)).toHaveLength(1);
    });

    it("the last job of a kind due before an instant (the previous digest)", async () => {
      expect(await a.lastJobDue("digest", at("2026-11-30T08:00:00+07:00"))).toBeNull();
      for (const day of ["2026-11-24", "2026-11-25"]) {
        await a.commitJob({ key: `digest:${day}`, kind: "digest", dueAt: at(`${day}T08:00:00+07:00`), detail: {} }, []);
      }
      expect(await b.lastJobDue("digest", at("2026-11-30T08:00:00+07:00"))).toEqual(at("2026-11-25T08:00:00+07:00"));
      expect(await b.lastJobDue("digest", at("2026-11-25T08:00:00+07:00"))).toEqual(at("2026-11-24T08:00:00+07:00"));
      expect(await b.lastJobDue("reminder", at("2026-11-20T08:00:00+07:00"))).toBeNull();
    });

    it("only one daemon claims an outbox row; sent rows count against the hourly limit", async () => {
      const [row] = (await a.dueOutbox(at("2026-11-25T09:00:00+07:00"), 10)).filter((r) => r.dedupeKey.startsWith("reminder:"));
      expect(row).toBeDefined();
      const claims = await both(() => a.claimOutbox(row!.id, at("2026-11-25T09:00:00+07:00")), () => b.claimOutbox(row!.id, at("2026-11-25T09:00:00+07:00")));
      expect(claims.filter(Boolean)).toHaveLength(1);
      await a.markSent(row!.id, at("2026-11-25T09:00:01+07:00"));
      const outbox = await b.listOutbox({ states: ["sent"] });
      // Counted without reading the rows, the same number as listing them.
      expect(await b.countOutbox(["sent", "pending"])).toBe((await b.listOutbox({ states: ["sent", "pending"] })).length);
      expect(await b.countOutbox(["sent"])).toBe(outbox.length);
      expect(outbox.map((o) => [o.dedupeKey, o.mail.subject, o.mail.date.toISOString()])).toContainEqual([row!.dedupeKey, "Nhắc gửi báo cáo tuần 48/2026", "2026-11-25T01:00:00.000Z"]);
      // Reminders are not rate limited; a rate-limited reply is.
      expect((await b.countRateLimitedSent("nvdp@cuc.example.vn", at("2026-11-25T08:30:00+07:00"))).count).toBe(0);
      const reply = { ...entry("reply:<r1@x>:0"), rateLimited: true };
      await a.enqueue([reply, reply]);
      const [r] = (await a.dueOutbox(at("2026-11-25T09:10:00+07:00"), 10)).filter((x) => x.dedupeKey === "reply:<r1@x>:0");
      await a.claimOutbox(r!.id, at("2026-11-25T09:10:00+07:00"));
      await a.markSent(r!.id, at("2026-11-25T09:10:00+07:00"));
      expect(await b.countRateLimitedSent("nvdp@cuc.example.vn", at("2026-11-25T08:30:00+07:00"))).toEqual({ count: 1, oldest: at("2026-11-25T09:10:00+07:00") });
    });

    it("the digest's narrow reads (issue 13 §3): the outbox by purpose and sent time", async () => {
      const sent = (o: { purposes?: string[]; sentFrom?: Date }) => a.listOutbox({ states: ["sent"], ...o }).then((rows) => rows.map((r) => r.dedupeKey));
      expect(await sent({ purposes: ["reminder"], sentFrom: at("2026-11-25T09:00:00+07:00") })).toContain("reply:<r1@x>:0");
      expect(await sent({ purposes: ["khong_dat"] })).toEqual([]);
      expect(await sent({ sentFrom: at("2026-11-25T09:10:01+07:00") })).toEqual([]);
      expect(await sent({ sentFrom: at("2026-11-25T09:05:00+07:00") })).toEqual(["reply:<r1@x>:0"]);
    });

    it("draft versions are unique per period and found by their email's Message-ID", async () => {
      const d1 = await a.commitDraft({ regime: "qt-vp-03", period: "2026-W47", version: 1, archivePath: "d/1.docx", sha256: "1", included: { nvdp: "accepted@1" }, summary: [], emailMessageId: "<d1@intake.cuc.example.vn>" }, []);
      await expect(b.commitDraft({ regime: "qt-vp-03", period: "2026-W47", version: 1, archivePath: "d/2.docx", sha256: "2", included: {}, summary: [], emailMessageId: "<d2@x>" }, [])).rejects.toThrow();
      expect((await b.findDraftByEmail(["<zz@x>", "<d1@intake.cuc.example.vn>"]))?.id).toBe(d1!.id);
      // The chief's answer is a received message: its review is committed with the message's outcome.
      const answer = await b.recordReceived({
        mailbox: "INBOX", uidValidity: 7, key: "900", messageId: "<review-1@cuc.example.vn>", sha256: "r1", archivePath: "r/1.eml",
        receivedAt: at("2026-11-23T09:00:00+07:00"), fromAddress: "chanhvp@cuc.example.vn", originalFrom: null, subject: "Re: Dự thảo",
      });
      await b.commitIngest({
        messageRowId: answer.id, state: "processed", reason: "draft_review", originalFrom: null, fromAddress: "chanhvp@cuc.example.vn",
        subject: "Re: Dự thảo", messageId: "<review-1@cuc.example.vn>", attachments: [], submissions: [], outbox: [], now: at("2026-11-23T09:00:00+07:00"),
        draftReview: { draftId: d1!.id, state: "khong_dat", note: "Bổ sung số liệu", by: "chanhvp@cuc.example.vn", at: at("2026-11-23T09:00:00+07:00") },
      });
      expect((await a.listDrafts({ period: "2026-W47" })).map((d) => [d.version, d.reviewState, d.reviewNote, d.included])).toEqual([[1, "khong_dat", "Bổ sung số liệu", { nvdp: "accepted@1" }]]);
    });
  });
}

contract("Store on SQLite", inTurn, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "intake-store-"));
  const url = `file:${path.join(dir, "intake.db")}`;
  const a = createPrismaStore(await openDatabase(url));
  const b = createPrismaStore(await openDatabase(url));
  return { a, b, close: async () => { await a.close(); await b.close(); rmSync(dir, { recursive: true, force: true }); } };
});

let pg: Postgres | undefined;
contract("Store on PostgreSQL", together, async () => {
  pg = await startPostgres();
  await pg.createDatabase("intake");
  const a = createPrismaStore(await openDatabase(pg.url("intake")));
  const b = createPrismaStore(await openDatabase(pg.url("intake")));
  return { a, b, close: async () => { await a.close(); await b.close(); await pg?.stop(); } };
});
