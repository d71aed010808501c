/**
 * The section check (QT.VP.03 §6.2.1): which of the regime's sections a document's outline has, where, and
 * the blocks under each for the draft. Matching is on fold() text; a section phrase counts only when it
 * opens a heading-like block (a Word heading, an all-caps line, a numbered, bold or "…:" line, a short
 * table cell), never inside an ordinary sentence.
 */
import type { Block, Outline, SectionDef, SectionFinding, SectionReport } from "../model.ts";
import { blockText, documentTitle, headingRank, isAllBold, isAllCaps, paragraph, splitNumbering } from "./outline.ts";
import { fold } from "../text/index.ts";
import { type Head, type SectionContext, type Strength, isContextHeading, matchHead, sectionHeads } from "./head-phrases.ts";

/** A heading-like line has at most this many words (after its numbering). */
export const MAX_HEADING_WORDS = 14;
/** A strongly marked heading (Word heading, capitals, "I."/"A."/"Phần I" numbering) may be longer. */
export const MAX_STRONG_HEADING_WORDS = 22;
interface Candidate {
  blockIndex: number;
  /** Where in a table, for cell candidates. */
  cell?: { row: number; col: number };
  /** The heading as written (the label before ":" for "Khó khăn: không có"). */
  heading: string;
  /** Heading text without its numbering. */
  body: string;
  strength: Strength;
  /** Text after the label's ":", for "Kiến nghị: đề nghị Cục…". */
  inline: string;
  /** A bullet item ending with a full stop: a sentence that may name a section ("- Kế hoạch … đã trình …."). */
  sentence?: boolean;
  /** A bullet line ("-", "+", "•"): content more often than a heading. */
  bullet?: boolean;
  /** Its rank, computed once (levelOf). */
  level?: number;
  /** True for a closing line ("Nơi nhận:", the signer), computed once. */
  closing?: boolean;
}

const words = (folded: string): number => (folded === "" ? 0 : folded.split(" ").length);

/**
 * True when `text` folds into at most `limit` words. Most paragraphs are far longer than a heading: a count that
 * cannot exceed fold()'s (runs between ASCII spaces, tabs and line breaks holding an ASCII letter or digit, each one
 * or more folded words) answers them after `limit` words, without folding the paragraph.
 */
export function fewWords(text: string, limit: number): boolean {
  let count = 0;
  let counted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) counted = false;
    else if (!counted && ((c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122))) {
      counted = true;
      if (++count > limit) return false;
    }
  }
  return words(fold(text)) <= limit;
}

/** "I..", "1.-": the separator typed twice, or a stray mark, left after the numbering. */
const cleanBody = (rest: string): string => rest.replace(/^[.\-–:)\s]+/, "").trim();

/** Heading-like candidates of one paragraph/heading block (first line only), or none. */
function blockCandidates(block: Block, blockIndex: number, inCell: boolean): Candidate[] {
  if (block.type === "table") return [];
  const first = (blockText(block).split("\n")[0] ?? "").trim();
  // A quoted line ("> …", RFC 3676 §4.5) is the mail being answered, never the report's heading.
  if (!first || first.startsWith(">")) return [];
  const split = splitNumbering(first);
  const body = cleanBody(split.rest) || split.rest;
  const numbered =
    (split.kind !== null && split.kind !== "bullet") || block.type === "paragraph" && (block.numbering !== undefined || block.list?.ordered === true);
  const bullet = split.kind === "bullet" || (block.type === "paragraph" && block.list?.ordered === false);
  const colon = body.indexOf(":");
  const out: Candidate[] = [];
  const labelled = colon > 0 && colon < body.length - 1 && body.slice(colon + 1).trim() !== "";
  // [^()]* rather than .*?: a lazy scan to the end after every unclosed "(" is quadratic.
  const rank = headingRank(block);
  const strong = block.type === "heading" || isAllCaps(body.replace(/\([^()]*\)/g, "")) || (rank !== null && rank <= 1 && !bullet);
  if (!labelled && fewWords(body, strong ? MAX_STRONG_HEADING_WORDS : MAX_HEADING_WORDS)) {
    const weak = numbered || bullet || inCell || isAllBold(block.runs) || /:\s*$/.test(body);
    const strength: Strength = strong ? "strong" : weak ? "weak" : "plain";
    const sentence = bullet && !strong && /[^.]\.$/.test(body);
    out.push({ blockIndex, heading: first, body, strength, inline: "", ...(sentence ? { sentence } : {}), ...(bullet ? { bullet } : {}) });
  }
  // "Khó khăn, vướng mắc: không có." — a label opening the paragraph is a heading with inline content.
  if (labelled) {
    const label = body.slice(0, colon);
    if (fewWords(label, MAX_HEADING_WORDS)) {
      out.push({
        blockIndex,
        heading: first.slice(0, first.indexOf(":")).trim(),
        body: label,
        strength: "weak",
        inline: body.slice(colon + 1).trim(),
        ...(bullet ? { bullet } : {}),
      });
    }
  }
  return out;
}

