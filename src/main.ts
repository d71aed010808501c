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
import type { Clock, DocumentReader, Logger, Mailbox, Mailer, OutgoingAttachment, Scheduler } from "./app/ports.ts";
import { loadDraftSkeletons } from "./adapters/draft-skeleton-loader.ts";
import { createArchivedAttachments } from "./adapters/archived-attachments.ts";
import { createCronScheduler } from "./adapters/scheduler.ts";
import { openDatabase } from "./adapters/database.ts";
import { ensureDataDir } from "./adapters/data-dir.ts";
import { createPrismaStore } from "./adapters/prisma-store.ts";
import { createFileArchive } from "./adapters/file-archive.ts";
import { createLogger } from "./adapters/logger.ts";
import { fixedClock, offsetClock, systemClock } from "./adapters/clock.ts";
import { createMaildirMailbox } from "./adapters/maildir-mailbox.ts";
import { createImapMailbox, createImapSentFolder } from "./adapters/imap-mailbox.ts";
import { resolveLimits } from "./adapters/limits.ts";
import { accessTokensFromEnv } from "./adapters/oauth2-token.ts";
import type { WorkerDocumentReader } from "./adapters/document-worker.ts";
import { loadMailTexts } from "./adapters/template-loader.ts";
import { ConfigError } from "./config.ts";
import { which } from "./adapters/which.ts";
import { startupWarnings } from "./startup-warnings.ts";

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
 * Issue 9 §6: a module loaded on first use. The parts behind these (mammoth, docx, mailparser, nodemailer) cost
 * hundreds of milliseconds to load; a command that never reads a document or sends a mail does not load them.
 */
function lazily<T>(load: () => Promise<T>): { get(): Promise<T>; loaded(): boolean } {
  let p: Promise<T> | undefined;
  return { get: () => (p ??= load()), loaded: () => p !== undefined };
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
    settings: { timezone: config.timezone, office: config.office, regimes: config.regimes, mailFrom: config.mailFrom, ...(config.trustAuthenticationResults ? { trustAuthenticationResults: config.trustAuthenticationResults } : {}) },
    documents: createDocumentReader({ sofficePath: which("soffice"), pdftotextPath: which("pdftotext"), logger, limits: resolveLimits(config.limits) }),
    parse: (raw: Buffer, receivedAt: Date) => parseMessage(raw, receivedAt, { timeZone: config.timezone, limits: config.limits }),
    texts: loadMailTexts(path.join(PROJECT_ROOT, "templates", "mail")),
    skeletonFor: skeletons(),
  };
  return { config, deps, logger };
}

