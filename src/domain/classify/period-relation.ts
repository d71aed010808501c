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
    if (m.kind === kind) return m.id === id ? "own" : m.id > id ? "later" : "earlier";
    const p = periodFromId(m.kind, m.id, zone);
    if (!p) return null;
    if (p.start.getTime() >= own.end.getTime()) return "later";
    if (p.end.getTime() <= own.start.getTime()) return "earlier";
    // A longer period around the report's ("năm 2026" in a November report) or one inside it.
    return "own";
  };
}
