/**
 * Who is late, Không đạt or missing for a period, with how often each unit was late this year (QT.VP.03 §8
 * risk 1: "báo cáo lãnh đạo Cục nhắc nhở"). Shown by `intake laggards`, sent with the draft at the draft time.
 */
import { DateTime } from "luxon";
import { deadlinesOf, formatDeadlineVi, formatDurationVi, periodsDueBetween } from "../domain/calendar/index.ts";
import type { Period, PeriodKind } from "../domain/model.ts";
import type { Regime } from "../domain/regime.ts";
import type { Deps } from "./context.ts";
import { reportLabel } from "./compose-reply.ts";
import type { RequestStore, SubmissionRow, SubmissionStore } from "./store.ts";
import { periodKey, periodStatuses, type UnitStatus } from "../domain/versions/index.ts";
import { resolvePeriod } from "./request-targets.ts";

export interface LaggardsSummary {
  period: Period;
  statuses: UnitStatus[];
  /**
   * Units late (or never sent, or Không đạt) per period whose deadline passed this year, by unit id — counting
   * only periods due since the first report the intake recorded for the regime: before it there is no record,
   * and "never sent" there would only mean "before the bot was installed".
   */
  lateCounts: Record<string, number>;
}

export function summariseLaggards(zone: string, regime: Regime, period: Period, rows: SubmissionRow[], now: Date): LaggardsSummary {
  const statuses = periodStatuses(regime, period, rows);
  const yearStart = DateTime.fromJSDate(now, { zone }).startOf("year").toJSDate();
  let firstRecord: Date | null = null;
  for (const r of rows) {
    if (r.regime !== regime.id || (r.status !== "accepted" && r.status !== "rejected")) continue;
    if (!firstRecord || r.receivedAt < firstRecord) firstRecord = r.receivedAt;
  }
  const lateCounts: Record<string, number> = {};
  const from = firstRecord && firstRecord > yearStart ? firstRecord : yearStart;
  for (const kind of firstRecord ? (Object.keys(regime.kinds) as PeriodKind[]) : []) {
    for (const p of periodsDueBetween(regime, kind, from, now, zone)) {
      for (const s of periodStatuses(regime, p, rows)) {
        if (s.state !== "on_time") lateCounts[s.unit] = (lateCounts[s.unit] ?? 0) + 1;
      }
    }
  }
  return { period, statuses, lateCounts };
}

/** Values of the `laggards` mail template. */
export function laggardsValues(zone: string, regime: Regime, summaries: LaggardsSummary[], now: Date, recipients: string): Record<string, unknown> {
  const name = (id: string) => regime.units.find((u) => u.id === id)?.name ?? id;
  const lateCounts: Record<string, number> = {};
  for (const s of summaries) for (const [u, n] of Object.entries(s.lateCounts)) lateCounts[u] = Math.max(lateCounts[u] ?? 0, n);
  return {
    recipients,
    period_labels: summaries.map((s) => reportLabel(s.period.kind, s.period.id, zone).replace(/^báo cáo (sơ kết )?/, "")).join("; "),
    year: String(DateTime.fromJSDate(now, { zone }).year),
    periods: summaries.map((s) => {
      const { due } = deadlinesOf(regime, s.period, zone);
      const late = s.statuses.filter((x) => x.state === "late").map((x) => `${x.name}: muộn ${formatDurationVi((x.lateSeconds ?? 0) * 1000)}`);
      const rejected = s.statuses.filter((x) => x.state === "khong_dat").map((x) => x.name);
      const neverSent = s.statuses.filter((x) => x.state === "missing").map((x) => x.name);
      return {
        report_label: reportLabel(s.period.kind, s.period.id, zone),
        deadline: formatDeadlineVi(due, zone),
        late,
        rejected,
        never_sent: neverSent,
        all_on_time: late.length + rejected.length + neverSent.length === 0,
      };
    }),
    late_counts: Object.entries(lateCounts)
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([u, n]) => `${name(u)}: ${n} lần`),
  };
}

/** `intake laggards --regime R --period P`. */
export type LaggardsDeps = Pick<Deps, "settings" | "clock" | "texts"> & { store: Pick<SubmissionStore, "listSubmissions"> & Pick<RequestStore, "listRequests"> };

export async function laggardsReport(deps: LaggardsDeps, base: Regime, periodId: string, kind?: PeriodKind): Promise<{ json: unknown; text: string }> {
  const zone = deps.settings.timezone;
  const { regime, period } = await resolvePeriod(deps, base, periodId, kind);
  const rows = await deps.store.listSubmissions({ regime: regime.id });
  const now = deps.clock.now();
  const summary = summariseLaggards(zone, regime, period, rows, now);
  const rendered = deps.texts.render("laggards", laggardsValues(zone, regime, [summary], now, deps.settings.office.chief.name));
  const json = {
    regime: regime.id,
    period: period.id,
    // The kind only where the period id alone does not say it (a province's plan and report are both "2026"):
    // the QT.VP.03 form stays as it was.
    ...(periodKey(period) !== period.id ? { kind: period.kind } : {}),
    units: summary.statuses.map((s) => ({
      unit: s.unit, name: s.name, state: s.state, lateSeconds: s.state === "late" ? s.lateSeconds : null, versions: s.versions,
      lateThisYear: summary.lateCounts[s.unit] ?? 0,
    })),
  };
  return { json, text: `${rendered.subject}\n\n${rendered.text}` };
}
