/**
 * Mail that is never counted or answered (contract.md "The mailbox"): the bot's own mail, delivery failures,
 * auto-replies, bulk and list mail, and the officer's own mail. Checked in that order, so a bounce that also
 * says "Auto-Submitted" is a delivery failure, and the bot's replies (which carry Auto-Submitted, RFC 3834 §5)
 * are its own mail.
 */
import type { NoiseReason } from "../model.ts";
import type { MailFacts } from "../message.ts";
import { fold } from "../text/index.ts";
import { bareAddress } from "./units.ts";

export interface NoiseContext {
  /** The bot's From address. Informative only: the officer sends from it too, so it never decides (contract.md). */
  botAddress: string;
  /** The domain of the Message-IDs the bot generates ("<…@intake.cuc.example.vn>"). */
  botMessageIdDomain: string;
  /** The header the bot writes on everything it sends, lower case (e.g. "x-intake-bot"). */
  botHeader: string;
  /** The office mailbox (the compiling officer). */
  officeAddress: string;
  /** The officer forwarded a registered unit's report: it is that unit's report, not officer mail. */
  isForwardedUnitReport: boolean;
}

/** What each noise reason means, for people (the `reason` text after its code; contract.md "submissions --json"). */
export const NOISE_TEXT: Record<NoiseReason, string> = {
  auto_reply: "Thư trả lời tự động, không phải báo cáo",
  delivery_failure: "Thông báo thư không gửi được, không phải báo cáo",
  bulk: "Thư gửi hàng loạt (bản tin, nhóm thư), không phải báo cáo",
  own_mail: "Thư do hệ thống tự động gửi",
  officer_mail: "Thư của chuyên viên tổng hợp, không phải báo cáo của đơn vị",
};

export interface Noise {
  reason: NoiseReason;
  /** What gave it away, e.g. "Auto-Submitted: auto-replied". */
  detail: string;
}

/** Subject openings of auto-replies (Outlook, Gmail, Zimbra, Vietnamese clients), folded. */
const AUTO_SUBJECTS = [
  "tu dong tra loi",
  "tra loi tu dong",
  "thu tra loi tu dong",
  "vang mat",
  "automatic reply",
  "auto reply",
  "autoreply",
  "auto response",
  "out of office",
  "out of the office",
  "ooo",
  "vacation reply",
  "away from office",
];
/** Subject openings of delivery reports, folded. */
const BOUNCE_SUBJECTS = [
  "undeliverable",
  "undelivered mail returned to sender",
  "delivery status notification failure",
  "mail delivery failed",
  "delivery has failed",
  "returned mail",
];
const NULL_PATH = /^<\s*>$/;
const BOUNCE_SENDERS = /^(?:mailer-daemon|postmaster|mail-daemon|mailerdaemon)@/;

function header(facts: MailFacts, name: string): string | null {
  const v = facts.headers[name.toLowerCase()];
  return v && v.length > 0 ? (v[0] ?? "").trim() : null;
}

function startsWithAny(folded: string, openings: string[]): string | null {
  return openings.find((o) => folded === o || folded.startsWith(`${o} `)) ?? null;
}

function ownMail(facts: MailFacts, ctx: NoiseContext): Noise | null {
  const h = ctx.botHeader.toLowerCase();
  if (h && facts.headers[h]) return { reason: "own_mail", detail: `${ctx.botHeader}: ${header(facts, h) ?? ""}`.trim() };
  const domain = ctx.botMessageIdDomain.toLowerCase().replace(/^@/, "");
  const id = facts.messageId.trim().toLowerCase().replace(/^<|>$/g, "");
  if (domain && id.endsWith(`@${domain}`)) return { reason: "own_mail", detail: `Message-ID ${facts.messageId}` };
  return null;
}

