/**
 * Issue 10 item 4, Done when: "An ad-hoc request to 4 units answered by 3 gives 3 accepted answers, a chase to the
 * fourth, and a merged draft." Real Dovecot + SMTP + SQLite, the CLI as a child process, INTAKE_NOW walking through
 * the week of 16/11/2026:
 * - Mon 09:00 `intake request` to the four units, asking for results and proposals (`--sections ket_qua,kien_nghi`),
 *   due Thu 19/11 17:00;
 * - NVĐP answers in the request's thread (In-Reply-To), TTĐN in a fresh mail citing the code in its subject, TTBC in
 *   the thread first without its proposals (Không đạt: the request's own section, its own deadline), then again
 *   complete; VP never answers;
 * - `intake remind` at the reminder times and after the deadline (each twice): reminders only to the units that have
 *   not answered, the chase only to VP, once; the draft to the Chánh Văn phòng the morning after, merging the three.
 */
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gmailMail, outlookMail, thunderbirdMail } from "../support/eml.ts";
import { reportDocx, type ReportSection } from "../support/reports.ts";
import { CHIEF, OFFICE, startIntakeWorld, UNITS, type IntakeWorld } from "../support/intake.ts";
import type { ReadMessage } from "../support/mail-servers.ts";

let world: IntakeWorld;
beforeAll(async () => {
  world = await startIntakeWorld();
}, 120_000);
afterAll(async () => {
  await world?.stop();
});

type UnitId = keyof typeof UNITS;
const NAME: Record<UnitId, string> = {
  nvdp: "Phòng Nghiệp vụ - Điều phối",
  ttdn: "Phòng Truyền thông đối ngoại",
  ttbc: "Trung tâm Báo chí và Hợp tác truyền thông quốc tế",
  vp: "Văn phòng",
};
const TITLE = "Báo cáo kết quả tuyên truyền kỷ niệm 80 năm Quốc khánh";
const CODE = "YC-2026-001";
const RESULT: Record<UnitId, string> = {
  nvdp: "NVĐP đã điều phối 12 đoàn phóng viên nước ngoài dự lễ kỷ niệm.",
  ttdn: "TTĐN đã đăng 45 tin, bài trên cổng thông tin đối ngoại.",
  ttbc: "TTBC đã tổ chức 3 cuộc họp báo quốc tế.",
  vp: "Văn phòng đã tổng hợp 20 ý kiến của các đơn vị.",
};

function answerDoc(unit: UnitId, omitProposals = false): Promise<Buffer> {
  const sections: ReportSection[] = [
    { heading: "Kết quả thực hiện", items: [RESULT[unit]] },
    ...(omitProposals ? [] : [{ heading: "Kiến nghị, đề xuất", items: [`${unit.toUpperCase()} đề nghị tiếp tục bố trí kinh phí tuyên truyền.`] }]),
  ];
  return reportDocx({ header: ["CỤC THÔNG TIN ĐỐI NGOẠI", NAME[unit].toLocaleUpperCase("vi")], title: TITLE, sections, producer: "docx", style: "numbered" });
}

/** Delivers a mail at `at` (local) and polls a minute later. */
async function arrive(raw: Buffer, at: string): Promise<void> {
  await world.deliver(raw, new Date(`${at}+07:00`));
  const later = new Date(new Date(`${at}+07:00`).getTime() + 60_000);
  const r = await world.run(["poll", "--once"], later.toISOString());
  expect(r.code, r.stderr).toBe(0);
}

const ofRequest = (ms: ReadMessage[]) => ms.filter((m) => m.subject.includes(CODE));
const seen = new Map<string, number>();
/** The mail about the request that arrived in `who`'s mailbox since the last look. */
async function fresh(who: string): Promise<ReadMessage[]> {
  const all = ofRequest(await world.servers.readMailbox(who));
  const out = all.slice(seen.get(who) ?? 0);
  seen.set(who, all.length);
  return out;
}

async function remindTwice(now: string): Promise<void> {
  for (let i = 0; i < 2; i++) {
    const r = await world.run(["remind"], now);
    expect(r.code, r.stderr).toBe(0);
  }
}

interface Sub {
  messageId: string;
  unit: string | null;
  kind: string | null;
  period: string | null;
  status: string;
  verdict: string | null;
  onTime: boolean | null;
  deadline: string | null;
  missingSections: string[];
  latest: boolean;
}

