/**
 * Appends copies of what the bot sent to the officer's Sent folder (IMAP_SENT_MAILBOX), marked \Seen like any
 * mail one sent oneself. One short connection per append: sending is rare and this keeps no socket idle.
 */
// imapflow is loaded when a copy is appended (issue 9 §6: commands that send nothing do not pay for it).
import type { ImapFlow } from "imapflow";
import type { Logger, SentFolder } from "../app/ports.ts";
import { fromImapError } from "./errors.ts";

export interface ImapAccountOptions {
  host: string;
  port: number;
  /** Implicit TLS (993). When false, STARTTLS is used if the server offers it. */
  secure: boolean;
  user: string;
  /** The password, or with OAuth2 (IMAP_AUTH=oauth2) `accessToken` instead. */
  password?: string;
  /**
   * OAuth2: a valid access token for `user`, asked at each connection (XOAUTH2 or OAUTHBEARER, as the server
   * offers); `renew` after the server refused the last one (revoked before its expiry).
   */
  accessToken?: (o: { renew: boolean }) => Promise<string>;
  logger: Logger;
  /** Connect and greeting budget. Default 15 s. */
  connectTimeoutMs?: number;
  /** Default true; false accepts a self-signed certificate on an internal server. */
  tlsRejectUnauthorized?: boolean;
}

/**
 * imapflow options shared by the mailbox and the Sent folder; imapflow's own logs go to `debug`. Async: with OAuth2
 * each connection asks for a current access token.
 */
export async function imapClientOptions(opts: ImapAccountOptions, log: Logger, renew = false): Promise<ConstructorParameters<typeof ImapFlow>[0]> {
  const timeout = opts.connectTimeoutMs ?? 15_000;
  return {
    host: opts.host,
    port: opts.port,
    secure: opts.secure,
    auth: opts.accessToken ? { user: opts.user, accessToken: await opts.accessToken({ renew }) } : { user: opts.user, pass: opts.password ?? "" },
    tls: { rejectUnauthorized: opts.tlsRejectUnauthorized ?? true },
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    logger: {
      debug: () => undefined,
      info: (o: object) => log.debug(o, "imapflow"),
      warn: (o: object) => log.warn(o, "imapflow"),
      error: (o: object) => log.warn(o, "imapflow"),
    },
  };
}

/** The Message-ID of a raw mail's header, or null. */
function messageIdOf(raw: Buffer): string | null {
  const end = raw.indexOf("\r\n\r\n");
  const head = raw.subarray(0, end < 0 ? Math.min(raw.length, 64 * 1024) : end).toString("latin1");
  return /^Message-ID:[ \t]*(?:\r\n[ \t]+)?(<[^>\r\n]+>)/im.exec(head)?.[1] ?? null;
}

/** Creates the Sent-folder appender; `append` throws an IntakeError (ECONNECTION, EAUTH, ENOMAILBOX, EIMAP). */
export function createImapSentFolder(opts: ImapAccountOptions & { mailbox: string }): SentFolder {
  const log = opts.logger.child({ component: "imap-sent-folder", mailbox: opts.mailbox });
  /** A logged-in client; with OAuth2, a refused token is renewed once. Errors are the raw imapflow ones. */
  const connected = async (renew = false): Promise<ImapFlow> => {
    const { ImapFlow } = await import("imapflow");
    const client = new ImapFlow({ ...(await imapClientOptions(opts, log, renew)), disableAutoIdle: true });
    client.on("error", (err: unknown) => log.warn({ err: fromImapError(err).toJSON() }, "IMAP connection error"));
    try {
      await client.connect();
      return client;
    } catch (err) {
      client.close();
      if (!renew && opts.accessToken && fromImapError(err).code === "EAUTH") return connected(true);
      throw err;
    }
  };
  return {
    async append(raw, date) {
      let client: ImapFlow | null = null;
      try {
        client = await connected();
        // Gmail and Exchange Online file what their SMTP service accepts in Sent themselves: no second copy then.
        const id = messageIdOf(raw);
        if (id) {
          await client.mailboxOpen(opts.mailbox, { readOnly: true });
          const found = await client.search({ header: { "message-id": id } }, { uid: true });
          if (Array.isArray(found) && found.length > 0) {
            log.debug({ messageId: id }, "the server already filed a copy in Sent");
            return;
          }
        }
        const res = await client.append(opts.mailbox, raw, ["\\Seen"], date);
        if (!res) throw new Error(`APPEND to ${opts.mailbox} was not confirmed`);
        log.debug({ uid: res.uid, bytes: raw.length }, "copy appended to Sent");
      } catch (err) {
        throw fromImapError(err, { mailbox: opts.mailbox, operation: "append" });
      } finally {
        const c = client;
        if (c) await c.logout().catch(() => c.close());
      }
    },
    async contains(messageId) {
      let client: ImapFlow | null = null;
      try {
        client = await connected();
        await client.mailboxOpen(opts.mailbox, { readOnly: true });
        // HEADER search is a substring match (RFC 3501 §6.4.4): the angle brackets keep it to this one Message-ID.
        const uids = await client.search({ header: { "message-id": messageId } }, { uid: true });
        log.debug({ messageId, found: Array.isArray(uids) ? uids.length : 0 }, "Sent searched for an interrupted send");
        return Array.isArray(uids) && uids.length > 0;
      } catch (err) {
        throw fromImapError(err, { mailbox: opts.mailbox, operation: "search" });
      } finally {
        const c = client;
        if (c) await c.logout().catch(() => c.close());
      }
    },
  };
}
