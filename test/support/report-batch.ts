/**
 * Batches of ordinary weekly reports for the fault, two-daemon and benchmark runs (issue 13 §5–§7): unit u's report
 * of week w of 2025, each from one of the four mail clients, with its server receipt time on the Wednesday of that
 * week. The .docx of a (unit, week) is built once and reused.
 */
import { DateTime } from "luxon";
import { appleMail, gmailMail, outlookMail, thunderbirdMail } from "./eml.ts";
import { OFFICE, UNITS } from "./intake.ts";
import { requireMessageId, unitReport, type UnitId } from "./report-mail.ts";

export interface BatchMail {
  raw: Buffer;
  at: Date;
  messageId: string;
  unit: UnitId;
  period: string;
}

const CLIENTS = [outlookMail, gmailMail, thunderbirdMail, appleMail];
const UNIT_IDS = Object.keys(UNITS) as UnitId[];
const ABBR: Record<UnitId, string> = { nvdp: "NVĐP", ttdn: "TTĐN", ttbc: "TTBC", vp: "VP" };
const docs = new Map<string, Promise<Buffer>>();

/** The `n` mails starting at position `from` (0-based) of the endless sequence unit × week, weeks 1–52, then again with a version tag. */
export async function reportBatch(n: number, from = 0): Promise<BatchMail[]> {
  const out: BatchMail[] = [];
  for (let i = from; i < from + n; i++) {
    const unit = UNIT_IDS[i % UNIT_IDS.length]!;
    const week = 1 + (Math.floor(i / UNIT_IDS.length) % 52);
    const round = Math.floor(i / (UNIT_IDS.length * 52));
    const docKey = `${unit}:${week}`;
    if (!docs.has(docKey)) docs.set(docKey, unitReport({ unit, title: `Kết quả công tác tuần ${week} năm 2025`, next: "tuần tới" }));
    const content = await docs.get(docKey)!;
    const at = DateTime.fromObject({ weekYear: 2025, weekNumber: week, weekday: 3, hour: 9, minute: (i % 4) * 5, second: round }, { zone: "Asia/Ho_Chi_Minh" }).toJSDate();
    const raw = CLIENTS[i % CLIENTS.length]!({
      from: { name: `Phòng ${ABBR[unit]}`, address: UNITS[unit] },
      to: [OFFICE],
      subject: `Báo cáo tuần ${week}/2025 - ${ABBR[unit]}${round ? ` (lần ${round + 1})` : ""}`,
      date: at,
      text: `Kính gửi Văn phòng,\nĐơn vị gửi báo cáo tuần ${week}.\nTrân trọng.`,
      attachments: [{ filename: `Báo cáo tuần ${week} - ${ABBR[unit]}.docx`, content }],
    });
    out.push({ raw, at, messageId: requireMessageId(raw), unit, period: `2025-W${String(week).padStart(2, "0")}` });
  }
  return out;
}

/** The In-Reply-To of a raw mail the SMTP sink received, or null. */
export function inReplyToOf(raw: Buffer): string | null {
  const head = raw.toString("latin1").split(/\r\n\r\n/, 1)[0] ?? "";
  return /^In-Reply-To:\s*(<[^>]+>)/im.exec(head)?.[1] ?? null;
}

/** How many times each of `ids` was answered among the mails the sink received (exactly once is 1 for each). */
export function answersPer(received: { raw: Buffer }[], ids: string[]): Record<string, number> {
  const want = new Set(ids);
  const count: Record<string, number> = Object.fromEntries(ids.map((id) => [id, 0]));
  for (const r of received) {
    const id = inReplyToOf(r.raw);
    if (id && want.has(id)) count[id] = (count[id] ?? 0) + 1;
  }
  return count;
}
