import { describe, expect, it } from "vitest";
import {
  deadlinesOf,
  draftTimeOf,
  isOnTime,
  isReportingPeriod,
  kindOfPeriodId,
  nextPeriod,
  periodContaining,
  periodFromId,
  previousPeriod,
  resolveDueRule,
} from "../../src/domain/calendar/index.ts";
import type { Period, PeriodKind } from "../../src/domain/model.ts";
import { loadTemplateRegime } from "../support/regime.ts";

const ZONE = "Asia/Ho_Chi_Minh";
/** Local wall time in Hà Nội, written independently of the code under test. */
const vn = (local: string): Date => new Date(`${local}+07:00`);
const iso = (d: Date): string => d.toISOString();

function period(kind: PeriodKind, id: string): Period {
  const p = periodFromId(kind, id, ZONE);
  if (!p) throw new Error(`bad test id ${kind} ${id}`);
  return p;
}

describe("periodFromId", () => {
  // [kind, id, first day, day after the last day]
  const cases: [PeriodKind, string, string, string][] = [
    ["week", "2026-W01", "2025-12-29", "2026-01-05"], // W01 of 2026 begins in December 2025
    ["week", "2026-W47", "2026-11-16", "2026-11-23"],
    ["week", "2026-W53", "2026-12-28", "2027-01-04"], // 2026 (starts on a Thursday) has 53 ISO weeks
    ["week", "2027-W01", "2027-01-04", "2027-01-11"], // 01/01/2027 is a Friday: still 2026-W53
    ["week", "2027-W52", "2027-12-27", "2028-01-03"],
    ["week", "2028-W01", "2028-01-03", "2028-01-10"],
    ["week", "2028-W09", "2028-02-28", "2028-03-06"], // holds 29/02/2028
    ["week", "2028-W52", "2028-12-25", "2029-01-01"], // last week of 2028
    ["week", "2029-W01", "2029-01-01", "2029-01-08"],
    ["week", "2030-W01", "2029-12-31", "2030-01-07"],
    ["month", "2026-01", "2026-01-01", "2026-02-01"],
    ["month", "2026-02", "2026-02-01", "2026-03-01"],
    ["month", "2026-11", "2026-11-01", "2026-12-01"],
    ["month", "2026-12", "2026-12-01", "2027-01-01"],
    ["month", "2028-02", "2028-02-01", "2028-03-01"],
    ["quarter", "2026-Q1", "2026-01-01", "2026-04-01"],
    ["quarter", "2026-Q4", "2026-10-01", "2027-01-01"],
    ["quarter", "2027-Q2", "2027-04-01", "2027-07-01"],
    ["quarter", "2028-Q3", "2028-07-01", "2028-10-01"],
    ["half", "2026-H1", "2026-01-01", "2026-07-01"],
    ["half", "2026-H2", "2026-07-01", "2027-01-01"],
    ["half", "2028-H1", "2028-01-01", "2028-07-01"],
    ["year", "2026", "2026-01-01", "2027-01-01"],
    ["year", "2028", "2028-01-01", "2029-01-01"],
    ["plan", "2027", "2027-01-01", "2028-01-01"],
    ["report", "2026", "2026-01-01", "2027-01-01"],
    ["request", "2027", "2027-01-01", "2028-01-01"],
  ];
  it.each(cases)("%s %s runs from %s to %s (00:00 local)", (kind, id, first, after) => {
    const p = periodFromId(kind, id, ZONE);
    expect(p).toEqual({ kind, id, start: vn(`${first}T00:00:00`), end: vn(`${after}T00:00:00`) });
  });

  const rejected: [PeriodKind, string][] = [
    ["week", "2027-W53"], // 2027 has 52 weeks
    ["week", "2028-W53"],
    ["week", "2026-W00"],
    ["week", "2026-W7"],
    ["week", "2026-w47"],
    ["week", "2026-11"],
    ["month", "2026-13"],
    ["month", "2026-00"],
    ["month", "2026-1"],
    ["month", "2026-W47"],
    ["quarter", "2026-Q5"],
    ["quarter", "2026-Q0"],
    ["quarter", "2026"],
    ["half", "2026-H3"],
    ["half", "2026-Q2"],
    ["year", "2026-H1"],
    ["year", "26"],
    ["plan", "2026-11"],
    ["report", "năm 2026"],
    ["month", " 2026-11"],
    ["month", ""],
  ];
  it.each(rejected)("%s %j is null", (kind, id) => {
    expect(periodFromId(kind, id, ZONE)).toBeNull();
  });

  it("builds the bounds in the zone it is given", () => {
    expect(periodFromId("month", "2026-11", "UTC")?.start).toEqual(new Date("2026-11-01T00:00:00Z"));
    expect(periodFromId("month", "2026-11", "Asia/Tokyo")?.start).toEqual(new Date("2026-10-31T15:00:00Z"));
  });

  it("throws on an unknown zone (configuration error)", () => {
    expect(() => periodFromId("month", "2026-11", "Asia/Hanoi_Typo")).toThrow(RangeError);
  });
});

