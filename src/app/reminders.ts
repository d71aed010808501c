/**
 * Reminders before each deadline and chases (đôn đốc) after it, to each unit with no accepted report for the
 * period (QT.VP.03 §8 risk 1). Only the latest occurrence that is due is sent — a daemon that was down never sends
 * a stale one: a reminder whose deadline has passed gives way to the chase.
 */
import { chaseTimes, deadlinesOf, formatDeadlineVi, formatDurationVi, periodContaining, nextPeriod, nextOfficeTime, previousPeriod, isReportingPeriod, reminderTimes } from "../domain/calendar/index.ts";
import type { Period, PeriodKind } from "../domain/model.ts";
import { procedureOf, type Regime } from "../domain/regime.ts";
import type { MailContext } from "./context.ts";
import { reportLabel } from "./compose-reply.ts";
import { buildMail } from "./outgoing.ts";
import type { JobRecord, OutboxEntry, SubmissionRow } from "./store.ts";
import { periodKey, periodStatuses } from "../domain/versions/index.ts";

export interface PlannedJob {
  key: string;
  kind: "reminder" | "chase" | "laggards" | "draft" | "digest";
  dueAt: Date;
  description: string;
  outbox: OutboxEntry[];
  /** What is recorded with the job (default: its recipients); the digest keeps its numbering here (issue 11). */
  detail?: unknown;
  /**
   * Work that records the job itself, in the transaction of what it produces (a draft with its email); resolves
   * false when another process recorded the job first.
   */
  run?: (job: JobRecord) => Promise<boolean>;
}

/** Reporting periods of a kind whose reminder-to-compile window may contain `now`. */
export function activePeriods(regime: Regime, kind: PeriodKind, now: Date, zone: string): Period[] {
  const here = periodContaining(kind, now, zone);
  const around = [previousPeriod(previousPeriod(here, zone), zone), previousPeriod(here, zone), here, nextPeriod(here, zone)];
  return around.filter((p) => isReportingPeriod(regime, p));
}

function latestAtOrBefore<T extends { at: Date }>(items: T[], now: Date): T | null {
  let best: T | null = null;
  for (const i of items) if (i.at.getTime() <= now.getTime() && (!best || i.at > best.at)) best = i;
  return best;
}

/** Reminder and chase jobs due at `now` for one period. A unit with no address cannot be reminded (start-up warns). */
export function planUnitMail(mail: MailContext, regime: Regime, period: Period, rows: SubmissionRow[], now: Date): PlannedJob[] {
  const { zone } = mail;
  const { due, compile } = deadlinesOf(regime, period, zone);
  if (now.getTime() >= compile.getTime()) return [];
  // contract.md "Sending": mail to units goes out in office hours; outside them the job waits for the next
  // opening, when it is planned again against what the unit has sent by then.
  if (nextOfficeTime(regime, now, zone).getTime() !== now.getTime()) return [];
  const statuses = periodStatuses(regime, period, rows);
  const waiting = statuses.filter((s) => s.state === "missing" || s.state === "khong_dat");
  if (waiting.length === 0) return [];

  let occurrence: { kind: "reminder" | "chase"; at: Date; tag: string } | null = null;
  if (now.getTime() < due.getTime()) {
    const r = latestAtOrBefore(reminderTimes(regime, period, zone), now);
    if (r) occurrence = { kind: "reminder", at: r.at, tag: r.offset };
  } else {
    const c = latestAtOrBefore(chaseTimes(regime, period, zone).map((at) => ({ at })), now);
    if (c) occurrence = { kind: "chase", at: c.at, tag: c.at.toISOString() };
  }
  if (!occurrence) return [];

  const jobs: PlannedJob[] = [];
  for (const st of waiting) {
    const unit = regime.units.find((u) => u.id === st.unit)!;
    // Issue 10: a province's plan and report share the period id "2026"; their jobs must not share a key.
    const key = `${occurrence.kind}:${regime.id}:${periodKey(period)}:${unit.id}:${occurrence.tag}`;
    const label = reportLabel(period.kind, period.id, zone);
    if (unit.addresses.length === 0) continue;
    const rejected = rows
      .filter((s) => s.regime === regime.id && s.unit === unit.id && s.period === period.id && (s.kind ?? period.kind) === period.kind && s.status === "rejected")
      .sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime())[0];
    const base = {
      unit_name: unit.name,
      report_label: label,
      procedure: procedureOf(regime),
      deadline: formatDeadlineVi(due, zone),
      office_address: mail.officeAddress,
      rejected_before: !!rejected,
      rejected_at: rejected ? formatDeadlineVi(rejected.receivedAt, zone) : "",
    };
    const skeleton = occurrence.kind === "reminder" ? mail.skeletonFor(period.kind) : null;
    const rendered =
      occurrence.kind === "reminder"
        ? mail.texts.render("reminder", { ...base, time_left: formatDurationVi(due.getTime() - now.getTime()), skeleton_attached: !!skeleton, skeleton_file: skeleton?.filename ?? "" })
        : mail.texts.render("chase", { ...base, overdue_by: formatDurationVi(Math.max(60_000, now.getTime() - due.getTime())), compile_deadline: formatDeadlineVi(compile, zone) });
    const outgoing = buildMail({
      dedupeKey: key, purpose: occurrence.kind, from: mail.mailFrom, officeAddress: mail.officeAddress,
      to: unit.addresses, subject: rendered.subject, text: rendered.text, date: now, attachments: skeleton ? [skeleton] : [],
    });
    jobs.push({
      key,
      kind: occurrence.kind,
      dueAt: occurrence.at,
      description: `${occurrence.kind === "reminder" ? "Nhắc" : "Đôn đốc"} ${unit.name}: ${label} → ${unit.addresses.join(", ")}`,
      outbox: [{ dedupeKey: key, purpose: occurrence.kind, mail: outgoing, rateLimited: false, notBefore: now, regime: regime.id, unit: unit.id, period: period.id }],
    });
  }
  return jobs;
}
