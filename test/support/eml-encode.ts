/**
 * Low-level encoders used by the .eml builders (eml.ts): charsets, RFC 2047 encoded words, RFC 2231 parameters,
 * quoted-printable and base64 bodies, in the forms real clients write them.
 */
import iconv from "iconv-lite";

export type Charset = "utf-8" | "windows-1258" | "iso-8859-1";
export type WordEncoding = "B" | "Q";

const SHAPE_MARKS = /[\u0302\u0306\u031B]/u; // circumflex, breve, horn: part of the letter in windows-1258

/**
 * Vietnamese text the way windows-1258 carries it: the letters â ê ô ơ ư ă đ precomposed, the five tone marks
 * as combining characters (U+0300, U+0301, U+0303, U+0309, U+0323) after them. "Tuần" → "Tuâ" + U+0300 + "n".
 */
export function toCp1258Form(text: string): string {
  return text.normalize("NFD").replace(/(\p{L})(\p{M}+)/gu, (_m, base: string, marks: string) => {
    const chars = [...marks];
    const shape = chars.filter((c) => SHAPE_MARKS.test(c)).join("");
    const tone = chars.filter((c) => !SHAPE_MARKS.test(c)).join("");
    return (base + shape).normalize("NFC") + tone;
  });
}

/** Encodes text in a charset; throws when a character cannot be represented (a mistake in the test). */
export function encodeCharset(text: string, charset: Charset): Buffer {
  if (charset === "utf-8") return Buffer.from(text, "utf8");
  const source = charset === "windows-1258" ? toCp1258Form(text) : text;
  const bytes = iconv.encode(source, charset);
  if (iconv.decode(bytes, charset) !== source) throw new Error(`text not representable in ${charset}: ${text}`);
  return bytes;
}

function charUnits(text: string, charset: Charset): Buffer[] {
  const source = charset === "windows-1258" ? toCp1258Form(text) : text;
  return [...source].map((c) => (charset === "utf-8" ? Buffer.from(c, "utf8") : iconv.encode(c, charset)));
}

function qWord(bytes: Buffer): string {
  let out = "";
  for (const b of bytes) {
    if (b === 0x20) out += "_";
    else if (/[A-Za-z0-9!*+\-/]/.test(String.fromCharCode(b))) out += String.fromCharCode(b);
    else out += `=${b.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/**
 * RFC 2047 encoded words for a header value, each at most 75 characters, split between characters (never
 * inside a UTF-8 sequence), joined by folding whitespace. Plain ASCII text is returned unchanged unless `force`.
 */
export function encodeWords(text: string, charset: Charset = "utf-8", mode: WordEncoding = "B", force = false): string {
  if (!force && /^[\x20-\x7e]*$/.test(text)) return text;
  const label = charset === "utf-8" ? "utf-8" : charset;
  const prefix = `=?${label}?${mode}?`;
  const budget = 75 - prefix.length - 2;
  const encode = (bytes: Buffer): string => (mode === "B" ? bytes.toString("base64") : qWord(bytes));
  const words: string[] = [];
  let current: Buffer[] = [];
  for (const unit of charUnits(text, charset)) {
    const trial = Buffer.concat([...current, unit]);
    if (current.length > 0 && encode(trial).length > budget) {
      words.push(prefix + encode(Buffer.concat(current)) + "?=");
      current = [unit];
    } else {
      current.push(unit);
    }
  }
  if (current.length > 0) words.push(prefix + encode(Buffer.concat(current)) + "?=");
  return words.join("\r\n ");
}

/**
 * RFC 2231 parameter: `name*=utf-8''B%C3%A1o…`, or continuations `name*0*=utf-8''…; name*1*=…` when the
 * encoded value is longer than `segment` characters.
 */
export function rfc2231Param(name: string, value: string, segment = 60): string {
  const encoded = [...Buffer.from(value, "utf8")]
    .map((b) => (/[A-Za-z0-9!#$&+\-.^_`|~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, "0")}`))
    .join("");
  const pieces: string[] = [];
  let rest = encoded;
  while (rest.length > 0) {
    let cut = Math.min(segment, rest.length);
    // never split a %XX escape
    const pct = rest.lastIndexOf("%", cut - 1);
    if (pct >= 0 && pct > cut - 3 && cut < rest.length) cut = pct;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (pieces.length <= 1) return `${name}*=utf-8''${encoded}`;
  return pieces.map((p, i) => `${name}*${i}*=${i === 0 ? "utf-8''" : ""}${p}`).join(";\r\n\t");
}

/** Quoted-printable (RFC 2045 §6.7): lines of at most 76 characters, CRLF line breaks kept as hard breaks. */
export function quotedPrintable(bytes: Buffer): string {
  const text = bytes.toString("latin1").replace(/\r?\n/g, "\n");
  return text
    .split("\n")
    .map((line) => {
      const tokens = [...line].map((c, i) => {
        const code = c.charCodeAt(0);
        const trailingSpace = (c === " " || c === "\t") && i === line.length - 1;
        if (code >= 33 && code <= 126 && c !== "=") return c;
        if ((c === " " || c === "\t") && !trailingSpace) return c;
        return `=${code.toString(16).toUpperCase().padStart(2, "0")}`;
      });
      const out: string[] = [];
      let current = "";
      for (const t of tokens) {
        if (current.length + t.length > 75) {
          out.push(`${current}=`);
          current = "";
        }
        current += t;
      }
      out.push(current);
      return out.join("\r\n");
    })
    .join("\r\n");
}

/** Base64 in lines of 76 characters (RFC 2045 §6.8). */
export function base64Lines(bytes: Buffer): string {
  return bytes.toString("base64").replace(/.{76}/g, "$&\r\n").replace(/\r\n$/, "");
}

/** Text with CRLF line endings, as on the wire. */
export function crlf(text: string): string {
  return text.replace(/\r?\n/g, "\r\n");
}
