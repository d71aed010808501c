/**
 * Issue 13 §2, no poison message, with the daemon as a child process against Dovecot, the SMTP sink and SQLite:
 * the attempt is on record before the work starts, so a daemon SIGKILLed in the middle of a document is not made to
 * read that document again at every start. Killed twice in the middle of it, the third start finds it waiting for
 * its backoff and reads the next mail at once; after its attempts run out it is set aside for a person.
 * The document that "kills" is a 40 MiB one-paragraph .docx let through the ZIP rules (zipRatio raised): mammoth
 * needs seconds for it, long enough to kill the daemon while a worker reads it.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outlookMail } from "../support/eml.ts";
import { queryLedger } from "../support/ledger-db.ts";
import { OFFICE, UNITS, defaultRegimes, startIntakeWorld, type IntakeWorld } from "../support/intake.ts";
import { wordLikeReport } from "../support/docx-fixtures.ts";
import { docxBomb } from "../support/zip-bombs.ts";

let world: IntakeWorld;
beforeAll(async () => {
  world = await startIntakeWorld({ regimes: { ...defaultRegimes(), limits: { zipRatio: 1_000_000, documentSeconds: 300, workerMemoryMb: 2048 } } });
});
afterAll(async () => {
  await world?.stop();
});

interface LedgerRow {
  state: string;
  attempts: number;
  nextAttemptAt: number | null;
  reason: string | null;
}
const slowRow = (): LedgerRow | undefined =>
  queryLedger<LedgerRow>(world.dataDir, `SELECT state, attempts, nextAttemptAt, reason FROM "Message" WHERE messageId = ?`, "<cham-40mb@cuc.example.vn>")[0];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts the daemon and SIGKILLs it once the slow message's attempt number `attempt` is on record (and running). */
async function killDuringAttempt(attempt: number, now: string): Promise<void> {
  const d = world.daemon(now);
  const started = Date.now();
  while ((slowRow()?.attempts ?? 0) < attempt) {
    if (Date.now() - started > 90_000) throw new Error(`attempt ${attempt} never started:\n${d.output()}`);
    await sleep(100);
  }
  // The worker is reading the 40 MiB document now (seconds of work).
  await sleep(800);
  d.child.kill("SIGKILL");
  await d.exited;
}

describe("a message that kills the daemon", () => {
  it("is retried with backoff, and the next mail is read meanwhile", async () => {
    await world.deliver(
      outlookMail({
        from: { name: "Phòng Nghiệp vụ - Điều phối", address: UNITS.nvdp }, to: [OFFICE], subject: "Báo cáo tuần 47 - Phòng NVĐP (bản dài)",
        messageId: "cham-40mb@cuc.example.vn", text: "Kính gửi Văn phòng Cục,\nPhòng NVĐP gửi báo cáo tuần 47.",
        attachments: [{ filename: "Báo cáo tuần 47 - NVĐP (bản dài).docx", content: docxBomb(40) }],
      }),
      "2026-11-18T09:00:00+07:00",
    );

    await killDuringAttempt(1, "2026-11-18T09:10:00");
    expect(slowRow()).toMatchObject({ state: "received", attempts: 1 });
    // A process may be stopped for other reasons: the first interrupted attempt is tried again at once (the daemon's
    // clock starts at INTAKE_NOW, so the restart is placed a little later, as a real restart is).
    await killDuringAttempt(2, "2026-11-18T09:10:30");
    expect(slowRow()).toMatchObject({ state: "received", attempts: 2 });

    await world.deliver(
      outlookMail({
        from: { name: "Phòng Nghiệp vụ - Điều phối", address: UNITS.nvdp }, to: [OFFICE], subject: "Báo cáo tuần 47 - Phòng NVĐP",
        messageId: "bao-cao-ngan@cuc.example.vn", text: "Kính gửi Văn phòng Cục,\nPhòng NVĐP gửi lại báo cáo tuần 47.",
        attachments: [{ filename: "Báo cáo tuần 47 - NVĐP.docx", content: await wordLikeReport() }],
      }),
      "2026-11-18T09:05:00+07:00",
    );
    const started = Date.now();
    const poll = await world.run(["poll", "--once"], "2026-11-18T09:11:00");
    expect(poll.code, poll.stderr).toBe(0);
    // Waiting for its backoff (1 min after the second interrupted attempt): not read, not counted again.
    expect(slowRow()).toMatchObject({ state: "received", attempts: 2 });
    expect(Date.now() - started).toBeLessThan(30_000);
    const rows = await world.json<{ messageId: string; status: string; verdict: string | null }[]>(["submissions"], "2026-11-18T09:11:00");
    expect(rows.filter((r) => r.messageId === "<bao-cao-ngan@cuc.example.vn>").map((r) => [r.status, r.verdict])).toEqual([["accepted", "dat"]]);
    // The answer to the honest report; none about the slow one (the daemon's scheduled mail has no In-Reply-To).
    const replies = (await world.servers.readMailbox(UNITS.nvdp)).filter((m) => m.inReplyTo);
    expect(replies.map((m) => m.inReplyTo)).toEqual(["<bao-cao-ngan@cuc.example.vn>"]);
  }, 400_000);

  it("is set aside for a person once its attempts have run out", async () => {
    // Four more interrupted attempts would take minutes of real reading; the ledger is brought to where six
    // interrupted attempts leave it (attempts 6, due again), which is exactly what the daemon finds after them.
    const Database = createRequire(import.meta.url)("better-sqlite3") as new (f: string) => { prepare(s: string): { run(...a: unknown[]): unknown }; close(): void };
    const db = new Database(path.join(world.dataDir, "intake.db"));
    db.prepare(`UPDATE "Message" SET attempts = 6, nextAttemptAt = NULL, leaseUntil = NULL, leaseOwner = NULL WHERE messageId = ?`).run("<cham-40mb@cuc.example.vn>");
    db.close();
    const started = Date.now();
    const poll = await world.run(["poll", "--once"], "2026-11-18T18:00:00");
    expect(poll.code, poll.stderr).toBe(0);
    expect(Date.now() - started).toBeLessThan(30_000);
    const row = slowRow()!;
    expect([row.state, row.attempts, row.nextAttemptAt]).toEqual(["failed", 6, null]);
    expect(row.reason).toMatch(/^processing_error: Không xử lý được thư sau 6 lần thử/);
    const rows = await world.json<{ messageId: string; status: string }[]>(["submissions"], "2026-11-18T18:00:00");
    expect(rows.filter((r) => r.messageId === "<cham-40mb@cuc.example.vn>").map((r) => r.status)).toEqual(["failed"]);
    // Nothing was sent about it.
    expect((await world.servers.readMailbox(UNITS.nvdp)).filter((m) => m.inReplyTo === "<cham-40mb@cuc.example.vn>")).toEqual([]);
  }, 120_000);
});
