/**
 * loadConfig (src/config.ts) against contract.md "Configuration": the pinned keys of the regimes file, the shipped
 * example, the MAIL_FROM / office.address warning, and errors that name the file, the field path and the problem.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig, mailboxAddress, PROJECT_ROOT } from "../../src/config.ts";
import { deadlinesOf, formatInstant, periodFromId, reminderTimes } from "../../src/domain/calendar/index.ts";
import type { Regime } from "../../src/domain/regime.ts";

const ZONE = "Asia/Ho_Chi_Minh";
const dir = mkdtempSync(path.join(tmpdir(), "intake-config-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

/** A regimes file with the given lines under the regime entry (YAML, indented by the caller). */
function regimesFile(regimeLines = "", officeLines = ""): string {
  const file = path.join(dir, `regimes-${++n}.yaml`);
  writeFileSync(
    file,
    [
      "timezone: Asia/Ho_Chi_Minh",
      "office:",
      "  name: Văn phòng Cục Thông tin đối ngoại",
      "  address: tonghop@cuc.example.vn",
      "  chief: { name: Chánh Văn phòng, address: chanhvp@cuc.example.vn }",
      officeLines,
      "regimes:",
      "  - id: qt-vp-03",
      "    template: qt-vp-03",
      "    units:",
      "      - id: nvdp",
      "        addresses: [NVDP@cuc.example.vn]",
      regimeLines,
    ].join("\n"),
  );
  return file;
}

const load = (file: string, env: Record<string, string> = {}) => loadConfig({ REGIMES_FILE: file, DATA_DIR: dir, ...env }, dir);
const regimeOf = (file: string, env: Record<string, string> = {}): Regime => load(file, env).regimes[0]!;

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error("no ConfigError");
}

const week47 = periodFromId("week", "2026-W47", ZONE)!;
const nov = periodFromId("month", "2026-11", ZONE)!;

describe("the shipped example regimes file", () => {
  const config = loadConfig({ DATA_DIR: dir }, dir);
  const regime = config.regimes[0]!;

  it("loads with the QT.VP.03 defaults and the database under DATA_DIR", () => {
    expect(config.regimesFile).toBe(path.join(PROJECT_ROOT, "templates", "regimes.example.yaml"));
    expect(config.databaseUrl).toBe(`file:${path.join(dir, "intake.db")}`);
    expect(config.mailFrom).toBe("tonghop@cuc.example.vn");
    expect(config.warnings).toEqual([]);
    expect(regime.units.map((u) => [u.id, u.addresses, u.fields])).toEqual([
      ["nvdp", ["nvdp@cuc.example.vn"], [1, 2]],
      ["ttdn", ["ttdn@cuc.example.vn"], [4, 5, 6]],
      ["ttbc", ["ttbc@cuc.example.vn"], [3, 6]],
      ["vp", ["vp@cuc.example.vn"], [7, 8, 9]],
    ]);
    expect(formatInstant(deadlinesOf(regime, week47, ZONE).due, ZONE)).toBe("2026-11-19T15:00:00+07:00");
    expect(formatInstant(deadlinesOf(regime, nov, ZONE).due, ZONE)).toBe("2026-11-28T00:00:00+07:00");
  });

  it("has every pinned key of contract.md with its default", () => {
    expect(regime.receipts).toBe(true);
    expect(regime.replyLimitPerHour).toBe(5);
    expect(regime.oldPeriodReplies).toBe(false);
    expect(regime.workingDays).toEqual([]);
    expect(regime.holidays).toContain("2027-02-10");
    expect(regime.officeHours).toEqual({ start: "07:30", end: "17:00", morning: "08:00" });
    expect(regime.kinds.week?.reminders).toEqual(["-24h", "-2h"]);
    expect(regime.kinds.year?.reminders).toEqual(["-3d", "-1d"]);
    expect(regime.kinds.week?.chase).toEqual({ enabled: true, everyWorkingDay: true, time: "08:00" });
    expect(regime.kinds.week?.label).toBe("báo cáo tuần");
    expect(regime.attachOriginalsUpTo).toBe(10_000_000);
  });
});

