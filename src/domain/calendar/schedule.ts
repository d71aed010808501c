/**
 * When to remind units before a deadline and chase them after it (QT.VP.03 §8 risk 1: the office keeps
 * reminding late units). Mail to units goes out in office hours on working days (contract.md "Sending").
 */
import type { Period } from "../model.ts";
import type { Offset, Regime } from "../regime.ts";
import { deadlinesOf, isReportingPeriod, kindRuleOf } from "./rules.ts";
import { isWorkingDay, nextOfficeTime } from "./working.ts";
import { atClock, isoDateOf, localOf, requireClock } from "./zone.ts";

/** A parsed reminder offset: signed amount of minutes, hours or (calendar) days. */
export interface ParsedOffset {
  amount: number;
  unit: "minutes" | "hours" | "days";
}

const OFFSET = /^([+-]?)(\d+)([mhd])$/;
const UNITS = { m: "minutes", h: "hours", d: "days" } as const;

/** Parses "-24h", "-2h", "-3d", "-30m", "+0h"; null when malformed (the config loader can validate with this). */
export function parseOffset(text: Offset): ParsedOffset | null {
  const m = OFFSET.exec(text.trim());
  if (!m) return null;
  const amount = Number(m[2]) * (m[1] === "-" ? -1 : 1);
  return { amount, unit: UNITS[m[3] as keyof typeof UNITS] };
}

/**
 * Reminder send times before the due instant: for each offset of the kind rule ("-24h", "-2h", "-3d", "-1d";
 * parse h/d/m), due+offset, then moved by nextOfficeTime; drop any that would land at or after `due`. Keep the
 * offset label. Sorted ascending. Days are calendar days in the zone.
 * Two offsets moved to the same instant (e.g. "-3d" and "-1d" of a Tuesday 00:00 deadline both become Monday
 * 08:00) give one reminder, labelled with the smaller lead ("-1d"), the one nearest to when it is really sent.
 * Empty for a period that is not a reporting period of the regime. Throws on a malformed offset.
 */
export function reminderTimes(regime: Regime, period: Period, zone: string): { offset: string; at: Date }[] {
  if (!isReportingPeriod(regime, period)) return [];
  const rule = kindRuleOf(regime, period);
  const { due } = deadlinesOf(regime, period, zone);
  const byInstant = new Map<number, { offset: string; at: Date; nominal: number }>();
  for (const label of rule.reminders) {
    const parsed = parseOffset(label);
    if (!parsed) throw new RangeError(`calendar: malformed reminder offset "${label}" in regime ${regime.id}`);
    const nominal = localOf(due, zone).plus({ [parsed.unit]: parsed.amount }).toJSDate();
    const at = nextOfficeTime(regime, nominal, zone);
    if (at.getTime() >= due.getTime()) continue;
    const seen = byInstant.get(at.getTime());
    if (!seen || nominal.getTime() > seen.nominal) byInstant.set(at.getTime(), { offset: label, at, nominal: nominal.getTime() });
  }
  return [...byInstant.values()]
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map(({ offset, at }) => ({ offset, at }));
}

/**
 * Chase times after the due instant until the compile deadline (exclusive): the first right after the deadline
 * (nextOfficeTime(due)), then, when everyWorkingDay, each following working day at chase.time. Empty when chase
 * is disabled or the period is not a reporting period of the regime.
 */
export function chaseTimes(regime: Regime, period: Period, zone: string): Date[] {
  if (!isReportingPeriod(regime, period)) return [];
  const { chase } = kindRuleOf(regime, period);
  if (!chase.enabled) return [];
  const { due, compile } = deadlinesOf(regime, period, zone);
  const first = nextOfficeTime(regime, due, zone);
  if (first.getTime() >= compile.getTime()) return [];
  const times = [first];
  if (!chase.everyWorkingDay) return times;
  const time = requireClock(chase.time);
  let day = localOf(first, zone).startOf("day").plus({ days: 1 });
  for (;;) {
    if (isWorkingDay(regime, isoDateOf(day))) {
      const at = atClock(day, time);
      if (at.toMillis() >= compile.getTime()) break;
      times.push(at.toJSDate());
    }
    // The compile deadline bounds the loop; the extra test stops a misconfigured year-long walk.
    if (day.toMillis() >= compile.getTime()) break;
    day = day.plus({ days: 1 });
  }
  return times;
}
