/**
 * The thể thức of the draft (Nghị định 30/2020/NĐ-CP, Phụ lục I) as `docx` values: page and margins, Times New
 * Roman, sizes and spacing, the document's default and heading styles, and the small paragraph and cell builders
 * every block of the draft is made of.
 */
import {
  AlignmentType,
  BorderStyle,
  HighlightColor,
  type IStylesOptions,
  LineRuleType,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";

const FONT = "Times New Roman";
const BLACK = "000000";
/** 1 mm in twentieths of a point. */
const MM = 1440 / 25.4;
const twips = (mm: number) => Math.ceil(mm * MM);
// NĐ 30/2020 Phụ lục I, mục II.2: A4 (210 × 297 mm) portrait; top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
export const PAGE = { width: 11906, height: 16838 };
export const MARGIN = { top: twips(20), bottom: twips(20), left: twips(30), right: twips(15), header: twips(10), footer: twips(10) };
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** NĐ 30/2020: first line of a paragraph indented 1–1.27 cm. */
export const FIRST_LINE = twips(10);
/** Half-points. */
export const PT = (pt: number) => pt * 2;
export const SPACE_AFTER = 120; // 6 pt
export const LINE = 276; // 1.15 lines: within "single to 1.5"

export type RunStyle = { bold?: boolean; italics?: boolean; size?: number; underline?: boolean; highlight?: boolean };

/** A run of `text` in the given style (the font and colour come from the document's defaults). */
export function run(text: string, s: RunStyle = {}): TextRun {
  return new TextRun({
    text,
    bold: s.bold,
    italics: s.italics,
    size: s.size,
    underline: s.underline ? {} : undefined,
    highlight: s.highlight ? HighlightColor.YELLOW : undefined,
  });
}

/** A centred line of `text` (one paragraph), no spacing after unless asked. */
export function centred(text: string, s: RunStyle, after = 0, before = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before, after, line: LINE }, children: [run(text, s)] });
}

/**
 * The short solid line under the issuing body and under the trích yếu (NĐ 30/2020: 1/3 to 1/2 of the text
 * above): a 1 pt empty paragraph with a bottom border, narrowed by indents, so it sits clear of the descenders.
 */
export function rule(width: number, columnWidth: number, after = 0): Paragraph {
  const side = Math.max(0, Math.round((columnWidth - width) / 2));
  return new Paragraph({
    // The paragraph mark's own size sets an empty paragraph's height: keep it tiny, and the line exact.
    spacing: { before: 0, after, line: 120, lineRule: LineRuleType.EXACT },
    indent: { left: side, right: side },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: BLACK, space: 1 } },
    run: { size: 2 },
    children: [],
  });
}

/** A table cell of fixed width: frameless and unpadded for the header and closing, gridded and padded for content. */
export function cell(children: (Paragraph | Table)[], width: number, borders = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: borders ? undefined : TableBorders.NONE,
    margins: borders ? { top: 40, bottom: 40, left: 80, right: 80 } : { top: 0, bottom: 0, left: 0, right: 0 },
    verticalAlign: VerticalAlign.TOP,
    children: children.length > 0 ? children : [new Paragraph({})],
  });
}

/** The thin black grid of content tables. */
const GRID = { style: BorderStyle.SINGLE, size: 4, color: BLACK };
export const GRID_BORDERS = { top: GRID, bottom: GRID, left: GRID, right: GRID, insideHorizontal: GRID, insideVertical: GRID };

const fonts = { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT };
const headingStyle = { run: { font: fonts, size: PT(14), bold: true, color: BLACK }, paragraph: { spacing: { before: 120, after: SPACE_AFTER, line: LINE } } };

/** The document's default run and paragraph, and its title and heading styles (black Times New Roman). */
export function documentStyles(): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: fonts, size: PT(14), color: BLACK, language: { value: "vi-VN" } },
        paragraph: { spacing: { after: SPACE_AFTER, line: LINE } },
      },
      // Black Times New Roman also for the styles the officer may apply later (the defaults are blue).
      title: headingStyle,
      heading1: headingStyle,
      heading2: headingStyle,
      heading3: headingStyle,
      heading4: headingStyle,
      heading5: headingStyle,
      heading6: headingStyle,
    },
  };
}
