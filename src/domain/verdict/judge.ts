/**
 * From a classified report candidate to the submission record: the period's deadline and timeliness, the section
 * check on the report's documents, the verdict. Pure apart from its inputs.
 */
import type { DocumentFacts } from "../message.ts";
import type { Classification, Period, PeriodKind } from "../model.ts";
import type { Regime } from "../regime.ts";
import { deadlinesOf, periodFromId } from "../calendar/index.ts";
import { checkSections } from "../document/index.ts";
import { isAnnex, periodRelation, signedCopies } from "../classify/index.ts";
import { regimeForKind } from "../registry/index.ts";
import { bestReport, decideVerdict, needsPerson, type VerdictDocument } from "./verdict.ts";
import { emptySections, withoutSections } from "../document/index.ts";
import { reportSkeleton, SKELETON_KINDS } from "../document/index.ts";
import type { SubmissionRecord } from "./record.ts";

export interface CandidateLike extends Classification {
  documents: (number | "body")[];
  isReport: boolean;
}

export interface Judged {
  record: SubmissionRecord;
  regime: Regime | null;
  /** The compile deadline of the period, when known (old periods get no Không đạt by default). */
  compileDeadline: Date | null;
  due: Date | null;
}

/** The guidance lines of the unit report skeletons: a section holding only these is empty. */
const SKELETON_GUIDANCE = SKELETON_KINDS.flatMap((k) => {
  const sk = reportSkeleton(k);
  return sk ? [sk.note, ...sk.sections.map((x) => x.guidance)] : [];
});

const READ_TIMEOUT_REASON = "read_timeout: Không đọc xong tệp báo cáo trong thời gian cho phép, chuyển chuyên viên xử lý";
const SCANNED_REASON = "scanned_document: Tài liệu là bản quét (không có lớp văn bản), chuyển chuyên viên xử lý";

function base(index: number, c: CandidateLike, attachments: string[]): SubmissionRecord {
  return {
    index,
    regime: c.regime,
    unit: c.unit,
    kind: c.kind,
    period: c.period,
    deadline: null,
    onTime: null,
    lateSeconds: null,
    status: "unclassified",
    verdict: null,
    missingSections: [],
    findings: [],
    verdictDetail: {},
    evidence: c.evidence,
    confidence: c.confidence,
    attachments,
    outline: null,
    secret: null,
    reason: c.reason,
  };
}

/** True when the mail has a scanned PDF and no attachment with readable text. */
function onlyScans(documents: DocumentFacts[]): boolean {
  const attached = documents.filter((d) => d.source !== "body");
  return attached.some((d) => !d.read.ok && d.read.problem === "scanned") && !attached.some((d) => d.read.ok && d.read.outline.blocks.length > 0);
}

