/**
 * Inline forwards: the original mail quoted in the body under a header block, the way each client writes it.
 * - Gmail: "---------- Forwarded message ---------" then From/Date/Subject/To lines.
 * - Thunderbird: "-------- Forwarded Message --------" then Subject/Date/From/To lines.
 * - Apple Mail: "Begin forwarded message:" then From/Subject/Date/To lines.
 * - Outlook: "-----Original Message-----", a line of underscores, or the header block alone:
 *   From/Sent/To/Subject, in Vietnamese Từ/Đã gửi/Đến/Chủ đề.
 * Outlook writes the same block when replying, so an Outlook-style block counts as a forward only when the
 * subject carries a forward prefix; the explicit markers of the other clients always count.
 */
import type { ForwardedFacts } from "../domain/message.ts";
import { fold, stripDiacritics } from "../domain/text/index.ts";
import { parseMailDate } from "./mail-date.ts";

type Field = "from" | "date" | "subject" | "to" | "cc";

/** Folded header labels → field. Vietnamese labels are those of Outlook, Gmail, Thunderbird and Apple Mail. */
const LABELS: Record<string, Field> = {
  from: "from",
  tu: "from",
  "nguoi gui": "from",
  date: "date",
  sent: "date",
  "da gui": "date",
  ngay: "date",
  "ngay gui": "date",
  "thoi gian": "date",
  "gui luc": "date",
  subject: "subject",
  "chu de": "subject",
  "tieu de": "subject",
  to: "to",
  den: "to",
  toi: "to",
  "nguoi nhan": "to",
  cc: "cc",
};

const EXPLICIT_MARKERS = [
  /^-{2,}\s*(forwarded message|thu (da |duoc )?chuyen tiep|tin nhan (da |duoc )?chuyen tiep)\s*-{2,}$/,
  /^(begin forwarded message|bat dau thu (duoc |da )?chuyen tiep):?$/,
];
const OUTLOOK_SEPARATORS = [/^-{3,}\s*(original message|thu goc|tin nhan goc)\s*-{3,}$/, /^_{10,}$/];

/** Forward prefixes: Fwd, FW, Fw, TL, CT, "Chuyển tiếp" (any case, possibly after other prefixes). */
const FORWARD_PREFIX = /^\s*(?:(?:re|aw|tra loi|fwd?|tl|ct|chuyen tiep)\s*:\s*)*?(?:fwd?|tl|ct|chuyen tiep)\s*:/;

/** True when the subject starts with a forward prefix (possibly after reply prefixes). */
export function hasForwardPrefix(subject: string): boolean {
  return FORWARD_PREFIX.test(stripDiacritics(subject).toLowerCase());
}

interface HeaderBlock {
  fields: Partial<Record<Field, string>>;
  /** Index of the first line after the block. */
  end: number;
}

function labelLine(line: string): { field: Field; value: string } | null {
  // "*From:* x" and "From: *x*" come from HTML bold converted to text.
  const m = /^[\s>*]*([^:*\t]{1,24}?)\s*\*?\s*:\s*\*?[ \t]*(.*)$/.exec(line);
  if (!m) return null;
  const field = LABELS[fold(m[1]!)];
  return field ? { field, value: m[2]!.replace(/\*+$/, "").trim() } : null;
}

function readBlock(lines: string[], start: number): HeaderBlock {
  const fields: HeaderBlock["fields"] = {};
  let i = start;
  while (i < lines.length && lines[i]!.trim() === "") i++;
  let last: Field | null = null;
  for (; i < lines.length && i < start + 16; i++) {
    const line = lines[i]!;
    if (line.trim() === "") break;
    const hit = labelLine(line);
    if (hit) {
      fields[hit.field] ??= hit.value;
      last = hit.field;
    } else if (last && /^[ \t]/.test(line)) {
      fields[last] = `${fields[last]} ${line.trim()}`;
    } else {
      break;
    }
  }
  return { fields, end: i };
}

/** Splits "Nguyễn Văn An <nvdp@cuc.example.vn>" (or "[mailto:…]", or a bare address) into address and name. */
export function splitAddress(value: string): { address: string | null; name: string | null } {
  const m = /(?:mailto:)?([^\s<>[\]"'():;,]+@[^\s<>[\]"'():;,]+\.[a-z]{2,})/i.exec(value);
  const address = m ? m[1]!.toLowerCase() : null;
  const name = value
    .replace(/<[^>]*>|\[[^\]]*\]/g, " ")
    .replace(/(?:mailto:)?[^\s<>[\]"'():;,]+@[^\s<>[\]"'():;,]+/gi, " ")
    .replace(/["'*]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return { address, name: name.length > 0 ? name.normalize("NFC") : null };
}

function toFacts(block: HeaderBlock, lines: string[], zone: string): ForwardedFacts {
  const { address, name } = splitAddress(block.fields.from ?? "");
  return {
    from: address,
    fromName: name,
    subject: block.fields.subject?.normalize("NFC") ?? null,
    date: parseMailDate(block.fields.date, zone),
    text: lines.slice(block.end).join("\n").trim().normalize("NFC"),
  };
}

/**
 * Finds the first inline-forward block in a plain-text body and returns the original's from, subject, date and
 * text (everything after the block). `subject` is the forwarding mail's subject (see the module comment);
 * dates without an offset are read in `zone`. Returns null when there is no forward block.
 */
export function findInlineForward(text: string, subject: string, zone: string): ForwardedFacts | null {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const forwardSubject = hasForwardPrefix(subject);
  for (let i = 0; i < lines.length; i++) {
    const key = stripDiacritics(lines[i]!).toLowerCase().replace(/^[\s>]+/, "").trim();
    if (EXPLICIT_MARKERS.some((re) => re.test(key))) {
      const block = readBlock(lines, i + 1);
      if (block.fields.from || block.fields.subject) return toFacts(block, lines, zone);
      continue;
    }
    if (!forwardSubject) continue;
    const separated = OUTLOOK_SEPARATORS.some((re) => re.test(key));
    const bare = !separated && labelLine(lines[i]!)?.field === "from";
    if (!separated && !bare) continue;
    const block = readBlock(lines, separated ? i + 1 : i);
    const f = block.fields;
    if (f.from && f.subject && (f.date || f.to)) return toFacts(block, lines, zone);
  }
  return null;
}
