/**
 * The daily digest to the compiling officer (contract.md "People's actions"): at 08:00 on working days, only
 * when there is something — mail waiting for a person, mail that failed, Không đạt sent, documents marked MẬT,
 * what waits in the outbox.
 */
import { DateTime } from "luxon";
import { formatDeadlineVi, isWorkingDay } from "../domain/calendar/index.ts";
import { reportLabel } from "./compose-reply.ts";
import type { Deps } from "./context.ts";
import type { JobStore, OutboxRow, OutboxStore, SubmissionRow, SubmissionStore } from "./store.ts";
import { buildMail } from "./outgoing.ts";
import type { PlannedJob } from "./reminders.ts";

/**
 * The digest of the working day of `now`, as it stood at the digest time (08:00): what happened since the
 * previous working day's digest time (or the last digest recorded, when days went without one), listed, and how
 * much still waits from before, counted (issue 13 §3). Planned at or after that time, never before; a later run (a daemon that was
 * down at 08:00) sends the same digest, not one about what happened since 08:00 — that is for tomorrow's.
 */
export type DigestDeps = Pick<Deps, "settings" | "texts"> & { store: Pick<SubmissionStore, "listSubmissions"> & Pick<OutboxStore, "listOutbox"> & Pick<JobStore, "jobDone" | "lastJobDue"> };

export async function planDigest(deps: DigestDeps, now: Date): Promise<PlannedJob | null> {
  const zone = deps.settings.timezone;
  const regime = deps.settings.regimes[0];
  const working = (d: DateTime) => !regime || isWorkingDay(regime, d.toISODate()!);
  const local = DateTime.fromJSDate(now, { zone });
  const [hh, mm] = (regime?.officeHours.morning ?? "08:00").split(":").map(Number);
  const at = local.set({ hour: hh ?? 8, minute: mm ?? 0, second: 0, millisecond: 0 });
  if (local < at) return null;
  if (!working(local)) return null;
  const key = `digest:${local.toISODate()}`;
  if (await deps.store.jobDone(key)) return null;

  let previous = at.minus({ days: 1 });
  // Bounded walk back over weekends and Tết; a year without working days is a configuration error elsewhere.
  for (let i = 0; i < 31 && !working(previous); i++) previous = previous.minus({ days: 1 });
  // The previous digest is normally the previous working day's; when days went without one (the daemon was down),
  // the last one recorded, so what came meanwhile is listed rather than only counted.
  const last = await deps.store.lastJobDue("digest", at.toJSDate());
  const since = last && last < previous.toJSDate() ? last : previous.toJSDate();
  const until = at.toJSDate();
  const within = (t: Date | null | undefined) => !!t && t >= since && t < until;
  // New to the officer: received since the last digest, or recorded since then (mail that waited in the mailbox
  // while the daemon was down, or read on a first start, arrives in the ledger long after it was received).
  const isNew = (r: SubmissionRow) => within(r.receivedAt) || within(r.processedAt);
  // Issue 13 §3: what is new since the previous digest is listed; what still waits from before is counted. Only
  // what waits is read (unclassified and failed mail, held and waiting outbox rows), never the whole ledger.
  const waitingRows = (await deps.store.listSubmissions({ statuses: ["unclassified", "failed"], receivedBefore: until })).filter(
    (r) => (r.status === "unclassified" || r.status === "failed") && r.receivedAt < until,
  );
  const recentRows = (await deps.store.listSubmissions({ receivedFrom: since, receivedBefore: until })).filter((r) => within(r.receivedAt));
  const line = (r: SubmissionRow) => `${formatDeadlineVi(r.receivedAt, zone)} — ${r.originalFrom ?? r.fromAddress ?? "(không rõ người gửi)"} — "${r.subject}" — ${r.reason ?? ""} — Message-ID ${r.messageId}`;
  const openOutbox = (await deps.store.listOutbox({ states: ["held", "pending", "failed"] })).filter((o) => o.createdAt < until);
  const heldRows = openOutbox.filter((o) => o.state === "held");
  const heldReports = heldRows.length
    ? await deps.store.listSubmissions({ messageIds: [...new Set(heldRows.map((o) => o.relatedMessageId).filter((x): x is string => !!x))] })
    : [];
  // Issue 11: held replies and unclassified mail are numbered, held first, so the officer can answer "Duyệt 1",
  // "Gán 4: nvdp 2026-W47"; the numbering is recorded with the digest job and read back from her reply. Every held
  // reply is listed (each waits for her decision and leaves the list when she takes it); older unclassified mail
  // keeps the number of the digest that listed it.
  const items: Record<string, DigestItem> = {};
  let n = 0;
  const held = heldRows.map((o) => {
    items[String(++n)] = { kind: "held", outboxId: o.id };
    return `Thư số ${n}: ${heldLine(deps, o, heldReports)}`;
  });
  const unclassifiedAll = waitingRows.filter((r) => r.status === "unclassified");
  const unclassified = unclassifiedAll
    .filter(isNew)
    .map((r) => {
      items[String(++n)] = { kind: "unclassified", submissionId: r.id, messageId: r.messageId, index: r.index };
      return `Thư số ${n}: ${line(r)}`;
    });
  const failedAll = waitingRows.filter((r) => r.status === "failed");
  const failed = failedAll.filter(isNew).map(line);
  const secret = recentRows.filter((r) => r.secret).map((r) => `${line(r)} — dấu ${r.secret}`);
  const khongDatSent = (await deps.store.listOutbox({ states: ["sent"], purposes: ["khong_dat"], sentFrom: since }))
    .filter((o) => o.purpose === "khong_dat" && o.state === "sent" && within(o.sentAt))
    .map((o) => `${o.sentAt ? formatDeadlineVi(o.sentAt, zone) : ""} — ${o.mail.to.join(", ")} — ${o.mail.subject}`);
  const waitingAll = openOutbox.filter((o) => o.state === "pending" || o.state === "failed");
  const waiting = waitingAll
    .filter((o) => within(o.createdAt))
    .map((o) => `${o.state === "failed" ? "LỖI" : "chờ"} — ${o.mail.to.join(", ")} — ${o.mail.subject} — dự kiến ${formatDeadlineVi(o.notBefore, zone)}${o.lastError ? ` — ${o.lastError}` : ""}`);
  const stillWaiting = [
    counted(unclassifiedAll.length, unclassified.length, "thư chưa xác định được là báo cáo của đơn vị nào", "intake submissions"),
    counted(failedAll.length, failed.length, "thư chưa xử lý được", "intake submissions"),
    counted(waitingAll.length, waiting.length, "thư chờ gửi hoặc gửi lỗi", "intake outbox"),
  ].filter((x): x is string => x !== null);
  if (held.length + unclassified.length + failed.length + secret.length + khongDatSent.length + waiting.length + stillWaiting.length === 0) return null;

  const office = deps.settings.office;
  const to = office.officers?.length ? office.officers.map((p) => p.address) : [office.address];
  const rendered = deps.texts.render("digest", {
    date_label: `ngày ${local.toFormat("dd/MM/yyyy")}`,
    unclassified, failed, khong_dat_sent: khongDatSent, secret, outbox: waiting, held, still_waiting: stillWaiting,
  });
  const mail = buildMail({ dedupeKey: key, purpose: "digest", from: deps.settings.mailFrom, officeAddress: office.address, to, subject: rendered.subject, text: rendered.text, date: now });
  return {
    key, kind: "digest", dueAt: at.toJSDate(), description: `Bản tin hằng ngày ${local.toFormat("dd/MM/yyyy")} gửi chuyên viên tổng hợp`,
    outbox: [{ dedupeKey: key, purpose: "digest", mail, rateLimited: false, notBefore: now }],
    detail: { recipients: to, messageId: mail.messageId, items },
  };
}

