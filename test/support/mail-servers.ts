/**
 * One call that starts the test mail world: a real Dovecot and an SMTP sink delivering into it, plus a reader
 * that parses a mailbox with mailparser so tests look at replies the way a person would.
 */
import { simpleParser, type AddressObject } from "mailparser";
import { startDovecot, type Dovecot } from "./dovecot.ts";
import { startSmtpSink, type SmtpSink } from "./smtp-sink.ts";

export interface ReadAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface ReadMessage {
  uid: number;
  flags: string[];
  internalDate: Date;
  messageId: string | null;
  subject: string;
  /** Lower-cased bare addresses. */
  from: string | null;
  to: string[];
  cc: string[];
  date: Date | null;
  text: string;
  html: string | null;
  /** Lower-case header name → value as mailparser gives it (text for unstructured headers). */
  headers: Record<string, string>;
  inReplyTo: string | null;
  references: string[];
  attachments: ReadAttachment[];
  source: Buffer;
}

export interface MailServers {
  dovecot: Dovecot;
  smtp: SmtpSink;
  readMailbox(user: string, mailbox?: string): Promise<ReadMessage[]>;
  stop(): Promise<void>;
}

/** Starts Dovecot (with `users`) and an SMTP sink delivering into it. Call `stop()` once per test file. */
export async function startMailServers(opts: { users?: string[]; domain?: string; oauth2?: { introspectionUrl: string } } = {}): Promise<MailServers> {
  const dovecot = await startDovecot({ users: opts.users, ...(opts.oauth2 ? { oauth2: opts.oauth2 } : {}) });
  let smtp: SmtpSink;
  try {
    smtp = await startSmtpSink({ dovecot, domain: opts.domain });
  } catch (err) {
    await dovecot.stop();
    throw err;
  }
  return {
    dovecot,
    smtp,
    readMailbox: (user, mailbox) => readMailbox(dovecot, user, mailbox),
    stop: async () => {
      await smtp.stop();
      await dovecot.stop();
    },
  };
}

/** Every message of `user`'s `mailbox` (default INBOX), parsed, in UID order. Does not change flags. */
export async function readMailbox(dovecot: Dovecot, user: string, mailbox = "INBOX"): Promise<ReadMessage[]> {
  const stored = await dovecot.listMessages(user, mailbox);
  const out: ReadMessage[] = [];
  for (const m of stored) {
    const p = await simpleParser(m.source);
    const headers: Record<string, string> = {};
    for (const [k, v] of p.headers) headers[k.toLowerCase()] = headerText(v);
    out.push({
      uid: m.uid,
      flags: m.flags,
      internalDate: m.internalDate,
      messageId: p.messageId ?? null,
      subject: p.subject ?? "",
      from: addresses(p.from)[0] ?? null,
      to: addresses(p.to),
      cc: addresses(p.cc),
      date: p.date ?? null,
      text: p.text ?? "",
      html: typeof p.html === "string" ? p.html : null,
      headers,
      inReplyTo: p.inReplyTo ?? null,
      references: p.references === undefined ? [] : Array.isArray(p.references) ? p.references : [p.references],
      attachments: p.attachments.map((a) => ({ filename: a.filename ?? "", contentType: a.contentType, content: a.content })),
      source: m.source,
    });
  }
  return out;
}

function addresses(a: AddressObject | AddressObject[] | undefined): string[] {
  if (!a) return [];
  return (Array.isArray(a) ? a : [a]).flatMap((o) => o.value.map((v) => (v.address ?? "").toLowerCase()));
}

function headerText(v: unknown): string {
  if (typeof v === "string") return v;
  if (v instanceof Date) return v.toISOString();
  if (v && typeof v === "object" && "text" in v && typeof (v as { text: unknown }).text === "string") return (v as { text: string }).text;
  if (v && typeof v === "object" && "value" in v) return String((v as { value: unknown }).value);
  return String(v);
}
