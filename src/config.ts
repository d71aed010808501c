/**
 * The one reader of process.env and of the regimes file. Everything is validated with zod at start-up;
 * a bad file or variable stops start-up with one message naming the file, the field path and what is wrong.
 */
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { YAMLParseError } from "yaml";
import { parseYamlText } from "./config-yaml.ts";
// The namespace import lets the bundle keep only the parts of zod in use (issue 9 §6: start-up).
import * as z from "zod";
import { IANAZone } from "luxon";
import { registryKeys } from "./config-registry.ts";
import type { Regime } from "./domain/regime.ts";
import { parseInstant } from "./domain/calendar/index.ts";
import { regimeFileSchema, regimeShorthandSchema, regimeTemplateSchema, sectionHeadingsSchema, type RegimeFile } from "./config-schema.ts";
import { readServiceAccountKey } from "./adapters/oauth2-token.ts";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export class ConfigError extends Error {
  readonly code = "ECONFIG";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ConfigError";
  }
}

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");
const port = z.coerce.number().int().min(1).max(65535);
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/**
 * The address of a From header value (contract.md: MAIL_FROM is the From header of what the bot sends), bare or
 * with a display name: "tonghop@cuc.example.vn", "Văn phòng Cục <tonghop@cuc.example.vn>". Lower-cased; null
 * when it holds no valid address.
 */
export function mailboxAddress(value: string): string | null {
  const m = /^\s*(?:"?[^"<>]*"?\s*)?<([^<>\s]+)>\s*$/.exec(value);
  const address = (m ? m[1]! : value).trim();
  return z.email().safeParse(address).success ? address.toLowerCase() : null;
}

/** Environment variables; `.env.example` lists exactly these. */
export const envSchema = z.object({
  DATABASE_URL: z.preprocess(blankToUndefined, z.string().regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: or postgresql://").optional()),
  DATA_DIR: z.preprocess(blankToUndefined, z.string().default("./var")),
  IMAP_HOST: z.preprocess(blankToUndefined, z.string().optional()),
  IMAP_PORT: z.preprocess(blankToUndefined, port.default(993)),
  IMAP_SECURE: z.preprocess(blankToUndefined, bool.default(true)),
  IMAP_USER: z.preprocess(blankToUndefined, z.string().optional()),
  IMAP_PASSWORD: z.preprocess(blankToUndefined, z.string().optional()),
  /** A file holding the IMAP password (systemd credentials, Docker secrets); its content replaces IMAP_PASSWORD. */
  IMAP_PASSWORD_FILE: z.preprocess(blankToUndefined, z.string().optional()),
  IMAP_MAILBOX: z.preprocess(blankToUndefined, z.string().default("INBOX")),
  IMAP_SENT_MAILBOX: z.preprocess(blankToUndefined, z.string().optional()),
  IMAP_IDLE: z.preprocess(blankToUndefined, bool.default(true)),
  POLL_INTERVAL_SECONDS: z.preprocess(blankToUndefined, z.coerce.number().int().min(5).default(60)),
  SMTP_HOST: z.preprocess(blankToUndefined, z.string().optional()),
  SMTP_PORT: z.preprocess(blankToUndefined, port.default(587)),
  SMTP_SECURE: z.preprocess(blankToUndefined, bool.default(false)),
  SMTP_USER: z.preprocess(blankToUndefined, z.string().optional()),
  SMTP_PASSWORD: z.preprocess(blankToUndefined, z.string().optional()),
  SMTP_PASSWORD_FILE: z.preprocess(blankToUndefined, z.string().optional()),
  SMTP_TIMEOUT_SECONDS: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).default(30)),
  /** `password` (default) or `oauth2`: XOAUTH2/OAUTHBEARER with a token from the OAUTH2_* variables (issue 13 §9). */
  IMAP_AUTH: z.preprocess(blankToUndefined, z.enum(["password", "oauth2"]).default("password")),
  SMTP_AUTH: z.preprocess(blankToUndefined, z.enum(["password", "oauth2"]).default("password")),
  /** A file holding a current access token, kept fresh by another tool; re-read at each connection. */
  OAUTH2_ACCESS_TOKEN_FILE: z.preprocess(blankToUndefined, z.string().optional()),
  /** Or the provider's token endpoint, with the client and (for delegated access) a refresh token. */
  OAUTH2_TOKEN_URL: z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  OAUTH2_CLIENT_ID: z.preprocess(blankToUndefined, z.string().optional()),
  OAUTH2_CLIENT_SECRET: z.preprocess(blankToUndefined, z.string().optional()),
  OAUTH2_CLIENT_SECRET_FILE: z.preprocess(blankToUndefined, z.string().optional()),
  OAUTH2_REFRESH_TOKEN: z.preprocess(blankToUndefined, z.string().optional()),
  OAUTH2_REFRESH_TOKEN_FILE: z.preprocess(blankToUndefined, z.string().optional()),
  OAUTH2_SCOPE: z.preprocess(blankToUndefined, z.string().optional()),
  /** A Google service account's JSON key (domain-wide delegation, the JWT-bearer grant). */
  OAUTH2_SERVICE_ACCOUNT_FILE: z.preprocess(blankToUndefined, z.string().optional()),
  /** The mailbox the service account acts for; default IMAP_USER, else SMTP_USER. */
  OAUTH2_SUBJECT: z.preprocess(blankToUndefined, z.email().optional()),
  MAIL_FROM: z.preprocess(
    blankToUndefined,
    z.string().refine((v) => mailboxAddress(v) !== null, 'must be an address or "Name <address>"').optional(),
  ),
  REGIMES_FILE: z.preprocess(blankToUndefined, z.string().optional()),
  MAILDIR: z.preprocess(blankToUndefined, z.string().optional()),
  OUTBOX_DIR: z.preprocess(blankToUndefined, z.string().optional()),
  INTAKE_NOW: z.preprocess(blankToUndefined, z.string().optional()),
  LOG_LEVEL: z.preprocess(blankToUndefined, z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info")),
});
export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env;
  dataDir: string;
  databaseUrl: string;
  timezone: string;
  office: RegimeFile["office"];
  regimes: Regime[];
  regimesFile: string;
  /** MAIL_FROM as written (a bare address or "Name <address>"), else the office address. */
  mailFrom: string;
  /** The embedded default's mailbox (MAILDIR, default `${DATA_DIR}/mail`), used when IMAP_HOST is not set. */
  maildir: string;
  /** The embedded default's outbox folder (OUTBOX_DIR, default `${DATA_DIR}/outbox`), used when SMTP_HOST is not set. */
  outboxDir: string;
  /** `answerSince` of the regimes file, else null (the first start, stored in the database). */
  answerSince: Date | null;
  /** True when no REGIMES_FILE is set and the shipped example is in use. */
  exampleRegimes: boolean;
  /** Warnings for start-up (e.g. MAIL_FROM and office.address differ). */
  warnings: string[];
  /** Issue 13 §8: authserv-id whose Authentication-Results are trusted (regimes file), else null (check off). */
  trustAuthenticationResults: string | null;
  /** Issue 13 §1: the limits the regimes file sets, in bytes and milliseconds (the rest keep their defaults). */
  limits: ConfiguredLimits;
}

