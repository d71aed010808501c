/**
 * A `--period` (and optional `--kind`) read against a regime: "2026" is a yearly report for QT.VP.03, but for the
 * provinces' regime (QT.NVĐP.04, issue 10) it is both the plan's and the summary report's period, so the kind must
 * be said there (or stored with the draft, see periodKey).
 */
import { kindOfPeriodId, periodFromId } from "../domain/calendar/index.ts";
import type { Period, PeriodKind } from "../domain/model.ts";
import type { Regime } from "../domain/regime.ts";
import { parsePeriodKey } from "../domain/versions/index.ts";
import { DecisionError } from "./decide.ts";

export function periodOf(regime: Regime, periodId: string, zone: string, kind?: PeriodKind): Period {
  const keyed = parsePeriodKey(periodId);
  const wanted = (kind ?? keyed.kind) as PeriodKind | undefined;
  const id = keyed.id;
  if (wanted) {
    const period = periodFromId(wanted, id, zone);
    if (!period || !regime.kinds[wanted]) throw new DecisionError(`Period ${id} of kind ${wanted} is not a reporting period of ${regime.id}.`);
    return period;
  }
  const shaped = kindOfPeriodId(id);
  if (shaped && regime.kinds[shaped]) return periodFromId(shaped, id, zone)!;
  const candidates = (Object.keys(regime.kinds) as PeriodKind[]).filter((k) => periodFromId(k, id, zone) !== null);
  if (candidates.length === 1) return periodFromId(candidates[0]!, id, zone)!;
  if (candidates.length > 1) {
    throw new DecisionError(`Period ${id} of ${regime.id} is shared by the kinds ${candidates.join(", ")}; say which with --kind.`);
  }
  throw new DecisionError(`Period ${id} is not a reporting period of ${regime.id} (e.g. 2026-W47, 2026-11, 2026-Q4, 2026-H1, 2026).`);
}
