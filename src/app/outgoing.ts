/**
 * Building the mail the bot sends. Every mail carries `Auto-Submitted: auto-replied` (RFC 3834 §5, as issue #3
 * asks of every mail) and `X-Intake-Bot`, and a Message-ID in the bot's own domain, so the intake recognises its
 * own mail by header and Message-ID, never by From (the officer sends from the same mailbox).
 */
import { createHash } from "node:crypto";
import type { OutgoingAttachment, OutgoingMail } from "./ports.ts";

export const BOT_HEADER = "X-Intake-Bot";
export const BOT_HEADER_VALUE = "bao-cao-intake";

/** The Message-ID domain of the bot's mail: `intake.<domain of the office address>`. */
export function botMessageIdDomain(officeAddress: string): string {
  const domain = officeAddress.split("@")[1] ?? "localhost";
  return `intake.${domain.toLowerCase()}`;
}

/**
 * A Message-ID fixed from what the mail is for (its dedupe key), so the same purpose always yields the same id:
 * a crash between sending and recording can never produce two different mails.
 */
export function botMessageId(dedupeKey: string, officeAddress: string): string {
  const h = createHash("sha256").update(dedupeKey).digest("hex").slice(0, 32);
  return `<${h}@${botMessageIdDomain(officeAddress)}>`;
}

/** "Re: " once, as mail clients do (also over "RE:", "Trả lời:", "TL:"). */
export function replySubject(subject: string): string {
  const s = subject.trim();
  return /^(re|tl|trả lời)\s*:/i.test(s) ? s : `Re: ${s}`;
}

export function buildMail(input: {
  dedupeKey: string;
  purpose: string;
  from: string;
  officeAddress: string;
  to: string[];
  cc?: string[];
  subject: string;
  text: string;
  date: Date;
  inReplyTo?: string | null;
  references?: string[];
  attachments?: OutgoingAttachment[];
}): OutgoingMail {
  const to = unique(input.to);
  const cc = unique(input.cc ?? []).filter((a) => !to.includes(a));
  return {
    messageId: botMessageId(input.dedupeKey, input.officeAddress),
    from: input.from,
    to,
    cc,
    subject: input.subject,
    text: input.text,
    ...(input.inReplyTo ? { inReplyTo: input.inReplyTo } : {}),
    ...(input.references && input.references.length ? { references: input.references } : {}),
    headers: {
      "Auto-Submitted": "auto-replied",
      [BOT_HEADER]: `${BOT_HEADER_VALUE}; purpose=${input.purpose}`,
      "X-Auto-Response-Suppress": "All",
    },
    attachments: input.attachments ?? [],
    date: input.date,
  };
}

function unique(addresses: string[]): string[] {
  return [...new Set(addresses.map((a) => a.trim().toLowerCase()).filter(Boolean))];
}
