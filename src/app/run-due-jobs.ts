/**
 * Every scheduled job due at `now` and not yet done: reminders, chases, the draft with the laggards summary at the
 * draft time, the daily digest. The daemon's scheduler and `intake remind` call this same function. Each job is
 * recorded under a unique key in the same transaction as its mail, so none is sent twice — across restarts and
 * with two daemons on one database.
 */
import { deadlinesOf, draftTimeOf, formatDeadlineVi } from "../domain/calendar/index.ts";
import type { Period, PeriodKind } from "../domain/model.ts";
import type { DraftRow, SubmissionRow } from "./store.ts";
import { requestTarget } from "./request-targets.ts";
import type { Regime } from "../domain/regime.ts";
import { mailContext, type Deps } from "./context.ts";
import { compileDraft, draftKeys } from "./compile-draft.ts";
import { draftMailKey } from "../domain/draft/index.ts";
import { laggardsValues, summariseLaggards } from "./laggards.ts";
import { buildMail } from "./outgoing.ts";
import { activePeriods, planUnitMail, type PlannedJob } from "./reminders.ts";
import { planDigest } from "./digest.ts";
import { inPeriod, periodKey, periodStatuses } from "../domain/versions/index.ts";

export interface JobDone {
  key: string;
  description: string;
  /** Recorded without being sent: it fell due before the bot went live (issue 9 item 4). */
  skipped?: boolean;
}

async function planRegime(deps: Deps, regime: Regime, now: Date): Promise<PlannedJob[]> {
  const zone = deps.settings.timezone;
  // Issue 13 §3: the periods that can have a job now (the current one, the two before, the next; each open ad-hoc
  // request), then only their submissions and drafts: a tick costs the same in the tenth year as in the first.
  const targets: { regime: Regime; period: Period }[] = [];
  for (const kind of Object.keys(regime.kinds) as PeriodKind[]) {
    for (const period of activePeriods(regime, kind, now, zone)) targets.push({ regime, period });
  }
  // Issue 10 item 4: each ad-hoc request of the regime is a period of its own (requests/requestRegime): reminders
  // before its deadline, one chase after it, its draft, until its window ends.
  for (const request of await deps.store.listRequests({ regime: regime.id })) {
    const target = requestTarget(deps.settings.regimes, request, zone);
    if (!target || now.getTime() >= deadlinesOf(target.regime, target.period, zone).compile.getTime()) continue;
    targets.push(target);
  }
  if (targets.length === 0) return [];
  const rows = await deps.store.listSubmissions({ regime: regime.id, periods: [...new Set(targets.map((t) => t.period.id))] });
  // Drafts are recorded under the period's key ("report-2026" where a plan and a report share a year).
  const drafts = await deps.store.listDrafts({ regime: regime.id, periods: [...new Set(targets.map((t) => periodKey(t.period)))] });
  return targets.flatMap((t) => planPeriod(deps, t.regime, t.period, rows, drafts, now));
}