/** The regimes file's `limits`, in the units of src/adapters/limits.ts (ResourceLimits); unset keys absent. */
export type ConfiguredLimits = Partial<Record<"messageBytes" | "attachmentBytes" | "attachmentsPerMessage" | "mimeDepth" | "zipUncompressedBytes" | "zipRatio" | "documentMs" | "workerHeapMb", number>>;

function configuredLimits(l: RegimeFile["limits"]): ConfiguredLimits {
  const MB = 1024 * 1024;
  const out: ConfiguredLimits = {};
  if (!l) return out;
  if (l.messageMb !== undefined) out.messageBytes = Math.round(l.messageMb * MB);
  if (l.attachmentMb !== undefined) out.attachmentBytes = Math.round(l.attachmentMb * MB);
  if (l.attachmentsPerMessage !== undefined) out.attachmentsPerMessage = l.attachmentsPerMessage;
  if (l.mimeDepth !== undefined) out.mimeDepth = l.mimeDepth;
  if (l.zipUncompressedMb !== undefined) out.zipUncompressedBytes = Math.round(l.zipUncompressedMb * MB);
  if (l.zipRatio !== undefined) out.zipRatio = l.zipRatio;
  if (l.documentSeconds !== undefined) out.documentMs = Math.round(l.documentSeconds * 1000);
  if (l.workerMemoryMb !== undefined) out.workerHeapMb = l.workerMemoryMb;
  return out;
}

function formatIssues(where: string, issues: z.core.$ZodIssue[]): string {
  const lines = issues.slice(0, 8).map((i) => {
    const at = i.path.length ? i.path.join(".") : "(root)";
    return `  - ${at}: ${i.message}`;
  });
  return `Invalid configuration in ${where}:\n${lines.join("\n")}`;
}

