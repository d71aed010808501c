/**
 * Issue 11 "Done when", first item: `intake check --json` over every .eml of the independent corpus (test/corpus/,
 * written from sources other than the code's lists) agrees with its manifest on unit, period, verdict and missing
 * sections, and no database file is created. Each .eml's Date header is its manifest receipt time, so one run over
 * the folder reads them all (no --at). Prints the accuracy per field and every mismatch, then asserts 100%.
 * Do not edit the manifest to make this pass.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, startIntakeWorld, type IntakeWorld } from "../support/intake.ts";

const CORPUS = path.join(ROOT, "test", "corpus");
interface Expected {
  unit: string | null;
  kind: string | null;
  period: string | null;
  status: string;
  verdict: string | null;
  missingSections: string[];
}
interface Entry {
  file: string;
  receivedAt: string;
  expected: Expected[];
}
type Row = Record<string, unknown>;
const FIELDS = ["unit", "period", "verdict", "missingSections"] as const;
type Field = (typeof FIELDS)[number];

const manifest = JSON.parse(readFileSync(path.join(CORPUS, "manifest.json"), "utf8")) as Entry[];
const norm = (field: Field, v: unknown) => (field === "missingSections" ? (Array.isArray(v) ? [...(v as string[])].sort() : v) : (v ?? null));

let world: IntakeWorld;
let dataDir: string;
beforeAll(async () => {
  world = await startIntakeWorld();
  dataDir = mkdtempSync(path.join(tmpdir(), "intake-check-corpus-"));
}, 120_000);
afterAll(async () => {
  await world?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("intake check over the corpus (issue 11)", () => {
  it("agrees with the manifest on unit, period, verdict and missing sections, without a database", async () => {
    const mailDir = path.join(CORPUS, "mail");
    expect(manifest.length).toBeGreaterThanOrEqual(70);
    const r = await world.run(["check", mailDir, "--json"], "2026-11-29T12:00:00+07:00", { DATA_DIR: dataDir, DATABASE_URL: "" });
    if (r.code !== 0) console.log(r.stderr.slice(-4000));
    expect(r.code).toBe(0);
    expect(existsSync(path.join(dataDir, "intake.db"))).toBe(false);
    expect(readdirSync(dataDir)).toEqual([]);

    const rows = JSON.parse(r.stdout) as Row[];
    const byFile = new Map<string, Row[]>();
    for (const row of rows) {
      const key = path.relative(CORPUS, String(row.file));
      byFile.set(key, [...(byFile.get(key) ?? []), row]);
    }
    const total = Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<Field, number>;
    const right = Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<Field, number>;
    const mismatches: string[] = [];
    for (const e of manifest) {
      const got = [...(byFile.get(e.file) ?? [])];
      for (const want of e.expected) {
        let at = got.findIndex((x) => x.kind === want.kind && x.period === want.period);
        if (at < 0) at = 0;
        const row = got.splice(at, 1)[0];
        for (const f of FIELDS) {
          total[f]++;
          const a = JSON.stringify(norm(f, want[f]));
          const b = row ? JSON.stringify(norm(f, row[f])) : '"(no row)"';
          if (a === b) right[f]++;
          else mismatches.push(`${e.file}  ${f}: expected ${a}, got ${b}${row && f !== "missingSections" ? `  (reason: ${JSON.stringify(row.reason ?? null)})` : ""}`);
        }
      }
    }
    const pct = (f: Field) => `${((100 * right[f]) / Math.max(1, total[f])).toFixed(1)}%`;
    console.log(
      [
        `\nintake check over ${manifest.length} corpus mails (${rows.length} objects):`,
        ...FIELDS.map((f) => `  ${f.padEnd(16)} ${String(right[f]).padStart(4)}/${total[f]}  ${pct(f)}`),
        `Mismatches (${mismatches.length}):`,
        ...mismatches.map((m) => `  ${m}`),
      ].join("\n"),
    );
    for (const f of FIELDS) expect.soft(`${f} ${pct(f)}`).toBe(`${f} 100.0%`);
    expect(mismatches.length, "mismatches (listed above)").toBe(0);
  }, 900_000);
});
