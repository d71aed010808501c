/**
 * Bench (h), issue 13 §3/§5: the cost of one idle poll on a mailbox of 100,000 messages (× BENCH_SCALE), all already
 * in the ledger. The messages are written straight into the Dovecot user's Maildir (Dovecot indexes them on the first
 * SELECT) and the ledger rows inserted in bulk, so the setup takes seconds, not the hours 100,000 ingests would.
 * Measured: the daemon's pass (cursor per UIDVALIDITY: `UID SEARCH UID n+1:*` plus the due retries, by index), and
 * for contrast what each pass cost before issue 13 (`UID SEARCH ALL` and every settled key of the ledger).
 */
import { chownSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pollMailbox } from "../src/app/poll-mailbox.ts";
import { openDatabase } from "../src/adapters/database.ts";
import { OFFICE } from "./corpus.ts";
import { emit, mb, ms, rssMb, summarize, timingCells } from "./stats.ts";
import { startBenchWorld } from "./world.ts";

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const MESSAGES = Math.max(1000, Math.round(100_000 * SCALE));
const RUNS = 7;

async function main(): Promise<void> {
  const world = await startBenchWorld();
  try {
    const home = path.join(world.dovecot.tmpDir, "mail", OFFICE);
    const owner = statSync(home);
    const maildir = path.join(home, "Maildir");
    const w0 = performance.now();
    for (const sub of ["cur", "new", "tmp"]) {
      mkdirSync(path.join(maildir, sub), { recursive: true });
      chownSync(path.join(maildir, sub), owner.uid, owner.gid);
    }
    chownSync(maildir, owner.uid, owner.gid);
    const base = 1_735_000_000;
    for (let i = 0; i < MESSAGES; i++) {
      const raw = `From: nvdp@cuc.example.vn\r\nTo: ${OFFICE}\r\nSubject: Thư cũ số ${i}\r\nMessage-ID: <old-${i}@cuc.example.vn>\r\nDate: Mon, 1 Dec 2025 09:00:00 +0700\r\n\r\nThư đã xử lý từ trước.\r\n`;
      const file = path.join(maildir, "cur", `${base + i}.M${i}P1.bench:2,S`);
      writeFileSync(file, raw);
      chownSync(file, owner.uid, owner.gid);
    }
    const writeMs = performance.now() - w0;

    const app = await world.app("2026-11-20T18:00:00");
    const mailbox = app.openMailbox();
    const s0 = performance.now();
    const { uidValidity } = await mailbox.open();
    const selectMs = performance.now() - s0;

    // The ledger as after a long life: every message processed.
    const db = await openDatabase(`file:${path.join(world.dataDir, "intake.db")}`, { migrate: false });
    const l0 = performance.now();
    for (let lo = 1; lo <= MESSAGES; lo += 5000) {
      await db.message.createMany({
        data: Array.from({ length: Math.min(5000, MESSAGES - lo + 1) }, (_, k) => {
          const uid = lo + k;
          return {
            mailbox: "INBOX", uidValidity: BigInt(uidValidity), uid: BigInt(uid), key: String(uid), messageId: `<old-${uid - 1}@cuc.example.vn>`,
            sha256: uid.toString(16).padStart(64, "0"), archivePath: "x", receivedAt: new Date(), state: "processed", processedAt: new Date(),
          };
        }),
      });
    }
    await db.$disconnect();
    const ledgerMs = performance.now() - l0;

    // The first pass lists everything once (no cursor yet), then each idle pass asks only above the cursor.
    const f0 = performance.now();
    const first = await pollMailbox(app.deps, mailbox);
    const firstMs = performance.now() - f0;
    const rssBefore = rssMb();
    const idle: number[] = [];
    let last = first;
    for (let r = 0; r < RUNS; r++) {
      const t = performance.now();
      last = await pollMailbox(app.deps, mailbox);
      idle.push(performance.now() - t);
    }
    // Before issue 13, each pass: UID SEARCH ALL, and every settled key of the ledger loaded.
    const before: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const t = performance.now();
      const keys = await mailbox.listKeys();
      const settled = await app.deps.store.settledKeys("INBOX", uidValidity, app.deps.clock.now());
      if (keys.filter((k) => !settled.has(k)).length !== 0) throw new Error("bench setup: the ledger does not cover the mailbox");
      before.push(performance.now() - t);
    }
    const rssAfter = rssMb();
    await mailbox.close();
    await app.close();
    emit({
      section: "idle-poll",
      title: `(h) One idle poll on a mailbox of ${MESSAGES.toLocaleString("en")} messages, all in the ledger (IMAP, SQLite)`,
      rows: [
        { label: "setup: write the Maildir files", cells: { n: String(MESSAGES), "total s": (writeMs / 1000).toFixed(1) } },
        { label: "setup: first SELECT (Dovecot indexes)", cells: { n: "1", "total s": (selectMs / 1000).toFixed(1) } },
        { label: "setup: ledger rows (bulk insert)", cells: { n: String(MESSAGES), "total s": (ledgerMs / 1000).toFixed(1) } },
        { label: "first pass (no cursor yet: lists all once)", cells: { n: "1", "total s": (firstMs / 1000).toFixed(2) } },
        { label: "idle pass (cursor + due retries)", cells: { n: String(RUNS), ...timingCells(summarize(idle)) } },
        { label: "before issue 13: SEARCH ALL + settled keys", cells: { n: String(RUNS), ...timingCells(summarize(before)) } },
      ],
      notes: [
        `idle pass: seen ${last.seen}, skipped ${last.skipped}, processed ${last.processed} (nothing new); first pass seen ${first.seen}, skipped ${first.skipped}`,
        `median idle pass ${ms(summarize(idle).p50)} ms against ${ms(summarize(before).p50)} ms before; RSS ${mb(rssBefore)} → ${mb(rssAfter)} MB`,
      ],
    });
  } finally {
    await world.stop();
  }
}

await main();