/** Judges one report candidate of a message received at `receivedAt`. */
export function judgeReport(input: {
  index: number;
  candidate: CandidateLike;
  documents: DocumentFacts[];
  regimes: Regime[];
  receivedAt: Date;
  zone: string;
  /** The report's period when it is not a calendar one: an ad-hoc request's (requests/requestPeriod). */
  period?: Period;
}): Judged {
  const { candidate: c, zone } = input;
  const docs = input.documents.filter((d) => c.documents.includes(d.source));
  const attachedDocs = docs.filter((d) => d.source !== "body");
  // contract.md: a signed PDF beside the .docx is the signed copy: archived, listed, not judged (nor merged).
  const signed = new Set(signedCopies(attachedDocs));
  // contract.md "Annexes": spreadsheets, images, archives and other files beside a report are listed, never judged.
  const reportFiles = attachedDocs.filter((d) => !signed.has(d.source) && !isAnnex(d.filename));
  const annexes = attachedDocs.filter((d) => !signed.has(d.source) && isAnnex(d.filename));
  const body = docs.filter((d) => d.source === "body");
  // A mail that is no report still lists what it carried (the officer reads it in the digest).
  const listed = c.isReport ? attachedDocs : input.documents.filter((d) => d.source !== "body");
  const attachments = listed.map((d) => d.filename ?? "").filter(Boolean);
  const record = base(input.index, c, attachments);
  const found = input.regimes.find((r) => r.id === c.regime) ?? null;
  // Issue 10: a province's plan is checked against Phụ lục 01's parts, its report against Phụ lục 02's.
  const regime = found ? regimeForKind(found, c.kind) : null;

  if (!c.isReport || !regime || !c.unit || !c.kind || !c.period) {
    record.reason = c.reason ?? "unattributed: Chưa xác định được đơn vị hoặc kỳ báo cáo";
    // contract.md: a scanned PDF goes to a person as a "scanned document": the bot saw no report evidence only
    // because it cannot read the scan.
    if (!c.isReport && record.reason.startsWith("no_report_evidence") && onlyScans(input.documents)) record.reason = SCANNED_REASON;
    return { record, regime, compileDeadline: null, due: null };
  }
  const period = input.period && input.period.id === c.period && input.period.kind === c.kind ? input.period : periodFromId(c.kind, c.period, zone);
  if (!period) {
    record.reason = `bad_period: Kỳ báo cáo "${c.period}" không hợp lệ`;
    return { record, regime, compileDeadline: null, due: null };
  }
  const { due, compile } = deadlinesOf(regime, period, zone);
  record.deadline = due;
  record.onTime = input.receivedAt.getTime() < due.getTime();
  record.lateSeconds = record.onTime ? 0 : Math.floor((input.receivedAt.getTime() - due.getTime()) / 1000);

  // A secrecy stamp counts wherever it is, the signed copy included.
  const secret = (attachedDocs.length > 0 ? attachedDocs : docs).map((d) => (d.read.ok ? d.read.secret : undefined)).find(Boolean);
  if (secret) record.secret = secret;

  // Each readable document's sections (the body's too, when it belongs to this report), with required sections that
  // have only a heading removed; the most complete document is the report, the others are annexes or copies.
  const required = regime.sections.filter((x) => x.required).map((x) => x.id);
  const ctx = { periodRelation: periodRelation(c.kind as PeriodKind, c.period, input.receivedAt, zone) };
  const check = (d: DocumentFacts): VerdictDocument => {
    if (!d.read.ok) return { filename: d.filename, read: d.read };
    const checked = checkSections(d.read.outline, regime.sections, ctx);
    return { filename: d.filename, read: d.read, sections: withoutSections(checked, emptySections(d.read.outline, checked, required, SKELETON_GUIDANCE), required) };
  };
  const hasSections = (d: VerdictDocument): boolean => d.read.ok && d.sections !== undefined && d.sections.findings.some((f) => f.found);
  // The attached report is judged; the body only when no attached document reads as a report (the report typed in
  // the mail, its annexes attached): a reply quoting the bot's own list of sections must not complete a report.
  let checkedDocs = reportFiles.map(check);
  if (!checkedDocs.some(hasSections)) checkedDocs = [...checkedDocs, ...body.map(check)];
  // Only when no readable report is present does an annex's format matter: the reply then says what to send.
  const anyReport = checkedDocs.some(hasSections);
  if (!anyReport) {
    // A report file not read in time (a slow conversion) is no reason for Không đạt: a person reads it.
    if (reportFiles.some((d) => !d.read.ok && d.read.problem === "timeout")) {
      record.reason = READ_TIMEOUT_REASON;
      return { record, regime, compileDeadline: compile, due };
    }
    const attachedReads = [...reportFiles, ...annexes];
    if (attachedReads.length > 0 && needsPerson(attachedReads.map((d) => ({ filename: d.filename, read: d.read })))) {
      record.reason = SCANNED_REASON;
      return { record, regime, compileDeadline: compile, due };
    }
    checkedDocs = [...checkedDocs, ...annexes.map(check)];
  }
  const verdict = decideVerdict({ documents: checkedDocs, report: null, sections: regime.sections });
  const best = bestReport({ documents: checkedDocs, report: null, sections: regime.sections });
  const bestDoc = best && typeof best.source === "number" ? checkedDocs[best.source] : undefined;
  const bestOutline = bestDoc?.read.ok ? bestDoc.read.outline : null;
  record.findings = best?.report.findings ?? [];
  record.outline = bestOutline;
  // Issue 12 "Doubt goes to a person": a required section missing while the report has headings of the same rank no
  // section claims waits for the officer; the unit gets nothing yet.
  const unplaced = best?.report.unplaced ?? [];
  if (verdict.value === "khong_dat" && verdict.reasons.includes("missing_sections") && unplaced.length > 0) {
    const titles = verdict.missingSections.map((id) => regime.sections.find((x) => x.id === id)?.title ?? id);
    record.verdictDetail = { reasons: ["uncertain_sections"], details: verdict.details, missingSections: verdict.missingSections, unplaced };
    record.reason =
      `uncertain_sections: Chưa thấy mục ${titles.map((t) => `“${t}”`).join(", ")} nhưng báo cáo có đề mục chưa xác định được thuộc mục nào: ` +
      `${unplaced.map((h) => `“${h}”`).join("; ")}; chuyển chuyên viên xem xét`;
    return { record, regime, compileDeadline: compile, due };
  }
  record.verdict = verdict.value;
  record.status = verdict.value === "dat" ? "accepted" : "rejected";
  record.missingSections = verdict.missingSections;
  record.verdictDetail = { reasons: verdict.reasons, details: verdict.details };
  record.reason = verdict.value === "dat" ? null : `${verdict.reasons.join(",")}: ${verdict.details.join("; ")}`;
  return { record, regime, compileDeadline: compile, due };
}