/**
 * An outline's candidates, found once: a message's documents are checked against several regimes and kinds (the
 * classifier, the verdict, the draft's contents), and finding them folds every paragraph. Everything cached on a
 * candidate (`level`, `closing`) depends on the outline alone, so sharing them between calls changes no answer.
 */
const CANDIDATES = new WeakMap<Outline, Candidate[]>();

function candidates(outline: Outline): Candidate[] {
  let found = CANDIDATES.get(outline);
  if (!found) {
    found = findCandidates(outline);
    for (const cand of found) cand.closing = !cand.cell && isClosing(outline.blocks[cand.blockIndex]!);
    CANDIDATES.set(outline, found);
  }
  return found;
}

function findCandidates(outline: Outline): Candidate[] {
  const title = new Set(documentTitle(outline).map((t) => t.index));
  const out: Candidate[] = [];
  outline.blocks.forEach((block, i) => {
    if (title.has(i)) return;
    if (block.type !== "table") {
      out.push(...blockCandidates(block, i, false));
      return;
    }
    block.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const text = cell.map(blockText).join(" ").trim();
        if (!text || !fewWords(text, MAX_HEADING_WORDS * 2)) return;
        for (const b of cell.slice(0, 1)) {
          for (const cand of blockCandidates(b, i, true)) out.push({ ...cand, cell: { row: r, col: c } });
        }
      }),
    );
  });
  return out;
}

/** The core of a heading for matching: parentheses removed, cut before "của …" / "đối với …". */
function core(body: string): string {
  const noParens = body.replace(/:.*$/s, "").replace(/\([^)]*\)?/g, " ");
  return fold(noParens).replace(/ (cua|doi voi) .*$/, "");
}

/** The parts of a heading as written, split at "và" / ";" ("Khó khăn, vướng mắc và kiến nghị"). */
function rawParts(body: string): string[] {
  // (?<!\s): a match starts only at the first space of a run; else a long run of spaces backtracks quadratically.
  return body.replace(/:.*$/s, "").split(/(?<!\s)\s+(?:và|VÀ|Và|va|VA)\s+|;\s*/u);
}

/** Ids of the sections a candidate heading opens ("Khó khăn, vướng mắc và kiến nghị" opens two). */
function matchCandidate(cand: Candidate, heads: Head[], sections: SectionDef[], ctx: SectionContext): string[] {
  const ids: string[] = [];
  // "- Kế hoạch công tác thời gian tiếp theo: kế hoạch, nhiệm vụ trọng tâm…": the bot's own list of missing
  // sections (title: description) quoted back in a reply, not the unit's heading.
  const inline = fold(cand.inline);
  if (inline && sections.some((s) => { const d = fold(s.description); return d !== "" && inline.startsWith(d.slice(0, 40)); })) return [];
  const folded = core(cand.body).split(/ va (?=\S)/);
  const raws = rawParts(cand.body);
  folded.forEach((part, n) => {
    const raw = raws.length === folded.length ? raws[n]! : cand.body;
    const opts = { strength: cand.strength, labelled: cand.inline !== "", inCell: cand.cell !== undefined, later: n > 0, sentence: cand.sentence === true };
    const m = matchHead(part, raw, opts, heads, sections, ctx);
    if (m && !ids.includes(m.id)) ids.push(m.id);
  });
  return ids;
}

