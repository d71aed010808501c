/**
 * Province and ministry names in a text (issue 10): the regime's units and, apart, its former units (an old name
 * and a current one may be the same words: "Huế", "Lào Cai"), skipping phrases in which a name means something
 * else ("Thái Bình Dương" holds "Thái Bình" and "Bình Dương"; "hòa bình"; "Điện Biên Phủ"). Those phrases are
 * matched as a pseudo-unit: the matcher takes the longest phrase first and never reuses its words.
 */
import { matchUnits, unitOfAddress } from "../classify/index.ts";
import type { UnitDef } from "../model.ts";
import type { Regime } from "../regime.ts";
import { type Era, type UnitHit, unitsOf } from "./attribution.ts";

const NOT_A_UNIT = "__not_a_unit__";

export interface NameHit extends UnitHit {
  /** The name as written. */
  matched: string;
  /** The whole line it was written in (kept on record: "UBND TỈNH HÀ GIANG"). */
  line: string;
}

function withGuard(units: UnitDef[], notUnitIn: string[]): UnitDef[] {
  return notUnitIn.length ? [...units, { id: NOT_A_UNIT, name: notUnitIn[0]!, aliases: notUnitIn, addresses: [], fields: [] }] : units;
}

/** Units of both registries named in `lines`, in line order. */
export function namesIn(regime: Regime, lines: string[]): NameHit[] {
  const eras: Era[] = regime.formerUnits?.length ? ["current", "former"] : ["current"];
  const out: NameHit[] = [];
  for (const line of lines) {
    for (const era of eras) {
      for (const m of matchUnits(line, withGuard(unitsOf(regime, era), regime.notUnitIn ?? []))) {
        if (m.unit !== NOT_A_UNIT) out.push({ registry: era, unit: m.unit, matched: m.matched, line: line.trim() });
      }
    }
  }
  return out;
}

/** The unit an address is registered to, in either registry (the current one first). */
export function unitOfSender(regime: Regime, address: string | null): UnitHit | null {
  const now = unitOfAddress(address, regime.units);
  if (now) return { registry: "current", unit: now };
  const old = unitOfAddress(address, regime.formerUnits ?? []);
  return old ? { registry: "former", unit: old } : null;
}
