/**
 * Go-live sends nothing stale (issue 9 item 4), on the embedded default (Maildir, file outbox, real SQLite, the CLI
 * as a child process). On the first start — an empty database — scheduled jobs whose time has passed are recorded
 * as skipped, not sent, and reminders begin with the next due one; mail already in the mailbox is recorded but never
 * answered; the first start's time is stored, so mail that arrives later (even while the daemon is down) is
 * answered; `answerSince` in the regimes file moves the line.
 *
 * Week 2026-W38 (14/09–20/09/2026): the units' deadline is Thursday 17/09 15:00; reminders Wednesday 16/09 15:00
 * (-24h) and Thursday 13:00 (-2h). No other period has mail due in these days.
 */
import { afterEach, describe, expect, it } from "vitest";
import { outlookMail } from "../support/eml.ts";
import { UNIT_HEADER, unitReport, type UnitId } from "../support/report-mail.ts";
import { defaultRegimes, eventually, UNITS } from "../support/intake.ts";
import { startEmbeddedWorld, stopDaemon, type EmbeddedWorld } from "../support/embedded.ts";

const worlds: EmbeddedWorld[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0)) await w.stop();
});

/** The test world's regimes without the support's `answerSince`: the line is the first start. */
function regimes(answerSince?: string): Record<string, unknown> {
  const r = defaultRegimes();
  delete r.answerSince;
  if (answerSince) r.answerSince = answerSince;
  return r;
}

function world(r: Record<string, unknown> | null): EmbeddedWorld {
  const w = startEmbeddedWorld({ regimes: r });
  worlds.push(w);
  return w;
}

const UNIT_IDS = Object.keys(UNITS) as UnitId[];
const SHORT: Record<UnitId, string> = { nvdp: "Phòng NVĐP", ttdn: "Phòng TTĐN", ttbc: "TTBC", vp: "Văn phòng" };

async function weeklyReport(unit: UnitId, week: number, at: string): Promise<{ raw: Buffer; subject: string }> {
  const subject = `Báo cáo tuần ${week}/2026 - ${SHORT[unit]}`;
  const doc = await unitReport({ unit, title: `Kết quả công tác tuần ${week} và kế hoạch công tác tuần ${week + 1}`, next: "tuần tới" });
  const raw = outlookMail({
    from: { name: UNIT_HEADER[unit], address: UNITS[unit] },
    to: ["tonghop@cuc.example.vn"],
    subject,
    text: `Kính gửi Văn phòng Cục,\nĐơn vị gửi báo cáo kết quả công tác tuần ${week}.\nTrân trọng.`,
    date: new Date(at),
    attachments: [{ filename: `Bao cao tuan ${week} - ${unit.toUpperCase()}.docx`, content: doc }],
  });
  return { raw, subject };
}

/** The Wednesday 10:00 (+07:00) of ISO week `week` of 2026, plus `minutes`. */
function wednesdayOf(week: number, minutes = 0): string {
  // 2026-01-01 is a Thursday: ISO week 1 starts Monday 2025-12-29.
  const monday = Date.UTC(2025, 11, 29) + (week - 1) * 7 * 86_400_000;
  return new Date(monday + 2 * 86_400_000 + 3 * 3_600_000 + minutes * 60_000).toISOString();
}

const outboxRows = (w: EmbeddedWorld, now: string) => w.json<{ purpose?: string; subject?: string }[]>(["outbox"], now);

