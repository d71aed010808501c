/**
 * OAuth2 for IMAP and SMTP (issue 13 §9), against a local provider (test/support/oauth2-provider.ts):
 * - the token source: the refresh-token grant, the client-credentials grant, the cache, a renewal, a rotated refresh
 *   token saved back to its file, a token file re-read at each connection; errors that name no secret;
 * - IMAP: real Dovecot with its oauth2 passdb asking the provider's introspection URL (the Sent folder's append and
 *   search, an expired token refused as EAUTH);
 * - SMTP: smtp-server taking only AUTH XOAUTH2, checking each token with the provider; an expired token is renewed
 *   once by nodemailer and the mail goes.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pino } from "pino";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IntakeError } from "../../src/adapters/errors.ts";
import { createImapSentFolder } from "../../src/adapters/imap-mailbox.ts";
import { accessTokensFromEnv, createAccessTokens, readServiceAccountKey } from "../../src/adapters/oauth2-token.ts";
import { createSmtpMailer } from "../../src/adapters/smtp-mailer.ts";
import { freePort, startDovecot, type Dovecot } from "../support/dovecot.ts";
import { startOAuth2Provider, type OAuth2Provider } from "../support/oauth2-provider.ts";

const OFFICE = "vanphong.tonghop@cuc.example.vn";
const logger = pino({ level: "silent" });
const dir = mkdtempSync(path.join(tmpdir(), "intake-oauth2-"));

let provider: OAuth2Provider;
beforeAll(async () => {
  provider = await startOAuth2Provider({ user: OFFICE });
});
afterAll(async () => {
  await provider?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function failure(p: Promise<unknown>): Promise<IntakeError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(IntakeError);
  return err as IntakeError;
}

describe("the access token source", () => {
  it("refresh-token grant: one request, the token kept, a renewal asked for gives a new one", async () => {
    const tokens = createAccessTokens({ tokenUrl: provider.tokenUrl, clientId: provider.clientId, clientSecret: provider.clientSecret, refreshToken: provider.refreshToken, scope: "https://mail.google.com/", logger });
    const before = provider.grants.length;
    const a = await tokens.get();
    expect(await tokens.get()).toBe(a);
    const b = await tokens.get({ renew: true });
    expect(b).not.toBe(a);
    expect(provider.grants.slice(before)).toEqual(["refresh_token", "refresh_token"]);
    expect(provider.valid(b)).toBe(true);
  });

  it("renews a minute before the provider's expiry", async () => {
    let now = 1_000_000;
    const tokens = createAccessTokens({ tokenUrl: provider.tokenUrl, clientId: provider.clientId, refreshToken: provider.refreshToken, logger, now: () => now });
    const a = await tokens.get();
    now += 3599_000 - 61_000;
    expect(await tokens.get()).toBe(a);
    now += 2_000;
    expect(await tokens.get()).not.toBe(a);
  });

  it("client-credentials grant without a refresh token (Microsoft 365 app-only access)", async () => {
    const tokens = createAccessTokens({ tokenUrl: provider.tokenUrl, clientId: provider.clientId, clientSecret: provider.clientSecret, scope: "https://outlook.office365.com/.default", logger });
    const before = provider.grants.length;
    expect(provider.valid(await tokens.get())).toBe(true);
    expect(provider.grants.slice(before)).toEqual(["client_credentials"]);
  });

  it("a Google service account (domain-wide delegation): the JWT-bearer grant, an RS256 assertion for the mailbox, from its JSON key file", async () => {
    const keyFile = path.join(dir, "service-account.json");
    writeFileSync(keyFile, JSON.stringify(provider.serviceAccountKey), { mode: 0o600 });
    const logs: string[] = [];
    const tokens = accessTokensFromEnv(
      { OAUTH2_SERVICE_ACCOUNT_FILE: keyFile, IMAP_USER: OFFICE },
      pino({ level: "debug" }, { write: (line: string) => void logs.push(line) }),
    );
    expect(tokens.source).toBe(`service account ${provider.serviceAccountKey.client_email} for ${OFFICE} at ${provider.tokenUrl}`);
    const before = provider.grants.length;
    const token = await tokens.get();
    expect(provider.valid(token)).toBe(true);
    expect(await tokens.get()).toBe(token);
    expect(provider.grants.slice(before)).toEqual(["urn:ietf:params:oauth:grant-type:jwt-bearer"]);
    const claims = provider.assertions.at(-1)!;
    expect(claims).toMatchObject({ iss: provider.serviceAccountKey.client_email, sub: OFFICE, aud: provider.tokenUrl, scope: "https://mail.google.com/" });
    expect((claims.exp as number) - (claims.iat as number)).toBe(3600);
    // Neither the key nor the token reaches the log.
    const keyLine = provider.serviceAccountKey.private_key.split("\n")[1]!;
    expect(logs.join("")).not.toContain(keyLine);
    expect(logs.join("")).not.toContain(token);

    // Another account's key (not the one the provider knows): refused, naming the endpoint and the provider's words.
    const { generateKeyPairSync } = await import("node:crypto");
    const other = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const otherFile = path.join(dir, "other-account.json");
    writeFileSync(otherFile, JSON.stringify({ ...provider.serviceAccountKey, private_key: other }));
    const err = await failure(accessTokensFromEnv({ OAUTH2_SERVICE_ACCOUNT_FILE: otherFile, IMAP_USER: OFFICE }, logger).get());
    expect(err.code).toBe("EAUTH");
    expect(err.message).toContain("Invalid JWT Signature");
    expect(err.message).not.toContain(other.split("\n")[1]!);
  });

  it("a service account's key file that is not one is refused with the file and the field, never the key", () => {
    const cases: [string, string, RegExp][] = [
      ["not-json.json", "{ private_key: ", /is not a readable JSON key file \(not JSON\)/],
      ["user-creds.json", JSON.stringify({ type: "authorized_user", client_id: "x", refresh_token: "1//abc" }), /is not a service account's key/],
      ["no-email.json", JSON.stringify({ type: "service_account", private_key: provider.serviceAccountKey.private_key }), /has no "client_email"/],
      ["bad-key.json", JSON.stringify({ type: "service_account", client_email: "a@b.iam.gserviceaccount.com", private_key: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n" }), /"private_key" of .* is not a PEM private key/],
    ];
    for (const [name, content, message] of cases) {
      const file = path.join(dir, name);
      writeFileSync(file, content);
      expect(() => readServiceAccountKey(file), name).toThrow(message);
    }
    expect(() => readServiceAccountKey(path.join(dir, "missing.json"))).toThrow(/is not a readable JSON key file \(ENOENT\)/);
  });

  it("a rotated refresh token is used from then on and written back to its file", async () => {
    const file = path.join(dir, "refresh.txt");
    writeFileSync(file, `${provider.refreshToken}\n`);
    provider.rotate = true;
    try {
      const tokens = createAccessTokens({ tokenUrl: provider.tokenUrl, clientId: provider.clientId, refreshToken: provider.refreshToken, refreshTokenFile: file, logger });
      await tokens.get();
      const rotated = provider.refreshTokens.at(-1)!;
      expect(readFileSync(file, "utf8")).toBe(`${rotated}\n`);
      await tokens.get({ renew: true });
      expect(readFileSync(file, "utf8")).toBe(`${provider.refreshTokens.at(-1)!}\n`);
    } finally {
      provider.rotate = false;
    }
  });

  it("a refused grant is EAUTH naming the endpoint and the provider's error, never the secrets", async () => {
    const tokens = createAccessTokens({ tokenUrl: provider.tokenUrl, clientId: provider.clientId, clientSecret: "sai-bi-mat-123456", refreshToken: "rt-sai-987654", logger });
    const err = await failure(tokens.get());
    expect(err.code).toBe("EAUTH");
    expect(err.transient).toBe(false);
    expect(err.message).toContain(provider.tokenUrl);
    expect(err.message).toContain("invalid_grant");
    expect(JSON.stringify({ m: err.message, j: err.toJSON() })).not.toMatch(/sai-bi-mat|rt-sai/);
  });

  it("an unreachable endpoint is transient", async () => {
    const port = await freePort();
    const err = await failure(createAccessTokens({ tokenUrl: `http://127.0.0.1:${port}/token`, clientId: "x", refreshToken: "y", logger }).get());
    expect(err.code).toBe("ECONNECTION");
    expect(err.transient).toBe(true);
  });

  it("a token file is re-read at each connection", async () => {
    const file = path.join(dir, "access.txt");
    writeFileSync(file, "at-mot\n");
    const tokens = createAccessTokens({ tokenFile: file, logger });
    expect(await tokens.get()).toBe("at-mot");
    writeFileSync(file, "at-hai");
    expect(await tokens.get()).toBe("at-hai");
    writeFileSync(file, "\n");
    expect((await failure(tokens.get())).message).toMatch(/access\.txt is empty/);
  });
});

describe("IMAP with XOAUTH2/OAUTHBEARER against Dovecot's oauth2 passdb", () => {
  let dovecot: Dovecot;
  beforeAll(async () => {
    dovecot = await startDovecot({ users: [OFFICE], oauth2: { introspectionUrl: provider.introspectionUrl } });
  });
  afterAll(async () => {
    await dovecot?.stop();
  });

  it("appends to Sent and finds a Message-ID there with a token from the provider; a revoked token is renewed, one nobody renews is EAUTH", async () => {
    const tokens = createAccessTokens({ tokenUrl: provider.tokenUrl, clientId: provider.clientId, clientSecret: provider.clientSecret, refreshToken: provider.refreshToken, logger });
    const sent = createImapSentFolder({ host: dovecot.host, port: dovecot.port, secure: false, user: OFFICE, accessToken: tokens.get, mailbox: "Sent", logger });
    const raw = Buffer.from(`Message-ID: <oauth2-1@intake.cuc.example.vn>\r\nFrom: ${OFFICE}\r\nTo: nvdp@cuc.example.vn\r\nSubject: Re: Bao cao\r\n\r\nKet qua kiem tra: Dat\r\n`);
    const asked = provider.introspected.length;
    await sent.append(raw, new Date("2026-11-19T03:15:00Z"));
    expect(await sent.contains!("<oauth2-1@intake.cuc.example.vn>")).toBe(true);
    expect(await sent.contains!("<oauth2-2@intake.cuc.example.vn>")).toBe(false);
    // Dovecot asked the provider: the token, not a password, let the bot in.
    expect(provider.introspected.slice(asked).every((i) => i.ok)).toBe(true);
    expect(provider.introspected.length).toBeGreaterThan(asked);
    const [copy] = await dovecot.listMessages(OFFICE, "Sent");
    expect(copy?.source.equals(raw)).toBe(true);

    // A token revoked before its expiry: refused once, renewed, and the search goes on.
    const revoked = await tokens.get();
    provider.revoke(revoked);
    expect(await sent.contains!("<oauth2-1@intake.cuc.example.vn>")).toBe(true);
    expect(await tokens.get()).not.toBe(revoked);

    // A token nobody can renew (a file another tool failed to refresh): EAUTH.
    const file = path.join(dir, "stale-token.txt");
    writeFileSync(file, "at-het-han-tu-lau\n");
    const stale = createImapSentFolder({ host: dovecot.host, port: dovecot.port, secure: false, user: OFFICE, accessToken: createAccessTokens({ tokenFile: file, logger }).get, mailbox: "Sent", logger });
    expect((await failure(stale.contains!("<oauth2-1@intake.cuc.example.vn>"))).code).toBe("EAUTH");
  });

  it("logs in as the mailbox with a token the service account obtained", async () => {
    const keyFile = path.join(dir, "service-account-imap.json");
    writeFileSync(keyFile, JSON.stringify(provider.serviceAccountKey));
    const tokens = accessTokensFromEnv({ OAUTH2_SERVICE_ACCOUNT_FILE: keyFile, OAUTH2_SUBJECT: OFFICE }, logger);
    const sent = createImapSentFolder({ host: dovecot.host, port: dovecot.port, secure: false, user: OFFICE, accessToken: tokens.get, mailbox: "Sent", logger });
    const asked = provider.introspected.length;
    expect(await sent.contains!("<khong-co@intake.cuc.example.vn>")).toBe(false);
    expect(provider.introspected.slice(asked).map((i) => i.ok)).toContain(true);
    expect(provider.introspected.slice(asked).every((i) => i.ok)).toBe(true);
  });

  it("the mailbox renews a token the server refused at its next connection", async () => {
    const { createImapMailbox } = await import("../../src/adapters/imap-mailbox.ts");
    const tokens = createAccessTokens({ tokenUrl: provider.tokenUrl, clientId: provider.clientId, clientSecret: provider.clientSecret, refreshToken: provider.refreshToken, logger });
    const renewals: boolean[] = [];
    const mailbox = createImapMailbox({
      host: dovecot.host, port: dovecot.port, secure: false, user: OFFICE, mailbox: "INBOX", logger, idle: false, pollIntervalMs: 60_000,
      accessToken: (o) => {
        renewals.push(o.renew);
        return tokens.get(o);
      },
    });
    provider.revoke(await tokens.get());
    expect((await failure(mailbox.open())).code).toBe("EAUTH");
    await mailbox.open();
    expect(renewals).toEqual([false, true]);
    await mailbox.close();
  });
});

describe("SMTP with AUTH XOAUTH2", () => {
  let server: SMTPServer;
  let port: number;
  const delivered: string[] = [];
  const users: string[] = [];
  beforeAll(async () => {
    port = await freePort();
    server = new SMTPServer({
      disabledCommands: ["STARTTLS"],
      authMethods: ["XOAUTH2"],
      allowInsecureAuth: true,
      logger: false,
      onAuth(auth, _session, callback) {
        if (auth.method !== "XOAUTH2" || !provider.valid(auth.accessToken ?? "")) {
          return callback(null, { data: { status: "401", schemes: "bearer", scope: "https://mail.google.com/" } });
        }
        users.push(auth.username ?? "");
        callback(null, { user: auth.username });
      },
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          delivered.push(Buffer.concat(chunks).toString("latin1"));
          callback();
        });
      },
    });
    server.on("error", () => undefined); // a client's socket error mid-transaction, re-emitted by smtp-server
    await new Promise<void>((r) => server.listen(port, "127.0.0.1", () => r()));
  });
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
  });

  it("sends with a token from the provider, and renews once when the server refuses an expired one", async () => {
    const tokens = createAccessTokens({ tokenUrl: provider.tokenUrl, clientId: provider.clientId, clientSecret: provider.clientSecret, refreshToken: provider.refreshToken, logger });
    const renewals: boolean[] = [];
    const mailer = createSmtpMailer({
      host: "127.0.0.1", port, secure: false, user: OFFICE, logger, connectionTimeoutMs: 3_000,
      accessToken: (o) => {
        renewals.push(o.renew);
        return tokens.get(o);
      },
    });
    const mail = (n: number) => ({
      messageId: `<oauth2-smtp-${n}@intake.cuc.example.vn>`, from: OFFICE, to: ["nvdp@cuc.example.vn"], cc: [],
      subject: "Re: Báo cáo tuần 47", text: "Kết quả kiểm tra: Đạt", headers: {}, attachments: [], date: new Date("2026-11-18T03:15:00Z"),
    });
    await mailer.send(mail(1));
    expect(delivered.at(-1)).toContain("<oauth2-smtp-1@intake.cuc.example.vn>");
    expect(users.at(-1)).toBe(OFFICE);

    provider.revoke(await tokens.get());
    await mailer.send(mail(2));
    expect(delivered.at(-1)).toContain("<oauth2-smtp-2@intake.cuc.example.vn>");
    expect(renewals).toContain(true);
    await mailer.close();
  });

  it("a mailer with a password cannot log in to a server that takes only XOAUTH2 (the OAuth2 path is the one tested)", async () => {
    const mailer = createSmtpMailer({ host: "127.0.0.1", port, secure: false, user: OFFICE, password: "x", logger, connectionTimeoutMs: 3_000 });
    const err = await failure(mailer.send({ messageId: "<p@x>", from: OFFICE, to: ["nvdp@cuc.example.vn"], cc: [], subject: "s", text: "t", headers: {}, attachments: [], date: new Date() }));
    expect(err.code).toBe("EAUTH");
    await mailer.close();
  });
});
