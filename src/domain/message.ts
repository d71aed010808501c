import type { DocumentRead } from "./model.ts";

/**
 * What the intake knows about one received mail after MIME parsing (adapters/parse-message.ts).
 * All text is NFC-normalised; addresses are lower-cased bare addresses.
 */
export interface MailFacts {
  /** As in the header, angle brackets included; a generated `<sha256@missing>` when absent. */
  messageId: string;
  from: string | null;
  fromName: string | null;
  to: string[];
  cc: string[];
  replyTo: string[];
  subject: string;
  /** The Date header, informative only: timeliness uses `receivedAt`. */
  date: Date | null;
  /** IMAP INTERNALDATE (or Maildir delivery time). */
  receivedAt: Date;
  /** Lower-case header names → raw values (unfolded). */
  headers: Record<string, string[]>;
  /** Top-level content type, e.g. `multipart/report`. */
  contentType: string;
  inReplyTo: string | null;
  references: string[];
  /** Plain text body (from text/plain, else from HTML), NFC. */
  text: string;
  attachments: AttachmentFacts[];
  /** The original of a forwarded mail: inline "Fwd:" or an attached `message/rfc822`. */
  forwarded: ForwardedFacts | null;
  /** MIME problems noticed while parsing (broken structure, undecodable parts); the mail is still processed. */
  problems: string[];
}

export interface AttachmentFacts {
  /** NFC file name as decoded from RFC 2047 / RFC 2231 / Outlook-style parameters; a stand-in when absent. */
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  content: Buffer;
  /** True when this file came from inside a forwarded `message/rfc822`. */
  fromForwarded: boolean;
}

export interface ForwardedFacts {
  from: string | null;
  fromName: string | null;
  subject: string | null;
  date: Date | null;
  text: string;
}

/** A document of the mail after reading: one per attachment, plus the body when it carries the report. */
export interface DocumentFacts {
  /** Attachment index in `MailFacts.attachments`, or "body". */
  source: number | "body";
  filename: string | null;
  read: DocumentRead;
}
