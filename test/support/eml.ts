/**
 * Builders of realistic raw RFC 5322 messages for tests, written the way the units' mail clients write them
 * (Outlook 2016, Gmail, Thunderbird, Apple Mail): header order and encodings, MIME structure, attachment
 * name parameters, inline forward blocks. Output is deterministic: the same spec gives the same bytes.
 *
 *   const raw = outlookMail({ from: { name: "Nguyễn Văn An", address: "nvdp@cuc.example.vn" },
 *     to: ["vp@cuc.example.vn"], subject: "Báo cáo tuần 47 - Phòng NVĐP", text: "Kính gửi Văn phòng…",
 *     attachments: [{ filename: "Báo cáo tuần 47.docx", content: docxBytes }] });
 *
 * Also: bounceMail (Postfix DSN), autoReplyMail, brokenMail (missing boundary, truncated, unknown charset).
 */
import { createHash } from "node:crypto";
import { DateTime } from "luxon";
import { base64Lines, crlf, encodeCharset, encodeWords, quotedPrintable, rfc2231Param, type Charset, type WordEncoding } from "./eml-encode.ts";
import { forwardBlock } from "./eml-forward.ts";

export type { Charset, WordEncoding } from "./eml-encode.ts";
export type Client = "outlook" | "gmail" | "thunderbird" | "apple" | "plain";
export type TransferEncoding = "base64" | "quoted-printable" | "8bit" | "7bit";
/**
 * How an attachment's name is written:
 * - `rfc2231`: `filename*=utf-8''B%C3%A1o…` (Thunderbird, Apple Mail); long names use continuations;
 * - `rfc2231-continuation`: always split into `filename*0*=…; filename*1*=…`;
 * - `outlook-rfc2047`: `filename="=?utf-8?B?…?="` on both headers (Outlook, Gmail);
 * - `raw-utf8`: `filename="Báo cáo.docx"` in raw 8-bit UTF-8 (some webmails, RFC 6532);
 * - `nfd`: like `rfc2231`, the name in NFD (macOS file names);
 * - `content-type-only`: only `name="=?utf-8?B?…?="` on Content-Type, no Content-Disposition (old clients);
 * - `none`: no name at all.
 */
export type NameStyle = "rfc2231" | "rfc2231-continuation" | "outlook-rfc2047" | "raw-utf8" | "nfd" | "content-type-only" | "none";
export type Address = string | { name?: string; address: string };

export interface AttachmentSpec {
  filename?: string;
  content: Buffer | string;
  /** Default from the file extension (docx, pdf, doc, xlsx, odt, txt…), else application/octet-stream. */
  contentType?: string;
  /** Default per client (outlook/gmail: outlook-rfc2047; thunderbird: rfc2231; apple: nfd). */
  nameStyle?: NameStyle;
  transferEncoding?: "base64" | "quoted-printable";
}

export interface InlineImageSpec {
  content: Buffer;
  name?: string;
  contentType?: string;
  /** Content-ID without angle brackets; default like Outlook's "image001.png@01DB3A2C.5F1E2B30". */
  cid?: string;
}

export interface ForwardSpec {
  /** `rfc822`: the original attached as message/rfc822; `inline`: quoted in the body in the client's style. */
  as: "rfc822" | "inline";
  /** The original mail: a spec (built with the same client) or raw bytes (rfc822 only). */
  original: MailSpec | Buffer;
}

