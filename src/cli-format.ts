/**
 * What the CLI's tables show people (issue 9 §6): times in Vietnamese form ("15 giờ 00, Thứ Năm 19/11/2026") and
 * Vietnamese words for every state. `--json` keeps the ISO times and the contract's English codes.
 */
import { DateTime } from "luxon";
import { formatDateVi, weekdayVi } from "./domain/calendar/index.ts";

/** "15 giờ 00, Thứ Năm 19/11/2026" from an ISO instant of the views; "" for null. */
export function timeVi(iso: string | null | undefined, zone: string): string {
  if (!iso) return "";
  const t = DateTime.fromISO(iso, { zone });
  if (!t.isValid) return iso;
  const d = t.toJSDate();
  return `${t.hour} giờ ${t.toFormat("mm")}, ${weekdayVi(d, zone)} ${formatDateVi(d, zone)}`;
}

const word = (table: Record<string, string>) => (code: string | null | undefined): string => (code == null ? "" : (table[code] ?? code));

/** A submission's status (contract.md `submissions --json` status). */
export const submissionStatusVi = word({
  accepted: "Đạt",
  rejected: "Không đạt",
  unclassified: "chờ xử lý",
  ignored: "bỏ qua",
  failed: "lỗi, sẽ thử lại",
});

/** A unit's state for a period (`status`). */
export const unitStateVi = word({ on_time: "đúng hạn", late: "muộn", khong_dat: "Không đạt", missing: "chưa gửi" });

/** A verdict. */
export const verdictVi = word({ dat: "Đạt", khong_dat: "Không đạt" });

/** An outbox row's state. */
export const outboxStateVi = word({
  pending: "chờ gửi",
  sending: "đang gửi",
  sent: "đã gửi",
  failed: "gửi lỗi",
  held: "tạm giữ",
  dropped: "đã hủy",
});

/** Why a mail was queued. */
export const purposeVi = word({
  receipt: "báo nhận Đạt",
  khong_dat: "báo Không đạt",
  reminder: "nhắc hạn",
  chase: "đôn đốc",
  laggards: "tổng hợp đơn vị chậm",
  draft: "dự thảo",
  digest: "tin tóm tắt",
  forward: "chuyển tiếp",
  answer: "trả lời",
  request: "yêu cầu báo cáo đột xuất",
});

/** The chief's review of a draft. */
export const reviewVi = word({ pending: "chờ ý kiến", dat: "Đạt", khong_dat: "Không đạt" });
