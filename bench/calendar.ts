/**
 * Bench (b): the calendar over three years (2026–2028) of QT.VP.03 periods of every kind: periodFromId,
 * deadlinesOf, reminderTimes and chaseTimes per period, with the 2026–2028 public holidays configured, repeated
 * for stable numbers. Also inferPeriod for a receipt every 6 hours of those years (what every unclassified mail
 * with no stated period costs).
 */
import { DateTime } from "luxon";
import { chaseTimes, deadlinesOf, inferPeriod, nextPeriod, periodContaining, periodFromId, reminderTimes } from "../src/domain/calendar/index.ts";
import type { Period, PeriodKind } from "../src/domain/model.ts";
import { loadTemplateRegime } from "../test/support/regime.ts";
import { ZONE } from "./corpus.ts";
import { emit, mb, memorySampler, summarize, timingCells, type Row } from "./stats.ts";

const ROUNDS = 20;
const BUDGET_MS = 20_000;
const KINDS: PeriodKind[] = ["week", "month", "quarter", "half", "year"];

// Tết, 30/4–1/5, 2/9 and Giỗ Tổ of 2026–2028 (approximate lunar dates are fine for a benchmark).
const regime = loadTemplateRegime({
  holidays: [
    "2026-01-01", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-04-27", "2026-04-30", "2026-05-01", "2026-09-01", "2026-09-02",
    "2027-01-01", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10", "2027-04-16", "2027-04-30", "2027-05-03", "2027-09-02", "2027-09-03",
    "2028-01-01", "2028-01-25", "2028-01-26", "2028-01-27", "2028-01-28", "2028-04-04", "2028-05-01", "2028-09-01", "2028-09-04",
  ],
  workingDays: ["2027-02-20"],
  dayOffShift: "earlier",
});

function periods(): Period[] {
  const out: Period[] = [];
  const from = DateTime.fromISO("2026-01-05", { zone: ZONE }).toJSDate();
  const until = DateTime.fromISO("2029-01-01", { zone: ZONE }).toMillis();
  for (const kind of KINDS) {
    for (let p = periodContaining(kind, from, ZONE); p.start.getTime() < until; p = nextPeriod(p, ZONE)) out.push(p);
  }
  return out;
}

function main(): void {
  const all = periods();
  const byKind = (k: PeriodKind): number => all.filter((p) => p.kind === k).length;
  const mem = memorySampler();
  const perPeriod: number[] = [];
  const parts = { id: [] as number[], deadlines: [] as number[], reminders: [] as number[], chases: [] as number[] };
  let reminders = 0;
  let chases = 0;
  const started = performance.now();
  let rounds = 0;
  for (; rounds < ROUNDS && performance.now() - started < BUDGET_MS; rounds++) {
    for (const p of all) {
      const t0 = performance.now();
      periodFromId(p.kind, p.id, ZONE);
      const t1 = performance.now();
      deadlinesOf(regime, p, ZONE);
      const t2 = performance.now();
      const r = reminderTimes(regime, p, ZONE);
      const t3 = performance.now();
      const c = chaseTimes(regime, p, ZONE);
      const t4 = performance.now();
      parts.id.push(t1 - t0);
      parts.deadlines.push(t2 - t1);
      parts.reminders.push(t3 - t2);
      parts.chases.push(t4 - t3);
      perPeriod.push(t4 - t0);
      if (rounds === 0) {
        reminders += r.length;
        chases += c.length;
      }
    }
  }
  const infer: number[] = [];
  const t = DateTime.fromISO("2026-01-01", { zone: ZONE });
  for (let h = 0; h < 3 * 365 * 24; h += 6) {
    const at = t.plus({ hours: h }).toJSDate();
    const kind = KINDS[(h / 6) % 3]!;
    const t0 = performance.now();
    inferPeriod(regime, kind, at, ZONE);
    infer.push(performance.now() - t0);
  }
  const peak = mem.stop();
  const row = (label: string, xs: number[]): Row => ({ label, cells: timingCells(summarize(xs)) });
  emit({
    section: "calendar",
    title: `(b) Calendar — ${all.length} periods of 2026–2028 (${KINDS.map((k) => `${byKind(k)} ${k}`).join(", ")}) × ${rounds} rounds`,
    rows: [
      row("periodFromId", parts.id),
      row("deadlinesOf", parts.deadlines),
      row("reminderTimes", parts.reminders),
      row("chaseTimes", parts.chases),
      row("all four, per period", perPeriod),
      row("inferPeriod (week/month/quarter)", infer),
    ],
    notes: [
      `one round: ${reminders} reminders and ${chases} chase times scheduled; three years of one regime take ${(summarize(perPeriod).totalMs / rounds).toFixed(0)} ms`,
      `memory: peak RSS ${mb(peak.maxRssMb)} MB, peak heap ${mb(peak.peakHeapMb)} MB`,
    ],
  });
}

main();
