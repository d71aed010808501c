import { describe, expect, it } from "vitest";
import { inferPeriod, periodsDueBetween } from "../../src/domain/calendar/index.ts";
import type { PeriodKind } from "../../src/domain/model.ts";
import { loadTemplateRegime } from "../support/regime.ts";

const ZONE = "Asia/Ho_Chi_Minh";
const vn = (local: string): Date => new Date(`${local}+07:00`);

describe("inferPeriod: the earliest reporting period whose compile deadline had not passed", () => {
  const regime = loadTemplateRegime();
  // [kind, received (local), period id, why]
  const cases: [PeriodKind, string, string, string][] = [
    // contract.md: "a monthly report with no period, received on 02/12, is November's"
    ["month", "2026-12-02T10:00:00", "2026-11", "contract.md example"],
    ["month", "2026-12-04T23:59:59", "2026-11", "last second before November compiles"],
    ["month", "2026-12-05T00:00:00", "2026-12", "November's compile deadline has passed"],
    ["month", "2026-11-20T09:00:00", "2026-11", "October compiled on 05/11"],
    ["month", "2026-11-05T08:00:00", "2026-11", "the 5th: October's deadline is 00:00 that day"],
    ["month", "2026-11-04T16:00:00", "2026-10", "October still open"],
    ["month", "2027-01-03T09:00:00", "2026-12", "across the new year"],
    ["month", "2028-03-02T09:00:00", "2028-02", "leap February"],
    // contract.md: "a weekly one received on the Monday after the week is the late report for that week"
    ["week", "2026-11-23T10:00:00", "2026-W47", "contract.md example"],
    ["week", "2026-11-23T23:59:59", "2026-W47", "end of that Monday"],
    ["week", "2026-11-24T00:00:00", "2026-W48", "Tuesday: week 47 is compiled"],
    ["week", "2026-11-18T10:12:00", "2026-W47", "during the week"],
    ["week", "2026-11-17T09:00:00", "2026-W47", "week 46 compiled at 00:00 today"],
    ["week", "2026-11-16T09:00:00", "2026-W46", "Monday: week 46 still open"],
    ["week", "2027-01-02T09:00:00", "2026-W53", "Saturday in 2026-W53"],
    ["week", "2027-01-04T09:00:00", "2026-W53", "Monday after 2026-W53"],
    ["week", "2027-01-05T09:00:00", "2027-W01", "Tuesday"],
    ["week", "2029-01-01T09:00:00", "2028-W52", "Monday after 2028-W52"],
    ["quarter", "2027-01-02T09:00:00", "2026-Q4", "before 05/01"],
    ["quarter", "2027-01-10T09:00:00", "2027-Q1", "after 05/01"],
    ["quarter", "2026-04-04T09:00:00", "2026-Q1", "before 05/04"],
    ["half", "2026-03-15T09:00:00", "2026-H1", "during H1"],
    ["half", "2026-07-02T09:00:00", "2026-H1", "before 05/07"],
    ["half", "2026-07-10T09:00:00", "2027-H1", "H2 is not a reporting period"],
    ["half", "2027-12-30T09:00:00", "2028-H1", "late in the year"],
    ["year", "2026-11-25T09:00:00", "2026", "before 01/12"],
    ["year", "2026-11-30T23:59:59", "2026", "last second"],
    ["year", "2026-12-01T00:00:00", "2027", "2026 compiled"],
    ["year", "2027-01-15T09:00:00", "2027", "the only one still open"],
  ];
  it.each(cases)("%s received %s → %s (%s)", (kind, received, id) => {
    expect(inferPeriod(regime, kind, vn(received), ZONE)?.id).toBe(id);
  });

  it("is null when the regime has no such kind", () => {
    expect(inferPeriod(regime, "plan", vn("2027-02-01T09:00:00"), ZONE)).toBeNull();
    expect(inferPeriod(regime, "request", vn("2027-02-01T09:00:00"), ZONE)).toBeNull();
  });

  it("returns the whole period", () => {
    expect(inferPeriod(regime, "week", vn("2026-11-23T10:00:00"), ZONE)).toEqual({
      kind: "week",
      id: "2026-W47",
      start: vn("2026-11-16T00:00:00"),
      end: vn("2026-11-23T00:00:00"),
    });
  });

  it("works for a provinces-like plan rule from the period's start (TT 22/2016: plan before 01/03)", () => {
    const r = loadTemplateRegime();
    r.kinds.plan = {
      ...r.kinds.month!,
      due: { from: "start", setMonth: 3, setDay: 1, time: "00:00" },
      compile: { from: "start", setMonth: 3, setDay: 15, time: "00:00" },
      draftAt: { from: "start", setMonth: 3, setDay: 10, time: "08:00" },
    };
    expect(inferPeriod(r, "plan", vn("2027-02-20T09:00:00"), ZONE)?.id).toBe("2027");
    expect(inferPeriod(r, "plan", vn("2027-03-20T09:00:00"), ZONE)?.id).toBe("2028");
  });
});

