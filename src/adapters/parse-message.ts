/**
 * Raw RFC 5322 message → MailFacts, with mailparser. Never throws: what cannot be read is listed in
 * `problems` and the rest is still returned.
 */
import { createHash } from "node:crypto";
import { simpleParser, type AddressObject, type Attachment, type ParsedMail } from "mailparser";
import type { AttachmentFacts, ForwardedFacts, MailFacts } from "../domain/message.ts";
import { cleanFilename, isDecorativePart, standInName } from "./mail-attachments.ts";
import { decodeEncodedWords, decodeText, makeIconv, relabelTextParts } from "./mail-charset.ts";
import { parseMailDate } from "./mail-date.ts";
import { findInlineForward, splitAddress } from "./mail-forwarded.ts";
import { bodyOffset, firstHeader, messageIdTokens, readHeaders } from "./mail-headers.ts";
import { BODY_OMITTED_HEADER, DEFAULT_LIMITS, type ResourceLimits } from "./limits.ts";
import { checkStructure, scanMimeShape } from "./mail-structure.ts";

export interface ParseOptions {
  /** IANA zone for dates written without an offset (inline forwards). Default "Asia/Ho_Chi_Minh". */
  timeZone?: string;
  /** How deep attached `message/rfc822` mails are opened. Default 3. */
  maxForwardDepth?: number;
  /** Message size, attachment size and count, MIME depth (issue 13 §1); defaults from limits.ts. */
  limits?: Partial<Pick<ResourceLimits, MessageLimitKey>>;
}

// BODY_OMITTED_HEADER lives in limits.ts so that the IMAP adapter can name it without loading mailparser.
export { BODY_OMITTED_HEADER };

type MessageLimitKey = "messageBytes" | "attachmentBytes" | "attachmentsPerMessage" | "mimeDepth";
type Options = Required<Omit<ParseOptions, "limits">> & { limits: Pick<ResourceLimits, MessageLimitKey> };

const REPLACEMENT = /\uFFFD/g;

function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function countReplacements(text: string | undefined): number {
  return text?.match(REPLACEMENT)?.length ?? 0;
}

async function runParser(source: Buffer, problems: string[]): Promise<ParsedMail> {
  return simpleParser(source, {
    Iconv: makeIconv(problems),
    // message/rfc822 parts stay attachments: forwarded originals are parsed on their own, below.
    ignoreEmbedded: true,
    keepCidLinks: true,
    skipImageLinks: true,
    skipTextToHtml: true,
    skipTextLinks: true,
    checksumAlgo: false,
  });
}

/** Parses with mailparser; on failure, parses the header alone and reads the body as text by guess. */
async function parseLeniently(source: Buffer, problems: string[]): Promise<ParsedMail | null> {
  try {
    return await runParser(source, problems);
  } catch (err) {
    problems.push(`broken_mime: ${(err as Error).message}`);
  }
  try {
    const start = bodyOffset(source);
    const head = await runParser(source.subarray(0, start), problems);
    const body = source.subarray(start);
    return { ...head, text: decodeText(body, "x-intake-guess").text, attachments: [] };
  } catch {
    return null;
  }
}

/** Re-decodes text bodies by guess when the declared charset left replacement characters. */
async function repairText(source: Buffer, parsed: ParsedMail, problems: string[]): Promise<string> {
  const text = parsed.text ?? "";
  const before = countReplacements(text);
  if (before === 0) return text;
  try {
    const retry = await runParser(relabelTextParts(source), []);
    const after = countReplacements(retry.text);
    if (after < before) {
      problems.push(`undecodable_text: ${before} invalid bytes for the declared charset; re-decoded by guess`);
      return retry.text ?? text;
    }
  } catch {
    // the first parse stands
  }
  problems.push(`undecodable_text: ${before} replacement characters`);
  return text;
}

