/**
 * Evidence read from a mail's texts (classify.ts "Report evidence", "Unit", "Kind and period"): report and
 * period phrases of the subject, file names, title blocks and body; the regime's section headings found in a
 * document; units named in a text.
 */
import type { Block, Evidence, Outline, SectionDef, SectionReport } from "../model.ts";
import type { MailFacts } from "../message.ts";
import type { Regime } from "../regime.ts";
import { type PeriodMention, findPeriodPhrases } from "./period-phrases.ts";
import { checkSections, documentTitle, headingRank, MAX_TABLE_DEPTH } from "../document/index.ts";
import { fold } from "../text/index.ts";
import { matchUnits } from "./units.ts";

export type Source = Evidence["source"];
export type DocSource = number | "body";

export interface TextFacts {
  source: Source;
  text: string;
  mentions: PeriodMention[];
  /** "báo cáo"/"BC" as written, when the text has it and no non-report opening before it. */
  reportWord: string | null;
  /** A reported-period phrase that counts as report evidence. */
  periodWord: string | null;
}

export interface DocFacts {
  source: DocSource;
  filename: string | null;
  name: TextFacts | null;
  title: TextFacts | null;
  /** The document's first section heading ("I. KẾT QUẢ CÔNG TÁC TUẦN 47"): a place where units write the period. */
  heading: TextFacts | null;
  sections: string[];
  /** Units named in the file name or title block. */
  units: string[];
}

export interface Located {
  m: PeriodMention;
  source: Source;
}

export interface Mail {
  facts: MailFacts;
  subject: TextFacts;
  body: TextFacts;
  zone: string;
}

const REPORT_WORD = /(?:^| )(bao cao|bc)(?= |$)/;
/** Openings of ordinary mail: an invitation, thanks, a notice, a schedule, a request for comments, a question ("Xin hỏi về mẫu báo cáo tuần"). */
const NOT_REPORT =
  /(?:^| )(giay moi|thu moi|kinh moi|moi hop|moi du|cam on|lich cong tac|lich truc|lich hop|thong bao|quyet dinh|to trinh|cong van|gop y|xin y kien|chuc mung|xin hoi|hoi ve)(?= |$)/;

/** Period mentions and report evidence of one text: the subject, the body, a file name or a title block. */
export function textFacts(source: Source, text: string, receivedAt: Date, zone: string): TextFacts {
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

/** A title line is short: a longer line before the first heading is an introduction, not the title. */
const MAX_TITLE_WORDS = 24;

/**
 * Text lines of the document's title block (issue 12 "the report's own period"): the header up to the summary under
 * "BÁO CÁO" when there is one; else the short lines before the first section or numbered heading, at most `max`
 * blocks. The body below is not the title: a weekly report's "tháng 11", "sơ kết", "chuẩn bị giao ban quý IV" or
 * "chương trình công tác tháng 12" name other periods.
 */
export function titleLines(outline: Outline, max = 8, sections: SectionDef[] | SectionReport = []): string[] {
  const title = documentTitle(outline);
  if (title.length > 0) return outline.blocks.slice(0, title[title.length - 1]!.index + 1).flatMap((b) => runsText(b).split("\n")).filter((l) => l.trim() !== "");
  const first = firstSectionIndex(outline, sections);
  const numbered = outline.blocks.findIndex((b) => b.type !== "table" && headingRank(b) !== null);
  const end = Math.min(max, first ?? Infinity, numbered < 0 ? Infinity : numbered);
  return outline.blocks
    .slice(0, end)
    .flatMap((b) => runsText(b).split("\n"))
    .filter((l) => l.trim() !== "" && fold(l).split(" ").length <= MAX_TITLE_WORDS);
}

/** The block index of the first section heading (from a section report already made, or by checking). */
function firstSectionIndex(outline: Outline, sections: SectionDef[] | SectionReport): number | null {
  const report = Array.isArray(sections) ? (sections.length > 0 ? checkSections(outline, sections) : null) : sections;
  const at = (report?.findings ?? []).filter((f) => f.found && f.blockIndex !== null).map((f) => f.blockIndex!);
  return at.length > 0 ? Math.min(...at) : null;
}

/** The first line of the document's first section heading, or null. */
export function firstHeading(outline: Outline, sections: SectionDef[] | SectionReport): string | null {
  const at = firstSectionIndex(outline, sections);
  const block = at === null ? undefined : outline.blocks[at];
  if (!block || block.type === "table") return null;
  return (runsText(block).split("\n")[0] ?? "").trim() || null;
}

/** Ids of the regime's sections whose heading the outline has (the section check's head-phrase matcher). */
export function sectionsPresent(outline: Outline, sections: SectionDef[] | SectionReport): string[] {
  const report = Array.isArray(sections) ? checkSections(outline, sections) : sections;
  return report.findings.filter((f) => f.found).map((f) => f.id);
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

/** The pruned report-period mentions of some texts, each with the source it was read in. */
export function locate(texts: (TextFacts | null)[]): Located[] {
  const all = texts.filter((t): t is TextFacts => t !== null);
  return pruned(all.flatMap((t) => t.mentions)).map((m) => ({ m, source: all.find((t) => t.mentions.includes(m))!.source }));
}

/** One piece of evidence of a classification. */
export function ev(about: Evidence["about"], source: Source, value: string, matched: string): Evidence {
  return { about, source, value, matched };
}

export interface UnitFound {
  unit: string;
  matched: string;
  source: Source;
}

/** The regime's units named in each text, with the source that names them. */
export function unitsIn(texts: (TextFacts | null)[], regime: Regime): UnitFound[] {
  return texts.flatMap((t) => (t ? matchUnits(t.text, regime.units).map((u) => ({ ...u, source: t.source })) : []));
}

/** The unit ids found, each once. */
export const distinct = (xs: UnitFound[]): string[] => [...new Set(xs.map((x) => x.unit))];
