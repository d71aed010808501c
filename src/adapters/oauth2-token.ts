/**
 * OAuth2 access tokens for IMAP and SMTP (XOAUTH2 / OAUTHBEARER; issue 13 §9). Three sources:
 * - a file holding a current access token (OAUTH2_ACCESS_TOKEN_FILE), kept fresh by another tool and re-read at each
 *   connection;
 * - the token endpoint of the office's provider (OAUTH2_TOKEN_URL: Microsoft Entra ID, Google), asked with the
 *   refresh-token grant when a refresh token is configured, else the client-credentials grant (Microsoft 365 app-only
 *   access);
 * - a Google service account with domain-wide delegation (OAUTH2_SERVICE_ACCOUNT_FILE, its JSON key): the JWT-bearer
 *   grant of RFC 7523 §2.1, a JWT signed RS256 with the account's key, `sub` the mailbox it acts for.
 * The token is kept until a minute before it expires.
 * Tokens, refresh tokens and the client secret never reach a log or an error message: errors name the endpoint and
 * the provider's `error` code and description only.
 */
import { createPrivateKey, sign, type KeyObject } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import type { Logger } from "../app/ports.ts";
import { IntakeError } from "./errors.ts";

export interface AccessTokenOptions {
  /** A file whose content is a current access token (re-read at each connection). */
  tokenFile?: string;
  /** The provider's token endpoint. */
  tokenUrl?: string;
  clientId?: string;
  clientSecret?: string;
  /** With it, the refresh-token grant; without it, the client-credentials grant. */
  refreshToken?: string;
  /** Where the refresh token was read from: a rotated one (Microsoft) is written back there for the next start. */
  refreshTokenFile?: string;
  /** Space-separated scopes sent to the token endpoint. */
  scope?: string;
  /** A Google service account: the JWT-bearer grant instead of a client id and secret. */
  serviceAccount?: ServiceAccount;
  logger: Logger;
  /** For tests: the HTTP client and the clock. */
  fetch?: typeof fetch;
  now?: () => number;
}

export interface AccessTokens {
  /** A valid access token; `renew` skips the cached one (the server refused it). */
  get(opts?: { renew?: boolean }): Promise<string>;
  /** How the tokens are obtained, for the start notice (never the secret itself). */
  readonly source: string;
}

/** A service account's key (Google's JSON key file) and the mailbox it acts for. */
export interface ServiceAccount {
  clientEmail: string;
  privateKey: KeyObject;
  /** The user the account impersonates (domain-wide delegation): the mailbox's address. */
  subject: string;
}

/**
 * Reads a Google service-account key file: `type` "service_account", `client_email`, `private_key` (PEM), and
 * `token_uri`. Errors name the file and the field, never the key.
 */
export function readServiceAccountKey(file: string): { clientEmail: string; privateKey: KeyObject; tokenUri: string | null } {
  let key: { type?: unknown; client_email?: unknown; private_key?: unknown; token_uri?: unknown };
  try {
    key = JSON.parse(readFileSync(file, "utf8")) as typeof key;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new IntakeError("ECONFIG", `OAuth2: ${file} is not a readable JSON key file (${code ?? "not JSON"})`);
  }
  if (key.type !== "service_account") throw new IntakeError("ECONFIG", `OAuth2: ${file} is not a service account's key (its "type" must be "service_account")`);
  if (typeof key.client_email !== "string" || !key.client_email.includes("@")) throw new IntakeError("ECONFIG", `OAuth2: ${file} has no "client_email"`);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(String(key.private_key ?? ""));
  } catch {
    throw new IntakeError("ECONFIG", `OAuth2: the "private_key" of ${file} is not a PEM private key`);
  }
  if (privateKey.asymmetricKeyType !== "rsa") throw new IntakeError("ECONFIG", `OAuth2: the "private_key" of ${file} is not an RSA key (RS256 needs one)`);
  return { clientEmail: key.client_email, privateKey, tokenUri: typeof key.token_uri === "string" && key.token_uri ? key.token_uri : null };
}

