/**
 * Deadline rules of a regime resolved against a period: the units' deadline (with the day-off shift), the
 * compile deadline and the automatic draft time (QT.VP.03 §6.2.1, §6.2.3; domain.md "Report kinds").
 */
import type { DateTime } from "luxon";
import type { Deadlines, DueRule, Period } from "../model.ts";
import type { KindRule, Regime } from "../regime.ts";
import { periodDays } from "./period.ts";
import { toWorkingDay } from "./working.ts";
import { atClock, requireClock, type ClockTime } from "./zone.ts";

/**
 * The local day a rule names and its time, before the time is applied. Steps, in order (regime YAML): start from
 * the period's first or last day; add months (day clamped), weeks, days; set the month (day clamped), the day
 * (clamped to the month's length), the ISO weekday within the same ISO week.
 */
export function ruleDay(rule: DueRule, period: Period, zone: string): { day: DateTime; time: ClockTime } {
  const { first, last } = periodDays(period, zone);
  let d = rule.from === "start" ? first : last;
  if (rule.addMonths) d = d.plus({ months: rule.addMonths });
  if (rule.addWeeks) d = d.plus({ weeks: rule.addWeeks });
  if (rule.addDays) d = d.plus({ days: rule.addDays });
  if (rule.setMonth !== undefined) {
    const firstOfMonth = d.set({ month: rule.setMonth, day: 1 });
    d = firstOfMonth.set({ day: Math.min(d.day, firstOfMonth.daysInMonth ?? 28) });
  }
  if (rule.setDay !== undefined) d = d.set({ day: Math.min(rule.setDay, d.daysInMonth ?? 28) });
  if (rule.setWeekday !== undefined) d = d.plus({ days: rule.setWeekday - d.weekday });
  return { day: d.startOf("day"), time: requireClock(rule.time) };
}

/** Resolve one DueRule against a period (no day-off shifting). */
export function resolveDueRule(rule: DueRule, period: Period, zone: string): Date {
  const { day, time } = ruleDay(rule, period, zone);
  return atClock(day, time).toJSDate();
}

/** The regime's rule for the period's kind; throws when the regime has none (callers check `isReportingPeriod`). */
export function kindRuleOf(regime: Regime, period: Period): KindRule {
  const rule = regime.kinds[period.kind];
  if (!rule) throw new RangeError(`calendar: regime ${regime.id} has no rule for kind ${period.kind}`);
  return rule;
}

/**
 * The units' deadline and the compile deadline of a period, with the regime's dayOffShift applied to `due`
 * (stays | earlier = previous working day same time | later = next working day same time). The day tested is
 * the day the rule names: for "24:00" ("by the end of Monday") that is the Monday, otherwise the due date
 * itself (a "before the 28th" deadline at 00:00 on a Saturday 28th is a deadline on a day off).
 * Throws if the regime has no rule for the kind.
 */
export function deadlinesOf(regime: Regime, period: Period, zone: string): Deadlines {
  const rule = kindRuleOf(regime, period);
  const { day, time } = ruleDay(rule.due, period, zone);
  const dueDay = regime.dayOffShift === "stays" ? day : toWorkingDay(regime, day, regime.dayOffShift);
  return {
    due: atClock(dueDay, time).toJSDate(),
    compile: resolveDueRule(rule.compile, period, zone),
  };
}

/** When the draft is sent automatically (kind rule draftAt). Throws if the regime has no rule for the kind. */
export function draftTimeOf(regime: Regime, period: Period, zone: string): Date {
  return resolveDueRule(kindRuleOf(regime, period).draftAt, period, zone);
}

/** True when the period is a reporting period of the regime (kind exists and `only` allows it, e.g. half → H1 only). */
export function isReportingPeriod(regime: Regime, period: Period): boolean {
  const rule = regime.kinds[period.kind];
  if (!rule) return false;
  if (!rule.only || rule.only.length === 0) return true;
  // `only` lists the part after the year ("H1", "Q4", "W53", "11") or whole ids ("2026-H1").
  const suffix = period.id.replace(/^\d{4}-?/, "");
  return rule.only.includes(suffix) || rule.only.includes(period.id);
}

/** domain.md: on time = received strictly before the due instant (15:00:00 itself is late). */
export function isOnTime(receivedAt: Date, due: Date): boolean {
  return receivedAt.getTime() < due.getTime();
}