describe("kindOfPeriodId", () => {
  const cases: [string, PeriodKind | null][] = [
    ["2026-W47", "week"],
    ["2027-W01", "week"],
    ["2026-11", "month"],
    ["2028-02", "month"],
    ["2026-Q4", "quarter"],
    ["2026-H1", "half"],
    ["2026", "year"],
    ["tháng 11", null],
    ["2026-W4", null],
    ["2026/11", null],
    ["W47", null],
    ["", null],
  ];
  it.each(cases)("%j → %s", (id, kind) => {
    expect(kindOfPeriodId(id)).toBe(kind);
  });
});

describe("periodContaining", () => {
  // [kind, local instant, id]
  const cases: [PeriodKind, string, string][] = [
    ["week", "2026-11-18T10:12:00", "2026-W47"],
    ["week", "2026-11-16T00:00:00", "2026-W47"],
    ["week", "2026-11-22T23:59:59", "2026-W47"],
    ["week", "2026-11-23T00:00:00", "2026-W48"],
    ["week", "2025-12-30T09:00:00", "2026-W01"],
    ["week", "2027-01-01T09:00:00", "2026-W53"],
    ["week", "2027-01-03T23:59:00", "2026-W53"],
    ["week", "2027-01-04T00:00:00", "2027-W01"],
    ["week", "2028-01-02T12:00:00", "2027-W52"],
    ["week", "2028-02-29T12:00:00", "2028-W09"],
    ["week", "2028-12-31T20:00:00", "2028-W52"],
    ["week", "2029-12-31T08:00:00", "2030-W01"],
    ["month", "2026-11-30T23:59:59", "2026-11"],
    ["month", "2026-12-01T00:00:00", "2026-12"],
    ["month", "2028-02-29T08:00:00", "2028-02"],
    ["quarter", "2026-12-31T23:00:00", "2026-Q4"],
    ["quarter", "2027-04-01T00:00:00", "2027-Q2"],
    ["half", "2026-06-30T23:59:59", "2026-H1"],
    ["half", "2026-07-01T00:00:00", "2026-H2"],
    ["year", "2027-12-31T23:59:59", "2027"],
    ["plan", "2027-02-15T09:00:00", "2027"],
    ["report", "2026-12-09T09:00:00", "2026"],
    ["request", "2028-05-05T09:00:00", "2028"],
  ];
  it.each(cases)("%s containing %s (Hà Nội) is %s", (kind, local, id) => {
    const p = periodContaining(kind, vn(local), ZONE);
    expect(p.id).toBe(id);
    expect(p).toEqual(period(kind, id));
  });

  it("reads the instant in the zone: 31/12/2026 20:00 UTC is already 2027 in Hà Nội", () => {
    const at = new Date("2026-12-31T20:00:00Z");
    expect(periodContaining("year", at, ZONE).id).toBe("2027");
    expect(periodContaining("year", at, "UTC").id).toBe("2026");
    expect(periodContaining("month", at, ZONE).id).toBe("2027-01");
  });
});

