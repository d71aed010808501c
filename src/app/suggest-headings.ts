/**
 * `intake headings --suggest` (issue 11 item 4): the headings of overruled (Không đạt → Đạt by a person) or
 * Không đạt reports that no section claimed, how often each was seen and by which units, and the regimes-file
 * lines (`sectionHeadings`) that add them to a section. Adding them changes later checks, never past records:
 * the recorded verdicts stay as they are.
 */
import type { Regime } from "../domain/regime.ts";
import { checkSections } from "../domain/document/index.ts";
import type { PeriodKind } from "../domain/model.ts";
import { sectionsOfKind } from "../domain/registry/index.ts";
import type { Deps } from "./context.ts";
import { regimesFor, type CheckDeps } from "./check-files.ts";
import { readDocuments } from "./read-documents.ts";
import type { ActionStore, SubmissionRow, SubmissionStore } from "./store.ts";

export type SuggestDeps = CheckDeps & Pick<Deps, "archive"> & { store: Pick<SubmissionStore, "listSubmissions"> & Pick<ActionStore, "listActions"> };

export interface HeadingSuggestion {
  regime: string;
  /** The heading as written, numbering removed. */
  heading: string;
  /** The section it would be added to: the required section those reports missed. */
  section: string;
  count: number;
  units: string[];
  messageIds: string[];
  /** Some of these reports were overruled to Đạt by a person. */
  overruled: boolean;
}

/** "I. KẾT QUẢ …", "1) …", "A- …", "II – …": the heading without its numbering. */
export function withoutNumbering(heading: string): string {
  return heading.replace(/^\s*(?:(?:[IVXLC]+|\d+(?:\.\d+)*|[A-Za-zĐđ])\s*[.)\-–—:]\s*)+/u, "").replace(/[:.\s]+$/u, "").trim();
}

export async function suggestHeadings(deps: SuggestDeps, opts: { regime?: string }): Promise<{ suggestions: HeadingSuggestion[]; yaml: Record<string, string> }> {
  const reviews = await deps.store.listActions({ kind: "review" });
  const overruled = new Set(
    reviews.filter((a) => (a.detail as { verdict?: string; previous?: string }).verdict === "dat" && (a.detail as { previous?: string }).previous !== "dat").map((a) => a.messageId),
  );
  const suggestions: HeadingSuggestion[] = [];
  const yaml: Record<string, string> = {};
  for (const regime of regimesFor(deps, opts.regime)) {
    const rows = (await deps.store.listSubmissions({ regime: regime.id })).filter(
      (r) => r.status === "rejected" || overruled.has(r.messageId) || (r.status === "unclassified" && (r.reason ?? "").startsWith("uncertain_sections")),
    );
    const found = new Map<string, HeadingSuggestion>();
    for (const row of rows) {
      for (const { heading, section } of await unclaimed(deps, regime, row)) {
        const key = `${section}\u0000${heading.toLocaleLowerCase("vi")}`;
        const s = found.get(key) ?? { regime: regime.id, heading, section, count: 0, units: [], messageIds: [], overruled: false };
        if (!s.messageIds.includes(row.messageId)) {
          s.count++;
          s.messageIds.push(row.messageId);
        }
        if (row.unit && !s.units.includes(row.unit)) s.units.push(row.unit);
        if (overruled.has(row.messageId)) s.overruled = true;
        found.set(key, s);
      }
    }
    const list = [...found.values()].sort((a, b) => b.count - a.count || a.heading.localeCompare(b.heading, "vi"));
    suggestions.push(...list);
    if (list.length) yaml[regime.id] = yamlLines(list);
  }
  return { suggestions, yaml };
}

/** The unclaimed headings of the report's document as the current regime reads it, with the section it missed. */
async function unclaimed(deps: SuggestDeps, regime: Regime, row: SubmissionRow): Promise<{ heading: string; section: string }[]> {
  const raw = await deps.archive.get(row.archivePath);
  const facts = await deps.parse(raw, row.receivedAt);
  const documents = await readDocuments(deps, facts);
  const named = documents.filter((d) => d.read.ok && (d.source === "body" ? row.attachments.length === 0 : row.attachments.includes(d.filename ?? "")));
  const out: { heading: string; section: string }[] = [];
  for (const d of named) {
    if (!d.read.ok) continue;
    const report = checkSections(d.read.outline, sectionsOfKind(regime, row.kind as PeriodKind | null));
    const section = report.missingRequired[0];
    if (!section) continue;
    for (const h of report.unplaced ?? []) {
      const heading = withoutNumbering(h);
      if (heading) out.push({ heading, section });
    }
  }
  return out;
}

/** The lines to put under the regime's entry in the regimes file (indented as the shipped example's keys). */
function yamlLines(list: HeadingSuggestion[]): string {
  const bySection = new Map<string, string[]>();
  for (const s of list) bySection.set(s.section, [...(bySection.get(s.section) ?? []), s.heading]);
  const lines = ["    sectionHeadings:"];
  for (const [section, headings] of bySection) {
    lines.push(`      ${section}:`);
    for (const h of headings) lines.push(`        - ${JSON.stringify(h)}`);
  }
  return `${lines.join("\n")}\n`;
}
