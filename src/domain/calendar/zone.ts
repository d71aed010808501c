/**
 * Low-level helpers of the calendar: an instant seen in a named zone, and "HH:mm" wall-clock times.
 * All calendar arithmetic goes through luxon in the given IANA zone; nothing here offsets by hand.
 */
import { DateTime } from "luxon";

/** A wall-clock time of day; `hour` 24 (from "24:00") means 00:00 of the next day. */
export interface ClockTime {
  hour: number;
  minute: number;
}

/**
 * The instant `d` in `zone`. Throws a RangeError for an unknown zone or an invalid date: the zone comes from
 * validated configuration, so a bad one is a programming error, not an expected outcome.
 */
export function localOf(d: Date, zone: string): DateTime {
  return checked(DateTime.fromJSDate(d, { zone }), zone);
}

/** 00:00 local of a calendar day given by its parts, in `zone`. Throws like `localOf`. */
export function localDay(year: number, month: number, day: number, zone: string): DateTime {
  return checked(DateTime.fromObject({ year, month, day }, { zone }), zone);
}

/** Throws a RangeError when `dt` is invalid (unknown zone, impossible date). */
export function checked(dt: DateTime, zone: string): DateTime {
  if (!dt.isValid) throw new RangeError(`calendar: invalid date or time zone "${zone}" (${dt.invalidReason ?? "?"})`);
  return dt;
}

/** Parses "HH:mm" (00:00–23:59, and "24:00"); null when malformed. */
export function parseClock(text: string): ClockTime | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  if (minute > 59 || hour > 24 || (hour === 24 && minute !== 0)) return null;
  return { hour, minute };
}

/** Like `parseClock`, but throws a RangeError: for times that come from validated regime rules. */
export function requireClock(text: string): ClockTime {
  const c = parseClock(text);
  if (!c) throw new RangeError(`calendar: malformed time "${text}" (expected HH:mm)`);
  return c;
}

/** The local day `day` (any time of it) at the wall-clock time `clock`; "24:00" gives 00:00 of the next day. */
export function atClock(day: DateTime, clock: ClockTime): DateTime {
  const midnight = day.startOf("day");
  if (clock.hour === 24) return midnight.plus({ days: 1 }).startOf("day");
  return midnight.set({ hour: clock.hour, minute: clock.minute, second: 0, millisecond: 0 });
}

/** yyyy-mm-dd of a local DateTime. */
export function isoDateOf(dt: DateTime): string {
  return dt.toFormat("yyyy-MM-dd");
}
