/**
 * Issue 10 item 7 (§7 of every procedure): `intake retention` removes the archived mail only when it is older than
 * the retention (`retentionYears`, never below 3), keeps the ledger row with a tombstone, and a removed message is
 * not ingested (nor archived) again, even when the mailbox is listed from the start once more.
 *
 * INTAKE_NOW = 2026-11-29 09:00 +07:00, retention 3 years: the cutoff is 2023-11-29 09:00 +07:00. One mail a minute
 * before it (removed), one exactly at it (kept: not strictly older), one a minute after it (kept), one recent (kept).
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { stringify } from "yaml";
import { writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultRegimes, startIntakeWorld, UNITS, OFFICE, type IntakeWorld } from "../support/intake.ts";
import { queryLedger } from "../support/ledger-db.ts";

const NOW = "2026-11-29T09:00:00+07:00";
const MAILS = [
  { id: "<ret-old@nvdp.example.vn>", at: "2023-11-29T08:59:00+07:00", removed: true },
  { id: "<ret-boundary@nvdp.example.vn>", at: "2023-11-29T09:00:00+07:00", removed: false },
  { id: "<ret-after@nvdp.example.vn>", at: "2023-11-29T09:01:00+07:00", removed: false },
  { id: "<ret-recent@nvdp.example.vn>", at: "2026-11-10T10:00:00+07:00", removed: false },
];

function mail(id: string, at: string): Buffer {
  return Buffer.from(
    [
      `From: Phong NVDP <${UNITS.nvdp}>`,
      `To: ${OFFICE}`,
      `Subject: Bao cao tuan - Phong NVDP (${at.slice(0, 10)})`,
      `Date: ${new Date(at).toUTCString()}`,
      `Message-ID: ${id}`,
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8",
      "",
      "I. KẾT QUẢ CÔNG TÁC TUẦN",
      "- Đã triển khai các nhiệm vụ được giao.",
      "II. KẾ HOẠCH TUẦN TỚI",
      "- Tiếp tục triển khai nhiệm vụ.",
      "",
    ].join("\r\n"),
  );
}

type Ledger = { messageId: string; archivePath: string; state: string };
let world: IntakeWorld;
const ledger = () => queryLedger<Ledger>(world.dataDir, `SELECT messageId, archivePath, state FROM "Message" ORDER BY id`);

beforeAll(async () => {
  world = await startIntakeWorld({ regimes: { ...defaultRegimes(), retentionYears: 3 } });
  for (const m of MAILS) await world.deliver(mail(m.id, m.at), m.at);
  const poll = await world.run(["poll", "--once"], NOW);
  expect(poll.code, poll.stderr).toBe(0);
}, 120_000);

afterAll(async () => {
  await world?.stop();
});

describe("intake retention (§7, issue 10)", () => {
  it("refuses a retention below 3 years at start-up", async () => {
    const file = path.join(world.dataDir, "regimes-2y.yaml");
    writeFileSync(file, stringify({ ...defaultRegimes(), retentionYears: 2 }));
    const r = await world.run(["retention", "--dry-run"], NOW, { REGIMES_FILE: file });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("retentionYears");
  });

  it("--dry-run lists only what is strictly older than the retention and removes nothing", async () => {
    expect(ledger()).toHaveLength(4);
    const r = await world.run(["retention", "--dry-run", "--json"], NOW);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { cutoff: string; messages: { messageId: string; removed: boolean }[] };
    expect(out.cutoff).toBe("2023-11-29T09:00:00+07:00");
    expect(out.messages.map((m) => m.messageId)).toEqual(["<ret-old@nvdp.example.vn>"]);
    for (const row of ledger()) expect(existsSync(path.join(world.dataDir, "archive", row.archivePath)), row.messageId).toBe(true);
  });

  it("removes the archived mail older than the retention, keeps the ledger row with a tombstone and the younger mail", async () => {
    const r = await world.run(["retention"], NOW);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Đã xóa bản lưu của 1 thư");
    const rows = ledger();
    expect(rows).toHaveLength(4);
    for (const m of MAILS) {
      const row = rows.find((x) => x.messageId === m.id)!;
      if (m.removed) expect(row.archivePath).toMatch(/^removed:/);
      else expect(existsSync(path.join(world.dataDir, "archive", row.archivePath)), m.id).toBe(true);
    }
    // The history stays: the removed mail's report is still in submissions (tracking, KPI).
    const subs = await world.json<{ messageId: string }[]>(["submissions"], NOW);
    expect(subs.map((s) => s.messageId)).toContain("<ret-old@nvdp.example.vn>");
    // Run again: nothing more is old enough.
    const again = await world.json<{ messages: unknown[] }>(["retention"], NOW);
    expect(again.messages).toEqual([]);
  });

  it("does not ingest nor archive a removed message again, even when the mailbox is listed from the start", async () => {
    const before = await world.json<unknown[]>(["submissions"], NOW);
    const archiveFiles = () => queryLedger<{ n: number }>(world.dataDir, `SELECT COUNT(*) AS n FROM "Message"`)[0]!.n;
    // Forget how far the mailbox was listed (a lost cursor, a restored database): every UID is read again.
    const Database = createRequire(import.meta.url)("better-sqlite3") as new (f: string) => { exec(sql: string): void; close(): void };
    const db = new Database(path.join(world.dataDir, "intake.db"));
    db.exec(`DELETE FROM "MailboxCursor"`);
    db.close();
    const poll = await world.run(["poll", "--once"], NOW);
    expect(poll.code, poll.stderr).toBe(0);
    expect(archiveFiles()).toBe(4);
    const old = ledger().find((x) => x.messageId === "<ret-old@nvdp.example.vn>")!;
    expect(old.archivePath).toMatch(/^removed:/);
    const after = await world.json<unknown[]>(["submissions"], NOW);
    expect(after).toHaveLength(before.length);
    // The removed file was not written back by the second listing.
    const { readdirSync } = await import("node:fs");
    const files = (readdirSync(path.join(world.dataDir, "archive"), { recursive: true }) as string[]).filter((f) => f.endsWith(".eml"));
    expect(files).toHaveLength(3);
  });
});
