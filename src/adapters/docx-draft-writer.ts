/**
 * Writes a DraftPlan as .docx with the `docx` package, in the thể thức of Nghị định 30/2020/NĐ-CP, Phụ lục I:
 * A4 portrait, margins 20/20/30/15 mm, Times New Roman throughout, black, body 14 pt, ≥ 6 pt after paragraphs,
 * page numbers centred in the top margin from page 2. Layout decisions only; the content is the plan's.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HeadingLevel,
  HighlightColor,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import type { DraftAppendix, DraftNode, DraftPlan, DraftRole } from "../domain/draft-plan.ts";
import type { Block, Run } from "../domain/model.ts";

const FONT = "Times New Roman";
const BLACK = "000000";
/** 1 mm in twentieths of a point. */
const MM = 1440 / 25.4;
const twips = (mm: number) => Math.ceil(mm * MM);
// NĐ 30/2020 Phụ lục I, mục II.2: A4 (210 × 297 mm) portrait; top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: twips(20), bottom: twips(20), left: twips(30), right: twips(15), header: twips(10), footer: twips(10) };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** NĐ 30/2020: first line of a paragraph indented 1–1.27 cm. */
const FIRST_LINE = twips(10);
/** Half-points. */
const PT = (pt: number) => pt * 2;
const SPACE_AFTER = 120; // 6 pt
const LINE = 276; // 1.15 lines: within "single to 1.5"

// Left: "BỘ THÔNG TIN VÀ TRUYỀN THÔNG" at 12 pt needs ~74 mm; right: the Quốc hiệu at 12 pt bold ~89 mm.
const HEADER_COLUMNS = [Math.round(TEXT_WIDTH * 0.455), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.455)] as const;
const CLOSING_COLUMNS = [Math.round(TEXT_WIDTH * 0.48), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.48)] as const;

type RunStyle = { bold?: boolean; italics?: boolean; size?: number; underline?: boolean; highlight?: boolean };

function run(text: string, s: RunStyle = {}): TextRun {
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
function centred(text: string, s: RunStyle, after = 0, before = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before, after, line: LINE }, children: [run(text, s)] });
}

/**
 * The short solid line under the issuing body and under the trích yếu (NĐ 30/2020: 1/3 to 1/2 of the text
 * above): a 1 pt empty paragraph with a bottom border, narrowed by indents, so it sits clear of the descenders.
 */
function rule(width: number, columnWidth: number, after = 0): Paragraph {
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

function cell(children: (Paragraph | Table)[], width: number, borders = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: borders ? undefined : TableBorders.NONE,
    margins: borders ? { top: 40, bottom: 40, left: 80, right: 80 } : { top: 0, bottom: 0, left: 0, right: 0 },
    verticalAlign: VerticalAlign.TOP,
    children: children.length > 0 ? children : [new Paragraph({})],
  });
}

function frameTable(rows: TableCell[][], columns: readonly number[]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [...columns],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: rows.map((cells) => new TableRow({ children: cells })),
  });
}

/** Issuing body (left) and Quốc hiệu, Tiêu ngữ (right); then Số (left) and place-date (right). */
function headerBlock(plan: DraftPlan): Table {
  const h = plan.header;
  const [left, right] = HEADER_COLUMNS;
  const leftTop = [
    ...(h.parentBody.trim() ? [centred(h.parentBody, { size: PT(12) })] : []),
    centred(h.issuingBody, { size: PT(12), bold: true }),
    rule(left / 3, left),
  ];
  const rightTop = [
    centred(h.nationalTitle, { size: PT(12), bold: true }),
    // The line under the Tiêu ngữ as long as the text: a single underline covers the words and the spaces.
    centred(h.motto, { size: PT(13), bold: true, underline: true }),
  ];
  return frameTable(
    [
      [cell(leftTop, left), cell(rightTop, right)],
      [cell([centred(h.number, { size: PT(13) }, 0, 120)], left), cell([centred(h.placeDate, { size: PT(14), italics: true }, 0, 120)], right)],
    ],
    HEADER_COLUMNS,
  );
}

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

