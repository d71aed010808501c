/**
 * Helpers over a document outline (Block[]): plain text, lines, numbering prefixes, heading ranks, and
 * `bodyOutline`, which turns plain text (a mail body, pdftotext output) into blocks by line heuristics.
 */
import type { Block, Outline, Run } from "../model.ts";
import { fold, nfc } from "../text/index.ts";

/**
 * Tables nested deeper than this give no text: no real document nests so deep, and a hostile one (thousands of
 * levels) would otherwise overflow the stack of every recursive walk.
 */
export const MAX_TABLE_DEPTH = 64;

/** The text of a block as written: runs joined; a table's cells joined by " | ", its rows by newlines. */
export function blockText(block: Block): string {
  return textAt(block, 0);
}

function textAt(block: Block, depth: number): string {
  if (block.type === "table") {
    if (depth >= MAX_TABLE_DEPTH) return "";
    return block.rows
      .map((row) => row.map((cell) => cell.map((b) => textAt(b, depth + 1)).join("\n")).join(" | "))
      .join("\n");
  }
  return block.runs.map((r) => r.text).join("");
}

/** Every non-empty line of an outline, in reading order; table cells give their own lines. */
export function outlineLines(outline: Outline): string[] {
  const lines: string[] = [];
  const walk = (blocks: Block[], depth: number): void => {
    for (const b of blocks) {
      if (b.type === "table") {
        if (depth < MAX_TABLE_DEPTH) for (const row of b.rows) for (const cell of row) walk(cell, depth + 1);
        continue;
      }
      for (const line of blockText(b).split("\n")) {
        const t = line.trim();
        if (t) lines.push(t);
      }
    }
  };
  walk(outline.blocks, 0);
  return lines;
}

/** The plain text of an outline: one block a paragraph, blocks separated by newlines. */
export function outlineText(outline: Outline): string {
  return outline.blocks.map(blockText).join("\n").trim();
}

/** True when every run that carries text is bold (and there is one). */
export function isAllBold(runs: Run[]): boolean {
  const visible = runs.filter((r) => r.text.trim() !== "");
  return visible.length > 0 && visible.every((r) => r.bold === true);
}

const FIRST_LOWER = /\p{Ll}/u;

/** True when the text has letters and none of them is lower case ("KẾT QUẢ THỰC HIỆN", not "1.2.3"). */
export function isAllCaps(text: string): boolean {
  // Most text answers at its first lower-case letter, without copying a long paragraph twice.
  const lower = FIRST_LOWER.exec(text)?.[0];
  if (lower !== undefined && lower.toUpperCase() !== lower) return false;
  const letters = text.replace(/[^\p{L}]/gu, "");
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

export type NumberingKind = "roman" | "arabic" | "multilevel" | "letter" | "bullet";

export interface SplitNumbering {
  /** The prefix as written ("II.", "2.1.", "a)", "-"), or null. */
  numbering: string | null;
  kind: NumberingKind | null;
  /** The text after the prefix, trimmed. */
  rest: string;
}

// Roman numerals as administrative documents use them (I–XX), then a separator; "I" alone would swallow
// words like "Ít", hence the mandatory separator.
// "1/ ", "II/ " as typed on Vietnamese keyboards: a slash then a space ("V/v", "1/2" and dates are no numbering).
const ROMAN = /^((?:X{0,2})(?:IX|IV|V?I{0,3}))\s*([.)\-–:]|\/(?=\s)|\s-\s)\s*/;
// "Phần I.", "PHẦN II:", "Phần thứ nhất -": the parts above "I." in longer reports.
const PART = /^([Pp][Hh][ẦầÂâAa][Nn]\s+(?:[Tt][Hh][Ứứ]\s+\p{L}+|[IVX]{1,5}|\d{1,2}))\s*([.):\-–]|\s-\s)?\s+/u;
const MULTI = /^(\d{1,2}(?:\.\d{1,2})+)\.?\)?\s+/;
const ARABIC = /^(\d{1,2})\s*([.):\-–](?!\d)|\/(?=\s)|\s-\s)\s*/;
const LETTER = /^([a-zđ])\s*([).])\s+/i;
// "A- NHỮNG THÀNH TỰU ĐẠT ĐƯỢC", "B – Phương hướng": a capital letter and a dash (lower case would take "e-" words).
const LETTER_DASH = /^([A-ZĐ])\s*([-–])\s+/;
const BULLET = /^([-–—+•*·▪●○◦■□➢➤✓])\s*/;