export interface MailSpec {
  from: Address;
  to: Address[];
  cc?: Address[];
  replyTo?: Address[];
  subject: string;
  /** Encoded-word form of the subject and display names; default per client (Thunderbird Q, others B). */
  subjectEncoding?: WordEncoding | "raw";
  /** Charset of the subject's encoded words; default `charset`. */
  subjectCharset?: Charset;
  /** Default 2026-11-18 10:12 +07:00. */
  date?: Date;
  /** Without angle brackets or with; `null` = no Message-ID header. Default: a client-style stable id. */
  messageId?: string | null;
  inReplyTo?: string;
  references?: string[];
  text?: string;
  /** HTML body; default: generated from `text` for outlook/gmail/apple; `false` = plain text only. */
  html?: string | false;
  /** Charset of the text parts (and default of the subject). Default utf-8. */
  charset?: Charset;
  transferEncoding?: TransferEncoding;
  attachments?: AttachmentSpec[];
  /** Images referenced from the HTML body (signature logos): multipart/related with Content-ID. */
  inlineImages?: InlineImageSpec[];
  forward?: ForwardSpec;
  /** Labels and date formats of inline forward blocks. Default "en". */
  locale?: "en" | "vi";
  /** Extra or replacing top-level headers (Auto-Submitted, Precedence, List-Id…); `null` removes one. */
  headers?: Record<string, string | null>;
  /** Default "plain" for buildMail; the presets set it. */
  client?: Client;
}

type Header = [string, string];
type Node = { headers: Header[]; body: string | Buffer } | { headers: Header[]; boundary: string; parts: Node[]; preamble?: string };

export const DEFAULT_DATE = new Date("2026-11-18T10:12:00+07:00");
const ZONE = "Asia/Ho_Chi_Minh";

/** A real 1×1 PNG (67 bytes), for signature logos. */
export const TINY_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

const TYPES: Record<string, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  doc: "application/msword",
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  xls: "application/vnd.ms-excel",
  odt: "application/vnd.oasis.opendocument.text",
  rtf: "application/rtf",
  txt: "text/plain",
  zip: "application/zip",
  png: "image/png",
  jpg: "image/jpeg",
  eml: "message/rfc822",
};

/** Stable seed of a spec: every field, buffers by their hash, so two specs that differ anywhere differ here. */
function seedOf(spec: MailSpec, salt: string): string {
  const key = JSON.stringify([spec, salt], (_k, v: unknown) => {
    if (v && typeof v === "object" && (v as { type?: string }).type === "Buffer") return createHash("sha256").update(Buffer.from((v as { data: number[] }).data)).digest("hex");
    return v;
  });
  return createHash("sha256").update(key).digest("hex");
}

function bare(a: Address): string {
  return typeof a === "string" ? a : a.address;
}

/** `"Name" <addr>` with the name encoded as the client does; a bare address when there is no name. */
export function formatAddress(a: Address, mode: WordEncoding | "raw" = "B"): string {
  if (typeof a === "string" || !a.name) return bare(a);
  if (mode === "raw" || /^[\x20-\x7e]*$/.test(a.name)) return `"${a.name}" <${a.address}>`;
  return `${encodeWords(a.name, "utf-8", mode)} <${a.address}>`;
}

/** The Date header form: "Wed, 18 Nov 2026 10:12:00 +0700". */
export function rfc2822(date: Date): string {
  return DateTime.fromJSDate(date, { zone: ZONE }).setLocale("en").toRFC2822() ?? "";
}

function encodedBody(text: string, charset: Charset, cte: TransferEncoding): string | Buffer {
  const bytes = encodeCharset(crlf(text), charset);
  if (cte === "base64") return base64Lines(bytes);
  if (cte === "quoted-printable") return quotedPrintable(bytes);
  return bytes;
}

function textLeaf(subtype: "plain" | "html", text: string, charset: Charset, cte: TransferEncoding, client: Client): Node {
  const flowed = client === "thunderbird" && subtype === "plain" ? "; format=flowed" : "";
  const cs = client === "gmail" ? `"${charset.toUpperCase()}"` : client === "outlook" ? `"${charset}"` : charset;
  return { headers: [["Content-Type", `text/${subtype}; charset=${cs}${flowed}`], ["Content-Transfer-Encoding", cte]], body: encodedBody(text, charset, cte) };
}

