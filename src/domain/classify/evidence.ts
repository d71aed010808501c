/**
 * Evidence read from a mail's texts (classify.ts "Report evidence", "Unit", "Kind and period"): report and
 * period phrases of the subject, file names, title blocks and body; the regime's section headings found in a
 * document; units named in a text.
 */
import type { Block, Evidence, Outline, SectionDef } from "../model.ts";
import type { MailFacts } from "../message.ts";
import type { Regime } from "../regime.ts";
import { type PeriodMention, findPeriodPhrases } from "./period-phrases.ts";
import { documentTitle, MAX_TABLE_DEPTH } from "../document/index.ts";
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
const ENUMERATION = /^(?:[ivx]+|\d+(?: \d+)*|[a-z])\s+/;

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
