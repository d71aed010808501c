import { describe, expect, it } from "vitest";
import {
  chaseTimes,
  deadlinesOf,
  isWorkingDay,
  nextPeriod,
  parseOffset,
  periodFromId,
  reminderTimes,
} from "../../src/domain/calendar/index.ts";
import type { DayOffShift, Period, PeriodKind } from "../../src/domain/model.ts";
import type { KindRule, Regime } from "../../src/domain/regime.ts";
import { loadTemplateRegime } from "../support/regime.ts";

const ZONE = "Asia/Ho_Chi_Minh";
const vn = (local: string): Date => new Date(`${local}+07:00`);

function period(kind: PeriodKind, id: string): Period {
  const p = periodFromId(kind, id, ZONE);
  if (!p) throw new Error(`bad test id ${kind} ${id}`);
  return p;
}

const HOLIDAYS = [
  "2026-04-30", "2026-05-01", // Giải phóng miền Nam, Quốc tế Lao động (Thursday, Friday)
  "2027-01-01", // Tết Dương lịch (Friday)
  "2027-02-04", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10", // Tết Đinh Mùi, assumed schedule
];

function regimeWith(shift: DayOffShift = "stays", holidays: string[] = []): Regime {
  return loadTemplateRegime({ dayOffShift: shift, holidays });
}

function withKind(regime: Regime, kind: PeriodKind, patch: Partial<KindRule>): Regime {
  return { ...regime, kinds: { ...regime.kinds, [kind]: { ...regime.kinds[kind]!, ...patch } } };
}

describe("parseOffset", () => {
  const cases: [string, ReturnType<typeof parseOffset>][] = [
    ["-24h", { amount: -24, unit: "hours" }],
    ["-2h", { amount: -2, unit: "hours" }],
    ["-3d", { amount: -3, unit: "days" }],
    ["-30m", { amount: -30, unit: "minutes" }],
    ["+0h", { amount: 0, unit: "hours" }],
    ["2d", { amount: 2, unit: "days" }],
    ["-1w", null],
    ["-1.5h", null],
    ["24 giờ", null],
    ["", null],
  ];
  it.each(cases)("%j → %j", (text, expected) => {
    expect(parseOffset(text)).toEqual(expected);
  });
});