describe("periodsDueBetween", () => {
  const regime = loadTemplateRegime();
  // [kind, from (local), to (local), ids]
  const cases: [PeriodKind, string, string, string[]][] = [
    ["week", "2026-11-16T00:00:00", "2026-11-23T00:00:00", ["2026-W47"]],
    ["week", "2026-11-19T15:00:00", "2026-11-19T15:00:01", ["2026-W47"]], // from is inclusive
    ["week", "2026-11-19T14:00:00", "2026-11-19T15:00:00", []], // to is exclusive
    ["week", "2026-12-21T00:00:00", "2027-01-11T00:00:00", ["2026-W52", "2026-W53", "2027-W01"]],
    ["month", "2026-11-01T00:00:00", "2027-01-01T00:00:00", ["2026-11", "2026-12"]],
    ["month", "2026-11-28T00:00:00", "2026-12-28T00:00:00", ["2026-11"]],
    ["month", "2028-02-01T00:00:00", "2028-03-01T00:00:00", ["2028-02"]],
    ["quarter", "2026-01-01T00:00:00", "2027-01-01T00:00:00", ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]],
    ["half", "2026-01-01T00:00:00", "2029-01-01T00:00:00", ["2026-H1", "2027-H1", "2028-H1"]],
    ["year", "2026-01-01T00:00:00", "2029-01-01T00:00:00", ["2026", "2027", "2028"]],
    ["year", "2026-11-21T00:00:00", "2027-11-20T00:00:00", []],
    ["plan", "2026-01-01T00:00:00", "2029-01-01T00:00:00", []], // no such kind
    ["month", "2026-12-01T00:00:00", "2026-11-01T00:00:00", []], // empty window
  ];
  it.each(cases)("%s due in [%s, %s) → %j", (kind, from, to, ids) => {
    expect(periodsDueBetween(regime, kind, vn(from), vn(to), ZONE).map((p) => p.id)).toEqual(ids);
  });

  it("counts every week of 2026–2028 whose Thursday falls in the window", () => {
    const in2026 = periodsDueBetween(regime, "week", vn("2026-01-01T00:00:00"), vn("2027-01-01T00:00:00"), ZONE);
    // Thursday 01/01/2026 (2026-W01) to Thursday 31/12/2026 (2026-W53).
    expect(in2026).toHaveLength(53);
    expect(in2026[0]?.id).toBe("2026-W01");
    expect(in2026.at(-1)?.id).toBe("2026-W53");
    const all = periodsDueBetween(regime, "week", vn("2026-01-01T00:00:00"), vn("2029-01-01T00:00:00"), ZONE);
    expect(all).toHaveLength(53 + 52 + 52);
  });

  it("finds a period whose deadline falls after the period itself", () => {
    // 31/12/2026 and 01/01/2027 off, "later": 2026-W53 is due on Monday 04/01/2027, inside 2027-W01.
    const r = loadTemplateRegime({ dayOffShift: "later", holidays: ["2026-12-31", "2027-01-01"] });
    const monday = periodsDueBetween(r, "week", vn("2027-01-04T00:00:00"), vn("2027-01-05T00:00:00"), ZONE);
    expect(monday.map((p) => p.id)).toEqual(["2026-W53"]);
    // A rule due in the next month: November's report before 03/12.
    const next = loadTemplateRegime();
    next.kinds.month = { ...next.kinds.month!, due: { from: "end", addMonths: 1, setDay: 3, time: "00:00" } };
    const early = periodsDueBetween(next, "month", vn("2026-12-01T00:00:00"), vn("2026-12-10T00:00:00"), ZONE);
    expect(early.map((p) => p.id)).toEqual(["2026-11"]);
  });

  it("uses the shifted deadline", () => {
    // 20/11/2027 is a Saturday: with "later" the yearly report is due on Monday 22/11.
    const window: [Date, Date] = [vn("2027-11-21T00:00:00"), vn("2027-11-23T00:00:00")];
    expect(periodsDueBetween(regime, "year", ...window, ZONE)).toEqual([]);
    const later = loadTemplateRegime({ dayOffShift: "later" });
    expect(periodsDueBetween(later, "year", ...window, ZONE).map((p) => p.id)).toEqual(["2027"]);
  });
});
