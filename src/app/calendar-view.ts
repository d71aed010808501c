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

export function calendarRows(deps: Pick<Deps, "settings" | "clock">, regime: Regime, fromText?: string, toText?: string): CalendarRow[] {
  const zone = deps.settings.timezone;
  const from = fromText ? parseInstant(fromText, zone) : deps.clock.now();
  if (!from) throw new DecisionError(`--from "${fromText}" is not a date (yyyy-mm-dd).`);
  const to = toText ? parseInstant(toText, zone) : DateTime.fromJSDate(from, { zone }).plus({ days: 62 }).toJSDate();
  if (!to) throw new DecisionError(`--to "${toText}" is not a date (yyyy-mm-dd).`);
  const rows: (CalendarRow & { at: number })[] = [];
  for (const kind of Object.keys(regime.kinds) as PeriodKind[]) {
    for (const p of periodsDueBetween(regime, kind, from, to, zone)) {
      const d = deadlinesOf(regime, p, zone);
      rows.push({
        kind, label: regime.kinds[kind]!.label, period: p.id, at: d.due.getTime(),
        due: formatInstant(d.due, zone), compile: formatInstant(d.compile, zone), draftAt: formatInstant(draftTimeOf(regime, p, zone), zone),
      });
    }
  }
  return rows.sort((a, b) => a.at - b.at).map(({ at: _at, ...r }) => r);
}
