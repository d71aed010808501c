/**
 * Deciding one report candidate (classify.ts "Unit", "Kind and period", "Confidence"): its unit, kind and
 * period, the report evidence, and the confidence that is their product; and the candidate of a mail that is no
 * report.
 */
import { DateTime } from "luxon";
import { inferPeriod, isReportingPeriod, periodFromId } from "../calendar/index.ts";
import type { Evidence, PeriodKind } from "../model.ts";
import type { MailFacts } from "../message.ts";
import type { Regime } from "../regime.ts";
import { unitOfAddress } from "./units.ts";
import { type Located, type Mail, type TextFacts, distinct, ev, locate, unitsIn } from "./evidence.ts";
import type { Group } from "./grouping.ts";
import { CONFIDENCE_FACTORS, CONFIDENCE_THRESHOLD, REASONS, type ReportCandidate } from "./outcome.ts";

/** The unit of a report, its confidence factor and, when none can be trusted, a reason. */
function decideUnit(regime: Regime, mail: Mail, g: Group, evidence: Evidence[]): { unit: string | null; factor: number; reason: string | null } {
  const F = CONFIDENCE_FACTORS.unit;
  const { facts } = mail;
  const fwd = facts.forwarded?.from ?? null;
  const address = fwd && unitOfAddress(fwd, regime.units) ? fwd : facts.from;
  const sender = unitOfAddress(address, regime.units);
  if (sender && address) evidence.push(ev("unit", "sender", sender, address));
  const inDocs = unitsIn(g.docs.flatMap((d) => [d.name, d.title]), regime);
  const inSubject = unitsIn([mail.subject], regime);
  const explicit = inDocs.length > 0 ? inDocs : inSubject;
  for (const u of explicit) if (!evidence.some((e) => e.about === "unit" && e.source === u.source && e.value === u.unit)) evidence.push(ev("unit", u.source, u.unit, u.matched));
  const named = distinct(explicit);
  const label = (id: string): string => regime.units.find((u) => u.id === id)?.name ?? id;
  if (named.length > 1) {
    if (sender && named.includes(sender)) return { unit: sender, factor: F.textAndSender * 0.9, reason: null };
    return { unit: null, factor: F.none, reason: `${REASONS.unknownUnit} (thư nêu nhiều đơn vị: ${named.map(label).join("; ")})` };
  }
  if (named.length === 1) {
    const u = named[0]!;
    if (!sender || sender === u) return { unit: u, factor: sender ? F.textAndSender : F.text, reason: null };
    if (inDocs.length > 0) return { unit: u, factor: F.documentOverSender, reason: null };
    return {
      unit: null,
      factor: F.conflict,
      reason: `unit_conflict: Tiêu đề thư ghi ${label(u)} nhưng địa chỉ gửi (${address}) được đăng ký cho ${label(sender)}`,
    };
  }
  if (sender) return { unit: sender, factor: F.sender, reason: null };
  const inBody = unitsIn([mail.body], regime);
  const bodyUnits = distinct(inBody);
  if (bodyUnits.length === 1) {
    evidence.push(ev("unit", "body", bodyUnits[0]!, inBody[0]!.matched));
    return { unit: bodyUnits[0]!, factor: F.body, reason: null };
  }
  const registeredElsewhere = !!address && regime.units.some((u) => u.addresses.some((a) => a.toLowerCase() === address.toLowerCase()));
  return { unit: null, factor: F.none, reason: registeredElsewhere || bodyUnits.length > 1 ? REASONS.unknownUnit : REASONS.unknownSender };
}

const describe = (l: Located[]): string => l.map((x) => x.m.matched).join("; ");

