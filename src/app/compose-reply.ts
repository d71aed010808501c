/**
 * The reply a judged report calls for (QT.VP.03 §6.2.2): a receipt when Đạt, a Không đạt that says exactly what
 * is missing. Threaded to the unit's mail; to the sender, and the unit's registered addresses when the sender is
 * not one of them.
 */
import type { MailFacts } from "../domain/message.ts";
import { procedureOf, type Regime } from "../domain/regime.ts";
import type { PeriodKind } from "../domain/model.ts";
import { formatDeadlineVi, formatDurationVi, periodFromId, periodLabelVi } from "../domain/calendar/index.ts";
import { sectionsOfKind } from "../domain/registry/index.ts";
import type { MailContext } from "./context.ts";
import { buildMail, replySubject } from "./outgoing.ts";
import type { OutboxEntry, SubmissionRecord } from "./store.ts";

export interface ReplyContext {
  facts: MailFacts;
  /** Where the report really came from: the forwarded original sender, else From. */
  replyTo: string | null;
  record: SubmissionRecord;
  regime: Regime;
  compileDeadline: Date | null;
  /** An earlier Đạt version of the same (unit, period) exists. */
  earlierAccepted: boolean;
  now: Date;
  /** A person's note (review), said in the reply. */
  note?: string | null;
  /** Overrides the default "reply:<Message-ID>:<index>" (a person's later decision is a new mail). */
  dedupeKey?: string;
}

/** The Vietnamese name of a report: "báo cáo tuần 47/2026 (từ 16/11/2026 đến 22/11/2026)". */
export function reportLabel(kind: string, periodId: string, zone: string): string {
  // Issue 10 item 4: an ad-hoc request's answer is named by the request's code ("báo cáo đột xuất YC-2026-001").
  if (kind === "request") return `báo cáo đột xuất ${periodId}`;
  const period = periodFromId(kind as PeriodKind, periodId, zone);
  if (!period) return `báo cáo ${periodId}`;
  // Issue 10: a province's plan is a "kế hoạch", its yearly report a "báo cáo tổng kết".
  const noun = kind === "half" ? "báo cáo sơ kết" : kind === "plan" ? "kế hoạch" : kind === "report" ? "báo cáo tổng kết" : "báo cáo";
  return `${noun} ${periodLabelVi(period, zone)}`;
}

export function composeReply(out: MailContext, ctx: ReplyContext): OutboxEntry | null {
  const { record, regime, facts, now } = ctx;
  const { zone } = out;
  if (!record.unit || !record.kind || !record.period || !record.verdict || !ctx.replyTo) return null;
  // Issue 10: a report about a year before a merger belongs to a former unit (provinces-2013).
  const unit = regime.units.find((u) => u.id === record.unit) ?? regime.formerUnits?.find((u) => u.id === record.unit);
  if (!unit) return null;

  let template: string;
  if (record.verdict === "dat") {
    if (!regime.receipts) return null;
    template = "receipt";
  } else {
    const tooLate = ctx.compileDeadline !== null && now.getTime() >= ctx.compileDeadline.getTime();
    if (tooLate && !regime.oldPeriodReplies) return null;
    template = ctx.earlierAccepted ? "khong_dat_kept" : "khong_dat";
  }

  const due = record.deadline;
  const sections = sectionsOfKind(regime, record.kind as PeriodKind);
  const missing = record.missingSections.map((id) => {
    const s = sections.find((x) => x.id === id);
    return s ? `${s.title}: ${s.description}` : id;
  });
  const detail = (record.verdictDetail ?? {}) as { reasons?: string[]; details?: string[] };
  const problems = (detail.details ?? []).filter((d) => !missing.some((m) => d.includes(m)) && !sections.some((x) => d.includes(x.title)));
  if (ctx.note) problems.push(`Ý kiến của chuyên viên tổng hợp: ${ctx.note}`);
  const skeleton = record.verdict === "khong_dat" ? out.skeletonFor(record.kind) : null;
  const common = {
    unit_name: unit.name,
    report_label: reportLabel(record.kind, record.period, zone),
    procedure: procedureOf(regime),
    received_at: formatDeadlineVi(facts.receivedAt, zone),
    deadline: due ? formatDeadlineVi(due, zone) : "",
  };
  const deadlinePassed = !!due && due.getTime() <= now.getTime();
  const values: Record<string, unknown> =
    template === "receipt"
      ? { ...common, on_time: record.onTime === true, late_by: record.lateSeconds ? formatDurationVi(record.lateSeconds * 1000) : "" }
      : template === "khong_dat"
        ? {
            ...common, missing, problems, deadline_passed: deadlinePassed,
            time_left: due && !deadlinePassed ? formatDurationVi(due.getTime() - now.getTime()) : "",
            skeleton_attached: !!skeleton,
          }
        : { ...common, missing, problems, deadline_passed: deadlinePassed };
  const rendered = out.texts.render(template, values);
  const to = [ctx.replyTo];
  const cc = unit.addresses.includes(ctx.replyTo.toLowerCase()) ? [] : unit.addresses;
  const dedupeKey = ctx.dedupeKey ?? `reply:${facts.messageId}:${record.index}`;
  const mail = buildMail({
    dedupeKey,
    purpose: record.verdict === "dat" ? "receipt" : "khong_dat",
    from: out.mailFrom,
    officeAddress: out.officeAddress,
    to,
    cc,
    subject: replySubject(facts.subject || rendered.subject),
    text: rendered.text,
    date: now,
    inReplyTo: facts.messageId,
    references: [...facts.references, facts.messageId],
    attachments: skeleton ? [skeleton] : [],
  });
  return {
    dedupeKey,
    purpose: record.verdict === "dat" ? "receipt" : "khong_dat",
    mail,
    rateLimited: true,
    notBefore: now,
    relatedMessageId: facts.messageId,
    regime: regime.id,
    unit: unit.id,
    period: record.period,
  };
}