describe("reminderTimes", () => {
  // [why, regime, kind, id, expected [offset, local time][]]
  const cases: [string, Regime, PeriodKind, string, [string, string][]][] = [
    ["week 47: Wednesday 15:00 and Thursday 13:00", regimeWith(), "week", "2026-W47", [
      ["-24h", "2026-11-18T15:00:00"],
      ["-2h", "2026-11-19T13:00:00"],
    ]],
    ["2026-W53 before Tết Dương lịch", regimeWith("stays", HOLIDAYS), "week", "2026-W53", [
      ["-24h", "2026-12-30T15:00:00"],
      ["-2h", "2026-12-31T13:00:00"],
    ]],
    // Due Thursday 30/04/2026 15:00 (a holiday, kept): the "-2h" reminder would wait for Monday 04/05 08:00,
    // after the deadline, so it is dropped.
    ["30/4 holiday, deadline kept", regimeWith("stays", HOLIDAYS), "week", "2026-W18", [
      ["-24h", "2026-04-29T15:00:00"],
    ]],
    // Moved to Monday 04/05 15:00: "-24h" (Sunday 15:00) waits for Monday 08:00, still before the deadline.
    ["30/4 holiday, deadline later", regimeWith("later", HOLIDAYS), "week", "2026-W18", [
      ["-24h", "2026-05-04T08:00:00"],
      ["-2h", "2026-05-04T13:00:00"],
    ]],
    ["the week after Tết: Wednesday 10/02 is a holiday", regimeWith("stays", HOLIDAYS), "week", "2027-W06", [
      ["-24h", "2027-02-11T08:00:00"],
      ["-2h", "2027-02-11T13:00:00"],
    ]],
    // December 2026: due Monday 28/12 00:00. "-3d" is Friday 25/12 00:00 → 08:00 that Friday. "-1d" is Sunday
    // 27/12 00:00, a day off → the next working morning is Monday 28/12 08:00, which is already after the
    // deadline (00:00 that Monday): dropped, not moved earlier. Only one reminder goes out.
    ["December 2026: the Sunday reminder is dropped", regimeWith(), "month", "2026-12", [
      ["-3d", "2026-12-25T08:00:00"],
    ]],
    // November 2026: due Saturday 28/11 00:00 (kept). Both land on working days at 00:00 → 08:00.
    ["November 2026", regimeWith(), "month", "2026-11", [
      ["-3d", "2026-11-25T08:00:00"],
      ["-1d", "2026-11-27T08:00:00"],
    ]],
    // July 2026: due Tuesday 28/07 00:00. "-3d" (Saturday) and "-1d" (Monday 00:00) both become Monday 27/07
    // 08:00: one reminder, labelled with the lead nearest to the truth.
    ["July 2026: two offsets on the same morning", regimeWith(), "month", "2026-07", [
      ["-1d", "2026-07-27T08:00:00"],
    ]],
    ["February 2028 (leap year): due Monday 28/02", regimeWith(), "month", "2028-02", [
      ["-3d", "2028-02-25T08:00:00"],
    ]],
    ["quarter IV/2026 as December", regimeWith(), "quarter", "2026-Q4", [
      ["-3d", "2026-12-25T08:00:00"],
    ]],
    ["half H1/2026: due Tuesday 30/06", regimeWith(), "half", "2026-H1", [
      ["-1d", "2026-06-29T08:00:00"],
    ]],
    ["year 2026: due Friday 20/11", regimeWith(), "year", "2026", [
      ["-3d", "2026-11-17T08:00:00"],
      ["-1d", "2026-11-19T08:00:00"],
    ]],
    ["year 2027 moved to Monday 22/11", regimeWith("later"), "year", "2027", [
      ["-3d", "2027-11-19T08:00:00"],
    ]],
    ["H2 is not a reporting period", regimeWith(), "half", "2026-H2", []],
    ["minutes, positive and unordered offsets", withKind(regimeWith(), "week", { reminders: ["+0h", "-30m", "-24h"] }), "week", "2026-W47", [
      ["-24h", "2026-11-18T15:00:00"],
      ["-30m", "2026-11-19T14:30:00"],
    ]],
    ["no offsets", withKind(regimeWith(), "week", { reminders: [] }), "week", "2026-W47", []],
  ];
  it.each(cases)("%s", (_why, regime, kind, id, expected) => {
    const got = reminderTimes(regime, period(kind, id), ZONE);
    expect(got).toEqual(expected.map(([offset, local]) => ({ offset, at: vn(local) })));
  });

  it("throws on a malformed offset", () => {
    const r = withKind(regimeWith(), "week", { reminders: ["-1w"] });
    expect(() => reminderTimes(r, period("week", "2026-W47"), ZONE)).toThrow(/-1w/);
  });
});

