/**
 * Registries of units (issue 10): provinces and ministries, mergers and old names, and the regimes whose kinds are
 * told apart by their titles (a province's plan and report). The module's one door.
 */
import { classifyMessage, type ClassifyInput, type ReportCandidate } from "../classify/index.ts";
import type { Regime } from "../regime.ts";
import { classifyTitled } from "./classify-titled.ts";
import { hasTitledKinds } from "./kind-sections.ts";
import { unitOfSender, namesIn } from "./names.ts";

export { attribute, eraOf, type Era, type UnitHit } from "./attribution.ts";
export { namesIn, unitOfSender, type NameHit } from "./names.ts";
export { hasTitledKinds, regimeForKind, sectionsOfKind } from "./kind-sections.ts";
export { classifyTitled } from "./classify-titled.ts";

/** The regime with titled kinds a mail is for: the one registering its sender, else the one its subject names. */
function titledRegimeFor(input: ClassifyInput, regimes: Regime[]): Regime | null {
  const titled = regimes.filter(hasTitledKinds);
  if (titled.length === 0) return null;
  const from = input.facts.forwarded?.from ?? input.facts.from;
  const bySender = titled.find((r) => unitOfSender(r, from) !== null || unitOfSender(r, input.facts.from) !== null);
  if (bySender) return bySender;
  // A sender registered in another regime (a unit of the Cục writing about a province) stays in that regime.
  const other = regimes.filter((r) => !hasTitledKinds(r));
  if (other.some((r) => unitOfSender(r, from) !== null || unitOfSender(r, input.facts.from) !== null)) return null;
  const byName = titled.find((r) => namesIn(r, [input.facts.subject]).length > 0);
  if (byName) return byName;
  return regimes.length === titled.length ? titled[0]! : null;
}

/**
 * A registered unit's mail that is no report (an invitation): its files are listed and the name it used is kept on
 * record, as for a report; it still gets no reply.
 */
function notReport(c: ReportCandidate, input: ClassifyInput, regime: Regime): ReportCandidate {
  const attached = input.documents.filter((d) => d.source !== "body").map((d) => d.source);
  const lines = [
    ...input.documents.filter((d) => d.source !== "body").flatMap((d) => (d.read.ok ? d.read.text.split("\n").slice(0, 16) : [])),
    input.facts.subject,
    ...input.facts.text.split("\n").slice(0, 40),
  ];
  const hit = namesIn(regime, lines).find((h) => h.registry === "current" && (c.unit === null || h.unit === c.unit));
  const evidence = hit ? [...c.evidence, { about: "unit" as const, source: "document-title" as const, value: hit.unit, matched: hit.line.slice(0, 200) }] : c.evidence;
  return { ...c, unit: c.unit ?? hit?.unit ?? null, evidence, documents: attached };
}

/**
 * Classifies one mail over every regime: a regime with titled kinds (provinces, ministries) reads its own titles
 * (classify-titled.ts); everything else, and what states no such title, goes to the general classifier.
 */
export function classifyReports(input: ClassifyInput, regimes: Regime[], ctx: { zone: string }): ReportCandidate[] {
  const titled = titledRegimeFor(input, regimes);
  if (titled) {
    const found = classifyTitled(input.facts, input.documents, titled, ctx.zone);
    if (found) return found;
    return classifyMessage(input, regimes, ctx).map((c) => (c.isReport || c.regime !== titled.id ? c : notReport(c, input, titled)));
  }
  return classifyMessage(input, regimes, ctx);
}
