/**
 * The compiled draft as a plain document model (QT.VP.03 §10 layout, Nghị định 30/2020 thể thức): the writer
 * (adapters/docx-draft-writer.ts) turns it into .docx without deciding anything about content.
 */
import type { Block, Period, PeriodKind, UnitDef } from "../model.ts";
import type { Regime } from "../regime.ts";
import type { DraftSkeleton } from "./skeleton.ts";

/** What a paragraph of the draft is; the writer maps each role to its formatting. */
export type DraftRole =
  /** "I. KẾT QUẢ …": bold capitals. */
  | "section-heading"
  /** "1. Công tác tham mưu …", III.1, IV.2: bold. */
  | "item-heading"
  /** A unit's name before its content: bold italic. */
  | "unit-label"
  /** "a) Nhiệm vụ chậm tiến độ …" in Phụ lục 01: italic. */
  | "sub-label"
  /** Ordinary text (also the empty paragraph left to fill). */
  | "body"
  /** A visible note where content is missing: highlighted so nobody signs it by mistake. */
  | "placeholder";

export type DraftNode =
  | { kind: "paragraph"; role: DraftRole; text: string }
  /** A unit's own blocks, verbatim (runs, lists, tables). */
  | { kind: "content"; unit: string; blocks: Block[] }
  /** A plain table with a header row (Phụ lục 02). */
  | { kind: "table"; header: string[]; rows: string[][] };

export interface DraftAppendix {
  /** "Phụ lục 01" */
  name: string;
  heading: string;
  note: string;
  body: DraftNode[];
}

export type UnitDraftState = "accepted" | "rejected" | "missing" | "secret";

/** One unit as it stands in this draft; `key` is what the next version's `previous.units` should carry. */
export interface DraftUnitSummary {
  id: string;
  name: string;
  state: UnitDraftState;
  version: number;
  onTime: boolean | null;
  key: string;
}

export interface DraftPlan {
  regime: string;
  kind: PeriodKind;
  period: Period;
  nextPeriod: Period;
  version: number;
  header: {
    parentBody: string;
    issuingBody: string;
    nationalTitle: string;
    motto: string;
    number: string;
    placeDate: string;
  };
  docKind: string;
  title: string;
  /** "(Bản cập nhật lần 1)" from version 2 on, else null. */
  updateNote: string | null;
  /** Sections I–IV. */
  body: DraftNode[];
  closing: {
    recipientsLabel: string;
    recipients: string[];
    /** Capitals, top to bottom: authority line (may be empty), title; then the name under the signature space. */
    signer: { authority: string; title: string; name: string };
  };
  /** "Văn bản đính kèm:" with "- Phụ lục 01;" … */
  attachments: { label: string; items: string[] };
  appendices: DraftAppendix[];
  units: DraftUnitSummary[];
  /** Things the officer should know that are not in the document (unknown units in the input…), English codes. */
  warnings: string[];
}

/** One unit of the regime as it stands for the draft. */
export interface UnitReportForDraft {
  unit: UnitDef;
  /** accepted: latest Đạt version; rejected: only Không đạt versions; missing: nothing; secret: a MẬT document (never merged). */
  state: UnitDraftState;
  /** Section id → the unit's blocks under that section (ket_qua, kho_khan, kien_nghi, ke_hoach). */
  sections: Record<string, Block[]>;
  receivedAt: Date | null;
  onTime: boolean | null;
  lateMs: number | null;
  /** 1 = first report, 2 = resent… (0 or anything when missing). */
  version: number;
  attachments: string[];
}

export interface DraftInput {
  regime: Regime;
  period: Period;
  units: UnitReportForDraft[];
  skeleton: DraftSkeleton;
  zone: string;
  now: Date;
  /** Version of the draft: 1 first, 2 the first update… */
  version: number;
  /** What the previous version of the draft held: unit id → its `DraftUnitSummary.key`. */
  previous?: { units: Record<string, string> };
}

/** The key of a unit's state in a draft ("accepted@2"): stored with a draft, compared by the next one. */
export function unitDraftKey(u: { state: UnitDraftState; version: number }): string {
  return `${u.state}@${u.state === "missing" ? 0 : u.version}`;
}

/**
 * The key of the draft mail that merges these units (issue 8: one deduplication idea for everything the bot
 * sends, a stable key per intended mail). Only merged content counts (issue 5: "a report accepted after the draft
 * was sent produces an updated draft"): a missing unit that sent a Không đạt report changes no content, so two
 * drafts with the same merged versions have the same key and the second is never sent.
 */
export function draftMailKey(regimeId: string, periodId: string, units: Readonly<Record<string, unknown>>): string {
  const merged = Object.entries(units)
    .map(([unit, key]) => [unit, typeof key === "string" ? parseUnitDraftKey(key) : null] as const)
    .filter(([, k]) => k && (k.state === "accepted" || k.state === "secret"))
    .map(([unit, k]) => `${unit}=${k!.state}@${k!.version}`)
    .sort();
  return `draft:${regimeId}:${periodId}:${merged.join(",") || "-"}`;
}

/** Reads a key written by `unitDraftKey`; null for anything else. */
export function parseUnitDraftKey(key: string): { state: UnitDraftState; version: number } | null {
  const m = /^(accepted|rejected|missing|secret)@(\d+)$/.exec(key);
  return m ? { state: m[1] as UnitDraftState, version: Number(m[2]) } : null;
}
