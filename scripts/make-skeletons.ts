/**
 * Writes the unit report skeletons templates/skeletons/mau-bao-cao-<slug>.docx from src/domain/document/report-skeleton.ts.
 * Run after changing the texts: `npx tsx scripts/make-skeletons.ts [outDir]`, then commit the .docx files.
 * Layout per Nghị định 30/2020/NĐ-CP, Phụ lục I: A4 portrait, Times New Roman, Quốc hiệu and Tiêu ngữ top right.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  UnderlineType,
  WidthType,
} from "docx";
import { SKELETON_KINDS, reportSkeleton, type ReportSkeleton } from "../src/domain/document/index.ts";

const FONT = "Times New Roman";
const MM = 56.7; // twips per millimetre
// NĐ 30/2020 Phụ lục I: top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
const PAGE = { width: 11906, height: 16838, top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(30 * MM), right: Math.round(15 * MM) };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

interface Line {
  text: string;
  size?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  after?: number;
}

function line(l: Line): Paragraph {
  return new Paragraph({
    alignment: l.align ?? AlignmentType.CENTER,
    spacing: { before: 0, after: l.after ?? 0 },
    children: [
      new TextRun({
        text: l.text,
        font: FONT,
        size: (l.size ?? 14) * 2,
        bold: l.bold ?? false,
        italics: l.italic ?? false,
        ...(l.underline ? { underline: { type: UnderlineType.SINGLE } } : {}),
      }),
    ],
  });
}

function twoColumns(left: Paragraph[], right: Paragraph[], leftShare: number): Table {
  const leftWidth = Math.round(TEXT_WIDTH * leftShare);
  const cell = (children: Paragraph[], width: number) => new TableCell({ children, width: { size: width, type: WidthType.DXA } });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, TEXT_WIDTH - leftWidth],
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [cell(left, leftWidth), cell(right, TEXT_WIDTH - leftWidth)] })],
  });
}

function header(): Table {
  return twoColumns(
    [
      line({ text: "CỤC THÔNG TIN ĐỐI NGOẠI", size: 12 }),
      line({ text: "TÊN ĐƠN VỊ", size: 12, bold: true, underline: true }),
    ],
    [
      line({ text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size: 12, bold: true }),
      line({ text: "Độc lập - Tự do - Hạnh phúc", size: 13, bold: true, underline: true, after: 240 }),
      line({ text: "Hà Nội, ngày … tháng … năm 20…", size: 14, italic: true }),
    ],
    0.4,
  );
}

function signature(): Table {
  return twoColumns(
    [
      line({ text: "Nơi nhận:", size: 12, bold: true, italic: true, align: AlignmentType.LEFT }),
      line({ text: "- Văn phòng Cục (để tổng hợp);", size: 11, align: AlignmentType.LEFT }),
      line({ text: "- Lưu: đơn vị.", size: 11, align: AlignmentType.LEFT }),
    ],
    [
      line({ text: "LÃNH ĐẠO ĐƠN VỊ", size: 14, bold: true }),
      line({ text: "(Ký, ghi rõ họ tên)", size: 14, italic: true }),
    ],
    0.5,
  );
}

function body(text: string, italic = false): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { after: 120, line: 312 },
    indent: { firstLine: 567 },
    children: [new TextRun({ text, font: FONT, size: 28, italics: italic })],
  });
}

/** The .docx bytes of one skeleton. */
export async function buildSkeletonDocx(s: ReportSkeleton): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    header(),
    line({ text: "", after: 240 }),
    line({ text: "BÁO CÁO", size: 14, bold: true }),
    line({ text: s.title, size: 14, bold: true, after: 360 }),
    body(s.note, true),
  ];
  for (const section of s.sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: section.heading })] }));
    children.push(body(section.guidance, true));
    children.push(body(""));
  }
  children.push(line({ text: "", after: 240 }), signature());
  const doc = new Document({
    creator: "Văn phòng Cục Thông tin đối ngoại",
    title: `Mẫu báo cáo: ${s.title}`,
    description: "Mẫu báo cáo định kỳ của đơn vị (QT.VP.03)",
    styles: {
      default: {
        document: { run: { font: { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT }, size: 28, color: "000000" } },
        heading1: {
          run: { font: FONT, size: 28, bold: true, italics: false, color: "000000" },
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** Writes every skeleton into `outDir`; returns the written paths. */
export async function writeSkeletons(outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const kind of SKELETON_KINDS) {
    const s = reportSkeleton(kind);
    if (!s) continue;
    const file = path.join(outDir, s.fileName);
    writeFileSync(file, await buildSkeletonDocx(s));
    written.push(file);
  }
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const out = process.argv[2] ?? path.join(here, "..", "templates", "skeletons");
  for (const file of await writeSkeletons(out)) console.log(`wrote ${file}`);
}
