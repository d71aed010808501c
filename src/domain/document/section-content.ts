/**
 * A required section needs content, not only its heading: a unit that sends back the report skeleton unfilled
 * (headings and the skeleton's italic guidance lines) has not reported (QT.VP.03 §9.1: "đúng về nội dung").
 */
import type { Outline, SectionReport } from "../model.ts";
import { blockText } from "./outline.ts";
import { sectionContents } from "./sections.ts";
import { fold } from "../text/index.ts";

/** Text that says nothing: empty, dots and ellipses ("…", "....."), dashes. */
function isFiller(folded: string): boolean {
  return folded.replace(/\b(x|n a)\b/g, "").trim().length === 0;
}

/**
 * Ids of found sections (among `ids`) whose content is empty or only lines from `ignoreLines` (the skeletons'
 * guidance), compared after folding.
 */
export function emptySections(outline: Outline, report: SectionReport, ids: string[], ignoreLines: string[]): string[] {
  const ignore = new Set(ignoreLines.map(fold));
  const contents = sectionContents(outline, report);
  const out: string[] = [];
  for (const f of report.findings) {
    if (!f.found || !ids.includes(f.id)) continue;
    const blocks = contents[f.id] ?? [];
    const meaningful = blocks.some((b) => {
      const t = fold(blockText(b));
      return !isFiller(t) && !ignore.has(t);
    });
    if (!meaningful) out.push(f.id);
  }
  return out;
}

/** The report with the given sections marked not found (and missing when required). */
export function withoutSections(report: SectionReport, ids: string[], requiredIds: string[]): SectionReport {
  if (ids.length === 0) return report;
  return {
    findings: report.findings.map((f) => (ids.includes(f.id) ? { ...f, found: false } : f)),
    missingRequired: [...new Set([...report.missingRequired, ...ids.filter((id) => requiredIds.includes(id))])],
    ...(report.unplaced ? { unplaced: report.unplaced } : {}),
  };
}
