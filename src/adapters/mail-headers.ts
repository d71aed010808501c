/**
 * The top-level header block of a raw message, read without a MIME parser so that it is available even when
 * the structure below it is broken.
 */

/** Byte offset where the body starts (after the first empty line), or the buffer length when there is none. */
export function bodyOffset(raw: Buffer): number {
  const crlf = raw.indexOf("\r\n\r\n");
  const lf = raw.indexOf("\n\n");
  if (crlf < 0 && lf < 0) return raw.length;
  if (crlf >= 0 && (lf < 0 || crlf < lf)) return crlf + 4;
  return lf + 2;
}

/** Decodes header bytes: UTF-8 when valid (RFC 6532 raw UTF-8 headers), else byte-for-byte (latin1). */
export function decodeHeaderBytes(bytes: Buffer): string {
  const text = bytes.toString("utf8");
  return text.includes("\uFFFD") ? bytes.toString("latin1") : text;
}

/**
 * Lower-case header names → raw values in order of appearance, unfolded (RFC 5322 §2.2.3: the CRLF before
 * folding whitespace is removed) and trimmed. Encoded words are left as they are.
 */
export function readHeaders(raw: Buffer): Record<string, string[]> {
  const head = decodeHeaderBytes(raw.subarray(0, bodyOffset(raw)));
  const headers: Record<string, string[]> = {};
  const lines = head.replace(/\r?\n[ \t]/g, (m) => m.slice(-1)).split(/\r?\n/);
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    // A field name is printable ASCII without spaces (RFC 5322 §3.6.8); anything else is body text or junk.
    if (!/^[\x21-\x39\x3b-\x7e]+$/.test(name)) continue;
    (headers[name] ??= []).push(line.slice(colon + 1).trim());
  }
  return headers;
}

/** First value of a header, or null. */
export function firstHeader(headers: Record<string, string[]>, name: string): string | null {
  return headers[name.toLowerCase()]?.[0] ?? null;
}

/** Message-ID tokens (`<…>`) of a header value such as References or In-Reply-To. */
export function messageIdTokens(value: string | null | undefined): string[] {
  if (!value) return [];
  return value.match(/<[^<>\s]+>/g) ?? [];
}
