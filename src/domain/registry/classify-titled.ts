/**
 * Classifying the mail of a regime whose kinds are told apart by their titles (issue 10: a province's "Kế hoạch
 * hoạt động thông tin đối ngoại năm 2026" is its `plan` for 2026, its "Báo cáo tổng kết … năm 2026" its `report`).
 *
 * Rules (documented choices):
 * - Kind: a document's title line that opens with one of the kinds' `titles` (longest first; "KH"/"BC" only as the
 *   line's first word), else its file name, else the subject (a phrase anywhere; "KH"/"BC" first or after "gửi",
 *   "V/v"), else, for a mail without attachments, the body's first lines.
 * - Period = the year the document is about: "năm 2026" on the kind's title line or the three lines after it, else
 *   in the file name or subject after the kind phrase; never dates in the body (corpus README). No year → the
 *   calendar's earliest open period of the kind.
 * - Splitting: each attached document stating a kind founds a report, one per (kind, year); a document stating
 *   none (an annex, a spreadsheet, a signed PDF) joins the report before it, else the first.
 * - Unit: in the report's document's first lines (the header "UBND TỈNH …"), else its file name, the subject, the
 *   sender's registered address (either registry), the body; read in the registry in force at the period's due
 *   date (attribution.ts). The line naming it is kept as evidence ("the name used is kept on record").
 * - A mail opening as another administrative paper (Giấy mời, Thông báo, Quyết định…) or stating no kind is left
 *   to the general classifier (contract.md "What counts as a report").
 */
import { DateTime } from "luxon";
import { deadlinesOf, inferPeriod, periodFromId } from "../calendar/index.ts";
import { CONFIDENCE_FACTORS, CONFIDENCE_THRESHOLD, REASONS, type ReportCandidate, signedCopies } from "../classify/index.ts";
import type { Block, Evidence, PeriodKind } from "../model.ts";
import type { DocumentFacts, MailFacts } from "../message.ts";
import type { Regime } from "../regime.ts";
import { fold } from "../text/index.ts";
import { attribute, eraOf } from "./attribution.ts";
import { type NameHit, namesIn, unitOfSender } from "./names.ts";

/** Lines of a document's head read for its title and its issuing body. */
const HEAD_LINES = 16;
const NOT_DOCUMENT = /\.(?:png|jpe?g|gif|bmp|tiff?|webp|emf|wmf|p7s|sig|asc|ics|vcf)$/i;
/** Openings of other administrative papers and ordinary mail (contract.md): never a report. */
const NOT_REPORT = /^(?:(?:fw|fwd|re|tl|v v|ve viec|gui)\s+)*(?:giay moi|thu moi|kinh moi|moi hop|moi du|thong bao|quyet dinh|to trinh|cong van|cam on|lich)(?: |$)/;
const YEAR = /(?:^| )nam (\d{4})(?= |$)/;

interface TitlePhrase {
  kind: PeriodKind;
  folded: string;
  short: boolean;
}

function titlePhrases(regime: Regime): TitlePhrase[] {
  const out: TitlePhrase[] = [];
  for (const [kind, rule] of Object.entries(regime.kinds) as [PeriodKind, NonNullable<Regime["kinds"][PeriodKind]>][]) {
    for (const t of rule.titles ?? []) {
      const folded = fold(t);
      if (folded) out.push({ kind, folded, short: folded.length <= 3 });
    }
  }
  return out.sort((a, b) => b.folded.length - a.folded.length);
}

interface Stated {
  kind: PeriodKind;
  year: string | null;
  where: Evidence["source"];
  matched: string;
}

const LEAD = /^(?:(?:fw|fwd|re|tl|v v|ve viec|gui|kinh gui)\s+)*/;

/** The kind (and year) a line states when it opens with a kind's title; `anywhere` also finds it inside the line. */
function statedIn(line: string, phrases: TitlePhrase[], anywhere: boolean): { kind: PeriodKind; rest: string; matched: string } | null {
  const f = fold(line);
  const lead = LEAD.exec(f)?.[0] ?? "";
  let best: { at: number; p: TitlePhrase } | null = null;
  for (const p of phrases) {
    const padded = ` ${f} `;
    let i = padded.indexOf(` ${p.folded} `);
    while (i >= 0) {
      const atStart = i === lead.length || (i === 0 && lead === "");
      const afterSend = /(?:^| )(?:gui|v v)$/.test(padded.slice(0, i).trim());
      const ok = atStart || (anywhere && (!p.short || afterSend));
      if (ok) {
        if (!best || i < best.at) best = { at: i, p };
        break;
      }
      i = padded.indexOf(` ${p.folded} `, i + 1);
    }
  }
  if (!best) return null;
  const rest = f.slice(best.at + best.p.folded.length);
  return { kind: best.p.kind, rest, matched: best.p.folded };
}

