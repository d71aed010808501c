/**
 * An answer to an ad-hoc request as a report candidate (issue 10 item 4): the request fixes the kind (`request`) and
 * the period (its code); answering it, by its thread or its code, is itself the evidence that the mail is a report,
 * so a plain "Re:" with the report typed in the body or attached is judged like a periodic report. Every document of
 * the mail belongs to the answer (annexes and signed copies are told apart by the judge, as for a period).
 */
import { CONFIDENCE_FACTORS, isAnnex, matchUnits, sectionsPresent, unitOfAddress } from "../classify/index.ts";
import type { DocumentFacts, MailFacts } from "../message.ts";
import type { Evidence } from "../model.ts";
import type { Regime } from "../regime.ts";

export interface RequestCandidate {
  regime: string;
  unit: string | null;
  kind: "request";
  period: string;
  periodInferred: false;
  confidence: number;
  evidence: Evidence[];
  reason: string | null;
  isReport: boolean;
  documents: (number | "body")[];
}

/**
 * The candidate for a mail that answers request `code` of `asked` (the request's regime, its units only) through
 * `by`. The unit: the sender's registered address (the original sender of a mail the office forwards), else the one
 * unit asked that the attached files' names state. A unit of the regime that was not asked, or no unit at all, waits
 * for a person (`not_asked`, `unknown_sender`). A mail in the thread with no report file and no part of a report in its
 * text (a thank-you, a question) is no answer: it waits for a person and gets no reply (`no_report_evidence`).
 */
export function requestCandidate(
  mail: { facts: MailFacts; documents: readonly DocumentFacts[] },
  asked: Regime,
  all: Regime,
  request: { code: string; by: "thread" | "code" | "body" },
): RequestCandidate {
  const { facts, documents } = mail;
  const senders = [facts.forwarded?.from ?? null, facts.from].filter((a): a is string => !!a);
  const how: Evidence = {
    about: "report",
    source: request.by === "thread" ? "thread" : request.by === "code" ? "subject" : "body",
    value: `request:${request.code}`,
    matched: request.by === "thread" ? (facts.inReplyTo ?? facts.references[facts.references.length - 1] ?? request.code) : request.code,
  };
  const base = {
    regime: asked.id, kind: "request" as const, period: request.code, periodInferred: false as const, isReport: true,
    documents: documents.map((d) => d.source),
  };
  const reportFile = documents.some((d) => d.source !== "body" && !isAnnex(d.filename));
  const bodyParts = documents.some((d) => d.source === "body" && d.read.ok && sectionsPresent(d.read.outline, asked.sections).length > 0);
  if (!reportFile && !bodyParts) {
    const reason = `no_report_evidence: Thư trả lời yêu cầu báo cáo ${request.code} nhưng không kèm báo cáo; chuyển chuyên viên tổng hợp xem`;
    return { ...base, isReport: false, unit: null, confidence: 0, reason, evidence: [how] };
  }
  for (const address of senders) {
    const unit = unitOfAddress(address, asked.units);
    if (unit) {
      return { ...base, unit, confidence: CONFIDENCE_FACTORS.unit.sender, reason: null, evidence: [how, { about: "unit", source: "sender", value: unit, matched: address }] };
    }
  }
  const named = new Set<string>();
  let matched = "";
  for (const d of documents) {
    if (d.source === "body" || !d.filename) continue;
    for (const m of matchUnits(d.filename.replace(/\.[a-z0-9]{1,5}$/i, ""), asked.units)) {
      named.add(m.unit);
      matched = m.matched;
    }
  }
  if (named.size === 1) {
    const unit = [...named][0]!;
    return { ...base, unit, confidence: CONFIDENCE_FACTORS.unit.text, reason: null, evidence: [how, { about: "unit", source: "attachment-name", value: unit, matched }] };
  }
  const other = senders.map((a) => unitOfAddress(a, all.units)).find((u): u is string => !!u);
  const reason = other
    ? `not_asked: Đơn vị ${all.units.find((u) => u.id === other)?.name ?? other} không thuộc các đơn vị được yêu cầu báo cáo ${request.code}; chuyển chuyên viên tổng hợp xem`
    : `unknown_sender: Thư trả lời yêu cầu báo cáo ${request.code} nhưng địa chỉ gửi chưa được đăng ký cho đơn vị nào được yêu cầu; chuyển chuyên viên tổng hợp xem`;
  return { ...base, unit: null, confidence: 0, reason, evidence: [how] };
}
