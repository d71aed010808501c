/**
 * The Mailbox port over a Maildir folder (`new/`, `cur/`, `tmp/`): the embedded default's mailbox, and what a local
 * mail server (Postfix, Dovecot LDA, getmail) delivers into. The bot shares the folder with the officer's mail
 * client (contract.md "The mailbox"): it only reads — it never renames a file into cur/, never changes its flags
 * (the `:2,` info), never deletes, and creates nothing but the three folders when they are missing.
 *
 * A message's key is its unique name (the file name before the `:2,` info), which stays the same when a mail client
 * moves the file from new/ to cur/ or changes its flags, so the ledger keeps recognising it. tmp/ holds deliveries
 * still being written and is never read; names starting with a dot are not messages (Maildir++ folders, editors).
 * Receipt time: the delivery time in the name (the leading seconds of `1700000000.M1P1.host`), else the mtime.
 */
import { randomUUID } from "node:crypto";
import { watch, type FSWatcher } from "node:fs";
import { mkdir, readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Logger, Mailbox, RawMessage } from "../app/ports.ts";
import { IntakeError } from "./errors.ts";

export interface MaildirMailboxOptions {
  /** The Maildir (MAILDIR, default `${DATA_DIR}/mail`). */
  dir: string;
  logger: Logger;
  /** Ledger name of the mailbox; default the Maildir's absolute path. */
  name?: string;
  /** How often the folders' times are compared while waiting, in case file-system events are missed. Default 2 s. */
  pollIntervalMs?: number;
  /** Use fs.watch (inotify) as well as polling. Default true. */
  watch?: boolean;
}

type Sub = "new" | "cur";

interface Entry {
  sub: Sub;
  file: string;
  /** Delivery time, milliseconds. */
  time: number;
  /** Microseconds of a Dovecot/Courier name (`.M123456P…`), to order deliveries within one second. */
  micro: number;
}

const SUBS: readonly Sub[] = ["new", "cur"];
/** How long a file without a Maildir name must stay unmodified before it is read. */
const SETTLE_MS = 500;
/** The info part of a Maildir name (`:2,FS`); `!` and `;` are the separators used where `:` is not allowed. */
const INFO = /[:!;][12],.*$/s;
const DELIVERY_SECONDS = /^(\d{9,11})(?=[.\-_]|$)/;
const MICROSECONDS = /^\d+\..*?M(\d{1,6})(?=[A-Z.]|$)/;

/** The unique name of a Maildir file: the name without its `:2,` info. */
export function maildirKey(fileName: string): string {
  return fileName.replace(INFO, "");
}

/** The delivery time written in a Maildir file name, or null when the name does not start with the seconds. */
export function deliveryTimeOf(fileName: string): Date | null {
  const m = DELIVERY_SECONDS.exec(fileName);
  if (!m) return null;
  const seconds = Number(m[1]);
  return seconds > 0 ? new Date(seconds * 1000) : null;
}