/**
 * Splits a typed numbering prefix off a line: "I. KẾT QUẢ" → {numbering "I.", kind roman, rest "KẾT QUẢ"};
 * "2.1. Công tác" → multilevel; "a) Khó khăn" → letter; "- Nội dung" → bullet. A year ("2026 là năm…") or a
 * date is not numbering.
 */
export function splitNumbering(line: string): SplitNumbering {
  const text = line.trim();
  const tryRe = (re: RegExp, kind: NumberingKind): SplitNumbering | null => {
    const m = re.exec(text);
    if (!m || m[0].trim() === "" || m[1] === "") return null;
    const rest = text.slice(m[0].length).trim();
    if (rest === "") return null;
    return { numbering: m[0].trim(), kind, rest };
  };
  return (
    tryRe(PART, "roman") ??
    tryRe(ROMAN, "roman") ??
    tryRe(MULTI, "multilevel") ??
    tryRe(ARABIC, "arabic") ??
    tryRe(LETTER, "letter") ??
    tryRe(LETTER_DASH, "letter") ??
    tryRe(BULLET, "bullet") ?? { numbering: null, kind: null, rest: text }
  );
}

/**
 * The rank of a block as a heading, smaller is higher: Word heading level n → n; typed "Phần I" or "A." → 0,
 * "I." → 1, "1." → 2, "2.1." → 3, "a)" → 4, typed or Word's automatic numbering (`numbering`); an ordered list
 * item of unknown format → 2 + its level. Null for ordinary text.
 */
export function headingRank(block: Block): number | null {
  if (block.type === "table") return null;
  if (block.type === "heading") return block.level;
  const first = (blockText(block).split("\n")[0] ?? "").trim();
  // Word's automatic numbering ("I." read from numbering.xml) is not in the runs: it is shown before them.
  const shown = block.numbering && !first.startsWith(block.numbering) ? `${block.numbering} ${first}` : first;
  const { kind, numbering } = splitNumbering(shown);
  // Vietnamese reports nest "PHẦN I" / "A." above "I." above "1." above "a)".
  if (kind === "roman" && /^ph/i.test(numbering ?? "")) return 0;
  if (kind === "letter" && /^[A-ZĐ]\s*[.\-–]$/.test(numbering ?? "")) return 0;
  if (kind === "roman") return 1;
  if (kind === "arabic") return 2;
  if (kind === "multilevel") return 3;
  if (kind === "letter") return 4;
  if (block.list?.ordered) return 2 + block.list.level;
  return null;
}

/** A paragraph of plain runs. */
export function paragraph(text: string, extra: { bold?: boolean } = {}): Block {
  const run: Run = extra.bold ? { text, bold: true } : { text };
  return { type: "paragraph", runs: [run] };
}

/**
 * Turns plain text (a mail body, pdftotext output) into blocks: one paragraph a non-empty line, NFC,
 * with `numbering` set for typed numbering and `list` for bullets ("- ", "+ ", "• "). Which lines are
 * headings is decided later by the section check (numbered, all-caps and "…:" lines are candidates).
 */
export function bodyOutline(text: string): Outline {
  const blocks: Block[] = [];
  for (const raw of nfc(text).replace(/\r\n?/g, "\n").replace(/\f/g, "\n").split("\n")) {
    // trim(), not /\s+$/: that pattern backtracks quadratically over a long run of inner spaces.
    const line = raw.trim();
    if (!line || /^[-_=*.·]{3,}$/.test(line)) continue;
    const split = splitNumbering(line);
    if (split.kind === "bullet") {
      blocks.push({ type: "paragraph", runs: [{ text: line }], list: { ordered: false, level: 0 } });
    } else if (split.numbering) {
      blocks.push({ type: "paragraph", runs: [{ text: line }], numbering: split.numbering });
    } else {
      blocks.push({ type: "paragraph", runs: [{ text: line }] });
    }
  }
  return { blocks };
}

