/**
 * The DocumentReader port: picks a reader by content (magic bytes) first and file name second, since units
 * rename files (.docx saved as .doc and back). .docx → mammoth; .doc/.odt/.rtf → LibreOffice → .docx;
 * .pdf → pdftotext; .txt/.html → lines. Everything else is `unsupported`. Never throws. Text in a legacy
 * Vietnamese encoding (TCVN3, VNI) is decoded when detection finds it.
 */
import iconv from "iconv-lite";
import type { DocumentInput, DocumentReader, Logger } from "../app/ports.ts";
import { decodeLegacy, detectLegacyEncoding, legacyEvidence } from "../domain/document/index.ts";
import type { DocumentRead } from "../domain/model.ts";
import { bodyOutline, outlineText } from "../domain/document/index.ts";
import { outlineSecrecy } from "../domain/document/index.ts";
import { nfc } from "../domain/text/index.ts";
import { OLE2_MAGIC, isEncryptedOle, readDocx } from "./docx-reader.ts";
import { DEFAULT_LIMITS, type ResourceLimits } from "./limits.ts";
import { convertWithSoffice } from "./office-convert.ts";
import { pdfToText } from "./pdf-text.ts";
import { checkZip } from "./zip-guard.ts";

export interface DocumentReaderOptions {
  /** soffice executable; null = LibreOffice not available (.doc/.odt/.rtf become `unsupported`). */
  sofficePath?: string | null;
  /** pdftotext executable; null = not available (.pdf becomes `unsupported`). */
  pdftotextPath?: string | null;
  timeoutMs?: number;
  /** Attachment size and ZIP limits (issue 13 §1); defaults from limits.ts. */
  limits?: Pick<ResourceLimits, "attachmentBytes" | "zipUncompressedBytes" | "zipRatio" | "zipRatioFloorBytes">;
  logger?: Logger;
}

export type SniffedKind = "docx" | "ole-encrypted" | "ole" | "zip" | "odt" | "pdf" | "rtf" | "html" | "text" | "binary";

/** What the bytes say a file is, whatever its name. */
export function sniff(content: Buffer): SniffedKind {
  if (content.subarray(0, 8).equals(OLE2_MAGIC)) return isEncryptedOle(content) ? "ole-encrypted" : "ole";
  if (content[0] === 0x50 && content[1] === 0x4b) {
    // Local file names sit uncompressed in ZIP headers (APPNOTE 4.3.7).
    if (content.includes(Buffer.from("word/"))) return "docx";
    if (content.includes(Buffer.from("application/vnd.oasis.opendocument.text"))) return "odt";
    return "zip";
  }
  const head = content.subarray(0, 1024).toString("latin1");
  if (head.startsWith("%PDF-") || head.slice(0, 1024).includes("%PDF-")) return "pdf";
  if (head.startsWith("{\\rtf")) return "rtf";
  if (/^\s*(<!doctype html|<html|<\?xml[^>]*>\s*<html)/i.test(head)) return "html";
  const sample = content.subarray(0, 4096);
  const controls = [...sample].filter((b) => b < 9 || (b > 13 && b < 32)).length;
  return controls === 0 || (sample[0] === 0xff && sample[1] === 0xfe) ? "text" : "binary";
}

/** The lower-case extension of a file name ("" when none). */
export function extensionOf(filename: string): string {
  const m = /\.([a-z0-9]{1,5})$/i.exec(filename.trim());
  return m ? m[1]!.toLowerCase() : "";
}

/**
 * Decodes text: BOMs, then UTF-8, else 8-bit: windows-1252 when the bytes are TCVN3 or VNI (decoded later, once
 * HTML is text: see `fromText`), else windows-1258 (older Vietnamese mail and files). NFC.
 */
export function decodeText(content: Buffer): string {
  if (content[0] === 0xff && content[1] === 0xfe) return nfc(content.subarray(2).toString("utf16le"));
  if (content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf) return nfc(content.subarray(3).toString("utf8"));
  const utf8 = content.toString("utf8");
  if (!utf8.includes("\uFFFD")) return nfc(utf8);
  // windows-1258 turns TCVN3/VNI bytes into combining tones that NFC then fuses into wrong letters: look first,
  // and keep windows-1258 when its reading makes as many Vietnamese words (a short windows-1258 line can look legacy).
  const latin = iconv.decode(content, "windows-1252");
  const cp1258 = nfc(iconv.decode(content, "windows-1258"));
  const legacy = detectLegacyEncoding(latin);
  return legacy && legacyEvidence(latin)[legacy] > legacyEvidence(cp1258).unicode ? latin : cp1258;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** HTML → text with a line per block element; headings and cells keep their own lines. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)\b[\s\S]*?<\/\1>/gi, "")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/?(p|div|h[1-6]|li|tr|td|th|table|ul|ol|section|article|blockquote)\b[^>]*>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (all, name: string) => {
      if (name[0] === "#") {
        const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) ? String.fromCodePoint(code) : all;
      }
      return ENTITIES[name.toLowerCase()] ?? all;
    });
}

function fromText(decoded: string, format: string): DocumentRead {
  // A UTF-8 or HTML export of a .VnTime document, or a PDF whose font maps its glyphs to Latin-1, keeps TCVN3.
  const legacy = detectLegacyEncoding(decoded);
  const text = legacy ? decodeLegacy(decoded, legacy) : decoded;
  const outline = bodyOutline(text);
  const plain = outlineText(outline);
  if (!plain) return { ok: false, format, problem: "empty", detail: "no text" };
  const secret = outlineSecrecy(outline);
  return secret ? { ok: true, outline, text: plain, format, secret } : { ok: true, outline, text: plain, format };
}

