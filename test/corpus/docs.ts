/**
 * The corpus's own document model and its renderers (one report → Word-like .docx, `docx` library .docx,
 * HTML for LibreOffice, pandoc markdown, plain text, Outlook HTML, Gmail HTML), plus the annex files
 * (.xlsx, .pptx, .zip, .jpg, .png). Headings and titles are written per mail in build.ts, from
 * ../../../shared/research/report-headings.md and QT.VP.03's "Mẫu báo cáo" — never from the code's lists.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun } from "docx";
import JSZip from "jszip";
import { sofficeConvert, WORD_NUM, wordLikeDocx, type WBlock, type WPara } from "../support/docx-fixtures.ts";

export type UnitId = "nvdp" | "ttdn" | "ttbc" | "vp";
export type SectionId = "ket_qua" | "kho_khan" | "kien_nghi" | "ke_hoach" | "context";

export interface Sub {
  h: string;
  items: string[];
}
export interface Section {
  /** The heading exactly as the unit writes it (numbering included). */
  h: string;
  /** What an officer reads it as (documentation only; the renderers do not use it). */
  id: SectionId;
  /** Paragraphs (rendered as "- " lines unless `prose`). */
  items: string[];
  subs?: Sub[];
  prose?: boolean;
}
export interface Doc {
  unit: UnitId;
  /** Agency/unit block and Quốc hiệu at the top. */
  header?: boolean;
  number?: string;
  /** "Hà Nội, ngày 18 tháng 11 năm 2026" */
  dateLine?: string;
  /** Title block lines, e.g. ["BÁO CÁO", "Kết quả công tác tuần 47, kế hoạch công tác tuần 48"]. */
  title: string[];
  intro?: string;
  sections: Section[];
  /** Signature block. */
  closing?: boolean;
}

export const UNIT: Record<UnitId, { address: string; name: string; upper: string; abbr: string; people: [string, string]; signer: string }> = {
  nvdp: { address: "nvdp@cuc.example.vn", name: "Phòng Nghiệp vụ - Điều phối", upper: "PHÒNG NGHIỆP VỤ - ĐIỀU PHỐI", abbr: "NVĐP", people: ["Nguyễn Văn An", "Lê Thị Minh Nguyệt"], signer: "TRƯỞNG PHÒNG" },
  ttdn: { address: "ttdn@cuc.example.vn", name: "Phòng Truyền thông đối ngoại", upper: "PHÒNG TRUYỀN THÔNG ĐỐI NGOẠI", abbr: "TTĐN", people: ["Phạm Minh Đức", "Hoàng Thu Hà"], signer: "TRƯỞNG PHÒNG" },
  ttbc: { address: "ttbc@cuc.example.vn", name: "Trung tâm Báo chí và Hợp tác truyền thông quốc tế", upper: "TRUNG TÂM BÁO CHÍ VÀ HỢP TÁC TRUYỀN THÔNG QUỐC TẾ", abbr: "TTBC", people: ["Trần Thị Hoà", "Đỗ Quang Huy"], signer: "GIÁM ĐỐC" },
  vp: { address: "vp@cuc.example.vn", name: "Văn phòng", upper: "VĂN PHÒNG", abbr: "VP", people: ["Vũ Thị Lan", "Ngô Đức Thắng"], signer: "CHÁNH VĂN PHÒNG" },
};

