/**
 * The merge plan of the Cục's compiled report (QT.VP.03 §10; contract.md "The draft's layout"): which unit's
 * blocks go where, and a visible placeholder wherever a unit has nothing mergeable. Pure: the period, the zone,
 * `now` and every text (the skeleton) are parameters.
 */
import { DateTime } from "luxon";
import { nextPeriod } from "../calendar/index.ts";
import { appendixDifficulties, appendixSubmissions, recordSentence } from "./appendices.ts";
import { draftSlots, draftTitle, type DraftSlots } from "./labels.ts";
import { unitDraftKey, type DraftInput, type DraftNode, type DraftPlan, type DraftRole, type DraftUnitSummary, type UnitReportForDraft } from "./plan.ts";

export { draftMailKey, parseUnitDraftKey, unitDraftKey, type DraftInput, type UnitReportForDraft } from "./plan.ts";
import { unitSection } from "./unit-content.ts";
import { fillSlots, type DraftSkeleton } from "./skeleton.ts";
import type { Block, Period, UnitDef } from "../model.ts";
import type { Regime } from "../regime.ts";

export type { DraftSkeleton } from "./skeleton.ts";
export { draftSkeletonSchema, parseDraftSkeleton, parseDraftSkeletonYaml } from "./skeleton.ts";
export type { DraftNode, DraftPlan, DraftRole, DraftAppendix, DraftUnitSummary } from "./plan.ts";
export { hasContent, unitPlaceholder, unitSection } from "./unit-content.ts";

/**
 * The units of the regime in its order (= the template's order in section IV), each with its report or a
 * `missing` stand-in. Input units the regime does not know, and repeated ones, are left out with a warning.
 */
export function unitsInRegimeOrder(regime: Regime, units: UnitReportForDraft[]): { units: UnitReportForDraft[]; warnings: string[] } {
  const warnings: string[] = [];
  const byId = new Map<string, UnitReportForDraft>();
  const known = new Set(regime.units.map((u) => u.id));
  for (const u of units) {
    if (!known.has(u.unit.id)) warnings.push(`unknown_unit:${u.unit.id}`);
    else if (byId.has(u.unit.id)) warnings.push(`duplicate_unit:${u.unit.id}`);
    else byId.set(u.unit.id, u);
  }
  const ordered = regime.units.map(
    (def) =>
      byId.get(def.id) ?? {
        unit: def,
        state: "missing" as const,
        sections: {},
        receivedAt: null,
        onTime: null,
        lateMs: null,
        version: 0,
        attachments: [],
      },
  );
  return { units: ordered, warnings };
}

/** Field (1-based) whose heading a unit's results go under: its first field, else the last ("Nhiệm vụ khác"). */
export function resultsField(unit: UnitDef, fieldCount: number): number {
  const first = unit.fields[0];
  return first !== undefined && Number.isInteger(first) && first >= 1 && first <= fieldCount ? first : fieldCount;
}

const para = (role: DraftRole, text: string): DraftNode => ({ kind: "paragraph", role, text });

function sectionResults(units: UnitReportForDraft[], regime: Regime, sk: DraftSkeleton, slots: DraftSlots): DraftNode[] {
  const out: DraftNode[] = [para("section-heading", fillSlots(sk.sections.results.heading, slots))];
  const count = Math.max(1, regime.fields.length);
  for (let field = 1; field <= count; field++) {
    out.push(para("item-heading", `${field}. ${regime.fields[field - 1] ?? ""}`.trim()));
    const here = units.filter((u) => resultsField(u.unit, regime.fields.length) === field);
    if (here.length === 0) out.push(para("body", sk.fill));
    for (const u of here) {
      if (u.state === "accepted") out.push(para("unit-label", fillSlots(sk.unitLabel, { unit: u.unit.name })));
      out.push(...unitSection(u, "ket_qua", sk));
    }
  }
  return out;
}