/** The decoded subject; encoded words in charsets mailparser does not know are decoded again by guess. */
function readSubject(parsed: ParsedMail | null, headers: Record<string, string[]>, problems: string[]): string {
  const raw = firstHeader(headers, "subject") ?? "";
  let subject = parsed?.subject ?? raw;
  if (subject.includes("\uFFFD") || /=\?[^?]+\?[bq]\?/i.test(subject)) {
    const again = decodeEncodedWords(raw);
    problems.push(`undecodable_header: subject${again.includes("\uFFFD") ? "" : "; re-decoded by guess"}`);
    if (countReplacements(again) < countReplacements(subject) || !again.includes("\uFFFD")) subject = again;
  }
  return subject.normalize("NFC");
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  const out: string[] = [];
  const visit = (entries: AddressObject["value"]): void => {
    for (const e of entries) {
      if (e.group) visit(e.group);
      else if (e.address) out.push(e.address.toLowerCase());
    }
  };
  for (const obj of list) visit(obj.value);
  return [...new Set(out)];
}

function mainContentType(headers: Record<string, string[]>): string {
  const value = firstHeader(headers, "content-type");
  const type = value?.split(";")[0]?.trim().toLowerCase();
  // RFC 2045 §5.2: a message without Content-Type is text/plain.
  return type && type.includes("/") ? type : "text/plain";
}

function normaliseMessageId(value: string | undefined | null, raw: Buffer): string {
  const v = value?.trim();
  if (v) return v.startsWith("<") ? v : `<${v.replace(/^<|>$/g, "")}>`;
  return `<${sha256(raw)}@missing>`;
}

interface Parts {
  attachments: AttachmentFacts[];
  forwarded: ForwardedFacts | null;
}

async function collectParts(
  list: Attachment[],
  isReport: boolean,
  receivedAt: Date,
  options: Options,
  depth: number,
  problems: string[],
): Promise<Parts> {
  const attachments: AttachmentFacts[] = [];
  let forwarded: ForwardedFacts | null = null;
  for (const part of list) {
    const contentType = part.contentType.toLowerCase();
    const content = part.content ?? Buffer.alloc(0);
    // A DSN's message/rfc822 is our own undelivered mail (RFC 3464), not a forward: it stays an attachment.
    if (contentType === "message/rfc822" && !isReport && depth < options.maxForwardDepth) {
      const inner = await parseAt(content, receivedAt, options, depth + 1);
      forwarded ??= { from: inner.from, fromName: inner.fromName, subject: inner.subject, date: inner.date, text: inner.text };
      for (const a of inner.attachments) attachments.push({ ...a, fromForwarded: true });
      for (const p of inner.problems) problems.push(`forwarded: ${p}`);
      continue;
    }
    if (isDecorativePart({ ...part, contentType, size: content.length })) continue;
    attachments.push({
      filename: cleanFilename(part.filename) ?? standInName(attachments.length + 1, contentType),
      contentType,
      size: content.length,
      sha256: sha256(content),
      content,
      fromForwarded: false,
    });
  }
  return { attachments, forwarded };
}

