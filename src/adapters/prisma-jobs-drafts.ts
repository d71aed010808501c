/** Scheduled-job records and draft versions on Prisma: each written once, with its mail, in one transaction. */
import type { Db } from "./database.ts";
import type { DraftStore, JobRecord, JobStore } from "../app/store.ts";
import type { Tx } from "./prisma-rows.ts";
import { insertOutbox, isUniqueViolation, json, toDraftRow } from "./prisma-rows.ts";

/** The job row holding the go-live instant (JobStore.goLive). */
const GO_LIVE = "go-live";

const createJob = (tx: Tx, job: JobRecord) => tx.jobRun.create({ data: { key: job.key, kind: job.kind, dueAt: job.dueAt, detail: json(job.detail) } });

export function jobAndDraftMethods(db: Db): JobStore & DraftStore {
  // The go-live instant never changes once recorded: read once a process, not once a message (issue 13 §3).
  let goLiveAt: Date | null = null;
  return {
    async jobDone(key) {
      return (await db.jobRun.count({ where: { key } })) > 0;
    },

    async lastJobDue(kind, before) {
      const last = await db.jobRun.findFirst({ where: { kind, dueAt: { lt: before } }, orderBy: { dueAt: "desc" }, select: { dueAt: true } });
      return last?.dueAt ?? null;
    },

    async jobsDone(keys) {
      const done = new Set<string>();
      // JobRun.key is unique (indexed); chunks keep each IN list well under the drivers' parameter limits.
      for (let i = 0; i < keys.length; i += 500) {
        for (const r of await db.jobRun.findMany({ where: { key: { in: keys.slice(i, i + 500) } }, select: { key: true } })) done.add(r.key);
      }
      return done;
    },

    async commitJob(job, outbox) {
      try {
        await db.$transaction(async (tx) => {
          await createJob(tx, job);
          await insertOutbox(tx, outbox);
        });
        return true;
      } catch (err) {
        if (isUniqueViolation(err)) return false;
        throw err;
      }
    },

    async goLive(now, opts = {}) {
      if (goLiveAt) return goLiveAt;
      const recorded = await db.jobRun.findUnique({ where: { key: GO_LIVE } });
      if (recorded) return (goLiveAt = recorded.dueAt);
      const empty = (await db.message.count()) === 0 && (await db.jobRun.count()) === 0;
      const at = empty ? now : new Date(0);
      if (opts.record === false) return at;
      try {
        await db.jobRun.create({ data: { key: GO_LIVE, kind: "go-live", dueAt: at, detail: json({ firstStart: now.toISOString(), emptyDatabase: empty }) } });
        return (goLiveAt = at);
      } catch (err) {
        // Two processes starting together on an empty database: the first record wins.
        if (!isUniqueViolation(err)) throw err;
        return (goLiveAt = (await db.jobRun.findUniqueOrThrow({ where: { key: GO_LIVE } })).dueAt);
      }
    },

    async listDrafts(filter = {}) {
      const rows = await db.draft.findMany({
        where: {
          ...(filter.regime ? { regime: filter.regime } : {}),
          ...(filter.period ? { period: filter.period } : {}),
          ...(filter.periods ? { period: { in: filter.periods } } : {}),
        },
        orderBy: [{ regime: "asc" }, { period: "asc" }, { version: "asc" }],
      });
      return rows.map(toDraftRow);
    },

    async commitDraft(draft, outbox, job) {
      try {
        return await db.$transaction(async (tx) => {
          // The job that made the draft is recorded with it: a crash between the two can neither lose the draft's
          // record nor make the job run again.
          if (job) await createJob(tx, job);
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
      } catch (err) {
        if (job && isUniqueViolation(err)) return null; // another daemon recorded this job first
        throw err;
      }
    },

    async findDraftByEmail(messageIds) {
      if (messageIds.length === 0) return null;
      const d = await db.draft.findFirst({ where: { emailMessageId: { in: messageIds } }, orderBy: { version: "desc" } });
      return d ? toDraftRow(d) : null;
    },
  };
}
