/**
 * Finding periods from instants: the period a report with no stated period belongs to (contract.md "Periods,
 * versions, timeliness"), and the periods whose deadline falls in a time window (for the scheduler).
 * Both walk periods in order and rely on deadlines being in period order, which holds for any rule of the
 * DueRule shape (a fixed displacement from the period) and is kept by the day-off shift.
 */
import type { Period, PeriodKind } from "../model.ts";
import type { Regime } from "../regime.ts";
import { nextPeriod, periodContaining, previousPeriod } from "./period.ts";
import { deadlinesOf, isReportingPeriod, resolveDueRule } from "./rules.ts";

/** Upper bound on periods walked in one search (ten years of weeks): guards against a runaway loop. */
const MAX_STEPS = 530;

/**
 * contract.md: no period stated → the earliest reporting period of that kind whose compile deadline had not
 * passed at `receivedAt` (a monthly report received 02/12 is November's; a weekly one received on the Monday
 * after the week is that week's). "Not passed" = `receivedAt` strictly before the compile deadline.
 * Null when the regime has no such kind.
 */
export function inferPeriod(regime: Regime, kind: PeriodKind, receivedAt: Date, zone: string): Period | null {
  const rule = regime.kinds[kind];
  if (!rule) return null;
  const t = receivedAt.getTime();
  const open = (p: Period): boolean => resolveDueRule(rule.compile, p, zone).getTime() > t;
  let p = periodContaining(kind, receivedAt, zone);
  for (let i = 0; i < MAX_STEPS; i++) {
    const prev = previousPeriod(p, zone);
    if (!open(prev)) break;
    p = prev;
  }
  for (let i = 0; i < MAX_STEPS; i++) {
    if (open(p) && isReportingPeriod(regime, p)) return p;
    p = nextPeriod(p, zone);
  }
  return null;
}

/** Reporting periods of a kind whose units' deadline (after the day-off shift) falls in [from, to), in order. */
export function periodsDueBetween(regime: Regime, kind: PeriodKind, from: Date, to: Date, zone: string): Period[] {
  if (!regime.kinds[kind] || to.getTime() <= from.getTime()) return [];
  const due = (p: Period): number => deadlinesOf(regime, p, zone).due.getTime();
  let p = periodContaining(kind, from, zone);
  for (let i = 0; i < MAX_STEPS; i++) {
    const prev = previousPeriod(p, zone);
    if (due(prev) < from.getTime()) break;
    p = prev;
  }
  const found: Period[] = [];
  // The window may be long (a year of weeks is 53 steps); its length, not MAX_STEPS, bounds this walk.
  for (;;) {
    const d = due(p);
    if (d >= to.getTime() && p.start.getTime() >= to.getTime()) break;
    if (d >= from.getTime() && d < to.getTime() && isReportingPeriod(regime, p)) found.push(p);
    p = nextPeriod(p, zone);
  }
  return found;
}
