/**
 * Splitting a mail into reports (classify.ts "Splitting"): attachments grouped by the period they state,
 * annexes joining the report before them, the body where it belongs; signed copies beside an editable version;
 * candidates of the same unit and period merged into one report.
 */
import type { DocumentFacts } from "../message.ts";
import { type DocFacts, type DocSource, type Located, locate } from "./evidence.ts";
import type { ReportCandidate } from "./outcome.ts";

/** Files that are no report unless their name says so: inline images, signatures, calendar and contact cards. */
export const NOT_DOCUMENT_EXT = /\.(?:png|jpe?g|gif|bmp|tiff?|webp|emf|wmf|p7s|sig|asc|ics|vcf)$/i;
/** Names mail clients give pictures pasted into the body (Outlook "image001.png", "Outlook-abc.png"): no annex. */
const PASTED_PICTURE = /^(?:image\d{3}|outlook-[\w-]+|att\d{5})\.(?:png|jpe?g|gif)$/i;
/** Photos and scans: a report sent as pictures only (a phone photo of the signed copy) is read by a person. */
export const PICTURE_EXT = /\.(?:png|jpe?g|gif|bmp|tiff?|webp|heic|heif)$/i;
const EDITABLE_EXT = /\.(?:docx?|docm|odt|rtf)$/i;
/** Formats a report is written in; any other file beside a report is an annex (contract.md "Annexes"). */
const REPORT_EXT = /\.(?:docx?|docm|dotx|odt|rtf|pdf|txt|html?)$/i;

/**
 * True for a file that is no report by its format: a spreadsheet, an image, an archive, a presentation… It is listed
 * with the report it came with, never judged, never a reason for Không đạt; it founds no report of its own.
 */
export function isAnnex(filename: string | null): boolean {
  if (!filename || !/\.[a-z0-9]{1,5}$/i.test(filename)) return false;
  return !REPORT_EXT.test(filename);
}

export interface Group {
  docs: DocFacts[];
  mentions: Located[];
}

/**
 * PDFs among a report's documents that accompany an editable version (.docx/.doc/.odt/.rtf): the signed copy,
 * archived and listed, not judged (contract.md "What counts as a report").
 */
export function signedCopies(documents: DocumentFacts[]): DocSource[] {
  const name = (d: DocumentFacts): string => d.filename ?? "";
  if (!documents.some((d) => EDITABLE_EXT.test(name(d)))) return [];
  return documents.filter((d) => /\.pdf$/i.test(name(d)) || d.read.format === "pdf").map((d) => d.source);
}

/** Same single period (or one of them only names the kind), and no unit that the other lacks. */
function compatible(g: Group, d: DocFacts, own: Located[]): boolean {
  if (g.mentions.length !== 1 || own.length !== 1) return false;
  const [x, y] = [g.mentions[0]!.m, own[0]!.m];
  if (x.kind !== y.kind || (x.id !== y.id && x.id !== null && y.id !== null)) return false;
  const units = new Set(g.docs.flatMap((o) => o.units));
  return units.size === 0 || d.units.length === 0 || d.units.every((u) => units.has(u));
}

/** Splits a mail's documents into groups of one report each (classify.ts "Splitting"). */
export function groupDocuments(docs: DocFacts[]): Group[] {
  const groups: Group[] = [];
  const satellites: { d: DocFacts; after: Group | null }[] = [];
  const pasted: DocFacts[] = [];
  let last: Group | null = null;
  for (const d of docs.filter((x) => x.source !== "body")) {
    const own = isAnnex(d.filename) ? [] : locate([d.name, d.title]);
    if (own.length === 0) {
      // Pictures beside a report are its annexes (photos of an event); alone, they are the report (a scan).
      const picture = PICTURE_EXT.test(d.filename ?? "") && !PASTED_PICTURE.test(d.filename ?? "");
      if (!NOT_DOCUMENT_EXT.test(d.filename ?? "") || d.sections.length >= 2 || picture) satellites.push({ d, after: last });
      else if (PICTURE_EXT.test(d.filename ?? "")) pasted.push(d);
      continue;
    }
    const g = groups.find((x) => compatible(x, d, own));
    if (g) {
      g.docs.push(d);
      if (g.mentions[0]!.m.id === null) g.mentions = own;
      last = g;
    } else {
      last = { docs: [d], mentions: own };
      groups.push(last);
    }
  }
  if (groups.length === 0) groups.push({ docs: [], mentions: [] });
  for (const s of satellites) (s.after ?? groups[0]!).docs.push(s.d);
  // Pasted pictures join only a report that has no other file: then they are the report (photographed or scanned).
  if (groups.length === 1 && groups[0]!.docs.length === 0) groups[0]!.docs.push(...pasted);
  const body = docs.find((d) => d.source === "body");
  // The body joins a report that has no report document of its own (annexes aside: a report typed in the mail with a
  // spreadsheet of figures attached is the body's), or when it has sections itself.
  const hasReportFile = (g: Group): boolean => g.docs.some((d) => d.source !== "body" && !isAnnex(d.filename) && !NOT_DOCUMENT_EXT.test(d.filename ?? ""));
  if (body) for (const g of groups) if (!hasReportFile(g) || body.sections.length >= 2) g.docs.push(body);
  return groups;
}

/** Two attributed candidates of the same unit and period are one report in several files. */
export function mergeSame(cs: ReportCandidate[]): ReportCandidate[] {
  const out: ReportCandidate[] = [];
  for (const c of cs) {
    const same = c.reason === null ? out.find((o) => o.reason === null && o.unit === c.unit && o.kind === c.kind && o.period === c.period) : undefined;
    if (!same) {
      out.push(c);
      continue;
    }
    for (const d of c.documents) if (!same.documents.includes(d)) same.documents.push(d);
    same.evidence.push(...c.evidence.filter((e) => !same.evidence.some((x) => JSON.stringify(x) === JSON.stringify(e))));
    same.confidence = Math.max(same.confidence, c.confidence);
  }
  return out;
}
