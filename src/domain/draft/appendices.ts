/**
 * The parts of the draft that come from the record rather than from the units' text: the III.1 sentence on who
 * reported on time, Phụ lục 01 (difficulties and proposals by unit) and Phụ lục 02 (the submission table).
 */
import { DateTime } from "luxon";
import { deadlinesOf, formatDateVi, formatDeadlineVi, formatDurationVi } from "../calendar/index.ts";
import type { DraftSlots } from "./labels.ts";
import type { DraftAppendix, DraftNode } from "./plan.ts";
import { fillSlots, type DraftSkeleton } from "./skeleton.ts";
import { hasContent, unitPlaceholder, unitSection } from "./unit-content.ts";
import type { Period } from "../model.ts";
import type { UnitReportForDraft } from "./plan.ts";
import type { Regime } from "../regime.ts";

/** Units grouped by how they stand for the record (QT.VP.03 §8 risk 1, §9.1). */
export function recordGroups(units: UnitReportForDraft[]): Record<"onTime" | "late" | "rejected" | "missing" | "secret", UnitReportForDraft[]> {
  return {
    onTime: units.filter((u) => u.state === "accepted" && u.onTime !== false),
    late: units.filter((u) => u.state === "accepted" && u.onTime === false),
    rejected: units.filter((u) => u.state === "rejected"),
    missing: units.filter((u) => u.state === "missing"),
    secret: units.filter((u) => u.state === "secret"),
  };
}

const names = (us: UnitReportForDraft[]) => us.map((u) => u.unit.name).join(", ");

/** III.1: "Tình hình chấp hành chế độ báo cáo tháng 11/2026 của các đơn vị: gửi báo cáo đúng hạn, đạt yêu cầu: …; chưa gửi báo cáo: …." */
export function recordSentence(units: UnitReportForDraft[], sk: DraftSkeleton, slots: DraftSlots): string {
  const g = recordGroups(units);
  const lead = fillSlots(sk.record.lead, slots);
  if (g.onTime.length === units.length) return `${lead}${sk.record.all}.`;
  const parts = (["onTime", "late", "rejected", "missing", "secret"] as const)
    .filter((k) => g[k].length > 0)
    .map((k) => fillSlots(sk.record[k], { ...slots, units: names(g[k]) }));
  return `${lead}${parts.join("; ")}.`;
}

/** A receipt time, short enough for a table cell: "10 giờ 12, 18/11/2026". */
export function formatReceivedVi(d: Date, zone: string): string {
  const t = DateTime.fromJSDate(d, { zone });
  return `${t.hour} giờ ${t.toFormat("mm")}, ${formatDateVi(d, zone)}`;
}

/** Phụ lục 01: each unit's `kho_khan` and `kien_nghi`, or its placeholder. */
export function appendixDifficulties(units: UnitReportForDraft[], sk: DraftSkeleton, slots: DraftSlots): DraftAppendix {
  const a = sk.appendices.difficulties;
  const none: DraftNode = { kind: "paragraph", role: "body", text: a.none };
  const body: DraftNode[] = [];
  units.forEach((u, i) => {
    body.push({ kind: "paragraph", role: "item-heading", text: `${i + 1}. ${u.unit.name}` });
    if (unitPlaceholder(u, sk) !== null) {
      body.push(...unitSection(u, "kho_khan", sk));
      return;
    }
    // One heading opened both sections: the section check gives each the same blocks; show them once.
    if (hasContent(u.sections.kho_khan) && JSON.stringify(u.sections.kho_khan) === JSON.stringify(u.sections.kien_nghi)) {
      body.push({ kind: "paragraph", role: "sub-label", text: a.togetherLabel ?? a.difficultiesLabel });
      body.push(...unitSection(u, "kho_khan", sk, none));
      return;
    }
    body.push({ kind: "paragraph", role: "sub-label", text: a.difficultiesLabel });
    body.push(...unitSection(u, "kho_khan", sk, none));
    body.push({ kind: "paragraph", role: "sub-label", text: a.proposalsLabel });
    body.push(...unitSection(u, "kien_nghi", sk, none));
  });
  return { name: a.name, heading: fillSlots(a.heading, slots), note: fillSlots(sk.appendices.note, slots), body };
}

/** Phụ lục 02: the units' deadline and one row per unit: received, on time or late by how much, verdict, version. */
export function appendixSubmissions(
  units: UnitReportForDraft[],
  regime: Regime,
  period: Period,
  zone: string,
  sk: DraftSkeleton,
  slots: DraftSlots,
): DraftAppendix {
  const a = sk.appendices.submissions;
  const body: DraftNode[] = [];
  if (regime.kinds[period.kind]) {
    const { due } = deadlinesOf(regime, period, zone);
    body.push({ kind: "paragraph", role: "body", text: fillSlots(a.dueLine, { ...slots, due: formatDeadlineVi(due, zone) }) });
  }
  const rows = units.map((u, i) => {
    const received = u.state !== "missing" && u.receivedAt ? formatReceivedVi(u.receivedAt, zone) : a.notReceived;
    // contract.md: timeliness is that of the first Đạt version, so only accepted units have one.
    let timeliness = "";
    if (u.state === "accepted" && u.onTime !== false) timeliness = a.onTime;
    else if (u.state === "accepted") {
      timeliness = u.lateMs !== null && u.lateMs > 0 ? fillSlots(a.late, { duration: formatDurationVi(u.lateMs) }) : fillSlots(a.late, { duration: "" }).trim();
    }
    const version = u.state === "missing" ? "" : String(u.version);
    return [String(i + 1), u.unit.name, received, timeliness, a.verdicts[u.state], version];
  });
  body.push({ kind: "table", header: [...a.columns], rows });
  return { name: a.name, heading: fillSlots(a.heading, slots), note: fillSlots(sk.appendices.note, slots), body };
}
