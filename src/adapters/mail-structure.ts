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
