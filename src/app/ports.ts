/**
 * The small interfaces the use cases are wired through. Adapters implement them; tests use the real adapters
 * against real servers (Dovecot, smtp-server, SQLite/PostgreSQL).
 */
import type { DocumentRead } from "../domain/model.ts";
import type { DraftPlan } from "../domain/draft/index.ts";

export interface Clock {
  now(): Date;
}

/** pino-compatible subset: structured object first, message second. */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child(bindings: object): Logger;
}

/** One message as the mailbox hands it over, before anything is done with it. */
export interface RawMessage {
  /** Mailbox name, e.g. "INBOX" (or a Maildir path). */
  mailbox: string;
  /** IMAP UIDVALIDITY (0 for Maildir). */
  uidValidity: number;
  /** IMAP UID (0 for Maildir, where `key` identifies the file). */
  uid: number;
  /** Stable key within (mailbox, uidValidity): the UID as text, or the Maildir unique name. */
  key: string;
  /** IMAP INTERNALDATE: the office server's receipt time. */
  internalDate: Date;
  source: Buffer;
}

/**
 * The office mailbox. The bot shares it with the compiling officer: implementations never change `\Seen`
 * or any standard flag, never move or delete, and fetch with BODY.PEEK (contract.md "The mailbox").
 */
export interface Mailbox {
  readonly name: string;
  /** Connects (or reconnects) and opens the mailbox; returns its UIDVALIDITY. */
  open(): Promise<{ uidValidity: number }>;
  /** Keys of every message currently in the mailbox, ascending. */
  listKeys(): Promise<string[]>;
  /**
   * Issue 13 §3: the keys that arrived after `cursor` (a value this method returned before, kept by the caller per
   * (mailbox, UIDVALIDITY)), ascending, and the cursor to keep once they are all handled. A null or unknown cursor
   * lists every key. Its cost follows the new mail, not the mailbox (IMAP: `UID SEARCH UID n+1:*`).
   */
  listKeysSince?(cursor: string | null): Promise<{ keys: string[]; cursor: string }>;
  /** Full sources of the given messages, in the order given; a message that vanished is skipped. */
  fetch(keys: string[]): AsyncIterable<RawMessage>;
  /**
   * Resolves when the mailbox may have changed (IMAP IDLE notice), after `maxWaitMs`, or when `signal` aborts.
   * Falls back to plain waiting when the server has no IDLE.
   */
  waitForChange(maxWaitMs: number, signal?: AbortSignal): Promise<void>;
  /** Optional mirror of the ledger as a private keyword (e.g. `$IntakeDone`), where the server allows it. */
  markProcessed?(key: string): Promise<void>;
  close(): Promise<void>;
}

/** Appends copies of sent mail to the officer's Sent folder (IMAP_SENT_MAILBOX). */
export interface SentFolder {
  append(raw: Buffer, date: Date): Promise<void>;
  /**
   * Whether a mail with this Message-ID is in the folder. Asked only before resending a row a dead process left
   * "sending" (deliver-outbox.ts): servers that file what they accept in Sent themselves (Gmail, Microsoft 365)
   * show there that the first attempt went out.
   */
  contains?(messageId: string): Promise<boolean>;
}

export interface OutgoingAttachment {
  filename: string;
  contentType?: string;
  /** Path of a file in the archive (content-addressed), or inline content as base64. */
  path?: string;
  contentBase64?: string;
}

/** A mail to send. Its Message-ID is fixed when it is queued, so a retry sends the same mail. */
export interface OutgoingMail {
  messageId: string;
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  html?: string;
  inReplyTo?: string;
  references?: string[];
  headers: Record<string, string>;
  attachments: OutgoingAttachment[];
  date: Date;
}

export interface Mailer {
  /** Sends; throws a `MailerError` (code ECONNECTION, EAUTH, EREJECTED…) when it could not. Returns the raw message. */
  send(mail: OutgoingMail): Promise<{ raw: Buffer; accepted: string[]; rejected: string[] }>;
  close(): Promise<void>;
}

/** Content-addressed store of raw mail and files under DATA_DIR (kept at least 3 years, QT.VP.03 §7). */
export interface Archive {
  /** Stores bytes; returns their sha256 and the path relative to the archive root. Idempotent. */
  put(bytes: Buffer, ext?: string): Promise<{ sha256: string; path: string }>;
  get(path: string): Promise<Buffer>;
  /** Absolute path of a stored item, for attachments. */
  resolve(path: string): string;
}

export interface DocumentInput {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** Reads a file (.docx, .doc/.odt/.rtf via LibreOffice, .pdf via pdftotext, text) into an outline. */
export interface DocumentReader {
  read(file: DocumentInput): Promise<DocumentRead>;
}

/** The office-editable mail texts (templates/mail). Rendering with a missing value is a bug and throws. */
export interface MailTexts {
  render(name: string, values: Record<string, unknown>): { subject: string; text: string };
}

/** Writes the compiled draft (a DraftPlan from the domain) as a .docx in the Cục's template (NĐ 30/2020 form). */
export interface DraftWriter {
  write(plan: DraftPlan): Promise<Buffer>;
}

/** A unit's original file, taken from its archived mail, ready to attach to the draft's cover email. */
export interface OriginalFile {
  filename: string;
  contentType: string;
  size: number;
  /** Absolute path of the stored copy (content-addressed in the archive). */
  path: string;
}

/** The files of an archived message, by name (the draft attaches the units' originals). */
export interface OriginalFiles {
  of(archivePath: string, receivedAt: Date, filenames: string[]): Promise<OriginalFile[]>;
}

/** Runs a task every minute in the configured zone (the daemon's scheduler); `stop` waits for a running task. */
export interface Scheduler {
  everyMinute(task: () => Promise<void>): { stop(): Promise<void> };
}
