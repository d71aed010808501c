/**
 * Period phrases in subjects, file names, document titles and bodies (domain.md "Vietnamese text"):
 * "tuần 47/2026", "BC T11", "quý IV năm 2026", "6 tháng đầu năm", "tổng kết năm", "tuần từ 16/11 đến 20/11/2026"…
 * Matching runs on folded text (no diacritics, any case, NFC or NFD) that keeps "/" so dates and document
 * symbols can be told apart from periods.
 *
 * Year from context, when the phrase names none (documented choice; the receipt instant is read in `zone`):
 * - month: the year that puts the month within [receipt month − 10, receipt month + 1] — reports are sent in
 *   or just after their month and plans name the next one ("tháng 12" received 03/01/2027 → 2026-12;
 *   "tháng 1" received 31/12/2026 → 2027-01);
 * - quarter: within [receipt quarter − 2, receipt quarter + 1];
 * - half: within [receipt half − 1, receipt half] ("6 tháng cuối năm" received in March → last year's H2);
 * - week: within [receipt week − 45, receipt week + 6] of the ISO week-year;
 * - year: reports about year Y are sent Nov–Dec of Y or early Y+1: received in January or February → the
 *   previous year, otherwise the receipt year.
 */
import { DateTime } from "luxon";
import type { PeriodKind } from "../model.ts";
import { type FoldedText, foldWithOffsets, sourceSpan } from "../text/index.ts";

export type PeriodRole = "report" | "plan";

export interface PeriodMention {
  kind: PeriodKind;
  /** "2026-W47", "2026-11", "2026-Q4", "2026-H1", "2026"; null when only the kind is named ("báo cáo tuần"). */
  id: string | null;
  /** The phrase as written in the text (NFC). */
  matched: string;
  /** "plan" after "nhiệm vụ trọng tâm", "kế hoạch", "phương hướng", "tháng tới", "tiếp theo"… */
  role: PeriodRole;
  /** True when the year was not written and came from the receipt time (see the module comment). */
  yearFromContext: boolean;
  /**
   * True for a bare "năm 2026": it often only dates something else ("Thực hiện Kế hoạch công tác năm 2026, …"),
   * so it names the yearly report only when nothing finer is said.
   */
  bare: boolean;
  /** Index of the phrase in the NFC text, for ordering. */
  at: number;
}

export interface PeriodContext {
  receivedAt: Date;
  zone: string;
}

type Found = { kind: PeriodKind; id: string | null; yearFromContext: boolean; bare?: boolean };
/** What a pattern makes of a match: a mention, "consume" (a date: not a period, but hides its words), or skip. */
type Outcome = Found | "consume" | null;
interface Pass {
  re: RegExp;
  build(m: RegExpExecArray, n: string, ctx: Local): Outcome;
}
interface Local {
  year: number;
  month: number;
  at: DateTime;
}

const B = String.raw`(?<![a-z0-9/])`;
const E = String.raw`(?![a-z0-9])`;
/** "/2026", " 2026", " năm 2026" after a period number. */
const YEAR_TAIL = String.raw`(?:\s*/\s*(20\d{2})|\s+(?:nam\s+)?(20\d{2}))?`;
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

const pad = (n: number): string => String(n).padStart(2, "0");
const yearOf = (m: RegExpExecArray, a: number, b: number): number | null => {
  const y = m[a] ?? m[b];
  return y ? Number(y) : null;
};

/** The year that puts period `index` (1-based, `perYear` per year) within [-back, +ahead] of the receipt's. */
function contextYear(index: number, perYear: number, receiptIndex: number, receiptYear: number, back: number, ahead: number): number {
  for (const y of [receiptYear, receiptYear - 1, receiptYear + 1]) {
    const delta = (y - receiptYear) * perYear + (index - receiptIndex);
    if (delta >= -back && delta <= ahead) return y;
  }
  return receiptYear;
}

function weekId(weekYear: number, week: number, zone: string): string | null {
  const first = DateTime.fromObject({ weekYear, weekNumber: 1, weekday: 1 }, { zone });
  if (!first.isValid || week < 1 || week > first.weeksInWeekYear) return null;
  return `${weekYear}-W${pad(week)}`;
}

