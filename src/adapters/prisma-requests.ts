/** Ad-hoc requests on Prisma (issue 10 item 4): the request row and its mails written in one transaction. */
import type { Db } from "./database.ts";
import type { RequestRow, RequestStore } from "../app/store.ts";
import { insertOutbox, isUniqueViolation, json } from "./prisma-rows.ts";

interface RequestRecord {
  id: number;
  code: string;
  regime: string;
  title: string;
  deadline: Date;
  units: string;
  sections: string;
  messageIds: string;
  attachmentName: string | null;
  attachmentPath: string | null;
  requestedBy: string;
  createdAt: Date;
}

const list = (text: string): string[] => {
  const v: unknown = JSON.parse(text);
  return Array.isArray(v) ? v.map(String) : [];
};

const toRequestRow = (r: RequestRecord): RequestRow => ({
  ...r,
  units: list(r.units),
  sections: list(r.sections),
  messageIds: list(r.messageIds),
});

export function requestMethods(db: Db): RequestStore {
  return {
    async requestCodes() {
      return (await db.request.findMany({ select: { code: true } })).map((r: { code: string }) => r.code);
    },

    async commitRequest(request, outbox) {
      try {
        return await db.$transaction(async (tx) => {
          const row = await tx.request.create({
            data: { ...request, units: json(request.units), sections: json(request.sections), messageIds: json(request.messageIds) },
          });
          await insertOutbox(tx, outbox);
          return toRequestRow(row);
        });
      } catch (err) {
        // Two officers numbering a request at once: the second finds its code taken and numbers again.
        if (isUniqueViolation(err)) return null;
        throw err;
      }
    },

    async listRequests(filter = {}) {
      const rows = await db.request.findMany({
        where: { ...(filter.regime ? { regime: filter.regime } : {}), ...(filter.code ? { code: filter.code } : {}) },
        orderBy: { id: "asc" },
      });
      return rows.map(toRequestRow);
    },
  };
}