/** A one-line title ("BÁO CÁO KẾT QUẢ CÔNG TÁC THÁNG 11 VÀ NHIỆM VỤ THÁNG 12") has at most this many words. */
const MAX_TITLE_LINE_WORDS = 24;

/** The plan clause of a title: "Phương hướng…", "Nhiệm vụ trọng tâm…", "Kế hoạch công tác…" on its own line. */
const TITLE_PLAN = /^(?:phuong huong|nhiem vu|ke hoach|chuong trinh|du kien|dinh huong|trien khai nhiem vu)\b/;

/**
 * A line set like the title line above it: both bold, or both in capitals. Plain text (a mail body, a PDF) cannot
 * tell a title's second line from the first heading, so there only "," / ";" / a lower-case start continue a title.
 */
function isTitleStyled(b: Block, prev: Block): boolean {
  if (b.type === "table" || prev.type === "table") return false;
  const caps = (x: Block): boolean => isAllCaps(blockText(x));
  const bold = (x: Block): boolean => x.type !== "table" && isAllBold(x.runs);
  return (bold(b) && bold(prev)) || (caps(b) && caps(prev));
}

/**
 * The document's title lines (trích yếu): up to three unnumbered lines right after a "BÁO CÁO" line within
 * the first 15 blocks (Nghị định 30/2020 Phụ lục I: document kind, then the summary line). Empty when absent.
 */
export function documentTitle(outline: Outline): { index: number; text: string }[] {
  const head = outline.blocks.slice(0, 15);
  let at = head.findIndex((b) => b.type !== "table" && /^bao cao( (tuan|thang|quy|nam|so ket|tong ket))?$/.test(fold(blockText(b))));
  const out: { index: number; text: string }[] = [];
  if (at < 0) {
    // "BÁO CÁO CÔNG TÁC TUẦN 47" on one line: the kind and the summary together are the title.
    at = head.findIndex((b) => {
      if (b.type === "table" || b.type === "heading" || b.list || splitNumbering(blockText(b).trim()).numbering) return false;
      const f = fold(blockText(b));
      return /^bao cao [a-z0-9]/.test(f) && f.split(" ").length <= MAX_TITLE_LINE_WORDS && !/[.:]$/.test(blockText(b).trim());
    });
    if (at < 0) return [];
    out.push({ index: at, text: blockText(outline.blocks[at]!).trim() });
  }
  for (let i = at + 1; i < outline.blocks.length && out.length < 3; i++) {
    const b = outline.blocks[i]!;
    if (b.type === "table") break;
    const text = blockText(b).trim();
    if (!text) continue;
    if (b.type === "heading" || b.list || splitNumbering(text).numbering) break;
    const f = fold(text);
    if (/^kinh gui\b/.test(f)) break;
    // A further line only continues the summary: "và kế hoạch…", "(Từ ngày 16/11 đến 20/11/2026)", a line after one
    // ending in "," or ";", or the plan clause of the title ("Kết quả hoạt động quý III, / Phương hướng hoạt động
    // quý IV năm 2026": research/report-headings.md §2).
    const prev = out[out.length - 1]?.text ?? "";
    const continues =
      /^[(\p{Ll}]/u.test(text) ||
      /^(va|tu|cua|tuan|thang|quy|nam|den)\b/.test(f) ||
      /[,;]$/.test(prev) ||
      (TITLE_PLAN.test(f) && isTitleStyled(b, outline.blocks[out[out.length - 1]?.index ?? at]!));
    if (out.length >= 1 && !continues) break;
    out.push({ index: i, text });
  }
  return out;
}