function blockLines(b: Block, out: string[]): void {
  if (out.length >= HEAD_LINES * 2) return;
  if (b.type === "table") {
    for (const row of b.rows) for (const cell of row) for (const x of cell) blockLines(x, out);
    return;
  }
  for (const l of b.runs.map((r) => r.text).join("").split("\n")) if (l.trim()) out.push(l.trim());
}

/** The first lines of a document (tables read cell by cell: the header "UBND TỈNH … | CỘNG HÒA …"). */
function headLines(d: DocumentFacts): string[] {
  if (!d.read.ok) return [];
  const out: string[] = [];
  for (const b of d.read.outline.blocks) {
    blockLines(b, out);
    if (out.length >= HEAD_LINES) break;
  }
  return out.slice(0, HEAD_LINES);
}

/** What a document's head states: its kind on a title line, and the year on it or the lines after it. */
function statedByDocument(lines: string[], phrases: TitlePhrase[]): Stated | null {
  for (const [i, line] of lines.entries()) {
    const s = statedIn(line, phrases, false);
    if (!s) continue;
    const around = [s.rest, ...lines.slice(i + 1, i + 4).map(fold)];
    const year = around.map((t) => YEAR.exec(t)?.[1]).find(Boolean) ?? null;
    return { kind: s.kind, year, where: "document-title", matched: line };
  }
  return null;
}

function statedByText(text: string, phrases: TitlePhrase[], where: Evidence["source"], anywhere: boolean): Stated | null {
  const s = statedIn(text, phrases, anywhere);
  if (!s) return null;
  return { kind: s.kind, year: YEAR.exec(s.rest)?.[1] ?? null, where, matched: text };
}

interface Group {
  stated: Stated;
  docs: DocumentFacts[];
}

/** Splits the documents into reports (module comment "Splitting"); null when nothing states a kind. */
function groups(facts: MailFacts, documents: DocumentFacts[], phrases: TitlePhrase[]): Group[] | null {
  const attached = documents.filter((d) => d.source !== "body" && !NOT_DOCUMENT.test(d.filename ?? ""));
  const body = documents.find((d) => d.source === "body");
  const signed = new Set(signedCopies(attached));
  const subject = statedByText(facts.subject, phrases, "subject", true);
  const founded: Group[] = [];
  let last: Group | null = null;
  const loose: { d: DocumentFacts; after: Group | null }[] = [];
  for (const d of attached) {
    const stem = (d.filename ?? "").replace(/\.[a-z0-9]{1,5}$/i, "");
    const own = signed.has(d.source) ? null : (statedByDocument(headLines(d), phrases) ?? statedByText(stem, phrases, "attachment-name", true));
    if (!own) {
      loose.push({ d, after: last });
      continue;
    }
    const year = own.year ?? (subject?.kind === own.kind ? subject.year : null);
    const same = founded.find((g) => g.stated.kind === own.kind && g.stated.year === year);
    if (same) {
      same.docs.push(d);
      last = same;
    } else {
      last = { stated: { ...own, year }, docs: [d] };
      founded.push(last);
    }
  }
  if (founded.length === 0) {
    const fromBody = attached.length === 0 && body ? statedByDocument(headLines(body), phrases) : null;
    const stated = subject ?? fromBody;
    if (!stated) return null;
    const docs = attached.length > 0 ? attached : body ? [body] : [];
    return [{ stated: stated.year ? stated : { ...stated, year: fromBody?.year ?? null }, docs }];
  }
  for (const { d, after } of loose) (after ?? founded[0]!).docs.push(d);
  return founded;
}