function sectionAssessments(units: UnitReportForDraft[], sk: DraftSkeleton, slots: DraftSlots): DraftNode[] {
  const out: DraftNode[] = [para("section-heading", fillSlots(sk.sections.assessment.heading, slots)), para("body", sk.fill)];
  out.push(para("section-heading", fillSlots(sk.sections.unitsAssessment.heading, slots)));
  const record = para("body", recordSentence(units, sk, slots));
  const items = sk.sections.unitsAssessment.items;
  if (items.length === 0) out.push(record, para("body", sk.fill));
  items.forEach((item, i) => {
    out.push(para("item-heading", `${i + 1}. ${fillSlots(item, slots)}`));
    if (i === 0) out.push(record);
    out.push(para("body", sk.fill));
  });
  return out;
}

function sectionPlans(units: UnitReportForDraft[], sk: DraftSkeleton, slots: DraftSlots): DraftNode[] {
  const out: DraftNode[] = [para("section-heading", fillSlots(sk.sections.plans.heading, slots))];
  const fixed = sk.sections.plans.items;
  fixed.forEach((item, i) => out.push(para("item-heading", `${i + 1}. ${fillSlots(item, slots)}`), para("body", sk.fill)));
  units.forEach((u, i) => {
    out.push(para("item-heading", `${fixed.length + i + 1}. ${u.unit.name}`));
    out.push(...unitSection(u, "ke_hoach", sk));
  });
  return out;
}

/**
 * Builds the compiled draft of a period: header and title from the skeleton; I = the regime's fields with each
 * unit's results under its first field; II–III headings to fill (III.1 with the submission record); IV = the
 * fixed items then one item per unit with its plan; Phụ lục 01 (difficulties, proposals) and 02 (submissions).
 * Units not accepted appear as placeholders in each of their places; secret documents are never merged.
 */
export function buildDraftPlan(input: DraftInput): DraftPlan {
  const { regime, period, skeleton: sk, zone } = input;
  const next = nextPeriod(period, zone);
  const draftYear = DateTime.fromJSDate(input.now, { zone }).year;
  const slots = draftSlots(period, next, sk, draftYear);
  const { units, warnings } = unitsInRegimeOrder(regime, input.units);

  const appendices = [appendixDifficulties(units, sk, slots), appendixSubmissions(units, regime, period, zone, sk, slots)];
  const summaries: DraftUnitSummary[] = units.map((u) => ({
    id: u.unit.id,
    name: u.unit.name,
    state: u.state,
    version: u.state === "missing" ? 0 : u.version,
    onTime: u.onTime,
    key: unitDraftKey(u),
  }));
  const signer = sk.closing.signer;

  return {
    regime: regime.id,
    kind: period.kind,
    period,
    nextPeriod: next,
    version: input.version,
    header: {
      parentBody: fillSlots(sk.header.parentBody, slots),
      issuingBody: fillSlots(sk.header.issuingBody, slots),
      nationalTitle: sk.header.nationalTitle,
      motto: sk.header.motto,
      number: fillSlots(sk.header.number, slots),
      placeDate: fillSlots(sk.header.placeDate, slots),
    },
    docKind: sk.docKind,
    title: draftTitle(period, slots, sk),
    updateNote: input.version > 1 ? fillSlots(sk.updateNote, { ...slots, n: input.version - 1, version: input.version }) : null,
    body: [...sectionResults(units, regime, sk, slots), ...sectionAssessments(units, sk, slots), ...sectionPlans(units, sk, slots)],
    closing: {
      recipientsLabel: sk.closing.recipientsLabel,
      recipients: sk.closing.recipients.map((r) => fillSlots(r, slots)),
      signer: { authority: signer.authority, title: signer.title, name: signer.name },
    },
    attachments: {
      label: sk.attachmentsLabel,
      items: appendices.map((a, i) => `- ${a.name}${i === appendices.length - 1 ? "." : ";"}`),
    },
    appendices,
    units: summaries,
    warnings,
  };
}