describe("an ad-hoc request to 4 units answered by 3", () => {
  let requestIds: Record<string, string> = {};

  it("mails the request to the four units", async () => {
    const r = await world.run(
      ["request", "--title", TITLE, "--deadline", "2026-11-19T17:00", "--units", "nvdp,ttdn,ttbc,vp", "--sections", "ket_qua,kien_nghi", "--by", "Lãnh đạo Cục"],
      "2026-11-16T09:00:00",
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Đã lập yêu cầu báo cáo ${CODE}`);
    for (const unit of Object.keys(UNITS) as UnitId[]) {
      const got = await fresh(UNITS[unit]);
      expect(got, unit).toHaveLength(1);
      requestIds[unit] = got[0]!.messageId!;
    }
    requestIds = { ...requestIds };
  }, 120_000);

  it("NVĐP answers in the thread: Đạt, on time, period = the request's code", async () => {
    const doc = await answerDoc("nvdp");
    await arrive(
      outlookMail({
        from: { name: NAME.nvdp, address: UNITS.nvdp }, to: [OFFICE], date: new Date("2026-11-17T10:00:00+07:00"),
        subject: `RE: [${CODE}] Đề nghị báo cáo: ${TITLE} (hạn trước 17 giờ 00 ngày 19/11/2026 (Thứ Năm))`,
        inReplyTo: requestIds.nvdp!, references: [requestIds.nvdp!],
        text: "Kính gửi Văn phòng Cục,\nPhòng NVĐP gửi báo cáo theo đề nghị.\nTrân trọng.",
        attachments: [{ filename: "BC tuyen truyen Quoc khanh.docx", content: doc }],
      }),
      "2026-11-17T10:00:00",
    );
    const [reply] = await fresh(UNITS.nvdp);
    expect(reply?.subject).toMatch(/^RE: \[YC-2026-001\] /);
    expect(reply?.text).toContain("Kết quả kiểm tra: Đạt");
    expect(reply?.text).toContain(`báo cáo đột xuất ${CODE}`);
    expect(reply?.text).toContain("Báo cáo được gửi đúng thời hạn quy định, trước 17 giờ 00 ngày 19/11/2026 (Thứ Năm).");
  }, 120_000);

  it("the first reminder goes, once, to the three units without an answer", async () => {
    await remindTwice("2026-11-18T08:00:00");
    expect(await fresh(UNITS.nvdp)).toEqual([]);
    for (const unit of ["ttdn", "ttbc", "vp"] as const) {
      const got = await fresh(UNITS[unit]);
      expect(got, unit).toHaveLength(1);
      expect(got[0]!.subject, unit).toContain(`báo cáo đột xuất ${CODE} - ${NAME[unit]}`);
      expect(got[0]!.text).toContain(`Thực hiện yêu cầu báo cáo đột xuất ${CODE}`);
    }
  }, 120_000);

  it("TTĐN answers in a fresh mail citing the code; TTBC in the thread without its proposals: Không đạt naming them", async () => {
    const ttdn = await answerDoc("ttdn");
    await arrive(
      gmailMail({
        from: { name: NAME.ttdn, address: UNITS.ttdn }, to: [OFFICE], date: new Date("2026-11-18T14:00:00+07:00"),
        subject: `Báo cáo theo yêu cầu ${CODE} - Phòng Truyền thông đối ngoại`,
        text: "Kính gửi Văn phòng Cục,\nPhòng TTĐN gửi báo cáo.\nTrân trọng.",
        attachments: [{ filename: "TTDN - bao cao tuyen truyen.docx", content: ttdn }],
      }),
      "2026-11-18T14:00:00",
    );
    const [dat] = await fresh(UNITS.ttdn);
    expect(dat?.text).toContain("Kết quả kiểm tra: Đạt");

    const partial = await answerDoc("ttbc", true);
    await arrive(
      thunderbirdMail({
        from: { name: NAME.ttbc, address: UNITS.ttbc }, to: [OFFICE], date: new Date("2026-11-19T10:00:00+07:00"),
        subject: `Re: [${CODE}] Đề nghị báo cáo: ${TITLE}`,
        inReplyTo: requestIds.ttbc!, references: [requestIds.ttbc!],
        text: "Kính gửi Văn phòng Cục,\nTrung tâm gửi báo cáo.\nTrân trọng.",
        attachments: [{ filename: "TTBC bao cao.docx", content: partial }],
      }),
      "2026-11-19T10:00:00",
    );
    const [kd] = await fresh(UNITS.ttbc);
    expect(kd?.text).toContain("Kết quả kiểm tra: Không đạt");
    expect(kd?.text).toContain(`theo yêu cầu báo cáo đột xuất ${CODE}`);
    expect(kd?.text).toContain("Kiến nghị, đề xuất");
    expect(kd?.text).not.toContain("QT.VP.03");
  }, 120_000);

  it("the second reminder goes to TTBC (its answer was Không đạt) and VP only", async () => {
    await remindTwice("2026-11-19T15:00:00");
    expect(await fresh(UNITS.nvdp)).toEqual([]);
    expect(await fresh(UNITS.ttdn)).toEqual([]);
    const ttbc = await fresh(UNITS.ttbc);
    expect(ttbc).toHaveLength(1);
    expect(ttbc[0]!.subject).toMatch(/^Nhắc/);
    expect(await fresh(UNITS.vp)).toHaveLength(1);
  }, 120_000);

  it("TTBC answers again, complete, before the deadline: Đạt", async () => {
    const full = await answerDoc("ttbc");
    await arrive(
      thunderbirdMail({
        from: { name: NAME.ttbc, address: UNITS.ttbc }, to: [OFFICE], date: new Date("2026-11-19T16:00:00+07:00"),
        subject: `Re: [${CODE}] Đề nghị báo cáo: ${TITLE}`,
        inReplyTo: requestIds.ttbc!, references: [requestIds.ttbc!],
        text: "Kính gửi Văn phòng Cục,\nTrung tâm gửi lại báo cáo đã bổ sung.\nTrân trọng.",
        attachments: [{ filename: "TTBC bao cao (bo sung).docx", content: full }],
      }),
      "2026-11-19T16:00:00",
    );
    const [dat] = await fresh(UNITS.ttbc);
    expect(dat?.text).toContain("Kết quả kiểm tra: Đạt");
  }, 120_000);

  it("after the deadline: one chase to VP only (twice run, once sent) and the merged draft to the Chánh Văn phòng", async () => {
    await remindTwice("2026-11-20T08:00:00");
    for (const unit of ["nvdp", "ttdn", "ttbc"] as const) expect(await fresh(UNITS[unit]), unit).toEqual([]);
    const vp = await fresh(UNITS.vp);
    expect(vp).toHaveLength(1);
    expect(vp[0]!.subject).toMatch(/^Đôn đốc gửi báo cáo đột xuất YC-2026-001 - Văn phòng/);
    expect(vp[0]!.text).toContain(`Theo yêu cầu báo cáo đột xuất ${CODE}, thời hạn gửi báo cáo đột xuất ${CODE} là trước 17 giờ 00 ngày 19/11/2026 (Thứ Năm).`);
    // Later the same day and the next working day: no second chase.
    await remindTwice("2026-11-20T14:00:00");
    await remindTwice("2026-11-23T08:00:00");
    expect(await fresh(UNITS.vp)).toEqual([]);

    const drafts = (await world.servers.readMailbox(CHIEF)).filter((m) => m.subject.includes(CODE));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.subject).toBe(`Dự thảo báo cáo đột xuất ${CODE} về kết quả tuyên truyền kỷ niệm 80 năm Quốc khánh`);
    const docx = drafts[0]!.attachments.find((a) => a.filename.endsWith(".docx"))!;
    const text = (await mammoth.extractRawText({ buffer: docx.content })).value;
    for (const unit of ["nvdp", "ttdn", "ttbc"] as const) expect(text, unit).toContain(RESULT[unit]);
    expect(text).toContain("Kết quả tuyên truyền kỷ niệm 80 năm Quốc khánh");
  }, 300_000);

  it("submissions --json: three accepted answers whose period is the request's code, and TTBC's Không đạt version", async () => {
    const subs = (await world.json<Sub[]>(["submissions", "--json"], "2026-11-23T09:00:00")).filter((s) => s.period === CODE);
    expect(subs.every((s) => s.kind === "request" && s.deadline === "2026-11-19T17:00:00+07:00")).toBe(true);
    const accepted = subs.filter((s) => s.status === "accepted");
    expect(accepted.map((s) => [s.unit, s.verdict, s.onTime]).sort()).toEqual([
      ["nvdp", "dat", true],
      ["ttbc", "dat", true],
      ["ttdn", "dat", true],
    ]);
    expect(subs.filter((s) => s.status === "rejected").map((s) => [s.unit, s.missingSections])).toEqual([["ttbc", ["kien_nghi"]]]);
  }, 120_000);

  it("status --period YC-2026-001: the four units asked, against the request's deadline", async () => {
    const rows = await world.json<{ unit: string; state: string; deadline: string | null; versions: number }[]>(["status", "--period", CODE, "--json"], "2026-11-23T09:00:00");
    expect(rows.map((r) => [r.unit, r.state, r.versions])).toEqual([
      ["nvdp", "on_time", 1],
      ["ttdn", "on_time", 1],
      ["ttbc", "on_time", 2],
      ["vp", "missing", 0],
    ]);
    expect(rows[0]!.deadline).toBe("2026-11-19T17:00:00+07:00");
  }, 120_000);

  it("an answer from an address no unit registered waits for a person; assigned to VP it is a late Đạt answer, and the draft is updated once", async () => {
    const leader = "lanhdao.vp@gmail.com";
    const doc = await answerDoc("vp");
    const raw = gmailMail({
      from: { name: "Nguyễn Văn A", address: leader }, to: [OFFICE], date: new Date("2026-11-23T10:00:00+07:00"),
      subject: `Gửi báo cáo ${CODE}`, text: "Kính gửi Văn phòng Cục,\nVăn phòng gửi báo cáo (gửi muộn, mong thông cảm).\nTrân trọng.",
      attachments: [{ filename: "bao cao.docx", content: doc }],
    });
    await arrive(raw, "2026-11-23T10:00:00");
    const waiting = (await world.json<(Sub & { reason: string | null; from: string })[]>(["submissions", "--json"], "2026-11-23T10:05:00")).filter((s) => s.from === leader);
    expect(waiting.map((s) => [s.status, s.period, s.reason?.split(":")[0]])).toEqual([["unclassified", CODE, "unknown_sender"]]);
    expect(await fresh(UNITS.vp)).toEqual([]);

    const r = await world.run(["assign", waiting[0]!.messageId, "--unit", "vp", "--period", CODE, "--by", "Chuyên viên tổng hợp"], "2026-11-23T10:30:00");
    expect(r.code, r.stderr).toBe(0);
    const after = (await world.json<Sub[]>(["submissions", "--json"], "2026-11-23T10:31:00")).filter((s) => s.messageId === waiting[0]!.messageId);
    expect(after.map((s) => [s.unit, s.kind, s.period, s.status, s.onTime])).toEqual([["vp", "request", CODE, "accepted", false]]);
    // The receipt goes to the sender, the unit's registered address in copy; it says the answer was late.
    const [receipt] = await fresh(UNITS.vp);
    expect(receipt?.text).toContain("Kết quả kiểm tra: Đạt");
    expect(receipt?.text).toContain("Báo cáo được gửi muộn");

    await remindTwice("2026-11-23T10:40:00");
    const drafts = (await world.servers.readMailbox(CHIEF)).filter((m) => m.subject.includes(CODE));
    expect(drafts.map((m) => m.subject)).toEqual([
      `Dự thảo báo cáo đột xuất ${CODE} về kết quả tuyên truyền kỷ niệm 80 năm Quốc khánh`,
      `Dự thảo báo cáo đột xuất ${CODE} về kết quả tuyên truyền kỷ niệm 80 năm Quốc khánh (bản cập nhật lần 1)`,
    ]);
    const docx = drafts[1]!.attachments.find((a) => a.filename.endsWith(".docx"))!;
    expect((await mammoth.extractRawText({ buffer: docx.content })).value).toContain(RESULT.vp);
  }, 300_000);

  it("intake compile --period YC-2026-001 gives the same merged draft, now with VP's", async () => {
    const r = await world.run(["compile", "--period", CODE, "--out", `${world.dataDir}/yc.docx`], "2026-11-23T11:00:00");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("4 báo cáo Đạt");
    const { readFileSync } = await import("node:fs");
    const text = (await mammoth.extractRawText({ buffer: readFileSync(`${world.dataDir}/yc.docx`) })).value;
    for (const unit of ["nvdp", "ttdn", "ttbc", "vp"] as const) expect(text, unit).toContain(RESULT[unit]);
  }, 120_000);
});
