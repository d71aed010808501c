/**
 * The JSON views of `status`, `outbox` and `drafts` (contract.md; the `submissions` view is submission-view.ts):
 * built here so the CLI only renders them, and so every front end shows the same fields.
 */
import { formatInstant } from "../domain/calendar/index.ts";
import type { Regime } from "../domain/regime.ts";
import type { PeriodKind } from "../domain/model.ts";
import { periodStatuses } from "../domain/versions/index.ts";
import { resolvePeriod } from "./request-targets.ts";
import type { Deps } from "./context.ts";
import { registryRegimes, toSubmissionJson } from "./submission-view.ts";
import type { DraftStore, OutboxStore, RequestStore, SubmissionStore } from "./store.ts";

export type ViewDeps = Pick<Deps, "settings"> & {
  store: Pick<SubmissionStore, "listSubmissions"> & Pick<OutboxStore, "listOutbox"> & Pick<DraftStore, "listDrafts"> & Pick<RequestStore, "listRequests">;
};

/**
 * One line per unit of the regime for a period: on time / late / Không đạt / missing. For the provinces' "2026" the
 * kind (plan or report) is given or asked for: their versions are never mixed (issue 10).
 */
export async function statusView(deps: ViewDeps, base: Regime, periodId: string, kind?: PeriodKind) {
  const zone = deps.settings.timezone;
  // Issue 10 item 4: an ad-hoc request's code gives the units it asked, against its own deadline.
  const { regime, period } = await resolvePeriod(deps, base, periodId, kind);
  const rows = await deps.store.listSubmissions({ regime: regime.id, period: period.id });
  return periodStatuses(regime, period, rows).map((s) => ({
    unit: s.unit,
    name: s.name,
    state: s.state,
    receivedAt: s.receivedAt ? formatInstant(s.receivedAt, zone) : null,
    deadline: s.deadline ? formatInstant(s.deadline, zone) : null,
    lateSeconds: s.lateSeconds,
    versions: s.versions,
    latestVerdict: s.latestVerdict,
    latestMessageId: s.latestMessageId,
  }));
}

/** Every mail of the outbox: waiting, sent, failed, with the reason. */
export async function outboxView(deps: ViewDeps) {
  const zone = deps.settings.timezone;
  return (await deps.store.listOutbox()).map((r) => ({
    // The id `intake outbox --release ID` / `--drop ID` take (issue 11).
    id: r.id,
    messageId: r.messageId,
    purpose: r.purpose,
    to: r.mail.to,
    cc: r.mail.cc,
    subject: r.mail.subject,
    state: r.state,
    notBefore: formatInstant(r.notBefore, zone),
    attempts: r.attempts,
    lastError: r.lastError,
    createdAt: formatInstant(r.createdAt, zone),
    sentAt: r.sentAt ? formatInstant(r.sentAt, zone) : null,
    regime: r.regime,
    unit: r.unit,
    period: r.period,
  }));
}

/** Draft versions with when their email was delivered (the outbox row says; null while it waits) and the review. */
export async function draftsView(deps: ViewDeps) {
  const zone = deps.settings.timezone;
  const sent = new Map((await deps.store.listOutbox()).map((r) => [r.messageId, r]));
  return (await deps.store.listDrafts()).map((d) => {
    const sentAt = d.emailMessageId ? (sent.get(d.emailMessageId)?.sentAt ?? null) : null;
    return {
      regime: d.regime,
      period: d.period,
      version: d.version,
      createdAt: formatInstant(d.createdAt, zone),
      sentAt: sentAt ? formatInstant(sentAt, zone) : null,
      emailMessageId: d.emailMessageId,
      reviewState: d.reviewState,
      reviewNote: d.reviewNote,
      reviewedBy: d.reviewedBy,
      reviewedAt: d.reviewedAt ? formatInstant(d.reviewedAt, zone) : null,
      file: d.archivePath,
    };
  });
}

/** `submissions`: every report and other mail, filtered. */
export async function submissionsView(deps: ViewDeps, filter: { regime?: string; period?: string; unit?: string }) {
  return toSubmissionJson(await deps.store.listSubmissions(filter), deps.settings.timezone, registryRegimes(deps.settings.regimes));
}
