/**
 * The Mailbox port over imapflow. The bot shares the officer's mailbox (contract.md "The mailbox"): it fetches with
 * BODY.PEEK[] only, never stores a standard flag, never moves or deletes; keys are UIDs as decimal strings.
 * New mail is noticed through IDLE (RFC 2177), or NOOP polling where IDLE is not offered; a dropped connection is
 * re-opened in the background with exponential backoff.
 */
// imapflow is loaded on connect (issue 9 §6: commands that never open the mailbox do not pay for it).
import type { ImapFlow } from "imapflow";
import type { Logger, Mailbox, RawMessage } from "../app/ports.ts";
import { IntakeError, fromImapError, isTransient } from "./errors.ts";
import { DEFAULT_LIMITS } from "./limits.ts";
import { BODY_OMITTED_HEADER } from "./limits.ts";
import { imapClientOptions, type ImapAccountOptions } from "./imap-sent-folder.ts";

export { createImapSentFolder } from "./imap-sent-folder.ts";

export interface ImapMailboxOptions extends ImapAccountOptions {
  /** Folder to watch, e.g. "INBOX". */
  mailbox: string;
  /** Use IMAP IDLE when the server offers it (default true); otherwise NOOP every `pollIntervalMs`. */
  idle?: boolean;
  /** Polling period without IDLE. Default 60 s. */
  pollIntervalMs?: number;
  /** Private keyword mirroring the ledger (default `$IntakeDone`); null never writes to the mailbox. */
  keyword?: string | null;
  /** First reconnect delay (default 1 s), doubled after each failure up to `reconnectMaxMs` (default 60 s). */
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
  /** Messages whose RFC822.SIZE is over this are not fetched (issue 13 §1); default limits.ts messageBytes. */
  messageBytes?: number;
  /** Bodies are fetched in groups of at most this many bytes (a single larger message alone). Default 8 MB. */
  fetchGroupBytes?: number;
}

/**
 * What `fetch` hands over: the port's RawMessage plus the size the server states (RFC822.SIZE, RFC 3501 §6.4.5).
 * A message over the size limit comes with its header block only, `bodyOmitted`, and a first line
 * `X-Intake-Body-Omitted: size=…; limit=…` (BODY_OMITTED_HEADER) from which the parser records `too_large` with who
 * sent it, without the body ever being downloaded and without a change to the Mailbox port. A mail that forges
 * that line is only set aside for a person, which is safe.
 */
export interface ImapRawMessage extends RawMessage {
  size: number;
  bodyOmitted?: true;
}

/** UIDs whose sizes are asked in one FETCH. */
const FETCH_CHUNK = 25;

