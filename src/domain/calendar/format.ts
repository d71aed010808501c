/**
 * Instants and periods as text: ISO 8601 with the zone's offset for machines (contract.md: "to the second"),
 * formal Vietnamese for people.
 */
import { DateTime } from "luxon";
import type { Period } from "../model.ts";
import { localOf } from "./zone.ts";

const WEEKDAYS_VI = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"] as const;
const ROMAN = ["I", "II", "III", "IV"] as const;

/** ISO 8601 in the zone to the second with offset: "2026-11-18T10:12:00+07:00" (milliseconds are truncated). */
export function formatInstant(d: Date, zone: string): string {
  return localOf(d, zone).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
}

const INSTANT = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * Parse "2026-11-27T08:00" (no offset → read in the zone) or with offset/Z; a bare "2026-11-27" is 00:00 local.
 * A space may stand for the "T". Only calendar dates (no week or ordinal dates). Returns null when invalid.
 */
export function parseInstant(text: string, zone: string): Date | null {
  const s = text.trim();
  if (!INSTANT.test(s)) return null;
  localOf(new Date(0), zone); // an unknown zone is a configuration error, not an invalid text: throw
  const dt = DateTime.fromISO(s.replace(" ", "T").replace(/z$/, "Z"), { zone });
  return dt.isValid ? dt.toJSDate() : null;
}

/** Vietnamese weekday of a local date: "Thứ Hai" … "Thứ Bảy", "Chủ nhật". */
export function weekdayVi(d: Date, zone: string): string {
  return WEEKDAYS_VI[localOf(d, zone).weekday - 1] ?? "";
}

/** dd/MM/yyyy of the instant in the zone: "19/11/2026". */
export function formatDateVi(d: Date, zone: string): string {
  return localOf(d, zone).toFormat("dd/MM/yyyy");
}

/** Human Vietnamese for a deadline: "15 giờ 00 ngày 19/11/2026 (Thứ Năm)"; midnight is "0 giờ 00". */
export function formatDeadlineVi(d: Date, zone: string): string {
  const t = localOf(d, zone);
  return `${t.hour} giờ ${t.toFormat("mm")} ngày ${t.toFormat("dd/MM/yyyy")} (${WEEKDAYS_VI[t.weekday - 1]})`;
}

/**
 * Vietnamese label of a period: "tuần 47/2026 (từ 16/11/2026 đến 22/11/2026)", "tháng 11/2026", "quý IV/2026",
 * "6 tháng đầu năm 2026", "năm 2026". Months 1 and 2 take a leading zero ("tháng 01/2027"), as Nghị định
 * 30/2020/NĐ-CP (Phụ lục I) writes them in dates.
 */
export function periodLabelVi(p: Period, zone: string): string {
  const first = localOf(p.start, zone);
  const last = localOf(p.end, zone).minus({ days: 1 });
  switch (p.kind) {
    case "week":
      return `tuần ${first.weekNumber}/${first.weekYear} (từ ${first.toFormat("dd/MM/yyyy")} đến ${last.toFormat("dd/MM/yyyy")})`;
    case "month":
      return `tháng ${first.month <= 2 ? first.toFormat("MM") : first.month}/${first.year}`;
    case "quarter":
      return `quý ${ROMAN[first.quarter - 1]}/${first.year}`;
    case "half":
      return `6 tháng ${first.month <= 6 ? "đầu" : "cuối"} năm ${first.year}`;
    default:
      return `năm ${first.year}`;
  }
}

/**
 * Vietnamese duration: "2 ngày 3 giờ", "45 phút", "1 phút". Rounded to the nearest minute (at least 1 phút for
 * any positive duration), then the two largest units: days and hours, or hours and minutes. Sign is ignored.
 */
export function formatDurationVi(ms: number): string {
  const abs = Math.abs(ms);
  if (abs === 0) return "0 phút";
  const totalMinutes = Math.max(1, Math.round(abs / 60_000));
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  const parts: string[] = [];
  if (days > 0) {
    parts.push(`${days} ngày`);
    if (hours > 0) parts.push(`${hours} giờ`);
  } else if (hours > 0) {
    parts.push(`${hours} giờ`);
    if (minutes > 0) parts.push(`${minutes} phút`);
  } else {
    parts.push(`${minutes} phút`);
  }
  return parts.join(" ");
}
