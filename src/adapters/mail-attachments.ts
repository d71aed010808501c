/**
 * Which MIME parts of a mail are report files, and what they are called.
 */

/**
 * Inline images at or under this size are taken for signature logos and pasted decorations, not report files.
 * Outlook and Gmail signature images are a few KB to a few tens of KB; a pasted scan of a page is far larger,
 * so a bigger inline image is kept (a person then sees it as a scanned document).
 */
export const INLINE_IMAGE_MAX_BYTES = 128 * 1024;

/** Signatures of the mail itself (S/MIME, OpenPGP), never report files. */
const SIGNATURE_TYPES = new Set(["application/pkcs7-signature", "application/x-pkcs7-signature", "application/pgp-signature"]);

export interface PartInfo {
  contentType: string;
  size: number;
  contentDisposition?: string;
  cid?: string;
  related?: boolean;
}

/**
 * True when a part is not a report file: an image shown inside the HTML body (inline disposition, or a
 * Content-ID inside multipart/related) of at most INLINE_IMAGE_MAX_BYTES, or a signature of the mail.
 */
export function isDecorativePart(part: PartInfo): boolean {
  const type = part.contentType.toLowerCase();
  if (SIGNATURE_TYPES.has(type)) return true;
  if (!type.startsWith("image/")) return false;
  const disposition = (part.contentDisposition ?? "").toLowerCase();
  const inline = disposition === "inline" || (disposition === "" && (part.related === true || Boolean(part.cid)));
  return inline && part.size <= INLINE_IMAGE_MAX_BYTES;
}

const EXTENSIONS: Record<string, string> = {
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/msword": "doc",
  "application/pdf": "pdf",
  "application/vnd.oasis.opendocument.text": "odt",
  "application/rtf": "rtf",
  "text/rtf": "rtf",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "application/vnd.ms-excel": "xls",
  "application/zip": "zip",
  "application/x-rar-compressed": "rar",
  "message/rfc822": "eml",
  "text/rfc822-headers": "txt",
  "text/plain": "txt",
  "text/html": "html",
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/tiff": "tif",
};

/** Stand-in name for an attachment without one: "tep-dinh-kem-1.docx" (tệp đính kèm = attachment). */
export function standInName(index: number, contentType: string): string {
  const ext = EXTENSIONS[contentType.toLowerCase()] ?? "bin";
  return `tep-dinh-kem-${index}.${ext}`;
}

/**
 * Cleans a decoded file name: NFC (macOS and some webmails send NFD), no directory part (old clients sent
 * "C:\\…\\file.doc"), no control characters, single spaces. Returns null when nothing is left.
 */
export function cleanFilename(name: string | undefined | null): string | null {
  if (!name) return null;
  const base = name.normalize("NFC").split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").replace(/\s+/g, " ").trim();
  return clean.length > 0 ? clean : null;
}
