/**
 * The Mailer port over nodemailer's SMTP transport. The message is composed once with MailComposer and sent as
 * `raw`, so the bytes returned (and appended to Sent) are exactly the bytes the server accepted.
 */
import nodemailer from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import type { Logger, Mailer, OutgoingMail } from "../app/ports.ts";
import { IntakeError, isNetworkCode, type ErrorCode } from "./errors.ts";
import { composeMail } from "./mail-compose.ts";

// The message building is shared with the file outbox (file-mailer.ts): both carry the same bytes.
export { composeMail } from "./mail-compose.ts";

export interface SmtpMailerOptions {
  host: string;
  port: number;
  /** Implicit TLS (port 465). When false, STARTTLS is used if the server offers it (opportunistic). */
  secure: boolean;
  user?: string;
  password?: string;
  /**
   * OAuth2 (SMTP_AUTH=oauth2): a valid access token for `user`, asked at each connection, with `renew` when the
   * server refused the last one; sent with AUTH XOAUTH2. Replaces `password`.
   */
  accessToken?: (opts: { renew: boolean }) => Promise<string>;
  logger: Logger;
  /** TCP connect budget; a refused connection fails at once regardless. Default 10 s. */
  connectionTimeoutMs?: number;
  /** Refuse to send without STARTTLS (default false: opportunistic). */
  requireTls?: boolean;
  /** Default true; false accepts a self-signed certificate on an internal relay. */
  tlsRejectUnauthorized?: boolean;
  /** Host name announced in EHLO (default: nodemailer's, the machine's name). */
  clientName?: string;
}

/** Creates the SMTP mailer. Failures throw {@link IntakeError} with ECONNECTION, ETIMEDOUT, EAUTH, EREJECTED, ESMTP or EDOCUMENT. */
export function createSmtpMailer(opts: SmtpMailerOptions): Mailer {
  const log = opts.logger.child({ component: "smtp-mailer", host: opts.host, port: opts.port });
  const timeout = opts.connectionTimeoutMs ?? 10_000;
  const transport = nodemailer.createTransport({
    host: opts.host,
    port: opts.port,
    secure: opts.secure,
    auth: smtpAuth(opts),
    requireTLS: opts.requireTls ?? false,
    tls: { rejectUnauthorized: opts.tlsRejectUnauthorized ?? true },
    name: opts.clientName,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: Math.max(timeout, 60_000),
    logger: false,
  });

  return {
    async send(mail) {
      const raw = await composeMail(mail);
      const envelope = { from: mail.from, to: [...mail.to, ...mail.cc] };
      const started = Date.now();
      try {
        const info = await transport.sendMail({ envelope, raw });
        const accepted = info.accepted.map(addressText);
        const rejected = info.rejected.map(addressText);
        log.info({ messageId: mail.messageId, accepted, rejected, ms: Date.now() - started }, "mail sent");
        return { raw, accepted, rejected };
      } catch (err) {
        const mapped = fromSmtpError(err);
        log.warn({ messageId: mail.messageId, err: mapped.toJSON(), ms: Date.now() - started }, "mail not sent");
        throw mapped;
      }
    },
    async close() {
      transport.close();
    },
  };
}

/** nodemailer's auth option: a password, or XOAUTH2 with our token source as its provisionCallback. */
function smtpAuth(opts: SmtpMailerOptions): SMTPTransport.Options["auth"] {
  if (!opts.user) return undefined;
  const accessToken = opts.accessToken;
  if (!accessToken) return { user: opts.user, pass: opts.password ?? "" };
  return {
    type: "OAuth2",
    user: opts.user,
    provisionCallback: (_user, renew, callback) => {
      accessToken({ renew }).then(
        (token) => callback(null, token),
        (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
      );
    },
  };
}

/** Maps a nodemailer error to the catalogue; 4xx replies and lost connections are transient. */
export function fromSmtpError(err: unknown): IntakeError {
  if (err instanceof IntakeError) return err;
  const e = (err ?? {}) as { code?: string; responseCode?: number; message?: string; command?: string; response?: string };
  const responseCode = typeof e.responseCode === "number" ? e.responseCode : undefined;
  const transientReply = responseCode !== undefined && responseCode >= 400 && responseCode < 500;
  let code: ErrorCode;
  let transient: boolean | undefined;
  switch (e.code) {
    case "ECONNECTION":
    case "ESOCKET":
    case "EDNS":
    case "EPROXY":
      code = "ECONNECTION";
      break;
    case "ETIMEDOUT":
      code = "ETIMEDOUT";
      break;
    case "EAUTH":
    case "ENOAUTH":
    case "EOAUTH2":
      code = "EAUTH";
      transient = transientReply;
      break;
    case "EENVELOPE":
    case "EMESSAGE":
    case "EMAXRECIPIENTS":
      code = "EREJECTED";
      transient = transientReply;
      break;
    case "EFILEACCESS":
    case "ESTREAM":
    case "ENOENT":
      code = "EDOCUMENT";
      break;
    default:
      code = isNetworkCode(e.code) ? "ECONNECTION" : "ESMTP";
      // 421: the server is closing the channel (RFC 5321 §4.2.2): try again later.
      transient = code === "ECONNECTION" ? undefined : transientReply;
  }
  return new IntakeError(code, e.message ?? String(err), {
    cause: err,
    transient,
    responseCode,
    details: { smtpCode: e.code, command: e.command, response: e.response },
  });
}

function addressText(a: unknown): string {
  if (typeof a === "string") return a.toLowerCase();
  const o = a as { address?: string };
  return (o.address ?? String(a)).toLowerCase();
}
