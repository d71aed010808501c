/**
 * Ad-hoc (đột xuất) requests (issue 10 item 4): the leadership asks units for a report outside the periodic
 * regimes. Each request has a code ("YC-2026-001": year and a sequence number) that its mail's subject carries, so an
 * answer is recognised by its thread (In-Reply-To / References naming the request mail, RFC 5322 §3.6.4) or, in a
 * fresh or forwarded mail, by the code in its subject. The code is also the answers' period id.
 */

/** A request as the answers are judged against it. */
export interface RequestRef {
  /** "YC-2026-001". */
  code: string;
  regime: string;
  /** Message-IDs of the request mails sent to the units (one per unit), with angle brackets. */
  messageIds: readonly string[];
}

const CODE = /\bYC\s*[-‐–_.]?\s*(\d{4})\s*[-‐–_.]?\s*(\d{1,4})\b/iu;

/** The code of the `seq`-th request of `year`: "YC-2026-001". */
export function requestCode(year: number, seq: number): string {
  return `YC-${year}-${String(seq).padStart(3, "0")}`;
}

/** Whether `id` is a request code (the period id of a request's answers), as written by requestCode. */
export function isRequestCode(id: string): boolean {
  return /^YC-\d{4}-\d{3,4}$/.test(id);
}

/**
 * The request code a text names ("V/v báo cáo đột xuất (YC-2026-001)", "yc 2026-1", "Fwd: ... YC.2026.001"),
 * normalised to requestCode's form; null when none.
 */
export function findRequestCode(text: string): string | null {
  const m = CODE.exec(text.normalize("NFC"));
  return m ? requestCode(Number(m[1]), Number(m[2])) : null;
}

/** The next code of `year` after the codes already issued (any year): numbering restarts each year. */
export function nextRequestCode(issued: readonly string[], year: number): string {
  let max = 0;
  for (const c of issued) {
    const m = /^YC-(\d{4})-(\d+)$/.exec(c);
    if (m && Number(m[1]) === year) max = Math.max(max, Number(m[2]));
  }
  return requestCode(year, max + 1);
}

/**
 * The request a mail answers: by thread first (its In-Reply-To or References name one of a request's mails), then
 * by the code in its subject (a fresh mail or a forward keeps the subject). Null when it answers none.
 */
export function requestAnswered(
  mail: { subject: string; inReplyTo: string | null; references: readonly string[] },
  requests: readonly RequestRef[],
): { request: RequestRef; by: "thread" | "code" } | null {
  const refs = new Set([mail.inReplyTo, ...mail.references].filter((x): x is string => !!x).map((x) => x.trim().toLowerCase()));
  for (const r of requests) if (r.messageIds.some((id) => refs.has(id.trim().toLowerCase()))) return { request: r, by: "thread" };
  const code = findRequestCode(mail.subject);
  const byCode = code ? requests.find((r) => r.code === code) : undefined;
  return byCode ? { request: byCode, by: "code" } : null;
}
