/**
 * Loose date parsing for mail: the Date header (RFC 5322 §3.3) and the date lines of inline forwards, which
 * clients write in their own locale ("Wed, Nov 18, 2026 at 10:12 AM", "Thứ Tư, 18 tháng 11, 2026 10:12 SA",
 * "18/11/2026 10:12"). A date without a zone is read in the given IANA zone.
 */
import { DateTime, FixedOffsetZone } from "luxon";
import { stripDiacritics } from "../domain/text/index.ts";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_RE = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";

/** Removes RFC 5322 comments such as "(ICT)" or "(UTC)"; nested comments are rare enough to ignore. */
function stripComments(value: string): string {
  return value.replace(/\([^()]*\)/g, " ").replace(/\s+/g, " ").trim();
}

interface DateParts {
  year: number;
  month: number;
  day: number;
}

function findDay(s: string): DateParts | null {
  let m = /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/.exec(s);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const yearMatch = /\b((?:19|20)\d{2})\b/.exec(s);
  // Vietnamese: "18 tháng 11", Gmail's "18 thg 11", "ngày 18 tháng 11 năm 2026".
  m = /\b(\d{1,2})\s+(?:thang|thg)\s+(\d{1,2})\b/.exec(s);
  if (m && yearMatch) return { year: Number(yearMatch[1]), month: Number(m[2]), day: Number(m[1]) };
  m = new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})\\b`).exec(s);
  if (m && yearMatch) return { year: Number(yearMatch[1]), month: MONTHS.indexOf(m[1]!) + 1, day: Number(m[2]) };
  m = new RegExp(`\\b(\\d{1,2})\\s+${MONTH_RE}`).exec(s);
  if (m && yearMatch) return { year: Number(yearMatch[1]), month: MONTHS.indexOf(m[2]!) + 1, day: Number(m[1]) };
  m = /\b(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d{2})\b/.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    // Vietnamese order is day/month; a second number above 12 can only be a US month/day.
    return b > 12 ? { year: Number(m[3]), month: a, day: b } : { year: Number(m[3]), month: b, day: a };
  }
  return null;
}

function findTime(s: string): { hour: number; minute: number; second: number } {
  const m = /\b(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm|sa|ch|sang|chieu|toi)?\b/.exec(s);
  if (!m) return { hour: 0, minute: 0, second: 0 };
  let hour = Number(m[1]);
  const marker = m[4];
  // SA = sáng (AM), CH = chiều (PM) in Vietnamese Windows locales.
  if (marker && ["pm", "ch", "chieu", "toi"].includes(marker) && hour < 12) hour += 12;
  if (marker && ["am", "sa", "sang"].includes(marker) && hour === 12) hour = 0;
  return { hour, minute: Number(m[2]), second: Number(m[3] ?? 0) };
}

function findZone(s: string, fallback: string): string | FixedOffsetZone {
  const m = /(?:gmt|utc)\s*([+-])(\d{1,2})(?::?(\d{2}))?|\s([+-])(\d{2})(\d{2})\b/.exec(s);
  if (!m) return fallback;
  const sign = (m[1] ?? m[4]) === "-" ? -1 : 1;
  const hours = Number(m[2] ?? m[5]);
  const minutes = Number(m[3] ?? m[6] ?? 0);
  return FixedOffsetZone.instance(sign * (hours * 60 + minutes));
}

/**
 * Parses a mail date as written by a mail client or a server. RFC 5322 dates keep their own offset; locale
 * forms without an offset are read in `zone` (e.g. "Asia/Ho_Chi_Minh"). Returns null when no calendar day
 * can be found or the result is not a real date.
 */
export function parseMailDate(value: string | null | undefined, zone: string): Date | null {
  if (!value) return null;
  const clean = stripComments(value);
  const rfc = DateTime.fromRFC2822(clean);
  if (rfc.isValid) return rfc.toJSDate();
  const iso = DateTime.fromISO(clean, { zone });
  if (iso.isValid) return iso.toJSDate();
  const s = stripDiacritics(clean).toLowerCase();
  const day = findDay(s);
  if (!day) return null;
  const dt = DateTime.fromObject({ ...day, ...findTime(s) }, { zone: findZone(s, zone) });
  return dt.isValid ? dt.toJSDate() : null;
}
