/**
 * Which section a heading opens, by what it says (issue 12 "Section headings by what they say"): a heading opens a
 * section when, its numbering stripped, it STARTS with one of that section's head phrases (regime `headPhrases`,
 * e.g. "kết quả", "kế hoạch", "khó khăn", "kiến nghị"), optionally after a plural word ("những", "các", "một số"),
 * followed by any qualifier: a period ("tuần 49", "tháng 12/2026", "quý I/2027", "thời gian tới"), "công tác",
 * "trọng tâm", a field of work. The regime's `headings` are the office's additions (exact or prefix matches).
 * Real headings (../shared/research/report-headings.md) number inconsistently and rarely repeat a list's wording:
 * matching is on words, not on numbers nor on a closed list.
 *
 * Generic heads ("kế hoạch", "nhiệm vụ", "công tác tháng", "chương trình công tác") mean the plan or the results
 * by their period: a later period than the report's is the plan, the report's own period is the results
 * ("Kết quả thực hiện nhiệm vụ tháng 11", "Nhiệm vụ tháng 11" in a November report). Their qualifier must read as
 * one ("Nhiệm vụ khác", "Kế hoạch số 15/KH-…" open nothing).
 */
import type { SectionDef } from "../model.ts";
import { fold } from "../text/index.ts";

/** How a period a heading names relates to the report's own period; null when it names none. */
export type PeriodRelation = "own" | "later" | "earlier" | null;

export interface SectionContext {
  /** Reads the period named in a heading against the report's own period (classify's `periodRelation`). */
  periodRelation?: (text: string) => PeriodRelation;
}

/** How a line stands out: strong = Word heading or capitals; weak = numbered, bold, "…:", a cell; plain = none. */
export type Strength = "strong" | "weak" | "plain";

export interface Head {
  id: string;
  folded: string;
  /** `folded` and a space: what a longer heading starts with (built once, not per line). */
  prefix: string;
  /** "phrase": a head phrase (any qualifier); "heading": an office heading (exact or a short prefix). */
  source: "phrase" | "heading";
}

/** Headings that describe the context, not a section: "Khó khăn" under them is the situation, not the difficulties. */
export const CONTEXT_HEADS = [
  "dac diem tinh hinh",
  "tinh hinh chung",
  "khai quat tinh hinh",
  "khai quat chung",
  "thuan loi",
  "boi canh",
  "can cu",
  "muc dich yeu cau",
  "muc dich",
  "dat van de",
  "tinh hinh dac diem",
];

/** Plural and quantifier words that may lead a heading: "Những kết quả đạt được", "Các nhiệm vụ trọng tâm…". */
const LEAD = /^(?:(?:cac|nhung|mot so|mot vai|ve|phan) )+(?=\S)/;

/**
 * Bare heads whose section depends on the period they name (plan when later, results when the report's own):
 * "Kế hoạch tuần 48", "Nhiệm vụ tháng 11", "Công tác tháng 12". A plan head that says so ("Nhiệm vụ trọng tâm…",
 * "Phương hướng…", "… tới") stays the plan even when a unit forgot to change the month it copied.
 */
const FLIPPABLE = /^(?:ke hoach|nhiem vu|ke hoach cong tac|nhiem vu cong tac|chuong trinh cong tac|lich cong tac|cong tac (?:tuan|thang|quy|nam|6 thang))$/;
const NO_FLIP = /(?:^| )(?:trong tam|toi|tiep theo|sap toi|ke tiep)(?: |$)/;
/** Generic head phrases: their qualifier must read as a period, a field or a plan cue. */
const GENERIC = new Set(["ke hoach", "nhiem vu", "ke hoach cong tac", "nhiem vu cong tac", "chuong trinh cong tac"]);
/** Nouns that alone label a sentence ("Kết quả: đã đăng tải…") or a data table's column ("Nội dung | Kết quả"). */
const BARE_NOUN = new Set(["ket qua", "nhiem vu", "ke hoach", "tinh hinh", "cong viec"]);
/** First words of a generic head's qualifier that keep it a heading ("Kế hoạch tuần 48", "Nhiệm vụ công tác…"). */
const GENERIC_QUALIFIER =
  /^(?:tuan|thang|quy|nam|ky|hoc ky|nhiem ky|giai doan|thoi gian|6|sau|nua|nhung thang|cac thang|cong tac|trong tam|chung|cua|doi voi|ve|toi|sap toi|tiep theo|trien khai|thuc hien|hoat dong|chuyen mon|dat duoc|da|duoc giao|cu the|chu yeu|chinh|linh vuc|t\d|q\d|\d)(?: |$)/;
/** Plan cues in a qualifier: "tới", "tiếp theo", "sắp tới", "kỳ sau". */
const PLAN_CUE = /(?:^| )(?:toi|tiep theo|sap toi|ke tiep|sau)(?: |$)/;
/** Words of a sentence, not a heading: "Đề xuất Lãnh đạo Cục phê duyệt…", "Kết quả được đánh giá cao". */
const SENTENCE_WORDS =
  /(?:^| )(?:phe duyet|bo tri|cho phep|xem xet|quan tam|tao dieu kien|da duoc|duoc danh gia|se|la|co the|can phai|nham|de nghi|gui|thong qua|dong y)(?: |$)/;
/** Words a qualifier may add without making a plain line a sentence: periods and set phrases. */
const QUALIFIER_TOKEN =
  /^(?:tuan|thang|quy|nam|ky|toi|tiep|theo|qua|nay|dau|cuoi|thoi|gian|sau|hoc|nhiem|giai|doan|nua|cong|tac|trong|tam|dat|duoc|chung|chu|yeu|neu|co|va|ket|i|ii|iii|iv|v|vi|\d+|t\d+|q\d)$/;

