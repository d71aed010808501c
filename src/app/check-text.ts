/**
 * The officer's view of `intake check` and `intake explain`, in Vietnamese: who sent it and why the bot thinks so,
 * the kind and period and where each was read, each section found (heading as written, place) or missing, the
 * annexes, MẬT stamps, the verdict and the reply that would go.
 */
import type { CheckResult } from "./check-files.ts";
import type { Explanation } from "./explain.ts";
import type { HeadingSuggestion } from "./suggest-headings.ts";

const SOURCE_VI: Record<string, string> = {
  sender: "địa chỉ người gửi",
  subject: "tiêu đề thư",
  body: "nội dung thư",
  "attachment-name": "tên tệp đính kèm",
  "document-title": "tiêu đề văn bản",
  "document-heading": "đề mục văn bản",
  "document-sections": "các mục của văn bản",
  calendar: "lịch (suy ra từ thời điểm nhận)",
  person: "chuyên viên",
};
const ABOUT_VI: Record<string, string> = { unit: "Đơn vị", kind: "Loại báo cáo", period: "Kỳ báo cáo", report: "Là báo cáo" };
const STATUS_VI: Record<string, string> = {
  accepted: "Đạt",
  rejected: "Không đạt",
  unclassified: "chờ chuyên viên xử lý",
  ignored: "bỏ qua (không phải báo cáo)",
  failed: "lỗi xử lý",
};

const fileName = (f: string) => (f === "body" ? "nội dung thư" : `tệp "${f}"`);

export function checkText(results: CheckResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    out.push(`=== ${r.file}${r.messageId ? ` (${r.messageId})` : ""}`);
    if (r.from || r.subject) out.push(`Người gửi: ${r.from ?? "(không rõ)"} — Tiêu đề: "${r.subject}"`);
    out.push(`Thời điểm nhận: ${r.receivedAt}`);
    const e = r.evidence;
    if (e.noise) out.push(`Không phải báo cáo: ${e.noise}`);
    for (const about of ["unit", "kind", "period", "report"]) {
      const ev = e.classification.filter((x) => x.about === about);
      if (ev.length === 0) continue;
      out.push(`${ABOUT_VI[about]}: ${ev.map((x) => `${x.value} — đọc từ ${SOURCE_VI[x.source] ?? x.source}: "${x.matched}"`).join("; ")}`);
    }
    out.push(`Kết luận: đơn vị ${r.unit ?? "(chưa xác định)"}, loại ${r.kind ?? "(chưa xác định)"}, kỳ ${r.period ?? "(chưa xác định)"}`);
    if (r.deadline) out.push(`Hạn gửi: ${r.deadline} — ${r.onTime ? "đúng hạn" : "muộn"}`);
    for (const d of e.documents) {
      out.push(`Tệp ${d.file === "body" ? "(nội dung thư)" : `"${d.file}"`}: ${d.format}${d.ok ? "" : ` — không đọc được (${d.problem})`}${d.secret ? ` — có dấu ${d.secret}` : ""}`);
    }
    if (e.reportFile) out.push(`Báo cáo được đọc từ: ${fileName(e.reportFile)}`);
    if (e.sections.length) out.push("Các mục:");
    for (const s of e.sections) {
      out.push(
        s.found
          ? `  [có] ${s.title}: đề mục "${s.heading}"${s.place ? ` (${fileName(s.place.file)}, đoạn thứ ${s.place.block})` : ""}`
          : `  [thiếu] ${s.title}${s.required ? " (bắt buộc)" : " (không bắt buộc)"}`,
      );
    }
    if (e.unplaced.length) out.push(`Đề mục chưa xếp được vào mục nào: ${e.unplaced.map((h) => `"${h}"`).join(", ")}`);
    if (e.annexes.length) out.push(`Tệp kèm theo (không chấm): ${e.annexes.join(", ")}`);
    if (r.secret) out.push(`Dấu mật: ${r.secret} — không tự động tổng hợp, gửi kèm hay chuyển tiếp`);
    out.push(`Kết quả: ${STATUS_VI[r.status] ?? r.status}${r.missingSections.length ? ` — thiếu: ${r.missingSections.join(", ")}` : ""}${r.reason && r.status !== "accepted" ? ` — ${r.reason}` : ""}`);
    if (r.reply) {
      out.push(`Thư trả lời${r.replyHeld ? " (sẽ chờ chuyên viên duyệt, holdReplies)" : ""}:`, `  Tiêu đề: ${r.reply.subject}`, ...r.reply.text.split("\n").map((l) => `  | ${l}`));
    } else {
      out.push("Thư trả lời: không có");
    }
    out.push("");
  }
  return out.join("\n");
}