/** The rank of a heading-like line: its numbering's or Word level, else capitals above bold above "…:". */
function levelOf(outline: Outline, cand: Candidate): number {
  if (cand.level === undefined) cand.level = rankOf(outline, cand);
  return cand.level;
}

function rankOf(outline: Outline, cand: Candidate): number {
  const block = outline.blocks[cand.blockIndex]!;
  const r = headingRank(block);
  if (r !== null) return r;
  if (cand.strength === "strong") return 1;
  return 2;
}

/** Lines that are no section: the header (Quốc hiệu, "Kính gửi", "Số:"), the salutation, the closing lines. */
const NOT_SECTION = /^(?:cong hoa xa hoi|doc lap tu do|kinh gui|so |v v|bao cao|ha noi ngay|noi nhan|tren day|tm |kt |tl |dt |dien thoai|email|fax)/;

/**
 * Checks which sections an outline has. A section is found at its first matching heading-like block;
 * `missingRequired` lists the required sections not found, in the regime's order; `unplaced` the headings of the
 * same rank as the found section headings that no section claims (issue 12 "Doubt goes to a person").
 */
export function checkSections(outline: Outline, sections: SectionDef[], ctx: SectionContext = {}): SectionReport {
  const found = new Map<string, Candidate>();
  const heads = sectionHeads(sections);
  const all = candidates(outline);
  const claimed = new Set<Candidate>();
  const context = new Set<Candidate>();
  // A context heading ("Đặc điểm tình hình") holds its sub-headings: "2. Khó khăn" under it is the situation.
  let contextLevel: number | null = null;
  let closed = false;
  for (const cand of all) {
    if (cand.closing) closed = true;
    if (closed && !cand.cell) continue;
    const level = cand.cell ? null : levelOf(outline, cand);
    if (contextLevel !== null && level !== null && !cand.bullet) {
      if (level <= contextLevel) contextLevel = null;
    }
    if (contextLevel !== null) {
      context.add(cand);
      continue;
    }
    if (isContextHeading(core(cand.body), heads) && level !== null && cand.strength !== "plain" && !cand.bullet) {
      context.add(cand);
      contextLevel = level;
      continue;
    }
    const ids = matchCandidate(cand, heads, sections, ctx);
    if (ids.length > 0) claimed.add(cand);
    for (const id of ids) if (!found.has(id)) found.set(id, cand);
  }
  const findings: SectionFinding[] = sections.map((s) => {
    const c = found.get(s.id);
    return { id: s.id, found: c !== undefined, heading: c?.heading ?? null, blockIndex: c?.blockIndex ?? null };
  });
  const missingRequired = sections.filter((s) => s.required && !found.has(s.id)).map((s) => s.id);
  const report: SectionReport = { findings, missingRequired };
  // Computed even when nothing is missing: a required section found with no content may be taken out later.
  const unplaced = unplacedHeadings(outline, all, claimed, context, [...found.values()]);
  if (unplaced.length > 0) report.unplaced = unplaced;
  return report;
}

/**
 * Headings of the same rank as the found section headings (or, when none was found, of the highest rank present)
 * that no section claims: the header block, the salutation, context headings and the closing lines aside.
 */
