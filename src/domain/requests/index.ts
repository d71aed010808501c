/**
 * Ad-hoc (đột xuất) requests (issue 10 item 4): the leadership asks units for a report outside the periodic
 * regimes. Each request has a code ("YC-2026-001": year and a sequence number) that its mail's subject carries, so an
 * answer is recognised by its thread (In-Reply-To / References naming the request mail, RFC 5322 §3.6.4) or, in a
 * fresh or forwarded mail, by the code in its subject. The code is also the answers' period id.
 */

import { DateTime } from "luxon";
import type { Period } from "../model.ts";
import type { KindRule, Regime, RequestScheduleDef } from "../regime.ts";

export { requestCandidate, type RequestCandidate } from "./answer.ts";

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
 * by the code in its subject (a fresh mail or a forward keeps the subject), then by the code in its body (a fresh
 * mail that cites the request in its text). Null when it answers none.
 */
export function requestAnswered(
  mail: { subject: string; inReplyTo: string | null; references: readonly string[]; text?: string },
  requests: readonly RequestRef[],
): { request: RequestRef; by: "thread" | "code" | "body" } | null {
  const refs = new Set([mail.inReplyTo, ...mail.references].filter((x): x is string => !!x).map((x) => x.trim().toLowerCase()));
  for (const r of requests) if (r.messageIds.some((id) => refs.has(id.trim().toLowerCase()))) return { request: r, by: "thread" };
  const code = findRequestCode(mail.subject);
  const byCode = code ? requests.find((r) => r.code === code) : undefined;
  if (byCode) return { request: byCode, by: "code" };
  const inBody = mail.text ? findRequestCode(mail.text) : null;
  const byBody = inBody ? requests.find((r) => r.code === inBody) : undefined;
  return byBody ? { request: byBody, by: "body" } : null;
}

/** What a request fixes for its answers: who is asked, what by when. */
export interface RequestSpec {
  code: string;
  title: string;
  deadline: Date;
  /** Unit ids asked. */
  units: readonly string[];
  /** Section ids an answer must contain. */
  sections: readonly string[];
}

/**
 * The default schedule of a request (a regime's `requests` key overrides it): reminders before the deadline (offsets
 * as a kind's `reminders`, moved into office hours), one chase right after it, the draft to the Chánh Văn phòng on
 * the morning after the deadline day (then updated as late answers arrive), and the end of the request's window
 * (`openDays` days after the deadline day, end of day): no chase, no update after it.
 */
export const REQUEST_SCHEDULE: Readonly<RequestScheduleDef> = { reminders: ["-2d", "-2h"], chase: true, draftAfterDays: 1, openDays: 5 };

/** A regime's request schedule: its `requests` key over REQUEST_SCHEDULE. */
export function requestSchedule(regime: Pick<Regime, "requests">): RequestScheduleDef {
  return { ...REQUEST_SCHEDULE, ...regime.requests };
}

/**
 * The period of a request's answers: kind `request`, id = the code, the deadline's local day as its bounds (the
 * deadline rules of `requestRegime` count from it), and the request's title.
 */
export function requestPeriod(request: Pick<RequestSpec, "code" | "title" | "deadline">, zone: string): Period {
  const day = DateTime.fromJSDate(request.deadline, { zone }).startOf("day");
  return { kind: "request", id: request.code, start: day.toJSDate(), end: day.plus({ days: 1 }).startOf("day").toJSDate(), title: request.title };
}

/**
 * The regime as one request sees it: only the units asked; the sections asked required and the regime's others
 * optional (an answer may carry them; the draft merges them); one kind, `request`, whose deadline is the request's
 * own (to the minute, never moved off a day off), with the regime's request schedule (requestSchedule): reminders,
 * one chase, the draft time and the end of the window. Reminders, chases, verdicts and the draft then run on it as on a periodic regime.
 */
export function requestRegime(base: Regime, request: RequestSpec, zone: string): Regime {
  const asked = new Set(request.units);
  const wanted = new Set(request.sections);
  // A regime whose kinds have their own parts (provinces) asks from their union, as `intake request` offered them.
  const all = base.sections.length ? base.sections : uniqueById(Object.values(base.kinds).flatMap((k) => k?.sections ?? []));
  const sections = all.map((s) => ({ ...s, required: wanted.has(s.id) }));
  const time = DateTime.fromJSDate(request.deadline, { zone }).toFormat("HH:mm");
  const morning = base.officeHours.morning;
  const schedule = requestSchedule(base);
  const rule: KindRule = {
    label: `báo cáo đột xuất ${request.code}`,
    due: { from: "start", time },
    draftAt: { from: "start", addDays: schedule.draftAfterDays, time: morning },
    compile: { from: "start", addDays: schedule.openDays, time: "24:00" },
    reminders: [...schedule.reminders],
    chase: { enabled: schedule.chase, everyWorkingDay: false, time: morning },
    sections,
  };
  return {
    ...base,
    procedure: `yêu cầu báo cáo đột xuất ${request.code}`,
    units: base.units.filter((u) => asked.has(u.id)),
    formerUnits: [],
    sections,
    kinds: { request: rule },
    dayOffShift: "stays",
  };
}

function uniqueById<T extends { id: string }>(items: readonly T[]): T[] {
  const seen = new Map<string, T>();
  for (const i of items) if (!seen.has(i.id)) seen.set(i.id, i);
  return [...seen.values()];
}
