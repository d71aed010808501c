/**
 * Character-set decoding of text bodies, plugged into mailparser through its `Iconv` option so that unknown or
 * mislabelled charsets are noticed (as problems) and decoded by a guess instead of silently turning into U+FFFD.
 */
import { Transform, type TransformCallback } from "node:stream";
import iconv from "iconv-lite";
import { bodyOffset } from "./mail-headers.ts";

/** The label given to text parts on a second parse, when the declared charset turned out to be wrong. */
export const GUESS_CHARSET = "x-intake-guess";

const ALIASES: Record<string, string> = {
  cp1258: "windows-1258",
  "x-cp1258": "windows-1258",
  win1258: "windows-1258",
  "windows1258": "windows-1258",
  "vn-1258": "windows-1258",
  "x-user-defined": "windows-1252",
  "ks_c_5601-1987": "cp949",
};

function isValidUtf8(bytes: Buffer): boolean {
  return !bytes.toString("utf8").includes("\uFFFD") || bytes.includes(Buffer.from("\uFFFD"));
}

/**
 * Guesses the charset of bytes whose label is missing or wrong: UTF-8 when they are valid UTF-8, else
 * windows-1258 (the Vietnamese Windows code page; it also decodes plain Latin-1 letters the same way).
 */
export function guessCharset(bytes: Buffer): "utf-8" | "windows-1258" {
  return isValidUtf8(bytes) ? "utf-8" : "windows-1258";
}

/** iconv-lite name for a MIME charset label, or null when iconv-lite cannot decode it. */
export function resolveCharset(label: string): string | null {
  const key = label.trim().toLowerCase().replace(/^"|"$/g, "");
  const name = ALIASES[key] ?? key;
  return iconv.encodingExists(name) ? name : null;
}

/** Decodes bytes declared as `label`; an unknown label or GUESS_CHARSET falls back to `guessCharset`. */
export function decodeText(bytes: Buffer, label: string): { text: string; charset: string; known: boolean } {
  const resolved = label.toLowerCase() === GUESS_CHARSET ? null : resolveCharset(label);
  const charset = resolved ?? guessCharset(bytes);
  return { text: iconv.decode(bytes, charset), charset, known: resolved !== null };
}

/** Signature of the `Iconv` option of mailparser (a node-iconv compatible class). */
export type IconvLike = new (from: string, to: string) => NodeJS.ReadWriteStream;

/**
 * Builds an `Iconv` class for mailparser that decodes each text part whole with iconv-lite and records in
 * `problems` the charsets it did not know (decoded by a guess).
 */
export function makeIconv(problems: string[]): IconvLike {
  return class IntakeDecoder extends Transform {
    private readonly chunks: Buffer[] = [];
    constructor(
      private readonly from: string,
      _to: string,
    ) {
      super();
    }
    override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
      this.chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
      done();
    }
    override _flush(done: TransformCallback): void {
      const { text, charset, known } = decodeText(Buffer.concat(this.chunks), this.from);
      if (!known && this.from.toLowerCase() !== GUESS_CHARSET) {
        problems.push(`unknown_charset: "${this.from}" decoded as ${charset}`);
      }
      this.push(Buffer.from(text, "utf8"));
      done();
    }
  };
}

/**
 * A copy of the raw message where every text part declared UTF-8/ASCII, or declared nothing, is relabelled
 * GUESS_CHARSET, so that a second parse decodes those parts by guess. Used only when the first parse produced
 * replacement characters (U+FFFD): an 8-bit windows-1258 body labelled UTF-8 or not labelled at all.
 */
export function relabelTextParts(raw: Buffer): Buffer {
  const s = raw.toString("latin1");
  const header = /^content-type:[ \t]*text\/(?:plain|html)[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*/gim;
  let out = s.replace(header, (field) => {
    if (/charset/i.test(field)) {
      return field.replace(/charset\s*=\s*"?(?:utf-?8|us-ascii|ascii)"?/i, `charset="${GUESS_CHARSET}"`);
    }
    return `${field}; charset="${GUESS_CHARSET}"`;
  });
  const headEnd = bodyOffset(raw);
  // RFC 2045 §5.2: no Content-Type at all means text/plain; give it the guess label too.
  if (!/^content-type:/im.test(s.slice(0, headEnd))) out = `Content-Type: text/plain; charset="${GUESS_CHARSET}"\r\n${out}`;
  return Buffer.from(out, "latin1");
}

/**
 * Decodes the RFC 2047 encoded words of a raw header value with `decodeText` (so unknown charsets are decoded
 * by guess); whitespace between adjacent encoded words is dropped (RFC 2047 §6.2). Raw 8-bit text between
 * them is kept as it is.
 */
export function decodeEncodedWords(value: string): string {
  const word = /=\?([^?*]+)(?:\*[^?]*)?\?([bBqQ])\?([^?]*)\?=/g;
  const joined = value.replace(/(\?=)\s+(?==\?)/g, "$1");
  return joined.replace(word, (_m, charset: string, mode: string, payload: string) => {
    const bytes =
      mode.toUpperCase() === "B"
        ? Buffer.from(payload, "base64")
        : Buffer.from(
            payload.replace(/_/g, " ").replace(/=([0-9a-fA-F]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
            "latin1",
          );
    return decodeText(bytes, charset).text;
  });
}