function htmlFrom(text: string, client: Client, images: InlineImageSpec[], cids: string[]): string {
  const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const lines = text.split(/\r?\n/);
  const logo = cids.map((cid, i) => `<img width="120" height="40" src="cid:${cid}" alt="${esc(images[i]?.name ?? "logo")}">`).join("");
  if (client === "outlook") {
    const ps = lines.map((l) => `<p class="MsoNormal">${l.trim() ? esc(l) : "<o:p>&nbsp;</o:p>"}</p>`).join("\n");
    return `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>\n<body lang="EN-US"><div class="WordSection1">\n${ps}\n${logo ? `<p class="MsoNormal">${logo}</p>` : ""}\n</div></body></html>`;
  }
  return `<div dir="ltr">${lines.map((l) => (l.trim() ? esc(l) : "")).join("<br>")}${logo ? `<br>${logo}` : ""}</div>`;
}

function attachmentNode(att: AttachmentSpec, client: Client): Node {
  const ext = att.filename?.split(".").pop()?.toLowerCase() ?? "";
  const type = att.contentType ?? TYPES[ext] ?? "application/octet-stream";
  const style: NameStyle = att.nameStyle ?? (client === "thunderbird" ? "rfc2231" : client === "apple" ? "nfd" : "outlook-rfc2047");
  const name = att.filename ?? "";
  const content = typeof att.content === "string" ? Buffer.from(att.content, "utf8") : att.content;
  let ctParams = "";
  let cd: string | null = "attachment";
  if (style !== "none" && name) {
    if (style === "outlook-rfc2047" || style === "content-type-only") {
      const words = encodeWords(name, "utf-8", "B");
      ctParams = `;\r\n\tname="${words}"`;
      cd = style === "content-type-only" ? null : `attachment;\r\n\tfilename="${words}"`;
    } else if (style === "raw-utf8") {
      ctParams = `; name="${name}"`;
      cd = `attachment; filename="${name}"`;
    } else {
      const value = style === "nfd" ? name.normalize("NFD") : name;
      const segment = style === "rfc2231-continuation" ? 24 : 60;
      ctParams = `;\r\n\t${rfc2231Param("name", value, segment)}`;
      cd = `attachment;\r\n\t${rfc2231Param("filename", value, segment)}`;
    }
  }
  const cte = att.transferEncoding ?? "base64";
  const headers: Header[] = [["Content-Type", `${type}${ctParams}`]];
  if (client === "outlook") headers.push(["Content-Description", name || "attachment"]);
  if (cd) headers.push(["Content-Disposition", cd + (client === "outlook" ? `; size=${content.length}` : "")]);
  headers.push(["Content-Transfer-Encoding", cte]);
  if (client === "gmail") headers.push(["X-Attachment-Id", `f_${createHash("md5").update(name + content.length).digest("hex").slice(0, 9)}`]);
  return { headers, body: cte === "base64" ? base64Lines(content) : quotedPrintable(content) };
}

