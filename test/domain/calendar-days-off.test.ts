import { describe, expect, it } from "vitest";
import { deadlinesOf, isWorkingDay, nextOfficeTime, periodFromId } from "../../src/domain/calendar/index.ts";
import type { DayOffShift, Period, PeriodKind } from "../../src/domain/model.ts";
import type { Regime } from "../../src/domain/regime.ts";
import { loadTemplateRegime } from "../support/regime.ts";

const ZONE = "Asia/Ho_Chi_Minh";
const vn = (local: string): Date => new Date(`${local}+07:00`);

function period(kind: PeriodKind, id: string): Period {
  const p = periodFromId(kind, id, ZONE);
  if (!p) throw new Error(`bad test id ${kind} ${id}`);
  return p;
}

// Tết Đinh Mùi: mùng 1 is Saturday 06/02/2027. The official schedule is announced by the Bộ Nội vụ; this is an
// assumed one of the usual shape (Thursday 28 Tết to Wednesday mùng 5, with a make-up Saturday 30/01/2027).
const TET_2027 = ["2027-02-04", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10"];
const NEW_YEAR_2027 = ["2027-01-01"];
const REUNIFICATION_2026 = ["2026-04-30", "2026-05-01"]; // Thursday and Friday
const NATIONAL_DAY_2027 = ["2027-09-02", "2027-09-03"]; // Thursday and Friday
const MAKE_UP_2027 = ["2027-01-30"]; // ngày làm bù: a Saturday worked

const holidays = [...REUNIFICATION_2026, ...NEW_YEAR_2027, ...TET_2027, ...NATIONAL_DAY_2027];
const withDaysOff = (overrides: Partial<Regime> = {}): Regime =>
  loadTemplateRegime({ holidays, workingDays: MAKE_UP_2027, ...overrides });

describe("isWorkingDay", () => {
  const regime = withDaysOff();
  const cases: [string, boolean, string][] = [
    ["2026-11-27", true, "Friday"],
    ["2026-11-28", false, "Saturday"],
    ["2026-11-29", false, "Sunday"],
    ["2026-11-30", true, "Monday"],
    ["2028-02-29", true, "leap day, a Tuesday"],
    ["2026-04-29", true, "Wednesday before 30/4"],
    ["2026-04-30", false, "Ngày Giải phóng miền Nam"],
    ["2026-05-01", false, "Quốc tế Lao động"],
    ["2027-01-01", false, "Tết Dương lịch"],
    ["2027-01-29", true, "Friday"],
    ["2027-01-30", true, "make-up Saturday"],
    ["2027-01-31", false, "Sunday"],
    ["2027-02-03", true, "Wednesday before Tết"],
    ["2027-02-04", false, "28 Tết"],
    ["2027-02-06", false, "mùng 1 Tết, also a Saturday"],
    ["2027-02-10", false, "mùng 5 Tết"],
    ["2027-02-11", true, "back to work"],
    ["2027-09-02", false, "Quốc khánh"],
    ["2026-02-30", false, "impossible date"],
    ["2026-2-3", false, "malformed"],
    ["2027-02-04T00:00", false, "not a bare date"],
    ["", false, "empty"],
  ];
  it.each(cases)("%s → %s (%s)", (date, expected) => {
    expect(isWorkingDay(regime, date)).toBe(expected);
  });

  it("a holiday wins over a make-up day listed for the same date", () => {
    const r = withDaysOff({ holidays: ["2027-01-30"], workingDays: ["2027-01-30"] });
    expect(isWorkingDay(r, "2027-01-30")).toBe(false);
  });

  it("follows the regime's weekend days", () => {
    const sixDays = loadTemplateRegime({ weekend: [7] });
    expect(isWorkingDay(sixDays, "2026-11-28")).toBe(true);
    expect(isWorkingDay(sixDays, "2026-11-29")).toBe(false);
  });
});

describe("deadlinesOf with each dayOffShift", () => {
  // [kind, id, shift, local due, why]
  const cases: [PeriodKind, string, DayOffShift, string, string][] = [
    // "trước ngày 28" with 28/11/2026 a Saturday.
    ["month", "2026-11", "stays", "2026-11-28T00:00", "Saturday, kept"],
    ["month", "2026-11", "earlier", "2026-11-27T00:00", "previous working day, same time"],
    ["month", "2026-11", "later", "2026-11-30T00:00", "next working day, same time"],
    // 28/02/2027 is a Sunday; "later" crosses into March.
    ["month", "2027-02", "earlier", "2027-02-26T00:00", "Friday"],
    ["month", "2027-02", "later", "2027-03-01T00:00", "Monday in the next month"],
    // 20/11/2027 (yearly report) is a Saturday.
    ["year", "2027", "stays", "2027-11-20T00:00", "Saturday, kept"],
    ["year", "2027", "earlier", "2027-11-19T00:00", "Friday"],
    ["year", "2027", "later", "2027-11-22T00:00", "Monday"],
    // Week 05/2027: Thursday 04/02 is 28 Tết.
    ["week", "2027-W05", "stays", "2027-02-04T15:00", "holiday, kept"],
    ["week", "2027-W05", "earlier", "2027-02-03T15:00", "Wednesday before Tết"],
    ["week", "2027-W05", "later", "2027-02-11T15:00", "first working day after Tết"],
    // Week 18/2026: Thursday 30/04, then 01/05 and the weekend.
    ["week", "2026-W18", "earlier", "2026-04-29T15:00", "Wednesday"],
    ["week", "2026-W18", "later", "2026-05-04T15:00", "Monday"],
    // Week 35/2027: Thursday 02/09 Quốc khánh.
    ["week", "2027-W35", "earlier", "2027-09-01T15:00", "Wednesday"],
    ["week", "2027-W35", "later", "2027-09-06T15:00", "Monday"],
    // Working days are not moved.
    ["week", "2026-W47", "later", "2026-11-19T15:00", "ordinary Thursday"],
    ["month", "2027-01", "earlier", "2027-01-28T00:00", "ordinary Thursday"],
    ["half", "2028-H1", "later", "2028-06-30T00:00", "Friday"],
  ];
  it.each(cases)("%s %s, %s → %s (%s)", (kind, id, shift, due) => {
    const r = withDaysOff({ dayOffShift: shift });
    expect(deadlinesOf(r, period(kind, id), ZONE).due).toEqual(vn(`${due}:00`));
  });

  it("a Saturday listed in workingDays is not moved", () => {
    for (const shift of ["stays", "earlier", "later"] as const) {
      const r = withDaysOff({ dayOffShift: shift, workingDays: ["2026-11-28"] });
      expect(deadlinesOf(r, period("month", "2026-11"), ZONE).due).toEqual(vn("2026-11-28T00:00:00"));
    }
  });

  it("earlier lands on a make-up Saturday", () => {
    // A month rule "by the last day" puts January 2027 on Sunday 31/01; Saturday 30/01 is worked.
    const base = withDaysOff({ dayOffShift: "earlier" });
    base.kinds.month = { ...base.kinds.month!, due: { from: "end", time: "00:00" } };
    expect(deadlinesOf(base, period("month", "2027-01"), ZONE).due).toEqual(vn("2027-01-30T00:00:00"));
    const noMakeUp = { ...base, workingDays: [] };
    expect(deadlinesOf(noMakeUp, period("month", "2027-01"), ZONE).due).toEqual(vn("2027-01-29T00:00:00"));
  });

  it("the compile deadline is never shifted", () => {
    // Week 05/2027 compiles before Tuesday 09/02 00:00, in the middle of Tết.
    const r = withDaysOff({ dayOffShift: "later" });
    expect(deadlinesOf(r, period("week", "2027-W05"), ZONE).compile).toEqual(vn("2027-02-09T00:00:00"));
  });

  it('"24:00" tests the day it names, not the next day', () => {
    // Due "by the end of Monday" (24:00): Monday 08/02/2027 is a Tết holiday.
    const r = withDaysOff();
    r.kinds.week = { ...r.kinds.week!, due: { from: "end", addWeeks: 1, setWeekday: 1, time: "24:00" } };
    const w05 = period("week", "2027-W05");
    expect(deadlinesOf({ ...r, dayOffShift: "stays" }, w05, ZONE).due).toEqual(vn("2027-02-09T00:00:00"));
    expect(deadlinesOf({ ...r, dayOffShift: "later" }, w05, ZONE).due).toEqual(vn("2027-02-12T00:00:00"));
    expect(deadlinesOf({ ...r, dayOffShift: "earlier" }, w05, ZONE).due).toEqual(vn("2027-02-04T00:00:00"));
    // "By the end of Friday 29/01/2027" is Saturday 00:00, but Friday is a working day: not moved.
    r.kinds.week = { ...r.kinds.week, due: { from: "end", setWeekday: 5, time: "24:00" } };
    const w04 = period("week", "2027-W04");
    expect(deadlinesOf({ ...r, dayOffShift: "later", workingDays: [] }, w04, ZONE).due).toEqual(vn("2027-01-30T00:00:00"));
  });
});

describe("nextOfficeTime (07:30–17:00, morning 08:00)", () => {
  const regime = withDaysOff();
  // [local t, local result, why]
  const cases: [string, string, string][] = [
    ["2026-11-19T10:00:00", "2026-11-19T10:00:00", "inside office hours"],
    ["2026-11-19T07:30:00", "2026-11-19T07:30:00", "opening minute is inside"],
    ["2026-11-19T07:45:00", "2026-11-19T07:45:00", "inside, before the morning send time"],
    ["2026-11-19T16:59:59", "2026-11-19T16:59:59", "last second is inside"],
    ["2026-11-19T00:00:00", "2026-11-19T08:00:00", "00:00 on a working day → 08:00 that day"],
    ["2026-11-19T07:29:59", "2026-11-19T08:00:00", "before opening → the morning time, not 07:30"],
    ["2026-11-19T17:00:00", "2026-11-20T08:00:00", "closing time is outside"],
    ["2026-11-19T18:00:00", "2026-11-20T08:00:00", "evening → next working morning"],
    ["2026-11-20T18:00:00", "2026-11-23T08:00:00", "Friday evening → Monday"],
    ["2026-11-21T10:00:00", "2026-11-23T08:00:00", "Saturday"],
    ["2026-11-22T23:59:00", "2026-11-23T08:00:00", "Sunday night"],
    ["2026-04-29T17:30:00", "2026-05-04T08:00:00", "before 30/4–1/5 and the weekend"],
    ["2026-12-31T17:30:00", "2027-01-04T08:00:00", "over Tết Dương lịch and the weekend"],
    ["2027-01-29T18:00:00", "2027-01-30T08:00:00", "to a make-up Saturday"],
    ["2027-01-30T09:00:00", "2027-01-30T09:00:00", "on a make-up Saturday"],
    ["2027-02-03T18:00:00", "2027-02-11T08:00:00", "over Tết"],
    ["2027-02-04T00:00:00", "2027-02-11T08:00:00", "on 28 Tết"],
    ["2027-02-08T10:00:00", "2027-02-11T08:00:00", "in Tết, inside the usual hours"],
    ["2027-09-01T20:00:00", "2027-09-06T08:00:00", "before Quốc khánh"],
  ];
  it.each(cases)("%s → %s (%s)", (t, expected) => {
    expect(nextOfficeTime(regime, vn(t), ZONE)).toEqual(vn(expected));
  });

  it("never goes back in time when the morning time is before opening", () => {
    const r = loadTemplateRegime({ officeHours: { start: "08:30", end: "17:00", morning: "08:00" } });
    expect(nextOfficeTime(r, vn("2026-11-19T07:00:00"), ZONE)).toEqual(vn("2026-11-19T08:00:00"));
    expect(nextOfficeTime(r, vn("2026-11-19T08:15:00"), ZONE)).toEqual(vn("2026-11-19T08:15:00"));
  });

  it("reads the hours in the zone it is given", () => {
    const t = new Date("2026-11-19T02:00:00Z"); // 09:00 in Hà Nội, 02:00 in UTC
    expect(nextOfficeTime(regime, t, ZONE)).toEqual(t);
    expect(nextOfficeTime(regime, t, "UTC")).toEqual(new Date("2026-11-19T08:00:00Z"));
  });
});
