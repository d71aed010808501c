/**
 * Vietnamese labels of periods as the draft writes them ("tuần 47/2026", "quý IV/2026", "6 tháng đầu năm 2026"),
 * from the skeleton's per-kind patterns. Only reads the period id; calendar arithmetic stays in calendar.ts.
 */
import { fillSlots, type DraftSkeleton } from "./skeleton.ts";
import type { Period, PeriodKind } from "../model.ts";

const ROMAN = ["I", "II", "III", "IV"] as const;

/** The five kinds the skeleton has patterns for; province and ad-hoc kinds are labelled as years. */
export type DraftKind = "week" | "month" | "quarter" | "half" | "year";

/** The skeleton kind used for a period kind. */
export function draftKind(kind: PeriodKind): DraftKind {
  return kind === "week" || kind === "month" || kind === "quarter" || kind === "half" ? kind : "year";
}

interface PeriodParts {
  year: number;
  /** Week, month, quarter or half number; 0 for a year. */
  n: number;
}

/** Reads the numbers out of a period id ("2026-W47", "2026-11", "2026-Q4", "2026-H1", "2026"); null if malformed. */
export function periodParts(id: string): PeriodParts | null {
  const m = /^(\d{4})(?:-(W|Q|H)?(\d{1,2}))?$/.exec(id.trim());
  if (!m) return null;
  return { year: Number(m[1]), n: m[3] ? Number(m[3]) : 0 };
}

/** "tuần 47/2026", "tháng 11/2026", "quý IV/2026", "6 tháng đầu năm 2026", "năm 2026" (skeleton patterns). */
export function periodLabel(p: Period, skeleton: DraftSkeleton): string {
  const parts = periodParts(p.id);
  if (!parts) return p.id;
  const { year, n } = parts;
  const nn = String(n).padStart(2, "0");
  // Nghị định 30/2020 Phụ lục I: months 1 and 2 take a leading zero in dates.
  const values = { year, n, nn, mm: n <= 2 ? nn : String(n), roman: ROMAN[n - 1] ?? String(n) };
  const labels = skeleton.periodLabels;
  switch (draftKind(p.kind)) {
    case "week":
      return fillSlots(labels.week, values);
    case "month":
      return fillSlots(labels.month, values);
    case "quarter":
      return fillSlots(labels.quarter, values);
    case "half":
      return fillSlots(n === 2 ? labels.halfSecond : labels.halfFirst, values);
    case "year":
      return fillSlots(labels.year, values);
  }
}

/** Capitals for headings; the Vietnamese locale keeps every diacritic ("tháng" → "THÁNG", "đầu" → "ĐẦU"). */
export function upperVi(text: string): string {
  return text.toLocaleUpperCase("vi");
}

/** Slot values shared by every text of one draft. */
export interface DraftSlots extends Record<string, string | number> {
  year: number;
  period: string;
  PERIOD: string;
  next: string;
  NEXT: string;
  report: string;
}

/**
 * Slot values for a draft: the labels of the period and of the next one, the report's name, and `year` = the
 * local year of `draftYear` (the year the draft is made, for the place-date line).
 */
export function draftSlots(period: Period, next: Period, skeleton: DraftSkeleton, draftYear: number): DraftSlots {
  if (period.kind === "request") {
    // Issue 10 item 4: an ad-hoc request is named by its code and what it asks, not by a calendar period.
    // The skeleton's headings read "… TRONG {PERIOD}": "trong đợt báo cáo đột xuất YC-2026-001", not "trong đột xuất".
    const label = `đợt báo cáo đột xuất ${period.id}`;
    const name = `đột xuất ${period.id}`;
    const about = requestAbout(period.title ?? "");
    const plan = "thời gian tới";
    return { year: draftYear, period: label, PERIOD: upperVi(label), next: plan, NEXT: upperVi(plan), report: about ? `${name} về ${about}` : name };
  }
  const label = periodLabel(period, skeleton);
  const nextLabel = periodLabel(next, skeleton);
  const base = { year: draftYear, period: label, PERIOD: upperVi(label), next: nextLabel, NEXT: upperVi(nextLabel) };
  return { ...base, report: fillSlots(skeleton.reportNames[draftKind(period.kind)], base) };
}

/** The trích yếu of the draft: "Công tác tháng 11/2026 và nhiệm vụ trọng tâm tháng 12/2026". */
export function draftTitle(period: Period, slots: DraftSlots, skeleton: DraftSkeleton): string {
  if (period.kind === "request") {
    const about = requestAbout(period.title ?? "");
    return about ? about.charAt(0).toLocaleUpperCase("vi") + about.slice(1) : `Báo cáo đột xuất ${period.id}`;
  }
  return fillSlots(skeleton.titles[draftKind(period.kind)], slots);
}

/**
 * What a request asks, as it follows "báo cáo … về": its title without a leading "Báo cáo" (the document is already
 * a BÁO CÁO), its first word in lower case unless it is a name ("Báo cáo kết quả tuyên truyền…" → "kết quả tuyên
 * truyền…"; "Tình hình…" → "tình hình…"; "Hội nghị APEC…" stays as written after its first letter).
 */
export function requestAbout(title: string): string {
  const rest = title.trim().replace(/^(?:báo cáo|bc)\s*(?:[:\-–]\s*)?/iu, "").replace(/[.;\s]+$/u, "").trim();
  if (!rest) return "";
  const [first = ""] = rest.split(/\s+/u);
  const isName = first.length > 1 && first.slice(1) !== first.slice(1).toLocaleLowerCase("vi");
  return isName ? rest : rest.charAt(0).toLocaleLowerCase("vi") + rest.slice(1);
}