export async function createApp(opts: { daemon?: boolean; env?: NodeJS.ProcessEnv; logger?: Logger; config?: Config } = {}): Promise<App> {
  const config = opts.config ?? loadConfig(opts.env ?? process.env);
  const logger = opts.logger ?? createLogger(config.env.LOG_LEVEL);
  // Issue 9 §5: warned once at start, in plain Vietnamese lines: by the daemon always (its log is read), by a
  // one-shot command only for a person at a terminal (scripts and pipes get only the command's own output).
  if (opts.daemon || process.stderr.isTTY) {
    // The daemon's start notice (startNotice) already says when the example regimes file is in use.
    for (const w of [...config.warnings, ...startupWarnings(config, { exampleRegimes: !opts.daemon })]) process.stderr.write(`Cảnh báo: ${w}\n`);
  }
  const texts = loadMailTexts(path.join(PROJECT_ROOT, "templates", "mail"));
  ensureDataDir(config.dataDir);
  const db = await openDatabase(config.databaseUrl, { dataDir: config.dataDir });
  const store = createPrismaStore(db);
  const env = config.env;
  // contract.md "The mailbox": without SMTP_HOST the embedded default writes each mail as an .eml file.
  const smtpHost = env.SMTP_HOST;
  // Issue 13 §9: IMAP_AUTH / SMTP_AUTH = oauth2 take their access tokens from one source (config.ts checks it).
  const tokens = env.IMAP_AUTH === "oauth2" || env.SMTP_AUTH === "oauth2" ? accessTokensFromEnv(env, logger) : null;
  const realMailer = lazily<Mailer>(async () =>
    smtpHost
      ? (await import("./adapters/smtp-mailer.ts")).createSmtpMailer({
          host: smtpHost, port: env.SMTP_PORT, secure: env.SMTP_SECURE, user: env.SMTP_USER, password: env.SMTP_PASSWORD,
          logger, connectionTimeoutMs: env.SMTP_TIMEOUT_SECONDS * 1000,
          ...(tokens && env.SMTP_AUTH === "oauth2" ? { accessToken: tokens.get } : {}),
        })
      : (await import("./adapters/file-mailer.ts")).createFileMailer({ dir: config.outboxDir, logger }),
  );
  const mailer: Mailer = {
    send: async (mail) => (await realMailer.get()).send(mail),
    close: async () => {
      if (realMailer.loaded()) await (await realMailer.get()).close();
    },
  };
  const imap = env.IMAP_HOST && env.IMAP_USER && (env.IMAP_PASSWORD || (tokens && env.IMAP_AUTH === "oauth2"))
    ? { host: env.IMAP_HOST, port: env.IMAP_PORT, secure: env.IMAP_SECURE, user: env.IMAP_USER, password: env.IMAP_PASSWORD,
        ...(tokens && env.IMAP_AUTH === "oauth2" ? { accessToken: tokens.get } : {}) }
    : null;
  const sentFolder = imap && env.IMAP_SENT_MAILBOX ? createImapSentFolder({ ...imap, mailbox: env.IMAP_SENT_MAILBOX, logger }) : undefined;
  const archive = createFileArchive(path.join(config.dataDir, "archive"));
  // Dates written without an offset (inline forwards) are read in the office's zone (the regimes file's timezone).
  const parser = lazily(() => import("./adapters/parse-message.ts"));
  const parse = async (raw: Buffer, receivedAt: Date) => (await parser.get()).parseMessage(raw, receivedAt, { timeZone: config.timezone, limits: config.limits });
  // Issue 13 §1: documents are read in a pool of worker processes with a heap and a time limit per document.
  const reader = lazily<WorkerDocumentReader>(async () =>
    (await import("./adapters/document-worker.ts")).createWorkerDocumentReader({ sofficePath: which("soffice"), pdftotextPath: which("pdftotext"), logger, limits: config.limits }),
  );
  // The daemon checks the draft skeletons at start (a broken one stops it before any draft is due); a one-shot
  // command parses them only when it compiles (issue 9 §6: YAML parsing is a large part of a start-up).
  const skeletonDir = path.join(PROJECT_ROOT, "templates", "draft");
  let draftSkeletons = opts.daemon ? loadDraftSkeletons(skeletonDir) : undefined;
  const deps: Deps = {
    settings: {
      timezone: config.timezone, office: config.office, regimes: config.regimes, mailFrom: config.mailFrom, ...(config.trustAuthenticationResults ? { trustAuthenticationResults: config.trustAuthenticationResults } : {}),
      ...(config.answerSince ? { answerSince: config.answerSince } : {}),
    },
    store,
    archive,
    documents: { read: async (file) => (await reader.get()).read(file) },
    parse,
    texts,
    skeletonFor: skeletons(),
    draftSkeleton: (regimeId) => (draftSkeletons ??= loadDraftSkeletons(skeletonDir))(regimeId),
    draftWriter: { write: async (plan) => (await import("./adapters/docx-draft-writer.ts")).writeDraftDocx(plan) },
    originalFiles: createArchivedAttachments(archive, parse),
    clock: makeClock(config, opts.daemon ?? false),
    logger,
    mailer,
    ...(sentFolder ? { sentFolder } : {}),
  };
  if (opts.daemon) process.stderr.write(startNotice(config, !!imap));
  return {
    config,
    deps,
    logger,
    scheduler: createCronScheduler(config.timezone),
    openMailbox() {
      if (!imap) {
        if (env.IMAP_HOST) {
          throw new ConfigError(`IMAP_HOST is set (${env.IMAP_HOST}) but IMAP_USER or IMAP_PASSWORD is not; set both in .env (see .env.example), or unset IMAP_HOST to use the Maildir ${config.maildir}.`);
        }
        // contract.md "The mailbox": without IMAP_HOST the embedded default reads the Maildir.
        return createMaildirMailbox({ dir: config.maildir, logger });
      }
      return createImapMailbox({ ...imap, mailbox: env.IMAP_MAILBOX, logger, idle: env.IMAP_IDLE, pollIntervalMs: env.POLL_INTERVAL_SECONDS * 1000, messageBytes: resolveLimits(config.limits).messageBytes });
    },
    async close() {
      await mailer?.close().catch(() => undefined);
      if (reader.loaded()) await (await reader.get()).close();
      await store.close();
    },
  };
}

/**
 * What the daemon says at start, in Vietnamese, on stderr (issue 9): where mail is read and where what it sends
 * goes, and, on the embedded default, how to switch to the office's real mailbox.
 */
export function startNotice(config: Config, imap: boolean): string {
  const env = config.env;
  // office.name is how the office is named to people (the regimes file); the notice says whose mailbox this is.
  const lines = [`bao-cao-intake đang chạy cho ${config.office.name} (${config.office.address}).`];
  if (imap) lines.push(`- Hộp thư: IMAP ${env.IMAP_USER}@${env.IMAP_HOST}:${env.IMAP_PORT}, thư mục ${env.IMAP_MAILBOX}.`);
  else {
    lines.push(
      `- Hộp thư (Maildir, mặc định nhúng): chép tệp thư .eml vào ${path.join(config.maildir, "new")} — bot đọc trong vài giây,`,
      "  không đổi tên, không đánh dấu, không xoá tệp nào.",
    );
  }
  if (env.SMTP_HOST) lines.push(`- Thư gửi đi: qua SMTP ${env.SMTP_HOST}:${env.SMTP_PORT}.`);
  else lines.push(`- Thư trả lời, nhắc, đôn đốc và dự thảo không được gửi đi mà ghi thành tệp .eml trong ${config.outboxDir}.`);
  if (!imap || !env.SMTP_HOST) {
    lines.push(
      "- Để dùng hộp thư thật của Văn phòng: đặt trong .env IMAP_HOST, IMAP_PORT, IMAP_SECURE, IMAP_USER, IMAP_PASSWORD",
      "  (đọc thư) và SMTP_HOST, SMTP_PORT, SMTP_SECURE, SMTP_USER, SMTP_PASSWORD, MAIL_FROM (gửi thư); xem .env.example.",
    );
  }
  lines.push(`- Dữ liệu: ${config.dataDir}; cơ sở dữ liệu: ${config.databaseUrl.startsWith("file:") ? config.databaseUrl.slice(5) : "PostgreSQL"}.`);
  if (config.exampleRegimes) {
    lines.push(
      `- Cảnh báo: chưa khai báo REGIMES_FILE, đang dùng tệp cấu hình mẫu ${config.regimesFile} (địa chỉ đơn vị là`,
      "  địa chỉ ví dụ). Sao chép tệp này, điền địa chỉ thật và đặt REGIMES_FILE trong .env.",
    );
  }
  return `${lines.join("\n")}\n`;
}
