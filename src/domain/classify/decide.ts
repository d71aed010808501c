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
import { fold } from "../text/index.ts";

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
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

/** Where a period was read, for people: "tiêu đề thư", "tên tệp “BC.docx”", "phần đầu tài liệu “BC.docx”"… */
function placeLabel(t: TextFacts, filename: string | null): string {
  const file = filename ? ` “${filename}”` : "";
  switch (t.source) {
    case "subject":
      return "tiêu đề thư";
    case "attachment-name":
      return `tên tệp${file}`;
    case "document-title":
      return `phần đầu tài liệu${file}`;
    case "document-heading":
      return `đề mục đầu tiên của tài liệu${file}`;
    default:
      return "nội dung thư";
  }
}

interface PlaceStated {
  label: string;
  source: TextFacts["source"];
  mentions: Located[];
}

/** "báo cáo tuần 47", "BC tháng 11": in the body, a period right after the report word is the report's own. */
const AFTER_REPORT_WORD = /(?:bao cao|bc)(?: (?:cong tac|ket qua|tinh hinh|thuc hien|so ket|tong ket|dinh ky|nhiem vu))* $/;

/** "9 tháng đầu năm", "báo cáo 3 tháng": a span that is no period of its own; a place naming it states no period we know. */
const SPAN = /(?:^| )(?:0?[1-57-9]|1[0-2]) thang(?: (?:dau|cuoi) nam)?(?: |$)/;

/**
 * The report's period as each place states it (issue 12 item 1, contract.md "Periods"): the strong places are the
 * subject (a forwarded mail's too), each file name and each title block; the first section heading counts when
 * none of them states a period, the body only when no place does. With several reports in one mail the subject
 * speaks for all of them: it counts for a report only when its own documents state nothing.
 */
function placesStated(mail: Mail, g: Group, several: boolean): { places: PlaceStated[]; fromBody: boolean; span: boolean } {
  const place = (t: TextFacts, file: string | null): PlaceStated => ({ label: placeLabel(t, file), source: t.source, mentions: locate([t]) });
  const docPlaces = g.docs.flatMap((d) => [d.name, d.title].filter((t): t is TextFacts => t !== null).map((t) => place(t, d.filename)));
  const stating = (ps: PlaceStated[]): PlaceStated[] => ps.filter((p) => p.mentions.length > 0);
  let strong = stating(docPlaces);
  if (!several || strong.length === 0) strong = stating([place(mail.subject, null), ...docPlaces]);
  // A bare "năm 2026" yields to a finer period stated in another place.
  if (strong.some((p) => p.mentions.some((l) => !l.m.bare))) {
    strong = stating(strong.map((p) => ({ ...p, mentions: p.mentions.filter((l) => !l.m.bare) })));
  }
  if (strong.length > 0) return { places: strong, fromBody: false, span: false };
  const spanTexts = [mail.subject, ...g.docs.flatMap((d) => [d.name, d.title])].filter((t): t is TextFacts => t !== null);
  if (spanTexts.some((t) => SPAN.test(fold(t.text)))) return { places: [], fromBody: false, span: true };
  const headings = stating(g.docs.flatMap((d) => (d.heading ? [place(d.heading, d.filename)] : [])));
  if (headings.length > 0) return { places: headings, fromBody: false, span: false };
  const all = locate([mail.body]);
  const body = mail.body.text.normalize("NFC");
  const reported = all.filter((l) => AFTER_REPORT_WORD.test(`${fold(body.slice(Math.max(0, l.m.at - 40), l.m.at))} `));
  const mentions = reported.length > 0 ? reported : all;
  return { places: mentions.length > 0 ? [{ label: "nội dung thư", source: "body", mentions }] : [], fromBody: true, span: false };
}

const describePlace = (p: PlaceStated): string => `${p.label} (${p.mentions.map((l) => l.m.matched).join("; ")})`;

/** Kind and period of a report, with their confidence factor and, when ambiguous or missing, a reason. */
function decidePeriod(
  regime: Regime,
  mail: Mail,
  g: Group,
  evidence: Evidence[],
  several: boolean,
): { kind: PeriodKind | null; period: string | null; inferred: boolean; factor: number; reason: string | null } {
  const F = CONFIDENCE_FACTORS.period;
  const { places, fromBody } = placesStated(mail, g, several);
  const none = { kind: null, period: null, inferred: false, factor: F.ambiguous };
  for (const p of places) {
    for (const l of p.mentions) {
      evidence.push(ev("kind", l.source, l.m.kind, l.m.matched));
      if (l.m.id) evidence.push(ev("period", l.source, l.m.id, l.m.matched));
    }
  }
  const chosen = places.flatMap((p) => p.mentions);
  // One place naming two periods ("Báo cáo tuần 46 và tuần 47", "tháng 12 và quý IV"): nobody can tell which.
  const selfAmbiguous = places.find((p) => new Set(p.mentions.map((l) => `${l.m.kind} ${l.m.id}`)).size > 1 && (new Set(p.mentions.map((l) => l.m.kind)).size > 1 || new Set(p.mentions.map((l) => l.m.id).filter((x) => x !== null)).size > 1));
  if (selfAmbiguous) {
    return { ...none, reason: `ambiguous_period: ${cap(describePlace(selfAmbiguous))} nêu nhiều kỳ báo cáo, không xác định được báo cáo thuộc kỳ nào` };
  }
  const kinds = [...new Set(chosen.map((l) => l.m.kind))];
  const ids = [...new Set(chosen.map((l) => l.m.id).filter((x): x is string => x !== null))];
  if (kinds.length > 1 || ids.length > 1) {
    return {
      ...none,
      kind: kinds.length === 1 ? kinds[0]! : null,
      reason: `ambiguous_period: Các nơi ghi kỳ báo cáo không thống nhất: ${places.map(describePlace).join("; ")}`,
    };
  }
  const stated = chosen.find((l) => l.m.id !== null)?.m ?? chosen[0]?.m ?? null;
  const inBody = fromBody;
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
export function decide(regime: Regime, mail: Mail, g: Group, several = false): ReportCandidate {
  const evidence: Evidence[] = [];
  const reportFactor = decideReport(mail, g, evidence);
  const unit = decideUnit(regime, mail, g, evidence);
  const period = decidePeriod(regime, mail, g, evidence, several);
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
