/**
 * Message facts → report candidates with evidence (contract.md "What counts as a report", "Periods").
 *
 * Rules (documented choices):
 * - Report evidence: "báo cáo"/"BC" or a period phrase (reported period, not a plan) in the subject, a file name
 *   or a document's title block, or a document (or the body) carrying ≥ 2 of the regime's section headings.
 *   A subject that opens with an invitation, thanks, notice… ("Giấy mời", "Cảm ơn", "Thông báo") before any
 *   report phrase gives none; neither does a reply ("Re:", "TL:") with no attachment and no report in its body.
 * - Splitting: each attachment whose own name or title block states a period founds a report; attachments that
 *   state the same period (with no different unit) share it, so a signed PDF beside its .docx joins that report
 *   (`signedCopies` tells which to archive but not judge). Attachments stating no period join the report of the
 *   nearest attachment before them (an annex follows its report), else the first. Images and signature files
 *   that state nothing are left out. The body joins a report that has no attachment, or when it has sections.
 * - Unit: a single unit named in the report's own documents (file name, title block), else in the subject, else
 *   the sender's registered address (the original sender when the officer forwarded it), else a single unit in
 *   the body. A unit leader may send from a personal or a colleague's address, so the documents win over a
 *   sender registered to another unit (lower confidence); a subject-only unit that contradicts the sender's
 *   registration goes to a person (`unit_conflict`).
 * - Kind and period: from the documents, else the subject, else the body. Several kinds or periods at the same
 *   level, or a document contradicting the subject on the same kind → `ambiguous_period`. A kind with no period
 *   → the calendar's `inferPeriod` (periodInferred). No kind at all → `no_period_kind`, unless the regime has a
 *   single kind.
 * - Confidence = unit × period × report-evidence factors (`CONFIDENCE_FACTORS`); below `CONFIDENCE_THRESHOLD` the
 *   candidate carries a reason and is unclassified: never a silent guess.
 */
import type { DocumentFacts, MailFacts } from "../message.ts";
import type { Regime } from "../regime.ts";
import { type DocFacts, type Mail, type TextFacts, distinct, firstHeading, sectionsPresent, textFacts, titleLines, unitsIn } from "./evidence.ts";
import { NOT_DOCUMENT_EXT, groupDocuments, mergeSame } from "./grouping.ts";
import { checkSections } from "../document/index.ts";
import { decide, nonReport } from "./decide.ts";
import { unitOfAddress } from "./units.ts";
import { REASONS, type ReportCandidate } from "./outcome.ts";

export { CONFIDENCE_FACTORS, CONFIDENCE_THRESHOLD, REASONS, type ReportCandidate } from "./outcome.ts";
export { firstHeading, sectionsPresent, titleLines } from "./evidence.ts";
export { periodRelation } from "./period-relation.ts";
export { isAnnex, signedCopies } from "./grouping.ts";

export interface ClassifyInput {
  facts: MailFacts;
  documents: DocumentFacts[];
}

const REPLY = /^\s*(?:re|tl|aw|sv|trả lời|tra loi)\s*:/i;

/** With several regimes: the one that registers the sender, else the one whose units the texts name, else the first. */
function chooseRegime(regimes: Regime[], facts: MailFacts, texts: (TextFacts | null)[]): Regime | null {
  if (regimes.length <= 1) return regimes[0] ?? null;
  let best: Regime | null = null;
  let bestScore = -1;
  for (const r of regimes) {
    const senders = [facts.forwarded?.from ?? null, facts.from].filter((a) => unitOfAddress(a, r.units) !== null).length;
    const score = senders * 10 + unitsIn(texts, r).length;
    if (score > bestScore) [best, bestScore] = [r, score];
  }
  return best;
}

/** Classifies one received mail into report candidates (see the module comment for the rules). */
export function classifyMessage(input: ClassifyInput, regimes: Regime[], ctx: { zone: string }): ReportCandidate[] {
  const { facts, documents } = input;
  const at = facts.receivedAt;
  const fwdSubject = facts.forwarded?.subject ?? "";
  const subjectText = fwdSubject && !facts.subject.includes(fwdSubject) ? `${facts.subject}\n${fwdSubject}` : facts.subject;
  const mail: Mail = {
    facts,
    subject: textFacts("subject", subjectText, at, ctx.zone),
    body: textFacts("body", [facts.text, facts.forwarded?.text ?? ""].join("\n"), at, ctx.zone),
    zone: ctx.zone,
  };
  // The section heads of every regime: the title block ends at the first section heading.
  const allSections = regimes.flatMap((r) => r.sections);
  const docTexts = (d: DocumentFacts): Pick<DocFacts, "name" | "title" | "heading"> => {
    if (d.source === "body") return { name: null, title: null, heading: null };
    const stem = (d.filename ?? "").replace(/\.[a-z0-9]{1,5}$/i, "");
    // One section check per document serves the title block and the first heading.
    const checked = d.read.ok ? checkSections(d.read.outline, allSections) : null;
    const heading = d.read.ok && checked ? firstHeading(d.read.outline, checked) : null;
    return {
      name: stem ? textFacts("attachment-name", stem, at, ctx.zone) : null,
      title: d.read.ok && checked ? textFacts("document-title", titleLines(d.read.outline, 8, checked).join("\n"), at, ctx.zone) : null,
      heading: heading ? textFacts("document-heading", heading, at, ctx.zone) : null,
    };
  };
  const texts = documents.map(docTexts);
  const regime = chooseRegime(regimes, facts, [mail.subject, mail.body, ...texts.flatMap((t) => [t.name, t.title])]);
  if (!regime) return [nonReport(null, facts, REASONS.noRegime)];
  const docs: DocFacts[] = documents.map((d, i) => ({
    source: d.source,
    filename: d.filename,
    ...texts[i]!,
    sections: d.read.ok ? sectionsPresent(d.read.outline, regime.sections) : [],
    units: distinct(unitsIn([texts[i]!.name, texts[i]!.title], regime)),
  }));

  const withSections = docs.some((d) => d.sections.length >= 2);
  const hasFiles = docs.some((d) => d.source !== "body" && !NOT_DOCUMENT_EXT.test(d.filename ?? ""));
  if (REPLY.test(facts.subject) && !hasFiles && !withSections) return [nonReport(regime, facts, REASONS.replyNoReport)];
  const evidenceTexts = [mail.subject, ...docs.flatMap((d) => [d.name, d.title])].filter((t): t is TextFacts => t !== null);
  if (!evidenceTexts.some((t) => t.reportWord || t.periodWord) && !withSections) return [nonReport(regime, facts, REASONS.noReport)];

  const groups = groupDocuments(docs);
  return mergeSame(groups.map((g) => decide(regime, mail, g, groups.length > 1)));
}

export { detectNoise, NOISE_TEXT, type NoiseContext } from "./noise.ts";
export { findPeriodPhrases } from "./period-phrases.ts";
export { matchUnits, unitOfAddress } from "./units.ts";