const ACTION_VI: Record<string, string> = { assign: "gán đơn vị, kỳ", review: "đánh giá lại", release: "duyệt gửi thư trả lời", drop: "hủy thư trả lời" };
const OUTBOX_STATE_VI: Record<string, string> = { pending: "chờ gửi", sending: "đang gửi", sent: "đã gửi", failed: "lỗi", held: "chờ duyệt", dropped: "đã hủy" };

export function explainText(x: Explanation): string {
  const out: string[] = [`Thư ${x.messageId} (bản lưu: ${x.archivePath})`, "", "Đã ghi nhận:"];
  for (const r of x.recorded) {
    out.push(
      `  ${r.unit ?? "(chưa xác định đơn vị)"} ${r.period ?? ""} — ${STATUS_VI[r.status] ?? r.status}${r.missingSections.length ? `, thiếu: ${r.missingSections.join(", ")}` : ""}${r.decidedBy ? ` — quyết định của ${r.decidedBy} lúc ${r.decidedAt}` : ""}${r.reason ? ` — ${r.reason}` : ""}`,
    );
  }
  out.push("", "Cách hệ thống đọc thư (đọc lại bản lưu):", checkText(x.reading));
  out.push("Thư đã gửi / chờ gửi về thư này:");
  if (x.outbox.length === 0) out.push("  (không có)");
  for (const o of x.outbox) {
    out.push(`  [${OUTBOX_STATE_VI[o.state] ?? o.state}] mã ${o.id}, ${o.purpose}, đến ${o.to.join(", ")}: "${o.subject}" — lập lúc ${o.createdAt}${o.sentAt ? `, gửi lúc ${o.sentAt}` : ""}${o.note ? ` — ${o.note}` : ""}`);
    out.push(...o.text.split("\n").slice(0, 8).map((l) => `    | ${l}`));
  }
  out.push("", "Thao tác của chuyên viên:");
  if (x.actions.length === 0) out.push("  (không có)");
  for (const a of x.actions) out.push(`  ${a.at} — ${a.by}: ${ACTION_VI[a.kind] ?? a.kind} ${JSON.stringify(a.detail)}`);
  return `${out.join("\n")}\n`;
}

export function suggestionsText(s: { suggestions: HeadingSuggestion[]; yaml: Record<string, string> }): string {
  if (s.suggestions.length === 0) return "Không có đề mục nào chưa được nhận ra trong các báo cáo Không đạt hoặc đã được đánh giá lại.\n";
  const out = ["Đề mục chưa được nhận ra (trong báo cáo Không đạt hoặc được chuyên viên đánh giá lại là Đạt):"];
  for (const x of s.suggestions) {
    out.push(`  "${x.heading}" — ${x.count} lần, đơn vị: ${x.units.join(", ") || "(chưa rõ)"} — đề nghị thêm vào mục ${x.section}${x.overruled ? " (đã được chuyên viên đánh giá Đạt)" : ""}`);
  }
  for (const [regime, yaml] of Object.entries(s.yaml)) {
    out.push("", `Để hệ thống nhận ra các đề mục này, thêm các dòng sau vào tệp cấu hình (REGIMES_FILE), dưới mục "- id: ${regime}":`, "", yaml);
  }
  out.push("Việc thêm chỉ áp dụng cho các báo cáo nhận sau đó; kết quả đã ghi nhận không thay đổi.");
  return `${out.join("\n")}\n`;
}