/** The jobs of one period of a regime due at `now`: reminders or chases, the draft and its updates, the laggards summary. */
function planPeriod(deps: Deps, regime: Regime, period: Period, rows: SubmissionRow[], drafts: DraftRow[], now: Date): PlannedJob[] {
  const zone = deps.settings.timezone;
  const jobs: PlannedJob[] = [];
  jobs.push(...planUnitMail(mailContext(deps), regime, period, rows, now));
  const { compile } = deadlinesOf(regime, period, zone);
  const draftAt = draftTimeOf(regime, period, zone);
  const periodDrafts = drafts.filter((d) => d.period === periodKey(period));
  const hasDraft = periodDrafts.length > 0;
  const complete = periodStatuses(regime, period, rows).every((s) => s.state === "on_time" || s.state === "late");
  const scheduled = now >= draftAt && now < compile;
  const early = regime.draftWhenComplete && complete && now < compile;
  if ((scheduled || early) && !hasDraft) {
    // The scheduled draft is one occurrence per period (its mail's key names its content, see compileDraft).
    // Issue 10: keyed by kind where a plan and a report share the year ("report-2026").
    const key = `draft-at:${regime.id}:${periodKey(period)}`;
    jobs.push({
      key,
      kind: "draft",
      dueAt: scheduled ? draftAt : now,
      description: `Dự thảo ${period.id} (${regime.id}) gửi Chánh Văn phòng, kèm tổng hợp đơn vị chậm, thiếu báo cáo`,
      outbox: [],
      run: (job) => compileDraft(deps, { regime, period: period.id, kind: period.kind, send: true, job }).then((r) => r.draft !== null),
    });
  }
  // Issue 5: a report accepted after the draft was sent produces an updated draft (bản cập nhật), sent
  // before the compile deadline. The key names what it merges, so each change is sent once.
  const lastDraft = periodDrafts[periodDrafts.length - 1];
  if (lastDraft && now < compile) {
    // The update's key is the key of the mail it would send: the same merged content is never sent twice.
    const mailKey = draftMailKey(regime.id, periodKey(period), draftKeys(regime, period, rows.filter((r) => inPeriod(r, period))));
    if (draftMailKey(regime.id, periodKey(period), lastDraft.included) !== mailKey) {
      jobs.push({
        key: mailKey,
        kind: "draft",
        dueAt: now,
        description: `Dự thảo ${period.id} (${regime.id}) bản cập nhật gửi Chánh Văn phòng`,
        outbox: [],
        run: (job) => compileDraft(deps, { regime, period: period.id, kind: period.kind, send: true, job }).then((r) => r.draft !== null),
      });
    }
  }
  // The laggards summary goes at the draft time: in the chief's cover email, and beside it to Lãnh đạo Cục.
  const leaders = deps.settings.office.leadership ?? [];
  if (scheduled && leaders.length > 0) {
    const key = `laggards:${regime.id}:${periodKey(period)}`;
    const summary = summariseLaggards(zone, regime, period, rows, now);
    if (summary.statuses.some((s) => s.state !== "on_time")) {
      const rendered = deps.texts.render("laggards", laggardsValues(zone, regime, [summary], now, leaders.map((l) => l.name).join("; ")));
      const mail = buildMail({
        dedupeKey: key, purpose: "laggards", from: deps.settings.mailFrom, officeAddress: deps.settings.office.address,
        to: leaders.map((l) => l.address), cc: [deps.settings.office.chief.address], subject: rendered.subject, text: rendered.text, date: now,
      });
      jobs.push({
        key, kind: "laggards", dueAt: draftAt, description: `Tổng hợp đơn vị chậm, thiếu báo cáo ${period.id} gửi Lãnh đạo Cục (${formatDeadlineVi(draftAt, zone)})`,
        outbox: [{ dedupeKey: key, purpose: "laggards", mail, rateLimited: false, notBefore: now, regime: regime.id, period: period.id }],
      });
    }
  }
  return jobs;
}

export async function runDueJobs(deps: Deps, opts: { dryRun?: boolean } = {}): Promise<JobDone[]> {
  const now = deps.clock.now();
  const jobs: PlannedJob[] = [];
  for (const regime of deps.settings.regimes) jobs.push(...(await planRegime(deps, regime, now)));
  const digest = await planDigest(deps, now);
  if (digest) jobs.push(digest);

  // Issue 9 item 4: on the first start, what fell due before it (a reminder of last week, the yearly draft of
  // yesterday) is recorded as skipped, never sent; reminders and chases begin with the next due one.
  const goLive = deps.settings.answerSince ?? (await deps.store.goLive(now, { record: !opts.dryRun }));
  const done: JobDone[] = [];
  // One query for every planned key (issue 13 §3: no query per job); a job another daemon records meanwhile is
  // still refused by its unique key when committed.
  const already = await deps.store.jobsDone(jobs.map((j) => j.key));
  for (const job of jobs) {
    if (already.has(job.key)) continue;
    if (job.dueAt.getTime() < goLive.getTime()) {
      const description = `Bỏ qua, không gửi (đến hạn trước khi hệ thống bắt đầu làm việc lúc ${formatDeadlineVi(goLive, deps.settings.timezone)}): ${job.description}`;
      if (!opts.dryRun) {
        const detail = { skipped: "before_go_live", goLive: goLive.toISOString() };
        if (!(await deps.store.commitJob({ key: job.key, kind: job.kind, dueAt: job.dueAt, detail }, []))) continue;
        deps.logger.info({ job: job.key, goLive: goLive.toISOString() }, "scheduled job skipped: due before go-live");
      }
      done.push({ key: job.key, description, skipped: true });
      continue;
    }
    if (opts.dryRun) {
      done.push({ key: job.key, description: job.description });
      continue;
    }
    try {
      if (job.run) {
        // The job is recorded by its own work, in the same transaction (a draft with its email).
        if (!(await job.run({ key: job.key, kind: job.kind, dueAt: job.dueAt, detail: {} }))) continue;
      } else if (!(await deps.store.commitJob({ key: job.key, kind: job.kind, dueAt: job.dueAt, detail: job.detail ?? { recipients: job.outbox.map((o) => o.mail.to) } }, job.outbox))) {
        continue; // another daemon did it first
      }
      done.push({ key: job.key, description: job.description });
      deps.logger.info({ job: job.key }, "scheduled job done");
    } catch (err) {
      // One failing job never stops the others; it is tried again at the next tick.
      deps.logger.error({ err, job: job.key }, "scheduled job failed");
    }
  }
  return done;
}
