/**
 * .docx → outline with mammoth: its document tree (via `transformDocument`) keeps headings, runs with
 * bold/italic/underline, list numbering and tables. Images are skipped. Text is NFC (mammoth keeps NFD).
 * Legacy Vietnamese (TCVN3 in .VnTime fonts, VNI-Times) is decoded run by run: by the run's font when it names one,
 * else by what detection finds in the text of the runs that name none (their font comes from a style).
 */
import mammoth from "mammoth";
import type { Block, DocumentRead, Run } from "../domain/model.ts";
import { decodeLegacy, detectLegacyEncoding, isCapitalsLine, legacyEncodingOfFont, type LegacyEncoding } from "../domain/document/index.ts";
import { outlineText } from "../domain/document/index.ts";
import { levelOfStyleId, numberingCounter, prepareNumbering, type NumberingDefinitions } from "./docx-numbering.ts";
import { outlineSecrecy } from "../domain/document/index.ts";
import { fold, nfc } from "../domain/text/index.ts";

/** OLE2 compound file signature (MS-CFB §2.2): legacy .doc, and password-protected OOXML (MS-OFFCRYPTO §2.3.4.1). */
export const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** True for an OLE2 file holding an `EncryptedPackage` stream: an encrypted .docx/.xlsx. */
export function isEncryptedOle(buf: Buffer): boolean {
  return buf.subarray(0, 8).equals(OLE2_MAGIC) && buf.includes(Buffer.from("EncryptedPackage", "utf16le"));
}

// Heading styles by name ("Heading 1", "heading 1", localised "Tiêu đề 1") or id ("Heading1", Word's
// id for a localised name with the non-ASCII letters dropped: "Tiu1").
const HEADING_NAME = /^(heading|tieu de|titre|uberschrift|encabezado|kop|otsikko)\s*(\d)$/;
const HEADING_ID = /^(heading|tieude|tiu)\s*(\d)$/i;

/** The heading level a paragraph style gives, or null. */
export function headingLevelOfStyle(styleName: string | null, styleId: string | null): number | null {
  const byName = styleName ? HEADING_NAME.exec(fold(styleName)) : null;
  const byId = styleId ? HEADING_ID.exec(styleId) : null;
  const level = byName?.[2] ?? byId?.[2];
  return level ? Number(level) : null;
}

// mammoth's document element types (lib/documents.js); its .d.ts leaves them `any`.
interface MElement {
  type: string;
  children?: MElement[];
  value?: string;
  styleName?: string | null;
  styleId?: string | null;
  /** `paragraphStyleId` is the `w:pStyle` of the numbering level (our marker when it names none). */
  numbering?: { isOrdered: boolean; level: string; paragraphStyleId?: string | null } | null;
  isBold?: boolean;
  isItalic?: boolean;
  isUnderline?: boolean;
  /** The run's own font (`w:rFonts/@w:ascii`); null when it comes from a style. */
  font?: string | null;
}

/** A run's text as stored, with its formatting and its own font. */
interface Piece extends Run {
  font: string | null;
}

function collectRuns(el: MElement, pieces: Piece[], inherited: Omit<Run, "text">, font: string | null): void {
  for (const child of el.children ?? []) {
    if (child.type === "run") {
      const fmt: Omit<Run, "text"> = {};
      if (child.isBold) fmt.bold = true;
      if (child.isItalic) fmt.italic = true;
      if (child.isUnderline) fmt.underline = true;
      collectRuns(child, pieces, fmt, child.font ?? null);
    } else if (child.type === "text") {
      pieces.push({ text: child.value ?? "", ...inherited, font });
    } else if (child.type === "tab") {
      pieces.push({ text: "\t", ...inherited, font });
    } else if (child.type === "break") {
      pieces.push({ text: "\n", ...inherited, font });
    } else if (child.type === "hyperlink") {
      collectRuns(child, pieces, inherited, font);
    }
  }
}

/** The text of the runs that name no font of their own, a line per paragraph: what detection looks at. */
function unfontedText(el: MElement, font: string | null = null, out: string[] = []): string[] {
  if (el.type === "text" && !font) out.push(el.value ?? "");
  const inner = el.type === "run" ? (el.font ?? null) : font;
  for (const child of el.children ?? []) unfontedText(child, inner, out);
  if (el.type === "paragraph") out.push("\n");
  return out;
}

/**
 * A paragraph's runs, decoded: a legacy font decides for its run; a Unicode font keeps it; a run without a font
 * follows the document. A TCVN3 line typed in capitals (".VnTimeH") is upper-cased whole, even when split in runs.
 */