function unplacedHeadings(outline: Outline, all: Candidate[], claimed: Set<Candidate>, context: Set<Candidate>, foundCands: Candidate[]): string[] {
  const firstClaimed = all.find((c) => claimed.has(c) && !c.cell)?.blockIndex ?? Infinity;
  const start = Math.min(headerEnd(outline), firstClaimed);
  const headingLike = all.filter((c) => {
    if (c.cell || c.bullet || c.sentence || c.blockIndex < start || c.strength === "plain") return false;
    if (c.inline !== "" && headingRank(outline.blocks[c.blockIndex]!) === null) return false;
    const f = fold(c.body);
    return f !== "" && !NOT_SECTION.test(f) && !/^\d/.test(f);
  });
  const cut = all.find((c) => c.closing === true);
  const before = headingLike.filter((c) => cut === undefined || c.blockIndex < cut.blockIndex);
  const foundLevels = new Set(foundCands.filter((c) => !c.cell).map((c) => levelOf(outline, c)));
  const levels = foundLevels.size > 0 ? foundLevels : new Set(before.length > 0 ? [Math.min(...before.map((c) => levelOf(outline, c)))] : []);
  return before.filter((c) => !claimed.has(c) && !context.has(c) && levels.has(levelOf(outline, c))).map((c) => c.heading);
}

/** Where the body begins: after the title block (the lines under "BÁO CÁO"), else after the leading header lines. */
export function headerEnd(outline: Outline): number {
  const title = documentTitle(outline);
  if (title.length > 0) return title[title.length - 1]!.index + 1;
  const first = outline.blocks.findIndex((b, i) => i < 15 && b.type !== "table" && headingRank(b) !== null);
  return first < 0 ? Infinity : first;
}

/** isClosing, once a block: the draft's contents test every block after each found section. */
const CLOSING = new WeakMap<Block, boolean>();

// The signer's block (Nghị định 30/2020, Phụ lục I: "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC", capitals) and a mail's
// sign-off end the last section: without them a report's signature was merged into the draft as its plan.
const SIGNER = /^(?:(?:kt|tl|tm|tuq|ttl|q) )?(?:pho )?(?:truong phong|giam doc|chanh van phong|cuc truong|truong ban|thu truong don vi|nguoi bao cao|nguoi lap(?: bieu)?)$/;
const SIGNER_PREFIX = /^(?:kt|tl|tm|tuq|ttl|q)\. /i;
const SIGN_OFF = /^(?:xin )?(?:tran trong|cam on|than ai|thanks|thank you|best regards|kind regards|regards|best wishes)(?: [a-z]+){0,4}$/;
const SENT_FROM = /^(?:sent from my|duoc gui tu|gui tu (?:iphone|dien thoai|thiet bi))\b/;

/**
 * Closing lines that belong to no section: "Trên đây là báo cáo…", "Nơi nhận:", the signer's title
 * ("KT. GIÁM ĐỐC", "TRƯỞNG PHÒNG"), a mail's sign-off ("Trân trọng,", "Thanks & best regards"), the signature
 * separator "-- " (RFC 3676 §4.3) and "Sent from my iPhone".
 */
function isClosing(block: Block): boolean {
  let closing = CLOSING.get(block);
  if (closing === undefined) CLOSING.set(block, (closing = closingLine(block)));
  return closing;
}

function closingLine(block: Block): boolean {
  const text = blockText(block).trim();
  // Every test reads the start of the block, and a signer's title or a sign-off is a short line: a long paragraph
  // (or a whole table's text) is folded only as far as the tests look.
  const short = text.length <= CLOSING_SHORT;
  const f = fold(short ? text : text.slice(0, CLOSING_PREFIX));
  if (/^(noi nhan|tren day la)\b/.test(f)) return true;
  if (block.type === "table") return false;
  if (text === "--" || SENT_FROM.test(f)) return true;
  if (!short) return false;
  if (SIGNER.test(f) && (isAllCaps(text) || SIGNER_PREFIX.test(text))) return true;
  return SIGN_OFF.test(f);
}

/** A signer's title or a sign-off is shorter than this (NFD text included)... */
const CLOSING_SHORT = 160;
/** ...and the prefix tests ("Nơi nhận", "Trên đây là", "Sent from my", "Được gửi từ") read no further than this. */
const CLOSING_PREFIX = 48;

function shortCaps(block: Block): boolean {
  const t = blockText(block).trim();
  return block.type !== "table" && isAllCaps(t) && fewWords(t, MAX_HEADING_WORDS);
}

/**
 * The blocks under each found section heading, for the draft: from the heading up to the next found section,
 * a heading of the same or a higher rank ("I." stops at "II.", Heading 2 at Heading 1 or 2), or the closing
 * lines. Inline content of a label ("Kiến nghị: …") comes first. A section found in a table cell takes the
 * cells to its right, else the rows below it.
 */
