/**
 * Message facts → report candidates with evidence (contract.md "What counts as a report", "Periods").
 *
 * Rules (documented choices):
 * - Report evidence: "báo cáo"/"BC" or a period phrase (reported period, not a plan) in the subject, a file name
 *   or a document's title block, or a document (or the body) carrying ≥ 2 of the regime's section headings.
 *   A subject that opens with an invitation, thanks, notice… ("Giấy mời", "Cảm ơn", "Thông báo") before any
 *   report phrase gives none; neither does a reply ("Re:", "TL:") with no attachment and no report in its body.
 * - Splitting: each attachment whose own name or title block states a period founds a report; attachments that
 *   state the same period (with no different unit) share it, so a signed PDF beside its .docx joins that report
 *   (`signedCopies` tells which to archive but not judge). Attachments stating no period join the report of the
 *   nearest attachment before them (an annex follows its report), else the first. Images and signature files
 *   that state nothing are left out. The body joins a report that has no attachment, or when it has sections.
 * - Unit: a single unit named in the report's own documents (file name, title block), else in the subject, else
 *   the sender's registered address (the original sender when the officer forwarded it), else a single unit in
 *   the body. A unit leader may send from a personal or a colleague's address, so the documents win over a
 *   sender registered to another unit (lower confidence); a subject-only unit that contradicts the sender's
 *   registration goes to a person (`unit_conflict`).
 * - Kind and period: from the documents, else the subject, else the body. Several kinds or periods at the same
 *   level, or a document contradicting the subject on the same kind → `ambiguous_period`. A kind with no period
 *   → the calendar's `inferPeriod` (periodInferred). No kind at all → `no_period_kind`, unless the regime has a
 *   single kind.
 * - Confidence = unit × period × report-evidence factors (table below); below `CONFIDENCE_THRESHOLD` the
 *   candidate carries a reason and is unclassified: never a silent guess.
 */
import { DateTime } from "luxon";
import { inferPeriod, isReportingPeriod, periodFromId } from "./calendar.ts";
import type { Block, Classification, Evidence, Outline, PeriodKind, SectionDef } from "./model.ts";
import type { DocumentFacts, MailFacts } from "./message.ts";
import type { Regime } from "./regime.ts";
import { type PeriodMention, findPeriodPhrases } from "./period-phrases.ts";
import { documentTitle, MAX_TABLE_DEPTH } from "./outline.ts";
import { fold } from "./text.ts";
import { matchUnits, unitOfAddress } from "./unit-match.ts";

/** Candidates at or above this confidence are attributed; below it they wait for a person. */
export const CONFIDENCE_THRESHOLD = 0.6;

/** Confidence factors; their product is the candidate's confidence. */
export const CONFIDENCE_FACTORS = {
  unit: { textAndSender: 1, sender: 0.95, text: 0.85, documentOverSender: 0.8, body: 0.7, conflict: 0.3, none: 0 },
  period: { stated: 1, statedInBody: 0.8, inferred: 0.9, defaultKind: 0.75, ambiguous: 0 },
  report: { reportPhrase: 1, periodPhrase: 0.9, sections: 0.9 },
} as const;

export interface ClassifyInput {
  facts: MailFacts;
  documents: DocumentFacts[];
}

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

type Source = Evidence["source"];
type DocSource = number | "body";

interface TextFacts {
  source: Source;
  text: string;
  mentions: PeriodMention[];
  /** "báo cáo"/"BC" as written, when the text has it and no non-report opening before it. */
  reportWord: string | null;
  /** A reported-period phrase that counts as report evidence. */
  periodWord: string | null;
}

interface DocFacts {
  source: DocSource;
  filename: string | null;
  name: TextFacts | null;
  title: TextFacts | null;
  sections: string[];
  /** Units named in the file name or title block. */
  units: string[];
}

interface Located {
  m: PeriodMention;
  source: Source;
}

interface Group {
  docs: DocFacts[];
  mentions: Located[];
}

interface Mail {
  facts: MailFacts;
  subject: TextFacts;
  body: TextFacts;
  zone: string;
}

const REPORT_WORD = /(?:^| )(bao cao|bc)(?= |$)/;
/** Openings of ordinary mail: an invitation, thanks, a notice, a schedule, a request for comments. */
const NOT_REPORT =
  /(?:^| )(giay moi|thu moi|kinh moi|moi hop|moi du|cam on|lich cong tac|lich truc|lich hop|thong bao|quyet dinh|to trinh|cong van|gop y|xin y kien|chuc mung)(?= |$)/;
const REPLY = /^\s*(?:re|tl|aw|sv|trả lời|tra loi)\s*:/i;
/** Files that are no report unless their name says so: inline images, signatures, calendar and contact cards. */
const NOT_DOCUMENT_EXT = /\.(?:png|jpe?g|gif|bmp|tiff?|webp|emf|wmf|p7s|sig|asc|ics|vcf)$/i;
const EDITABLE_EXT = /\.(?:docx?|docm|odt|rtf)$/i;
const ENUMERATION = /^(?:[ivx]+|\d+(?: \d+)*|[a-z])\s+/;

