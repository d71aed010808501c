/**
 * Real documents from several producers, for the document reader tests: the `docx` npm package, LibreOffice
 * (HTML in Writer → .docx/.odt/.doc/.rtf/.pdf), pandoc (markdown → .docx) and a "Word-like" .docx written
 * with jszip the way Microsoft Word lays out its XML. Plus broken files: truncated, password-protected
 * (OLE2 EncryptedPackage), 0 bytes, an image-only PDF and a password-protected PDF.
 * soffice and pandoc are required (CI installs them): a missing tool throws, it never skips.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from "docx";
import JSZip from "jszip";
import { convertWithSoffice } from "../../src/adapters/office-convert.ts";

const run = promisify(execFile);

/** The sample weekly report every producer renders (Phòng Nghiệp vụ - Điều phối, tuần 47/2026). */
export const SAMPLE = {
  agency: "CỤC THÔNG TIN ĐỐI NGOẠI",
  unit: "PHÒNG NGHIỆP VỤ - ĐIỀU PHỐI",
  title: "Kết quả công tác tuần 47 và kế hoạch công tác tuần 48",
  results: "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ",
  resultItems: [
    "Tham mưu Lãnh đạo Cục ban hành Kế hoạch số 15/KH-TTĐN về thông tin đối ngoại năm 2027.",
    "Phối hợp với Bộ Ngoại giao tổ chức họp báo quốc tế ngày 18/11/2026.",
  ],
  difficulties: "Khó khăn, vướng mắc:",
  difficultiesText: "Nhân sự mỏng, một số nhiệm vụ phát sinh đột xuất.",
  proposals: "Kiến nghị, đề xuất",
  proposalsText: "Đề nghị Văn phòng bố trí kinh phí tổ chức tập huấn.",
  plan: "II. KẾ HOẠCH CÔNG TÁC TUẦN TỚI (từ 23/11 đến 27/11/2026)",
  planItems: ["Hoàn thiện dự thảo báo cáo tổng kết năm 2026.", "Chuẩn bị hội nghị giao ban thông tin đối ngoại."],
  table: [
    ["Nội dung", "Kết quả"],
    ["Tin bài đăng tải", "45 tin, bài"],
  ],
};

/** NFD form of a text, as some Mac and web producers write it. */
export const nfd = (s: string): string => s.normalize("NFD");

const memo = new Map<string, Promise<Buffer>>();
function cached(key: string, make: () => Promise<Buffer>): Promise<Buffer> {
  let p = memo.get(key);
  if (!p) {
    p = make();
    memo.set(key, p);
  }
  return p;
}

/** (a) The `docx` package: Heading 1 headings, a numbering config, a bullet list, bold runs, a table, NFD text. */
export function docxFromDocxLib(opts: { stamp?: string; omitPlan?: boolean; nfdItems?: boolean } = {}): Promise<Buffer> {
  return cached(`docxlib:${JSON.stringify(opts)}`, async () => {
    const item = (t: string): Paragraph =>
      new Paragraph({ text: opts.nfdItems ? nfd(t) : t, numbering: { reference: "so-thu-tu", level: 0 } });
    const children: (Paragraph | Table)[] = [
      ...(opts.stamp ? [new Paragraph({ children: [new TextRun({ text: opts.stamp, bold: true })] })] : []),
      new Paragraph({ children: [new TextRun({ text: SAMPLE.agency, bold: true })] }),
      new Paragraph({ children: [new TextRun({ text: SAMPLE.unit, bold: true })] }),
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: "BÁO CÁO", bold: true })] }),
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: SAMPLE.title, bold: true })] }),
      new Paragraph({ text: SAMPLE.results, heading: HeadingLevel.HEADING_1 }),
      ...SAMPLE.resultItems.map(item),
      new Table({
        rows: SAMPLE.table.map(
          (row) => new TableRow({ children: row.map((c) => new TableCell({ children: [new Paragraph(c)] })) }),
        ),
      }),
      new Paragraph({ children: [new TextRun({ text: nfd(SAMPLE.difficulties), bold: true })] }),
      new Paragraph({ text: SAMPLE.difficultiesText }),
      new Paragraph({ text: SAMPLE.proposals, heading: HeadingLevel.HEADING_2 }),
      new Paragraph({ children: [new TextRun({ text: SAMPLE.proposalsText, italics: true })] }),
      ...(opts.omitPlan
        ? []
        : [
            new Paragraph({ text: SAMPLE.plan, heading: HeadingLevel.HEADING_1 }),
            ...SAMPLE.planItems.map((t) => new Paragraph({ text: t, bullet: { level: 0 } })),
          ]),
      new Paragraph({ children: [new TextRun({ text: "Nơi nhận:", bold: true, italics: true })] }),
    ];
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: "so-thu-tu",
            levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.START }],
          },
        ],
      },
      sections: [{ children }],
    });
    return Packer.toBuffer(doc);
  });
}

