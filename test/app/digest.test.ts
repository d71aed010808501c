/**
 * The daily digest (src/app/digest.ts, issue 13 §3): what is new since the previous working day's digest is listed
 * (unclassified and failed mail, mail queued in the outbox), with a count of everything that still waits from before;
 * held replies are all listed, numbered first; nothing new and nothing waiting: no digest. With the shipped mail
 * texts and regime; the store is a fake that ignores the filters (the digest filters again itself), and what the
 * digest asks the store for is checked.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { planDigest, type DigestDeps } from "../../src/app/digest.ts";
import type { OutboxRow, SubmissionFilter, SubmissionRow } from "../../src/app/store.ts";
import { loadMailTexts } from "../../src/adapters/template-loader.ts";
import { loadTemplateRegime } from "../support/regime.ts";
import { ROOT } from "../support/intake.ts";

const ZONE = "Asia/Ho_Chi_Minh";
const texts = loadMailTexts(path.join(ROOT, "templates", "mail"));
const regime = loadTemplateRegime();
// Thursday 19/11/2026 at 08:00: the previous digest was Wednesday 18/11 at 08:00.
const NOW = new Date("2026-11-19T08:05:00+07:00");

let nextId = 1;
function sub(status: SubmissionRow["status"], receivedAt: string, subject: string, extra: Partial<SubmissionRow> = {}): SubmissionRow {
  const id = nextId++;
  return {
    id, messageRowId: id, messageId: `<m${id}@don-vi.example.vn>`, receivedAt: new Date(`${receivedAt}+07:00`), fromAddress: "ai.do@example.vn", originalFrom: null,
    subject, archivePath: "x", decidedBy: null, decidedAt: null, index: 0, regime: "qt-vp-03", unit: null, kind: null, period: null,
    deadline: null, onTime: null, lateSeconds: null, status, verdict: null, missingSections: [], findings: [], verdictDetail: null, evidence: null,
    confidence: 0, attachments: [], outline: null, secret: null, reason: status === "failed" ? "processing_error" : "no_report_evidence", ...extra,
  } as unknown as SubmissionRow;
}

function out(state: OutboxRow["state"], createdAt: string, subject: string, extra: Partial<OutboxRow> = {}): OutboxRow {
  const id = nextId++;
  return {
    id, messageId: `<o${id}@intake.cuc.example.vn>`, recipient: "nvdp@cuc.example.vn", state, attempts: 0, lastError: null,
    createdAt: new Date(`${createdAt}+07:00`), sentAt: null, notBefore: new Date(`${createdAt}+07:00`), purpose: "reminder", rateLimited: false,
    regime: "qt-vp-03", unit: "nvdp", period: "2026-W47", relatedMessageId: null, dedupeKey: `k${id}`,
    mail: { messageId: `<o${id}@intake.cuc.example.vn>`, from: "tonghop@cuc.example.vn", to: ["nvdp@cuc.example.vn"], cc: [], subject, text: "Kính gửi\nKết quả kiểm tra: Không đạt", headers: {}, attachments: [], date: new Date() },
    ...extra,
  } as unknown as OutboxRow;
}

function deps(subs: SubmissionRow[], outbox: OutboxRow[], lastDigest: Date | null = new Date("2026-11-18T08:00:00+07:00")) {
  const asked: { submissions: SubmissionFilter[]; outbox: unknown[] } = { submissions: [], outbox: [] };
  const d: DigestDeps = {
    settings: { timezone: ZONE, regimes: [regime], office: { name: "Văn phòng", address: "tonghop@cuc.example.vn", chief: "chanh@cuc.example.vn" }, mailFrom: "tonghop@cuc.example.vn" } as unknown as DigestDeps["settings"],
    texts,
    store: {
      listSubmissions: async (f: SubmissionFilter = {}) => {
        asked.submissions.push(f);
        return subs;
      },
      listOutbox: async (o: unknown) => {
        asked.outbox.push(o);
        return outbox;
      },
      jobDone: async () => false,
      lastJobDue: async (kind: string, before: Date) => (kind === "digest" && lastDigest && lastDigest < before ? lastDigest : null),
    } as unknown as DigestDeps["store"],
  };
  return { d, asked };
}

describe("the daily digest: new since the last one, and a count of what still waits", () => {
  it("lists only the unclassified and failed mail received since yesterday's digest, counts the older ones", async () => {
    const old = Array.from({ length: 40 }, (_, i) => sub("unclassified", `2026-10-${String(1 + (i % 28)).padStart(2, "0")}T10:00:00`, `Thư cũ ${i + 1}`));
    const oldFailed = sub("failed", "2026-11-02T09:00:00", "Thư lỗi cũ");
    const fresh1 = sub("unclassified", "2026-11-18T09:30:00", "Thư mới một");
    const fresh2 = sub("unclassified", "2026-11-19T07:59:00", "Thư mới hai");
    const afterDigest = sub("unclassified", "2026-11-19T08:01:00", "Sau giờ tóm tắt"); // tomorrow's
    const freshFailed = sub("failed", "2026-11-18T15:00:00", "Thư lỗi mới");
    const oldWaiting = out("failed", "2026-10-20T08:00:00", "Nhắc cũ gửi lỗi", { lastError: "550 no such user" });
    const newWaiting = out("pending", "2026-11-18T16:00:00", "Nhắc mới chờ giờ hành chính");
    const { d, asked } = deps([...old, oldFailed, fresh1, fresh2, afterDigest, freshFailed], [oldWaiting, newWaiting]);
    const job = (await planDigest(d, NOW))!;
    const text = job.outbox[0]!.mail.text;

    expect(text).toMatch(/Thư số 1: 9 giờ 30 ngày 18\/11\/2026 .* "Thư mới một"/);
    expect(text).toMatch(/Thư số 2: 7 giờ 59 ngày 19\/11\/2026 .* "Thư mới hai"/);
    expect(text).not.toContain("Thư số 3");
    expect(text).not.toMatch(/Thư cũ \d/);
    expect(text).not.toContain("Sau giờ tóm tắt");
    expect(text).toContain('"Thư lỗi mới"');
    expect(text).not.toContain("Thư lỗi cũ");
    expect(text).toContain("Nhắc mới chờ giờ hành chính");
    expect(text).not.toContain("Nhắc cũ gửi lỗi");
    expect(text).toContain("Tổng cộng 42 thư chưa xác định được là báo cáo của đơn vị nào (2 thư mới liệt kê ở trên; 40 thư từ trước)");
    expect(text).toContain("Tổng cộng 2 thư chưa xử lý được (1 thư mới liệt kê ở trên; 1 thư từ trước)");
    expect(text).toContain("Tổng cộng 2 thư chờ gửi hoặc gửi lỗi (1 thư mới liệt kê ở trên; 1 thư từ trước)");
    // The numbering recorded with the job covers exactly what is listed.
    expect((job.detail as { items: Record<string, unknown> }).items).toEqual({
      "1": { kind: "unclassified", submissionId: fresh1.id, messageId: fresh1.messageId, index: 0 },
      "2": { kind: "unclassified", submissionId: fresh2.id, messageId: fresh2.messageId, index: 0 },
    });
    // The store is asked for what waits and for the window, never for every submission.
    expect(asked.submissions).toContainEqual({ statuses: ["unclassified", "failed"], receivedBefore: new Date("2026-11-19T08:00:00+07:00") });
    expect(asked.submissions).toContainEqual({ receivedFrom: new Date("2026-11-18T08:00:00+07:00"), receivedBefore: new Date("2026-11-19T08:00:00+07:00") });
    expect(asked.submissions.every((f) => Object.keys(f).length > 0)).toBe(true);
  });

  it("nothing new but old mail still waiting: a digest with the counts only", async () => {
    const { d } = deps([sub("unclassified", "2026-10-01T10:00:00", "Thư cũ")], []);
    const text = (await planDigest(d, NOW))!.outbox[0]!.mail.text;
    expect(text).toContain("Tổng cộng 1 thư chưa xác định được là báo cáo của đơn vị nào (từ trước); xem đầy đủ bằng lệnh: intake submissions");
    expect(text).not.toContain("Thư số");
    expect(text).not.toContain('"Thư cũ"');
  });

  it("every held reply is listed and numbered first, new or not; no count line when all that waits is listed", async () => {
    const heldOld = out("held", "2026-11-10T10:00:00", "Re: Báo cáo tuần 46", { purpose: "khong_dat", period: "2026-W46" });
    const fresh = sub("unclassified", "2026-11-18T10:00:00", "Thư mới");
    const { d } = deps([fresh], [heldOld]);
    const job = (await planDigest(d, NOW))!;
    const text = job.outbox[0]!.mail.text;
    expect(text).toMatch(/Thư số 1: .*\(mã trong hàng chờ: \d+\)/);
    expect(text).toMatch(/Thư số 2: .*ngày 18\/11\/2026 .* "Thư mới"/);
    expect(text).not.toContain("Tổng cộng");
    expect(Object.keys((job.detail as { items: object }).items)).toEqual(["1", "2"]);
  });

  it("after days without a digest (the daemon was down), lists what came since the last one recorded", async () => {
    const monday = sub("unclassified", "2026-11-16T10:00:00", "Thư thứ Hai");
    const older = sub("unclassified", "2026-11-13T10:00:00", "Thư trước bản tóm tắt cuối");
    const { d, asked } = deps([monday, older], [], new Date("2026-11-16T08:00:00+07:00"));
    const text = (await planDigest(d, NOW))!.outbox[0]!.mail.text;
    expect(text).toMatch(/Thư số 1: .*"Thư thứ Hai"/);
    expect(text).not.toContain("Thư trước bản tóm tắt cuối");
    expect(text).toContain("Tổng cộng 2 thư chưa xác định được là báo cáo của đơn vị nào (1 thư mới liệt kê ở trên; 1 thư từ trước)");
    expect(asked.submissions).toContainEqual({ receivedFrom: new Date("2026-11-16T08:00:00+07:00"), receivedBefore: new Date("2026-11-19T08:00:00+07:00") });
    // No digest ever: since the previous working day's digest time.
    const first = deps([monday], [], null);
    expect((await planDigest(first.d, NOW))!.outbox[0]!.mail.text).not.toContain("Thư số");
  });

  it("lists a mail received long ago but recorded since the last digest (a backlog read after a stop), not one recorded before it", async () => {
    const backlog = sub("unclassified", "2026-11-05T10:00:00", "Thư chờ trong hộp thư", { processedAt: new Date("2026-11-18T14:00:00+07:00") });
    const backlogFailed = sub("failed", "2026-11-06T10:00:00", "Thư lỗi đọc lại", { processedAt: new Date("2026-11-18T14:01:00+07:00") });
    const seenBefore = sub("unclassified", "2026-11-05T11:00:00", "Thư đã báo hôm trước", { processedAt: new Date("2026-11-17T09:00:00+07:00") });
    const recordedAfter = sub("unclassified", "2026-11-05T12:00:00", "Thư ghi nhận sau giờ tóm tắt", { processedAt: new Date("2026-11-19T08:02:00+07:00") });
    const { d } = deps([backlog, backlogFailed, seenBefore, recordedAfter], []);
    const text = (await planDigest(d, NOW))!.outbox[0]!.mail.text;
    expect(text).toMatch(/Thư số 1: 10 giờ 00 ngày 05\/11\/2026 .* "Thư chờ trong hộp thư"/);
    expect(text).toContain('"Thư lỗi đọc lại"');
    expect(text).not.toContain("Thư đã báo hôm trước");
    expect(text).not.toContain("Thư ghi nhận sau giờ tóm tắt");
    expect(text).toContain("Tổng cộng 3 thư chưa xác định được là báo cáo của đơn vị nào (1 thư mới liệt kê ở trên; 2 thư từ trước)");
  });

  it("nothing new and nothing waiting: no digest", async () => {
    const { d } = deps([sub("accepted", "2026-11-18T10:00:00", "Báo cáo tuần 47")], [out("sent", "2026-11-18T10:00:00", "Re: Báo cáo tuần 47", { sentAt: new Date("2026-11-18T10:01:00+07:00") } as Partial<OutboxRow>)]);
    expect(await planDigest(d, NOW)).toBeNull();
  });
});
