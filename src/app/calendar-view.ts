/** `intake calendar`: the coming periods of a regime and their deadlines. */
import { DateTime } from "luxon";
import { deadlinesOf, draftTimeOf, formatInstant, parseInstant, periodsDueBetween } from "../domain/calendar/index.ts";
import type { PeriodKind } from "../domain/model.ts";
import type { Regime } from "../domain/regime.ts";
import type { Deps } from "./context.ts";
import { DecisionError } from "./decide.ts";

export interface CalendarRow {
  kind: PeriodKind;
  label: string;
  period: string;
  due: string;
  compile: string;
  draftAt: string;
}

/**
 * Without --from, the calendar starts at the current period whose draft is not yet sent (issue 9 §6): on a Sunday
 * the week whose units' deadline passed on Thursday is still listed, its draft goes out on Monday. Periods due up
 * to a quarter back are looked at, and kept while their draft time is still ahead.
 */
const LOOK_BACK_DAYS = 92;

export function calendarRows(deps: Pick<Deps, "settings" | "clock">, regime: Regime, fromText?: string, toText?: string): CalendarRow[] {
  const zone = deps.settings.timezone;
  const now = deps.clock.now();
  const from = fromText ? parseInstant(fromText, zone) : now;
  if (!from) throw new DecisionError(`--from "${fromText}" is not a date (yyyy-mm-dd).`);
  const to = toText ? parseInstant(toText, zone) : DateTime.fromJSDate(from, { zone }).plus({ days: 62 }).toJSDate();
  if (!to) throw new DecisionError(`--to "${toText}" is not a date (yyyy-mm-dd).`);
  const scanFrom = fromText ? from : DateTime.fromJSDate(now, { zone }).minus({ days: LOOK_BACK_DAYS }).toJSDate();
  const rows: (CalendarRow & { at: number })[] = [];
  for (const kind of Object.keys(regime.kinds) as PeriodKind[]) {
    for (const p of periodsDueBetween(regime, kind, scanFrom, to, zone)) {
      const d = deadlinesOf(regime, p, zone);
      const draftAt = draftTimeOf(regime, p, zone);
      if (!fromText && draftAt.getTime() < now.getTime()) continue;
      rows.push({
        kind, label: regime.kinds[kind]!.label, period: p.id, at: d.due.getTime(),
        due: formatInstant(d.due, zone), compile: formatInstant(d.compile, zone), draftAt: formatInstant(draftAt, zone),
      });
    }
  }
  return rows.sort((a, b) => a.at - b.at).map(({ at: _at, ...r }) => r);
}
