/** The Store port on Prisma (SQLite or PostgreSQL through the same models). JSON columns are text. */
import type { Db } from "./database.ts";
import type {
  DraftRow,
  MessageRow,
  OutboxEntry,
  OutboxRow,
  Store,
  SubmissionFilter,
  SubmissionRecord,
  SubmissionRow,
} from "../app/store.ts";
import type { Message, Outbox, Draft, Submission } from "../generated/sqlite/client.ts";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const json = (v: unknown) => JSON.stringify(v ?? null);
function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (text == null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

function toMessageRow(m: Message): MessageRow {
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

function toSubmissionRow(s: Submission & { message: Message }): SubmissionRow {
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

function toOutboxRow(o: Outbox): OutboxRow {
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
    createdAt: o.createdAt,
    sentAt: o.sentAt,
  };
}

function toDraftRow(d: Draft): DraftRow {
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
    sentAt: d.sentAt,
    reviewState: d.reviewState as DraftRow["reviewState"],
    reviewNote: d.reviewNote,
    reviewedBy: d.reviewedBy,
    reviewedAt: d.reviewedAt,
  };
}

function submissionData(s: SubmissionRecord) {
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
async function insertOutbox(tx: Tx, entries: OutboxEntry[]): Promise<number> {
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
      },
    });
    added++;
  }
  return added;
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: string }).code === "P2002";
}