export function loadEnv(source: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) throw new ConfigError(formatIssues("environment variables", parsed.error.issues));
  const env = parsed.data;
  const secrets = [
    ["IMAP_PASSWORD", "IMAP_PASSWORD_FILE"],
    ["SMTP_PASSWORD", "SMTP_PASSWORD_FILE"],
    ["OAUTH2_CLIENT_SECRET", "OAUTH2_CLIENT_SECRET_FILE"],
    ["OAUTH2_REFRESH_TOKEN", "OAUTH2_REFRESH_TOKEN_FILE"],
  ] as const;
  for (const [value, file] of secrets) {
    const name = env[file];
    if (name === undefined) continue;
    if (env[value] !== undefined) throw new ConfigError(`Invalid configuration in environment variables:\n  - ${file}: set either ${value} or ${file}, not both`);
    env[value] = readSecretFile(file, path.resolve(cwd, name));
    // The token source writes a rotated refresh token back to its file: keep the absolute path.
    env[file] = path.resolve(cwd, name);
  }
  checkOAuth2(env, cwd);
  return env;
}

/** With IMAP_AUTH or SMTP_AUTH = oauth2, one token source must be complete; the token file must be readable now. */
function checkOAuth2(env: Env, cwd: string): void {
  const users = ([env.IMAP_AUTH === "oauth2" ? "IMAP" : null, env.SMTP_AUTH === "oauth2" ? "SMTP" : null] as const).filter((x) => x !== null);
  if (users.length === 0) return;
  const bad = (field: string, what: string) => new ConfigError(`Invalid configuration in environment variables:\n  - ${field}: ${what}`);
  for (const p of users) {
    if (env[`${p}_PASSWORD`] !== undefined) throw bad(`${p}_PASSWORD`, `${p}_AUTH=oauth2 takes no password; unset it (or set ${p}_AUTH=password)`);
    if (env[`${p}_HOST`] !== undefined && env[`${p}_USER`] === undefined) throw bad(`${p}_USER`, `${p}_AUTH=oauth2 needs the mailbox address in ${p}_USER`);
  }
  if (env.OAUTH2_SERVICE_ACCOUNT_FILE !== undefined) {
    for (const other of ["OAUTH2_ACCESS_TOKEN_FILE", "OAUTH2_CLIENT_SECRET", "OAUTH2_REFRESH_TOKEN"] as const) {
      if (env[other] !== undefined) throw bad("OAUTH2_SERVICE_ACCOUNT_FILE", `a service account needs no ${other}; unset one of them`);
    }
    env.OAUTH2_SERVICE_ACCOUNT_FILE = path.resolve(cwd, env.OAUTH2_SERVICE_ACCOUNT_FILE);
    try {
      readServiceAccountKey(env.OAUTH2_SERVICE_ACCOUNT_FILE);
    } catch (err) {
      throw bad("OAUTH2_SERVICE_ACCOUNT_FILE", (err as Error).message.replace(/^OAuth2: /, ""));
    }
    if ((env.OAUTH2_SUBJECT ?? env.IMAP_USER ?? env.SMTP_USER) === undefined) {
      throw bad("OAUTH2_SUBJECT", "a service account acts for a mailbox: set OAUTH2_SUBJECT (or IMAP_USER) to its address");
    }
    return;
  }
  if (env.OAUTH2_ACCESS_TOKEN_FILE !== undefined) {
    if (env.OAUTH2_TOKEN_URL !== undefined) throw bad("OAUTH2_ACCESS_TOKEN_FILE", "set either OAUTH2_ACCESS_TOKEN_FILE or OAUTH2_TOKEN_URL, not both");
    env.OAUTH2_ACCESS_TOKEN_FILE = path.resolve(cwd, env.OAUTH2_ACCESS_TOKEN_FILE);
    readSecretFile("OAUTH2_ACCESS_TOKEN_FILE", env.OAUTH2_ACCESS_TOKEN_FILE);
    return;
  }
  if (env.OAUTH2_TOKEN_URL === undefined) throw bad("OAUTH2_TOKEN_URL", `${users.join(" and ")}_AUTH=oauth2 needs OAUTH2_ACCESS_TOKEN_FILE, OAUTH2_SERVICE_ACCOUNT_FILE, or OAUTH2_TOKEN_URL with OAUTH2_CLIENT_ID`);
  if (env.OAUTH2_CLIENT_ID === undefined) throw bad("OAUTH2_CLIENT_ID", "OAUTH2_TOKEN_URL needs OAUTH2_CLIENT_ID");
  if (env.OAUTH2_REFRESH_TOKEN === undefined && env.OAUTH2_CLIENT_SECRET === undefined) {
    throw bad("OAUTH2_CLIENT_SECRET", "without a refresh token (OAUTH2_REFRESH_TOKEN) the client-credentials grant needs OAUTH2_CLIENT_SECRET");
  }
}