function deliveryFailure(facts: MailFacts): Noise | null {
  const ct = facts.contentType.toLowerCase();
  const reportType = /report-type\s*=\s*"?([\w-]+)/i.exec(header(facts, "content-type") ?? "")?.[1]?.toLowerCase();
  if (ct === "multipart/report" && reportType !== "disposition-notification") {
    return { reason: "delivery_failure", detail: `Content-Type: multipart/report${reportType ? `; report-type=${reportType}` : ""}` };
  }
  const from = facts.from ? bareAddress(facts.from) : "";
  if (BOUNCE_SENDERS.test(from)) return { reason: "delivery_failure", detail: `From: ${from}` };
  const bounce = startsWithAny(fold(facts.subject), BOUNCE_SUBJECTS);
  const returnPath = header(facts, "return-path");
  if (bounce && facts.attachments.length === 0) return { reason: "delivery_failure", detail: `Subject: ${facts.subject}` };
  if (bounce && returnPath !== null && NULL_PATH.test(returnPath)) return { reason: "delivery_failure", detail: "Return-Path: <>" };
  return null;
}

/** RFC 5321 §4.5.5: the null reverse-path is only for notifications. Checked after auto-replies (RFC 3834 §3.3 uses it too). */
function nullReturnPath(facts: MailFacts): Noise | null {
  const returnPath = header(facts, "return-path");
  return returnPath !== null && NULL_PATH.test(returnPath) ? { reason: "delivery_failure", detail: "Return-Path: <>" } : null;
}

function autoReply(facts: MailFacts): Noise | null {
  const submitted = header(facts, "auto-submitted");
  if (submitted !== null && submitted.toLowerCase().split(";")[0]!.trim() !== "no") {
    return { reason: "auto_reply", detail: `Auto-Submitted: ${submitted}` };
  }
  for (const name of ["x-autoreply", "x-autorespond", "x-autoresponse", "x-autoreply-from"]) {
    const v = header(facts, name);
    if (v !== null && !/^(?:no|false|0)$/i.test(v)) return { reason: "auto_reply", detail: `${name}: ${v}` };
  }
  const ct = facts.contentType.toLowerCase();
  if (ct === "multipart/report") return { reason: "auto_reply", detail: "Content-Type: multipart/report; report-type=disposition-notification" };
  const opening = startsWithAny(fold(facts.subject), AUTO_SUBJECTS);
  if (opening) return { reason: "auto_reply", detail: `Subject: ${facts.subject}` };
  // X-Auto-Response-Suppress asks recipients not to auto-reply; Exchange also puts it on ordinary mail
  // (distribution lists, meeting answers), so alone it proves nothing. With In-Reply-To and no attachment it is
  // Exchange's out-of-office answer.
  const suppress = header(facts, "x-auto-response-suppress");
  if (suppress && /\b(?:all|oof|autoreply)\b/i.test(suppress) && facts.inReplyTo && facts.attachments.length === 0) {
    return { reason: "auto_reply", detail: `X-Auto-Response-Suppress: ${suppress}` };
  }
  return null;
}

function bulk(facts: MailFacts): Noise | null {
  const precedence = header(facts, "precedence");
  if (precedence && /^(?:bulk|list|junk)$/i.test(precedence)) return { reason: "bulk", detail: `Precedence: ${precedence}` };
  const listId = header(facts, "list-id");
  if (listId !== null) return { reason: "bulk", detail: `List-Id: ${listId}` };
  const unsubscribe = header(facts, "list-unsubscribe");
  if (unsubscribe !== null) return { reason: "bulk", detail: `List-Unsubscribe: ${unsubscribe}` };
  return null;
}

/**
 * Decides whether a mail is noise. The bot's own mail is recognised by its header or its Message-ID domain,
 * never by From (the officer shares the address); mail From the office address is `officer_mail` unless it is
 * a forwarded unit report. Returns null for mail that should be classified.
 */
export function detectNoise(facts: MailFacts, ctx: NoiseContext): Noise | null {
  const found = ownMail(facts, ctx) ?? deliveryFailure(facts) ?? autoReply(facts) ?? nullReturnPath(facts) ?? bulk(facts);
  if (found) return found;
  const from = facts.from ? bareAddress(facts.from) : null;
  if (from && from === bareAddress(ctx.officeAddress) && !ctx.isForwardedUnitReport) {
    return { reason: "officer_mail", detail: `From: ${from}` };
  }
  return null;
}