function boundaryFor(client: Client, seed: string, level: number): string {
  const h = createHash("sha256").update(seed + level).digest("hex").toUpperCase();
  switch (client) {
    case "outlook":
      return `----=_NextPart_00${level}_${h.slice(0, 4)}_${h.slice(4, 12)}.${h.slice(12, 20)}`;
    case "gmail":
      return `0000000000${h.slice(0, 18).toLowerCase()}`;
    case "thunderbird":
      return `------------${h.slice(0, 24)}`;
    case "apple":
      return `Apple-Mail=_${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
    default:
      return `=_part_${level}_${h.slice(0, 16).toLowerCase()}`;
  }
}

function messageIdFor(client: Client, seed: string, from: string): string {
  const domain = from.split("@")[1] ?? "example.vn";
  switch (client) {
    case "outlook":
      return `<000001${seed.slice(0, 6)}$${seed.slice(6, 14)}$${seed.slice(14, 22)}$@${domain}>`;
    case "gmail":
      return `<CA${Buffer.from(seed.slice(0, 30), "hex").toString("base64url")}@mail.gmail.com>`;
    case "apple":
      return `<${seed.slice(0, 8).toUpperCase()}-${seed.slice(8, 12).toUpperCase()}-${seed.slice(12, 16).toUpperCase()}@${domain}>`;
    default:
      return `<${seed.slice(0, 8)}-${seed.slice(8, 12)}-${seed.slice(12, 20)}@${domain}>`;
  }
}

function render(node: Node): Buffer {
  const head = node.headers.map(([k, v]) => `${k}: ${v}\r\n`).join("");
  if ("parts" in node) {
    const chunks: Buffer[] = [Buffer.from(`${head}\r\n${node.preamble ?? ""}`, "utf8")];
    for (const part of node.parts) chunks.push(Buffer.from(`\r\n--${node.boundary}\r\n`), render(part));
    chunks.push(Buffer.from(`\r\n--${node.boundary}--\r\n`));
    return Buffer.concat(chunks);
  }
  const body = typeof node.body === "string" ? Buffer.from(node.body, "utf8") : node.body;
  return Buffer.concat([Buffer.from(`${head}\r\n`, "utf8"), body]);
}

function multipart(subtype: string, boundary: string, parts: Node[], client: Client): Node {
  const preamble = client === "outlook" ? "This is a multi-part message in MIME format.\r\n" : "";
  const fold = client === "outlook" ? ";\r\n\t" : "; ";
  const type = subtype === "related" && client === "outlook" ? `multipart/related${fold}type="multipart/alternative"` : `multipart/${subtype}`;
  return { headers: [["Content-Type", `${type}${fold}boundary="${boundary}"`]], boundary, parts, preamble };
}

/** Builds the raw message described by `spec` (see MailSpec); deterministic. */
export function buildMail(spec: MailSpec): Buffer {
  const client = spec.client ?? "plain";
  const seed = seedOf(spec, "");
  const charset = spec.charset ?? "utf-8";
  const wordMode = spec.subjectEncoding ?? (client === "thunderbird" ? "Q" : "B");
  const cte = spec.transferEncoding ?? (client === "thunderbird" ? "8bit" : "quoted-printable");
  let text = spec.text ?? "";
  const attachments = [...(spec.attachments ?? [])];
  const extra: Node[] = [];

  if (spec.forward) {
    const { original } = spec.forward;
    if (spec.forward.as === "rfc822") {
      const raw = Buffer.isBuffer(original) ? original : buildMail({ client, ...original });
      const subject = Buffer.isBuffer(original) ? "message" : original.subject;
      const name = encodeWords(`${subject}.eml`, "utf-8", "B");
      extra.push({
        headers: [["Content-Type", client === "thunderbird" ? `message/rfc822; charset=UTF-8; name="${name}"` : "message/rfc822"], ["Content-Disposition", client === "thunderbird" ? `attachment; filename="${name}"` : "attachment"]],
        body: raw,
      });
    } else {
      if (Buffer.isBuffer(original)) throw new Error("an inline forward needs the original as a MailSpec");
      text = `${text}\n\n${forwardBlock(client, spec.locale ?? "en", original)}\n\n${original.text ?? ""}`;
      attachments.push(...(original.attachments ?? []));
    }
  }

  const images = spec.inlineImages ?? [];
  const cids = images.map((img, i) => img.cid ?? `image${String(i + 1).padStart(3, "0")}.png@01DB3A2C.${seed.slice(0, 8).toUpperCase()}`);
  const html = spec.html === false ? null : (spec.html ?? (client === "thunderbird" || client === "plain" ? null : htmlFrom(text, client, images, cids)));
  let body: Node = textLeaf("plain", text, charset, cte, client);
  if (html !== null) body = multipart("alternative", boundaryFor(client, seed, 2), [body, textLeaf("html", html, charset, cte, client)], client);
  if (images.length > 0) {
    const imageNodes: Node[] = images.map((img, i) => ({
      headers: [
        ["Content-Type", `${img.contentType ?? "image/png"}; name="${img.name ?? `image${String(i + 1).padStart(3, "0")}.png`}"`],
        ["Content-Description", img.name ?? `image${String(i + 1).padStart(3, "0")}.png`],
        ["Content-Disposition", `inline; filename="${img.name ?? `image${String(i + 1).padStart(3, "0")}.png`}"; size=${img.content.length}`],
        ["Content-ID", `<${cids[i]}>`],
        ["Content-Transfer-Encoding", "base64"],
      ],
      body: base64Lines(img.content),
    }));
    body = multipart("related", boundaryFor(client, seed, 1), [body, ...imageNodes], client);
  }
  const files = [...attachments.map((a) => attachmentNode(a, client)), ...extra];
  const root = files.length > 0 ? multipart("mixed", boundaryFor(client, seed, 0), [body, ...files], client) : body;

  const subjectCharset = spec.subjectCharset ?? charset;
  const subject = wordMode === "raw" ? spec.subject : encodeWords(spec.subject, subjectCharset, wordMode);
  const list = (as: Address[]): string => as.map((a) => formatAddress(a, wordMode)).join(",\r\n\t");
  const top: Header[] = [
    ["From", formatAddress(spec.from, wordMode)],
    ["To", list(spec.to)],
  ];
  if (spec.cc?.length) top.push(["Cc", list(spec.cc)]);
  if (spec.replyTo?.length) top.push(["Reply-To", list(spec.replyTo)]);
  top.push(["Subject", subject], ["Date", rfc2822(spec.date ?? DEFAULT_DATE)]);
  if (spec.messageId !== null) {
    const id = spec.messageId ?? messageIdFor(client, seed, bare(spec.from));
    top.push(["Message-ID", id.startsWith("<") ? id : `<${id}>`]);
  }
  if (spec.inReplyTo) top.push(["In-Reply-To", spec.inReplyTo]);
  if (spec.references?.length) top.push(["References", spec.references.join("\r\n ")]);
  top.push(["MIME-Version", client === "apple" ? "1.0 (Mac OS X Mail 16.0 \\(3774.600.62\\))" : "1.0"]);
  if (client === "outlook") top.push(["X-Mailer", "Microsoft Outlook 16.0"], ["Thread-Index", `AQH${Buffer.from(seed.slice(0, 24), "hex").toString("base64")}`], ["Content-Language", "vi"]);
  if (client === "thunderbird") top.push(["User-Agent", "Mozilla Thunderbird"], ["Content-Language", "vi"]);
  if (client === "apple") top.push(["X-Mailer", "Apple Mail (2.3774.600.62)"]);
  const headers = [...top, ...root.headers];
  for (const [name, value] of Object.entries(spec.headers ?? {})) {
    const at = headers.findIndex(([k]) => k.toLowerCase() === name.toLowerCase());
    if (value === null) {
      if (at >= 0) headers.splice(at, 1);
    } else if (at >= 0) headers[at] = [name, value];
    else headers.splice(top.length, 0, [name, value]);
  }
  return render({ ...root, headers });
}

/** Outlook 2016: B-encoded subject and names, QP text + HTML, `filename="=?utf-8?B?…?="`, X-Mailer, Thread-Index. */
export function outlookMail(spec: Omit<MailSpec, "client">): Buffer {
  return buildMail({ ...spec, client: "outlook" });
}

/** Gmail: `charset="UTF-8"`, QP text + HTML, 0000000000… boundaries, X-Attachment-Id, CA…@mail.gmail.com ids. */
export function gmailMail(spec: Omit<MailSpec, "client">): Buffer {
  return buildMail({ ...spec, client: "gmail" });
}

/** Thunderbird: Q-encoded subject, 8bit format=flowed plain text, RFC 2231 file names, User-Agent. */
export function thunderbirdMail(spec: Omit<MailSpec, "client">): Buffer {
  return buildMail({ ...spec, client: "thunderbird" });
}

/** Apple Mail: Apple-Mail=_ boundaries, RFC 2231 file names in NFD (macOS), X-Mailer. */
export function appleMail(spec: Omit<MailSpec, "client">): Buffer {
  return buildMail({ ...spec, client: "apple" });
}

export { autoReplyMail, bounceMail, brokenMail, type BounceSpec, type Defect } from "./eml-special.ts";