async function parseAt(raw: Buffer, receivedAt: Date, options: Options, depth: number): Promise<MailFacts> {
  const headers = readHeaders(raw);
  const structure = checkStructure(raw);
  const problems = [...structure.problems];
  const source = structure.repaired ?? raw;
  const parsed = await parseLeniently(source, problems);

  const contentType = mainContentType(headers);
  const subject = readSubject(parsed, headers, problems);
  const text = parsed ? (await repairText(source, parsed, problems)).replace(/\r\n?/g, "\n").normalize("NFC") : "";
  if (parsed?.textConversionError) problems.push(`html_to_text: ${parsed.textConversionError.message}`);

  const dateHeader = firstHeader(headers, "date");
  const date = parseMailDate(dateHeader, options.timeZone);
  if (dateHeader && !date) problems.push(`bad_date: ${dateHeader}`);

  const fromEntry = parsed?.from?.value.find((e) => e.address) ?? parsed?.from?.value[0];
  const fallbackFrom = parsed ? null : splitAddress(firstHeader(headers, "from") ?? "");
  const from = fromEntry?.address?.toLowerCase() || fallbackFrom?.address || null;
  const fromName = (fromEntry?.name || fallbackFrom?.name || "").normalize("NFC").trim() || null;

  const parts = await collectParts(parsed?.attachments ?? [], contentType === "multipart/report", receivedAt, options, depth, problems);
  if (depth === 0) applyPartLimits(parts, options.limits, problems);
  const forwarded = parts.forwarded ?? findInlineForward(text, subject, options.timeZone);

  return {
    messageId: normaliseMessageId(parsed?.messageId ?? firstHeader(headers, "message-id"), raw),
    from,
    fromName,
    to: addresses(parsed?.to),
    cc: addresses(parsed?.cc),
    replyTo: addresses(parsed?.replyTo),
    subject,
    date,
    receivedAt,
    headers,
    contentType,
    inReplyTo: messageIdTokens(firstHeader(headers, "in-reply-to"))[0] ?? firstHeader(headers, "in-reply-to"),
    references: messageIdTokens((headers["references"] ?? []).join(" ")),
    text,
    attachments: parts.attachments,
    forwarded,
    problems,
  };
}

/**
 * Parses a received raw message into MailFacts (see src/domain/message.ts). Never throws: broken MIME,
 * unknown charsets and undecodable text are listed in `problems` ("broken_mime: …", "unknown_charset: …",
 * "undecodable_text: …", "bad_date: …", "forwarded: …"); an empty buffer gives problems ["empty_message"].
 *
 * - Attached `message/rfc822` mails are parsed recursively: the first becomes `forwarded`, and their
 *   attachments are listed with `fromForwarded: true` (the .eml part itself is not listed). Inside a
 *   `multipart/report` (a bounce) the returned original stays an ordinary attachment.
 * - Inline forwards (Gmail, Outlook, Thunderbird, Apple Mail, English or Vietnamese) fill `forwarded`
 *   from the first forward block of the text (mail-forwarded.ts).
 * - Inline images of at most INLINE_IMAGE_MAX_BYTES (signature logos) and S/MIME signatures are not listed;
 *   0-byte attachments are.
 * - Limits (issue 13 §1, `options.limits`, defaults in limits.ts): the problem's first word is the reason code.
 *   `too_large: message …` (over messageBytes) and `too_many_parts: MIME nesting …` (deeper than mimeDepth, found by
 *   a boundary scan before mailparser) give the header facts only; `too_many_parts: N attachments …` drops the
 *   attachments; `too_large: attachment "…" …` names an attachment over attachmentBytes and keeps it listed.
 */
export async function parseMessage(raw: Buffer, receivedAt: Date, options: ParseOptions = {}): Promise<MailFacts> {
  const limits = { ...pickLimits(DEFAULT_LIMITS), ...definedOnly(options.limits ?? {}) };
  const opts: Options = { timeZone: options.timeZone ?? "Asia/Ho_Chi_Minh", maxForwardDepth: options.maxForwardDepth ?? 3, limits };
  if (raw.length === 0) return headerOnlyFacts(raw, receivedAt, ["empty_message"]);
  const omitted = /^x-intake-body-omitted:[ \t]*size=(\d+)/i.exec(raw.subarray(0, 200).toString("latin1"));
  if (omitted) {
    return headerOnlyFacts(raw, receivedAt, [`too_large: message of ${omitted[1]} bytes on the server, over the ${limits.messageBytes}-byte limit; not downloaded`]);
  }
  if (raw.length > limits.messageBytes) {
    return headerOnlyFacts(raw, receivedAt, [`too_large: message of ${raw.length} bytes, over the ${limits.messageBytes}-byte limit`]);
  }
  // Bounded before mailparser walks it: a 1,000-deep nesting or thousands of parts never reach the parser.
  const shape = scanMimeShape(raw, limits.mimeDepth);
  if (shape.truncated) {
    return headerOnlyFacts(raw, receivedAt, [`too_many_parts: MIME nesting deeper than ${limits.mimeDepth} levels`]);
  }
  if (shape.leafParts > PARSE_PARTS_FACTOR * limits.attachmentsPerMessage) {
    return headerOnlyFacts(raw, receivedAt, [`too_many_parts: ${shape.leafParts} body parts, over the limit of ${limits.attachmentsPerMessage} attachments`]);
  }
  try {
    return await parseAt(raw, receivedAt, opts, 0);
  } catch (err) {
    // Last resort, so that one message never stops a batch: whatever the header says.
    return headerOnlyFacts(raw, receivedAt, [`broken_mime: ${(err as Error).message}`]);
  }
}

