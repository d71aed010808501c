/**
 * Units' reports for integration tests, written by several real producers (the `docx` package, a Word-like
 * package, pandoc, LibreOffice) with the heading styles seen in practice.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import { sofficeConvert, wordLikeDocx, WORD_NUM, type WBlock } from "./docx-fixtures.ts";

const run = promisify(execFile);

export type Producer = "docx" | "word" | "pandoc" | "libreoffice";
export type HeadingStyle = "heading" | "bold" | "numbered" | "caps";

export interface ReportSection {
  heading: string;
  items: string[];
  /** A small table after the items (rows of cells). */
  table?: string[][];
}

export interface ReportSpec {
  /** Header block lines, e.g. ["CỤC THÔNG TIN ĐỐI NGOẠI", "PHÒNG NGHIỆP VỤ - ĐIỀU PHỐI"]. */
  header: string[];
  /** Title under "BÁO CÁO", e.g. "Kết quả công tác tuần 47 và kế hoạch công tác tuần 48". */
  title: string;
  sections: ReportSection[];
  producer: Producer;
  style?: HeadingStyle;
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI"];
const headingText = (spec: ReportSpec, i: number, h: string) =>
  spec.style === "numbered" ? `${ROMAN[i]}. ${h}` : spec.style === "caps" ? h.toLocaleUpperCase("vi") : h;

async function viaDocxLib(spec: ReportSpec): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    ...spec.header.map((h) => new Paragraph({ children: [new TextRun({ text: h, bold: true })] })),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: "BÁO CÁO", bold: true })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: spec.title, bold: true })] }),
  ];
  spec.sections.forEach((s, i) => {
    const text = headingText(spec, i, s.heading);
    children.push(
      spec.style === "bold" || spec.style === "caps" || spec.style === "numbered"
        ? new Paragraph({ children: [new TextRun({ text, bold: true })] })
        : new Paragraph({ text, heading: HeadingLevel.HEADING_1 }),
    );
    for (const item of s.items) children.push(new Paragraph({ text: item, bullet: { level: 0 } }));
    if (s.table) {
      children.push(new Table({ rows: s.table.map((row) => new TableRow({ children: row.map((c) => new TableCell({ children: [new Paragraph(c)] })) })) }));
    }
  });
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

async function viaWord(spec: ReportSpec): Promise<Buffer> {
  const blocks: WBlock[] = [
    ...spec.header.map((h) => ({ center: true, runs: [{ t: h, b: true }] })),
    { center: true, runs: [{ t: "BÁO CÁO", b: true }] },
    { center: true, runs: [{ t: spec.title, b: true }] },
  ];
  spec.sections.forEach((s, i) => {
    if (spec.style === "numbered") blocks.push({ num: { id: WORD_NUM.roman, ilvl: 0 }, runs: [{ t: s.heading, b: true }] });
    else if (spec.style === "heading" || spec.style === undefined) blocks.push({ style: "Heading1", runs: [{ t: s.heading }] });
    else blocks.push({ runs: [{ t: headingText(spec, i, s.heading), b: true }] });
    for (const item of s.items) blocks.push({ num: { id: WORD_NUM.bullet, ilvl: 0 }, runs: [{ t: item }] });
    if (s.table) blocks.push({ table: s.table.map((row) => row.map((c) => [{ runs: [{ t: c }] }])) });
  });
  return wordLikeDocx(blocks);
}

function markdown(spec: ReportSpec): string {
  const lines = [...spec.header.map((h) => `**${h}**\n`), "**BÁO CÁO**\n", `**${spec.title}**\n`];
  spec.sections.forEach((s, i) => {
    const text = headingText(spec, i, s.heading);
    lines.push(spec.style === "bold" || spec.style === "caps" ? `**${text}**\n` : `# ${text}\n`);
    for (const item of s.items) lines.push(`- ${item}`);
    lines.push("");
    if (s.table) {
      const [head, ...rest] = s.table;
      lines.push(`| ${head!.join(" | ")} |`, `|${head!.map(() => "---").join("|")}|`, ...rest.map((r) => `| ${r.join(" | ")} |`), "");
    }
  });
  return lines.join("\n");
}

async function viaPandocMd(spec: ReportSpec): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), "report-pandoc-"));
  try {
    await writeFile(join(dir, "in.md"), markdown(spec));
    await run("pandoc", ["-f", "markdown", "-t", "docx", "-o", join(dir, "out.docx"), join(dir, "in.md")]);
    return await readFile(join(dir, "out.docx"));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function html(spec: ReportSpec): string {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const parts = [...spec.header.map((h) => `<p><b>${esc(h)}</b></p>`), `<p align="center"><b>BÁO CÁO</b></p>`, `<p align="center"><b>${esc(spec.title)}</b></p>`];
  spec.sections.forEach((s, i) => {
    const text = esc(headingText(spec, i, s.heading));
    parts.push(spec.style === "bold" || spec.style === "caps" || spec.style === "numbered" ? `<p><b>${text}</b></p>` : `<h1>${text}</h1>`);
    parts.push(`<ul>${s.items.map((x) => `<li>${esc(x)}</li>`).join("")}</ul>`);
    if (s.table) parts.push(`<table border="1">${s.table.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`).join("")}</table>`);
  });
  return `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${parts.join("\n")}</body></html>`;
}

export async function reportDocx(spec: ReportSpec): Promise<Buffer> {
  switch (spec.producer) {
    case "docx":
      return viaDocxLib(spec);
    case "word":
      return viaWord(spec);
    case "pandoc":
      return viaPandocMd(spec);
    case "libreoffice":
      return sofficeConvert(Buffer.from(html(spec)), "html", "docx");
  }
}

/** The four sections of a QT.VP.03 report with typical content; `omit` drops some by id. */
export function qtvp03Sections(opts: { next: string; omit?: string[]; headings?: Partial<Record<string, string>> } = { next: "tuần tới" }): (ReportSection & { id: string })[] {
  const all = [
    { id: "ket_qua", heading: opts.headings?.ket_qua ?? "Kết quả thực hiện nhiệm vụ", items: ["Tham mưu triển khai Kế hoạch số 15/KH-TTĐN về thông tin đối ngoại.", "Tổ chức họp báo quốc tế ngày 18/11/2026."], table: [["Nội dung", "Kết quả"], ["Tin, bài", "45"]] },
    { id: "kho_khan", heading: opts.headings?.kho_khan ?? "Khó khăn, vướng mắc", items: ["Nhân sự mỏng, nhiều nhiệm vụ đột xuất."] },
    { id: "kien_nghi", heading: opts.headings?.kien_nghi ?? "Kiến nghị, đề xuất", items: ["Đề nghị bố trí kinh phí tập huấn."] },
    { id: "ke_hoach", heading: opts.headings?.ke_hoach ?? `Kế hoạch công tác ${opts.next}`, items: ["Hoàn thiện dự thảo báo cáo tổng kết năm.", "Chuẩn bị hội nghị giao ban."] },
  ];
  return all.filter((s) => !opts.omit?.includes(s.id));
}
