/**
 * Which unit a report belongs to when units merged (issue 10, corpus README "Deadlines and periods"): the unit in
 * force at the period's due date. Units of the former registry (provinces-2013, until 30/6/2025) for deadlines
 * before `unitsSince`; after it, an old name or old address maps to its `mergedInto` unit. A current unit named in
 * a report about an old year maps back to the old unit of the same id, else to the first old unit merged into it.
 */
import type { UnitDef } from "../model.ts";
import type { FormerUnitDef, Regime } from "../regime.ts";

export type Era = "current" | "former";

/** A unit found in a text or an address, before the era is known. */
export interface UnitHit {
  /** Which registry's unit it is. */
  registry: Era;
  unit: string;
}

/** The registry in force for a period due at `due` (instants compared with the ISO day `since` at local 00:00). */
export function eraOf(regime: Regime, due: Date, sinceStart: Date | null): Era {
  if (!regime.formerUnits || regime.formerUnits.length === 0 || !sinceStart) return "current";
  return due.getTime() >= sinceStart.getTime() ? "current" : "former";
}

/** The unit id a hit stands for in `era`, or null when it has none there. */
export function attribute(regime: Regime, hit: UnitHit, era: Era): string | null {
  const former: FormerUnitDef[] = regime.formerUnits ?? [];
  if (hit.registry === era) return hit.unit;
  if (hit.registry === "former") return former.find((u) => u.id === hit.unit)?.mergedInto ?? null;
  const same = former.find((u) => u.id === hit.unit);
  if (same) return same.id;
  return former.find((u) => u.mergedInto === hit.unit)?.id ?? null;
}

/** The units of a registry. */
export function unitsOf(regime: Regime, era: Era): UnitDef[] {
  return era === "current" ? regime.units : (regime.formerUnits ?? []);
}
