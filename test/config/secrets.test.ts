/**
 * Secrets (issue 13 §9): IMAP_PASSWORD_FILE / SMTP_PASSWORD_FILE read the password from a file, and no password
 * ever reaches the logs: the CLI is run against real Dovecot at LOG_LEVEL=trace with a right and a wrong password,
 * and its stdout and stderr are searched for the password in clear, in base64 (AUTH PLAIN) and URL-encoded.
 * OAuth2 (IMAP_AUTH=oauth2): the OAUTH2_* variables are checked at start-up, and the CLI logs in to Dovecot's
 * oauth2 passdb with a token from a local provider; no access token, refresh token or client secret is printed.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadEnv } from "../../src/config.ts";
import { OFFICE, startIntakeWorld, type IntakeWorld } from "../support/intake.ts";
import { startOAuth2Provider, type OAuth2Provider } from "../support/oauth2-provider.ts";

const dir = mkdtempSync(path.join(tmpdir(), "intake-secrets-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const secretFile = (name: string, content: string): string => {
  const file = path.join(dir, name);
  writeFileSync(file, content, { mode: 0o600 });
  return file;
};

describe("passwords from files", () => {
  const cases: { name: string; content: string; expected: string }[] = [
    { name: "a line written by echo", content: "Mật-khẩu-VP-2026!\n", expected: "Mật-khẩu-VP-2026!" },
    { name: "a Windows line end", content: "Mật-khẩu-VP-2026!\r\n", expected: "Mật-khẩu-VP-2026!" },
    { name: "no line end, spaces kept", content: " mat khau co dau cach ", expected: " mat khau co dau cach " },
  ];
  for (const c of cases) {
    it(`IMAP_PASSWORD_FILE and SMTP_PASSWORD_FILE: ${c.name}`, () => {
      const file = secretFile(`${c.name.replace(/\W+/g, "-")}.txt`, c.content);
      const env = loadEnv({ IMAP_PASSWORD_FILE: file, SMTP_PASSWORD_FILE: file });
      expect(env.IMAP_PASSWORD).toBe(c.expected);
      expect(env.SMTP_PASSWORD).toBe(c.expected);
    });
  }

  it("a relative file name is read from the working directory", () => {
    secretFile("imap.txt", "matkhau-tuong-doi\n");
    expect(loadEnv({ IMAP_PASSWORD_FILE: "imap.txt" }, dir).IMAP_PASSWORD).toBe("matkhau-tuong-doi");
  });

  const errors: { name: string; env: () => Record<string, string>; message: RegExp }[] = [
    { name: "both set", env: () => ({ IMAP_PASSWORD: "matkhau-trong-bien", IMAP_PASSWORD_FILE: secretFile("both.txt", "matkhau-trong-tep") }), message: /IMAP_PASSWORD_FILE: set either IMAP_PASSWORD or IMAP_PASSWORD_FILE, not both/ },
    { name: "a missing file", env: () => ({ SMTP_PASSWORD_FILE: path.join(dir, "khong-co.txt") }), message: /SMTP_PASSWORD_FILE: cannot read .*khong-co\.txt \(ENOENT\)/ },
    { name: "an empty file", env: () => ({ IMAP_PASSWORD_FILE: secretFile("empty.txt", "\n") }), message: /IMAP_PASSWORD_FILE: .*empty\.txt is empty/ },
  ];
  for (const e of errors) {
    it(`stops start-up for ${e.name}, without the password in the message`, () => {
      let error: unknown;
      try {
        loadEnv(e.env());
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(e.message);
      expect((error as Error).message).not.toMatch(/matkhau-trong/);
    });
  }
});

describe("OAuth2 settings", () => {
  const base = { IMAP_HOST: "imap.example.vn", IMAP_USER: OFFICE, IMAP_AUTH: "oauth2" };
  it("a refresh token and the client secret from files; the token file's path kept for a rotated token", () => {
    const rt = secretFile("rt.txt", "rt-tu-tep\n");
    const cs = secretFile("cs.txt", "cs-tu-tep\n");
    const env = loadEnv({ ...base, SMTP_AUTH: "oauth2", SMTP_HOST: "smtp.example.vn", SMTP_USER: OFFICE, OAUTH2_TOKEN_URL: "https://login.microsoftonline.com/t/oauth2/v2.0/token", OAUTH2_CLIENT_ID: "c", OAUTH2_CLIENT_SECRET_FILE: cs, OAUTH2_REFRESH_TOKEN_FILE: rt });
    expect([env.IMAP_AUTH, env.SMTP_AUTH, env.OAUTH2_REFRESH_TOKEN, env.OAUTH2_CLIENT_SECRET, env.OAUTH2_REFRESH_TOKEN_FILE]).toEqual(["oauth2", "oauth2", "rt-tu-tep", "cs-tu-tep", rt]);
  });
  it("a service account's key file is enough; it acts for IMAP_USER", async () => {
    const { generateKeyPairSync } = await import("node:crypto");
    const key = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const file = secretFile("sa.json", JSON.stringify({ type: "service_account", client_email: "bot@du-an.iam.gserviceaccount.com", private_key: key, token_uri: "https://oauth2.googleapis.com/token" }));
    expect(loadEnv({ ...base, OAUTH2_SERVICE_ACCOUNT_FILE: file }).OAUTH2_SERVICE_ACCOUNT_FILE).toBe(file);
  });
  it("an access token file is enough", () => {
    const at = secretFile("at.txt", "at-tu-tep\n");
    expect(loadEnv({ ...base, OAUTH2_ACCESS_TOKEN_FILE: at }).OAUTH2_ACCESS_TOKEN_FILE).toBe(at);
  });
  const errors: { name: string; env: () => Record<string, string>; message: RegExp }[] = [
    { name: "no token source", env: () => ({ ...base }), message: /OAUTH2_TOKEN_URL: IMAP_AUTH=oauth2 needs OAUTH2_ACCESS_TOKEN_FILE, OAUTH2_SERVICE_ACCOUNT_FILE, or OAUTH2_TOKEN_URL with OAUTH2_CLIENT_ID/ },
    { name: "a service account's key that is a user's credentials", env: () => ({ ...base, OAUTH2_SERVICE_ACCOUNT_FILE: secretFile("sa-user.json", JSON.stringify({ type: "authorized_user", refresh_token: "rt-matkhau-trong" })) }), message: /OAUTH2_SERVICE_ACCOUNT_FILE: .*sa-user\.json is not a service account's key/ },
    { name: "a service account and a client secret", env: () => ({ ...base, OAUTH2_SERVICE_ACCOUNT_FILE: secretFile("sa-x.json", "{}"), OAUTH2_CLIENT_SECRET: "cs-matkhau-trong" }), message: /OAUTH2_SERVICE_ACCOUNT_FILE: a service account needs no OAUTH2_CLIENT_SECRET/ },
    { name: "no client id", env: () => ({ ...base, OAUTH2_TOKEN_URL: "https://oauth2.googleapis.com/token", OAUTH2_REFRESH_TOKEN: "rt-matkhau-trong" }), message: /OAUTH2_CLIENT_ID: OAUTH2_TOKEN_URL needs OAUTH2_CLIENT_ID/ },
    { name: "client credentials without a secret", env: () => ({ ...base, OAUTH2_TOKEN_URL: "https://oauth2.googleapis.com/token", OAUTH2_CLIENT_ID: "c" }), message: /OAUTH2_CLIENT_SECRET: without a refresh token/ },
    { name: "a password as well", env: () => ({ ...base, IMAP_PASSWORD: "matkhau-trong-bien", OAUTH2_ACCESS_TOKEN_FILE: secretFile("at2.txt", "x") }), message: /IMAP_PASSWORD: IMAP_AUTH=oauth2 takes no password/ },
    { name: "no user", env: () => ({ IMAP_HOST: "imap.example.vn", IMAP_AUTH: "oauth2", OAUTH2_ACCESS_TOKEN_FILE: secretFile("at3.txt", "x") }), message: /IMAP_USER: IMAP_AUTH=oauth2 needs the mailbox address/ },
    { name: "a missing access token file", env: () => ({ ...base, OAUTH2_ACCESS_TOKEN_FILE: path.join(dir, "khong-co-token.txt") }), message: /OAUTH2_ACCESS_TOKEN_FILE: cannot read .*khong-co-token\.txt \(ENOENT\)/ },
    { name: "an unknown IMAP_AUTH", env: () => ({ IMAP_AUTH: "kerberos" }), message: /IMAP_AUTH/ },
  ];
  for (const e of errors) {
    it(`stops start-up for ${e.name}, without a secret in the message`, () => {
      let error: unknown;
      try {
        loadEnv(e.env());
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(e.message);
      expect((error as Error).message).not.toMatch(/matkhau-trong/);
    });
  }
});

describe("no password or token in what the CLI prints", () => {
  let world: IntakeWorld;
  let provider: OAuth2Provider;
  beforeAll(async () => {
    provider = await startOAuth2Provider({ user: OFFICE });
    // Dovecot takes passwords and, through its oauth2 passdb asking the provider, tokens.
    world = await startIntakeWorld({ oauth2: { introspectionUrl: provider.introspectionUrl } });
  });
  afterAll(async () => {
    await world?.stop();
    await provider?.stop();
  });

  const forms = (password: string): string[] => [
    password,
    Buffer.from(password).toString("base64"),
    Buffer.from(`\u0000${OFFICE}\u0000${password}`).toString("base64"),
    encodeURIComponent(password),
  ];

  it("poll --once at LOG_LEVEL=trace, with the right password from a file and with a wrong one", async () => {
    const right = world.servers.dovecot.passwordOf(OFFICE);
    const rightFile = secretFile("imap-right.txt", `${right}\n`);
    const ok = await world.run(["poll", "--once"], "2026-11-18T10:30", { IMAP_PASSWORD: "", IMAP_PASSWORD_FILE: rightFile, LOG_LEVEL: "trace" });
    expect(ok.code).toBe(0);
    // The run logged at debug level (imapflow's connection notices included): the search below looked at real output.
    expect(ok.stderr).toMatch(/"level":20/);
    expect(ok.stderr).toContain("imapflow");
    for (const f of forms(right)) expect(ok.stdout + ok.stderr).not.toContain(f);

    const wrong = "Sai-Mat-Khau-Rat-Dai-2026";
    const wrongFile = secretFile("imap-wrong.txt", wrong);
    const failed = await world.run(["poll", "--once"], "2026-11-18T10:30", { IMAP_PASSWORD: "", IMAP_PASSWORD_FILE: wrongFile, LOG_LEVEL: "trace" });
    expect(failed.code).not.toBe(0);
    expect(failed.stdout + failed.stderr).toMatch(/EAUTH|authenticat/i);
    for (const f of forms(wrong)) expect(failed.stdout + failed.stderr).not.toContain(f);
  });

  /** A token as it may travel: in clear, and base64 in the XOAUTH2 and OAUTHBEARER payloads. */
  const tokenForms = (token: string): string[] => [
    token,
    Buffer.from(`user=${OFFICE}\u0001auth=Bearer ${token}\u0001\u0001`).toString("base64"),
    Buffer.from(`auth=Bearer ${token}`).toString("base64").slice(0, 24),
    encodeURIComponent(token),
  ];

  it("poll --once with IMAP_AUTH=oauth2 at LOG_LEVEL=trace: logged in by token, and no token or secret printed", async () => {
    const oauth = {
      IMAP_PASSWORD: "",
      IMAP_AUTH: "oauth2",
      OAUTH2_TOKEN_URL: provider.tokenUrl,
      OAUTH2_CLIENT_ID: provider.clientId,
      OAUTH2_CLIENT_SECRET_FILE: secretFile("oauth-cs.txt", `${provider.clientSecret}\n`),
      OAUTH2_REFRESH_TOKEN_FILE: secretFile("oauth-rt.txt", `${provider.refreshToken}\n`),
      LOG_LEVEL: "trace",
    };
    const asked = provider.introspected.length;
    const ok = await world.run(["poll", "--once"], "2026-11-18T10:30", oauth);
    expect(ok.code, ok.stderr.slice(-2000)).toBe(0);
    expect(ok.stderr).toContain("imapflow");
    // Dovecot let the CLI in on a token the provider issued and confirmed.
    expect(provider.introspected.slice(asked).some((i) => i.ok)).toBe(true);
    const secrets = [provider.clientSecret, ...provider.refreshTokens];
    for (const t of provider.issued) for (const f of tokenForms(t)) expect(ok.stdout + ok.stderr).not.toContain(f);
    for (const sct of secrets) for (const f of forms(sct)) expect(ok.stdout + ok.stderr).not.toContain(f);

    const refused = await world.run(["poll", "--once"], "2026-11-18T10:30", { ...oauth, OAUTH2_REFRESH_TOKEN_FILE: secretFile("oauth-rt-wrong.txt", "rt-Sai-Rat-Dai-2026") });
    expect(refused.code).not.toBe(0);
    expect(refused.stdout + refused.stderr).toMatch(/invalid_grant/);
    for (const f of forms("rt-Sai-Rat-Dai-2026")) expect(refused.stdout + refused.stderr).not.toContain(f);
    for (const f of forms(provider.clientSecret)) expect(refused.stdout + refused.stderr).not.toContain(f);
  });
});
