/**
 * Whether the office's own mail server found a mail's sender forged (issue 13 §8), from the Authentication-Results
 * header it adds (RFC 8601). Only the fields stamped with the authserv-id the office names
 * (`trustAuthenticationResults` in the regimes file) are read: any other server's, or one the sender wrote
 * himself, proves nothing (RFC 8601 §5: a border MTA removes fields carrying its own authserv-id from incoming mail).
 * Pure: the headers in, a verdict out.
 */

/** One method's result in an Authentication-Results field: `dmarc=fail`, `spf=softfail`, `dkim=pass`. */
export interface AuthResult {
  method: string;
  result: string;
}

/** Comments "(…)" (nested once) and quoted strings, which may hold ";" or "=", out of a header value. */
function stripCommentsAndQuotes(value: string): string {
  let v = value.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  for (let i = 0; i < 3 && /\([^()]*\)/.test(v); i++) v = v.replace(/\([^()]*\)/g, " ");
  return v;
}

/**
 * The results in one Authentication-Results value, with its authserv-id (RFC 8601 §2.2:
 * `authserv-id [version] ; method[/version]=result [reason] [props] ; …`), or null when it has no authserv-id.
 */
export function parseAuthenticationResults(value: string): { authservId: string; results: AuthResult[] } | null {
  const parts = stripCommentsAndQuotes(value).split(";");
  const authservId = parts[0]!.trim().split(/\s+/)[0]?.toLowerCase() ?? "";
  if (!authservId) return null;
  const results: AuthResult[] = [];
  for (const part of parts.slice(1)) {
    const m = /^\s*([a-z0-9_-]+)(?:\s*\/\s*\d+)?\s*=\s*([a-z]+)/i.exec(part);
    if (m) results.push({ method: m[1]!.toLowerCase(), result: m[2]!.toLowerCase() });
  }
  return { authservId, results };
}

/**
 * Why the office's server says the sender is forged, or null when it says nothing against it:
 * DMARC failed; or, without a DMARC result, neither SPF nor any DKIM signature passed (an unsigned mail from a host
 * the domain does not list: `spf=fail`/`softfail` with `dkim=none`). A field without SPF and DKIM results, or no
 * field from that server at all, is no evidence: such mail is attributed as before. Only the topmost field from the
 * trusted server is read (the one it added on arrival).
 */
export function authenticationFailure(headers: Record<string, string[]>, authservId: string): string | null {
  const id = authservId.trim().toLowerCase();
  const field = (headers["authentication-results"] ?? []).map(parseAuthenticationResults).find((f) => f?.authservId === id);
  if (!field) return null;
  const of = (method: string) => field.results.filter((r) => r.method === method).map((r) => r.result);
  const dmarc = of("dmarc");
  if (dmarc.includes("fail")) return `dmarc=fail`;
  if (dmarc.includes("pass")) return null;
  const spf = of("spf");
  const dkim = of("dkim");
  if (spf.length === 0 && dkim.length === 0) return null;
  if (spf.includes("pass") || dkim.includes("pass")) return null;
  return [spf.length ? `spf=${spf.join(",")}` : "spf=none", dkim.length ? `dkim=${dkim.join(",")}` : "dkim=none"].join(", ");
}
