/**
 * The header block each client writes above an inline-forwarded original, in English or Vietnamese.
 */
import { DateTime } from "luxon";
import type { Address, Client, MailSpec } from "./eml.ts";

const ZONE = "Asia/Ho_Chi_Minh";
const VI_WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"];

function plain(a: Address): string {
  if (typeof a === "string") return a;
  return a.name ? `${a.name} <${a.address}>` : a.address;
}

function when(date: Date | undefined): DateTime {
  return DateTime.fromJSDate(date ?? new Date("2026-11-18T10:12:00+07:00"), { zone: ZONE }).setLocale("en");
}

/** Vietnamese Windows date: "Thứ Tư, 18 tháng 11, 2026 10:12 SA" (SA = sáng, CH = chiều). */
function viOutlookDate(d: DateTime): string {
  const marker = d.hour < 12 ? "SA" : "CH";
  return `${VI_WEEKDAYS[d.weekday - 1]}, ${d.day} tháng ${d.month}, ${d.year} ${d.toFormat("h:mm")} ${marker}`;
}

/**
 * The forward header block of `client` for `original` ("---------- Forwarded message ---------", "-----Original
 * Message-----", "-------- Forwarded Message --------", "Begin forwarded message:"), without the original's text.
 */
export function forwardBlock(client: Client, locale: "en" | "vi", original: MailSpec): string {
  const d = when(original.date);
  const from = plain(original.from);
  const to = original.to.map(plain).join("; ");
  const s = original.subject;
  const vi = locale === "vi";
  switch (client) {
    case "gmail":
      return vi
        ? `---------- Thư đã chuyển tiếp ----------\nTừ: ${from}\nNgày: Th ${d.weekday === 7 ? "CN" : d.weekday + 1}, ${d.day} thg ${d.month}, ${d.year} vào lúc ${d.toFormat("HH:mm")}\nTiêu đề: ${s}\nTới: ${to}`
        : `---------- Forwarded message ---------\nFrom: ${from}\nDate: ${d.toFormat("ccc, LLL d, yyyy 'at' h:mm a")}\nSubject: ${s}\nTo: ${to}`;
    case "thunderbird":
      return vi
        ? `-------- Thư chuyển tiếp --------\nTiêu đề: \t${s}\nNgày: \t${d.toRFC2822()}\nNgười gửi: \t${from}\nNgười nhận: \t${to}`
        : `-------- Forwarded Message --------\nSubject: \t${s}\nDate: \t${d.toRFC2822()}\nFrom: \t${from}\nTo: \t${to}`;
    case "apple":
      return vi
        ? `Bắt đầu thư được chuyển tiếp:\n\nTừ: ${from}\nChủ đề: ${s}\nNgày: ${d.day} tháng ${d.month}, ${d.year} lúc ${d.toFormat("HH:mm:ss")} GMT+7\nĐến: ${to}`
        : `Begin forwarded message:\n\nFrom: ${from}\nSubject: ${s}\nDate: ${d.toFormat("LLLL d, yyyy 'at' HH:mm:ss")} GMT+7\nTo: ${to}`;
    default:
      // Outlook 2016 plain-text part: English "-----Original Message-----"; Vietnamese UI, a rule of underscores.
      return vi
        ? `________________________________\nTừ: ${from}\nĐã gửi: ${viOutlookDate(d)}\nĐến: ${to}\nChủ đề: ${s}`
        : `-----Original Message-----\nFrom: ${from}\nSent: ${d.toFormat("cccc, LLLL d, yyyy h:mm a")}\nTo: ${to}\nSubject: ${s}`;
  }
}