/** What each unit did (results), by the fields of work of QT.VP.03 §10 I.1–9. */
export const RESULTS: Record<UnitId, string[]> = {
  nvdp: [
    "Tham mưu Lãnh đạo Cục ban hành 02 văn bản hướng dẫn các địa phương triển khai công tác thông tin đối ngoại.",
    "Thẩm định kế hoạch thông tin đối ngoại của 05 tỉnh, thành phố; góp ý dự thảo Chương trình phối hợp với Bộ Ngoại giao.",
    "Theo dõi, tổng hợp thông tin về nhân quyền, biển đảo, biên giới; chuẩn bị tài liệu phục vụ đối thoại nhân quyền.",
    "Phối hợp tổ chức lớp tập huấn nghiệp vụ thông tin đối ngoại cho cán bộ các sở, ngành khu vực miền Trung.",
    "Cập nhật cơ sở dữ liệu về thông tin đối ngoại của các bộ, ngành, địa phương.",
  ],
  ttdn: [
    "Tổng hợp, cung cấp 12 bản tin định hướng tuyên truyền đối ngoại cho các cơ quan báo chí.",
    "Quản lý, vận hành Cổng thông tin điện tử về thông tin đối ngoại; đăng tải 86 tin, bài bằng tiếng Việt và tiếng Anh.",
    "Phối hợp sản xuất 03 phóng sự quảng bá hình ảnh đất nước, con người Việt Nam.",
    "Theo dõi dư luận báo chí nước ngoài về Việt Nam, báo cáo nhanh Lãnh đạo Cục các vấn đề nổi lên.",
    "Triển khai chương trình truyền thông trên mạng xã hội nhân dịp các sự kiện đối ngoại lớn.",
  ],
  ttbc: [
    "Tổ chức 02 cuộc họp báo quốc tế, hỗ trợ 18 phóng viên nước ngoài tác nghiệp tại Việt Nam.",
    "Đón và làm việc với đoàn nhà báo quốc tế; bố trí lịch làm việc với các bộ, ngành liên quan.",
    "Thúc đẩy thông tin đối ngoại trên báo chí; phối hợp các cơ quan báo chí đăng tải 35 tin, bài.",
    "Hướng dẫn hoạt động cho phóng viên nước ngoài theo quy định.",
    "Chuẩn bị nội dung hợp tác truyền thông với các đối tác quốc tế.",
  ],
  vp: [
    "Công tác tổ chức, nhân sự: hoàn thiện hồ sơ nâng lương, bổ nhiệm theo quy định.",
    "Công tác thi đua khen thưởng: tổng hợp hồ sơ đề nghị khen thưởng của các đơn vị.",
    "Công tác hành chính, văn thư: tiếp nhận 146 văn bản đến, phát hành 62 văn bản đi.",
    "Công tác đoàn thể: phối hợp Công đoàn tổ chức hoạt động cho đoàn viên.",
    "Tổng hợp báo cáo định kỳ của các đơn vị, trình Lãnh đạo Cục ký ban hành đúng thời hạn.",
  ],
};

export const PLANS: Record<UnitId, string[]> = {
  nvdp: [
    "Hoàn thiện dự thảo hướng dẫn xây dựng kế hoạch thông tin đối ngoại của các địa phương.",
    "Tổ chức kiểm tra công tác thông tin đối ngoại tại 02 tỉnh.",
    "Chuẩn bị nội dung làm việc với Bộ Ngoại giao về phối hợp thông tin đối ngoại.",
  ],
  ttdn: [
    "Xây dựng, cung cấp bản tin định hướng tuyên truyền đối ngoại.",
    "Nâng cấp giao diện Cổng thông tin điện tử về thông tin đối ngoại.",
    "Triển khai chương trình quảng bá hình ảnh quốc gia trên mạng xã hội.",
  ],
  ttbc: [
    "Tổ chức họp báo quốc tế về các sự kiện đối ngoại lớn.",
    "Đón đoàn phóng viên nước ngoài theo chương trình hợp tác.",
    "Hoàn thiện đề án hợp tác truyền thông quốc tế.",
  ],
  vp: [
    "Tổng hợp báo cáo, xây dựng chương trình công tác của Cục.",
    "Chuẩn bị các điều kiện tổ chức hội nghị của Cục.",
    "Rà soát hồ sơ thi đua khen thưởng, trình Hội đồng xét duyệt.",
  ],
};

export const DIFFICULTIES = [
  "Một số nhiệm vụ phát sinh đột xuất nên tiến độ xây dựng đề án còn chậm.",
  "Nhân lực của đơn vị còn mỏng so với khối lượng công việc.",
  "Kinh phí cho hoạt động tuyên truyền đối ngoại còn hạn chế.",
];
export const PROPOSALS = [
  "Đề nghị Lãnh đạo Cục xem xét bổ sung 01 biên chế cho đơn vị.",
  "Đề nghị Văn phòng sớm bố trí kinh phí tổ chức các hoạt động đã được phê duyệt.",
];

// ---- plain lines -----------------------------------------------------------------------------------------

export type Line = { k: "org" | "title" | "date" | "h1" | "h2" | "p" | "li" | "sign"; t: string };