function weekFromNumber(week: number, year: number | null, ctx: Local, zone: string): Found | null {
  if (year !== null) {
    const id = weekId(year, week, zone);
    return id ? { kind: "week", id, yearFromContext: false } : null;
  }
  const wy = ctx.at.weekYear;
  for (const y of [wy, wy - 1, wy + 1]) {
    const id = weekId(y, week, zone);
    if (!id) continue;
    const monday = DateTime.fromObject({ weekYear: y, weekNumber: week, weekday: 1 }, { zone });
    const delta = Math.round(monday.diff(ctx.at.startOf("week"), "weeks").weeks);
    if (delta >= -45 && delta <= 6) return { kind: "week", id, yearFromContext: true };
  }
  return null;
}

function validDay(d: number, m: number): boolean {
  return d >= 1 && d <= 31 && m >= 1 && m <= 12;
}

function passes(zone: string): Pass[] {
  return [
    {
      // "tuần từ 16/11 đến 20/11/2026" → the ISO week of the first day
      re: new RegExp(
        String.raw`${B}tuan\s+(?:tu\s+)?(?:ngay\s+)?(\d{1,2})/(\d{1,2})(?:/(20\d{2}))?\s+(?:den\s+)?(?:ngay\s+)?(\d{1,2})/(\d{1,2})(?:/(20\d{2}))?${E}`,
        "g",
      ),
      build(m, _n, ctx) {
        const [sd, sm, ed, em] = [m[1], m[2], m[4], m[5]].map(Number) as [number, number, number, number];
        if (!validDay(sd, sm) || !validDay(ed, em)) return null;
        let year: number;
        let fromContext = false;
        if (m[3]) year = Number(m[3]);
        else if (m[6]) year = sm > em ? Number(m[6]) - 1 : Number(m[6]);
        else {
          year = contextYear(sm, 12, ctx.month, ctx.year, 10, 1);
          fromContext = true;
        }
        const day = DateTime.fromObject({ year, month: sm, day: sd }, { zone });
        if (!day.isValid) return null;
        return { kind: "week", id: `${day.weekYear}-W${pad(day.weekNumber)}`, yearFromContext: fromContext };
      },
    },
    {
      // "tuần 2 tháng 11": a week of a month, not an ISO week number; the kind is all it tells
      re: new RegExp(String.raw`${B}tuan\s+(?:thu\s+)?[1-5]\s+(?:cua\s+)?thang\s+\d{1,2}${YEAR_TAIL}${E}`, "g"),
      build: () => ({ kind: "week", id: null, yearFromContext: false }),
    },
    {
      // dates are not periods: "ngày 20 tháng 11 năm 2026", "12/11/2026", "ngày 12/11"
      re: new RegExp(String.raw`${B}(?:ngay\s+)?(\d{1,2})\s+thang\s+(\d{1,2})(?:\s*(?:nam\s+|/\s*)20\d{2})?${E}`, "g"),
      build: (m) => (validDay(Number(m[1]), Number(m[2])) ? "consume" : null),
    },
    {
      re: new RegExp(String.raw`${B}(?:ngay\s+)?(\d{1,2})/(\d{1,2})(?:/(?:20)?\d{2})?(?![0-9/])`, "g"),
      build: (m) => (validDay(Number(m[1]), Number(m[2])) ? "consume" : null),
    },
    {
      // "sơ kết 6 tháng đầu năm 2026", "6T", "06 tháng", "6 tháng cuối năm", "nửa đầu năm"
      re: new RegExp(
        String.raw`${B}(?:(?:so|tong)\s+ket\s+)?(?:(?:0?6|sau)\s*(?:thang|t)(?:\s+(dau|cuoi)\s+nam)?|nua\s+(dau|cuoi)\s+nam)${YEAR_TAIL}${E}`,
        "g",
      ),
      build(m, _n, ctx) {
        const h = (m[1] ?? m[2]) === "cuoi" ? 2 : 1;
        const y = yearOf(m, 3, 4);
        const year = y ?? contextYear(h, 2, ctx.month <= 6 ? 1 : 2, ctx.year, 1, 0);
        return { kind: "half", id: `${year}-H${h}`, yearFromContext: y === null };
      },
    },
    {
      // "báo cáo 9 tháng", "3 tháng đầu năm 2026": a span of months that is no period of its own (6 is taken above)
      re: new RegExp(String.raw`${B}(?:(?:(?:bao\s+cao|bc|so\s+ket|tong\s+ket)\s+)(?:0?[1-9]|1[0-2])\s*thang(?:\s+(?:dau|cuoi)\s+nam)?|(?:0?[1-9]|1[0-2])\s*thang\s+(?:dau|cuoi)\s+nam)${YEAR_TAIL}${E}`, "g"),
      build: () => "consume",
    },
    {
      // "sơ kết" alone is the 6-month review; "sơ kết 9 tháng", "sơ kết quý" are something else
      re: new RegExp(String.raw`${B}so\s+ket${E}(?!\s+(?:\d|quy|nam|thang|hoi\s+nghi))`, "g"),
      build(_m, _n, ctx) {
        return { kind: "half", id: `${ctx.year}-H1`, yearFromContext: true };
      },
    },
    {
      re: new RegExp(String.raw`${B}quy\s*(iv|iii|ii|i|[1-4])${YEAR_TAIL}${E}`, "g"),
      build: (m, _n, ctx) => quarter(ROMAN[m[1] ?? ""] ?? Number(m[1]), yearOf(m, 2, 3), ctx),
    },
    {
      re: new RegExp(String.raw`${B}q([1-4])${YEAR_TAIL}${E}`, "g"),
      build: (m, _n, ctx) => quarter(Number(m[1]), yearOf(m, 2, 3), ctx),
    },
    {
      re: new RegExp(String.raw`${B}tuan\s*(?:thu\s+)?(\d{1,2})${YEAR_TAIL}${E}`, "g"),
      build: (m, _n, ctx) => weekFromNumber(Number(m[1]), yearOf(m, 2, 3), ctx, zone),
    },
    {
      // "2026-W47"
      re: new RegExp(String.raw`${B}(20\d{2})\s*w(\d{1,2})${E}`, "g"),
      build: (m, _n, ctx) => weekFromNumber(Number(m[2]), Number(m[1]), ctx, zone),
    },
    {
      re: new RegExp(String.raw`${B}thang\s*(\d{1,2})${YEAR_TAIL}${E}`, "g"),
      build: (m, _n, ctx) => month(Number(m[1]), yearOf(m, 2, 3), ctx),
    },
    {
      // "T11", "th11", "T11/2026"; "T2".."T7" next to a date or another "T6" are weekdays (Thứ Hai…)
      re: new RegExp(String.raw`${B}(?:th|t)(\d{1,2})${YEAR_TAIL}${E}`, "g"),
      build(m, n, ctx) {
        const num = Number(m[1]);
        if (m[1]!.length === 1 && num >= 2 && num <= 8 && !m[2] && !m[3]) {
          const after = n.slice(m.index + m[0].length);
          // Only the last few characters can match (folded text has single spaces); testing the whole prefix
          // made a text with many "T5" quadratic.
          const before = (m.index > 12 ? "" : " ") + n.slice(Math.max(0, m.index - 12), m.index);
          if (/^\s+(?:ngay\s+)?\d{1,2}\/\d{1,2}/.test(after) || /^\s+t[2-8](?![a-z0-9])/.test(after)) return null;
          if (/\s(?:t[2-8]|sang|chieu|toi|thu)\s+$/.test(before)) return null;
        }
        return month(num, yearOf(m, 2, 3), ctx);
      },
    },
    {
      // "báo cáo năm", "BC năm 2026", "báo cáo tổng kết năm", "tổng kết năm 2026" ("năm học" is a school year)
      re: new RegExp(
        String.raw`${B}(?:(?:bao\s+cao|bc)(?:\s+(?:tong\s+ket|cong\s+tac|ket\s+qua|thuc\s+hien|nhiem\s+vu))*|tong\s+ket(?:\s+cong\s+tac)?)\s+nam(?!\s+hoc)(?:\s+(20\d{2}))?${E}`,
        "g",
      ),
      build: (m, _n, ctx) => year(m[1] ? Number(m[1]) : null, ctx),
    },
    {
      // "năm 2026", but not "Việt Nam 2026", "Hà Nam", …
      re: new RegExp(String.raw`(?<!(?:viet|ha|quang|mien|phuong|hai)\s)${B}nam\s+(20\d{2})${E}`, "g"),
      build: (m, _n, ctx) => ({ ...year(Number(m[1]), ctx), bare: true }),
    },
    {
      // the kind alone: "Báo cáo tuần", "BC tháng", "báo cáo công tác quý"
      re: new RegExp(String.raw`${B}(?:bao\s+cao|bc)(?:\s+(?:cong\s+tac|ket\s+qua|dinh\s+ky))?\s+(tuan|thang|quy)${E}(?!\s*\d)`, "g"),
      build: (m) => ({ kind: m[1] === "tuan" ? "week" : m[1] === "thang" ? "month" : "quarter", id: null, yearFromContext: false }),
    },
  ];
}

