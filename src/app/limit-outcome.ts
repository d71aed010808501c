/**
 * Issue 13 §1: what a person is told when a mail or a file is over a resource limit. The adapters report limits
 * as values: the parser as a problem whose first word is the code (`too_large: …`, `too_many_parts: …`), the
 * document reader as a document problem (`zip_bomb`, `too_large`, `timeout`). contract.md: a reason is a short
 * English code plus Vietnamese text for people; the detail follows.
 */
import type { DocumentFacts } from "../domain/message.ts";

const TEXT: Record<string, string> = {
  too_large: "Thư hoặc tệp đính kèm vượt quá dung lượng cho phép, hệ thống không đọc; chuyển chuyên viên tổng hợp xem bản lưu",
  too_many_parts: "Thư có quá nhiều tệp đính kèm hoặc cấu trúc lồng nhau quá sâu, hệ thống không đọc; chuyển chuyên viên tổng hợp xem bản lưu",
  zip_bomb: "Tệp đính kèm có dấu hiệu bất thường (dung lượng khi giải nén quá lớn), hệ thống không mở; chuyển chuyên viên tổng hợp xem",
  timeout: "Tệp đính kèm không đọc được trong thời gian cho phép; chuyển chuyên viên tổng hợp xem bản lưu",
};

/** The reason for a mail the parser found over a limit, or null. */
export function mailLimitReason(problems: readonly string[]): string | null {
  const p = problems.find((x) => /^(too_large|too_many_parts):/.test(x));
  if (!p) return null;
  const code = p.slice(0, p.indexOf(":"));
  return `${code}: ${TEXT[code]} (${p.slice(code.length + 1).trim()})`.slice(0, 500);
}

/** The reason for the first attachment the reader refused over a limit, or null. */
export function documentLimitReason(documents: readonly DocumentFacts[]): string | null {
  for (const d of documents) {
    if (d.read.ok || !(d.read.problem === "zip_bomb" || d.read.problem === "too_large" || d.read.problem === "timeout")) continue;
    const what = [d.filename, d.read.detail].filter(Boolean).join(": ");
    return `${d.read.problem}: ${TEXT[d.read.problem]} (${what})`.slice(0, 500);
  }
  return null;
}