export function lines(doc: Doc): Line[] {
  const u = UNIT[doc.unit];
  const out: Line[] = [];
  if (doc.header) {
    out.push({ k: "org", t: "CỤC THÔNG TIN ĐỐI NGOẠI" }, { k: "org", t: u.upper });
    if (doc.number) out.push({ k: "org", t: doc.number });
    out.push({ k: "org", t: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" }, { k: "org", t: "Độc lập - Tự do - Hạnh phúc" });
  }
  if (doc.dateLine) out.push({ k: "date", t: doc.dateLine });
  for (const t of doc.title) out.push({ k: "title", t });
  if (doc.intro) out.push({ k: "p", t: doc.intro });
  for (const s of doc.sections) {
    out.push({ k: "h1", t: s.h });
    for (const it of s.items) out.push({ k: s.prose ? "p" : "li", t: it });
    for (const sub of s.subs ?? []) {
      out.push({ k: "h2", t: sub.h });
      for (const it of sub.items) out.push({ k: "li", t: it });
    }
  }
  if (doc.closing) out.push({ k: "sign", t: u.signer }, { k: "sign", t: u.people[0] });
  return out;
}

/** Plain text, as typed into a mail body. */
export function toText(doc: Doc, opts: { bullet?: string; blankBeforeHeadings?: boolean } = {}): string {
  const bullet = opts.bullet ?? "- ";
  const out: string[] = [];
  for (const l of lines(doc)) {
    if (l.k === "h1" && opts.blankBeforeHeadings !== false) out.push("");
    out.push(l.k === "li" ? bullet + l.t : l.t);
  }
  return out.join("\n").replace(/^\n+/, "");
}

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** HTML for LibreOffice's Writer import: centred bold title block, bold or <h1>/<h2> headings. */
export function toHtml(doc: Doc, opts: { headings?: "b" | "h" } = {}): string {
  const body = lines(doc)
    .map((l) => {
      switch (l.k) {
        case "org":
        case "date":
          return `<p align="center">${esc(l.t)}</p>`;
        case "title":
          return `<p align="center"><b>${esc(l.t)}</b></p>`;
        case "h1":
          return opts.headings === "h" ? `<h2>${esc(l.t)}</h2>` : `<p><b>${esc(l.t)}</b></p>`;
        case "h2":
          return opts.headings === "h" ? `<h3>${esc(l.t)}</h3>` : `<p><b><i>${esc(l.t)}</i></b></p>`;
        case "li":
          return `<p>- ${esc(l.t)}</p>`;
        case "sign":
          return `<p align="right"><b>${esc(l.t)}</b></p>`;
        default:
          return `<p>${esc(l.t)}</p>`;
      }
    })
    .join("\n");
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{font-family:'Times New Roman';font-size:14pt}</style></head><body>\n${body}\n</body></html>`;
}

/** Pandoc markdown: ATX headings for sections, bold sub-headings, "-" lists; literal numbers escaped. */
export function toMarkdown(doc: Doc, opts: { headings?: "atx" | "bold" } = {}): string {
  const lit = (s: string): string => s.replace(/^(\d+|[IVXivx]+|[A-Za-z])([.)/])/, "$1\\$2").replace(/^([*+-]) /, "\\$1 ");
  return lines(doc)
    .map((l) => {
      switch (l.k) {
        case "title":
          return `**${l.t}**`;
        case "h1":
          return opts.headings === "bold" ? `**${lit(l.t)}**` : `## ${l.t}`;
        case "h2":
          return `***${lit(l.t)}***`;
        case "li":
          return `- ${l.t}`;
        default:
          return lit(l.t);
      }
    })
    .join("\n\n");
}

/** Outlook 2016 HTML body: MsoNormal paragraphs, <b> headings, <o:p> spacers. */
export function toOutlookHtml(pre: string[], doc: Doc | null, post: string[]): string {
  const p = (inner: string): string => `<p class="MsoNormal">${inner}<o:p></o:p></p>`;
  const parts: string[] = pre.map((t) => (t ? p(esc(t)) : p("&nbsp;")));
  if (doc) {
    for (const l of lines(doc)) {
      if (l.k === "h1") parts.push(p("&nbsp;"), p(`<b>${esc(l.t)}</b>`));
      else if (l.k === "h2") parts.push(p(`<b><i>${esc(l.t)}</i></b>`));
      else if (l.k === "title") parts.push(`<p class="MsoNormal" align="center" style="text-align:center"><b>${esc(l.t)}</b><o:p></o:p></p>`);
      else if (l.k === "li") parts.push(`<p class="MsoNormal" style="margin-left:18.0pt">- ${esc(l.t)}<o:p></o:p></p>`);
      else parts.push(p(esc(l.t)));
    }
  }
  parts.push(p("&nbsp;"), ...post.map((t) => (t ? p(esc(t)) : p("&nbsp;"))));
  return `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><meta name="Generator" content="Microsoft Word 15 (filtered medium)"><style><!--p.MsoNormal{margin:0cm;font-size:11.0pt;font-family:"Calibri",sans-serif;}--></style></head>\n<body lang="EN-US" link="#0563C1" vlink="#954F72"><div class="WordSection1">\n${parts.join("\n")}\n</div></body></html>`;
}