/** The sample report as HTML, opened by LibreOffice Writer ("HTML (StarWriter)") for conversions. */
export function sampleHtml(opts: { stamp?: string; imageOnly?: boolean } = {}): string {
  const li = (xs: string[]): string => xs.map((x) => `<li>${x}</li>`).join("");
  const body = `
${opts.stamp ? `<p><b>${opts.stamp}</b></p>` : ""}
<p><b>${SAMPLE.agency}</b><br/><b>${SAMPLE.unit}</b></p>
<p align="center"><b>BÁO CÁO</b></p>
<p align="center"><b>${SAMPLE.title}</b></p>
<h1>${SAMPLE.results}</h1>
<ol>${li(SAMPLE.resultItems)}</ol>
<table border="1">${SAMPLE.table.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("")}</table>
<p><b>${SAMPLE.difficulties}</b></p>
<p>${SAMPLE.difficultiesText}</p>
<h2>${SAMPLE.proposals}</h2>
<p><i>${SAMPLE.proposalsText}</i></p>
<h1>${SAMPLE.plan}</h1>
<ul>${li(SAMPLE.planItems)}</ul>
<p><b><i>Nơi nhận:</i></b></p>`;
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Báo cáo</title></head><body>${body}</body></html>`;
}

/** (b) LibreOffice: the sample HTML converted to `format` ("docx", "odt", "doc", "rtf", "pdf"). */
export function viaLibreOffice(format: "docx" | "odt" | "doc" | "rtf" | "pdf", opts: { stamp?: string } = {}): Promise<Buffer> {
  return cached(`soffice:${format}:${JSON.stringify(opts)}`, () => sofficeConvert(Buffer.from(sampleHtml(opts)), "html", format));
}

/** Converts with soffice or throws a clear error (tests must fail, not skip, when LibreOffice is missing). */
export async function sofficeConvert(content: Buffer, fromExt: string, to: string): Promise<Buffer> {
  const inFilter = fromExt === "html" ? "HTML (StarWriter)" : undefined;
  const out = await convertWithSoffice(content, fromExt, to, { timeoutMs: 120_000, ...(inFilter ? { inFilter } : {}) });
  if (!out.ok) throw new Error(`LibreOffice (soffice) is required for this fixture: ${out.error}`);
  return out.output;
}

/** The sample report as pandoc markdown. */
export function sampleMarkdown(): string {
  return [
    `**${SAMPLE.agency}**`,
    "",
    "**BÁO CÁO**",
    "",
    `**${SAMPLE.title}**`,
    "",
    `# ${SAMPLE.results}`,
    "",
    ...SAMPLE.resultItems.map((t, i) => `${i + 1}. ${t}`),
    "",
    `| ${SAMPLE.table[0]!.join(" | ")} |`,
    "|---|---|",
    `| ${SAMPLE.table[1]!.join(" | ")} |`,
    "",
    `**${SAMPLE.difficulties}**`,
    "",
    SAMPLE.difficultiesText,
    "",
    `## ${SAMPLE.proposals}`,
    "",
    `*${SAMPLE.proposalsText}*`,
    "",
    `# ${SAMPLE.plan}`,
    "",
    ...SAMPLE.planItems.map((t) => `- ${t}`),
    "",
  ].join("\n");
}

