/**
 * A row a dead process left "sending" (deliver-outbox.ts, docs/contract.md "Sending"): once stale it goes back to
 * pending marked "interrupted"; before it is sent again the Sent folder is searched for its Message-ID. Found: marked
 * sent, nothing sent. Not found, no way to search, or the search failing: the same mail is sent again.
 */
import { describe, expect, it } from "vitest";
import { silentLogger } from "../../src/adapters/logger.ts";
import { deliverOutbox, INTERRUPTED, type DeliverDeps } from "../../src/app/deliver-outbox.ts";
import type { OutgoingMail, SentFolder } from "../../src/app/ports.ts";
import type { OutboxRow, OutboxStore } from "../../src/app/store.ts";

const NOW = new Date("2026-11-18T04:20:00Z");

function oneRowStore(row: OutboxRow): OutboxStore & { row: OutboxRow } {
  const store = {
    row,
    async dueOutbox(now: Date) {
      return row.state === "pending" && row.notBefore.getTime() <= now.getTime() ? [{ ...row }] : [];
    },
    async claimOutbox(_id: number, now: Date) {
      if (row.state !== "pending") return false;
      Object.assign(row, { state: "sending", attempts: row.attempts + 1, notBefore: now });
      return true;
    },
    async markSent(_id: number, now: Date) {
      Object.assign(row, { state: "sent", sentAt: now, lastError: null });
    },
    async markRetry(_id: number, error: string, retryAt: Date) {
      Object.assign(row, { state: "pending", lastError: error, notBefore: retryAt });
    },
    async markFailed(_id: number, error: string) {
      Object.assign(row, { state: "failed", lastError: error });
    },
    async releaseStale(before: Date, note: string) {
      if (row.state !== "sending" || row.notBefore.getTime() >= before.getTime()) return 0;
      Object.assign(row, { state: "pending", lastError: note });
      return 1;
    },
    async countRateLimitedSent() {
      return { count: 0, oldest: null };
    },
    async listOutbox(opts: { states?: OutboxRow["state"][] } = {}) {
      return !opts.states || opts.states.includes(row.state) ? [{ ...row }] : [];
    },
    async countOutbox(states: OutboxRow["state"][]) {
      return states.includes(row.state) ? 1 : 0;
    },
  };
  return store as unknown as OutboxStore & { row: OutboxRow };
}

/** A reply claimed 15 minutes ago by a process that then died. */
function leftSending(): OutboxRow {
  const mail = { messageId: "<r1@intake.cuc.example.vn>", from: "vp@cuc.example.vn", to: ["nvdp@cuc.example.vn"], cc: [], subject: "Re: Báo cáo", text: "Kết quả kiểm tra: Đạt", date: NOW } as unknown as OutgoingMail;
  return {
    id: 1,
    messageId: mail.messageId,
    recipient: "nvdp@cuc.example.vn",
    state: "sending",
    attempts: 1,
    lastError: null,
    createdAt: new Date(NOW.getTime() - 20 * 60_000),
    sentAt: null,
    notBefore: new Date(NOW.getTime() - 15 * 60_000),
    purpose: "receipt",
    rateLimited: false,
    mail,
  } as unknown as OutboxRow;
}

function world(sentFolder?: SentFolder) {
  const sent: string[] = [];
  const store = oneRowStore(leftSending());
  const deps = {
    settings: { regimes: [], timezone: "Asia/Ho_Chi_Minh" },
    clock: { now: () => NOW },
    logger: silentLogger,
    mailer: {
      async send(mail: OutgoingMail) {
        sent.push(mail.messageId);
        return { raw: Buffer.from("raw"), accepted: [...mail.to], rejected: [] };
      },
      async close() {},
    },
    ...(sentFolder ? { sentFolder } : {}),
    store,
  } as unknown as DeliverDeps;
  return { deps, store, sent };
}

describe("an interrupted send (RFC 1047 window)", () => {
  it("is found in Sent by its Message-ID and marked sent without sending it again", async () => {
    const asked: string[] = [];
    const appended: Buffer[] = [];
    const { deps, store, sent } = world({
      async append(raw) {
        appended.push(raw);
      },
      async contains(id) {
        asked.push(id);
        return true;
      },
    });
    const summary = await deliverOutbox(deps);
    expect(asked).toEqual(["<r1@intake.cuc.example.vn>"]);
    expect(sent).toEqual([]);
    expect(appended).toEqual([]); // already in Sent: no second copy there either
    expect(store.row).toMatchObject({ state: "sent", lastError: null, attempts: 2 });
    expect(summary.sent).toBe(1);
  });

  it("is sent again, the same Message-ID, when Sent does not hold it", async () => {
    const { deps, store, sent } = world({ async append() {}, async contains() { return false; } });
    await deliverOutbox(deps);
    expect(sent).toEqual(["<r1@intake.cuc.example.vn>"]);
    expect(store.row.state).toBe("sent");
  });

  it("is sent again when Sent cannot be searched (at least once rather than never)", async () => {
    const { deps, sent } = world({ async append() {}, async contains() { throw new Error("IMAP down"); } });
    await deliverOutbox(deps);
    expect(sent).toEqual(["<r1@intake.cuc.example.vn>"]);
  });

  it("is sent again when no Sent folder is configured", async () => {
    const { deps, sent } = world();
    await deliverOutbox(deps);
    expect(sent).toEqual(["<r1@intake.cuc.example.vn>"]);
  });

  it("a row that failed with an SMTP error is not searched for: only an interrupted claim is", async () => {
    const asked: string[] = [];
    const { deps, store, sent } = world({ async append() {}, async contains(id) { asked.push(id); return true; } });
    Object.assign(store.row, { state: "pending", lastError: "421 try later", notBefore: NOW });
    await deliverOutbox(deps);
    expect(asked).toEqual([]);
    expect(sent).toEqual(["<r1@intake.cuc.example.vn>"]);
    expect(INTERRUPTED).toBe("interrupted while sending");
  });
});