function textFacts(source: Source, text: string, receivedAt: Date, zone: string): TextFacts {
  // In a title block a bare "năm 2026" dates something else ("Thực hiện Chương trình công tác năm 2026, …").
  const mentions = findPeriodPhrases(text, { receivedAt, zone }).filter((m) => !(m.bare && source === "document-title"));
  const folded = fold(text);
  const neg = NOT_REPORT.exec(folded);
  const word = REPORT_WORD.exec(folded);
  const reported = mentions.find((m) => m.role === "report" && !m.bare);
  // A non-report opening counts only when it comes before the report phrase ("Cảm ơn … báo cáo tuần 47").
  const reportWord = word && (!neg || word.index < neg.index) ? (word[1] === "bc" ? "BC" : "báo cáo") : null;
  const periodWord = reported && !neg ? reported.matched : null;
  return { source, text, mentions, reportWord, periodWord };
}

function runsText(b: Block, depth = 0): string {
  if (b.type === "table") return depth >= MAX_TABLE_DEPTH ? "" : b.rows.flat(2).map((x) => runsText(x, depth + 1)).join("\n");
  return b.runs.map((r) => r.text).join("");
}

/**
 * Text lines of the document's header block (tables flattened): up to the title under "BÁO CÁO" when there is
 * one, else the first `max` top-level blocks. The body below the title is not the title: a monthly report's
 * "chuẩn bị giao ban quý IV" or "chương trình công tác tháng 12" names other periods.
 */
export function titleLines(outline: Outline, max = 8): string[] {
  const title = documentTitle(outline);
  const end = title.length > 0 ? title[title.length - 1]!.index + 1 : max;
  return outline.blocks.slice(0, end).flatMap((b) => runsText(b).split("\n")).filter((l) => l.trim() !== "");
}

/** Ids of the regime's sections whose heading opens a short line of the outline (a simple folded match). */
export function sectionsPresent(outline: Outline, sections: SectionDef[]): string[] {
  const headings = sections.flatMap((s) => s.headings.map((h) => ({ id: s.id, h: fold(h) })));
  const found = new Set<string>();
  for (const line of outline.blocks.flatMap((b) => runsText(b).split("\n"))) {
    const l = fold(line).replace(ENUMERATION, "");
    if (!l || l.length > 160) continue;
    for (const { id, h } of headings) {
      if (h && (l === h || l.startsWith(`${h} `)) && l.length <= h.length + 60) found.add(id);
    }
  }
  return [...found];
}

/**
 * PDFs among a report's documents that accompany an editable version (.docx/.doc/.odt/.rtf): the signed copy,
 * archived and listed, not judged (contract.md "What counts as a report").
 */
export function signedCopies(documents: DocumentFacts[]): DocSource[] {
  const name = (d: DocumentFacts): string => d.filename ?? "";
  if (!documents.some((d) => EDITABLE_EXT.test(name(d)))) return [];
  return documents.filter((d) => /\.pdf$/i.test(name(d)) || d.read.format === "pdf").map((d) => d.source);
}

/** Report-role mentions that name a period: a bare "năm 2026" only when nothing finer is said; no kind-only twin. */
function pruned(mentions: PeriodMention[]): PeriodMention[] {
  const reported = mentions.filter((m) => m.role === "report");
  const strong = reported.filter((m) => !m.bare);
  const use = strong.length > 0 ? strong : reported;
  const out: PeriodMention[] = [];
  for (const m of use) {
    if (m.id === null && use.some((o) => o.kind === m.kind && o.id !== null)) continue;
    if (!out.some((o) => o.kind === m.kind && o.id === m.id)) out.push(m);
  }
  return out;
}

function locate(texts: (TextFacts | null)[]): Located[] {
  const all = texts.filter((t): t is TextFacts => t !== null);
  return pruned(all.flatMap((t) => t.mentions)).map((m) => ({ m, source: all.find((t) => t.mentions.includes(m))!.source }));
}

/** Same single period (or one of them only names the kind), and no unit that the other lacks. */
function compatible(g: Group, d: DocFacts, own: Located[]): boolean {
  if (g.mentions.length !== 1 || own.length !== 1) return false;
  const [x, y] = [g.mentions[0]!.m, own[0]!.m];
  if (x.kind !== y.kind || (x.id !== y.id && x.id !== null && y.id !== null)) return false;
  const units = new Set(g.docs.flatMap((o) => o.units));
  return units.size === 0 || d.units.length === 0 || d.units.every((u) => units.has(u));
}

function groupDocuments(docs: DocFacts[]): Group[] {
  const groups: Group[] = [];
  const satellites: { d: DocFacts; after: Group | null }[] = [];
  let last: Group | null = null;
  for (const d of docs.filter((x) => x.source !== "body")) {
    const own = locate([d.name, d.title]);
    if (own.length === 0) {
      if (!NOT_DOCUMENT_EXT.test(d.filename ?? "") || d.sections.length >= 2) satellites.push({ d, after: last });
      continue;
    }
    const g = groups.find((x) => compatible(x, d, own));
    if (g) {
      g.docs.push(d);
      if (g.mentions[0]!.m.id === null) g.mentions = own;
      last = g;
    } else {
      last = { docs: [d], mentions: own };
      groups.push(last);
    }
  }
  if (groups.length === 0) groups.push({ docs: [], mentions: [] });
  for (const s of satellites) (s.after ?? groups[0]!).docs.push(s.d);
  const body = docs.find((d) => d.source === "body");
  if (body) for (const g of groups) if (g.docs.length === 0 || body.sections.length >= 2) g.docs.push(body);
  return groups;
}