/** (c) pandoc: markdown → .docx. */
export function viaPandoc(markdown = sampleMarkdown()): Promise<Buffer> {
  return cached(`pandoc:${markdown}`, async () => {
    const dir = await mkdtemp(join(tmpdir(), "fixture-pandoc-"));
    try {
      await writeFile(join(dir, "in.md"), markdown);
      await run("pandoc", ["-f", "markdown", "-t", "docx", "-o", join(dir, "out.docx"), join(dir, "in.md")]).catch((err: Error) => {
        throw new Error(`pandoc is required for this fixture: ${err.message}`);
      });
      return await readFile(join(dir, "out.docx"));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}

// ---- (d) a .docx laid out as Microsoft Word writes it ------------------------------------------------

const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export interface WRun {
  t: string;
  b?: boolean;
  /** Writes `<w:b w:val="0"/>`: explicitly not bold. */
  notBold?: boolean;
  i?: boolean;
  u?: boolean;
  /** `w:rFonts` of the run (ascii and hAnsi), e.g. ".VnTime" or "VNI-Times" for a legacy Vietnamese document. */
  font?: string;
}
export interface WPara {
  style?: string;
  /** `w:numPr`: numbering instance and level. */
  num?: { id: number; ilvl: number };
  center?: boolean;
  runs: WRun[];
}
export type WBlock = WPara | { table: WPara[][][] };

const rXml = (r: WRun): string => {
  const props = [
    r.font ? `<w:rFonts w:ascii="${r.font}" w:hAnsi="${r.font}"/>` : "",
    r.b ? "<w:b/><w:bCs/>" : "",
    r.notBold ? '<w:b w:val="0"/>' : "",
    r.i ? "<w:i/>" : "",
    r.u ? '<w:u w:val="single"/>' : "",
  ].join("");
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ""}<w:t xml:space="preserve">${esc(r.t)}</w:t></w:r>`;
};
const pXml = (p: WPara): string => {
  const props = [
    p.style ? `<w:pStyle w:val="${p.style}"/>` : "",
    p.num ? `<w:numPr><w:ilvl w:val="${p.num.ilvl}"/><w:numId w:val="${p.num.id}"/></w:numPr>` : "",
    p.center ? '<w:jc w:val="center"/>' : "",
  ].join("");
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ""}${p.runs.map(rXml).join("")}</w:p>`;
};
const bXml = (b: WBlock): string =>
  "table" in b
    ? `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${b.table
        .map((row) => `<w:tr>${row.map((cell) => `<w:tc><w:tcPr><w:tcW w:w="4500" w:type="dxa"/></w:tcPr>${(cell.length ? cell : [{ runs: [] }]).map(pXml).join("")}</w:tc>`).join("")}</w:tr>`)
        .join("")}</w:tbl>`
    : pXml(b);

const styles = (font: string): string => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W_NS}">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:rFonts w:ascii="${font}" w:hAnsi="${font}"/><w:sz w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Tiu2"><w:name w:val="Tiêu đề 2"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:i/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="720"/></w:pPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/></w:style>
</w:styles>`;

const lvl = (ilvl: number, fmt: string, text: string): string =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="${720 * (ilvl + 1)}" w:hanging="360"/></w:pPr></w:lvl>`;
const NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="${W_NS}">
<w:abstractNum w:abstractNumId="0">${lvl(0, "decimal", "%1.")}${lvl(1, "lowerLetter", "%2)")}</w:abstractNum>
<w:abstractNum w:abstractNumId="1">${lvl(0, "upperRoman", "%1.")}</w:abstractNum>
<w:abstractNum w:abstractNumId="2">${lvl(0, "bullet", "-")}</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>`;

/** Numbering instances of the Word-like file: 1 = "1." / "a)", 2 = "I.", 3 = bullet "-". */
export const WORD_NUM = { decimal: 1, roman: 2, bullet: 3 } as const;

/**
 * Packs blocks into a .docx with Word's parts: content types, relationships, styles, numbering. `normalFont` is the
 * Normal style's font (default Times New Roman), the one every run without a font of its own shows in.
 */
export async function wordLikeDocx(blocks: WBlock[], opts: { normalFont?: string } = {}): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    "word/_rels/document.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`,
  );
  zip.file("word/styles.xml", styles(opts.normalFont ?? "Times New Roman"));
  zip.file("word/numbering.xml", NUMBERING);
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${blocks.map(bXml).join("")}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>`,
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

const p = (t: string, extra: Partial<WPara> = {}): WPara => ({ runs: [{ t }], ...extra });

/** The sample report as a Word user types it: header table, Word-numbered headings, a localised style, split bold runs. */
export function wordLikeReport(opts: { stamp?: string; omitResults?: boolean } = {}): Promise<Buffer> {
  return cached(`word:${JSON.stringify(opts)}`, () =>
    wordLikeDocx([
      {
        table: [
          [
            [p(SAMPLE.agency, { center: true, runs: [{ t: SAMPLE.agency }] }), { center: true, runs: [{ t: SAMPLE.unit, b: true }] }],
            [
              { center: true, runs: [{ t: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b: true }] },
              { center: true, runs: [{ t: "Độc lập - Tự do - Hạnh phúc", b: true }] },
              ...(opts.stamp ? [{ center: true, runs: [{ t: opts.stamp, b: true }] }] : []),
            ],
          ],
        ],
      },
      p("Hà Nội, ngày 19 tháng 11 năm 2026", { runs: [{ t: "Hà Nội, ngày 19 tháng 11 năm 2026", i: true }] }),
      { center: true, runs: [{ t: "BÁO CÁO", b: true }] },
      { center: true, runs: [{ t: SAMPLE.title, b: true }] },
      ...(opts.omitResults
        ? []
        : [
            { style: "Heading1", num: { id: WORD_NUM.roman, ilvl: 0 }, runs: [{ t: "KẾT QUẢ THỰC HIỆN NHIỆM VỤ" }] },
            ...SAMPLE.resultItems.map((t) => ({ style: "ListParagraph", num: { id: WORD_NUM.decimal, ilvl: 0 }, runs: [{ t }] })),
            { num: { id: WORD_NUM.decimal, ilvl: 1 }, runs: [{ t: "Đăng tải 45 tin, bài trên Cổng thông tin." }] },
          ]),
      { runs: [{ t: "Khó khăn, ", b: true }, { t: "vướng mắc:", b: true }] },
      { runs: [{ t: "Không có.", notBold: true }] },
      { style: "Tiu2", runs: [{ t: SAMPLE.proposals }] },
      { runs: [{ t: SAMPLE.proposalsText, u: true }] },
      { style: "Heading1", num: { id: WORD_NUM.roman, ilvl: 0 }, runs: [{ t: "KẾ HOẠCH CÔNG TÁC TUẦN TỚI" }] },
      ...SAMPLE.planItems.map((t) => ({ num: { id: WORD_NUM.bullet, ilvl: 0 }, runs: [{ t }] })),
      {
        table: [
          [
            [{ runs: [{ t: "Nơi nhận:", b: true, i: true }] }, p("- Văn phòng Cục;"), p("- Lưu: VT.")],
            [{ center: true, runs: [{ t: "TRƯỞNG PHÒNG", b: true }] }],
          ],
        ],
      },
    ]),
  );
}

// ---- broken and unusual files -------------------------------------------------------------------------

/** The first half of a valid .docx (a download cut short). */
export async function truncatedDocx(): Promise<Buffer> {
  const full = await docxFromDocxLib();
  return full.subarray(0, Math.floor(full.length / 2));
}

/**
 * An OLE2 compound file as Word writes a password-protected .docx (MS-OFFCRYPTO §2.3.4.1): header sector,
 * then a directory sector naming "EncryptionInfo" and "EncryptedPackage". The streams hold random bytes.
 */
export function encryptedOfficeFile(): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3 (512-byte sectors)
  header.writeUInt16LE(0xfffe, 28); // little-endian byte order mark
  header.writeUInt16LE(9, 30); // sector shift
  header.writeUInt16LE(6, 32); // mini sector shift
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(0xfffffffe, 60);
  header.writeUInt32LE(0xfffffffe, 68);
  header.writeUInt32LE(0, 76); // DIFAT[0] = sector 0
  for (let i = 80; i < 512; i += 4) header.writeUInt32LE(0xffffffff, i);
  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0);
  fat.writeUInt32LE(0xfffffffe, 4);
  const dir = Buffer.alloc(512);
  ["Root Entry", "EncryptionInfo", "EncryptedPackage"].forEach((name, i) => {
    const at = i * 128;
    dir.write(name, at, "utf16le");
    dir.writeUInt16LE((name.length + 1) * 2, at + 64);
    dir.writeUInt8(i === 0 ? 5 : 2, at + 66);
  });
  const payload = Buffer.alloc(1024);
  for (let i = 0; i < payload.length; i++) payload[i] = (i * 7919 + 13) & 0xff;
  return Buffer.concat([header, fat, dir, payload]);
}

/** A one-page PDF holding only an image (a scan): no text layer. Offsets computed for a valid xref. */
export function imageOnlyPdf(): Buffer {
  const content = "q 495 0 0 700 50 70 cm /Im1 Do Q\n";
  const pixels = Buffer.from([0x20, 0xe0, 0xe0, 0x20]).toString("latin1");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
    `<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n${pixels}\nendstream`,
    `<< /Length ${content.length} >>\nstream\n${content}endstream`,
  ];
  let out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/** The sample report as a PDF that needs a password to open (LibreOffice's PDF export with EncryptFile). */
export function passwordPdf(): Promise<Buffer> {
  return cached("pdf:password", () =>
    sofficeConvert(
      Buffer.from(sampleHtml()),
      "html",
      'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"matkhau"}}',
    ),
  );
}
