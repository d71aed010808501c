/** Row mapping between the Prisma models (JSON kept as text) and the Store port's plain rows. */
import type { Db } from "./database.ts";
import type { DraftRow, MessageRow, OutboxEntry, OutboxRow, SubmissionRecord, SubmissionRow } from "../app/store.ts";
import type { Message, Outbox, Draft, Submission } from "../generated/sqlite/client.ts";

export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export const json = (v: unknown) => JSON.stringify(v ?? null);
export function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (text == null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function toMessageRow(m: Message): MessageRow {
  return {
    id: m.id,
    mailbox: m.mailbox,
    uidValidity: Number(m.uidValidity),
    key: m.key,
    messageId: m.messageId,
    sha256: m.sha256,
    archivePath: m.archivePath,
    receivedAt: m.receivedAt,
    fromAddress: m.fromAddress,
    originalFrom: m.originalFrom,
    subject: m.subject,
    state: m.state as MessageRow["state"],
    reason: m.reason,
    attempts: m.attempts,
    nextAttemptAt: m.nextAttemptAt,
  };
}

export function toSubmissionRow(s: Submission & { message: Message }): SubmissionRow {
  return {
    id: s.id,
    messageRowId: s.messageRowId,
    messageId: s.messageId,
    index: s.index,
    receivedAt: s.receivedAt,
    fromAddress: s.message.fromAddress,
    originalFrom: s.message.originalFrom,
    subject: s.message.subject,
    archivePath: s.message.archivePath,
    processedAt: s.message.processedAt,
    regime: s.regime,
    unit: s.unit,
    kind: s.kind,
    period: s.period,
    deadline: s.deadline,
    onTime: s.onTime,
    lateSeconds: s.lateSeconds,
    status: s.status as SubmissionRow["status"],
    verdict: s.verdict as SubmissionRow["verdict"],
    missingSections: parseJson<string[]>(s.missingSections, []),
    findings: parseJson(s.findings, []),
    verdictDetail: parseJson(s.verdictDetail, {}),
    evidence: parseJson(s.evidence, []),
    confidence: s.confidence,
    attachments: parseJson<string[]>(s.attachments, []),
    outline: parseJson(s.outline, null),
    secret: s.secret,
    reason: s.reason,
    decidedBy: s.decidedBy,
    decidedAt: s.decidedAt,
    decisionNote: s.decisionNote,
  };
}

export function toOutboxRow(o: Outbox): OutboxRow {
  const mail = parseJson<OutboxRow["mail"]>(o.mail, null as never);
  mail.date = new Date(mail.date);
  return {
    id: o.id,
    messageId: o.messageId,
    dedupeKey: o.dedupeKey,
    purpose: o.purpose as OutboxRow["purpose"],
    recipient: o.recipient,
    rateLimited: o.rateLimited,
    mail,
    state: o.state as OutboxRow["state"],
    notBefore: o.notBefore,
    attempts: o.attempts,
    lastError: o.lastError,
    relatedMessageId: o.relatedMessageId,
    regime: o.regime,
    unit: o.unit,
    period: o.period,
    hold: o.state === "held" ? o.lastError : null,
    createdAt: o.createdAt,
    sentAt: o.sentAt,
  };
}

export function toDraftRow(d: Draft): DraftRow {
  return {
    id: d.id,
    regime: d.regime,
    period: d.period,
    version: d.version,
    createdAt: d.createdAt,
    archivePath: d.archivePath,
    sha256: d.sha256,
    included: parseJson(d.included, {}),
    summary: parseJson(d.summary, []),
    emailMessageId: d.emailMessageId,
    reviewState: d.reviewState as DraftRow["reviewState"],
    reviewNote: d.reviewNote,
    reviewedBy: d.reviewedBy,
    reviewedAt: d.reviewedAt,
  };
}

export function submissionData(s: SubmissionRecord) {
  return {
    index: s.index,
    regime: s.regime,
    unit: s.unit,
    kind: s.kind,
    period: s.period,
    deadline: s.deadline,
    onTime: s.onTime,
    lateSeconds: s.lateSeconds,
    status: s.status,
    verdict: s.verdict,
    missingSections: json(s.missingSections),
    findings: json(s.findings),
    verdictDetail: json(s.verdictDetail),
    evidence: json(s.evidence),
    confidence: s.confidence,
    attachments: json(s.attachments),
    outline: s.outline == null ? null : json(s.outline),
    secret: s.secret,
    reason: s.reason,
  };
}

/** Inserts outbox rows whose dedupeKey is new; returns how many were added. */
export async function insertOutbox(tx: Tx, entries: OutboxEntry[]): Promise<number> {
  let added = 0;
  for (const e of entries) {
    const exists = await tx.outbox.findUnique({ where: { dedupeKey: e.dedupeKey }, select: { id: true } });
    if (exists) continue;
    await tx.outbox.create({
      data: {
        messageId: e.mail.messageId,
        dedupeKey: e.dedupeKey,
        purpose: e.purpose,
        recipient: e.mail.to.join(", "),
        rateLimited: e.rateLimited,
        mail: json(e.mail),
        notBefore: e.notBefore,
        // The clock of the use case (INTAKE_NOW in replays), not the database server's.
        createdAt: e.mail.date,
        relatedMessageId: e.relatedMessageId ?? null,
        regime: e.regime ?? null,
        unit: e.unit ?? null,
        period: e.period ?? null,
        // A held reply waits for the officer (regime holdReplies); its explanation shows in `intake outbox`.
        ...(e.hold ? { state: "held", lastError: e.hold } : {}),
      },
    });
    added++;
  }
  return added;
}

export function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: string }).code === "P2002";
}
