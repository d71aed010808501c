/**
 * Issue 2, "Done when" 3: malformed messages (broken MIME, a truncated .docx, a 0-byte attachment, a mail cut short
 * in transit, bytes that are no mail at all) are archived raw under DATA_DIR/archive (found by the sha256 of the
 * raw), recorded with a specific reason, and the rest of the batch goes on: the good reports among and after them
 * are accepted and answered.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brokenMail, gmailMail, outlookMail, thunderbirdMail, type MailSpec } from "../support/eml.ts";
import { truncatedDocx } from "../support/docx-fixtures.ts";
import { OFFICE, startIntakeWorld, UNITS, type IntakeWorld } from "../support/intake.ts";
import { messageIdOf, unitReport, viewRow } from "../support/report-mail.ts";

const NOW = "2025-11-20T12:00:00";
const W46_DUE = "2025-11-13T15:00:00+07:00";
const W47_DUE = "2025-11-20T15:00:00+07:00";

interface Item {
  name: string;
  raw: Buffer;
  at: string;
  /** What `submissions --json` shows for it (messageId, receivedAt and the reason's shape are checked too). */
  expect: { messageId?: string; from: string | null; subject: string; unit: string | null; period: string | null; status: string; verdict: string | null; missingSections: string[]; attachments: string[]; reason: string | null; latest: boolean | null };
}

let world: IntakeWorld;
const items: Item[] = [];

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

beforeAll(async () => {
  world = await startIntakeWorld();
  const good = (unit: "nvdp" | "vp", title: string) => unitReport({ unit, title, next: "tuần tới" });
  const spec = (unit: keyof typeof UNITS, subject: string, attachments: MailSpec["attachments"]): MailSpec => ({
    from: { name: `Đơn vị ${unit}`, address: UNITS[unit] }, to: [OFFICE], subject, date: new Date("2025-11-19T08:00:00+07:00"),
    text: "Kính gửi Văn phòng,\nĐơn vị gửi báo cáo tuần 47.\nTrân trọng.", attachments,
  });

  {
    const subject = "Báo cáo tuần 47 - Phòng TTĐN";
    const raw = outlookMail(spec("ttdn", subject, [{ filename: "Báo cáo tuần 47 - TTĐN.docx", content: await truncatedDocx() }]));
    items.push({ name: "truncated .docx", raw, at: "2025-11-19T08:01:00+07:00", expect: { from: UNITS.ttdn, subject, unit: "ttdn", period: "2025-W47", status: "rejected", verdict: "khong_dat", missingSections: [], attachments: ["Báo cáo tuần 47 - TTĐN.docx"], reason: "unreadable_attachment+vi", latest: true } });
  }
  {
    const subject = "Báo cáo tuần 47 - TTBC";
    const raw = gmailMail(spec("ttbc", subject, [{ filename: "Báo cáo tuần 47 - TTBC.docx", content: Buffer.alloc(0) }]));
    items.push({ name: "0-byte attachment", raw, at: "2025-11-19T08:02:00+07:00", expect: { from: UNITS.ttbc, subject, unit: "ttbc", period: "2025-W47", status: "rejected", verdict: "khong_dat", missingSections: [], attachments: ["Báo cáo tuần 47 - TTBC.docx"], reason: "unreadable_attachment+vi", latest: true } });
  }
  {
    const subject = "Báo cáo tuần 47 - Phòng NVĐP";
    const raw = outlookMail(spec("nvdp", subject, [{ filename: "Báo cáo tuần 47 - NVĐP.docx", content: await good("nvdp", "Kết quả công tác tuần 47") }]));
    items.push({ name: "a good report between the broken ones", raw, at: "2025-11-19T08:03:00+07:00", expect: { from: UNITS.nvdp, subject, unit: "nvdp", period: "2025-W47", status: "accepted", verdict: "dat", missingSections: [], attachments: ["Báo cáo tuần 47 - NVĐP.docx"], reason: null, latest: true } });
  }
  {
    const subject = "Báo cáo tuần 46 - Văn phòng";
    const raw = brokenMail({ ...spec("vp", subject, [{ filename: "Báo cáo tuần 46 - VP.docx", content: await good("vp", "Kết quả công tác tuần 46") }]), client: "thunderbird" }, "missing-boundary");
    // The structure is repaired (the boundary is found in the body) and the report is read whole: judged as any other.
    items.push({ name: "multipart without a boundary", raw, at: "2025-11-19T08:04:00+07:00", expect: { from: UNITS.vp, subject, unit: "vp", period: "2025-W46", status: "accepted", verdict: "dat", missingSections: [], attachments: ["Báo cáo tuần 46 - VP.docx"], reason: null, latest: true } });
  }
  {
    const subject = "Báo cáo tuần 47 - Văn phòng";
    const raw = brokenMail({ ...spec("vp", subject, [{ filename: "Báo cáo tuần 47 - VP.docx", content: await good("vp", "Kết quả công tác tuần 47") }]), client: "outlook" }, "truncated");
    items.push({ name: "mail cut short in the middle of its attachment", raw, at: "2025-11-19T08:05:00+07:00", expect: { from: UNITS.vp, subject, unit: "vp", period: "2025-W47", status: "rejected", verdict: "khong_dat", missingSections: [], attachments: ["Báo cáo tuần 47 - VP.docx"], reason: "unreadable_attachment+vi", latest: false } });
  }
  {
    // A text file dropped into the mailbox (an import script, a broken client): no header block at all.
    const raw = Buffer.from("Kính gửi Văn phòng Cục\r\nBáo cáo tuần 47\r\nI. Kết quả thực hiện nhiệm vụ\r\n- Hoàn thành kế hoạch tuần.\r\n", "utf8");
    items.push({ name: "no header at all", raw, at: "2025-11-19T08:06:00+07:00", expect: { messageId: `<${sha256(raw)}@missing>`, from: null, subject: "", unit: null, period: null, status: "unclassified", verdict: null, missingSections: [], attachments: [], reason: "broken_mime+vi", latest: null } });
  }
  {
    const subject = "Báo cáo tuần 47 - Văn phòng (gửi lại)";
    const raw = thunderbirdMail(spec("vp", subject, [{ filename: "Báo cáo tuần 47 - VP (gửi lại).docx", content: await good("vp", "Kết quả công tác tuần 47") }]));
    items.push({ name: "a good report after them", raw, at: "2025-11-19T09:30:00+07:00", expect: { from: UNITS.vp, subject, unit: "vp", period: "2025-W47", status: "accepted", verdict: "dat", missingSections: [], attachments: ["Báo cáo tuần 47 - VP (gửi lại).docx"], reason: null, latest: true } });
  }
  for (const it of items) await world.deliver(it.raw, it.at);
}, 300_000);

