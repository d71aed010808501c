/**
 * Input checked at the door (issue 9 §5): every command's `--period`, `--unit`, `--regime` and dates are checked
 * against the configuration before anything opens the database, so a typo gets one clear line and exit status 2
 * instead of a table where every unit looks missing.
 */
import { kindOfPeriodId, parseInstant, periodFromId } from "./domain/calendar/index.ts";
import type { PeriodKind } from "./domain/model.ts";
import type { Regime } from "./domain/regime.ts";
import { isRequestCode } from "./domain/requests/index.ts";

/** A bad argument or option: the CLI prints the message (one line) and exits 2. */
export class UsageError extends Error {
  readonly code = "EUSAGE";
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** How each kind's period id is written, with an example (contract.md: period ids). */
const PERIOD_FORMS: Record<PeriodKind, string> = {
  week: "2026-W47 (tuần)",
  month: "2026-11 (tháng)",
  quarter: "2026-Q4 (quý)",
  half: "2026-H1 (6 tháng)",
  year: "2026 (năm)",
  plan: "2026 (kế hoạch năm)",
  report: "2026 (báo cáo năm)",
  request: "2026 (yêu cầu đột xuất)",
};

/** The help text of `--period`: every form, with an example. */
export const PERIOD_HELP = "kỳ báo cáo: 2026-W47 | 2026-11 | 2026-Q4 | 2026-H1 | 2026";
export const DATE_HELP = "ngày hoặc thời điểm ISO: 2026-11-19 hoặc 2026-11-19T15:00 (giờ Việt Nam)";

const list = (ids: string[]) => ids.join(", ");

/** The regime named by `--regime`, or the only configured one; an unknown id lists the configured ids. */
export function checkRegime(regimes: readonly Regime[], id: string | undefined): Regime {
  const ids = regimes.map((r) => r.id);
  if (id === undefined) {
    if (regimes.length === 1) return regimes[0]!;
    throw new UsageError(`Cần chọn chế độ báo cáo bằng --regime; các chế độ đã cấu hình: ${list(ids)}.`);
  }
  const r = regimes.find((x) => x.id === id);
  if (!r) throw new UsageError(`Không có chế độ báo cáo "${id}"; các chế độ đã cấu hình: ${list(ids)}.`);
  return r;
}

/** Period forms of a regime's kinds, without repeats ("2026" serves year, plan, report alike). */
function formsOf(regimes: readonly Regime[]): string {
  const seen = new Map<string, string>();
  for (const r of regimes) {
    for (const kind of Object.keys(r.kinds) as PeriodKind[]) {
      const form = PERIOD_FORMS[kind];
      const shape = form.split(" ")[0]!;
      if (!seen.has(shape)) seen.set(shape, form);
    }
  }
  return [...seen.values()].join(", ");
}

/** True when the id is a period of one of the regime's kinds (a week id for a regime without weeks is not). */
export function isPeriodOf(regime: Regime, id: string, zone: string): boolean {
  return (Object.keys(regime.kinds) as PeriodKind[]).some((kind) => periodFromId(kind, id, zone) !== null);
}

/**
 * `--period` against the kinds of the regimes it may belong to: "2026-48" or "garbage" gets the expected forms
 * with examples. A well-shaped id of a kind the regime does not have ("2026-W47" for a yearly regime) says so.
 */
export function checkPeriod(regimes: readonly Regime[], id: string, zone: string): string {
  if (regimes.some((r) => isPeriodOf(r, id, zone))) return id;
  // An ad-hoc request's code (issue 10 item 4): the use case looks the request up.
  if (isRequestCode(id.replace(/^request-/, ""))) return id;
  const names = regimes.map((r) => r.id).join(", ");
  // A valid id of a kind the regime does not have (a week for a yearly regime), versus no period at all ("2026-48").
  const shaped = kindOfPeriodId(id);
  if (shaped && periodFromId(shaped, id, zone)) {
    throw new UsageError(`Kỳ báo cáo "${id}" không thuộc chế độ ${names}; dạng hợp lệ: ${formsOf(regimes)}.`);
  }
  throw new UsageError(`Kỳ báo cáo "${id}" không đúng dạng; dạng hợp lệ: ${formsOf(regimes)}.`);
}

/** `--unit` against the units (current and former) of the regimes; an unknown id lists the configured ids. */
export function checkUnit(regimes: readonly Regime[], id: string): string {
  const ids = new Set<string>();
  for (const r of regimes) {
    for (const u of r.units) ids.add(u.id);
    for (const u of r.formerUnits ?? []) ids.add(u.id);
  }
  if (ids.has(id)) return id;
  throw new UsageError(`Không có đơn vị "${id}"; các đơn vị đã cấu hình: ${list([...ids])}.`);
}

/** A date option (`--from`, `--to`, `--at`, `--deadline`): ISO date or date-time, read in the zone. */
export function checkDate(option: string, text: string, zone: string): Date {
  const at = parseInstant(text, zone);
  if (!at) throw new UsageError(`${option} "${text}" không phải ngày hợp lệ; dùng dạng 2026-11-19 hoặc 2026-11-19T15:00.`);
  return at;
}
