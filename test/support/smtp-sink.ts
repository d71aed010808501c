/**
 * An in-process SMTP server for tests that delivers what it accepts into the recipients' Dovecot INBOX
 * (internal date = now), so tests read replies from a real mailbox. It can be stopped and started again on the
 * same port to play "SMTP is down".
 */
import { SMTPServer, type SMTPServerAddress } from "smtp-server";
import type { Dovecot } from "./dovecot.ts";
import { freePort } from "./dovecot.ts";

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: Buffer;
  receivedAt: Date;
  /** True when a copy was filed in the sender's Sent folder (see `fileInSent`). */
  filedInSent: boolean;
}

export interface SmtpSink {
  host: string;
  port: number;
  /** Everything accepted since the start, in order. */
  received: ReceivedMail[];
  /** Addresses (lower case) refused at RCPT TO with 550, to play a server that rejects a recipient. */
  rejectRecipients: Set<string>;
  /**
   * When true, each accepted mail is also filed in the envelope sender's Dovecot "Sent" folder, as Gmail and
   * Microsoft 365 do for what their submission servers accept. Off by default (a plain relay).
   */
  fileInSent: boolean;
  /**
   * While set, the answer to DATA waits for this promise after the mail is delivered (and filed): the window of
   * RFC 1047 held open, so a test can kill the client after the server took the mail but before it heard 250.
   */
  holdReply: Promise<void> | null;
  /** Socket errors of client connections (an ECONNRESET when the daemon is killed mid-transaction). */
  connectionErrors: Error[];
  /** True while listening. */
  readonly running: boolean;
  /** Stops listening (connections are refused) without forgetting anything; `start()` listens again. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Resolves once `count` mails in total were received (or rejects after `timeoutMs`). */
  waitForCount(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
}

/** Starts the sink on a free loopback port; unknown recipients become Dovecot users on first delivery. */
export async function startSmtpSink(opts: { dovecot: Dovecot; domain?: string; port?: number }): Promise<SmtpSink> {
  const { dovecot } = opts;
  const port = opts.port ?? (await freePort());
  const received: ReceivedMail[] = [];
  const rejectRecipients = new Set<string>();
  const connectionErrors: Error[] = [];
  const waiters = new Set<() => void>();
  let server: SMTPServer | null = null;

  const deliver = async (from: string, to: string[], raw: Buffer): Promise<void> => {
    const now = new Date();
    const fileInSent = sink.fileInSent && from !== "";
    for (const rcpt of to) {
      await dovecot.addUser(rcpt);
      await dovecot.append(rcpt, raw, { internalDate: now });
    }
    if (fileInSent) {
      await dovecot.addUser(from);
      await dovecot.append(from, raw, { internalDate: now, mailbox: "Sent", flags: ["\\Seen"] });
    }
    received.push({ from, to, raw, receivedAt: now, filedInSent: fileInSent });
    for (const w of [...waiters]) w();
  };

  const makeServer = (): SMTPServer =>
    new SMTPServer({
      name: opts.domain ?? "mx.cuc.example.vn",
      disabledCommands: ["STARTTLS", "AUTH"],
      authOptional: true,
      logger: false,
      size: 50 * 1024 * 1024,
      onRcptTo(address, _session, callback) {
        if (rejectRecipients.has(address.address.toLowerCase())) {
          const err = Object.assign(new Error(`5.1.1 <${address.address}>: Recipient address rejected`), { responseCode: 550 });
          return callback(err);
        }
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("error", callback);
        stream.on("end", () => {
          const from = addr(session.envelope.mailFrom);
          const to = session.envelope.rcptTo.map((a) => a.address.toLowerCase());
          deliver(from, to, Buffer.concat(chunks))
            .then(() => sink.holdReply ?? undefined)
            .then(
              () => callback(),
              (err: unknown) => callback(Object.assign(new Error(`4.3.0 delivery to Dovecot failed: ${String(err)}`), { responseCode: 451 })),
            );
        });
      },
    });

  const start = async (): Promise<void> => {
    if (server) return;
    const s = makeServer();
    await new Promise<void>((resolve, reject) => {
      s.once("error", reject);
      s.listen(port, "127.0.0.1", () => {
        s.off("error", reject);
        // smtp-server re-emits a client's socket error on the server when it happens inside a transaction
        // (after MAIL FROM): an ECONNRESET when a test SIGKILLs the daemon mid-DATA. Unheard, that would be an
        // uncaught exception in the test process; it is part of the trial, so it is kept, not thrown.
        s.on("error", (err: Error) => connectionErrors.push(err));
        resolve();
      });
    });
    server = s;
  };

  const stop = async (): Promise<void> => {
    const s = server;
    server = null;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  };

  const waitForCount = (count: number, timeoutMs = 10_000): Promise<ReceivedMail[]> =>
    new Promise((resolve, reject) => {
      const check = (): boolean => {
        if (received.length < count) return false;
        clearTimeout(timer);
        waiters.delete(onMail);
        resolve(received.slice(0, count));
        return true;
      };
      const onMail = (): void => void check();
      const timer = setTimeout(() => {
        waiters.delete(onMail);
        reject(new Error(`SMTP sink: ${received.length} of ${count} mails after ${timeoutMs} ms`));
      }, timeoutMs);
      if (!check()) waiters.add(onMail);
    });

  const sink: SmtpSink = {
    host: "127.0.0.1",
    port,
    received,
    rejectRecipients,
    connectionErrors,
    fileInSent: false,
    holdReply: null,
    get running() {
      return server !== null;
    },
    stop,
    start,
    waitForCount,
  };
  await start();
  return sink;
}

function addr(a: SMTPServerAddress | false): string {
  return a ? a.address.toLowerCase() : "";
}
