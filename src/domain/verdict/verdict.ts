/**
 * The verdict on one submission (QT.VP.03 §6.2.1, §8 risk 2): Đạt when a readable document has every required
 * section; Không đạt with reasons otherwise. A scanned PDF is never a Không đạt: it goes to a person
 * (contract.md "What counts as a report"), which callers check with `needsPerson` first.
 */
import type { DocumentRead, SectionDef, SectionReport, Verdict } from "../model.ts";
import { checkSections } from "../document/index.ts";

export interface VerdictDocument {
  /** The attachment's file name; null for the mail body. */
  filename: string | null;
  read: DocumentRead;
  /** The caller's section report of this document (e.g. with empty sections removed); computed when absent. */
  sections?: SectionReport;
}

export interface VerdictInput {
  documents: VerdictDocument[];
  /** A section report the caller already made (e.g. of the body or of a merged outline); checked as well. */
  report: SectionReport | null;
  sections: SectionDef[];
}

const PROBLEM_TEXT: Record<"corrupt" | "encrypted" | "empty", string> = {
  corrupt: "bị lỗi, không mở được",
  encrypted: "được đặt mật khẩu nên không mở được; đề nghị gửi lại tệp không đặt mật khẩu",
  empty: "không có nội dung",
};

/** Formats of pictures (the reader's extension or MIME-derived label). */
const PICTURE = /^(?:png|jpe?g|gif|bmp|tiff?|webp|heic|heif)$/i;

const nameOf = (d: VerdictDocument): string => (d.filename === null ? "Nội dung thư" : `Tệp “${d.filename}”`);

export interface BestReport {
  report: SectionReport;
  filename: string | null;
  /** Index in `documents`, or "report" for the caller's report. */
  source: number | "report";
}

const foundCount = (r: SectionReport): number => r.findings.filter((f) => f.found).length;

/**
 * The most complete section report among the readable documents (and the caller's `report`): fewest required
 * sections missing, then most sections found, then the first. Null when nothing is readable.
 */
export function bestReport(input: VerdictInput): BestReport | null {
  const all: BestReport[] = [];
  input.documents.forEach((d, i) => {
    if (d.read.ok && d.read.outline.blocks.length > 0) {
      all.push({ report: d.sections ?? checkSections(d.read.outline, input.sections), filename: d.filename, source: i });
    }
  });
  if (input.report) all.push({ report: input.report, filename: null, source: "report" });
  let best: BestReport | null = null;
  for (const c of all) {
    const fewerMissing = best === null || c.report.missingRequired.length < best.report.missingRequired.length;
    const sameMissing = best !== null && c.report.missingRequired.length === best.report.missingRequired.length;
    if (fewerMissing || (sameMissing && foundCount(c.report) > foundCount(best!.report))) best = c;
  }
  return best;
}

/**
 * Decides Đạt / Không đạt. Reasons (stable codes): `missing_sections` (with `missingSections` ids and a
 * Vietnamese line naming each by title), `unreadable_attachment` (corrupt, encrypted or empty file),
 * `unsupported_format` (asks for .docx), `no_content`. Broken files beside a complete report do not make it
 * Không đạt; scanned PDFs are never a reason.
 */
export function decideVerdict(input: VerdictInput): Verdict {
  const best = bestReport(input);
  if (best && best.report.missingRequired.length === 0) {
    return { value: "dat", reasons: [], missingSections: [], details: [] };
  }
  const reasons: string[] = [];
  const details: string[] = [];
  let missingSections: string[] = [];

  const broken = input.documents.filter(
    (d) => !d.read.ok && (d.read.problem === "corrupt" || d.read.problem === "encrypted" || d.read.problem === "empty"),
  );
  const unsupported = input.documents.filter((d) => !d.read.ok && d.read.problem === "unsupported");

  const report = best?.report ?? null;
  if (report && (foundCount(report) > 0 || (broken.length === 0 && unsupported.length === 0))) {
    reasons.push("missing_sections");
    missingSections = [...report.missingRequired];
    for (const id of missingSections) {
      const def = input.sections.find((s) => s.id === id);
      details.push(def ? `Thiếu mục “${def.title}” (${def.description}).` : `Thiếu mục “${id}”.`);
    }
  }
  if (broken.length > 0) {
    reasons.push("unreadable_attachment");
    for (const d of broken) {
      if (!d.read.ok) details.push(`${nameOf(d)} ${PROBLEM_TEXT[d.read.problem as keyof typeof PROBLEM_TEXT]}.`);
    }
  }
  if (unsupported.length > 0) {
    reasons.push("unsupported_format");
    for (const d of unsupported) {
      const format = d.read.format ? `.${d.read.format.replace(/^\./, "")}` : "không xác định";
      details.push(
        `${nameOf(d)} có định dạng ${format}, hệ thống không đọc được; đề nghị gửi báo cáo dưới dạng tệp Word (.docx).`,
      );
    }
  }
  if (reasons.length === 0) {
    reasons.push("no_content");
    details.push("Thư không kèm tệp báo cáo và nội dung thư không có nội dung báo cáo.");
  }
  return { value: "khong_dat", reasons, missingSections, details };
}

/**
 * True when a person must look at the submission instead of a verdict: an attachment is a scanned PDF (no
 * text layer) or a picture, and no attachment could be read. A scanned signed copy beside a readable .docx needs nobody.
 * Plain `DocumentRead`s count as attachments.
 */
export function needsPerson(reads: readonly (DocumentRead | VerdictDocument)[]): boolean {
  const docs = reads.map((r) => ("read" in r ? r : { filename: "", read: r }));
  const attachments = docs.filter((d) => d.filename !== null);
  // A photo of the report (.jpg, .png…) has no text layer either: a scan by other means.
  const scanned = attachments.some((d) => !d.read.ok && (d.read.problem === "scanned" || PICTURE.test(d.read.format)));
  const readable = attachments.some((d) => d.read.ok && d.read.outline.blocks.length > 0);
  return scanned && !readable;
}
