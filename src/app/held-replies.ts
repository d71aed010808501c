/**
 * Replies held for the officer's approval (issue 11 item 3, contract.md "Replies to reports"): which replies a
 * regime holds, the held replies a newer version supersedes, and the officer's release or drop of one, each
 * recorded with who. Released replies go through the same outbox, exactly once (the store's state guard).
 */
import type { Regime } from "../domain/regime.ts";
import type { Deps } from "./context.ts";
import type { HeldStore, OutboxEntry, OutboxRow, OutboxStore, SubmissionRow } from "./store.ts";

/** Why a reply of this purpose is held under the regime's `holdReplies`, or null when it goes at once. */
export function holdReason(regime: Regime, purpose: OutboxEntry["purpose"]): string | null {
  const mode = regime.holdReplies ?? "none";
  // Reminders, chases, drafts, digests are never held: only the answers to a unit's report are.
  const isVerdictReply = purpose === "khong_dat" || purpose === "receipt";
  if (!isVerdictReply || mode === "none") return null;
  if (mode === "khong_dat" && purpose !== "khong_dat") return null;
  return `held: Thư trả lời chờ chuyên viên tổng hợp duyệt (holdReplies: ${mode}); chưa gửi đơn vị`;
}

/**
 * Held replies of (regime, unit, period) that answer an earlier version than the one received at `receivedAt`:
 * the newer version supersedes them (contract.md), so they are dropped with that reason.
 */
export function supersededHeld(
  held: OutboxRow[],
  versions: Pick<SubmissionRow, "messageId" | "receivedAt">[],
  report: { regime: string; unit: string; period: string; messageId: string; receivedAt: Date },
): { id: number; reason: string }[] {
  const receivedOf = new Map(versions.map((v) => [v.messageId, v.receivedAt]));
  return held
    .filter((o) => o.state === "held" && o.regime === report.regime && o.unit === report.unit && o.period === report.period)
    .filter((o) => o.relatedMessageId && o.relatedMessageId !== report.messageId)
    .filter((o) => {
      const at = receivedOf.get(o.relatedMessageId!);
      return !at || at.getTime() <= report.receivedAt.getTime();
    })
    .map((o) => ({ id: o.id, reason: `superseded: Đơn vị đã gửi bản mới hơn (${report.messageId}); thư trả lời bản cũ không gửi` }));
}

export type HeldDeps = Pick<Deps, "clock"> & { store: HeldStore & Pick<OutboxStore, "listOutbox"> };

export interface HeldOutcome {
  id: number;
  done: boolean;
  /** Vietnamese: what happened to this row. */
  text: string;
}

function describe(row: OutboxRow | undefined): string {
  return row ? `${row.mail.to.join(", ")} — ${row.mail.subject}` : "";
}

/** Releases held replies (ids, or every held one); each is sent once, a second release changes nothing. */
export async function releaseHeld(deps: HeldDeps, input: { ids: number[] | "all"; by: string; via?: string }): Promise<HeldOutcome[]> {
  const rows = await deps.store.listOutbox();
  const ids = input.ids === "all" ? rows.filter((r) => r.state === "held").map((r) => r.id) : input.ids;
  const out: HeldOutcome[] = [];
  for (const id of ids) {
    const row = rows.find((r) => r.id === id);
    const done = await deps.store.settleHeld(id, "pending", null, { kind: "release", by: input.by, at: deps.clock.now(), detail: { via: input.via ?? "cli" } });
    out.push({
      id,
      done,
      text: done
        ? `đã duyệt, thư trả lời được gửi (mã ${id}: ${describe(row)}).`
        : row
          ? `thư trả lời mã ${id} không còn chờ duyệt (trạng thái: ${row.state}); không gửi lại.`
          : `không có thư trả lời mã ${id} trong hàng chờ.`,
    });
  }
  return out;
}

/** Drops one held reply, recording who and why; the unit gets nothing. */
export async function dropHeld(deps: HeldDeps, input: { id: number; note: string | null; by: string; via?: string }): Promise<HeldOutcome> {
  const row = (await deps.store.listOutbox()).find((r) => r.id === input.id);
  const reason = `dropped: Chuyên viên ${input.by} hủy thư trả lời${input.note ? `: ${input.note}` : ""}`;
  const done = await deps.store.settleHeld(input.id, "dropped", reason, { kind: "drop", by: input.by, at: deps.clock.now(), detail: { via: input.via ?? "cli" } });
  return {
    id: input.id,
    done,
    text: done
      ? `đã hủy thư trả lời mã ${input.id} (${describe(row)})${input.note ? `, lý do: ${input.note}` : ""}; đơn vị không nhận thư này.`
      : row
        ? `thư trả lời mã ${input.id} không còn chờ duyệt (trạng thái: ${row.state}); không thay đổi.`
        : `không có thư trả lời mã ${input.id} trong hàng chờ.`,
  };
}