/** The unit of one report, with the name used, in the registry in force at the period's due date. */
function unitOf(regime: Regime, facts: MailFacts, g: Group, era: ReturnType<typeof eraOf>, evidence: Evidence[]): { unit: string | null; factor: number } {
  const F = CONFIDENCE_FACTORS.unit;
  const first = (hits: NameHit[]): { unit: string; hit: NameHit } | null => {
    for (const h of hits) {
      const unit = attribute(regime, h, era);
      if (unit) return { unit, hit: h };
    }
    return null;
  };
  const main = g.docs.find((d) => d.read.ok) ?? null;
  const fromDoc = main && main.source !== "body" ? first(namesIn(regime, headLines(main))) : null;
  const stem = (main?.filename ?? "").replace(/\.[a-z0-9]{1,5}$/i, "");
  const fromName = !fromDoc && stem ? first(namesIn(regime, [stem])) : null;
  const fromSubject = !fromDoc && !fromName ? first(namesIn(regime, [facts.forwarded?.subject ?? "", facts.subject].filter(Boolean))) : null;
  const senderHit = unitOfSender(regime, facts.forwarded?.from ?? null) ?? unitOfSender(regime, facts.from);
  const sender = senderHit ? attribute(regime, senderHit, era) : null;
  const named = fromDoc ?? fromName ?? fromSubject;
  if (sender) evidence.push({ about: "unit", source: "sender", value: sender, matched: facts.forwarded?.from ?? facts.from ?? "" });
  if (named) {
    const source: Evidence["source"] = fromDoc ? "document-title" : fromName ? "attachment-name" : "subject";
    // The name used is kept on record: the whole line that names the unit.
    evidence.push({ about: "unit", source, value: named.unit, matched: named.hit.line.slice(0, 200) });
    return { unit: named.unit, factor: sender === null || sender === named.unit ? F.textAndSender : F.documentOverSender };
  }
  if (sender) return { unit: sender, factor: F.sender };
  const bodyDoc = g.docs.find((d) => d.source === "body") ?? null;
  const bodyLines = (facts.text || "").split("\n").filter((l) => l.trim());
  const fromBody = first(namesIn(regime, bodyDoc ? headLines(bodyDoc) : bodyLines.slice(0, HEAD_LINES))) ?? first(namesIn(regime, bodyLines));
  if (fromBody) {
    evidence.push({ about: "unit", source: "body", value: fromBody.unit, matched: fromBody.hit.line.slice(0, 200) });
    return { unit: fromBody.unit, factor: F.body };
  }
  return { unit: null, factor: F.none };
}

/**
 * Report candidates of a mail for a regime with titled kinds, or null when the mail states no kind of it (then the
 * general classifier decides: no report evidence, another paper, another regime).
 */
export function classifyTitled(facts: MailFacts, documents: DocumentFacts[], regime: Regime, zone: string): ReportCandidate[] | null {
  const phrases = titlePhrases(regime);
  if (phrases.length === 0) return null;
  if (NOT_REPORT.test(fold(facts.subject))) return null;
  const gs = groups(facts, documents, phrases);
  if (!gs) return null;
  const since = regime.unitsSince ? DateTime.fromISO(regime.unitsSince, { zone }).startOf("day").toJSDate() : null;
  return gs.map((g) => {
    const evidence: Evidence[] = [
      { about: "report", source: g.stated.where, value: "report_phrase", matched: g.stated.matched.slice(0, 200) },
      { about: "kind", source: g.stated.where, value: g.stated.kind, matched: g.stated.matched.slice(0, 200) },
    ];
    const kind = g.stated.kind;
    const period = g.stated.year ? periodFromId(kind, g.stated.year, zone) : inferPeriod(regime, kind, facts.receivedAt, zone);
    if (g.stated.year) evidence.push({ about: "period", source: g.stated.where, value: g.stated.year, matched: `năm ${g.stated.year}` });
    const due = period ? deadlinesOf(regime, period, zone).due : facts.receivedAt;
    const era = eraOf(regime, due, since);
    const unit = unitOf(regime, facts, g, era, evidence);
    const periodFactor = g.stated.year ? CONFIDENCE_FACTORS.period.stated : CONFIDENCE_FACTORS.period.inferred;
    const confidence = Math.round(unit.factor * periodFactor * 100) / 100;
    let reason: string | null = null;
    if (!period) reason = REASONS.noPeriod;
    else if (!unit.unit) reason = REASONS.unknownUnit;
    else if (confidence < CONFIDENCE_THRESHOLD) reason = `low_confidence: Độ tin cậy của việc phân loại thấp (${confidence.toFixed(2)}), cần chuyên viên xác nhận`;
    return {
      regime: regime.id,
      unit: unit.unit,
      kind,
      period: period?.id ?? null,
      periodInferred: !g.stated.year,
      confidence: reason ? Math.min(confidence, CONFIDENCE_THRESHOLD - 0.01) : confidence,
      evidence,
      reason,
      documents: g.docs.map((d) => d.source),
      isReport: true,
    };
  });
}