/**
 * "Tổng cộng 12 thư chưa xác định được … (3 thư mới liệt kê ở trên; 9 thư từ trước, xem: intake …)"; null when none
 * waits, or when every one that waits is listed above.
 */
function counted(all: number, listed: number, what: string, command: string): string | null {
  if (all === 0 || all === listed) return null;
  const before = all - listed;
  return `Tổng cộng ${all} ${what}${listed ? ` (${listed} thư mới liệt kê ở trên; ${before} thư từ trước)` : ` (từ trước)`}; xem đầy đủ bằng lệnh: ${command}`;
}

/** What a number of the digest stands for (recorded with the digest job). */
export type DigestItem =
  | { kind: "held"; outboxId: number }
  | { kind: "unclassified"; submissionId: number; messageId: string; index: number };

/** The numbering recorded with a digest job, read back (a digest from before issue 11 has none). */
export function digestItems(detail: unknown): Record<string, DigestItem> {
  const items = (detail as { items?: unknown } | null)?.items;
  return items && typeof items === "object" ? (items as Record<string, DigestItem>) : {};
}

/** "Phòng Nghiệp vụ - Điều phối — báo cáo tuần 47/2026 (…) — thiếu: Kế hoạch công tác — "Kết quả kiểm tra: Không đạt / …" (mã 12)". */
function heldLine(deps: DigestDeps, o: OutboxRow, rows: SubmissionRow[]): string {
  const zone = deps.settings.timezone;
  const regime = deps.settings.regimes.find((r) => r.id === o.regime);
  const unit = regime?.units.find((u) => u.id === o.unit);
  const report = rows.find((r) => r.messageId === o.relatedMessageId && r.unit === o.unit && r.period === o.period);
  const label = report?.kind && o.period ? reportLabel(report.kind, o.period, zone) : (o.period ?? "");
  const missing = (report?.missingSections ?? []).map((id) => regime?.sections.find((x) => x.id === id)?.title ?? id);
  const verdict = o.purpose === "receipt" ? "Đạt (thư xác nhận)" : missing.length ? `Không đạt, thiếu: ${missing.join("; ")}` : "Không đạt";
  return `${unit?.name ?? o.unit ?? o.mail.to.join(", ")} — ${label} — ${verdict} — "${firstLines(o.mail.text)}" (mã trong hàng chờ: ${o.id})`;
}

/** The reply's first lines after the salutation, on one line. */
function firstLines(text: string): string {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !/^Kính gửi/i.test(l));
  const joined = lines.slice(0, 2).join(" / ");
  return joined.length > 200 ? `${joined.slice(0, 199)}…` : joined;
}