function ev(about: Evidence["about"], source: Source, value: string, matched: string): Evidence {
  return { about, source, value, matched };
}

interface UnitFound {
  unit: string;
  matched: string;
  source: Source;
}

function unitsIn(texts: (TextFacts | null)[], regime: Regime): UnitFound[] {
  return texts.flatMap((t) => (t ? matchUnits(t.text, regime.units).map((u) => ({ ...u, source: t.source })) : []));
}

const distinct = (xs: UnitFound[]): string[] => [...new Set(xs.map((x) => x.unit))];

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

function decide(regime: Regime, mail: Mail, g: Group): ReportCandidate {
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

/** Two attributed candidates of the same unit and period are one report in several files. */
function mergeSame(cs: ReportCandidate[]): ReportCandidate[] {
  const out: ReportCandidate[] = [];
  for (const c of cs) {
    const same = c.reason === null ? out.find((o) => o.reason === null && o.unit === c.unit && o.kind === c.kind && o.period === c.period) : undefined;
    if (!same) {
      out.push(c);
      continue;
    }
    for (const d of c.documents) if (!same.documents.includes(d)) same.documents.push(d);
    same.evidence.push(...c.evidence.filter((e) => !same.evidence.some((x) => JSON.stringify(x) === JSON.stringify(e))));
    same.confidence = Math.max(same.confidence, c.confidence);
  }
  return out;
}

function nonReport(regime: Regime | null, facts: MailFacts, reason: string): ReportCandidate {
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

/** With several regimes: the one that registers the sender, else the one whose units the texts name, else the first. */
function chooseRegime(regimes: Regime[], facts: MailFacts, texts: (TextFacts | null)[]): Regime | null {
  if (regimes.length <= 1) return regimes[0] ?? null;
  let best: Regime | null = null;
  let bestScore = -1;
  for (const r of regimes) {
    const senders = [facts.forwarded?.from ?? null, facts.from].filter((a) => unitOfAddress(a, r.units) !== null).length;
    const score = senders * 10 + unitsIn(texts, r).length;
    if (score > bestScore) [best, bestScore] = [r, score];
  }
  return best;
}

/** Classifies one received mail into report candidates (see the module comment for the rules). */
export function classifyMessage(input: ClassifyInput, regimes: Regime[], ctx: { zone: string }): ReportCandidate[] {
  const { facts, documents } = input;
  const at = facts.receivedAt;
  const fwdSubject = facts.forwarded?.subject ?? "";
  const subjectText = fwdSubject && !facts.subject.includes(fwdSubject) ? `${facts.subject}\n${fwdSubject}` : facts.subject;
  const mail: Mail = {
    facts,
    subject: textFacts("subject", subjectText, at, ctx.zone),
    body: textFacts("body", [facts.text, facts.forwarded?.text ?? ""].join("\n"), at, ctx.zone),
    zone: ctx.zone,
  };
  const docTexts = (d: DocumentFacts): Pick<DocFacts, "name" | "title"> => {
    if (d.source === "body") return { name: null, title: null };
    const stem = (d.filename ?? "").replace(/\.[a-z0-9]{1,5}$/i, "");
    return {
      name: stem ? textFacts("attachment-name", stem, at, ctx.zone) : null,
      title: d.read.ok ? textFacts("document-title", titleLines(d.read.outline).join("\n"), at, ctx.zone) : null,
    };
  };
  const texts = documents.map(docTexts);
  const regime = chooseRegime(regimes, facts, [mail.subject, mail.body, ...texts.flatMap((t) => [t.name, t.title])]);
  if (!regime) return [nonReport(null, facts, REASONS.noRegime)];
  const docs: DocFacts[] = documents.map((d, i) => ({
    source: d.source,
    filename: d.filename,
    ...texts[i]!,
    sections: d.read.ok ? sectionsPresent(d.read.outline, regime.sections) : [],
    units: distinct(unitsIn([texts[i]!.name, texts[i]!.title], regime)),
  }));

  const withSections = docs.some((d) => d.sections.length >= 2);
  const hasFiles = docs.some((d) => d.source !== "body" && !NOT_DOCUMENT_EXT.test(d.filename ?? ""));
  if (REPLY.test(facts.subject) && !hasFiles && !withSections) return [nonReport(regime, facts, REASONS.replyNoReport)];
  const evidenceTexts = [mail.subject, ...docs.flatMap((d) => [d.name, d.title])].filter((t): t is TextFacts => t !== null);
  if (!evidenceTexts.some((t) => t.reportWord || t.periodWord) && !withSections) return [nonReport(regime, facts, REASONS.noReport)];

  return mergeSame(groupDocuments(docs).map((g) => decide(regime, mail, g)));
}