/** Creates the Maildir mailbox. listKeys/fetch throw IntakeError ENOMAILBOX when the folder cannot be read. */
export function createMaildirMailbox(opts: MaildirMailboxOptions): Mailbox {
  const root = path.resolve(opts.dir);
  const name = opts.name ?? root;
  const log = opts.logger.child({ component: "maildir-mailbox", dir: root });
  const pollMs = opts.pollIntervalMs ?? 2_000;
  const useWatch = opts.watch ?? true;

  let index = new Map<string, Entry>();
  let watchers: FSWatcher[] = [];
  let closed = false;
  // Every file-system notice bumps changeSeq; listKeys records what it has seen (as imap-mailbox.ts does).
  let changeSeq = 0;
  let seenSeq = 0;
  let listedSignature = "";
  // listKeysSince's memory of the previous listing (this process only).
  const session = randomUUID();
  let generation = 0;
  let listedToken = "";
  let listedKeys = new Set<string>();
  const wakers = new Set<() => void>();

  const bump = (): void => {
    changeSeq += 1;
    for (const wake of [...wakers]) wake();
  };

  const fail = (err: unknown, operation: string): IntakeError =>
    new IntakeError("ENOMAILBOX", `Maildir ${root}: ${operation} failed: ${(err as Error).message}`, {
      cause: err,
      details: { dir: root, operation },
    });

  /** The folders' modification times: any delivery, move or flag change in new/ or cur/ changes them. */
  const signature = async (): Promise<string> => {
    const parts = await Promise.all(
      SUBS.map((s) => stat(path.join(root, s)).then((st) => `${st.mtimeMs}/${st.ctimeMs}/${st.ino}`, () => "-")),
    );
    return parts.join(";");
  };

  const startWatching = (): void => {
    if (!useWatch || watchers.length > 0) return;
    for (const sub of SUBS) {
      try {
        const w = watch(path.join(root, sub), { persistent: false }, (_event, file) => {
          if (file && String(file).startsWith(".")) return;
          bump();
        });
        w.on("error", (err) => {
          log.warn({ err: { message: err.message }, sub }, "Maildir watch failed; polling only");
          w.close();
          watchers = watchers.filter((x) => x !== w);
        });
        watchers.push(w);
      } catch (err) {
        // inotify limits, network file systems: polling still notices new mail within pollIntervalMs.
        log.warn({ err: { message: (err as Error).message }, sub }, "Maildir watch unavailable; polling only");
      }
    }
  };

  /** Reads both folders into a fresh index; stats a file only when its name carries no delivery time. */
  const scan = async (): Promise<Map<string, Entry>> => {
    let settling = false;
    const next = new Map<string, Entry>();
    for (const sub of SUBS) {
      let dirents;
      try {
        dirents = await readdir(path.join(root, sub), { withFileTypes: true });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") continue;
        throw fail(err, `read ${sub}/`);
      }
      for (const d of dirents) {
        if (d.name.startsWith(".") || d.isDirectory()) continue;
        if (!d.isFile() && !d.isSymbolicLink()) continue;
        const key = maildirKey(d.name);
        const known = index.get(key);
        let time: number;
        const fromName = deliveryTimeOf(d.name);
        if (fromName) time = fromName.getTime();
        else if (known) time = known.time;
        else {
          let mtime: number;
          try {
            mtime = (await stat(path.join(root, sub, d.name))).mtimeMs;
          } catch {
            continue; // vanished between readdir and stat
          }
          // A delivery agent writes in tmp/ and renames (whole or absent); a file copied in by hand (`cp x.eml
          // new/`) may still be growing. Such a file is listed once it has been left alone for a moment.
          if (Date.now() - mtime < SETTLE_MS) {
            settling = true;
            continue;
          }
          time = mtime;
        }
        const micro = Number(MICROSECONDS.exec(d.name)?.[1] ?? 0);
        // new/ is read first: the same unique name in both (a client moved it mid-scan) ends as its cur/ file.
        next.set(key, { sub, file: d.name, time, micro });
      }
    }
    if (settling && !closed) setTimeout(bump, SETTLE_MS).unref();
    return next;
  };

  const ordered = (m: Map<string, Entry>): string[] =>
    [...m.entries()]
      .sort(([ka, a], [kb, b]) => a.time - b.time || a.micro - b.micro || (ka < kb ? -1 : ka > kb ? 1 : 0))
      .map(([k]) => k);

  const read = async (key: string): Promise<{ entry: Entry; source: Buffer } | null> => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const entry = index.get(key);
      if (entry) {
        try {
          return { entry, source: await readFile(path.join(root, entry.sub, entry.file)) };
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw fail(err, `read ${entry.sub}/${entry.file}`);
        }
      }
      // Moved to cur/ or re-flagged by the officer's client since the listing: look once more under its new name.
      if (attempt === 0) index = await scan();
    }
    log.debug({ key }, "message vanished before it was read; skipped");
    return null;
  };

  return {
    name,

    async open() {
      if (closed) throw new IntakeError("ECLOSED", "the Maildir mailbox was closed");
      try {
        for (const sub of ["new", "cur", "tmp"]) await mkdir(path.join(root, sub), { recursive: true });
      } catch (err) {
        throw fail(err, "create new/, cur/, tmp/");
      }
      startWatching();
      return { uidValidity: 0 };
    },

    async listKeys() {
      seenSeq = changeSeq;
      listedSignature = await signature();
      index = await scan();
      return ordered(index);
    },

    // Issue 13 §3: a Maildir has no UIDs, so the cursor names this process's previous listing; with it, only names
    // not in that listing are new. Any other cursor (a restart, an interrupted pass) lists everything again.
    async listKeysSince(cursor) {
      const keys = await this.listKeys();
      const fresh = cursor !== null && cursor === listedToken ? keys.filter((k) => !listedKeys.has(k)) : keys;
      listedKeys = new Set(keys);
      listedToken = `${session}:${++generation}`;
      return { keys: fresh, cursor: listedToken };
    },

    async *fetch(keys) {
      for (const key of keys) {
        if (closed) return;
        const got = await read(key);
        if (!got) continue;
        const message: RawMessage = {
          mailbox: name,
          uidValidity: 0,
          uid: 0,
          key,
          internalDate: new Date(got.entry.time),
          source: got.source,
        };
        yield message;
      }
    },

    waitForChange(maxWaitMs, signal) {
      if (closed || signal?.aborted || changeSeq !== seenSeq) return Promise.resolve();
      return new Promise<void>((resolve) => {
        let checking = false;
        const finish = (): void => {
          clearTimeout(timer);
          clearInterval(poller);
          wakers.delete(finish);
          signal?.removeEventListener("abort", finish);
          resolve();
        };
        const timer = setTimeout(finish, maxWaitMs);
        const poller = setInterval(() => {
          if (checking) return;
          checking = true;
          signature()
            .then((sig) => {
              if (sig !== listedSignature) finish();
            })
            .finally(() => (checking = false));
        }, pollMs);
        wakers.add(finish);
        signal?.addEventListener("abort", finish, { once: true });
      });
    },

    async close() {
      closed = true;
      for (const w of watchers) w.close();
      watchers = [];
      for (const wake of [...wakers]) wake();
    },
  };
}