/** Gmail HTML body: <div dir="ltr">, one <div> per line, <b> headings, <br> for blank lines. */
export function toGmailHtml(pre: string[], doc: Doc | null, post: string[]): string {
  const d = (inner: string): string => `<div>${inner}</div>`;
  const parts: string[] = pre.map((t) => (t ? d(esc(t)) : d("<br>")));
  if (doc) {
    for (const l of lines(doc)) {
      if (l.k === "h1") parts.push(d("<br>"), d(`<b>${esc(l.t)}</b>`));
      else if (l.k === "h2") parts.push(d(`<i>${esc(l.t)}</i>`));
      else if (l.k === "title") parts.push(`<div style="text-align:center"><b>${esc(l.t)}</b></div>`);
      else if (l.k === "li") parts.push(d(`- ${esc(l.t)}`));
      else parts.push(d(esc(l.t)));
    }
  }
  parts.push(d("<br>"), ...post.map((t) => (t ? d(esc(t)) : d("<br>"))));
  return `<div dir="ltr">${parts.join("")}</div>\r\n`;
}

// ---- .docx -----------------------------------------------------------------------------------------------

const NUM_TOKEN = /^(?:[IVX]+|\d+)[.\-/]\s*/;

/**
 * A Word-like .docx. `auto`: top-level headings carry Word's automatic numbering instead of a typed number
 * ("roman" → I., II. from numbering.xml; "decimal" → 1., 2.), the typed token being removed from the text;
 * bullets are Word's "-" list. `headingStyle`: Heading1, the localised "Tiêu đề 2" style, or bold runs only.
 */
export function toWordLike(doc: Doc, opts: { auto?: "roman" | "decimal"; headingStyle?: "Heading1" | "Tiu2" | "bold"; splitRuns?: boolean } = {}): Promise<Buffer> {
  const blocks: WBlock[] = [];
  const u = UNIT[doc.unit];
  if (doc.header) {
    blocks.push({
      table: [
        [
          [{ center: true, runs: [{ t: "CỤC THÔNG TIN ĐỐI NGOẠI" }] }, { center: true, runs: [{ t: u.upper, b: true }] }, ...(doc.number ? [{ center: true, runs: [{ t: doc.number }] }] : [])],
          [{ center: true, runs: [{ t: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b: true }] }, { center: true, runs: [{ t: "Độc lập - Tự do - Hạnh phúc", b: true }] }, ...(doc.dateLine ? [{ center: true, runs: [{ t: doc.dateLine, i: true }] }] : [])],
        ],
      ],
    });
  } else if (doc.dateLine) blocks.push({ center: true, runs: [{ t: doc.dateLine, i: true }] });
  for (const t of doc.title) blocks.push({ center: true, runs: [{ t, b: true }] });
  if (doc.intro) blocks.push({ runs: [{ t: doc.intro }] });
  const style = opts.headingStyle ?? "Heading1";
  for (const s of doc.sections) {
    const text = opts.auto ? s.h.replace(NUM_TOKEN, "") : s.h;
    const para: WPara = { runs: [] };
    if (style !== "bold") para.style = style;
    if (opts.auto) para.num = { id: opts.auto === "roman" ? WORD_NUM.roman : WORD_NUM.decimal, ilvl: 0 };
    // Word splits runs where the user edited: "KẾT QUẢ " + "THỰC HIỆN…"
    const cut = opts.splitRuns ? text.indexOf(" ", Math.min(8, text.length - 1)) : -1;
    para.runs = cut > 0 ? [{ t: text.slice(0, cut + 1), b: true }, { t: text.slice(cut + 1), b: true }] : [{ t: text, b: true }];
    blocks.push(para);
    for (const it of s.items) blocks.push(s.prose ? { runs: [{ t: it }] } : { style: "ListParagraph", num: { id: WORD_NUM.bullet, ilvl: 0 }, runs: [{ t: it }] });
    for (const sub of s.subs ?? []) {
      blocks.push({ runs: [{ t: sub.h, b: true, i: true }] });
      for (const it of sub.items) blocks.push({ style: "ListParagraph", num: { id: WORD_NUM.bullet, ilvl: 0 }, runs: [{ t: it }] });
    }
  }
  if (doc.closing) blocks.push({ runs: [{ t: u.signer, b: true }] }, { runs: [{ t: u.people[0], b: true }] });
  return wordLikeDocx(blocks);
}

