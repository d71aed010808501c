/**
 * The skeleton of the compiled draft: every fixed text of the Cục's report (QT.VP.03 §10) and of its cover
 * email, shipped as templates/draft/<regime>.yaml so the office edits it without code. Validated once with zod.
 */
// The namespace import lets the bundle keep only the parts of zod in use (issue 9 §6: start-up).
import * as z from "zod";
import { parse as parseYaml } from "yaml";

const text = z.string();
const perKind = z.object({ week: text, month: text, quarter: text, half: text, year: text });

export const draftSkeletonSchema = z.object({
  id: z.string().min(1),
  header: z.object({
    parentBody: text,
    issuingBody: z.string().min(1),
    nationalTitle: z.string().min(1),
    motto: z.string().min(1),
    number: text,
    placeDate: text,
  }),
  docKind: z.string().min(1),
  periodLabels: z.object({
    week: text,
    month: text,
    quarter: text,
    halfFirst: text,
    halfSecond: text,
    year: text,
  }),
  reportNames: perKind,
  titles: perKind,
  updateNote: text,
  sections: z.object({
    results: z.object({ heading: text }),
    assessment: z.object({ heading: text }),
    unitsAssessment: z.object({ heading: text, items: z.array(text) }),
    plans: z.object({ heading: text, items: z.array(text) }),
  }),
  fill: text,
  unitLabel: text,
  placeholders: z.object({ missing: text, rejected: text, secret: text, emptySection: text }),
  record: z.object({ lead: text, onTime: text, late: text, rejected: text, missing: text, secret: text, all: text }),
  closing: z.object({
    recipientsLabel: text,
    recipients: z.array(text),
    signer: z.object({ authority: text, title: text, name: text }),
  }),
  attachmentsLabel: text,
  appendices: z.object({
    note: text,
    difficulties: z.object({
      name: text,
      heading: text,
      difficultiesLabel: text,
      proposalsLabel: text,
      /** One label for a unit that wrote both under one heading ("Khó khăn, vướng mắc và kiến nghị"). */
      togetherLabel: text.optional(),
      none: text,
    }),
    submissions: z.object({
      name: text,
      heading: text,
      dueLine: text,
      columns: z.array(text).length(6),
      onTime: text,
      late: text,
      notReceived: text,
      verdicts: z.object({ accepted: text, rejected: text, missing: text, secret: text }),
    }),
  }),
  coverEmail: z.object({
    subject: text,
    subjectUpdate: text,
    greeting: text,
    intro: text,
    introUpdate: text,
    unitsHeading: text,
    unitStatus: z.object({ onTime: text, late: text, rejected: text, missing: text, secret: text, resent: text }),
    changesHeading: text,
    changes: z.object({ added: text, updated: text, removed: text, none: text }),
    laggardsHeading: text,
    laggards: z.object({ late: text, rejected: text, missing: text, none: text }),
    filesHeading: text,
    draftFile: text,
    originalsAttached: text,
    originalsListed: text,
    originalsWithheld: text,
    answer: text,
    closing: text,
    signature: z.array(text),
  }),
});

/** All fixed texts of the compiled draft and its cover email (templates/draft/*.yaml). */
export type DraftSkeleton = z.infer<typeof draftSkeletonSchema>;

export type SkeletonResult = { ok: true; skeleton: DraftSkeleton } | { ok: false; error: string };

/** Validates an already-parsed skeleton; the error names the failing field paths. */
export function parseDraftSkeleton(raw: unknown): SkeletonResult {
  const r = draftSkeletonSchema.safeParse(raw);
  if (r.success) return { ok: true, skeleton: r.data };
  const error = r.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
  return { ok: false, error };
}

/** Parses the YAML text of a skeleton file (the caller reads the file). */
export function parseDraftSkeletonYaml(source: string): SkeletonResult {
  let raw: unknown;
  try {
    raw = parseYaml(source);
  } catch (e) {
    return { ok: false, error: `yaml: ${(e as Error).message}` };
  }
  return parseDraftSkeleton(raw);
}

/**
 * Fills `{name}` slots from `values`; unknown slots stay as written so a typo in the skeleton shows in the
 * draft instead of vanishing.
 */
export function fillSlots(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{([A-Za-z_]+)\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole,
  );
}