/**
 * A password from a file (issue 13 §9): the whole content, without the final line break editors and `echo` add.
 * The message names the variable and the file, never the content.
 */
function readSecretFile(variable: string, file: string): string {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new ConfigError(`Invalid configuration in environment variables:\n  - ${variable}: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? "error"})`, { cause: err });
  }
  const secret = text.replace(/\r?\n$/, "");
  if (secret === "") throw new ConfigError(`Invalid configuration in environment variables:\n  - ${variable}: ${file} is empty`);
  return secret;
}

function readYaml(file: string): unknown {
  if (!existsSync(file)) throw new ConfigError(`Configuration file not found: ${file}`);
  try {
    return parseYamlText(readFileSync(file, "utf8"));
  } catch (err) {
    const detail = err instanceof YAMLParseError ? err.message : String(err);
    throw new ConfigError(`Cannot read YAML in ${file}: ${detail}`, { cause: err });
  }
}

/** Shallow-by-key merge: objects merge recursively, arrays and scalars from `over` replace `base`. */
function mergeDeep(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (isPlainObject(base) && isPlainObject(over)) {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(over)) out[k] = mergeDeep(base[k], v);
    return out;
  }
  return over;
}
function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The office's units merge into the template's by id (the office adds addresses, renames, adds units). */
function mergeUnits(base: unknown, over: unknown): unknown {
  if (!Array.isArray(base) || !Array.isArray(over)) return over ?? base;
  const out = base.map((u) => ({ ...(u as Record<string, unknown>) }));
  for (const o of over as Record<string, unknown>[]) {
    const i = out.findIndex((u) => u.id === o.id);
    if (i >= 0) out[i] = { ...out[i], ...o };
    else out.push({ aliases: [], addresses: [], fields: [], ...o });
  }
  return out;
}

/** `deadlines` and `reminders` of a regime entry as the `kinds` overrides they stand for. */
function shorthandKinds(s: z.infer<typeof regimeShorthandSchema>): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [kind, rules] of Object.entries(s.deadlines ?? {})) out[kind] = { ...out[kind], ...rules };
  for (const [kind, offsets] of Object.entries(s.reminders ?? {})) out[kind] = { ...out[kind], reminders: offsets };
  return out;
}

/** The office's `sectionHeadings` appended to the matching sections' `headings` (an unknown section id stops start-up). */
function addSectionHeadings(file: string, idx: number, sections: unknown, extra: unknown): unknown {
  const parsed = sectionHeadingsSchema.safeParse(extra);
  if (!parsed.success) throw new ConfigError(formatIssues(file, parsed.error.issues.map((i) => ({ ...i, path: ["regimes", idx, "sectionHeadings", ...i.path] }))));
  if (!Array.isArray(sections)) return sections;
  const ids = sections.map((s) => (s as { id?: unknown }).id);
  for (const id of Object.keys(parsed.data)) {
    if (!ids.includes(id)) {
      throw new ConfigError(`Invalid configuration in ${file}:\n  - regimes.${idx}.sectionHeadings.${id}: no section "${id}" (sections: ${ids.join(", ")})`);
    }
  }
  return sections.map((s) => {
    const sec = s as { id: string; headings?: unknown };
    const more = parsed.data[sec.id];
    if (!more) return sec;
    const have = Array.isArray(sec.headings) ? (sec.headings as string[]) : [];
    return { ...sec, headings: [...have, ...more.filter((h) => !have.includes(h))] };
  });
}

export function templatesDir(): string {
  return path.join(PROJECT_ROOT, "templates");
}