export const MAX_TRAILING_WORDS = 6;

const words = (s: string): string[] => (s === "" ? [] : s.split(" "));

/** The heads of the regime's sections, longest first (the longest head decides: "nhiệm vụ chậm tiến độ"). */
export function sectionHeads(sections: SectionDef[]): Head[] {
  const heads: Head[] = [];
  for (const s of sections) {
    for (const p of s.headPhrases ?? []) heads.push({ id: s.id, folded: strip(fold(p)), prefix: "", source: "phrase" });
    for (const h of [...s.headings, s.title]) heads.push({ id: s.id, folded: strip(fold(h)), prefix: "", source: "heading" });
  }
  for (const h of heads) h.prefix = `${h.folded} `;
  return heads.filter((h) => h.folded !== "").sort((a, b) => b.folded.length - a.folded.length);
}

/** A folded heading without its leading plural words. */
export function strip(folded: string): string {
  return folded.replace(LEAD, "");
}

/** The role of a section, read from its head phrases: the plan speaks of "kế hoạch", the results of "kết quả". */
export function sectionRole(s: SectionDef): "results" | "plan" | null {
  const all = [...(s.headPhrases ?? []), ...s.headings].map(fold);
  if (all.some((p) => p === "ke hoach" || p.startsWith("ke hoach "))) return "plan";
  if (all.some((p) => p === "ket qua" || p.startsWith("ket qua "))) return "results";
  return null;
}

export interface HeadMatch {
  id: string;
  head: Head;
  /** The qualifier after the head (folded). */
  rest: string;
}

/**
 * True when the folded text starts with a context heading ("Đặc điểm tình hình", "Thuận lợi"). With `heads`: not
 * when a section claims that heading as its own (issue 10: Phụ lục 02's part I "Đặc điểm tình hình" and Phụ lục 01's
 * "Mục đích, yêu cầu" are required parts of a province's report and plan).
 */
export function isContextHeading(folded: string, heads?: Head[]): boolean {
  const f = strip(folded);
  const starts = (c: string): boolean => f === c || f.startsWith(`${c} `);
  if (heads && claimedContext(heads).some(starts)) return false;
  return CONTEXT_HEADS.some(starts);
}

/** The context headings a section claims as its own, computed once per list of heads (checked for every line). */
const claimedCache = new WeakMap<Head[], string[]>();
function claimedContext(heads: Head[]): string[] {
  let claimed = claimedCache.get(heads);
  if (!claimed) {
    claimed = heads.filter((h) => CONTEXT_HEADS.some((c) => h.folded === c || h.folded.startsWith(`${c} `))).map((h) => h.folded);
    claimedCache.set(heads, claimed);
  }
  return claimed;
}

/**
 * The section one part of a heading opens ("Khó khăn, vướng mắc và kiến nghị" is two parts), or null.
 * `raw` is the part's text as written (for the period relation), `folded` its folded core.
 */
export function matchHead(
  folded: string,
  raw: string,
  opts: { strength: Strength; labelled: boolean; inCell: boolean; later: boolean; sentence: boolean },
  heads: Head[],
  sections: SectionDef[],
  ctx: SectionContext,
): HeadMatch | null {
  const part = strip(folded);
  if (!part || isContextHeading(part, heads)) return null;
  // Longest head first; an office heading whose qualifier is too long still lets a head phrase decide.
  for (const head of heads) {
    if (!(part === head.folded || part.startsWith(head.prefix))) continue;
    const rest = part.slice(head.folded.length).trim();
    if (accepts(head, rest, opts)) return withPeriod(head, rest, raw, sections, ctx);
  }
  return null;
}

function accepts(head: Head, rest: string, opts: { strength: Strength; labelled: boolean; inCell: boolean; later: boolean; sentence: boolean }): boolean {
  const restWords = words(rest);
  // A head phrase inside a sentence opens nothing: a verb after it, or a bullet sentence.
  if (opts.strength !== "strong" && SENTENCE_WORDS.test(rest)) return false;
  if (opts.sentence && restWords.length > 0) return false;
  // "Kết quả: đã đăng tải…", a cell "Kết quả" of a data table: the bare noun is no heading.
  if (BARE_NOUN.has(head.folded) && rest === "" && (opts.labelled || opts.inCell)) return false;
  if (GENERIC.has(head.folded) && rest !== "" && !GENERIC_QUALIFIER.test(rest)) return false;
  const counted = restWords.filter((w) => !QUALIFIER_TOKEN.test(w));
  if (opts.strength === "plain" && counted.length > 0) return false;
  if (opts.strength === "weak" && counted.length > MAX_TRAILING_WORDS + 2) return false;
  // Later parts of a combined heading ("… và kiến nghị") are a head on their own, not any phrase after "và".
  if (opts.later && counted.length > MAX_TRAILING_WORDS) return false;
  return true;
}

function withPeriod(head: Head, rest: string, raw: string, sections: SectionDef[], ctx: SectionContext): HeadMatch {
  let id = head.id;
  if (FLIPPABLE.test(head.folded) && !NO_FLIP.test(rest)) {
    const rel = ctx.periodRelation?.(raw) ?? null;
    const role = sectionRole(sections.find((s) => s.id === id)!);
    const results = sections.find((s) => sectionRole(s) === "results");
    const plan = sections.find((s) => sectionRole(s) === "plan");
    if (role === "plan" && (rel === "own" || rel === "earlier") && !PLAN_CUE.test(rest) && results) id = results.id;
    else if (role === "results" && rel === "later" && plan) id = plan.id;
  }
  return { id, head, rest };
}
