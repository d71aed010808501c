/**
 * What the classifier produces: the report candidate, the confidence table behind it and the reason texts of a
 * candidate that waits for a person (rules in the module comment of classify.ts).
 */
import type { Classification } from "../model.ts";

/** Candidates at or above this confidence are attributed; below it they wait for a person. */
export const CONFIDENCE_THRESHOLD = 0.6;

/** Confidence factors; their product is the candidate's confidence. */
export const CONFIDENCE_FACTORS = {
  unit: { textAndSender: 1, sender: 0.95, text: 0.85, documentOverSender: 0.8, body: 0.7, conflict: 0.3, none: 0 },
  period: { stated: 1, statedInBody: 0.8, inferred: 0.9, defaultKind: 0.75, ambiguous: 0 },
  report: { reportPhrase: 1, periodPhrase: 0.9, sections: 0.9 },
} as const;

export interface ReportCandidate extends Classification {
  /** The documents of this report: attachment indexes and/or "body". */
  documents: (number | "body")[];
  /** False for a mail with no report evidence (unclassified, no reply). */
  isReport: boolean;
}

export const REASONS = {
  noReport: "no_report_evidence: Thư không có dấu hiệu là báo cáo định kỳ",
  replyNoReport: "no_report_evidence: Thư trả lời không kèm báo cáo",
  noRegime: "no_regime: Chưa cấu hình chế độ báo cáo nào",
  unknownSender: "unknown_sender: Địa chỉ gửi chưa được đăng ký cho đơn vị nào và thư không ghi tên đơn vị; không xác định được đơn vị gửi báo cáo",
  unknownUnit: "unknown_unit: Không xác định được đơn vị gửi báo cáo",
  noPeriodKind: "no_period_kind: Không xác định được loại báo cáo (tuần, tháng, quý, 6 tháng, năm)",
  noPeriod: "no_period: Không xác định được kỳ báo cáo",
} as const;
