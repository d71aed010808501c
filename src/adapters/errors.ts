/**
 * The error catalogue: every unexpected failure the adapters raise carries one stable code from this table and
 * wraps the original error as `cause` (after nodemailer's lib/errors.js). Expected outcomes are values, never these.
 */

export const ERROR_CODES = {
  ECONFIG: "Invalid configuration",
  ECONNECTION: "Server unreachable, or the connection was lost",
  ETIMEDOUT: "The server did not answer in time",
  EAUTH: "Authentication failed",
  EIMAP: "IMAP command failed",
  ENOMAILBOX: "IMAP mailbox not found",
  ESMTP: "SMTP protocol or TLS error",
  EREJECTED: "The SMTP server refused the message or its recipients",
  EDOCUMENT: "A document or attachment could not be read",
  EDB: "Database error",
  ESETUP: "The database or the data folder cannot be used as configured (the user must fix a path, a host or a permission)",
  EARCHIVE: "Archive storage error",
  ECLOSED: "The adapter was closed",
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface IntakeErrorOptions {
  cause?: unknown;
  /** True when the same operation may succeed later (server down, 4xx reply). Defaults by code. */
  transient?: boolean;
  /** Server reply code (SMTP 4xx/5xx) when there was one. */
  responseCode?: number;
  /** Structured facts for the log (never secrets). */
  details?: Record<string, unknown>;
}

const TRANSIENT_BY_DEFAULT: ReadonlySet<ErrorCode> = new Set(["ECONNECTION", "ETIMEDOUT", "EDB"]);

/** An unexpected failure with a stable `code` from {@link ERROR_CODES} and the original error as `cause`. */
export class IntakeError extends Error {
  readonly code: ErrorCode;
  readonly transient: boolean;
  readonly responseCode: number | undefined;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: IntakeErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "IntakeError";
    this.code = code;
    this.transient = options.transient ?? TRANSIENT_BY_DEFAULT.has(code);
    this.responseCode = options.responseCode;
    this.details = options.details ?? {};
  }

  /** Log-friendly form: code, message, details and the cause's own code/message. */
  toJSON(): Record<string, unknown> {
    const cause = this.cause as { code?: unknown; message?: unknown } | undefined;
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      transient: this.transient,
      responseCode: this.responseCode,
      details: this.details,
      cause: cause === undefined ? undefined : { code: cause?.code, message: cause?.message },
    };
  }
}

/** The mailer port (ports.ts) names its failures `MailerError`: the same class. */
export const MailerError = IntakeError;
export type MailerError = IntakeError;

/** True when `err` is an {@link IntakeError}, optionally with one of the given codes. */
export function isIntakeError(err: unknown, ...codes: ErrorCode[]): err is IntakeError {
  return err instanceof IntakeError && (codes.length === 0 || codes.includes(err.code));
}

/** True when retrying later may help: a transient {@link IntakeError}. Unknown errors count as not transient. */
export function isTransient(err: unknown): boolean {
  return err instanceof IntakeError && err.transient;
}

/** Human description of a code, for CLI output and logs. */
export function describeCode(code: ErrorCode): string {
  return ERROR_CODES[code];
}

/** Node socket/DNS codes that mean "could not reach the server, or lost it". */
const NETWORK_CODES: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EADDRNOTAVAIL",
]);

/** Whether a Node error code (ECONNREFUSED, ENOTFOUND…) denotes a network failure. */
export function isNetworkCode(code: unknown): boolean {
  return typeof code === "string" && NETWORK_CODES.has(code);
}

/** Wraps anything thrown into an {@link IntakeError}; an IntakeError passes through unchanged. */
export function wrapError(err: unknown, code: ErrorCode, message?: string, options: Omit<IntakeErrorOptions, "cause"> = {}): IntakeError {
  if (err instanceof IntakeError) return err;
  const text = message ?? (err instanceof Error ? err.message : String(err));
  return new IntakeError(code, text, { ...options, cause: err });
}

const IMAP_CONNECTION_CODES: ReadonlySet<string> = new Set([
  "NoConnection",
  "EConnectionClosed",
  "StateLogout",
  "ClosedAfterConnectText",
  "ClosedAfterConnectTLS",
]);
const IMAP_TIMEOUT_CODES: ReadonlySet<string> = new Set(["CONNECT_TIMEOUT", "GREETING_TIMEOUT", "UPGRADE_TIMEOUT", "ETIMEOUT"]);

/**
 * Maps an imapflow error (duck-typed: `code`, `authenticationFailed`, `serverResponseCode`…) to the catalogue.
 * A lost or refused connection is ECONNECTION; a failed login EAUTH; a missing folder ENOMAILBOX.
 */
export function fromImapError(err: unknown, context: Record<string, unknown> = {}): IntakeError {
  if (err instanceof IntakeError) return err;
  const e = (err ?? {}) as {
    code?: string;
    message?: string;
    authenticationFailed?: boolean;
    serverResponseCode?: string;
    responseText?: string;
    mailboxMissing?: boolean;
    tlsFailed?: boolean;
    command?: string;
  };
  const details = { ...context, imapCode: e.code, command: e.command, serverResponseCode: e.serverResponseCode, responseText: e.responseText };
  const message = e.responseText ?? e.message ?? String(err);
  const make = (code: ErrorCode, transient?: boolean): IntakeError => new IntakeError(code, message, { cause: err, details, transient });
  if (e.authenticationFailed || e.serverResponseCode === "AUTHENTICATIONFAILED") return make("EAUTH");
  if (e.mailboxMissing || e.serverResponseCode === "NONEXISTENT" || e.serverResponseCode === "TRYCREATE") return make("ENOMAILBOX");
  // A certificate or TLS mismatch does not heal by retrying: it is configuration (IMAP_SECURE, port, CA).
  if (e.tlsFailed) return make("ECONFIG");
  if (e.code && IMAP_TIMEOUT_CODES.has(e.code)) return make("ETIMEDOUT");
  if (isNetworkCode(e.code) || (e.code && IMAP_CONNECTION_CODES.has(e.code))) return make("ECONNECTION");
  if (e.serverResponseCode === "UNAVAILABLE" || e.code === "ETHROTTLE") return make("EIMAP", true);
  return make("EIMAP");
}
