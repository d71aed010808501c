/**
 * Composition root: load the configuration, build the adapters, hand them to the use cases.
 * Nothing else in the code base reads process.env or constructs adapters.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { loadConfig, PROJECT_ROOT, type Config } from "./config.ts";
import { parseInstant } from "./domain/calendar/index.ts";
import type { Deps } from "./app/context.ts";
import type { CheckDeps } from "./app/check-files.ts";
import type { Clock, Logger, Mailbox, OutgoingAttachment, Scheduler } from "./app/ports.ts";
import { writeDraftDocx } from "./adapters/docx-draft-writer.ts";
import { loadDraftSkeletons } from "./adapters/draft-skeleton-loader.ts";
import { createArchivedAttachments } from "./adapters/archived-attachments.ts";
import { createCronScheduler } from "./adapters/scheduler.ts";
import { openDatabase } from "./adapters/database.ts";
import { createPrismaStore } from "./adapters/prisma-store.ts";
import { createFileArchive } from "./adapters/file-archive.ts";
import { createLogger } from "./adapters/logger.ts";
import { fixedClock, offsetClock, systemClock } from "./adapters/clock.ts";
import { createDocumentReader } from "./adapters/document-reader.ts";
import { parseMessage } from "./adapters/parse-message.ts";
import { createSmtpMailer } from "./adapters/smtp-mailer.ts";
import { createImapMailbox, createImapSentFolder } from "./adapters/imap-mailbox.ts";
import { loadMailTexts } from "./adapters/template-loader.ts";
import { ConfigError } from "./config.ts";
import { which } from "./adapters/which.ts";

export interface App {
  config: Config;
  deps: Deps;
  logger: Logger;
  openMailbox(): Mailbox;
  scheduler: Scheduler;
  close(): Promise<void>;
}

/** An AbortSignal that fires on SIGTERM or SIGINT: how the daemon is told to stop (systemd sends SIGTERM). */
export function stopSignal(): AbortSignal {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  return controller.signal;
}