describe("go-live", () => {
  it("started after a reminder time on an empty database, sends nothing for it; the next reminder goes", async () => {
    const w = world(regimes());
    const now = "2026-09-16T15:10:00";
    const d = w.daemon(now);
    try {
      await eventually(async () => /"msg":"daemon started"/.test(d.output()) || undefined, 120_000, `the daemon\n${d.output()}`);
      // The start-up jobs are done once nothing is left due at that time (the skipped reminders are recorded).
      await eventually(async () => {
        const r = await w.run(["remind", "--dry-run"], now);
        return /Không có việc nào đến hạn/.test(r.stdout) || undefined;
      }, 120_000, `the start-up jobs\n${d.output()}`);
      await new Promise((r) => setTimeout(r, 3_000));
    } finally {
      expect(await stopDaemon(d)).toBe(0);
    }
    expect(await w.sent()).toEqual([]);
    expect(await outboxRows(w, now)).toEqual([]);

    // Thursday 13:00, the -2h reminder: the first one after go-live, to every unit.
    const r = await w.run(["remind"], "2026-09-17T13:00:00");
    expect(r.code).toBe(0);
    const sent = await w.sent();
    expect(sent.map((s) => s.mail.subject?.startsWith("Nhắc gửi báo cáo tuần 38/2026"))).toEqual([true, true, true, true]);
    expect(sent.flatMap((s) => (s.mail.to && !Array.isArray(s.mail.to) ? s.mail.to.value.map((a) => a.address) : [])).sort()).toEqual(Object.values(UNITS).sort());
  }, 300_000);

  it("first started on 29/11/2026 with the example regimes file, does not send the yearly draft due 28/11 08:00", async () => {
    const w = world(null);
    const r = await w.run(["remind"], "2026-11-29T09:00:00");
    expect(r.code).toBe(0);
    // Recorded as skipped, and said so; not queued.
    expect(r.stdout).toMatch(/^Bỏ qua, không gửi \(đến hạn trước khi hệ thống bắt đầu làm việc lúc .*\): Dự thảo 2026 /m);
    expect(r.stdout).not.toMatch(/^Dự thảo 2026 /m);
    expect(await w.json<unknown[]>(["drafts"], "2026-11-29T09:00:00")).toEqual([]);
    expect(await w.sent()).toEqual([]);
    // The next working morning what falls due from then on goes: the chases of the overdue yearly report, the
    // draft of week 48 (due Monday 08:00); the yearly draft stays skipped.
    const next = await w.run(["remind"], "2026-11-30T08:00:00");
    expect(next.code).toBe(0);
    const drafts = await w.json<{ period: string }[]>(["drafts"], "2026-11-30T08:00:00");
    expect(drafts.map((x) => x.period)).toEqual(["2026-W48"]);
    const subjects = (await w.sent()).map((s) => s.mail.subject ?? "");
    expect(subjects.filter((x) => /^Đôn đốc gửi báo cáo năm 2026/.test(x))).toHaveLength(4);
    expect(subjects.filter((x) => /năm 2026/.test(x) && !/^Đôn đốc/.test(x))).toEqual([]);
  }, 300_000);

  it("records 50 reports already in the mailbox without answering them; answers what arrives after the first start, even while it was down", async () => {
    const w = world(regimes());
    const units: UnitId[] = ["nvdp", "ttdn", "ttbc", "vp"];
    for (let i = 0; i < 50; i++) {
      const week = 26 + Math.floor(i / 4);
      const at = wednesdayOf(week, i);
      w.deliver((await weeklyReport(units[i % 4]!, week, at)).raw, at);
    }
    const start = "2026-09-17T10:00:00";
    const startedAt = Date.now();
    const d = w.daemon(start);
    let replySubject = "";
    try {
      await eventually(async () => (await w.json<unknown[]>(["submissions"], start)).length >= 50 || undefined, 180_000, `50 reports recorded\n${d.output()}`);
      const rows = await w.json<{ unit: string; period: string; status: string }[]>(["submissions"], start);
      expect(rows).toHaveLength(50);
      expect(rows.every((r) => r.status === "accepted" && UNIT_IDS.includes(r.unit as UnitId) && /^2026-W(2[6-9]|3[0-8])$/.test(r.period))).toBe(true);
      expect(await w.sent()).toEqual([]);

      // TTBC's week-38 report, delivered a moment after the start by the daemon's clock.
      const at = new Date(new Date("2026-09-17T10:00:00+07:00").getTime() + (Date.now() - startedAt) + 1_000).toISOString();
      const late = await weeklyReport("ttbc", 38, at);
      replySubject = `Re: ${late.subject}`;
      w.deliver(late.raw, at);
      // The 10-second bound is embedded-default.test.ts's; here only that it is answered at all.
      await eventually(async () => (await w.sent()).some((s) => s.mail.subject === replySubject) || undefined, 60_000, `the reply to TTBC\n${d.output()}`);
    } finally {
      expect(await stopDaemon(d)).toBe(0);
    }
    expect((await w.sent()).map((s) => s.mail.subject)).toEqual([replySubject]);
    expect(await outboxRows(w, start)).toHaveLength(1);

    // Delivered while the daemon was down, after the first start: answered at the next start (the line is stored).
    const vp = await weeklyReport("vp", 38, "2026-09-17T10:20:00+07:00");
    w.deliver(vp.raw, "2026-09-17T10:20:00+07:00");
    const again = w.daemon("2026-09-17T10:30:00");
    try {
      await eventually(async () => (await w.sent()).some((s) => s.mail.subject === `Re: ${vp.subject}`) || undefined, 120_000, `the reply to VP\n${again.output()}`);
    } finally {
      expect(await stopDaemon(again)).toBe(0);
    }
    expect((await w.sent()).map((s) => s.mail.subject).sort()).toEqual([replySubject, `Re: ${vp.subject}`].sort());
  }, 420_000);

  it("answerSince in the regimes file moves the line: mail received after it is answered at the first start", async () => {
    const w = world(regimes("2026-09-16T12:00:00+07:00"));
    const before = await weeklyReport("nvdp", 38, "2026-09-16T10:00:00+07:00");
    const after1 = await weeklyReport("ttdn", 38, "2026-09-16T14:00:00+07:00");
    const after2 = await weeklyReport("ttbc", 38, "2026-09-17T09:00:00+07:00");
    w.deliver(before.raw, "2026-09-16T10:00:00+07:00");
    w.deliver(after1.raw, "2026-09-16T14:00:00+07:00");
    w.deliver(after2.raw, "2026-09-17T09:00:00+07:00");
    const r = await w.run(["poll", "--once"], "2026-09-17T10:00:00");
    expect(r.code, r.stderr).toBe(0);
    expect((await w.sent()).map((s) => s.mail.subject).sort()).toEqual([`Re: ${after1.subject}`, `Re: ${after2.subject}`].sort());
    const rows = await w.json<{ unit: string; status: string }[]>(["submissions"], "2026-09-17T10:00:00");
    expect(rows.map((x) => [x.unit, x.status]).sort()).toEqual([["nvdp", "accepted"], ["ttbc", "accepted"], ["ttdn", "accepted"]]);
  }, 300_000);
});
