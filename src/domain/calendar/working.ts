/**
 * Working days and office hours of a regime: holidays, weekend days and make-up working days (ngày làm bù),
 * and when mail to units may go out (contract.md "Sending": office hours on working days).
 */
import { DateTime } from "luxon";
import type { Regime } from "../regime.ts";
import { atClock, isoDateOf, localOf, requireClock } from "./zone.ts";

/** A search for a working day gives up after this many days: a regime with no working day is misconfigured. */
const MAX_DAYS_SEARCHED = 3660;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** yyyy-mm-dd local date is a working day: not in holidays, not a weekend day unless listed in workingDays. */
export function isWorkingDay(regime: Regime, isoDate: string): boolean {
  if (!ISO_DATE.test(isoDate)) return false;
  const day = DateTime.fromISO(isoDate, { zone: "UTC" });
  if (!day.isValid) return false;
  if (regime.holidays.includes(isoDate)) return false;
  if (regime.workingDays.includes(isoDate)) return true;
  return !regime.weekend.includes(day.weekday);
}

/**
 * The working day nearest to `day` in the given direction, `day` itself when it is one (local days in the
 * DateTime's zone; the time of day is kept). Throws when no working day is found within ten years.
 */
export function toWorkingDay(regime: Regime, day: DateTime, direction: "earlier" | "later"): DateTime {
  const step = direction === "earlier" ? -1 : 1;
  let d = day;
  for (let i = 0; i < MAX_DAYS_SEARCHED; i++) {
    if (isWorkingDay(regime, isoDateOf(d))) return d;
    d = d.plus({ days: step });
  }
  throw new RangeError(`calendar: regime ${regime.id} has no working day within ${MAX_DAYS_SEARCHED} days`);
}

/**
 * t itself when t is inside office hours [start, end) of a working day; else the next working day's `morning`
 * time (officeHours.morning) — e.g. a reminder computed at 00:00 on a working day goes at 08:00 that day; one
 * computed at 18:00 goes at 08:00 the next working day. Never returns an instant before t.
 */
export function nextOfficeTime(regime: Regime, t: Date, zone: string): Date {
  const local = localOf(t, zone);
  const start = requireClock(regime.officeHours.start);
  const end = requireClock(regime.officeHours.end);
  const morning = requireClock(regime.officeHours.morning);
  const today = local.startOf("day");
  if (isWorkingDay(regime, isoDateOf(today))) {
    if (local >= atClock(today, start) && local < atClock(today, end)) return t;
    // Before the office opens: this morning still counts as "the next working day's morning".
    if (local < atClock(today, start)) {
      const m = atClock(today, morning);
      return (m < local ? local : m).toJSDate();
    }
  }
  const next = toWorkingDay(regime, today.plus({ days: 1 }), "later");
  return atClock(next, morning).toJSDate();
}