/** The unit report skeleton attached to Không đạt replies (templates/skeletons/mau-bao-cao-<kind>.docx). */
function skeletons(): (kind: string) => OutgoingAttachment | null {
  const names: Record<string, string> = {
    week: "tuan", month: "thang", quarter: "quy", half: "6-thang", year: "nam",
  };
  return (kind) => {
    const slug = names[kind];
    if (!slug) return null;
    const file = path.join(PROJECT_ROOT, "templates", "skeletons", `mau-bao-cao-${slug}.docx`);
    if (!existsSync(file)) return null;
    return { filename: `Mẫu báo cáo ${kind === "half" ? "6 tháng" : kind === "week" ? "tuần" : kind === "month" ? "tháng" : kind === "quarter" ? "quý" : "năm"}.docx`, path: file, contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" };
  };
}

/** INTAKE_NOW: a fixed "now" for one-shot commands; for the daemon, where the clock starts. */
function makeClock(config: Config, daemon: boolean): Clock {
  const text = config.env.INTAKE_NOW;
  if (!text) return systemClock();
  const at = parseInstant(text, config.timezone);
  if (!at) throw new ConfigError(`Invalid configuration in environment variables:\n  - INTAKE_NOW: "${text}" is not an ISO date-time (e.g. 2026-11-19T14:59)`);
  return daemon ? offsetClock(at) : fixedClock(at);
}

/**
 * What `intake check` needs (issue 11 item 1): the configuration, the document reader, the MIME parser, the mail
 * texts and skeletons. No database is opened or created, no mailbox, no mailer: nothing can be recorded or sent.
 */
export async function createReader(opts: { env?: NodeJS.ProcessEnv; logger?: Logger } = {}): Promise<{ config: Config; deps: CheckDeps; logger: Logger }> {
  const config = loadConfig(opts.env ?? process.env);
  const logger = opts.logger ?? createLogger(config.env.LOG_LEVEL);
  const [{ createDocumentReader }, { parseMessage }] = await Promise.all([import("./adapters/document-reader.ts"), import("./adapters/parse-message.ts")]);
  const deps: CheckDeps = {
    settings: { timezone: config.timezone, office: config.office, regimes: config.regimes, mailFrom: config.mailFrom },
    documents: createDocumentReader({ sofficePath: which("soffice"), pdftotextPath: which("pdftotext"), logger }),
    parse: (raw: Buffer, receivedAt: Date) => parseMessage(raw, receivedAt, { timeZone: config.timezone }),
    texts: loadMailTexts(path.join(PROJECT_ROOT, "templates", "mail")),
    skeletonFor: skeletons(),
  };
  return { config, deps, logger };
}

export async function createApp(opts: { daemon?: boolean; env?: NodeJS.ProcessEnv; logger?: Logger } = {}): Promise<App> {
  const config = loadConfig(opts.env ?? process.env);
  const logger = opts.logger ?? createLogger(config.env.LOG_LEVEL);
  for (const w of config.warnings) logger.warn({}, w);
  const texts = loadMailTexts(path.join(PROJECT_ROOT, "templates", "mail"));
  const db = await openDatabase(config.databaseUrl);
  const store = createPrismaStore(db);
  const env = config.env;
  const mailer = env.SMTP_HOST
    ? createSmtpMailer({
        host: env.SMTP_HOST, port: env.SMTP_PORT, secure: env.SMTP_SECURE, user: env.SMTP_USER, password: env.SMTP_PASSWORD,
        logger, connectionTimeoutMs: env.SMTP_TIMEOUT_SECONDS * 1000,
      })
    : undefined;
  const imap = env.IMAP_HOST && env.IMAP_USER && env.IMAP_PASSWORD
    ? { host: env.IMAP_HOST, port: env.IMAP_PORT, secure: env.IMAP_SECURE, user: env.IMAP_USER, password: env.IMAP_PASSWORD }
    : null;
  const sentFolder = imap && env.IMAP_SENT_MAILBOX ? createImapSentFolder({ ...imap, mailbox: env.IMAP_SENT_MAILBOX, logger }) : undefined;
  const archive = createFileArchive(path.join(config.dataDir, "archive"));
  // Dates written without an offset (inline forwards) are read in the office's zone (the regimes file's timezone).
  const parse = (raw: Buffer, receivedAt: Date) => parseMessage(raw, receivedAt, { timeZone: config.timezone });
  const deps: Deps = {
    settings: { timezone: config.timezone, office: config.office, regimes: config.regimes, mailFrom: config.mailFrom },
    store,
    archive,
    documents: createDocumentReader({ sofficePath: which("soffice"), pdftotextPath: which("pdftotext"), logger }),
    parse,
    texts,
    skeletonFor: skeletons(),
    draftSkeleton: loadDraftSkeletons(path.join(PROJECT_ROOT, "templates", "draft")),
    draftWriter: { write: writeDraftDocx },
    originalFiles: createArchivedAttachments(archive, parse),
    clock: makeClock(config, opts.daemon ?? false),
    logger,
    ...(mailer ? { mailer } : {}),
    ...(sentFolder ? { sentFolder } : {}),
  };
  return {
    config,
    deps,
    logger,
    scheduler: createCronScheduler(config.timezone),
    openMailbox() {
      if (!imap) {
        throw new ConfigError(
          "No mailbox is configured. Set IMAP_HOST, IMAP_USER and IMAP_PASSWORD (and IMAP_PORT, IMAP_SECURE, IMAP_MAILBOX if not 993, true, INBOX) in .env; see .env.example.",
        );
      }
      return createImapMailbox({ ...imap, mailbox: env.IMAP_MAILBOX, logger, idle: env.IMAP_IDLE, pollIntervalMs: env.POLL_INTERVAL_SECONDS * 1000 });
    },
    async close() {
      await mailer?.close().catch(() => undefined);
      await store.close();
    },
  };
}