/** Kind and period of a report, with their confidence factor and, when ambiguous or missing, a reason. */
function decidePeriod(
  regime: Regime,
  mail: Mail,
  g: Group,
  evidence: Evidence[],
): { kind: PeriodKind | null; period: string | null; inferred: boolean; factor: number; reason: string | null } {
  const F = CONFIDENCE_FACTORS.period;
  const inDocs = locate(g.docs.flatMap((d) => [d.name, d.title]));
  const inSubject = locate([mail.subject]);
  const chosen = inDocs.length > 0 ? inDocs : inSubject.length > 0 ? inSubject : locate([mail.body]);
  const none = { kind: null, period: null, inferred: false, factor: F.ambiguous };
  for (const l of chosen) {
    evidence.push(ev("kind", l.source, l.m.kind, l.m.matched));
    if (l.m.id) evidence.push(ev("period", l.source, l.m.id, l.m.matched));
  }
  const kinds = [...new Set(chosen.map((l) => l.m.kind))];
  if (kinds.length > 1 || (kinds.length === 1 && new Set(chosen.map((l) => l.m.id)).size > 1)) {
    return { ...none, reason: `ambiguous_period: Thư nêu nhiều kỳ báo cáo (${describe(chosen)}), không xác định được báo cáo thuộc kỳ nào` };
  }
  const stated = chosen[0]?.m ?? null;
  if (stated && inDocs.length > 0) {
    const contradicting = inSubject.filter((l) => l.m.kind === stated.kind && l.m.id !== null && stated.id !== null);
    if (contradicting.length > 0 && !contradicting.some((l) => l.m.id === stated.id)) {
      return {
        ...none,
        kind: stated.kind,
        reason: `ambiguous_period: Tiêu đề thư (${describe(contradicting)}) và tài liệu (${stated.matched}) ghi kỳ báo cáo khác nhau`,
      };
    }
  }
  let kind: PeriodKind | null = stated?.kind ?? null;
  let kindFactor: number = F.inferred;
  if (!kind) {
    const kinds = Object.keys(regime.kinds) as PeriodKind[];
    if (kinds.length !== 1) return { ...none, reason: REASONS.noPeriodKind };
    kind = kinds[0]!;
    kindFactor = F.defaultKind;
  }
  const label = regime.kinds[kind]?.label ?? kind;
  if (!regime.kinds[kind]) {
    return { ...none, kind, reason: `kind_not_in_regime: Chế độ "${regime.name}" không có loại ${label}` };
  }
  if (stated?.id) {
    const p = periodFromId(kind, stated.id, mail.zone);
    if (!p) return { ...none, kind, reason: REASONS.noPeriod };
    if (!isReportingPeriod(regime, p)) {
      return { ...none, kind, period: stated.id, reason: `not_reporting_period: "${stated.matched}" không phải là kỳ báo cáo của chế độ "${regime.name}"` };
    }
    const inBody = stated && chosen[0]!.source === "body";
    return { kind, period: stated.id, inferred: false, factor: inBody ? F.statedInBody : F.stated, reason: null };
  }
  const p = inferPeriod(regime, kind, mail.facts.receivedAt, mail.zone);
  if (!p) return { ...none, kind, reason: REASONS.noPeriod };
  const when = DateTime.fromJSDate(mail.facts.receivedAt, { zone: mail.zone }).toISO({ suppressMilliseconds: true }) ?? "";
  evidence.push(ev("period", "calendar", p.id, when));
  return { kind, period: p.id, inferred: true, factor: kindFactor, reason: null };
}

function decideReport(mail: Mail, g: Group, evidence: Evidence[]): number {
  const F = CONFIDENCE_FACTORS.report;
  const texts = [mail.subject, ...g.docs.flatMap((d) => [d.name, d.title])].filter((t): t is TextFacts => t !== null);
  const word = texts.find((t) => t.reportWord);
  if (word) {
    evidence.push(ev("report", word.source, "report_phrase", word.reportWord!));
    return F.reportPhrase;
  }
  const period = texts.find((t) => t.periodWord);
  if (period) {
    evidence.push(ev("report", period.source, "period_phrase", period.periodWord!));
    return F.periodPhrase;
  }
  const withSections = g.docs.find((d) => d.sections.length >= 2);
  if (withSections) evidence.push(ev("report", "document-sections", "sections", withSections.sections.join(", ")));
  return F.sections;
}

/** The candidate of one group: report evidence, unit, kind and period, and the confidence that is their product. */
export function decide(regime: Regime, mail: Mail, g: Group): ReportCandidate {
  const evidence: Evidence[] = [];
  const reportFactor = decideReport(mail, g, evidence);
  const unit = decideUnit(regime, mail, g, evidence);
  const period = decidePeriod(regime, mail, g, evidence);
  const confidence = Math.round(unit.factor * period.factor * reportFactor * 100) / 100;
  let reason = unit.reason ?? period.reason;
  if (!reason && confidence < CONFIDENCE_THRESHOLD) {
    reason = `low_confidence: Độ tin cậy của việc phân loại thấp (${confidence.toFixed(2)}), cần chuyên viên xác nhận`;
  }
  return {
    regime: regime.id,
    unit: unit.unit,
    kind: period.kind,
    period: period.period,
    periodInferred: period.inferred,
    confidence: reason ? Math.min(confidence, Math.max(0, CONFIDENCE_THRESHOLD - 0.01)) : confidence,
    evidence,
    reason,
    documents: g.docs.map((d) => d.source),
    isReport: true,
  };
}

/** The candidate of a mail that is no report: unclassified, with the sender's unit when it is registered. */
export function nonReport(regime: Regime | null, facts: MailFacts, reason: string): ReportCandidate {
  const unit = regime ? unitOfAddress(facts.from, regime.units) : null;
  return {
    regime: regime?.id ?? null,
    unit,
    kind: null,
    period: null,
    periodInferred: false,
    confidence: 0,
    evidence: unit && facts.from ? [ev("unit", "sender", unit, facts.from)] : [],
    reason,
    documents: [],
    isReport: false,
  };
}
