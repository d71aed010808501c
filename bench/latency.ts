/**
 * Bench (i), issue 13 §5: arrival-to-reply latency, p50/p95, with the daemon (`intake run`, a child process, as the
 * office runs it): in IDLE on Dovecot, and in the embedded default (a Maildir watched with fs.watch, no IMAP). A unit's
 * report arrives every 1.5 s (APPEND, or a delivery written to tmp/ and renamed into new/); the latency is from the
 * moment it is in the mailbox to the moment the reply reaches the SMTP server.
 */
import { renameSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { defaultRegimes, eventually, startIntakeWorld, type IntakeWorld } from "../test/support/intake.ts";
import { inReplyToOf, reportBatch } from "../test/support/report-batch.ts";
import { emit, summarize, timingCells } from "./stats.ts";

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const MAILS = Math.max(5, Math.round(30 * SCALE));
const GAP_MS = 1500;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function measure(mode: "idle" | "maildir"): Promise<number[]> {
  const world: IntakeWorld = await startIntakeWorld({
    regimes: defaultRegimes({ replyLimitPerHour: 1000 }),
    ...(mode === "maildir" ? { env: { IMAP_HOST: "", IMAP_USER: "", IMAP_PASSWORD: "" } } : {}),
  });
  const mails = await reportBatch(MAILS, mode === "idle" ? 0 : 1000);
  const arrived = new Map<string, number>();
  // The reports are of 2025's weeks; the daemon's clock starts on a day after them (as in the fault tests).
  const d = world.daemon("2025-12-20T09:00:00", { LOG_LEVEL: "info" });
  try {
    // Started and idle: the first mail is not waiting for the start-up.
    await eventually(async () => d.output().includes('"daemon started"') || undefined, 120_000, "the daemon's start");
    await sleep(5000);
    const maildir = path.join(world.dataDir, "mail");
    for (const [i, m] of mails.entries()) {
      if (mode === "idle") {
        await world.deliver(m.raw, m.at);
      } else {
        for (const sub of ["tmp", "new", "cur"]) mkdirSync(path.join(maildir, sub), { recursive: true });
        const name = `${Math.floor(m.at.getTime() / 1000)}.M${i}P${process.pid}.bench`;
        writeFileSync(path.join(maildir, "tmp", name), m.raw);
        renameSync(path.join(maildir, "tmp", name), path.join(maildir, "new", name));
      }
      arrived.set(m.messageId, Date.now());
      await sleep(GAP_MS);
    }
    const ids = new Set(mails.map((m) => m.messageId));
    await eventually(async () => world.servers.smtp.received.filter((r) => ids.has(inReplyToOf(r.raw) ?? "")).length >= MAILS || undefined, 120_000, `${mode}: every reply`);
    return world.servers.smtp.received
      .map((r) => ({ id: inReplyToOf(r.raw), at: r.receivedAt.getTime() }))
      .filter((r) => r.id && arrived.has(r.id))
      .map((r) => r.at - arrived.get(r.id!)!);
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${d.output().slice(-3000)}`);
  } finally {
    d.child.kill("SIGTERM");
    await d.exited;
    await world.stop();
  }
}

async function main(): Promise<void> {
  const idle = await measure("idle");
  const maildir = await measure("maildir");
  emit({
    section: "latency",
    title: `(i) Arrival to reply — ${MAILS} reports, one every ${GAP_MS / 1000} s, daemon as a child process`,
    rows: [
      { label: "IMAP IDLE (Dovecot)", cells: timingCells(summarize(idle)) },
      { label: "Maildir (embedded default, fs.watch)", cells: timingCells(summarize(maildir)) },
    ],
    notes: ["from the APPEND (or the rename into new/) to the reply's arrival at the SMTP server; includes the SMTP send"],
  });
}

await main();
