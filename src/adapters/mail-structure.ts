/**
 * Structural checks of a raw message that mailparser passes over silently (it reads what it can): a multipart
 * without its boundary parameter, a multipart cut off before its closing delimiter (RFC 2046 §5.1.1).
 * Where a repair is obvious the raw message is rewritten for parsing; the problems are reported either way.
 */
import { bodyOffset } from "./mail-headers.ts";

export interface StructureCheck {
  problems: string[];
  /** A repaired copy of the raw message to parse instead, when a repair was made. */
  repaired: Buffer | null;
}

const TOP_CONTENT_TYPE = /^content-type:[ \t]*([^;\r\n]*)[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*/im;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Boundary parameters declared anywhere in the message (top level and nested parts). */
function declaredBoundaries(text: string): string[] {
  const found = new Set<string>();
  // [ \t]* and not \s*: a base64 line may end in "=" and must not join the next line.
  for (const m of text.matchAll(/boundary[ \t]*=[ \t]*(?:"([^"\r\n]+)"|([^\s;"]+))/gi)) {
    found.add((m[1] ?? m[2])!);
  }
  return [...found];
}

/** Checks the multipart structure of `raw`; see StructureCheck. Never throws. */
export function checkStructure(raw: Buffer): StructureCheck {
  const problems: string[] = [];
  const text = raw.toString("latin1");
  const headEnd = bodyOffset(raw);
  const head = text.slice(0, headEnd);
  const body = text.slice(headEnd);
  if (!/^[\x21-\x39\x3b-\x7e]+:/m.test(head)) problems.push("broken_mime: no header fields");
  if (headEnd === raw.length && !/\r?\n\r?\n/.test(text)) problems.push("broken_mime: no blank line after the header");

  let repaired: Buffer | null = null;
  const ct = TOP_CONTENT_TYPE.exec(head);
  const topType = ct?.[1]?.trim().toLowerCase() ?? "";
  if (ct && topType.startsWith("multipart/") && !/boundary[ \t]*=/i.test(ct[0])) {
    const delimiter = /^--([^\s]{1,70}?)(?:--)?[ \t]*$/m.exec(body);
    if (delimiter) {
      const boundary = delimiter[1]!;
      problems.push(`broken_mime: ${topType} without boundary parameter; recovered "${boundary}"`);
      const field = `${ct[0]}; boundary="${boundary}"`;
      repaired = Buffer.from(head.replace(ct[0], field) + body, "latin1");
    } else {
      problems.push(`broken_mime: ${topType} without boundary parameter; body read as plain text`);
      repaired = Buffer.from(head.replace(ct[0], "Content-Type: text/plain") + body, "latin1");
    }
  }

  for (const boundary of declaredBoundaries(head + body)) {
    const b = escapeRe(boundary);
    if (!new RegExp(`^--${b}[ \\t]*\\r?$`, "m").test(body)) {
      problems.push(`broken_mime: no part delimited by boundary "${boundary}"`);
    } else if (!new RegExp(`^--${b}--`, "m").test(body)) {
      problems.push(`broken_mime: truncated, no closing delimiter for boundary "${boundary}"`);
    }
  }
  return { problems, repaired };
}

export interface MimeShape {
  /** Deepest nesting of multiparts and attached messages (a single-part mail is 0). */
  depth: number;
  /** Body parts that are not multiparts (text bodies and attachments alike). */
  leafParts: number;
  /** True when the scan stopped early because `maxDepth` was passed. */
  truncated: boolean;
}

const CT_PARAMS = /^content-type:[ \t]*([^;\s]*)([^]*)$/i;

/**
 * When `line` is a delimiter of an open multipart, closes everything opened inside it (and, for a close delimiter,
 * the multipart itself) and says which kind it was; otherwise null and the stack is left alone.
 */
function applyDelimiter(stack: string[], line: string): "part" | "close" | null {
  for (let i = stack.length - 1; i >= 0; i--) {
    const b = stack[i]!;
    if (b === "") continue;
    if (line === `--${b}`) {
      stack.length = i + 1;
      return "part";
    }
    if (line === `--${b}--`) {
      stack.length = i;
      return "close";
    }
  }
  return null;
}

/**
 * The nesting of a message, read from its boundaries line by line without a MIME parser, so that a mail nested
 * 1,000 deep is recognised before mailparser walks it (mailparser gives up past 999 child nodes with an error, and
 * below that walks every level). A delimiter line `--b` closes every part opened inside `b` (RFC 2046 §5.1.1); an
 * attached message/rfc822 opens one more level. Stops as soon as the depth passes `maxDepth`.
 */
export function scanMimeShape(raw: Buffer, maxDepth: number): MimeShape {
  const text = raw.toString("latin1");
  // Open multiparts by boundary; an attached message is a "" entry, closed with the part that holds it.
  const stack: string[] = [];
  let depth = 0;
  let leafParts = 0;
  let inHeader = true;
  let header: string[] = [];
  let pos = 0;
  while (pos <= text.length) {
    let end = text.indexOf("\n", pos);
    if (end < 0) end = text.length;
    const line = text.slice(pos, end).replace(/\r$/, "");
    pos = end + 1;
    // A delimiter ends whatever came before it, a header block cut short included.
    const delimiter = line.startsWith("--") ? applyDelimiter(stack, line.trimEnd()) : null;
    if (delimiter) {
      header = [];
      // "--b": a part's header follows; "--b--": the epilogue, text until the enclosing boundary.
      inHeader = delimiter === "part";
      continue;
    }
    if (!inHeader) continue;
    if (line !== "" && pos <= text.length) {
      if (/^[ \t]/.test(line) && header.length > 0) header[header.length - 1] += line;
      else header.push(line);
      continue;
    }
    const ct = header.map((h) => CT_PARAMS.exec(h)).find((m) => m);
    header = [];
    const type = ct?.[1]?.toLowerCase() ?? "text/plain";
    const boundary = ct ? /boundary[ \t]*=[ \t]*(?:"([^"]+)"|([^\s;"]+))/i.exec(ct[2]!) : null;
    if (type.startsWith("multipart/") && boundary) {
      stack.push((boundary[1] ?? boundary[2])!);
      inHeader = false;
    } else if (type === "message/rfc822" || type === "message/global") {
      stack.push("");
      inHeader = true; // the attached message's own header follows
    } else {
      leafParts++;
      inHeader = false;
    }
    depth = Math.max(depth, stack.length);
    if (depth > maxDepth) return { depth, leafParts, truncated: true };
  }
  return { depth, leafParts, truncated: false };
}