describe("nextPeriod / previousPeriod", () => {
  // [kind, id, next]
  const cases: [PeriodKind, string, string][] = [
    ["week", "2026-W47", "2026-W48"],
    ["week", "2026-W52", "2026-W53"],
    ["week", "2026-W53", "2027-W01"],
    ["week", "2027-W52", "2028-W01"],
    ["week", "2028-W52", "2029-W01"],
    ["month", "2026-12", "2027-01"],
    ["month", "2028-01", "2028-02"],
    ["month", "2028-02", "2028-03"],
    ["quarter", "2026-Q4", "2027-Q1"],
    ["quarter", "2027-Q1", "2027-Q2"],
    ["half", "2026-H1", "2026-H2"],
    ["half", "2026-H2", "2027-H1"],
    ["year", "2026", "2027"],
    ["plan", "2027", "2028"],
  ];
  it.each(cases)("%s after %s is %s, and back", (kind, id, next) => {
    const p = period(kind, id);
    const n = nextPeriod(p, ZONE);
    expect(n).toEqual(period(kind, next));
    expect(n.start).toEqual(p.end);
    expect(previousPeriod(n, ZONE)).toEqual(p);
  });

  it("walks 2026–2028 week by week without gaps or overlaps", () => {
    let p = period("week", "2026-W01");
    const ids: string[] = [];
    while (p.id !== "2029-W01") {
      ids.push(p.id);
      const n = nextPeriod(p, ZONE);
      expect(n.start).toEqual(p.end);
      expect(n.end.getTime() - n.start.getTime()).toBe(7 * 24 * 3600_000);
      p = n;
    }
    expect(ids).toHaveLength(53 + 52 + 52);
    expect(ids.filter((id) => id.endsWith("W53"))).toEqual(["2026-W53"]);
  });
});

