/**
 * A small OAuth2 provider on a loopback port, for the XOAUTH2 tests (issue 13 §9):
 * - `POST /token`: the refresh-token grant (a known client, secret and refresh token) and the client-credentials
 *   grant; answers `{access_token, expires_in, token_type}` like Microsoft Entra ID and Google, or `{error}` with 400/401;
 * - `GET /introspect`: what Dovecot's oauth2 passdb asks (introspection_mode = auth): the token in
 *   "Authorization: Bearer", answered with `{"username": …, "active": true}` or `{"active": false}` (RFC 7662).
 * Tokens are random; `revoke` plays an expired one.
 */
import { randomBytes } from "node:crypto";
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
  const p: OAuth2Provider = {
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
        if (form.get("client_id") !== p.clientId) return json(401, { error: "invalid_client", error_description: "unknown client" });
        if (grant === "refresh_token") {
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
  p.introspectionUrl = `http://127.0.0.1:${port}/introspect`;
  p.stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return p;
}