export function sectionContents(outline: Outline, report: SectionReport): Record<string, Block[]> {
  const out: Record<string, Block[]> = {};
  const starts = new Set(report.findings.filter((f) => f.found && f.blockIndex !== null).map((f) => f.blockIndex!));
  for (const f of report.findings) {
    if (!f.found || f.blockIndex === null || f.heading === null) continue;
    const at = outline.blocks[f.blockIndex];
    if (!at) continue;
    if (at.type === "table") {
      out[f.id] = cellContents(at, f.heading, report);
      continue;
    }
    const blocks: Block[] = [];
    const first = (blockText(at).split("\n")[0] ?? "").trim();
    const lineRest = blockText(at).split("\n").slice(1).join("\n").trim();
    if (first !== f.heading && first.startsWith(f.heading)) {
      const inline = first.slice(f.heading.length).replace(/^\s*:\s*/, "").trim();
      if (inline) blocks.push(paragraph(inline));
    }
    if (lineRest) blocks.push(paragraph(lineRest));
    const rank = headingRank(at) ?? 1;
    const caps = headingRank(at) === null && shortCaps(at);
    for (let i = f.blockIndex + 1; i < outline.blocks.length; i++) {
      const b = outline.blocks[i]!;
      if (starts.has(i) || isClosing(b)) break;
      const r = headingRank(b);
      if (r !== null && r <= rank && !lesserListItem(at, b)) break;
      if (caps && r === null && shortCaps(b)) break;
      blocks.push(b);
    }
    out[f.id] = blocks;
  }
  return out;
}

/** How a block stands out as a heading: 2 all caps, 1 all bold, 0 plain. */
function emphasis(block: Block): number {
  if (block.type === "table") return 0;
  if (isAllCaps(blockText(block).replace(/\([^()]*\)/g, ""))) return 2;
  return isAllBold(block.runs) ? 1 : 0;
}

/** A Word list item with no typed or known numbering: its format ("I." or "1.") is unknown, only its list level is. */
function untypedListItem(block: Block): boolean {
  return block.type === "paragraph" && block.list?.ordered === true && block.numbering === undefined && splitNumbering(blockText(block).split("\n")[0] ?? "").numbering === null;
}

/**
 * When numbering.xml gives no format (see docx-numbering.ts), Word's automatic numbering is known by its level only, so a bold "I. KẾT QUẢ…" heading and the plain
 * "1. Tham mưu…" items under it are both level-0 list items of the same rank. An item of the same level that
 * stands out less than the heading (plain under bold, bold under caps) is the heading's content, not the next one.
 */
function lesserListItem(heading: Block, block: Block): boolean {
  return untypedListItem(heading) && untypedListItem(block) && headingRank(heading) === headingRank(block) && emphasis(block) < emphasis(heading);
}

function cellContents(table: Extract<Block, { type: "table" }>, heading: string, report: SectionReport): Block[] {
  const headings = new Set(report.findings.map((f) => f.heading).filter((h): h is string => h !== null));
  const cellHead = (cell: Block[]): string => ((cell[0] ? blockText(cell[0]) : "").split("\n")[0] ?? "").trim();
  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r]!;
    const c = row.findIndex((cell) => cellHead(cell) === heading || cellHead(cell).startsWith(`${heading}:`));
    if (c < 0) continue;
    const right = row.slice(c + 1).flat();
    const own = row[c]!.slice(1);
    const inline = cellHead(row[c]!).slice(heading.length).replace(/^\s*:\s*/, "").trim();
    if (inline) own.unshift(paragraph(inline));
    if (right.length > 0 || own.length > 0) return [...own, ...right];
    const below: Block[] = [];
    for (let k = r + 1; k < table.rows.length; k++) {
      const next = table.rows[k]!;
      if (next.some((cell) => headings.has(cellHead(cell)))) break;
      below.push(...next.flat());
    }
    return below;
  }
  return [];
}
