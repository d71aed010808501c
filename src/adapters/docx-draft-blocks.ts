/**
 * The draft's content as `docx` paragraphs and tables: plan nodes (role paragraphs, a unit's content, plain
 * tables such as Phụ lục 02) and a unit's Block[] (runs, lists, tables).
 */
import { AlignmentType, HeadingLevel, Paragraph, Table, TableRow, TextRun, WidthType } from "docx";
import type { DraftNode, DraftRole } from "../domain/draft/index.ts";
import type { Block, Run } from "../domain/model.ts";
import { FIRST_LINE, GRID_BORDERS, LINE, PT, type RunStyle, SPACE_AFTER, TEXT_WIDTH, cell, run } from "./docx-draft-styles.ts";

const ROLE_STYLE: Record<DraftRole, RunStyle> = {
  "section-heading": { bold: true },
  "item-heading": { bold: true },
  "unit-label": { bold: true, italics: true },
  "sub-label": { italics: true },
  body: {},
  placeholder: { italics: true, highlight: true },
};

function roleParagraph(role: DraftRole, text: string): Paragraph {
  const heading =
    role === "section-heading" ? HeadingLevel.HEADING_1 : role === "item-heading" ? HeadingLevel.HEADING_2 : undefined;
  return new Paragraph({
    heading,
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE },
    keepNext: role !== "body" && role !== "placeholder",
    children: [run(text, ROLE_STYLE[role])],
  });
}

function runsOf(runs: Run[], base: RunStyle = {}): TextRun[] {
  return runs.map((r) =>
    run(r.text, { ...base, bold: base.bold || r.bold, italics: base.italics || r.italic, underline: r.underline }),
  );
}

const plainText = (runs: Run[]) => runs.map((r) => r.text).join("");

/**
 * The numbering (typed, or Word's automatic "1.", "a)") shown before the text unless the text already begins with
 * it: "1. Tham mưu" stays, "1.5 tỷ đồng…" numbered "1." becomes "1. 1.5 tỷ đồng…".
 */
function withNumbering(runs: Run[], numbering: string | undefined): Run[] {
  const mark = numbering?.trim();
  if (!mark) return runs;
  const text = plainText(runs).trimStart();
  if (text === mark || (text.startsWith(mark) && /^\s/.test(text.slice(mark.length)))) return runs;
  return [{ text: `${mark} ` }, ...runs];
}

/** A unit's blocks: runs keep bold/italic/underline; lists become indented "- " / "1." paragraphs; tables keep borders. */
function contentBlocks(blocks: Block[], size?: number, inCell = false): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  const counters: number[] = [];
  const base = { size, line: LINE, after: inCell ? 40 : SPACE_AFTER };
  for (const b of blocks) {
    if (b.type === "table") {
      counters.length = 0;
      out.push(contentTable(b.rows));
      continue;
    }
    if (b.type === "heading") {
      counters.length = 0;
      out.push(
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          spacing: { after: base.after, line: base.line },
          indent: { firstLine: inCell ? 0 : FIRST_LINE },
          keepNext: true,
          children: runsOf(withNumbering(b.runs, b.numbering), { bold: true, size }),
        }),
      );
      continue;
    }
    let runs = withNumbering(b.runs, b.numbering);
    let indent = inCell ? 0 : FIRST_LINE;
    if (b.list) {
      const level = Math.max(0, Math.min(8, b.list.level));
      counters.length = level + 1;
      counters[level] = (counters[level] ?? 0) + 1;
      // Text read from a mail body or a PDF keeps the marker the unit typed ("- Tổ chức…"): add none of our own.
      const typed = (b.list.ordered ? /^\s*\d+[.)]\s/ : /^\s*[-+•*–]\s/).test(plainText(runs));
      if (!b.numbering && !typed) runs = [{ text: b.list.ordered ? `${counters[level]}. ` : "- " }, ...runs];
      indent += level * FIRST_LINE;
    } else {
      counters.length = 0;
    }
    out.push(
      new Paragraph({
        alignment: inCell ? AlignmentType.LEFT : AlignmentType.JUSTIFIED,
        spacing: { after: base.after, line: base.line },
        indent: { firstLine: indent },
        children: runsOf(runs, { size }),
      }),
    );
  }
  return out;
}

function contentTable(rows: Block[][][]): Table {
  const cols = Math.max(1, ...rows.map((r) => r.length));
  const width = Math.floor(TEXT_WIDTH / cols);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: Array.from({ length: cols }, () => width),
    borders: GRID_BORDERS,
    rows: rows.map(
      (r) =>
        new TableRow({
          children: Array.from({ length: cols }, (_, i) => cell(contentBlocks(r[i] ?? [], PT(13), true), width, true)),
        }),
    ),
  });
}

/** Widths of Phụ lục 02's columns (STT, unit, received, timeliness, verdict, version), as shares of the text width. */
const SUBMISSION_SHARES = [0.07, 0.3, 0.21, 0.17, 0.15, 0.1];

function plainTable(header: string[], rows: string[][]): Table {
  const shares = header.length === SUBMISSION_SHARES.length ? SUBMISSION_SHARES : header.map(() => 1 / header.length);
  const widths = shares.map((s) => Math.floor(TEXT_WIDTH * s));
  const line = (cells: string[], bold: boolean) =>
    new TableRow({
      tableHeader: bold ? true : undefined,
      cantSplit: true,
      children: widths.map((w, i) =>
        cell(
          [
            new Paragraph({
              alignment: bold || i === 0 || i === widths.length - 1 ? AlignmentType.CENTER : AlignmentType.LEFT,
              spacing: { after: 40, line: LINE },
              children: [run(cells[i] ?? "", { bold, size: PT(13) })],
            }),
          ],
          w,
          true,
        ),
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: GRID_BORDERS,
    rows: [line(header, true), ...rows.map((r) => line(r, false))],
  });
}

/** The plan's nodes in order: role paragraphs, a unit's content, plain tables. */
export function nodes(list: DraftNode[]): (Paragraph | Table)[] {
  return list.flatMap((n): (Paragraph | Table)[] => {
    if (n.kind === "paragraph") return [roleParagraph(n.role, n.text)];
    if (n.kind === "content") return contentBlocks(n.blocks);
    return [plainTable(n.header, n.rows)];
  });
}