/** The numbering is kept as written when the text does not already begin with it. */
function withNumbering(runs: Run[], numbering: string | undefined): Run[] {
  if (!numbering) return runs;
  if (plainText(runs).trimStart().startsWith(numbering.trim())) return runs;
  return [{ text: `${numbering.trim()} ` }, ...runs];
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

const GRID = { style: BorderStyle.SINGLE, size: 4, color: BLACK };
const GRID_BORDERS = { top: GRID, bottom: GRID, left: GRID, right: GRID, insideHorizontal: GRID, insideVertical: GRID };

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

function nodes(list: DraftNode[]): (Paragraph | Table)[] {
  return list.flatMap((n): (Paragraph | Table)[] => {
    if (n.kind === "paragraph") return [roleParagraph(n.role, n.text)];
    if (n.kind === "content") return contentBlocks(n.blocks);
    return [plainTable(n.header, n.rows)];
  });
}

/** Nơi nhận (left, 12 pt bold italic label, 11 pt list) beside the signer (right, bold capitals). */
function closingBlock(plan: DraftPlan): Table {
  const c = plan.closing;
  const [left, right] = CLOSING_COLUMNS;
  const small = (text: string, s: RunStyle) =>
    new Paragraph({ spacing: { after: 0, line: 240 }, children: [run(text, s)] });
  const recipients = [small(c.recipientsLabel, { bold: true, italics: true, size: PT(12) }), ...c.recipients.map((r) => small(r, { size: PT(11) }))];
  const signer = [
    ...(c.signer.authority.trim() ? [centred(c.signer.authority, { bold: true, size: PT(14) })] : []),
    centred(c.signer.title, { bold: true, size: PT(14) }),
    // Room for the signature and the seal.
    ...Array.from({ length: 4 }, () => centred("", { size: PT(14) })),
    ...(c.signer.name.trim() ? [centred(c.signer.name, { bold: true, size: PT(14) })] : []),
  ];
  return frameTable([[cell(recipients, left), cell(signer, right)]], CLOSING_COLUMNS);
}

function appendixBlock(a: DraftAppendix): (Paragraph | Table)[] {
  return [
    new Paragraph({
      pageBreakBefore: true,
      alignment: AlignmentType.CENTER,
      spacing: { after: 0 },
      children: [run(a.name, { bold: true })],
    }),
    centred(a.heading, { bold: true, size: PT(14) }),
    centred(a.note, { italics: true, size: PT(14) }),
    rule(TEXT_WIDTH / 5, TEXT_WIDTH, 240),
    ...nodes(a.body),
  ];
}

const fonts = { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT };
const headingStyle = { run: { font: fonts, size: PT(14), bold: true, color: BLACK }, paragraph: { spacing: { before: 120, after: SPACE_AFTER, line: LINE } } };

/** Renders the plan as a .docx (NĐ 30/2020 thể thức). */
export async function writeDraftDocx(plan: DraftPlan): Promise<Buffer> {
  const firstPage = [
    headerBlock(plan),
    centred(plan.docKind, { bold: true, size: PT(14) }, 0, 360),
    centred(plan.title, { bold: true, size: PT(14) }, 0),
    rule(TEXT_WIDTH / 5, TEXT_WIDTH, plan.updateNote ? 60 : 240),
    ...(plan.updateNote ? [centred(plan.updateNote, { italics: true, size: PT(14) }, 240)] : []),
  ];
  const attachments = [
    new Paragraph({ spacing: { before: 240, after: 0 }, children: [run(plan.attachments.label, { bold: true, italics: true, size: PT(12) })] }),
    ...plan.attachments.items.map((i) => new Paragraph({ spacing: { after: 0 }, children: [run(i, { size: PT(12) })] })),
  ];
  const doc = new Document({
    title: plan.title,
    creator: plan.header.issuingBody,
    description: `${plan.regime} ${plan.period.id} v${plan.version}`,
    styles: {
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
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: PAGE, margin: MARGIN },
        },
        headers: {
          default: new Header({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 0 }, children: [new TextRun({ children: [PageNumber.CURRENT], size: PT(14) })] })],
          }),
          first: new Header({ children: [new Paragraph({ spacing: { after: 0 } })] }),
        },
        children: [
          ...firstPage,
          ...nodes(plan.body),
          new Paragraph({ spacing: { after: 0 }, children: [] }),
          closingBlock(plan),
          ...attachments,
          ...plan.appendices.flatMap(appendixBlock),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