/** Creates the IMAP mailbox. Operations throw IntakeError (ECONNECTION, ETIMEDOUT, EAUTH, ENOMAILBOX, EIMAP, ECLOSED). */
export function createImapMailbox(opts: ImapMailboxOptions): Mailbox {
  const log = opts.logger.child({ component: "imap-mailbox", mailbox: opts.mailbox, user: opts.user });
  const keyword = opts.keyword === undefined ? "$IntakeDone" : opts.keyword;
  const useIdle = opts.idle ?? true;
  const pollMs = opts.pollIntervalMs ?? 60_000;
  const backoffMin = opts.reconnectMinMs ?? 1_000;
  const backoffMax = opts.reconnectMaxMs ?? 60_000;
  const maxBytes = opts.messageBytes ?? DEFAULT_LIMITS.messageBytes;
  const groupBytes = opts.fetchGroupBytes ?? 8 * 1024 * 1024;

  let client: ImapFlow | null = null;
  let uidValidity: number | null = null;
  let keywordAllowed = false;
  let connecting: Promise<ImapFlow> | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let failures = 0;
  let closed = false;
  let everConnected = false;
  let tokenRefused = false;
  // Every server notice (EXISTS, EXPUNGE, reconnect) bumps changeSeq; listKeys records what it has seen.
  let changeSeq = 0;
  let seenSeq = 0;
  const wakers = new Set<() => void>();

  const bump = (): void => {
    changeSeq += 1;
    for (const wake of [...wakers]) wake();
  };

  const connectNow = async (): Promise<ImapFlow> => {
    const { ImapFlow } = await import("imapflow");
    const c = new ImapFlow({ ...(await imapClientOptions(opts, log, tokenRefused)), disableAutoIdle: !useIdle });
    c.on("error", (err: unknown) => log.warn({ err: fromImapError(err).toJSON() }, "IMAP connection error"));
    c.on("exists", (d) => {
      if (d.count !== d.prevCount) bump();
    });
    c.on("expunge", () => bump());
    c.on("close", () => onClose(c));
    try {
      await c.connect();
      // EXAMINE when nothing is ever written: the server itself then guarantees no flag changes (RFC 3501 §6.3.2).
      const box = await c.mailboxOpen(opts.mailbox, { readOnly: keyword === null });
      const validity = Number(box.uidValidity);
      if (uidValidity !== null && validity !== uidValidity) {
        log.warn({ previous: uidValidity, uidValidity: validity }, "UIDVALIDITY changed: every earlier UID is void");
      }
      uidValidity = validity;
      const perm = box.permanentFlags ?? new Set<string>();
      keywordAllowed = keyword !== null && (perm.has("\\*") || perm.has(keyword));
      log.info({ uidValidity: validity, exists: box.exists, idle: useIdle && c.capabilities.has("IDLE") }, "mailbox open");
      tokenRefused = false;
      return c;
    } catch (err) {
      c.close();
      const mapped = fromImapError(err, { host: opts.host, port: opts.port, mailbox: opts.mailbox });
      // OAuth2: a token refused before its expiry (revoked) is renewed at the next attempt, not reused.
      tokenRefused = mapped.code === "EAUTH" && !!opts.accessToken;
      throw mapped;
    }
  };

  const ensureConnected = (): Promise<ImapFlow> => {
    if (closed) return Promise.reject(new IntakeError("ECLOSED", "the IMAP mailbox was closed"));
    if (client?.usable) return Promise.resolve(client);
    if (connecting) return connecting;
    const attempt = connectNow().then(
      (c) => {
        if (closed) {
          void c.logout().catch(() => c.close());
          throw new IntakeError("ECLOSED", "the IMAP mailbox was closed");
        }
        const wasDown = everConnected;
        everConnected = true;
        client = c;
        failures = 0;
        if (retryTimer) clearTimeout(retryTimer);
        retryTimer = null;
        // Mail may have arrived while we were away: let waiters re-list.
        if (wasDown) bump();
        return c;
      },
      (err: unknown) => {
        failures += 1;
        // Retrying a wrong password or a missing folder only hammers the server (and may lock the account).
        if (isTransient(err)) scheduleReconnect();
        throw err;
      },
    );
    connecting = attempt.finally(() => {
      connecting = null;
    });
    return connecting;
  };

  const scheduleReconnect = (): void => {
    if (closed || retryTimer || client?.usable) return;
    const delay = Math.min(backoffMax, backoffMin * 2 ** Math.max(0, failures - 1));
    log.info({ delayMs: delay, failures }, "IMAP reconnect scheduled");
    retryTimer = setTimeout(() => {
      retryTimer = null;
      ensureConnected().then(
        () => log.info({ failures }, "IMAP reconnected"),
        (err: unknown) => log.warn({ err: fromImapError(err).toJSON(), failures }, "IMAP reconnect failed"),
      );
    }, delay);
    retryTimer.unref();
  };

  const onClose = (c: ImapFlow): void => {
    if (c !== client) return;
    client = null;
    if (closed) return;
    log.warn({}, "IMAP connection closed by the server or the network");
    failures = Math.max(failures, 1);
    bump();
    scheduleReconnect();
  };

  const run = async <T>(operation: string, fn: (c: ImapFlow) => Promise<T>): Promise<T> => {
    const c = await ensureConnected();
    try {
      return await fn(c);
    } catch (err) {
      throw fromImapError(err, { mailbox: opts.mailbox, operation });
    }
  };

  return {
    name: opts.mailbox,

    async open() {
      await ensureConnected();
      return { uidValidity: uidValidity ?? 0 };
    },

    async listKeys() {
      seenSeq = changeSeq;
      const uids = await run("search", (c) => c.search({ all: true }, { uid: true }));
      return (uids || []).sort((a, b) => a - b).map(String);
    },

    // Issue 13 §3: the cursor is the highest UID listed under this UIDVALIDITY (the caller keeps one per UIDVALIDITY),
    // so an idle pass asks the server only for UIDs above it, whatever the mailbox holds. RFC 3501 §6.4.8: `n:*`
    // always matches the highest UID even when it is below n, hence the filter.
    async listKeysSince(cursor) {
      const after = cursor !== null && /^\d+$/.test(cursor) ? Number(cursor) : null;
      if (after === null) {
        const keys = await this.listKeys();
        return { keys, cursor: keys.length ? keys[keys.length - 1]! : "0" };
      }
      seenSeq = changeSeq;
      const uids = await run("search", (c) => c.search({ uid: `${after + 1}:*` }, { uid: true }));
      const fresh = (uids || []).filter((u) => u > after).sort((a, b) => a - b);
      return { keys: fresh.map(String), cursor: String(fresh.length ? fresh[fresh.length - 1]! : after) };
    },

    async *fetch(keys): AsyncGenerator<ImapRawMessage> {
      const uids = keys.map(Number).filter((n) => Number.isInteger(n) && n > 0);
      const toRaw = (uid: number, internalDate: Date, size: number, source: Buffer, omitted: boolean): ImapRawMessage => ({
        mailbox: opts.mailbox,
        uidValidity: uidValidity ?? 0,
        uid,
        key: String(uid),
        internalDate,
        source,
        size,
        ...(omitted ? { bodyOmitted: true as const } : {}),
      });
      for (let i = 0; i < uids.length; i += FETCH_CHUNK) {
        const chunk = uids.slice(i, i + FETCH_CHUNK);
        // Sizes first (RFC822.SIZE), so that no body over the limit is ever downloaded.
        const meta = await run("fetch", async (c) => {
          const byUid = new Map<number, { internalDate: Date; size: number }>();
          for await (const m of c.fetch(chunk.join(","), { uid: true, internalDate: true, size: true }, { uid: true })) {
            if (m.internalDate === undefined) continue;
            byUid.set(m.uid, { internalDate: new Date(m.internalDate), size: m.size ?? 0 });
          }
          return byUid;
        });
        const present = chunk.filter((uid) => meta.has(uid));
        let k = 0;
        while (k < present.length) {
          const first = present[k]!;
          const firstMeta = meta.get(first)!;
          if (firstMeta.size > maxBytes) {
            k++;
            // BODY.PEEK[HEADER]: who sent it and what it is, for the ledger and the person who looks at it.
            const header = await run("fetch", (c) => c.fetchOne(String(first), { uid: true, headers: true }, { uid: true }));
            if (!header) continue;
            log.warn({ uid: first, size: firstMeta.size, limit: maxBytes }, "message over the size limit: body not fetched");
            const stub = Buffer.concat([Buffer.from(`${BODY_OMITTED_HEADER}: size=${firstMeta.size}; limit=${maxBytes}\r\n`), header.headers ?? Buffer.alloc(0)]);
            yield toRaw(first, firstMeta.internalDate, firstMeta.size, stub, true);
            continue;
          }
          // Small messages in one FETCH, up to `groupBytes` together: memory holds one group, never 25 large mails.
          const group = [first];
          let bytes = firstMeta.size;
          k++;
          while (k < present.length) {
            const next = meta.get(present[k]!)!;
            if (next.size > maxBytes || bytes + next.size > groupBytes) break;
            group.push(present[k]!);
            bytes += next.size;
            k++;
          }
          const bodies = await run("fetch", async (c) => {
            const byUid = new Map<number, Buffer>();
            // imapflow asks for `source` as BODY.PEEK[] (commands/fetch.js setBodyPeek): \Seen stays untouched.
            for await (const m of c.fetch(group.join(","), { uid: true, source: true }, { uid: true })) {
              if (m.source) byUid.set(m.uid, m.source);
            }
            return byUid;
          });
          for (const uid of group) {
            const source = bodies.get(uid);
            bodies.delete(uid);
            if (source) yield toRaw(uid, meta.get(uid)!.internalDate, meta.get(uid)!.size, source, false);
          }
        }
      }
    },

    waitForChange(maxWaitMs, signal) {
      if (closed || signal?.aborted || changeSeq !== seenSeq) return Promise.resolve();
      return new Promise<void>((resolve) => {
        let poller: NodeJS.Timeout | null = null;
        const finish = (): void => {
          clearTimeout(timer);
          if (poller) clearInterval(poller);
          wakers.delete(finish);
          signal?.removeEventListener("abort", finish);
          resolve();
        };
        const timer = setTimeout(finish, maxWaitMs);
        wakers.add(finish);
        signal?.addEventListener("abort", finish, { once: true });
        const c = client?.usable ? client : null;
        if (!c) {
          // Disconnected: a reconnect bumps changeSeq and wakes us.
          scheduleReconnect();
          return;
        }
        if (useIdle && c.capabilities.has("IDLE")) {
          // imapflow would start IDLE on its own only after 15 s of silence (autoIdleDelay): start it now.
          c.idle({ whenFree: true }).catch((err: unknown) => log.debug({ err: fromImapError(err).toJSON() }, "IDLE ended"));
          return;
        }
        // Without IDLE, NOOP lets the server report new messages as untagged EXISTS (RFC 3501 §6.1.2).
        poller = setInterval(() => {
          client?.noop().catch((err: unknown) => log.debug({ err: fromImapError(err).toJSON() }, "NOOP failed"));
        }, pollMs);
      });
    },

    async markProcessed(key) {
      if (keyword === null) return;
      try {
        const c = await ensureConnected();
        if (!keywordAllowed) {
          log.debug({ key }, "mailbox does not allow private keywords; ledger only");
          return;
        }
        await c.messageFlagsAdd(key, [keyword], { uid: true });
      } catch (err) {
        log.warn({ key, err: fromImapError(err).toJSON() }, "could not set the processed keyword");
      }
    },

    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      for (const wake of [...wakers]) wake();
      const c = client;
      client = null;
      if (c) await c.logout().catch(() => c.close());
    },
  };
}
