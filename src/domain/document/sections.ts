/**
 * The section check (QT.VP.03 §6.2.1): which of the regime's sections a document's outline has, where, and
 * the blocks under each for the draft. Matching is on fold() text; a section phrase counts only when it
 * opens a heading-like block (a Word heading, an all-caps line, a numbered, bold or "…:" line, a short
 * table cell), never inside an ordinary sentence.
 */
import type { Block, Outline, SectionDef, SectionFinding, SectionReport } from "../model.ts";
import { blockText, documentTitle, headingRank, isAllBold, isAllCaps, paragraph, splitNumbering } from "./outline.ts";
import { fold } from "../text/index.ts";

/** A heading-like line has at most this many words (after its numbering). */
export const MAX_HEADING_WORDS = 14;
/** A weakly marked heading (bold, numbered, bullet, "…:", cell) may add at most this many words to the phrase. */
export const MAX_TRAILING_WORDS = 6;

/** strong: Word heading or all caps; weak: bold, numbered, bullet, "…:", cell; plain: a line that is only the phrase. */
type Strength = "strong" | "weak" | "plain";

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
}

const words = (folded: string): number => (folded === "" ? 0 : folded.split(" ").length);

/** Heading-like candidates of one paragraph/heading block (first line only), or none. */
function blockCandidates(block: Block, blockIndex: number, inCell: boolean): Candidate[] {
  if (block.type === "table") return [];
  const first = (blockText(block).split("\n")[0] ?? "").trim();
  if (!first) return [];
  const split = splitNumbering(first);
  const body = split.rest;
  const numbered =
    (split.kind !== null && split.kind !== "bullet") || block.type === "paragraph" && (block.numbering !== undefined || block.list?.ordered === true);
  const bullet = split.kind === "bullet" || (block.type === "paragraph" && block.list?.ordered === false);
  const colon = body.indexOf(":");
  const out: Candidate[] = [];
  const labelled = colon > 0 && colon < body.length - 1 && body.slice(colon + 1).trim() !== "";
  if (!labelled && words(fold(body)) <= MAX_HEADING_WORDS) {
    // [^()]* rather than .*?: a lazy scan to the end after every unclosed "(" is quadratic.
    const strong = block.type === "heading" || isAllCaps(body.replace(/\([^()]*\)/g, ""));
    const weak = numbered || bullet || inCell || isAllBold(block.runs) || /:\s*$/.test(body);
    const strength: Strength = strong ? "strong" : weak ? "weak" : "plain";
    const sentence = bullet && !strong && /[^.]\.$/.test(body);
    out.push({ blockIndex, heading: first, body, strength, inline: "", ...(sentence ? { sentence } : {}) });
  }
  // "Khó khăn, vướng mắc: không có." — a label opening the paragraph is a heading with inline content.
  if (labelled) {
    const label = body.slice(0, colon);
    if (words(fold(label)) <= MAX_HEADING_WORDS) {
      out.push({
        blockIndex,
        heading: first.slice(0, first.indexOf(":")).trim(),
        body: label,
        strength: "weak",
        inline: body.slice(colon + 1).trim(),
      });
    }
  }
  return out;
}

/** Every heading-like candidate of an outline in reading order, the title lines excepted. */
function candidates(outline: Outline): Candidate[] {
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
        if (!text || words(fold(text)) > MAX_HEADING_WORDS * 2) return;
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

/** "Những công việc đã thực hiện", "Các nhiệm vụ…", "Một số khó khăn…": the plural word adds nothing to the phrase. */
function plural(folded: string): string {
  return folded.replace(/^(?:cac|nhung|mot so) (?=\S)/, "");
}

/** The folded headings (and title) of each section, computed once per check. */
interface FoldedHeading {
  id: string;
  folded: string;
}

function foldedHeadings(sections: SectionDef[]): FoldedHeading[] {
  return sections.flatMap((s) => s.headings.concat(s.title).map((h) => ({ id: s.id, folded: plural(fold(h)) })));
}

/** Ids of the sections a candidate heading opens ("Khó khăn, vướng mắc và kiến nghị" opens two). */
function matchCandidate(cand: Candidate, headings: FoldedHeading[]): string[] {
  const ids: string[] = [];
  const parts = core(cand.body).split(/ va (?=\S)/).map(plural);
  parts.forEach((part, n) => {
    let best: { id: string; rest: number } | null = null;
    for (const { id, folded: fh } of headings) {
      if (!fh || !(part === fh || part.startsWith(`${fh} `))) continue;
      const rest = words(part.slice(fh.length).trim());
      if (!best || rest < best.rest) best = { id, rest };
    }
    if (!best) return;
    // Later parts must be a heading on their own ("… và kiến nghị"), not any phrase after "và".
    // A plain line counts only when it is the phrase itself ("Kiến nghị, đề xuất" on a line of its own).
    // A bullet sentence counts only when it is the phrase itself ("- Kiến nghị.").
    const limit = cand.strength === "plain" || cand.sentence ? 0 : cand.strength === "strong" && n === 0 ? Infinity : MAX_TRAILING_WORDS;
    if (best.rest <= limit && !ids.includes(best.id)) ids.push(best.id);
  });
  return ids;
}

/**
 * Checks which sections an outline has. A section is found at its first matching heading-like block;
 * `missingRequired` lists the required sections not found, in the regime's order.
 */
export function checkSections(outline: Outline, sections: SectionDef[]): SectionReport {
  const found = new Map<string, Candidate>();
  const headings = foldedHeadings(sections);
  for (const cand of candidates(outline)) {
    for (const id of matchCandidate(cand, headings)) if (!found.has(id)) found.set(id, cand);
  }
  const findings: SectionFinding[] = sections.map((s) => {
    const c = found.get(s.id);
    return { id: s.id, found: c !== undefined, heading: c?.heading ?? null, blockIndex: c?.blockIndex ?? null };
  });
  return { findings, missingRequired: sections.filter((s) => s.required && !found.has(s.id)).map((s) => s.id) };
}

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
  const text = blockText(block).trim();
  const f = fold(text);
  if (/^(noi nhan|tren day la)\b/.test(f)) return true;
  if (block.type === "table") return false;
  if (text === "--" || SENT_FROM.test(f)) return true;
  if (SIGNER.test(f) && (isAllCaps(text) || SIGNER_PREFIX.test(text))) return true;
  return SIGN_OFF.test(f);
}

function shortCaps(block: Block): boolean {
  const t = blockText(block).trim();
  return block.type !== "table" && isAllCaps(t) && words(fold(t)) <= MAX_HEADING_WORDS;
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