export function createPrismaStore(db: Db): Store {
  return {
    async findMessage(mailbox, uidValidity, key) {
      const m = await db.message.findUnique({ where: { mailbox_uidValidity_key: { mailbox, uidValidity: BigInt(uidValidity), key } } });
      return m ? toMessageRow(m) : null;
    },

    async settledKeys(mailbox, uidValidity, now) {
      const rows = await db.message.findMany({
        where: {
          mailbox,
          uidValidity: BigInt(uidValidity),
          OR: [
            { state: { in: ["processed", "ignored"] } },
            { state: "failed", OR: [{ nextAttemptAt: { gt: now } }, { nextAttemptAt: null }] },
          ],
        },
        select: { key: true },
      });
      return new Set(rows.map((r) => r.key));
    },

    async recordReceived(row) {
      const where = { mailbox_uidValidity_key: { mailbox: row.mailbox, uidValidity: BigInt(row.uidValidity), key: row.key } };
      const existing = await db.message.findUnique({ where });
      if (existing) return toMessageRow(existing);
      try {
        const m = await db.message.create({
          data: {
            mailbox: row.mailbox,
            uidValidity: BigInt(row.uidValidity),
            uid: BigInt(/^\d+$/.test(row.key) ? row.key : "0"),
            key: row.key,
            messageId: row.messageId,
            sha256: row.sha256,
            archivePath: row.archivePath,
            receivedAt: row.receivedAt,
            fromAddress: row.fromAddress,
            originalFrom: row.originalFrom,
            subject: row.subject,
          },
        });
        return toMessageRow(m);
      } catch (err) {
        // Two daemons on one database: the other one recorded it first.
        if (!isUniqueViolation(err)) throw err;
        return toMessageRow(await db.message.findUniqueOrThrow({ where }));
      }
    },

    async findSettledDuplicate(messageId, sha256, exceptId) {
      const m = await db.message.findFirst({
        where: { messageId, sha256, id: { not: exceptId }, state: { in: ["processed", "ignored"] } },
      });
      return m ? toMessageRow(m) : null;
    },

    async commitIngest(input) {
      await db.$transaction(async (tx) => {
        await tx.message.update({
          where: { id: input.messageRowId },
          data: {
            state: input.state,
            reason: input.reason,
            originalFrom: input.originalFrom,
            fromAddress: input.fromAddress,
            subject: input.subject,
            messageId: input.messageId,
            attachments: json(input.attachments),
            processedAt: input.now,
            nextAttemptAt: null,
          },
        });
        const msg = await tx.message.findUniqueOrThrow({ where: { id: input.messageRowId } });
        await tx.submission.deleteMany({ where: { messageRowId: input.messageRowId } });
        for (const s of input.submissions) {
          await tx.submission.create({
            data: { ...submissionData(s), messageRowId: input.messageRowId, messageId: input.messageId, receivedAt: msg.receivedAt },
          });
        }
        await insertOutbox(tx, input.outbox);
      });
    },

    async recordFailure(messageRowId, reason, retryAt, now) {
      await db.$transaction(async (tx) => {
        const msg = await tx.message.update({
          where: { id: messageRowId },
          data: { state: "failed", reason, attempts: { increment: 1 }, nextAttemptAt: retryAt, processedAt: now },
        });
        await tx.submission.deleteMany({ where: { messageRowId } });
        await tx.submission.create({
          data: {
            messageRowId,
            messageId: msg.messageId,
            receivedAt: msg.receivedAt,
            status: "failed",
            reason,
          },
        });
      });
    },

    async listSubmissions(filter: SubmissionFilter = {}) {
      const rows = await db.submission.findMany({
        where: {
          ...(filter.regime ? { regime: filter.regime } : {}),
          ...(filter.period ? { period: filter.period } : {}),
          ...(filter.unit ? { unit: filter.unit } : {}),
          ...(filter.messageId ? { messageId: filter.messageId } : {}),
        },
        include: { message: true },
        orderBy: [{ receivedAt: "asc" }, { messageRowId: "asc" }, { index: "asc" }],
      });
      return rows.map(toSubmissionRow);
    },

    async getSubmission(id) {
      const s = await db.submission.findUnique({ where: { id }, include: { message: true } });
      return s ? toSubmissionRow(s) : null;
    },

    async updateSubmission(id, patch, outbox, action) {
      await db.$transaction(async (tx) => {
        const current = await tx.submission.findUniqueOrThrow({ where: { id }, include: { message: true } });
        const merged = { ...toSubmissionRow(current), ...patch };
        await tx.submission.update({
          where: { id },
          data: {
            ...submissionData(merged),
            decidedBy: patch.decidedBy ?? current.decidedBy,
            decidedAt: patch.decidedAt ?? current.decidedAt,
            decisionNote: patch.decisionNote !== undefined ? patch.decisionNote : current.decisionNote,
          },
        });
        await tx.action.create({ data: { kind: action.kind, messageId: current.messageId, by: action.by, at: action.at, detail: json(action.detail) } });
        await insertOutbox(tx, outbox);
      });
    },

    async enqueue(entries) {
      return db.$transaction((tx) => insertOutbox(tx, entries));
    },

    async dueOutbox(now, limit) {
      const rows = await db.outbox.findMany({
        where: { state: "pending", notBefore: { lte: now } },
        orderBy: [{ notBefore: "asc" }, { id: "asc" }],
        take: limit,
      });
      return rows.map(toOutboxRow);
    },

    async claimOutbox(id, now) {
      const r = await db.outbox.updateMany({ where: { id, state: "pending" }, data: { state: "sending", attempts: { increment: 1 }, notBefore: now } });
      return r.count === 1;
    },

    async markSent(id, now) {
      await db.outbox.update({ where: { id }, data: { state: "sent", sentAt: now, lastError: null } });
    },

    async markRetry(id, error, retryAt) {
      await db.outbox.update({ where: { id }, data: { state: "pending", lastError: error, notBefore: retryAt } });
    },

    async markFailed(id, error) {
      await db.outbox.update({ where: { id }, data: { state: "failed", lastError: error } });
    },

    async releaseStale(before) {
      const r = await db.outbox.updateMany({ where: { state: "sending", notBefore: { lt: before } }, data: { state: "pending" } });
      return r.count;
    },

    async countRateLimitedSent(recipient, since) {
      const rows = await db.outbox.findMany({
        where: { recipient, rateLimited: true, state: "sent", sentAt: { gte: since } },
        select: { sentAt: true },
        orderBy: { sentAt: "asc" },
      });
      return { count: rows.length, oldest: rows[0]?.sentAt ?? null };
    },

    async listOutbox(opts = {}) {
      const rows = await db.outbox.findMany({
        where: opts.states ? { state: { in: opts.states } } : {},
        orderBy: { id: "asc" },
      });
      return rows.map(toOutboxRow);
    },

    async outboxExists(dedupeKey) {
      return (await db.outbox.count({ where: { dedupeKey } })) > 0;
    },

    async jobDone(key) {
      return (await db.jobRun.count({ where: { key } })) > 0;
    },

    async commitJob(job, outbox) {
      try {
        await db.$transaction(async (tx) => {
          await tx.jobRun.create({ data: { key: job.key, kind: job.kind, dueAt: job.dueAt, detail: json(job.detail) } });
          await insertOutbox(tx, outbox);
        });
        return true;
      } catch (err) {
        if (isUniqueViolation(err)) return false;
        throw err;
      }
    },

    async listDrafts(filter = {}) {
      const rows = await db.draft.findMany({
        where: { ...(filter.regime ? { regime: filter.regime } : {}), ...(filter.period ? { period: filter.period } : {}) },
        orderBy: [{ regime: "asc" }, { period: "asc" }, { version: "asc" }],
      });
      return rows.map(toDraftRow);
    },

    async commitDraft(draft, outbox) {
      return db.$transaction(async (tx) => {
        const d = await tx.draft.create({
          data: {
            regime: draft.regime,
            period: draft.period,
            version: draft.version,
            archivePath: draft.archivePath,
            sha256: draft.sha256,
            included: json(draft.included),
            summary: json(draft.summary),
            emailMessageId: draft.emailMessageId,
          },
        });
        await insertOutbox(tx, outbox);
        return toDraftRow(d);
      });
    },

    async findDraftByEmail(messageIds) {
      if (messageIds.length === 0) return null;
      const d = await db.draft.findFirst({ where: { emailMessageId: { in: messageIds } }, orderBy: { version: "desc" } });
      return d ? toDraftRow(d) : null;
    },

    async reviewDraft(id, review, outbox) {
      await db.$transaction(async (tx) => {
        await tx.draft.update({
          where: { id },
          data: { reviewState: review.state, reviewNote: review.note, reviewedBy: review.by, reviewedAt: review.at },
        });
        const d = await tx.draft.findUniqueOrThrow({ where: { id } });
        await tx.action.create({
          data: { kind: "draft_review", messageId: d.emailMessageId ?? "", by: review.by, at: review.at, detail: json({ draft: id, state: review.state }) },
        });
        await insertOutbox(tx, outbox);
      });
    },

    async close() {
      await db.$disconnect();
    },
  };
}
