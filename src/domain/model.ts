/**
 * The vocabulary of the intake, shared by every layer. Plain data only: no I/O, no clock.
 * Instants are JavaScript `Date`s (absolute); calendar reasoning happens in a named IANA zone
 * (see calendar.ts), never by hand-offsetting.
 */

/** Report kinds. QT.VP.03: week|month|quarter|half|year; provinces (TT 22/2016): plan|report; ad hoc: request. */
export type PeriodKind = "week" | "month" | "quarter" | "half" | "year" | "plan" | "report" | "request";
export const PERIOD_KINDS: readonly PeriodKind[] = ["week", "month", "quarter", "half", "year", "plan", "report", "request"];

/**
 * A reporting period. `id` follows contract.md: `2026-W47` (ISO week), `2026-11`, `2026-Q4`, `2026-H1`, `2026`.
 * Plans and reports of provinces use the year id (`2027`).
 */
export interface Period {
  kind: PeriodKind;
  id: string;
  /** First instant of the period (00:00 local of its first day). */
  start: Date;
  /** First instant after the period (00:00 local of the day after its last day). */
  end: Date;
  /** An ad-hoc request's period (issue 10 item 4): what it asks, as the officer wrote it (the draft's summary line). */
  title?: string;
}

/** A deadline rule relative to a period (see calendar.ts `resolveDueRule`). */
export interface DueRule {
  /** Which day of the period the rule starts from: its first or its last day. Default "end". */
  from?: "start" | "end";
  addMonths?: number;
  addWeeks?: number;
  addDays?: number;
  /** 1–12: move to this month of the same year. */
  setMonth?: number;
  /** 1–31: move to this day of the month (clamped to the month's length). */
  setDay?: number;
  /** ISO weekday 1 (Monday) – 7 (Sunday) of the same ISO week. */
  setWeekday?: number;
  /** "HH:mm" local; "24:00" means 00:00 of the next day ("by the end of that day"). */
  time: string;
}

/** What to do with a deadline that falls on a day off (holiday or weekend). */
export type DayOffShift = "stays" | "earlier" | "later";

export interface Deadlines {
  /** When units must have sent (received strictly before this instant = on time). */
  due: Date;
  /** When the office must have compiled the draft. */
  compile: Date;
}

export interface SectionDef {
  /** Stable id, e.g. `ket_qua`. */
  id: string;
  /** Formal Vietnamese title used in replies and the draft. */
  title: string;
  required: boolean;
  /** One line on what the section should contain (said in a Không đạt reply). */
  description: string;
  /** The office's additions: headings its units use, matched whole or as a prefix after text normalisation. */
  headings: string[];
  /**
   * Head phrases: a heading opens this section when it starts with one of them, whatever qualifier follows
   * ("Kế hoạch" opens "II. KẾ HOẠCH TUẦN 48"); see src/domain/document/head-phrases.ts.
   */
  headPhrases?: string[];
}

export interface UnitDef {
  id: string;
  name: string;
  aliases: string[];
  addresses: string[];
  /** Field numbers of the draft's section I this unit reports under (first one is where its results go). */
  fields: number[];
}

/** One outline block of a document, in reading order. Keeps the structure the section check and the draft need. */
export type Block =
  | { type: "heading"; level: number; runs: Run[]; numbering?: string }
  | { type: "paragraph"; runs: Run[]; numbering?: string; list?: { ordered: boolean; level: number } }
  | { type: "table"; rows: Block[][][] };

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

/** A document read into an outline. */
export interface Outline {
  /** Title lines from the document's header block, if any (e.g. "BÁO CÁO", "Công tác tuần 47..."). */
  blocks: Block[];
}

/** Outcome of reading one attachment (or the body). Expected failures are values. */
export type DocumentRead =
  | { ok: true; outline: Outline; text: string; format: string; secret?: SecrecyMark }
  | { ok: false; format: string; problem: DocumentProblem; detail?: string };

export type DocumentProblem =
  | "corrupt" // cannot be opened
  | "encrypted" // password-protected
  | "empty" // zero bytes or no text
  | "unsupported" // a format the bot cannot read (e.g. .doc without LibreOffice, .zip)
  | "scanned" // a PDF with no text layer: needs a person
  // Over a resource limit (issue 13 §1): set aside for a person, never judged.
  | "zip_bomb" // a ZIP container whose stated or real uncompressed size or ratio is over the limit
  | "too_large" // over the attachment size limit, or it exhausted the reading worker's memory
  | "timeout"; // not read within the time limit per document

/** State-secret stamps (Luật Bảo vệ bí mật nhà nước): such documents are never merged, attached or forwarded. */
export type SecrecyMark = "MẬT" | "TỐI MẬT" | "TUYỆT MẬT";

export interface SectionFinding {
  id: string;
  found: boolean;
  /** The heading text that matched, as written in the document. */
  heading: string | null;
  /** Index of the matching block in the outline, for the merge. */
  blockIndex: number | null;
}

export interface SectionReport {
  findings: SectionFinding[];
  missingRequired: string[];
  /**
   * Headings of the same rank as the section headings that no section claims, when a required section is missing
   * (issue 12: such a report waits for a person, `uncertain_sections`, instead of a Không đạt).
   */
  unplaced?: string[];
}

export type VerdictValue = "dat" | "khong_dat";

export interface Verdict {
  value: VerdictValue;
  /** Stable reason codes, e.g. `missing_sections`, `unreadable_attachment`, `unsupported_format`, `no_content`. */
  reasons: string[];
  missingSections: string[];
  /** Vietnamese detail for people (which file, which format). */
  details: string[];
}

export type SubmissionStatus = "accepted" | "rejected" | "unclassified" | "ignored" | "failed";

/** A confident attribution of a report, or why there is none. */
export interface Classification {
  regime: string | null;
  unit: string | null;
  kind: PeriodKind | null;
  period: string | null;
  /** True when the period came from the calendar rather than the text. */
  periodInferred: boolean;
  confidence: number;
  evidence: Evidence[];
  /** When not confident: a reason code and Vietnamese text. */
  reason: string | null;
}

export interface Evidence {
  /** What was matched: a unit, a kind, a period, or report-ness. */
  about: "unit" | "kind" | "period" | "report";
  /** Where it was found. */
  source: "sender" | "subject" | "body" | "attachment-name" | "document-title" | "document-heading" | "document-sections" | "calendar" | "person" | "thread";
  value: string;
  /** The text that matched. */
  matched: string;
}

/** Why a message is noise (never counted or answered). */
export type NoiseReason =
  | "auto_reply"
  | "delivery_failure"
  | "bulk"
  | "own_mail"
  | "officer_mail";