const base64url = (data: string | Buffer): string => Buffer.from(data).toString("base64url");

/** RFC 7523 §2.1 / Google's server-to-server flow: the assertion, valid for an hour from `nowMs`. */
export function serviceAccountAssertion(account: ServiceAccount, audience: string, scope: string, nowMs: number): string {
  const iat = Math.floor(nowMs / 1000);
  const header = base64url(JSON.stringify({ alg: "RS256", typ: "JWT" }));
  const claims = base64url(JSON.stringify({ iss: account.clientEmail, sub: account.subject, scope, aud: audience, iat, exp: iat + 3600 }));
  const signature = sign("RSA-SHA256", Buffer.from(`${header}.${claims}`), account.privateKey);
  return `${header}.${claims}.${base64url(signature)}`;
}

/** Renew this long before the provider's `expires_in` runs out. */
const MARGIN_MS = 60_000;

export function createAccessTokens(opts: AccessTokenOptions): AccessTokens {
  const log = opts.logger.child({ component: "oauth2" });
  const now = opts.now ?? Date.now;
  if (opts.tokenFile) {
    const file = opts.tokenFile;
    return {
      source: `file ${file}`,
      async get() {
        let text: string;
        try {
          text = readFileSync(file, "utf8");
        } catch (err) {
          throw new IntakeError("EAUTH", `OAuth2: cannot read the access token file ${file} (${(err as NodeJS.ErrnoException).code ?? "error"})`, { transient: true });
        }
        const token = text.trim();
        if (!token) throw new IntakeError("EAUTH", `OAuth2: the access token file ${file} is empty`, { transient: true });
        return token;
      },
    };
  }
  const url = opts.tokenUrl;
  if (!url || (!opts.clientId && !opts.serviceAccount)) {
    throw new IntakeError("ECONFIG", "OAuth2: set OAUTH2_ACCESS_TOKEN_FILE, OAUTH2_SERVICE_ACCOUNT_FILE, or OAUTH2_TOKEN_URL and OAUTH2_CLIENT_ID");
  }
  const doFetch = opts.fetch ?? fetch;
  let refreshToken = opts.refreshToken;
  let cached: { token: string; expiresAt: number } | null = null;
  let pending: Promise<string> | null = null;

  const request = async (): Promise<string> => {
    const form = new URLSearchParams();
    if (opts.serviceAccount) {
      // No client id, secret or refresh token; the scope travels inside the signed assertion, not as a form field.
      form.set("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
      form.set("assertion", serviceAccountAssertion(opts.serviceAccount, url, opts.scope ?? "https://mail.google.com/", now()));
    } else {
      form.set("client_id", opts.clientId!);
      if (opts.clientSecret) form.set("client_secret", opts.clientSecret);
      if (refreshToken) {
        form.set("grant_type", "refresh_token");
        form.set("refresh_token", refreshToken);
      } else {
        form.set("grant_type", "client_credentials");
      }
      if (opts.scope) form.set("scope", opts.scope);
    }
    let res: Response;
    try {
      res = await doFetch(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" }, body: form.toString(), signal: AbortSignal.timeout(30_000) });
    } catch (err) {
      throw new IntakeError("ECONNECTION", `OAuth2: the token endpoint ${url} could not be reached (${(err as Error).message})`, { transient: true });
    }
    const body = (await res.json().catch(() => ({}))) as { access_token?: unknown; expires_in?: unknown; refresh_token?: unknown; error?: unknown; error_description?: unknown };
    if (!res.ok || typeof body.access_token !== "string" || body.access_token === "") {
      const why = [body.error, body.error_description].filter((x) => typeof x === "string").join(": ") || `HTTP ${res.status}`;
      // 5xx and 429: the provider is having trouble; 4xx (invalid_grant, invalid_client): a person must fix it.
      throw new IntakeError("EAUTH", `OAuth2: the token endpoint ${url} refused (${why.slice(0, 300)})`, { transient: res.status >= 500 || res.status === 429 });
    }
    const seconds = typeof body.expires_in === "number" ? body.expires_in : Number(body.expires_in ?? 3600) || 3600;
    cached = { token: body.access_token, expiresAt: now() + seconds * 1000 };
    if (typeof body.refresh_token === "string" && body.refresh_token && body.refresh_token !== refreshToken) {
      refreshToken = body.refresh_token;
      if (opts.refreshTokenFile) {
        try {
          writeFileSync(opts.refreshTokenFile, `${refreshToken}\n`, { mode: 0o600 });
          log.info({ file: opts.refreshTokenFile }, "OAuth2: the provider rotated the refresh token; the new one is saved");
        } catch (err) {
          log.warn({ file: opts.refreshTokenFile, code: (err as NodeJS.ErrnoException).code }, "OAuth2: the provider rotated the refresh token and it could not be saved; the old one may stop working");
        }
      }
    }
    log.debug({ expiresInSeconds: seconds, grant: form.get("grant_type") }, "OAuth2 access token obtained");
    return body.access_token;
  };

  return {
    source: `${opts.serviceAccount ? `service account ${opts.serviceAccount.clientEmail} for ${opts.serviceAccount.subject}` : refreshToken ? "refresh token" : "client credentials"} at ${url}`,
    async get(o = {}) {
      if (!o.renew && cached && cached.expiresAt - MARGIN_MS > now()) return cached.token;
      pending ??= request().finally(() => {
        pending = null;
      });
      return pending;
    },
  };
}

/** The OAUTH2_* variables, as src/config.ts reads and checks them (secret files already read). */
export interface OAuth2Env {
  OAUTH2_ACCESS_TOKEN_FILE?: string | undefined;
  OAUTH2_TOKEN_URL?: string | undefined;
  OAUTH2_CLIENT_ID?: string | undefined;
  OAUTH2_CLIENT_SECRET?: string | undefined;
  OAUTH2_REFRESH_TOKEN?: string | undefined;
  OAUTH2_REFRESH_TOKEN_FILE?: string | undefined;
  OAUTH2_SCOPE?: string | undefined;
  OAUTH2_SERVICE_ACCOUNT_FILE?: string | undefined;
  /** The mailbox a service account acts for (default IMAP_USER, else SMTP_USER). */
  OAUTH2_SUBJECT?: string | undefined;
  IMAP_USER?: string | undefined;
  SMTP_USER?: string | undefined;
}

export function accessTokensFromEnv(env: OAuth2Env, logger: Logger): AccessTokens {
  const o: AccessTokenOptions = { logger };
  if (env.OAUTH2_ACCESS_TOKEN_FILE) o.tokenFile = env.OAUTH2_ACCESS_TOKEN_FILE;
  if (env.OAUTH2_TOKEN_URL) o.tokenUrl = env.OAUTH2_TOKEN_URL;
  if (env.OAUTH2_CLIENT_ID) o.clientId = env.OAUTH2_CLIENT_ID;
  if (env.OAUTH2_CLIENT_SECRET) o.clientSecret = env.OAUTH2_CLIENT_SECRET;
  if (env.OAUTH2_REFRESH_TOKEN) o.refreshToken = env.OAUTH2_REFRESH_TOKEN;
  if (env.OAUTH2_REFRESH_TOKEN_FILE) o.refreshTokenFile = env.OAUTH2_REFRESH_TOKEN_FILE;
  if (env.OAUTH2_SCOPE) o.scope = env.OAUTH2_SCOPE;
  if (env.OAUTH2_SERVICE_ACCOUNT_FILE) {
    const key = readServiceAccountKey(env.OAUTH2_SERVICE_ACCOUNT_FILE);
    const subject = env.OAUTH2_SUBJECT ?? env.IMAP_USER ?? env.SMTP_USER ?? "";
    o.serviceAccount = { clientEmail: key.clientEmail, privateKey: key.privateKey, subject };
    o.tokenUrl = env.OAUTH2_TOKEN_URL ?? key.tokenUri ?? "https://oauth2.googleapis.com/token";
  }
  return createAccessTokens(o);
}