/** Builds the regimes from the regimes file and the shipped templates. */
export function loadRegimes(file: string): { file: RegimeFile; regimes: Regime[] } {
  const raw = readYaml(file);
  const parsed = regimeFileSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(formatIssues(file, parsed.error.issues));
  const regimes: Regime[] = parsed.data.regimes.map((entry, idx) => {
    const templateFile = path.join(templatesDir(), "regimes", `${entry.template}.yaml`);
    if (!existsSync(templateFile)) {
      throw new ConfigError(`Invalid configuration in ${file}:\n  - regimes.${idx}.template: no regime template "${entry.template}" (looked for ${templateFile})`);
    }
    const template = readYaml(templateFile) as Record<string, unknown>;
    const { template: _t, units, deadlines, reminders, sectionHeadings, ...overrides } = entry;
    const shorthand = regimeShorthandSchema.safeParse({ deadlines, reminders });
    if (!shorthand.success) {
      throw new ConfigError(formatIssues(file, shorthand.error.issues.map((i) => ({ ...i, path: ["regimes", idx, ...i.path] }))));
    }
    const merged = mergeDeep(mergeDeep(template, overrides), { kinds: shorthandKinds(shorthand.data) }) as Record<string, unknown>;
    // Issue 10: units from the template's registry (provinces, ministries), the office's addresses merged by id.
    const reg = registryKeys(templatesDir(), merged.registry as string | undefined, merged.formerRegistry as string | undefined);
    if (!reg.ok) throw new ConfigError(`Invalid configuration in ${file} (regime ${entry.id}, template ${templateFile}):\n  - registry: ${reg.message}`);
    Object.assign(merged, { ...reg.keys, ...(merged.notUnitIn ? { notUnitIn: merged.notUnitIn } : {}) });
    merged.units = mergeUnits(reg.keys.units ? mergeUnits(reg.keys.units, template.units) : template.units, units);
    if (reg.keys.formerUnits || entry.formerUnits) merged.formerUnits = mergeUnits(reg.keys.formerUnits, entry.formerUnits);
    // A regime whose kinds have their own sections (plan, report) lists their union as its sections.
    if (!Array.isArray(merged.sections) || merged.sections.length === 0) {
      merged.sections = Object.values((merged.kinds ?? {}) as Record<string, { sections?: unknown[] }>).flatMap((k) => k.sections ?? []);
    }
    merged.id = entry.id;
    if (sectionHeadings !== undefined) merged.sections = addSectionHeadings(file, idx, merged.sections, sectionHeadings);
    const checked = regimeTemplateSchema.safeParse(merged);
    if (!checked.success) {
      throw new ConfigError(formatIssues(`${file} (regime ${entry.id}, template ${templateFile})`, checked.error.issues));
    }
    return checked.data as Regime;
  });
  return { file: parsed.data, regimes };
}

/** Loads and validates everything. Throws ConfigError with the file, field path and problem. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const env = loadEnv(source, cwd);
  const dataDir = path.resolve(cwd, env.DATA_DIR);
  const regimesFile = path.resolve(cwd, env.REGIMES_FILE ?? path.join(PROJECT_ROOT, "templates", "regimes.example.yaml"));
  const { file, regimes } = loadRegimes(regimesFile);
  if (!IANAZone.isValidZone(file.timezone)) {
    throw new ConfigError(`Invalid configuration in ${regimesFile}:\n  - timezone: unknown time zone "${file.timezone}"`);
  }
  const warnings: string[] = [];
  const mailFrom = env.MAIL_FROM ?? file.office.address;
  if (env.MAIL_FROM && mailboxAddress(env.MAIL_FROM) !== file.office.address.toLowerCase()) {
    warnings.push(`MAIL_FROM (${env.MAIL_FROM}) differs from office.address (${file.office.address}) in ${regimesFile}; they should name the same mailbox.`);
  }
  // The daemon's start notice (main.ts) says so in Vietnamese.
  const exampleRegimes = env.REGIMES_FILE === undefined;
  let answerSince: Date | null = null;
  if (file.answerSince !== undefined) {
    answerSince = parseInstant(file.answerSince, file.timezone);
    if (!answerSince) throw new ConfigError(`Invalid configuration in ${regimesFile}:\n  - answerSince: "${file.answerSince}" is not a valid date-time`);
  }
  const databaseUrl = env.DATABASE_URL ?? `file:${path.join(dataDir, "intake.db")}`;
  const maildir = path.resolve(cwd, env.MAILDIR ?? path.join(dataDir, "mail"));
  const outboxDir = path.resolve(cwd, env.OUTBOX_DIR ?? path.join(dataDir, "outbox"));
  return {
    env, dataDir, databaseUrl, timezone: file.timezone, office: file.office, regimes, regimesFile, mailFrom, warnings, trustAuthenticationResults: file.trustAuthenticationResults ?? null, limits: configuredLimits(file.limits),
    maildir, outboxDir, answerSince, exampleRegimes,
  };
}