describe("chaseTimes", () => {
  // [why, regime, kind, id, expected local times]
  const cases: [string, Regime, PeriodKind, string, string[]][] = [
    // Due Thursday 15:00, inside office hours: the first chase goes at once, then every working morning until
    // the compile deadline (Tuesday 00:00).
    ["week 47", regimeWith(), "week", "2026-W47", [
      "2026-11-19T15:00:00",
      "2026-11-20T08:00:00",
      "2026-11-23T08:00:00",
    ]],
    ["2026-W53 with Tết Dương lịch", regimeWith("stays", HOLIDAYS), "week", "2026-W53", [
      "2026-12-31T15:00:00",
      "2027-01-04T08:00:00",
    ]],
    // Due on the 30/4 holiday (kept): the first chase waits for Monday 04/05; compile is Tuesday 05/05 00:00.
    ["30/4 holiday", regimeWith("stays", HOLIDAYS), "week", "2026-W18", ["2026-05-04T08:00:00"]],
    // Due on 28 Tết (kept): the next working morning (11/02) is after the compile deadline (09/02): no chase.
    ["Tết: nothing before the compile deadline", regimeWith("stays", HOLIDAYS), "week", "2027-W05", []],
    // November 2026: due Saturday 28/11 00:00 → Monday 30/11, then each working day until Saturday 05/12 00:00.
    ["November 2026", regimeWith(), "month", "2026-11", [
      "2026-11-30T08:00:00",
      "2026-12-01T08:00:00",
      "2026-12-02T08:00:00",
      "2026-12-03T08:00:00",
      "2026-12-04T08:00:00",
    ]],
    // December 2026: due Monday 28/12 00:00 → 08:00 that Monday; compile Tuesday 05/01/2027 00:00.
    ["December 2026", regimeWith(), "month", "2026-12", [
      "2026-12-28T08:00:00",
      "2026-12-29T08:00:00",
      "2026-12-30T08:00:00",
      "2026-12-31T08:00:00",
      "2027-01-01T08:00:00",
      "2027-01-04T08:00:00",
    ]],
    ["December 2026 with Tết Dương lịch off", regimeWith("stays", HOLIDAYS), "month", "2026-12", [
      "2026-12-28T08:00:00",
      "2026-12-29T08:00:00",
      "2026-12-30T08:00:00",
      "2026-12-31T08:00:00",
      "2027-01-04T08:00:00",
    ]],
    ["half H1/2026: compile Sunday 05/07", regimeWith(), "half", "2026-H1", [
      "2026-06-30T08:00:00",
      "2026-07-01T08:00:00",
      "2026-07-02T08:00:00",
      "2026-07-03T08:00:00",
    ]],
    ["year 2026", regimeWith(), "year", "2026", [
      "2026-11-20T08:00:00",
      "2026-11-23T08:00:00",
      "2026-11-24T08:00:00",
      "2026-11-25T08:00:00",
      "2026-11-26T08:00:00",
      "2026-11-27T08:00:00",
      "2026-11-30T08:00:00",
    ]],
    ["only the first chase", withKind(regimeWith(), "week", { chase: { enabled: true, everyWorkingDay: false, time: "08:00" } }), "week", "2026-W47", [
      "2026-11-19T15:00:00",
    ]],
    ["chase time 14:00", withKind(regimeWith(), "week", { chase: { enabled: true, everyWorkingDay: true, time: "14:00" } }), "week", "2026-W47", [
      "2026-11-19T15:00:00",
      "2026-11-20T14:00:00",
      "2026-11-23T14:00:00",
    ]],
    // The compile deadline is exclusive: a chase that would go at that very instant does not.
    ["compile at Monday 08:00", withKind(regimeWith(), "week", { compile: { from: "end", addWeeks: 1, setWeekday: 1, time: "08:00" } }), "week", "2026-W47", [
      "2026-11-19T15:00:00",
      "2026-11-20T08:00:00",
    ]],
    ["disabled", withKind(regimeWith(), "week", { chase: { enabled: false, everyWorkingDay: true, time: "08:00" } }), "week", "2026-W47", []],
    ["H2 is not a reporting period", regimeWith(), "half", "2026-H2", []],
  ];
  it.each(cases)("%s", (_why, regime, kind, id, expected) => {
    expect(chaseTimes(regime, period(kind, id), ZONE)).toEqual(expected.map(vn));
  });
});

describe("every reminder and chase of 2026–2028 is in office hours and on the right side of the deadlines", () => {
  const kinds: [PeriodKind, string, string][] = [
    ["week", "2026-W01", "2029-W01"],
    ["month", "2026-01", "2029-01"],
    ["quarter", "2026-Q1", "2029-Q1"],
    ["half", "2026-H1", "2029-H1"],
    ["year", "2026", "2029"],
  ];
  const shifts: DayOffShift[] = ["stays", "earlier", "later"];
  const hanoi = new Intl.DateTimeFormat("en-CA", {
    timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  });
  const local = (d: Date): { date: string; minutes: number } => {
    const parts = Object.fromEntries(hanoi.formatToParts(d).map((x) => [x.type, x.value]));
    return { date: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
  };
  it.each(kinds.flatMap(([k, a, b]) => shifts.map((s) => [k, a, b, s] as const)))("%s %s…%s, %s", (kind, first, stop, shift) => {
    const regime = regimeWith(shift, HOLIDAYS);
    let checked = 0;
    for (let p = period(kind, first); p.id !== stop; p = nextPeriod(p, ZONE)) {
      const { due, compile } = deadlinesOf(regime, p, ZONE);
      const reminders = reminderTimes(regime, p, ZONE).map((r) => r.at);
      const chases = chaseTimes(regime, p, ZONE);
      for (const at of [...reminders, ...chases]) {
        const l = local(at);
        expect(isWorkingDay(regime, l.date), `${p.id} ${at.toISOString()}`).toBe(true);
        expect(l.minutes).toBeGreaterThanOrEqual(7 * 60 + 30);
        expect(l.minutes).toBeLessThan(17 * 60);
        checked++;
      }
      for (const at of reminders) expect(at.getTime()).toBeLessThan(due.getTime());
      for (const at of chases) {
        expect(at.getTime()).toBeGreaterThanOrEqual(due.getTime());
        expect(at.getTime()).toBeLessThan(compile.getTime());
      }
      const all = [...reminders, ...chases].map((d) => d.getTime());
      expect(all).toEqual([...all].sort((a, b) => a - b));
    }
    expect(checked).toBeGreaterThan(0);
  });
});
