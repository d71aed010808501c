/**
 * The Mailer port of the embedded default: each mail is written as one `.eml` file into the outbox folder instead
 * of going to an SMTP server (contract.md "The mailbox"). The bytes are those SMTP would carry (mail-compose.ts,
 * shared with smtp-mailer.ts), after nodemailer's stream transport. A file appears whole or not at all (written
 * beside, then renamed: rename(2) is atomic within a folder), and one Message-ID gives one file: a retry after a
 * crash between the write and the outbox row's update finds the file and writes nothing.
 */
import { createHash } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import addressparser from "nodemailer/lib/addressparser";
import type { Logger, Mailer, OutgoingMail } from "../app/ports.ts";
import { IntakeError } from "./errors.ts";
import { composeMail } from "./mail-compose.ts";

export interface FileMailerOptions {
  /** The outbox folder (OUTBOX_DIR, default `${DATA_DIR}/outbox`); created when missing. */
  dir: string;
  logger: Logger;
}

const MAX_ID_CHARS = 120;

/** Creates the file outbox. Failures to write throw an IntakeError EARCHIVE (not transient: a disk problem). */
export function createFileMailer(opts: FileMailerOptions): Mailer {
  const dir = path.resolve(opts.dir);
  const log = opts.logger.child({ component: "file-mailer", dir });
  let ready: Promise<void> | null = null;
  const ensureDir = () => (ready ??= mkdir(dir, { recursive: true }).then(() => undefined));

  return {
    async send(mail) {
      const raw = await composeMail(mail);
      const recipients = [...mail.to, ...mail.cc].flatMap(bareAddresses);
      const suffix = `-${messageIdFileStem(mail.messageId)}.eml`;
      try {
        await ensureDir();
        const existing = (await readdir(dir)).find((n) => n.endsWith(suffix) && !n.startsWith("."));
        if (existing) {
          log.info({ messageId: mail.messageId, file: existing }, "mail already in the outbox folder");
          return { raw: await readFile(path.join(dir, existing)), accepted: recipients, rejected: [] };
        }
        const name = `${fileTime(mail.date)}${suffix}`;
        await writeAtomically(path.join(dir, name), raw);
        log.info({ messageId: mail.messageId, file: name, to: recipients }, "mail written to the outbox folder");
        return { raw, accepted: recipients, rejected: [] };
      } catch (err) {
        throw new IntakeError("EARCHIVE", `could not write ${mail.messageId} into ${dir}: ${(err as Error).message}`, {
          cause: err,
          transient: false,
          details: { messageId: mail.messageId, dir },
        });
      }
    },
    async close() {},
  };
}

/**
 * The Message-ID as a file-name part: without angle brackets, every character outside `[A-Za-z0-9._@+=-]`
 * replaced by `_`. When that changed or shortened the id, a short hash of the original keeps two ids apart.
 */
export function messageIdFileStem(messageId: string): string {
  const bare = messageId.trim().replace(/^<|>$/g, "");
  let stem = bare.replace(/[^A-Za-z0-9._@+=-]/g, "_").replace(/^\.+/, "_");
  const changed = stem !== bare || stem.length > MAX_ID_CHARS;
  if (stem.length > MAX_ID_CHARS) stem = stem.slice(0, MAX_ID_CHARS);
  if (changed) stem += `~${createHash("sha256").update(bare).digest("hex").slice(0, 10)}`;
  return stem;
}

/** ISO 8601 basic format in UTC (`20261118T031500Z`): sorts by time and is a valid file name everywhere. */
function fileTime(date: Date): string {
  const t = Number.isNaN(date.getTime()) ? new Date() : date;
  return t.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}

async function writeAtomically(file: string, bytes: Buffer): Promise<void> {
  // A dot name: anyone listing the folder (or a Maildir reader pointed at it) ignores the half-written file.
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const fh = await open(tmp, "w", 0o640);
  try {
    await fh.writeFile(bytes);
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

function bareAddresses(field: string): string[] {
  return addressparser(field, { flatten: true })
    .map((a) => a.address.toLowerCase())
    .filter((a) => a.length > 0);
}