/**
 * Parts beyond this many times the attachment limit are not even parsed: text and HTML bodies and inline logos
 * are parts too, so a mail near the limit may have twice as many, but not many more.
 */
const PARSE_PARTS_FACTOR = 2;

function pickLimits(l: Readonly<ResourceLimits>): Pick<ResourceLimits, MessageLimitKey> {
  return { messageBytes: l.messageBytes, attachmentBytes: l.attachmentBytes, attachmentsPerMessage: l.attachmentsPerMessage, mimeDepth: l.mimeDepth };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * The attachment limits, on what the mail lists (forwarded mails' attachments included): over the count, the
 * attachments are dropped (the raw mail stays archived for the person who looks at it) and the mail is
 * `too_many_parts`; an attachment over the size limit is named in a `too_large` problem (the reader refuses it too).
 */
function applyPartLimits(parts: Parts, limits: Pick<ResourceLimits, MessageLimitKey>, problems: string[]): void {
  if (parts.attachments.length > limits.attachmentsPerMessage) {
    problems.push(`too_many_parts: ${parts.attachments.length} attachments, over the limit of ${limits.attachmentsPerMessage}`);
    parts.attachments = [];
    return;
  }
  for (const a of parts.attachments) {
    if (a.size > limits.attachmentBytes) problems.push(`too_large: attachment "${a.filename}" of ${a.size} bytes, over the ${limits.attachmentBytes}-byte limit`);
  }
}

/** At most this much of a header block is parsed for a mail whose body is not (a header with no end is junk). */
const HEADER_ONLY_MAX_BYTES = 1024 * 1024;

/**
 * The facts of a mail whose body is not parsed (over a limit, or unparseable): its header block alone, parsed
 * with mailparser so that encoded words split mid-character (Outlook) are decoded as they are in a full parse.
 */
async function headerOnlyFacts(raw: Buffer, receivedAt: Date, problems: string[]): Promise<MailFacts> {
  const head = raw.subarray(0, Math.min(bodyOffset(raw), HEADER_ONLY_MAX_BYTES));
  const headers = readHeaders(head);
  let parsed: ParsedMail | null = null;
  try {
    parsed = await runParser(head, []);
  } catch {
    // the raw header stands
  }
  const entry = parsed?.from?.value.find((e) => e.address);
  const sender = entry ? { address: entry.address!.toLowerCase(), name: entry.name?.normalize("NFC").trim() || null } : splitAddress(firstHeader(headers, "from") ?? "");
  return {
    messageId: normaliseMessageId(parsed?.messageId ?? firstHeader(headers, "message-id"), raw),
    from: sender.address,
    fromName: sender.name,
    to: addresses(parsed?.to),
    cc: addresses(parsed?.cc),
    replyTo: addresses(parsed?.replyTo),
    subject: readSubject(parsed, headers, []),
    date: null,
    receivedAt,
    headers,
    contentType: mainContentType(headers),
    inReplyTo: messageIdTokens(firstHeader(headers, "in-reply-to"))[0] ?? firstHeader(headers, "in-reply-to"),
    references: messageIdTokens((headers["references"] ?? []).join(" ")),
    text: "",
    attachments: [],
    forwarded: null,
    problems,
  };
}
