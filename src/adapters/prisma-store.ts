/**
 * The Store port on Prisma (SQLite or PostgreSQL through the same models; JSON columns are text), assembled from
 * one module per aggregate: ledger, submissions, outbox, jobs and drafts.
 */
import type { Db } from "./database.ts";
import type { Store } from "../app/store.ts";
import { ledgerMethods } from "./prisma-ledger.ts";
import { submissionMethods } from "./prisma-submissions.ts";
import { outboxMethods } from "./prisma-outbox.ts";
import { jobAndDraftMethods } from "./prisma-jobs-drafts.ts";
import { heldMethods } from "./prisma-held.ts";
import { requestMethods } from "./prisma-requests.ts";

export function createPrismaStore(db: Db): Store {
  return {
    ...ledgerMethods(db),
    ...submissionMethods(db),
    ...outboxMethods(db),
    ...jobAndDraftMethods(db),
    ...heldMethods(db),
    ...requestMethods(db),
    async close() {
      await db.$disconnect();
    },
  };
}
