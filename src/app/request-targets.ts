/**
 * A recorded ad-hoc request (issue 10 item 4) as the rest of the intake sees it: the regime restricted to the request
 * (its units, its required sections, its deadline as the kind `request`) and its period (id = the code). Ingest
 * judges answers against it, the scheduler plans reminders, the chase and the draft on it, compile merges it.
 */
import type { Period, PeriodKind } from "../domain/model.ts";
import type { Regime } from "../domain/regime.ts";
import { isRequestCode, requestPeriod, requestRegime } from "../domain/requests/index.ts";
import { parsePeriodKey } from "../domain/versions/index.ts";
import { DecisionError } from "./decide.ts";
import { periodOf } from "./period-of.ts";
import type { RequestRow, RequestStore } from "./store.ts";

export interface RequestTarget {
  request: RequestRow;
  /** The configured regime the request was made in. */
  base: Regime;
  /** That regime as the request sees it (requests/requestRegime). */
  regime: Regime;
  period: Period;
}

/** The target of a request row; null when its regime is no longer configured. */
export function requestTarget(regimes: readonly Regime[], request: RequestRow, zone: string): RequestTarget | null {
  const base = regimes.find((r) => r.id === request.regime);
  if (!base) return null;
  return { request, base, regime: requestRegime(base, request, zone), period: requestPeriod(request, zone) };
}

/** Whether a `--period` names a request: its code ("YC-2026-001") or its key ("request-YC-2026-001"). */
export function requestCodeOf(periodId: string): string | null {
  const { id } = parsePeriodKey(periodId);
  return isRequestCode(id) ? id : null;
}

/** The request `code` of `regime`, as a target; a DecisionError (exit 2) when there is none. */
export async function findRequestTarget(
  deps: { settings: { regimes: Regime[]; timezone: string }; store: Pick<RequestStore, "listRequests"> },
  regime: Regime,
  code: string,
): Promise<RequestTarget> {
  const [row] = await deps.store.listRequests({ regime: regime.id, code });
  const target = row ? requestTarget(deps.settings.regimes, row, deps.settings.timezone) : null;
  if (!target) throw new DecisionError(`No request ${code} in ${regime.id} (intake request records one).`);
  return target;
}

/**
 * A `--period` of `regime` as the use cases need it (compile, status, laggards): a calendar period of the regime
 * (periodOf), or an ad-hoc request's code, resolved to the request's own regime and period.
 */
export async function resolvePeriod(
  deps: { settings: { regimes: Regime[]; timezone: string }; store: Pick<RequestStore, "listRequests"> },
  regime: Regime,
  periodId: string,
  kind?: PeriodKind,
): Promise<{ regime: Regime; period: Period }> {
  const code = kind === undefined || kind === "request" ? requestCodeOf(periodId) : null;
  if (code) return findRequestTarget(deps, regime, code);
  return { regime, period: periodOf(regime, periodId, deps.settings.timezone, kind) };
}
