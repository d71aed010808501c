import { describe, expect, it } from "vitest";
import {
  deadlinesOf,
  formatDateVi,
  formatDeadlineVi,
  formatDurationVi,
  formatInstant,
  parseInstant,
  periodFromId,
  periodLabelVi,
  weekdayVi,
} from "../../src/domain/calendar/index.ts";
import type { Period, PeriodKind } from "../../src/domain/model.ts";
import { loadTemplateRegime } from "../support/regime.ts";

const ZONE = "Asia/Ho_Chi_Minh";

function period(kind: PeriodKind, id: string): Period {
  const p = periodFromId(kind, id, ZONE);
  if (!p) throw new Error(`bad test id ${kind} ${id}`);
  return p;
}

describe("formatInstant", () => {
  const cases: [string, string, string][] = [
    ["2026-11-18T03:12:00Z", ZONE, "2026-11-18T10:12:00+07:00"], // contract.md receivedAt example
    ["2026-11-19T08:00:00Z", ZONE, "2026-11-19T15:00:00+07:00"],
    ["2026-11-27T17:00:00Z", ZONE, "2026-11-28T00:00:00+07:00"],
    ["2026-12-31T20:00:00Z", ZONE, "2027-01-01T03:00:00+07:00"],
    ["2028-02-28T17:30:45.999Z", ZONE, "2028-02-29T00:30:45+07:00"], // to the second: truncated, not rounded
    ["2026-11-18T03:12:00Z", "UTC", "2026-11-18T03:12:00+00:00"],
    ["2026-11-18T03:12:00Z", "Asia/Kolkata", "2026-11-18T08:42:00+05:30"],
  ];
  it.each(cases)("%s in %s → %s", (instant, zone, text) => {
    expect(formatInstant(new Date(instant), zone)).toBe(text);
  });

  it("throws on an unknown zone", () => {
    expect(() => formatInstant(new Date(0), "Mars/Olympus")).toThrow(RangeError);
  });
});

describe("parseInstant", () => {
  const cases: [string, string | null][] = [
    ["2026-11-27T08:00", "2026-11-27T01:00:00.000Z"], // no offset → Hà Nội
    ["2026-11-27T08:00:30", "2026-11-27T01:00:30.000Z"],
    ["2026-11-27T08:00:30.250", "2026-11-27T01:00:30.250Z"],
    ["2026-11-27", "2026-11-26T17:00:00.000Z"], // bare date = 00:00 local
    ["2026-11-27 08:00", "2026-11-27T01:00:00.000Z"],
    ["  2026-11-27T08:00  ", "2026-11-27T01:00:00.000Z"],
    ["2026-11-27T08:00:00Z", "2026-11-27T08:00:00.000Z"],
    ["2026-11-27T08:00:00z", "2026-11-27T08:00:00.000Z"],
    ["2026-11-27T08:00:00+07:00", "2026-11-27T01:00:00.000Z"],
    ["2026-11-27T08:00:00+09:00", "2026-11-26T23:00:00.000Z"],
    ["2026-11-27T08:00-0500", "2026-11-27T13:00:00.000Z"],
    ["2028-02-29T12:00", "2028-02-29T05:00:00.000Z"],
    ["2026-11-27T24:00", "2026-11-27T17:00:00.000Z"], // ISO 8601 end of day
    ["2027-02-29", null],
    ["2026-02-30T08:00", null],
    ["2026-11-27T25:00", null],
    ["2026-11-27T08:60", null],
    ["27/11/2026", null],
    ["2026-11", null],
    ["2026-W47-4", null],
    ["2026-331", null],
    ["2026-11-27T08", null],
    ["ngày 27 tháng 11 năm 2026", null],
    ["", null],
  ];
  it.each(cases)("%j → %s", (text, expected) => {
    const d = parseInstant(text, ZONE);
    expect(d === null ? null : d.toISOString()).toBe(expected);
  });

  it("reads an offset-less text in the zone it is given", () => {
    expect(parseInstant("2026-11-27T08:00", "UTC")?.toISOString()).toBe("2026-11-27T08:00:00.000Z");
  });

  const roundTrips = [
    "2026-11-18T10:12:00+07:00",
    "2026-11-19T15:00:00+07:00",
    "2026-12-31T23:59:59+07:00",
    "2027-01-01T00:00:00+07:00",
    "2028-02-29T08:00:00+07:00",
  ];
  it.each(roundTrips)("round trip %s", (text) => {
    const d = parseInstant(text, ZONE);
    expect(d).not.toBeNull();
    expect(formatInstant(d!, ZONE)).toBe(text);
    expect(parseInstant(formatInstant(d!, ZONE), ZONE)).toEqual(d);
  });

  it("round-trips every deadline of 2026–2028", () => {
    const regime = loadTemplateRegime();
    for (const [kind, id] of [["week", "2026-W53"], ["month", "2028-02"], ["half", "2027-H1"], ["year", "2028"]] as const) {
      const { due, compile } = deadlinesOf(regime, period(kind, id), ZONE);
      for (const d of [due, compile]) expect(parseInstant(formatInstant(d, ZONE), ZONE)).toEqual(d);
    }
  });
});

