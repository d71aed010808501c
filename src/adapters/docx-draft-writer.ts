/**
 * Writes a DraftPlan as .docx with the `docx` package, in the thể thức of Nghị định 30/2020/NĐ-CP, Phụ lục I:
 * A4 portrait, margins 20/20/30/15 mm, Times New Roman throughout, black, body 14 pt, ≥ 6 pt after paragraphs,
 * page numbers centred in the top margin from page 2. Layout decisions only; the content is the plan's.
 */
import {
  AlignmentType,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { DraftAppendix, DraftPlan } from "../domain/draft/index.ts";
import { nodes } from "./docx-draft-blocks.ts";
import {
  MARGIN,
  PAGE,
  PT,
  type RunStyle,
  TEXT_WIDTH,
  cell,
  centred,
  documentStyles,
  rule,
  run,
} from "./docx-draft-styles.ts";

// Left: "BỘ THÔNG TIN VÀ TRUYỀN THÔNG" at 12 pt needs ~74 mm; right: the Quốc hiệu at 12 pt bold ~89 mm.
const HEADER_COLUMNS = [Math.round(TEXT_WIDTH * 0.455), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.455)] as const;
const CLOSING_COLUMNS = [Math.round(TEXT_WIDTH * 0.48), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.48)] as const;

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
    styles: documentStyles(),
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
