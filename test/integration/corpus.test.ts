/**
 * Issue 12, item 7: the whole pipeline over the independent corpus (test/corpus/, see its README).
 *
 * Every .eml of test/corpus/mail/ is appended to a real Dovecot INBOX with its manifest receipt time as INTERNALDATE;
 * one `intake poll --once` (INTAKE_NOW = 2026-11-29 12:00 +07:00) reads them; `intake submissions --json` is compared
 * with test/corpus/manifest.json field by field. The test prints the accuracy of each field, the confusion matrix of
 * status/verdict and every mismatch (file, field, expected, got), then asserts 100% on every field.
 *
 * The corpus was written without looking at the code's heading and period lists: failures here are the reading's
 * failures, not the corpus's. Do not edit the manifest to make this pass.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, startIntakeWorld, type IntakeWorld } from "../support/intake.ts";
import { messageIdOf } from "../support/report-mail.ts";

const NOW = "2026-11-29T12:00:00+07:00";
const CORPUS = path.join(ROOT, "test", "corpus");

interface Expected {
  unit: string | null;
  kind: string | null;
  period: string | null;
  onTime: boolean | null;
  status: string;
  verdict: string | null;
  missingSections: string[];
  attachments: string[];
  originalFrom: string | null;
  reason: string | null;
}
interface Entry {
  file: string;
  receivedAt: string;
  producer: string;
  traps: string[];
  expected: Expected[];
  why: string;
}
type Row = Record<string, unknown>;

const FIELDS = ["unit", "kind", "period", "onTime", "status", "verdict", "missingSections", "attachments", "originalFrom", "reason"] as const;
type Field = (typeof FIELDS)[number];

const manifest = JSON.parse(readFileSync(path.join(CORPUS, "manifest.json"), "utf8")) as Entry[];
const mails = manifest.map((e) => {
  const raw = readFileSync(path.join(CORPUS, e.file));
  const messageId = messageIdOf(raw);
  if (!messageId) throw new Error(`${e.file}: no Message-ID`);
  return { ...e, raw, messageId };
});

/** The reason's English code: "missing_sections: Thiếu mục …" → "missing_sections". */
const reasonCode = (r: unknown): string | null => (typeof r === "string" ? (r.split(/[:\s]/, 1)[0] ?? "").trim() || null : null);

function actualOf(row: Row | undefined, field: Field): unknown {
  if (!row) return "(no row)";
  const v = row[field];
  if (field === "reason") return reasonCode(v);
  if (field === "missingSections") return Array.isArray(v) ? [...(v as string[])].sort() : v ?? null;
  if (field === "attachments") return Array.isArray(v) ? (v as string[]).map((a) => String(a).normalize("NFC")) : v ?? null;
  return v ?? null;
}

function expectedOf(e: Expected, field: Field): unknown {
  if (field === "missingSections") return [...e.missingSections].sort();
  return e[field];
}

const label = (status: unknown, verdict: unknown): string => (status === "accepted" || status === "rejected" ? `${status}/${verdict ?? "null"}` : String(status ?? "(none)"));

let world: IntakeWorld;

beforeAll(async () => {
  world = await startIntakeWorld();
  // Deliver in receipt order (resubmissions after the versions they correct).
  const order = [...mails].sort((a, b) => new Date(a.receivedAt).getTime() - new Date(b.receivedAt).getTime());
  for (const m of order) await world.deliver(m.raw, m.receivedAt);
}, 300_000);

afterAll(async () => {
  await world?.stop();
});

describe("the independent corpus (issue 12)", () => {
  it("reads every mail as the compiling officer does", async () => {
    expect(mails.length).toBeGreaterThanOrEqual(70);
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(mails.length);

    const poll = await world.run(["poll", "--once"], NOW);
    if (poll.code !== 0) console.log(`intake poll --once exited ${poll.code}\n${poll.stderr.slice(-4000)}`);
    expect(poll.code).toBe(0);

    const rows = await world.json<Row[]>(["submissions"], NOW);
    const byId = new Map<string, Row[]>();
    for (const r of rows) {
      const id = String(r.messageId);
      byId.set(id, [...(byId.get(id) ?? []), r]);
    }

    const total = Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<Field, number>;
    const right = Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<Field, number>;
    const mismatches: string[] = [];
    const confusion = new Map<string, Map<string, number>>();
    const extraRows: string[] = [];

    for (const m of mails) {
      const got = [...(byId.get(m.messageId) ?? [])];
      // Pair each expected report with the row of the same kind/period when there is one, else in order.
      const pairs = m.expected.map((e) => {
        let at = got.findIndex((r) => r.kind === e.kind && r.period === e.period);
        if (at < 0) at = 0;
        const row = got.length > 0 ? got.splice(at, 1)[0] : undefined;
        return { e, row };
      });
      for (const r of got) extraRows.push(`${m.file}: extra row ${label(r.status, r.verdict)} kind=${String(r.kind)} period=${String(r.period)}`);
      for (const { e, row } of pairs) {
        const exp = label(e.status, e.verdict);
        const act = row ? label(row.status, row.verdict) : "(no row)";
        const line = confusion.get(exp) ?? new Map<string, number>();
        line.set(act, (line.get(act) ?? 0) + 1);
        confusion.set(exp, line);
        for (const f of FIELDS) {
          total[f]++;
          const want = expectedOf(e, f);
          const have = actualOf(row, f);
          if (JSON.stringify(want) === JSON.stringify(have)) right[f]++;
          else mismatches.push(`${m.file}  ${f}: expected ${JSON.stringify(want)}, got ${JSON.stringify(have)}${f === "status" || f === "verdict" || f === "period" ? `  (reason: ${JSON.stringify(row?.reason ?? null)})` : ""}`);
        }
      }
    }

    const pct = (f: Field): string => `${((100 * right[f]) / Math.max(1, total[f])).toFixed(1)}%`;
    const out: string[] = [];
    out.push(`\nCorpus: ${mails.length} mails, ${mails.reduce((n, m) => n + m.expected.length, 0)} expected objects, ${rows.length} rows from submissions --json`);
    out.push("\nAccuracy per field:");
    out.push(`  ${"field".padEnd(16)} ${"right".padStart(6)} ${"total".padStart(6)} ${"accuracy".padStart(9)}`);
    for (const f of FIELDS) out.push(`  ${f.padEnd(16)} ${String(right[f]).padStart(6)} ${String(total[f]).padStart(6)} ${pct(f).padStart(9)}`);
    const cols = [...new Set([...confusion.values()].flatMap((l) => [...l.keys()]))].sort();
    out.push("\nConfusion of status/verdict (rows: expected, columns: got):");
    out.push(`  ${"".padEnd(20)}${cols.map((c) => c.padStart(20)).join("")}`);
    for (const [exp, line] of [...confusion.entries()].sort()) out.push(`  ${exp.padEnd(20)}${cols.map((c) => String(line.get(c) ?? 0).padStart(20)).join("")}`);
    out.push(`\nMismatches (${mismatches.length}):`);
    out.push(...mismatches.map((x) => `  ${x}`));
    if (extraRows.length) out.push(`\nRows no manifest entry expected (${extraRows.length}):`, ...extraRows.map((x) => `  ${x}`));
    console.log(out.join("\n"));

    expect.soft(extraRows, "rows the manifest does not expect").toEqual([]);
    for (const f of FIELDS) expect.soft(`${f} ${pct(f)}`, `accuracy of ${f}`).toBe(`${f} 100.0%`);
    expect(mismatches.length, "mismatches (listed above)").toBe(0);
  }, 1_200_000);
});
