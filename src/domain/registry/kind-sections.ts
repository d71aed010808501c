/**
 * A regime as seen by one report kind (issue 10): a province's plan is checked against Phụ lục 01's parts and its
 * report against Phụ lục 02's (`kinds.<kind>.sections` of the regime template); other regimes keep their sections.
 */
import type { PeriodKind, SectionDef } from "../model.ts";
import type { Regime } from "../regime.ts";

/** The sections a report of `kind` must have: the kind's own, else the regime's. */
export function sectionsOfKind(regime: Regime, kind: PeriodKind | null): SectionDef[] {
  return (kind ? regime.kinds[kind]?.sections : undefined) ?? regime.sections;
}

/** The regime with `sections` replaced by those of `kind` (same object when the kind has none of its own). */
export function regimeForKind(regime: Regime, kind: PeriodKind | null): Regime {
  const own = kind ? regime.kinds[kind]?.sections : undefined;
  return own ? { ...regime, sections: own } : regime;
}

/** True for a regime whose kinds are told apart by title words (provinces' plan vs report), not by period shape. */
export function hasTitledKinds(regime: Regime): boolean {
  return Object.values(regime.kinds).some((k) => (k?.titles?.length ?? 0) > 0);
}