describe("deadlinesOf: QT.VP.03 as shipped (dayOffShift stays)", () => {
  const regime = loadTemplateRegime();
  // [kind, id, due, compile, draft] — local Hà Nội times
  const cases: [PeriodKind, string, string, string, string][] = [
    // Week: "trước 15h00 chiều Thứ Năm"; compiled "trong ngày Thứ Hai của tuần kế tiếp" = before Tuesday 00:00.
    ["week", "2026-W01", "2026-01-01T15:00", "2026-01-06T00:00", "2026-01-05T08:00"],
    ["week", "2026-W47", "2026-11-19T15:00", "2026-11-24T00:00", "2026-11-23T08:00"],
    ["week", "2026-W52", "2026-12-24T15:00", "2026-12-29T00:00", "2026-12-28T08:00"],
    ["week", "2026-W53", "2026-12-31T15:00", "2027-01-05T00:00", "2027-01-04T08:00"],
    ["week", "2027-W01", "2027-01-07T15:00", "2027-01-12T00:00", "2027-01-11T08:00"],
    ["week", "2027-W52", "2027-12-30T15:00", "2028-01-04T00:00", "2028-01-03T08:00"],
    ["week", "2028-W09", "2028-03-02T15:00", "2028-03-07T00:00", "2028-03-06T08:00"],
    ["week", "2028-W52", "2028-12-28T15:00", "2029-01-02T00:00", "2029-01-01T08:00"],
    // Month: "trước ngày 28" = 00:00 on the 28th; compiled "trước ngày 05" of the next month.
    ["month", "2026-01", "2026-01-28T00:00", "2026-02-05T00:00", "2026-02-03T08:00"],
    ["month", "2026-02", "2026-02-28T00:00", "2026-03-05T00:00", "2026-03-03T08:00"],
    ["month", "2026-11", "2026-11-28T00:00", "2026-12-05T00:00", "2026-12-03T08:00"],
    ["month", "2026-12", "2026-12-28T00:00", "2027-01-05T00:00", "2027-01-03T08:00"],
    ["month", "2027-02", "2027-02-28T00:00", "2027-03-05T00:00", "2027-03-03T08:00"],
    ["month", "2028-01", "2028-01-28T00:00", "2028-02-05T00:00", "2028-02-03T08:00"],
    ["month", "2028-02", "2028-02-28T00:00", "2028-03-05T00:00", "2028-03-03T08:00"], // leap: not the 29th
    ["month", "2028-12", "2028-12-28T00:00", "2029-01-05T00:00", "2029-01-03T08:00"],
    // Quarter: not stated in QT.VP.03; shipped default is "as a month" on the quarter's last month.
    ["quarter", "2026-Q1", "2026-03-28T00:00", "2026-04-05T00:00", "2026-04-03T08:00"],
    ["quarter", "2026-Q4", "2026-12-28T00:00", "2027-01-05T00:00", "2027-01-03T08:00"],
    ["quarter", "2027-Q2", "2027-06-28T00:00", "2027-07-05T00:00", "2027-07-03T08:00"],
    ["quarter", "2028-Q1", "2028-03-28T00:00", "2028-04-05T00:00", "2028-04-03T08:00"],
    // Half: "trước ngày 30/6", compiled "trước ngày 05/7".
    ["half", "2026-H1", "2026-06-30T00:00", "2026-07-05T00:00", "2026-07-03T08:00"],
    ["half", "2027-H1", "2027-06-30T00:00", "2027-07-05T00:00", "2027-07-03T08:00"],
    ["half", "2028-H1", "2028-06-30T00:00", "2028-07-05T00:00", "2028-07-03T08:00"],
    // Year: "trước ngày 20/11", compiled "trước ngày 01/12"; the draft goes on 28/11.
    ["year", "2026", "2026-11-20T00:00", "2026-12-01T00:00", "2026-11-28T08:00"],
    ["year", "2027", "2027-11-20T00:00", "2027-12-01T00:00", "2027-11-28T08:00"],
    ["year", "2028", "2028-11-20T00:00", "2028-12-01T00:00", "2028-11-28T08:00"],
  ];
  it.each(cases)("%s %s: due %s, compile %s, draft %s", (kind, id, due, compile, draft) => {
    const p = period(kind, id);
    expect(deadlinesOf(regime, p, ZONE)).toEqual({ due: vn(`${due}:00`), compile: vn(`${compile}:00`) });
    expect(draftTimeOf(regime, p, ZONE)).toEqual(vn(`${draft}:00`));
    // The automatic draft always goes before the compile deadline.
    expect(draftTimeOf(regime, p, ZONE).getTime()).toBeLessThan(deadlinesOf(regime, p, ZONE).compile.getTime());
  });

  it("throws when the regime has no rule for the kind", () => {
    expect(() => deadlinesOf(regime, period("plan", "2027"), ZONE)).toThrow(/plan/);
    expect(() => draftTimeOf(regime, period("report", "2026"), ZONE)).toThrow(/report/);
  });
});

describe("on time = received strictly before the due instant", () => {
  const regime = loadTemplateRegime();
  // [kind, id, received (local), on time]
  const cases: [PeriodKind, string, string, boolean][] = [
    ["month", "2026-11", "2026-11-27T23:59:00", true],
    ["month", "2026-11", "2026-11-27T23:59:59.999", true],
    ["month", "2026-11", "2026-11-28T00:00:00", false],
    ["month", "2026-11", "2026-11-28T08:00:00", false],
    ["month", "2028-02", "2028-02-27T23:59:00", true],
    ["month", "2028-02", "2028-02-28T00:00:00", false], // leap February: still the 28th
    ["week", "2026-W47", "2026-11-19T14:59:59", true],
    ["week", "2026-W47", "2026-11-19T15:00:00", false], // 15:00:00 Thursday itself is late
    ["week", "2026-W47", "2026-11-19T15:00:01", false],
    ["week", "2026-W47", "2026-11-16T08:00:00", true],
    ["week", "2026-W53", "2026-12-31T14:00:00", true],
    ["half", "2026-H1", "2026-06-29T23:59:59", true],
    ["half", "2026-H1", "2026-06-30T00:00:00", false],
    ["year", "2027", "2027-11-19T23:59:00", true],
    ["year", "2027", "2027-11-20T00:00:00", false],
  ];
  it.each(cases)("%s %s received %s → on time %s", (kind, id, received, onTime) => {
    const { due } = deadlinesOf(regime, period(kind, id), ZONE);
    expect(isOnTime(vn(received), due)).toBe(onTime);
  });
});

