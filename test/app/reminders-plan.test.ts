/**
 * planUnitMail (src/app/reminders.ts): which reminder or chase is due at `now` for a period, to whom, under which
 * key. Pure planning over submission rows, with the shipped regime and the shipped mail texts; nothing is sent.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { planUnitMail } from "../../src/app/reminders.ts";
import type { MailContext } from "../../src/app/context.ts";
import type { SubmissionRow } from "../../src/app/store.ts";
import { loadMailTexts } from "../../src/adapters/template-loader.ts";
import { periodFromId } from "../../src/domain/calendar/index.ts";
import type { PeriodKind } from "../../src/domain/model.ts";
import { loadTemplateRegime } from "../support/regime.ts";
import { ROOT } from "../support/intake.ts";

const ZONE = "Asia/Ho_Chi_Minh";
const ADDR = { nvdp: "nvdp@cuc.example.vn", ttdn: "ttdn@cuc.example.vn", ttbc: "ttbc@cuc.example.vn", vp: "vp@cuc.example.vn" } as const;
type U = keyof typeof ADDR;
const regime = loadTemplateRegime();
for (const u of regime.units) u.addresses = [ADDR[u.id as U]];

const texts = loadMailTexts(path.join(ROOT, "templates", "mail"));
const deps: MailContext = {
  zone: ZONE,
  mailFrom: "tonghop@cuc.example.vn",
  officeAddress: "tonghop@cuc.example.vn",
  texts,
  skeletonFor: (kind: string) => ({ filename: `Mẫu báo cáo ${kind}.docx`, contentType: "application/octet-stream", contentBase64: Buffer.from("x").toString("base64") }),
};

let nextId = 1;
function row(unit: U, period: string, status: "accepted" | "rejected", receivedAt: string, onTime = true, regimeId = "qt-vp-03"): SubmissionRow {
  return {
    id: nextId++, messageRowId: nextId, messageId: `<${nextId}@x>`, receivedAt: new Date(`${receivedAt}+07:00`), fromAddress: ADDR[unit], originalFrom: null,
    subject: "Báo cáo", archivePath: "x", decidedBy: null, decidedAt: null, index: 0, regime: regimeId, unit, kind: period.includes("W") ? "week" : "month", period,
    deadline: null, onTime, lateSeconds: onTime ? null : 3600, status, verdict: status === "accepted" ? "dat" : "khong_dat", missingSections: [], findings: [],
    verdictDetail: null, evidence: null, confidence: 1, attachments: [], outline: null, secret: null, reason: null,
  } as unknown as SubmissionRow;
}

function plan(periodId: string, now: string, rows: SubmissionRow[] = []) {
  const kind: PeriodKind = periodId.includes("W") ? "week" : "month";
  const period = periodFromId(kind, periodId, ZONE)!;
  return planUnitMail(deps, regime, period, rows, new Date(`${now}+07:00`));
}
const summary = (jobs: ReturnType<typeof plan>) => jobs.map((j) => `${j.key} @${j.dueAt.toISOString()}`);
const ALL: U[] = ["nvdp", "ttdn", "ttbc", "vp"];
const keys = (kind: string, period: string, tag: string, units: U[] = ALL) => units.map((u) => `${kind}:qt-vp-03:${period}:${u}:${tag}`);

describe("planUnitMail: the week 2026-W38 (due Thu 17/09/2026 15:00, compile Tue 22/09 00:00)", () => {
  const C = (local: string) => new Date(`${local}+07:00`).toISOString();
  it.each([
    ["Wednesday before the -24h reminder", "2026-09-16T14:59:00", []],
    ["the -24h reminder at its time", "2026-09-16T15:00:00", keys("reminder", "2026-W38", "-24h")],
    ["10 minutes later: still the -24h one (the key makes it once)", "2026-09-16T15:10:00", keys("reminder", "2026-W38", "-24h")],
    ["Wednesday evening, office closed: nothing", "2026-09-16T18:30:00", []],
    ["Thursday 07:29, before the office opens", "2026-09-17T07:29:00", []],
    ["Thursday 07:30: the missed -24h reminder", "2026-09-17T07:30:00", keys("reminder", "2026-W38", "-24h")],
    ["after 13:00: the -2h reminder", "2026-09-17T13:05:00", keys("reminder", "2026-W38", "-2h")],
    ["the deadline itself (15:00:00 is late): the first chase", "2026-09-17T15:00:00", keys("chase", "2026-W38", C("2026-09-17T15:00:00"))],
    ["Thursday 16:59: still the first chase, never the stale -2h reminder", "2026-09-17T16:59:00", keys("chase", "2026-W38", C("2026-09-17T15:00:00"))],
    ["Friday 08:00: the daily chase", "2026-09-18T08:00:00", keys("chase", "2026-W38", C("2026-09-18T08:00:00"))],
    ["Saturday: nothing", "2026-09-19T10:00:00", []],
    ["Monday 08:00: the last chase", "2026-09-21T08:00:00", keys("chase", "2026-W38", C("2026-09-21T08:00:00"))],
    ["Tuesday 08:00: compile deadline passed", "2026-09-22T08:00:00", []],
  ] as const)("%s (%s)", (_what, now, expected) => {
    expect(plan("2026-W38", now).map((j) => j.key)).toEqual(expected);
  });

  it("dates each job at its scheduled time, not at when it runs", () => {
    expect(summary(plan("2026-W38", "2026-09-17T07:30:00")).slice(0, 1)).toEqual([`reminder:qt-vp-03:2026-W38:nvdp:-24h @${C("2026-09-16T15:00:00")}`]);
    expect(plan("2026-W38", "2026-09-18T09:45:00").map((j) => j.dueAt.toISOString())).toEqual(Array(4).fill(C("2026-09-18T08:00:00")));
  });
});

describe("planUnitMail: who gets mail", () => {
  it.each([
    ["an on-time Đạt report: that unit is done", [row("nvdp", "2026-W38", "accepted", "2026-09-15T10:00:00")], ["ttdn", "ttbc", "vp"]],
    ["a late Đạt report: done too", [row("ttbc", "2026-W38", "accepted", "2026-09-16T14:00:00", false)], ["nvdp", "ttdn", "vp"]],
    ["a Không đạt report: still reminded", [row("ttdn", "2026-W38", "rejected", "2026-09-16T09:20:00")], ["nvdp", "ttdn", "ttbc", "vp"]],
    ["Không đạt then Đạt: done", [row("ttdn", "2026-W38", "rejected", "2026-09-15T09:20:00"), row("ttdn", "2026-W38", "accepted", "2026-09-16T11:00:00")], ["nvdp", "ttbc", "vp"]],
    ["Đạt then Không đạt: the Đạt version stands", [row("vp", "2026-W38", "accepted", "2026-09-15T09:20:00"), row("vp", "2026-W38", "rejected", "2026-09-16T11:00:00")], ["nvdp", "ttdn", "ttbc"]],
    ["a report for another week counts for nothing here", [row("nvdp", "2026-W37", "accepted", "2026-09-10T10:00:00")], ["nvdp", "ttdn", "ttbc", "vp"]],
    ["a report recorded under another regime counts for nothing here", [row("nvdp", "2026-W38", "accepted", "2026-09-15T10:00:00", true, "tinh-thanh")], ["nvdp", "ttdn", "ttbc", "vp"]],
    ["every unit done: nothing at all", ALL.map((u) => row(u, "2026-W38", "accepted", "2026-09-15T10:00:00")), []],
  ] as const)("%s", (_what, rows, units) => {
    const jobs = plan("2026-W38", "2026-09-16T15:00:00", [...rows]);
    expect(jobs.map((j) => j.outbox[0]!.unit)).toEqual(units);
    for (const j of jobs) {
      expect(j.outbox).toHaveLength(1);
      expect(j.outbox[0]!.mail.to).toEqual([ADDR[j.outbox[0]!.unit as U]]);
      expect(j.outbox[0]!.rateLimited).toBe(false);
    }
  });

  it("tells a unit whose report was Không đạt to resend the completed one", () => {
    const rows = [row("ttdn", "2026-W38", "rejected", "2026-09-16T09:20:00")];
    const [reminder] = plan("2026-W38", "2026-09-16T15:00:00", rows).filter((j) => j.outbox[0]!.unit === "ttdn");
    expect(reminder!.outbox[0]!.mail.subject).toBe("Nhắc gửi báo cáo tuần 38/2026 (từ 14/09/2026 đến 20/09/2026) - Phòng Truyền thông đối ngoại (hạn trước 15 giờ 00 ngày 17/09/2026 (Thứ Năm))");
    expect(reminder!.outbox[0]!.mail.text).toContain("Bản báo cáo đơn vị gửi lúc 9 giờ 20 ngày 16/09/2026 (Thứ Tư) chưa đạt yêu cầu (Không đạt). Đề nghị đơn vị bổ sung, hoàn thiện và gửi lại bản báo cáo đầy đủ.");
    expect(reminder!.outbox[0]!.mail.attachments?.map((a) => a.filename)).toEqual(["Mẫu báo cáo week.docx"]);
    const [chase] = plan("2026-W38", "2026-09-18T08:00:00", rows).filter((j) => j.outbox[0]!.unit === "ttdn");
    expect(chase!.outbox[0]!.mail.subject).toBe("Đôn đốc gửi báo cáo tuần 38/2026 (từ 14/09/2026 đến 20/09/2026) - Phòng Truyền thông đối ngoại (đã quá hạn 17 giờ)");
    expect(chase!.outbox[0]!.mail.text).toContain("Bản báo cáo đơn vị gửi lúc 9 giờ 20 ngày 16/09/2026 (Thứ Tư) chưa đạt yêu cầu (Không đạt) và chưa được gửi lại.");
    expect(chase!.outbox[0]!.mail.attachments ?? []).toEqual([]);
  });

  it("skips a unit with no registered address", () => {
    const noVp = { ...regime, units: regime.units.map((u) => (u.id === "vp" ? { ...u, addresses: [] } : u)) };
    const period = periodFromId("week", "2026-W38", ZONE)!;
    expect(planUnitMail(deps, noVp, period, [], new Date("2026-09-16T15:00:00+07:00")).map((j) => j.outbox[0]!.unit)).toEqual(["nvdp", "ttdn", "ttbc"]);
  });
});

describe("planUnitMail: the month 2026-10 (due Wed 28/10/2026 00:00, compile Thu 05/11 00:00)", () => {
  it.each([
    ["Sunday 25/10, when -3d falls: weekend, nothing", "2026-10-25T10:00:00", []],
    ["Monday 26/10 08:00: the -3d reminder, moved to the working morning", "2026-10-26T08:00:00", keys("reminder", "2026-10", "-3d")],
    ["Tuesday 27/10 08:00: the -1d reminder", "2026-10-27T08:00:00", keys("reminder", "2026-10", "-1d")],
    ["Tuesday 27/10 17:30: closed; the deadline comes at midnight", "2026-10-27T17:30:00", []],
    ["Wednesday 28/10 08:00: the first chase", "2026-10-28T08:00:00", keys("chase", "2026-10", new Date("2026-10-28T08:00:00+07:00").toISOString())],
    ["Wednesday 04/11 16:00: the last chase", "2026-11-04T16:00:00", keys("chase", "2026-10", new Date("2026-11-04T08:00:00+07:00").toISOString())],
    ["Thursday 05/11 08:00: compile deadline passed", "2026-11-05T08:00:00", []],
  ] as const)("%s", (_what, now, expected) => {
    expect(plan("2026-10", now).map((j) => j.key)).toEqual(expected);
  });
});