afterAll(async () => {
  await world?.stop();
});

describe("malformed messages (issue 2)", () => {
  it("archives each raw, records it with a specific reason, and goes on with the batch", async () => {
    const r = await world.run(["poll", "--once"], NOW);
    expect(r.code, r.stderr).toBe(0);
    const rows = (await world.json<Record<string, unknown>[]>(["submissions"], NOW)).map(viewRow);

    // Dovecot holds each raw as appended: the archive must hold the same bytes under their sha256.
    const stored = await world.servers.dovecot.listMessages(OFFICE);
    expect(stored.map((m) => sha256(m.source))).toEqual(items.map((it) => sha256(it.raw)));
    const archive = filesUnder(path.join(world.dataDir, "archive"));
    for (const it of items) {
      const sha = sha256(it.raw);
      const file = archive.find((f) => path.basename(f) === `${sha}.eml`);
      expect(file, `${it.name}: archived as ${sha}.eml`).toBeDefined();
      expect(readFileSync(file!).equals(it.raw), it.name).toBe(true);
      expect(path.relative(world.dataDir, file!)).toBe(path.join("archive", sha.slice(0, 2), sha.slice(2, 4), `${sha}.eml`));
    }

    // Every mail recorded once, in receipt order, with its specific reason; the good ones accepted.
    expect(rows.map((r) => ({ ...r }))).toEqual(
      items.map((it) => {
        const e = it.expect;
        const report = e.status === "accepted" || e.status === "rejected";
        const due = e.period === "2025-W47" ? W47_DUE : e.period === "2025-W46" ? W46_DUE : null;
        const late = report && due ? Math.max(0, Math.floor((new Date(it.at).getTime() - new Date(due).getTime()) / 1000)) : null;
        return {
          messageId: e.messageId ?? messageIdOf(it.raw)!,
          from: e.from,
          originalFrom: null,
          subject: e.subject,
          receivedAt: it.at,
          regime: e.from ? "qt-vp-03" : null,
          unit: e.unit,
          kind: e.period ? "week" : null,
          period: e.period,
          deadline: report ? due : null,
          onTime: report ? late === 0 : null,
          lateSeconds: late,
          status: e.status,
          verdict: e.verdict,
          missingSections: e.missingSections,
          attachments: e.attachments,
          latest: e.latest,
          reason: e.reason,
        };
      }),
    );
    // W46 from the Văn phòng came six days late: the exact figure, not only the formula above.
    expect(rows.find((r) => r.period === "2025-W46")?.lateSeconds).toBe(5 * 86400 + 17 * 3600 + 4 * 60);

    // The batch went on to the end and answered each unit once per report: Không đạt (with the skeleton) for the
    // unreadable files, a receipt for the good reports; nothing for the mail nobody can attribute.
    const answers: Record<string, string[]> = {};
    for (const unit of Object.keys(UNITS) as (keyof typeof UNITS)[]) {
      for (const m of await world.servers.readMailbox(UNITS[unit])) {
        const it = items.find((x) => messageIdOf(x.raw) === m.inReplyTo);
        if (it) (answers[unit] ??= []).push(`${it.name}: ${m.attachments.length > 0 ? "khong_dat" : "dat"}`);
      }
    }
    expect(answers).toEqual({
      ttdn: ["truncated .docx: khong_dat"],
      ttbc: ["0-byte attachment: khong_dat"],
      nvdp: ["a good report between the broken ones: dat"],
      vp: ["multipart without a boundary: dat", "mail cut short in the middle of its attachment: khong_dat", "a good report after them: dat"],
    });
  }, 120_000);
});