describe("resolveDueRule", () => {
  const p = period("month", "2026-01");
  // [rule, local result]
  const cases: [Parameters<typeof resolveDueRule>[0], string][] = [
    [{ time: "00:00" }, "2026-01-31T00:00"], // from defaults to the last day
    [{ from: "end", time: "24:00" }, "2026-02-01T00:00"], // "24:00" = 00:00 of the next day
    [{ from: "start", time: "08:30" }, "2026-01-01T08:30"],
    [{ from: "end", addMonths: 1, time: "00:00" }, "2026-02-28T00:00"], // 31/01 + 1 month, clamped
    [{ from: "end", addMonths: 1, setDay: 31, time: "00:00" }, "2026-02-28T00:00"], // setDay clamped
    [{ from: "end", setMonth: 2, time: "00:00" }, "2026-02-28T00:00"], // setMonth clamps the day too
    [{ from: "end", setMonth: 4, setDay: 31, time: "00:00" }, "2026-04-30T00:00"],
    [{ from: "start", addDays: -1, time: "00:00" }, "2025-12-31T00:00"],
    [{ from: "start", addWeeks: 2, time: "00:00" }, "2026-01-15T00:00"],
    [{ from: "start", addMonths: 1, addDays: 9, time: "00:00" }, "2026-02-10T00:00"], // months before days
    // 31/01/2026 is a Saturday: ISO weekday 1 of that ISO week is Monday 26/01, 7 is Sunday 01/02.
    [{ from: "end", setWeekday: 1, time: "09:00" }, "2026-01-26T09:00"],
    [{ from: "end", setWeekday: 7, time: "09:00" }, "2026-02-01T09:00"],
    [{ from: "end", setDay: 1, setWeekday: 5, time: "17:00" }, "2026-01-02T17:00"], // setDay, then weekday
  ];
  it.each(cases)("%j → %s", (rule, local) => {
    expect(resolveDueRule(rule, p, ZONE)).toEqual(vn(`${local}:00`));
  });

  it("leap year: from the end of February 2028 is the 29th", () => {
    expect(resolveDueRule({ time: "00:00" }, period("month", "2028-02"), ZONE)).toEqual(vn("2028-02-29T00:00:00"));
    expect(resolveDueRule({ setMonth: 2, time: "00:00" }, period("year", "2028"), ZONE)).toEqual(vn("2028-02-29T00:00:00"));
    expect(resolveDueRule({ setMonth: 2, time: "00:00" }, period("year", "2027"), ZONE)).toEqual(vn("2027-02-28T00:00:00"));
  });

  it("throws on a malformed time", () => {
    expect(() => resolveDueRule({ time: "15h00" }, p, ZONE)).toThrow(RangeError);
    expect(() => resolveDueRule({ time: "24:30" }, p, ZONE)).toThrow(RangeError);
  });
});

describe("isReportingPeriod", () => {
  const regime = loadTemplateRegime();
  const cases: [PeriodKind, string, boolean][] = [
    ["week", "2026-W53", true],
    ["month", "2026-11", true],
    ["quarter", "2026-Q4", true],
    ["half", "2026-H1", true],
    ["half", "2026-H2", false], // H2 is covered by the yearly report
    ["year", "2026", true],
    ["plan", "2027", false], // no such kind in QT.VP.03
    ["report", "2026", false],
  ];
  it.each(cases)("%s %s → %s", (kind, id, expected) => {
    expect(isReportingPeriod(regime, period(kind, id))).toBe(expected);
  });

  it("accepts whole ids in `only` too", () => {
    const r = loadTemplateRegime();
    r.kinds.quarter = { ...r.kinds.quarter!, only: ["2027-Q2", "Q4"] };
    expect(isReportingPeriod(r, period("quarter", "2027-Q2"))).toBe(true);
    expect(isReportingPeriod(r, period("quarter", "2027-Q4"))).toBe(true);
    expect(isReportingPeriod(r, period("quarter", "2027-Q1"))).toBe(false);
    expect(isReportingPeriod(r, period("quarter", "2026-Q2"))).toBe(false);
  });
});
