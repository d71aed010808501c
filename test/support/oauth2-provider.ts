/**
 * A small OAuth2 provider on a loopback port, for the XOAUTH2 tests (issue 13 §9):
 * - `POST /token`: the refresh-token grant (a known client, secret and refresh token), the client-credentials
 *   grant, and the JWT-bearer grant of a service account (RFC 7523 §2.1, as Google's: the assertion's RS256
 *   signature checked with the account's public key, its iss, sub, aud, scope and lifetime checked); answers `{access_token, expires_in, token_type}` like Microsoft Entra ID and Google, or `{error}` with 400/401;
 * - `GET /introspect`: what Dovecot's oauth2 passdb asks (introspection_mode = auth): the token in
 *   "Authorization: Bearer", answered with `{"username": …, "active": true}` or `{"active": false}` (RFC 7662).
 * Tokens are random; `revoke` plays an expired one.
 */
import { generateKeyPairSync, randomBytes, verify } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";

export interface OAuth2Provider {
  tokenUrl: string;
  introspectionUrl: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  /** The mailbox every token is issued for. */
  user: string;
  /** Every access token issued, in order (the tests grep logs for them). */
  issued: string[];
  /** Every refresh token ever valid (the first and the rotated ones). */
  refreshTokens: string[];
  /** Grants asked at /token, in order. */
  grants: string[];
  /** Tokens Dovecot (or the test SMTP server) asked about, with the answer. */
  introspected: { token: string; ok: boolean }[];
  /** A service account's JSON key file content (Google's format), its token_uri this provider's. */
  serviceAccountKey: { type: "service_account"; client_email: string; private_key: string; token_uri: string };
  /** The claims of every JWT-bearer assertion whose signature held. */
  assertions: Record<string, unknown>[];
  /** When true, each refresh-token grant also returns a new refresh token (as Microsoft may). */
  rotate: boolean;
  revoke(token: string): void;
  /** Whether a token is one this provider issued and did not revoke. */
  valid(token: string): boolean;
  stop(): Promise<void>;
}

const secret = (prefix: string) => `${prefix}-${randomBytes(18).toString("base64url")}`;

export async function startOAuth2Provider(opts: { user: string }): Promise<OAuth2Provider> {
  const live = new Set<string>();
  const keys = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const p: OAuth2Provider = {
    serviceAccountKey: {
      type: "service_account",
      client_email: "intake-bot@cuc-project.iam.gserviceaccount.com",
      private_key: keys.privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
      token_uri: "",
    },
    assertions: [],
    tokenUrl: "",
    introspectionUrl: "",
    clientId: "intake-test-client",
    clientSecret: secret("cs"),
    refreshToken: secret("rt"),
    user: opts.user,
    issued: [],
    refreshTokens: [],
    grants: [],
    introspected: [],
    rotate: false,
    revoke: (token) => void live.delete(token),
    valid: (token) => live.has(token),
    stop: async () => undefined,
  };
  p.refreshTokens.push(p.refreshToken);
  const validRefresh = new Set([p.refreshToken]);

  const body = (req: IncomingMessage): Promise<string> =>
    new Promise((resolve, reject) => {
      let text = "";
      req.setEncoding("utf8");
      req.on("data", (c: string) => (text += c));
      req.on("end", () => resolve(text));
      req.on("error", reject);
    });

  const server: Server = createServer((req, res) => {
    const json = (status: number, value: unknown): void => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(value));
    };
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (req.method === "GET" && url.pathname === "/introspect") {
      const token = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "")?.[1]?.trim() ?? "";
      const ok = live.has(token);
      p.introspected.push({ token, ok });
      // RFC 7662 §2.2: an unknown, expired or revoked token is answered 200 with "active": false.
      return json(200, ok ? { username: p.user, active: true } : { active: false });
    }
    if (req.method === "POST" && url.pathname === "/token") {
      void body(req).then((text) => {
        const form = new URLSearchParams(text);
        const grant = form.get("grant_type") ?? "";
        p.grants.push(grant);
        if (grant === "urn:ietf:params:oauth:grant-type:jwt-bearer") {
          const [header = "", claims = "", signature = ""] = (form.get("assertion") ?? "").split(".");
          const signed = verify("RSA-SHA256", Buffer.from(`${header}.${claims}`), keys.publicKey, Buffer.from(signature, "base64url"));
          if (!signed) return json(400, { error: "invalid_grant", error_description: "Invalid JWT Signature." });
          const c = JSON.parse(Buffer.from(claims, "base64url").toString("utf8")) as Record<string, unknown>;
          const nowS = Date.now() / 1000;
          const fine = JSON.parse(Buffer.from(header, "base64url").toString("utf8")).alg === "RS256" && c.iss === p.serviceAccountKey.client_email &&
            c.aud === p.tokenUrl && c.sub === p.user && String(c.scope).split(" ").includes("https://mail.google.com/") &&
            typeof c.iat === "number" && typeof c.exp === "number" && c.exp > nowS && c.exp - c.iat <= 3600;
          if (!fine) return json(400, { error: "invalid_grant", error_description: "Invalid JWT claims." });
          p.assertions.push(c);
        } else if (form.get("client_id") !== p.clientId) {
          return json(401, { error: "invalid_client", error_description: "unknown client" });
        } else if (grant === "refresh_token") {
          if (!validRefresh.has(form.get("refresh_token") ?? "")) return json(400, { error: "invalid_grant", error_description: "the refresh token is not valid" });
          if (form.has("client_secret") && form.get("client_secret") !== p.clientSecret) return json(401, { error: "invalid_client", error_description: "bad secret" });
        } else if (grant === "client_credentials") {
          if (form.get("client_secret") !== p.clientSecret) return json(401, { error: "invalid_client", error_description: "bad secret" });
        } else {
          return json(400, { error: "unsupported_grant_type" });
        }
        const token = secret("at");
        live.add(token);
        p.issued.push(token);
        const answer: Record<string, unknown> = { token_type: "Bearer", access_token: token, expires_in: 3599 };
        if (grant === "refresh_token" && p.rotate) {
          const next = secret("rt");
          validRefresh.add(next);
          p.refreshTokens.push(next);
          answer.refresh_token = next;
        }
        return json(200, answer);
      });
      return;
    }
    json(404, { error: "not_found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.address() as { port: number }).port;
  p.tokenUrl = `http://127.0.0.1:${port}/token`;
  p.serviceAccountKey.token_uri = p.tokenUrl;
  p.introspectionUrl = `http://127.0.0.1:${port}/introspect`;
  p.stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return p;
}