describe("formatDeadlineVi", () => {
  const cases: [string, string][] = [
    ["2026-11-19T15:00:00+07:00", "15 giờ 00 ngày 19/11/2026 (Thứ Năm)"],
    ["2026-11-28T00:00:00+07:00", "0 giờ 00 ngày 28/11/2026 (Thứ Bảy)"],
    ["2026-11-23T08:05:00+07:00", "8 giờ 05 ngày 23/11/2026 (Thứ Hai)"],
    ["2026-11-24T00:00:00+07:00", "0 giờ 00 ngày 24/11/2026 (Thứ Ba)"],
    ["2026-11-25T16:30:00+07:00", "16 giờ 30 ngày 25/11/2026 (Thứ Tư)"],
    ["2026-11-20T09:00:00+07:00", "9 giờ 00 ngày 20/11/2026 (Thứ Sáu)"],
    ["2027-02-28T00:00:00+07:00", "0 giờ 00 ngày 28/02/2027 (Chủ nhật)"],
    ["2028-02-28T23:59:00+07:00", "23 giờ 59 ngày 28/02/2028 (Thứ Hai)"],
    ["2026-11-19T08:00:00Z", "15 giờ 00 ngày 19/11/2026 (Thứ Năm)"],
  ];
  it.each(cases)("%s → %s", (instant, text) => {
    expect(formatDeadlineVi(new Date(instant), ZONE)).toBe(text);
  });

  it("weekdayVi and formatDateVi agree with it", () => {
    const d = new Date("2026-07-05T00:00:00+07:00");
    expect(weekdayVi(d, ZONE)).toBe("Chủ nhật");
    expect(formatDateVi(d, ZONE)).toBe("05/07/2026");
  });
});

describe("periodLabelVi", () => {
  const cases: [PeriodKind, string, string][] = [
    ["week", "2026-W47", "tuần 47/2026 (từ 16/11/2026 đến 22/11/2026)"],
    ["week", "2026-W01", "tuần 1/2026 (từ 29/12/2025 đến 04/01/2026)"],
    ["week", "2026-W53", "tuần 53/2026 (từ 28/12/2026 đến 03/01/2027)"],
    ["week", "2027-W01", "tuần 1/2027 (từ 04/01/2027 đến 10/01/2027)"],
    ["week", "2028-W09", "tuần 9/2028 (từ 28/02/2028 đến 05/03/2028)"],
    ["week", "2028-W52", "tuần 52/2028 (từ 25/12/2028 đến 31/12/2028)"],
    ["month", "2026-11", "tháng 11/2026"],
    ["month", "2027-01", "tháng 01/2027"],
    ["month", "2028-02", "tháng 02/2028"],
    ["month", "2027-03", "tháng 3/2027"],
    ["quarter", "2026-Q1", "quý I/2026"],
    ["quarter", "2027-Q2", "quý II/2027"],
    ["quarter", "2028-Q3", "quý III/2028"],
    ["quarter", "2026-Q4", "quý IV/2026"],
    ["half", "2026-H1", "6 tháng đầu năm 2026"],
    ["half", "2027-H2", "6 tháng cuối năm 2027"],
    ["year", "2026", "năm 2026"],
    ["plan", "2027", "năm 2027"],
    ["report", "2028", "năm 2028"],
  ];
  it.each(cases)("%s %s → %s", (kind, id, label) => {
    expect(periodLabelVi(period(kind, id), ZONE)).toBe(label);
  });
});

describe("formatDurationVi", () => {
  const MIN = 60_000;
  const HOUR = 60 * MIN;
  const DAY = 24 * HOUR;
  const cases: [number, string][] = [
    [0, "0 phút"],
    [1_000, "1 phút"], // any positive duration is at least a minute
    [29_999, "1 phút"],
    [MIN, "1 phút"],
    [89_999, "1 phút"],
    [90_000, "2 phút"],
    [45 * MIN, "45 phút"],
    [59 * MIN + 40_000, "1 giờ"],
    [HOUR, "1 giờ"],
    [HOUR + 5 * MIN, "1 giờ 5 phút"],
    [23 * HOUR + 59 * MIN, "23 giờ 59 phút"],
    [DAY, "1 ngày"],
    [DAY + 30 * MIN, "1 ngày"],
    [2 * DAY + 3 * HOUR, "2 ngày 3 giờ"],
    [2 * DAY + 3 * HOUR + 40 * MIN, "2 ngày 3 giờ"],
    [3 * DAY, "3 ngày"],
    [-(2 * DAY + 3 * HOUR), "2 ngày 3 giờ"],
    [-45 * MIN, "45 phút"],
  ];
  it.each(cases)("%d ms → %s", (ms, text) => {
    expect(formatDurationVi(ms)).toBe(text);
  });

  it("the lead of the week 47 reminders, as a reminder mail would say it", () => {
    const { due } = deadlinesOf(loadTemplateRegime(), period("week", "2026-W47"), ZONE);
    expect(formatDurationVi(due.getTime() - new Date("2026-11-18T15:00:00+07:00").getTime())).toBe("1 ngày");
    expect(formatDurationVi(due.getTime() - new Date("2026-11-19T13:00:00+07:00").getTime())).toBe("2 giờ");
  });
});