const FORMAT_BY_TYPE: [RegExp, string][] = [
  [/wordprocessingml/, "docx"],
  [/spreadsheetml|ms-excel/, "xlsx"],
  [/msword/, "doc"],
  [/opendocument\.text/, "odt"],
  [/rtf/, "rtf"],
  [/pdf/, "pdf"],
  [/^text\/html/, "html"],
  [/^text\//, "txt"],
  [/zip/, "zip"],
];

/** The format label of a file: its extension, else one derived from its MIME type. */
export function formatOf(filename: string, contentType: string): string {
  const ext = extensionOf(filename);
  if (ext) return ext;
  const type = contentType.toLowerCase();
  return FORMAT_BY_TYPE.find(([re]) => re.test(type))?.[1] ?? (type.split("/").pop() || "unknown");
}

const ASK_DOCX = "đề nghị gửi tệp Word (.docx)";

/** Builds the DocumentReader adapter. */
export function createDocumentReader(opts: DocumentReaderOptions = {}): DocumentReader {
  const soffice = opts.sofficePath === undefined ? "soffice" : opts.sofficePath;
  const pdftotext = opts.pdftotextPath === undefined ? "pdftotext" : opts.pdftotextPath;
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };

  async function viaSoffice(content: Buffer, ext: string, format: string): Promise<DocumentRead> {
    if (!soffice) return { ok: false, format, problem: "unsupported", detail: `LibreOffice not available; ${ASK_DOCX}` };
    const started = Date.now();
    const converted = await convertWithSoffice(content, ext, "docx", { sofficePath: soffice, timeoutMs });
    opts.logger?.debug({ format, ms: Date.now() - started, ok: converted.ok }, "soffice conversion");
    if (!converted.ok) {
      const missing = /not available/.test(converted.error);
      opts.logger?.warn({ format, error: converted.error }, "soffice conversion failed");
      // A conversion that ran out of time says nothing about the file: a person looks (never a Không đạt
      // telling the unit its file is broken).
      if (/timed out/.test(converted.error)) return { ok: false, format, problem: "timeout", detail: converted.error };
      return missing
        ? { ok: false, format, problem: "unsupported", detail: `${converted.error}; ${ASK_DOCX}` }
        : { ok: false, format, problem: "corrupt", detail: converted.error };
    }
    return readDocx(converted.output, format);
  }

  async function read(file: DocumentInput): Promise<DocumentRead> {
    const ext = extensionOf(file.filename);
    const format = formatOf(file.filename, file.contentType);
    if (file.content.length === 0) return { ok: false, format, problem: "empty", detail: "0 bytes" };
    if (file.content.length > limits.attachmentBytes) {
      return { ok: false, format, problem: "too_large", detail: `${file.content.length} bytes over ${limits.attachmentBytes}` };
    }
    const kind = sniff(file.content);
    if (kind === "docx" || kind === "odt" || kind === "zip") {
      // Before mammoth, jszip or LibreOffice inflate anything (issue 13 §1).
      const guard = await checkZip(file.content, limits);
      if (!guard.ok) {
        opts.logger?.warn({ filename: file.filename, detail: guard.detail }, "zip bomb");
        return { ok: false, format, problem: "zip_bomb", detail: guard.detail };
      }
    }
    switch (kind) {
      case "docx":
        return readDocx(file.content, format);
      case "ole-encrypted":
        return { ok: false, format, problem: "encrypted", detail: "password-protected Office file" };
      case "ole":
        // A legacy binary Office file: only Word documents are reports (.xls/.ppt are not).
        if (["xls", "ppt", "msg"].includes(ext)) return { ok: false, format, problem: "unsupported", detail: ASK_DOCX };
        return viaSoffice(file.content, "doc", format);
      case "odt":
        return viaSoffice(file.content, "odt", format);
      case "rtf":
        return viaSoffice(file.content, "rtf", format);
      case "pdf": {
        if (!pdftotext) return { ok: false, format, problem: "unsupported", detail: `pdftotext not available; ${ASK_DOCX}` };
        const pdf = await pdfToText(file.content, { pdftotextPath: pdftotext, timeoutMs });
        if (!pdf.ok) return { ok: false, format, problem: pdf.problem, detail: pdf.detail };
        return fromText(pdf.text, format);
      }
      case "html":
        return fromText(htmlToText(decodeText(file.content)), format);
      case "text":
        if (ext === "" || ["txt", "text", "eml", "htm", "html", "md"].includes(ext) || file.contentType.startsWith("text/")) {
          const text = decodeText(file.content);
          return fromText(/^(htm|html)$/.test(ext) || file.contentType === "text/html" ? htmlToText(text) : text, format);
        }
        return { ok: false, format, problem: "unsupported", detail: ASK_DOCX };
      default:
        // Named as a Word file but neither ZIP nor OLE: broken, not a foreign format.
        if (["docx", "doc", "odt", "rtf", "pdf"].includes(ext)) return { ok: false, format, problem: "corrupt", detail: `not a valid .${ext} file` };
        return { ok: false, format, problem: "unsupported", detail: ASK_DOCX };
    }
  }

  return {
    async read(file) {
      try {
        return await read(file);
      } catch (err) {
        opts.logger?.error({ err, filename: file.filename }, "document read failed");
        return { ok: false, format: extensionOf(file.filename) || "unknown", problem: "corrupt", detail: String(err) };
      }
    },
  };
}
