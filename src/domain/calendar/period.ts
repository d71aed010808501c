/**
 * Reporting periods: ids ("2026-W47", "2026-11", "2026-Q4", "2026-H1", "2026"), their bounds in a zone,
 * and stepping between them. Weeks are ISO 8601 weeks of the ISO week-year (2026 has a W53; 2026-W01 begins
 * on 29/12/2025).
 */
import { DateTime } from "luxon";
import type { Period, PeriodKind } from "../model.ts";
import { checked, localDay, localOf } from "./zone.ts";

const WEEK_ID = /^(\d{4})-W(\d{2})$/;
const MONTH_ID = /^(\d{4})-(\d{2})$/;
const QUARTER_ID = /^(\d{4})-Q([1-4])$/;
const HALF_ID = /^(\d{4})-H([12])$/;
const YEAR_ID = /^(\d{4})$/;

/** Guess the kind from an id's shape: W→week, MM→month, Q→quarter, H→half, bare year→year. */
export function kindOfPeriodId(id: string): PeriodKind | null {
  if (WEEK_ID.test(id)) return "week";
  if (MONTH_ID.test(id)) return "month";
  if (QUARTER_ID.test(id)) return "quarter";
  if (HALF_ID.test(id)) return "half";
  if (YEAR_ID.test(id)) return "year";
  return null;
}

/**
 * Parses "2026-W47" | "2026-11" | "2026-Q4" | "2026-H1" | "2026" and builds the Period of that kind. Returns null
 * for a malformed id or one that does not fit the kind (kind week needs W, month needs MM, quarter Q, half H,
 * year/plan/report/request a bare year).
 */
export function periodFromId(kind: PeriodKind, id: string, zone: string): Period | null {
  switch (kind) {
    case "week": {
      const m = WEEK_ID.exec(id);
      if (!m) return null;
      const weekYear = Number(m[1]);
      const weekNumber = Number(m[2]);
      const first = checked(DateTime.fromObject({ weekYear, weekNumber: 1, weekday: 1 }, { zone }), zone);
      if (weekNumber < 1 || weekNumber > first.weeksInWeekYear) return null;
      return weekOf(first.plus({ weeks: weekNumber - 1 }));
    }
    case "month": {
      const m = MONTH_ID.exec(id);
      const month = Number(m?.[2]);
      if (!m || month < 1 || month > 12) return null;
      return build("month", localDay(Number(m[1]), month, 1, zone), { months: 1 });
    }
    case "quarter": {
      const m = QUARTER_ID.exec(id);
      if (!m) return null;
      return build("quarter", localDay(Number(m[1]), (Number(m[2]) - 1) * 3 + 1, 1, zone), { months: 3 });
    }
    case "half": {
      const m = HALF_ID.exec(id);
      if (!m) return null;
      return build("half", localDay(Number(m[1]), (Number(m[2]) - 1) * 6 + 1, 1, zone), { months: 6 });
    }
    case "year":
    case "plan":
    case "report":
    case "request": {
      const m = YEAR_ID.exec(id);
      if (!m) return null;
      return build(kind, localDay(Number(m[1]), 1, 1, zone), { years: 1 });
    }
  }
}

/** The period of `kind` containing the instant (week = ISO week, in the zone). plan/report/request = calendar year. */
export function periodContaining(kind: PeriodKind, at: Date, zone: string): Period {
  const t = localOf(at, zone);
  switch (kind) {
    case "week":
      return weekOf(t.startOf("week"));
    case "month":
      return build("month", localDay(t.year, t.month, 1, zone), { months: 1 });
    case "quarter":
      return build("quarter", localDay(t.year, (t.quarter - 1) * 3 + 1, 1, zone), { months: 3 });
    case "half":
      return build("half", localDay(t.year, t.month <= 6 ? 1 : 7, 1, zone), { months: 6 });
    case "year":
    case "plan":
    case "report":
    case "request":
      return build(kind, localDay(t.year, 1, 1, zone), { years: 1 });
  }
}

/** The period of the same kind right after `p`. */
export function nextPeriod(p: Period, zone: string): Period {
  return periodContaining(p.kind, p.end, zone);
}

/** The period of the same kind right before `p`. */
export function previousPeriod(p: Period, zone: string): Period {
  return periodContaining(p.kind, localOf(p.start, zone).minus({ days: 1 }).toJSDate(), zone);
}

/** The first local day of `p` (00:00) and its last local day (00:00), as luxon DateTimes in `zone`. */
export function periodDays(p: Period, zone: string): { first: DateTime; last: DateTime } {
  const first = localOf(p.start, zone).startOf("day");
  const last = localOf(p.end, zone).minus({ days: 1 }).startOf("day");
  return { first, last };
}

function weekOf(monday: DateTime): Period {
  const start = monday.startOf("day");
  const id = `${start.weekYear}-W${String(start.weekNumber).padStart(2, "0")}`;
  return { kind: "week", id, start: start.toJSDate(), end: start.plus({ weeks: 1 }).startOf("day").toJSDate() };
}

function build(kind: PeriodKind, first: DateTime, length: { months?: number; years?: number }): Period {
  const start = first.startOf("day");
  const y = String(start.year).padStart(4, "0");
  let id: string;
  switch (kind) {
    case "month":
      id = `${y}-${String(start.month).padStart(2, "0")}`;
      break;
    case "quarter":
      id = `${y}-Q${start.quarter}`;
      break;
    case "half":
      id = `${y}-H${start.month <= 6 ? 1 : 2}`;
      break;
    default:
      id = y;
  }
  return { kind, id, start: start.toJSDate(), end: start.plus(length).startOf("day").toJSDate() };
}
