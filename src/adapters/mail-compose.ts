/**
 * The RFC 5322 bytes of an outgoing mail, built once with nodemailer's MailComposer. Shared by the SMTP mailer and
 * the file outbox of the embedded default, so an .eml in the outbox is exactly what SMTP would have carried.
 */
import MailComposer from "nodemailer/lib/mail-composer";
import type { OutgoingMail } from "../app/ports.ts";
import { IntakeError } from "./errors.ts";

/**
 * Builds the RFC 5322 message of an {@link OutgoingMail}: its fixed Message-ID and Date, threading headers and
 * the extra `headers` (Auto-Submitted, X-Intake-Bot…), attachments read from `path` or `contentBase64`.
 */
export async function composeMail(mail: OutgoingMail): Promise<Buffer> {
  const composer = new MailComposer({
    from: mail.from,
    to: mail.to,
    cc: mail.cc.length > 0 ? mail.cc : undefined,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: bracketed(mail.messageId),
    date: mail.date,
    inReplyTo: mail.inReplyTo ? bracketed(mail.inReplyTo) : undefined,
    references: mail.references && mail.references.length > 0 ? mail.references.map(bracketed) : undefined,
    headers: mail.headers,
    attachments: mail.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      ...(a.contentBase64 !== undefined ? { content: Buffer.from(a.contentBase64, "base64") } : { path: a.path }),
    })),
    disableUrlAccess: true,
    newline: "\r\n",
  });
  try {
    return await composer.compile().build();
  } catch (err) {
    throw new IntakeError("EDOCUMENT", `could not compose ${mail.messageId}: ${(err as Error).message}`, {
      cause: err,
      details: { messageId: mail.messageId, attachments: mail.attachments.map((a) => a.filename) },
    });
  }
}

/** A Message-ID in angle brackets, as RFC 5322 §3.6.4 writes it. */
export function bracketed(id: string): string {
  const t = id.trim();
  return t.startsWith("<") ? t : `<${t}>`;
}