/** A .docx made with the `docx` npm library: headings as HEADING_1 or bold runs; optional roman auto-numbering. */
export function toDocxLib(doc: Doc, opts: { headings?: "heading" | "bold"; autoRoman?: boolean; nfd?: boolean } = {}): Promise<Buffer> {
  const n = (s: string): string => (opts.nfd ? s.normalize("NFD") : s);
  const children: Paragraph[] = [];
  for (const l of lines(doc)) {
    const t = n(l.t);
    if (l.k === "org" || l.k === "date") children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: t, italics: l.k === "date" })] }));
    else if (l.k === "title") children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: t, bold: true })] }));
    else if (l.k === "h1") {
      const text = opts.autoRoman ? t.replace(NUM_TOKEN, "") : t;
      children.push(
        new Paragraph({
          ...(opts.headings === "bold" ? {} : { heading: HeadingLevel.HEADING_1 }),
          ...(opts.autoRoman ? { numbering: { reference: "roman", level: 0 } } : {}),
          children: [new TextRun({ text, bold: true })],
        }),
      );
    } else if (l.k === "h2") children.push(new Paragraph({ children: [new TextRun({ text: t, bold: true, italics: true })] }));
    else if (l.k === "li") children.push(new Paragraph({ children: [new TextRun(`- ${t}`)] }));
    else if (l.k === "sign") children.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: t, bold: true })] }));
    else children.push(new Paragraph({ children: [new TextRun(t)] }));
  }
  const document = new Document({
    creator: UNIT[doc.unit].abbr,
    styles: { default: { document: { run: { font: "Times New Roman", size: 28 } } } },
    numbering: { config: [{ reference: "roman", levels: [{ level: 0, format: LevelFormat.UPPER_ROMAN, text: "%1.", alignment: AlignmentType.LEFT }] }] },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}

// ---- annexes ---------------------------------------------------------------------------------------------

const FIXED_DATE = new Date("2026-11-01T00:00:00Z");

async function zipOf(files: [string, string | Buffer][]): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of files) zip.file(name, content, { date: FIXED_DATE });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** A small real .xlsx (one sheet of inline strings and numbers). */
export function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const col = (i: number): string => String.fromCharCode(65 + i);
  const cell = (v: string | number, r: number, c: number): string =>
    typeof v === "number" ? `<c r="${col(c)}${r}"><v>${v}</v></c>` : `<c r="${col(c)}${r}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows
    .map((row, i) => `<row r="${i + 1}">${row.map((v, c) => cell(v, i + 1, c)).join("")}</row>`)
    .join("")}</sheetData></worksheet>`;
  return zipOf([
    ["[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`],
    ["_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ["xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Số liệu" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    ["xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`],
    ["xl/worksheets/sheet1.xml", sheet],
  ]);
}

/** A small .pptx (one slide with a title and a text box). */
export function pptx(title: string, text: string): Promise<Buffer> {
  const P = "http://schemas.openxmlformats.org/presentationml/2006/main";
  const A = "http://schemas.openxmlformats.org/drawingml/2006/main";
  const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const sp = (id: number, t: string, y: number): string =>
    `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="TextBox ${id}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="457200" y="${y}"/><a:ext cx="8229600" cy="914400"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="vi-VN"/><a:t>${esc(t)}</a:t></a:r></a:p></p:txBody></p:sp>`;
  const tree = (inner: string): string => `<p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>${inner}</p:spTree></p:cSld>`;
  const rel = (id: string, type: string, target: string): string => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  const rels = (...rs: string[]): string => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rs.join("")}</Relationships>`;
  const theme = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<a:theme xmlns:a="${A}" name="Office"><a:themeElements><a:clrScheme name="Office"><a:dk1><a:srgbClr val="000000"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="1F497D"/></a:dk2><a:lt2><a:srgbClr val="EEECE1"/></a:lt2><a:accent1><a:srgbClr val="4F81BD"/></a:accent1><a:accent2><a:srgbClr val="C0504D"/></a:accent2><a:accent3><a:srgbClr val="9BBB59"/></a:accent3><a:accent4><a:srgbClr val="8064A2"/></a:accent4><a:accent5><a:srgbClr val="4BACC6"/></a:accent5><a:accent6><a:srgbClr val="F79646"/></a:accent6><a:hlink><a:srgbClr val="0000FF"/></a:hlink><a:folHlink><a:srgbClr val="800080"/></a:folHlink></a:clrScheme><a:fontScheme name="Office"><a:majorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme><a:fmtScheme name="Office"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln w="9525"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="25400"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="38100"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>`;
  return zipOf([
    ["[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/><Override PartName="/ppt/slideMasters/slideMaster1.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml"/><Override PartName="/ppt/slideLayouts/slideLayout1.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml"/><Override PartName="/ppt/slides/slide1.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.slide+xml"/><Override PartName="/ppt/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/></Types>`],
    ["_rels/.rels", rels(rel("rId1", "officeDocument", "ppt/presentation.xml"))],
    ["ppt/presentation.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:presentation xmlns:a="${A}" xmlns:r="${R}" xmlns:p="${P}"><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst><p:sldIdLst><p:sldId id="256" r:id="rId2"/></p:sldIdLst><p:sldSz cx="9144000" cy="6858000"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>`],
    ["ppt/_rels/presentation.xml.rels", rels(rel("rId1", "slideMaster", "slideMasters/slideMaster1.xml"), rel("rId2", "slide", "slides/slide1.xml"), rel("rId3", "theme", "theme/theme1.xml"))],
    ["ppt/slideMasters/slideMaster1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:sldMaster xmlns:a="${A}" xmlns:r="${R}" xmlns:p="${P}">${tree("")}<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/><p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/></p:sldLayoutIdLst></p:sldMaster>`],
    ["ppt/slideMasters/_rels/slideMaster1.xml.rels", rels(rel("rId1", "slideLayout", "../slideLayouts/slideLayout1.xml"), rel("rId2", "theme", "../theme/theme1.xml"))],
    ["ppt/slideLayouts/slideLayout1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:sldLayout xmlns:a="${A}" xmlns:r="${R}" xmlns:p="${P}" type="blank">${tree("")}</p:sldLayout>`],
    ["ppt/slideLayouts/_rels/slideLayout1.xml.rels", rels(rel("rId1", "slideMaster", "../slideMasters/slideMaster1.xml"))],
    ["ppt/slides/slide1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:sld xmlns:a="${A}" xmlns:r="${R}" xmlns:p="${P}">${tree(sp(2, title, 457200) + sp(3, text, 1600200))}</p:sld>`],
    ["ppt/slides/_rels/slide1.xml.rels", rels(rel("rId1", "slideLayout", "../slideLayouts/slideLayout1.xml"))],
    ["ppt/theme/theme1.xml", theme],
  ]);
}

/** A .zip archive of the given files (fixed dates). */
export function zipArchive(files: [string, Buffer | string][]): Promise<Buffer> {
  return zipOf(files);
}

/**
 * A picture as units attach them (a photo of an event, a scanned table): a captioned page rendered by LibreOffice
 * to PDF, then rasterised by poppler's `pdftoppm` to JPEG or PNG.
 */
export async function image(format: "jpg" | "png", caption: string, seed: number): Promise<Buffer> {
  const colours = ["#2b5d8a", "#7a3b2e", "#2e6b3a", "#5a4a8a"];
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="background:${colours[seed % colours.length]}"><h1 style="color:white">${esc(caption)}</h1><p style="color:white">Cuc Thong tin doi ngoai - 2026</p></body></html>`;
  const pdf = await sofficeConvert(Buffer.from(html, "utf8"), "html", "pdf");
  const dir = mkdtempSync(path.join(tmpdir(), "corpus-img-"));
  try {
    writeFileSync(path.join(dir, "in.pdf"), pdf);
    execFileSync("pdftoppm", [format === "jpg" ? "-jpeg" : "-png", "-singlefile", "-scale-to", "480", "-f", "1", "-l", "1", path.join(dir, "in.pdf"), path.join(dir, "out")]);
    return readFileSync(path.join(dir, `out.${format}`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