function decodeRuns(pieces: Piece[], documentEncoding: LegacyEncoding | null): Run[] {
  const decoded = pieces.map(({ font, ...run }) => {
    const byFont = legacyEncodingOfFont(font);
    const encoding = font ? (byFont?.encoding ?? null) : documentEncoding;
    if (!encoding) return { run: { ...run, text: nfc(run.text) }, encoding };
    const text = decodeLegacy(run.text, encoding);
    return { run: { ...run, text: byFont?.upper ? text.toUpperCase() : text }, encoding };
  });
  const tcvn3 = pieces.filter((_, i) => decoded[i]!.encoding === "tcvn3");
  const capitals = tcvn3.length > 0 && isCapitalsLine(tcvn3.map((p) => p.text).join(""));
  const runs: Run[] = [];
  for (const d of decoded) pushRun(runs, capitals && d.encoding === "tcvn3" ? { ...d.run, text: d.run.text.toUpperCase() } : d.run);
  return runs;
}

/** Appends a run, merging it with the previous one when the formatting is the same. */
function pushRun(runs: Run[], run: Run): void {
  if (run.text === "") return;
  const last = runs[runs.length - 1];
  if (last && !!last.bold === !!run.bold && !!last.italic === !!run.italic && !!last.underline === !!run.underline) {
    last.text += run.text;
    return;
  }
  runs.push(run);
}

/** The numbering text of the next numbered paragraph, or null (see docx-numbering.ts). */
type NumberText = (numbering: NonNullable<MElement["numbering"]>) => string | null;

function toBlocks(elements: MElement[], legacy: LegacyEncoding | null, numberText: NumberText): Block[] {
  const blocks: Block[] = [];
  for (const el of elements) {
    if (el.type === "paragraph") {
      // Counted before the emptiness check: Word numbers an empty numbered paragraph too.
      const numbering = el.numbering ? numberText(el.numbering) : null;
      const pieces: Piece[] = [];
      collectRuns(el, pieces, {}, null);
      const runs = decodeRuns(pieces, legacy);
      if (runs.every((r) => r.text.trim() === "")) continue;
      const level = headingLevelOfStyle(el.styleName ?? null, el.styleId ?? null);
      if (level !== null) {
        blocks.push(numbering ? { type: "heading", level, runs, numbering } : { type: "heading", level, runs });
      } else if (el.numbering) {
        const list = { ordered: el.numbering.isOrdered, level: Number(el.numbering.level) || 0 };
        blocks.push(numbering ? { type: "paragraph", runs, numbering, list } : { type: "paragraph", runs, list });
      } else {
        blocks.push({ type: "paragraph", runs });
      }
    } else if (el.type === "table") {
      const rows = (el.children ?? [])
        .filter((r) => r.type === "tableRow")
        .map((r) => (r.children ?? []).filter((c) => c.type === "tableCell").map((c) => toBlocks(c.children ?? [], legacy, numberText)));
      if (rows.some((row) => row.some((cell) => cell.length > 0))) blocks.push({ type: "table", rows });
    } else if (el.children) {
      // Structured document tags, bookmarks and other wrappers: their paragraphs belong to the body.
      blocks.push(...toBlocks(el.children, legacy, numberText));
    }
  }
  return blocks;
}

function numberTextOf(defs: NumberingDefinitions | null): NumberText {
  if (!defs) return () => null;
  const next = numberingCounter(defs);
  return (numbering) => {
    const ref = levelOfStyleId(defs, numbering.paragraphStyleId);
    return ref ? next(ref) : null;
  };
}

/** Reads a .docx buffer. Never throws: a broken or empty file is a `DocumentRead` with a problem. */
export async function readDocx(content: Buffer, format = "docx"): Promise<DocumentRead> {
  if (content.length === 0) return { ok: false, format, problem: "empty", detail: "0 bytes" };
  if (isEncryptedOle(content)) return { ok: false, format, problem: "encrypted", detail: "OLE2 EncryptedPackage" };
  if (content[0] !== 0x50 || content[1] !== 0x4b) {
    return { ok: false, format, problem: "corrupt", detail: "not a ZIP (OOXML) file" };
  }
  let tree: MElement | null = null;
  const prepared = await prepareNumbering(content);
  try {
    await mammoth.convertToHtml(
      { buffer: prepared?.content ?? content },
      {
        transformDocument: (doc: MElement) => {
          tree = doc;
          return doc;
        },
        convertImage: mammoth.images.imgElement(async () => ({ src: "" })),
      },
    );
  } catch (err) {
    return { ok: false, format, problem: "corrupt", detail: err instanceof Error ? err.message : String(err) };
  }
  if (!tree) return { ok: false, format, problem: "corrupt", detail: "no document body" };
  const root = tree as MElement;
  const legacy = detectLegacyEncoding(unfontedText(root).join(""));
  const outline = { blocks: toBlocks(root.children ?? [], legacy, numberTextOf(prepared?.defs ?? null)) };
  const text = outlineText(outline);
  if (text.trim() === "") return { ok: false, format, problem: "empty", detail: "no text" };
  const secret = outlineSecrecy(outline);
  return secret ? { ok: true, outline, text, format, secret } : { ok: true, outline, text, format };
}
