/**
 * Test helper: the shipped QT.VP.03 regime (templates/regimes/qt-vp-03.yaml) as a `Regime`, with overrides.
 * Not the configuration loader (src/config.ts): no zod, only the defaults the Regime type documents.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import type { Regime } from "../../src/domain/regime.ts";

const TEMPLATE = new URL("../../templates/regimes/qt-vp-03.yaml", import.meta.url);

let cached: Regime | null = null;

function fromTemplate(): Regime {
  if (cached) return cached;
  const y = parse(readFileSync(TEMPLATE, "utf8")) as Record<string, unknown> & Partial<Regime>;
  cached = {
    id: String(y.id),
    name: String(y.name),
    ...(y.procedure ? { procedure: String(y.procedure) } : {}),
    kinds: y.kinds ?? {},
    sections: y.sections ?? [],
    units: y.units ?? [],
    holidays: y.holidays ?? [],
    workingDays: y.workingDays ?? [],
    weekend: y.weekend ?? [6, 7],
    dayOffShift: y.dayOffShift ?? "stays",
    officeHours: y.officeHours ?? { start: "07:30", end: "17:00", morning: "08:00" },
    receipts: y.receipts ?? true,
    replyLimitPerHour: y.replyLimitPerHour ?? 5,
    oldPeriodReplies: y.oldPeriodReplies ?? false,
    draftWhenComplete: y.draftWhenComplete ?? false,
    attachOriginalsUpTo: y.attachOriginalsUpTo ?? 10_000_000,
    fields: y.fields ?? [],
  };
  return cached;
}

/** The QT.VP.03 template as a Regime; `overrides` replace top-level fields (a deep copy: tests may mutate it). */
export function loadTemplateRegime(overrides: Partial<Regime> = {}): Regime {
  return { ...structuredClone(fromTemplate()), ...overrides };
}
