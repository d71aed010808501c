/**
 * The officer's commands in a reply to the daily digest (issue 11 item 3): "Duyệt 1, 3", "Duyệt tất cả",
 * "Hủy 2: <lý do>", "Gán 4: nvdp 2026-W47". One command a line, read with or without diacritics (and in NFD, as
 * some clients send it); numbers are those the digest printed. Lines that start with no command word (a greeting,
 * a signature) are not commands; a line that starts with one but cannot be read is a problem, told back.
 */
import { fold, nfc, stripDiacritics } from "../text/index.ts";

export type MailCommand =
  | { verb: "release"; items: number[] | "all"; line: string }
  | { verb: "drop"; items: number[]; reason: string | null; line: string }
  | { verb: "assign"; item: number; unit: string; period: string; line: string };

export interface ParsedCommands {
  commands: MailCommand[];
  /** Lines that start with a command word but could not be read, with why (Vietnamese). */
  problems: { line: string; message: string }[];
}

/** What the bot answers to a mail without any command it can read: the commands, as the officer types them. */
export const COMMAND_HELP: readonly string[] = [
  "Duyệt 1, 3 — gửi các thư trả lời số 1 và 3 đang chờ duyệt",
  "Duyệt tất cả — gửi mọi thư trả lời đang chờ duyệt",
  "Hủy 2: <lý do> — không gửi thư trả lời số 2, ghi lại lý do",
  "Gán 4: nvdp 2026-W47 — xác định thư số 4 là báo cáo của đơn vị nvdp, kỳ 2026-W47",
];

const VERBS: Record<string, MailCommand["verb"]> = { duyet: "release", huy: "drop", gan: "assign" };
const ALL = /^(?:tat ca|het|toan bo|all)(?: |$)/;
const PERIOD = /^(\d{4})(?:-(?:([wW])(\d{1,2})|(\d{1,2})|([qQ])([1-4])|([hH])([12])))?$/;
const FILLER = new Set(["cho", "ky", "don", "vi", "la", "bao", "cao", "cua"]);

/** "1, 3", "1 và 3", "1-3", "1 đến 3": the numbers at the start of `text`, and what follows them. */
function leadingNumbers(text: string): { numbers: number[]; rest: string } {
  const numbers: number[] = [];
  let s = text;
  for (;;) {
    const m = /^\s*(\d{1,4})(?:\s*(?:-|–|đến|den|tới|toi)\s*(\d{1,4}))?/iu.exec(s);
    if (!m) break;
    const a = Number(m[1]);
    const b = m[2] ? Number(m[2]) : a;
    for (let n = Math.min(a, b); n <= Math.max(a, b) && n - Math.min(a, b) < 100; n++) numbers.push(n);
    s = s.slice(m[0].length);
    const sep = /^\s*(?:,|;|&|\+|và|va|and)\s*(?=\d)/iu.exec(s) ?? /^\s+(?=\d)/u.exec(s);
    if (!sep) break;
    s = s.slice(sep[0].length);
  }
  return { numbers: [...new Set(numbers)], rest: s };
}

/** "2026-w47" → "2026-W47", "2026-11" kept, "2026-q4" → "2026-Q4"; null when no period id. */
function periodId(token: string): string | null {
  const m = PERIOD.exec(token);
  if (!m) return null;
  if (m[2]) return `${m[1]}-W${m[3]!.padStart(2, "0")}`;
  if (m[4]) return `${m[1]}-${m[4].padStart(2, "0")}`;
  if (m[5]) return `${m[1]}-Q${m[6]}`;
  if (m[7]) return `${m[1]}-H${m[8]}`;
  return m[1]!;
}

function parseLine(line: string): MailCommand | { problem: string } | null {
  const head = /^([\p{L}\p{M}]+)/u.exec(line);
  if (!head) return null;
  const verb = VERBS[fold(head[1]!)];
  if (!verb) return null;
  const args = line.slice(head[1]!.length).replace(/^\s*[:.,\-–]?\s*/u, "");
  if (verb === "release") {
    if (ALL.test(fold(args))) return { verb, items: "all", line };
    const { numbers } = leadingNumbers(args);
    return numbers.length ? { verb, items: numbers, line } : { problem: "không đọc được số thứ tự thư cần duyệt (ví dụ: Duyệt 1, 3)" };
  }
  const { numbers, rest } = leadingNumbers(args);
  if (numbers.length === 0) return { problem: `không đọc được số thứ tự thư (ví dụ: ${verb === "drop" ? "Hủy 2: lý do" : "Gán 4: nvdp 2026-W47"})` };
  const tail = rest.replace(/^\s*[:.,\-–]\s*/u, "").trim();
  if (verb === "drop") return { verb, items: numbers, reason: tail || null, line };
  if (numbers.length !== 1) return { problem: "mỗi lệnh Gán chỉ gán một thư" };
  const tokens = tail.split(/[\s,;:]+/u).filter(Boolean);
  const period = tokens.map(periodId).find((p): p is string => p !== null) ?? null;
  const unit = tokens
    .filter((t) => periodId(t) === null)
    .map((t) => stripDiacritics(t).toLowerCase().replace(/[^a-z0-9_-]/g, ""))
    .find((t) => t !== "" && !FILLER.has(t));
  if (!unit || !period) return { problem: "cần ghi mã đơn vị và kỳ báo cáo (ví dụ: Gán 4: nvdp 2026-W47)" };
  return { verb, item: numbers[0]!, unit, period, line };
}

/**
 * Reads the commands of the officer's own words (the quoted digest already cut off). Stops at a signature
 * separator ("-- ", RFC 3676 §4.3).
 */
export function parseMailCommands(ownWords: string): ParsedCommands {
  const out: ParsedCommands = { commands: [], problems: [] };
  for (const raw of nfc(ownWords).split(/\r?\n/).slice(0, 40)) {
    const line = raw.replace(/\p{Cf}/gu, "").trim().replace(/^[-*•+]\s+/u, "");
    if (line === "--") break;
    if (line === "") continue;
    const parsed = parseLine(line);
    if (!parsed) continue;
    if ("problem" in parsed) out.problems.push({ line, message: parsed.problem });
    else out.commands.push(parsed);
  }
  return out;
}
