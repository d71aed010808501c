/**
 * How a period named in a heading relates to the report's own period (issue 12: "Kế hoạch/Nhiệm vụ + a period":
 * a later period than the report's is the plan, the report's own period is the results). Given to the section
 * check (document/head-phrases.ts) by the caller that knows the report's period.
 */
import { periodFromId } from "../calendar/index.ts";
import type { PeriodRelation } from "../document/index.ts";
import type { PeriodKind } from "../model.ts";
import { findPeriodPhrases } from "./period-phrases.ts";

/** A reader of headings for the report (kind, id) received at `receivedAt`; null relation when a heading names no period. */
export function periodRelation(kind: PeriodKind, id: string, receivedAt: Date, zone: string): (text: string) => PeriodRelation {
  const own = periodFromId(kind, id, zone);
  return (text) => {
    if (!own) return null;
    const m = findPeriodPhrases(text, { receivedAt, zone }).find((x) => x.id !== null);
    if (!m || !m.id) return null;
    // A heading's period without a year is read next to the report's, not the receipt's: "6 tháng cuối năm" in a
    // June report is this year's second half, "tháng 1" in a December report next January.
    let mid = m.id;
    if (m.yearFromContext && m.kind !== "year") {
      const ownYear = Number(own.id.slice(0, 4));
      const at = (y: number): string => `${y}${m.id!.slice(4)}`;
      mid = m.kind === kind && at(ownYear) < id ? at(ownYear + 1) : at(ownYear);
    }
    if (m.kind === kind) return mid === id ? "own" : mid > id ? "later" : "earlier";
    const p = periodFromId(m.kind, mid, zone);
    if (!p) return null;
    if (p.start.getTime() >= own.end.getTime()) return "later";
    if (p.end.getTime() <= own.start.getTime()) return "earlier";
    // A longer period around the report's ("năm 2026" in a November report) is its own; one inside it ("tháng 12"
    // in a fourth-quarter report) tells nothing.
    return p.start.getTime() <= own.start.getTime() && p.end.getTime() >= own.end.getTime() ? "own" : null;
  };
}