function month(num: number, y: number | null, ctx: Local): Found | null {
  if (num < 1 || num > 12) return null;
  const year = y ?? contextYear(num, 12, ctx.month, ctx.year, 10, 1);
  return { kind: "month", id: `${year}-${pad(num)}`, yearFromContext: y === null };
}

function quarter(q: number, y: number | null, ctx: Local): Found | null {
  if (!(q >= 1 && q <= 4)) return null;
  const year = y ?? contextYear(q, 4, Math.ceil(ctx.month / 3), ctx.year, 2, 1);
  return { kind: "quarter", id: `${year}-Q${q}`, yearFromContext: y === null };
}

function year(y: number | null, ctx: Local): Found {
  const value = y ?? (ctx.month <= 2 ? ctx.year - 1 : ctx.year);
  return { kind: "year", id: String(value), yearFromContext: y === null };
}

/** Words before a mention that make it the plan, not the period reported on. */
const PLAN_CUE =
  /(?:nhiem\s+vu\s+trong\s+tam|phuong\s+huong|du\s+kien|ke\s+hoach(?!\s+so)|chuong\s+trinh(?:\s+cong\s+tac|\s+hoat\s+dong)?\s*$|lich\s+cong\s+tac\s*$|dinh\s+huong|giai\s+phap(?:\s+trong\s+tam)?\s*$|trien\s+khai\s+nhiem\s+vu\s*$|(?<![a-z0-9/])kh(?:\s+cong\s+tac)?\s*$|(?:tuan|thang|quy|nam|ky|thoi\s+gian)\s+(?:toi|tiep\s+theo|sau)(?![a-z0-9])|(?<!(?:thuc\s+hien|ket\s+qua|trien\s+khai|tinh\s+hinh)\s)nhiem\s+vu(?:\s+cong\s+tac)?\s*$)/;