describe("pinned per-regime keys: deadlines and reminders", () => {
  it("deadlines merge into the template's rule: only the time of the weekly deadline changes", () => {
    const regime = regimeOf(regimesFile('    deadlines:\n      week: { due: { time: "16:00" } }\n      month: { compile: { setDay: 6 } }'));
    expect(formatInstant(deadlinesOf(regime, week47, ZONE).due, ZONE)).toBe("2026-11-19T16:00:00+07:00");
    expect(formatInstant(deadlinesOf(regime, week47, ZONE).compile, ZONE)).toBe("2026-11-24T00:00:00+07:00");
    expect(formatInstant(deadlinesOf(regime, nov, ZONE).due, ZONE)).toBe("2026-11-28T00:00:00+07:00");
    expect(formatInstant(deadlinesOf(regime, nov, ZONE).compile, ZONE)).toBe("2026-12-06T00:00:00+07:00");
    expect(regime.kinds.week?.label).toBe("báo cáo tuần");
  });

  it("reminders replace the template's offsets of that kind only", () => {
    const regime = regimeOf(regimesFile('    reminders:\n      week: ["-48h"]\n      month: ["-5d", "-1d"]'));
    expect(regime.kinds.week?.reminders).toEqual(["-48h"]);
    expect(regime.kinds.month?.reminders).toEqual(["-5d", "-1d"]);
    expect(regime.kinds.quarter?.reminders).toEqual(["-3d", "-1d"]);
    expect(reminderTimes(regime, week47, ZONE).map((r) => [r.offset, formatInstant(r.at, ZONE)])).toEqual([["-48h", "2026-11-17T15:00:00+07:00"]]);
  });

  it("receipts, holidays, workingDays, replyLimitPerHour, oldPeriodReplies and office.leadership are read", () => {
    const file = regimesFile(
      "    receipts: false\n    holidays: [2026-12-31]\n    workingDays: [2027-01-09]\n    replyLimitPerHour: 3\n    oldPeriodReplies: true",
      "  leadership:\n    - { name: Phó Cục trưởng, address: PCT@cuc.example.vn }",
    );
    const config = load(file);
    const r = config.regimes[0]!;
    expect([r.receipts, r.holidays, r.workingDays, r.replyLimitPerHour, r.oldPeriodReplies]).toEqual([false, ["2026-12-31"], ["2027-01-09"], 3, true]);
    expect(config.office.leadership).toEqual([{ name: "Phó Cục trưởng", address: "pct@cuc.example.vn" }]);
    expect(r.units.find((u) => u.id === "nvdp")?.addresses).toEqual(["nvdp@cuc.example.vn"]);
  });

  it.each([
    ["a reminder offset that is no offset", '    reminders:\n      week: ["24 hours"]', "regimes.0.reminders.week.0", 'must be an offset like "-24h"'],
    ["a deadline time that is no time", '    deadlines:\n      week: { due: { time: "3pm" } }', "regimes.0.deadlines.week.due.time", 'must be a time "HH:mm"'],
    ["an unknown deadline rule", "    deadlines:\n      week: { due: { weekday: 4 } }", "regimes.0.deadlines.week.due", "weekday"],
    ["an unknown report kind", '    reminders:\n      weekly: ["-24h"]', "regimes.0.reminders", 'Unrecognized key: "weekly"'],
    ["a bad limit", "    replyLimitPerHour: 0", "replyLimitPerHour", ""],
  ])("%s stops start-up naming the file and the field path", (_name, lines, at, what) => {
    const file = regimesFile(lines);
    const message = errorOf(() => load(file));
    expect(message).toContain(file);
    expect(message).toContain(`- ${at}`);
    expect(message).toContain(what);
  });
});

describe("MAIL_FROM and office.address (contract.md: start-up warns when they differ)", () => {
  const file = regimesFile();

  it.each([
    ["unset: the bot sends from the office address", {}, "tonghop@cuc.example.vn", 0],
    ["the same address", { MAIL_FROM: "tonghop@cuc.example.vn" }, "tonghop@cuc.example.vn", 0],
    ["the same address in other case", { MAIL_FROM: "TongHop@Cuc.Example.VN" }, "TongHop@Cuc.Example.VN", 0],
    ["the office address under a Vietnamese display name", { MAIL_FROM: "Văn phòng Cục Thông tin đối ngoại <tonghop@cuc.example.vn>" }, "Văn phòng Cục Thông tin đối ngoại <tonghop@cuc.example.vn>", 0],
    ["a quoted display name", { MAIL_FROM: '"Văn phòng Cục, bộ phận tổng hợp" <TongHop@cuc.example.vn>' }, '"Văn phòng Cục, bộ phận tổng hợp" <TongHop@cuc.example.vn>', 0],
    ["another mailbox", { MAIL_FROM: "noreply@cuc.example.vn" }, "noreply@cuc.example.vn", 1],
    ["another mailbox under the office's name", { MAIL_FROM: "Văn phòng Cục <noreply@cuc.example.vn>" }, "Văn phòng Cục <noreply@cuc.example.vn>", 1],
  ])("%s", (_name, env, mailFrom, warnings) => {
    const config = load(file, env);
    expect(config.mailFrom).toBe(mailFrom);
    expect(config.warnings).toHaveLength(warnings);
    if (warnings) {
      expect(config.warnings[0]).toBe(`MAIL_FROM (${mailFrom}) differs from office.address (tonghop@cuc.example.vn) in ${file}; they should name the same mailbox.`);
    }
  });

  it.each(["tong hop", "Văn phòng <tong hop>", "Văn phòng <tonghop@>", "<>"])("MAIL_FROM %j stops start-up", (value) => {
    expect(errorOf(() => load(file, { MAIL_FROM: value }))).toBe('Invalid configuration in environment variables:\n  - MAIL_FROM: must be an address or "Name <address>"');
  });

  it.each([
    ["tonghop@cuc.example.vn", "tonghop@cuc.example.vn"],
    ["Văn phòng <TongHop@Cuc.Example.VN>", "tonghop@cuc.example.vn"],
    ['"Tổng hợp, Văn phòng" <tonghop@cuc.example.vn>', "tonghop@cuc.example.vn"],
    ["  <tonghop@cuc.example.vn>  ", "tonghop@cuc.example.vn"],
    ["tonghop@cuc.example.vn, vp@cuc.example.vn", null],
    ["Văn phòng", null],
  ])("mailboxAddress(%j) = %j", (value, expected) => {
    expect(mailboxAddress(value)).toBe(expected);
  });
});