/** "kết quả thực hiện kế hoạch tháng 11" reports on month 11. */
const DONE_CUE = /(?:thuc\s+hien|ket\s+qua|danh\s+gia|tinh\s+hinh)\s+(?:cac\s+)?(?:ke\s+hoach|nhiem\s+vu|chuong\s+trinh|lich)(?:\s+cong\s+tac|\s+hoat\s+dong)?\s*$/;

function roleOf(window: string): PeriodRole {
  if (DONE_CUE.test(window)) return "report";
  return PLAN_CUE.test(window) ? "plan" : "report";
}

/**
 * Finds the period phrases of a text, in order. `ctx.receivedAt` (read in `ctx.zone`) supplies years the text
 * leaves out. Dates ("ngày 12/11/2026"), document symbols ("Kế hoạch số 15/KH-TTĐN", "Thông tư 22/2016"),
 * "năm học" and phone numbers are not periods.
 */
export function findPeriodPhrases(text: string, ctx: PeriodContext): PeriodMention[] {
  const f: FoldedText = foldWithOffsets(text, "/");
  const n = f.folded;
  const at = DateTime.fromJSDate(ctx.receivedAt, { zone: ctx.zone });
  const local: Local = { year: at.year, month: at.month, at };
  const taken = new Uint8Array(n.length);
  const found: { from: number; to: number; v: Found }[] = [];
  for (const pass of passes(ctx.zone)) {
    pass.re.lastIndex = 0;
    for (let m = pass.re.exec(n); m; m = pass.re.exec(n)) {
      const from = m.index;
      const to = from + m[0].length;
      if (to === from) {
        pass.re.lastIndex++;
        continue;
      }
      if (taken.subarray(from, to).some((x) => x === 1)) continue;
      const outcome = pass.build(m, n, local);
      if (outcome === null) continue;
      taken.fill(1, from, to);
      if (outcome !== "consume") found.push({ from, to, v: outcome });
    }
  }
  found.sort((a, b) => a.from - b.from);
  let prevEnd = 0;
  return found.map(({ from, to, v }) => {
    const window = n.slice(Math.max(prevEnd, from - 60), from);
    prevEnd = to;
    return {
      kind: v.kind,
      id: v.id,
      matched: sourceSpan(f, from, to),
      role: roleOf(window),
      yearFromContext: v.yearFromContext,
      bare: v.bare ?? false,
      at: f.start[from] ?? 0,
    };
  });
}
