/**
 * Issue 11 against real Dovecot, the SMTP sink and SQLite, the CLI run as a child process:
 * - `intake check --json` reads .eml and .docx files without creating any database file;
 * - holdReplies: khong_dat holds a Không đạt (the unit gets nothing), the digest numbers it, the officer's "Duyệt 1"
 *   in reply to the digest releases it once (the same words from another address, or not in reply to a digest, do
 *   nothing), `outbox --release` sends once and a second `--release --all` sends nothing; a held reply superseded by
 *   a complete resend is dropped and the unit gets only the resend's receipt;
 * - `headings --suggest` lists the heading of a report a person overruled to Đạt, and its printed lines make
 *   `intake check` read that report as Đạt;
 * - `intake explain` shows the evidence, the reply sent and the actions with their authors.
 */
import { appendFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMail, outlookMail } from "../support/eml.ts";
import { qtvp03Sections, reportDocx } from "../support/reports.ts";
import { defaultRegimes, OFFICE, startIntakeWorld, UNITS, type IntakeWorld } from "../support/intake.ts";
import type { ReadMessage } from "../support/mail-servers.ts";
import { requireMessageId, UNIT_HEADER, type UnitId } from "../support/report-mail.ts";

const TITLE_W47 = "Kết quả công tác tuần 47 và kế hoạch công tác tuần 48";
const OWN_HEADING = "Tổng hợp hoạt động chuyên môn";

async function report(unit: UnitId, opts: { omit?: string[]; ketQua?: string; at: string; subject?: string }): Promise<Buffer> {
  const docx = await reportDocx({
    header: ["CỤC THÔNG TIN ĐỐI NGOẠI", UNIT_HEADER[unit]],
    title: TITLE_W47,
    sections: qtvp03Sections({ next: "tuần tới", ...(opts.omit ? { omit: opts.omit } : {}), ...(opts.ketQua ? { headings: { ket_qua: opts.ketQua } } : {}) }),
    producer: "docx",
    style: "numbered",
  });
  return outlookMail({
    from: { name: `Cán bộ ${unit}`, address: UNITS[unit] },
    to: [{ address: OFFICE }],
    subject: opts.subject ?? `Báo cáo tuần 47 - ${unit.toUpperCase()}`,
    text: `Kính gửi Văn phòng Cục,\nĐơn vị gửi báo cáo công tác tuần 47.\nTrân trọng.`,
    date: new Date(opts.at),
    messageId: `<w47-${unit}-${Date.parse(opts.at)}@${unit}.cuc.example.vn>`,
    attachments: [{ filename: `Báo cáo tuần 47 - ${unit.toUpperCase()}.docx`, content: docx }],
  });
}

interface OutboxJson {
  id: number;
  messageId: string;
  purpose: string;
  state: string;
  to: string[];
  subject: string;
  unit: string | null;
  lastError: string | null;
}

describe("intake check", () => {
  let world: IntakeWorld;
  let dir: string;
  let emptyData: string;
  beforeAll(async () => {
    world = await startIntakeWorld();
    dir = mkdtempSync(path.join(tmpdir(), "intake-check-"));
    emptyData = mkdtempSync(path.join(tmpdir(), "intake-check-data-"));
    writeFileSync(path.join(dir, "01-nvdp.eml"), await report("nvdp", { omit: ["ke_hoach"], at: "2026-11-18T09:00:00+07:00" }));
    writeFileSync(path.join(dir, "02-ttdn.eml"), await report("ttdn", { at: "2026-11-20T09:00:00+07:00" }));
    writeFileSync(
      path.join(dir, "03-ttbc.docx"),
      await reportDocx({ header: ["CỤC THÔNG TIN ĐỐI NGOẠI", UNIT_HEADER.ttbc], title: TITLE_W47, sections: qtvp03Sections({ next: "tuần tới" }), producer: "docx", style: "numbered" }),
    );
    writeFileSync(path.join(dir, "ghi-chu.txt"), "không phải báo cáo");
  }, 300_000);
  afterAll(async () => {
    await world?.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(emptyData, { recursive: true, force: true });
  });

  it("reads a folder of .eml and .docx, prints the submissions fields with evidence and reply, and creates no database", async () => {
    const r = await world.run(["check", dir, "--json"], "2026-11-18T10:00:00+07:00", { DATA_DIR: emptyData, DATABASE_URL: "" });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, any>[];
    expect(rows.map((x) => [path.basename(x.file), x.unit, x.kind, x.period, x.status, x.verdict, x.missingSections, x.onTime])).toEqual([
      ["01-nvdp.eml", "nvdp", "week", "2026-W47", "rejected", "khong_dat", ["ke_hoach"], true],
      // The Date header is the receipt time of an .eml: 20/11 09:00 is after Thursday's 15:00 deadline.
      ["02-ttdn.eml", "ttdn", "week", "2026-W47", "accepted", "dat", [], false],
      ["03-ttbc.docx", "ttbc", "week", "2026-W47", "accepted", "dat", [], true],
    ]);
    for (const x of rows) {
      for (const k of ["unit", "kind", "period", "deadline", "onTime", "status", "verdict", "missingSections", "attachments", "reason", "file", "evidence", "reply"]) expect(x, k).toHaveProperty(k);
      expect(x.deadline).toBe("2026-11-19T15:00:00+07:00");
    }
    const [nvdp, ttdn, ttbc] = rows as [Record<string, any>, Record<string, any>, Record<string, any>];
    expect(nvdp.evidence.classification).toContainEqual(expect.objectContaining({ about: "unit", source: "sender", value: "nvdp" }));
    expect(nvdp.evidence.sections.find((s: any) => s.id === "ket_qua")).toMatchObject({ found: true, heading: "I. Kết quả thực hiện nhiệm vụ", place: { file: "Báo cáo tuần 47 - NVDP.docx" } });
    expect(nvdp.evidence.sections.find((s: any) => s.id === "ke_hoach")).toMatchObject({ found: false, required: true, heading: null });
    expect(nvdp.reply.subject).toBe("Re: Báo cáo tuần 47 - NVDP");
    expect(nvdp.reply.text).toContain("Kết quả kiểm tra: Không đạt");
    expect(nvdp.reply.text).toContain("Kế hoạch công tác thời gian tiếp theo");
    expect(ttdn.reply.text).toContain("Kết quả kiểm tra: Đạt");
    expect(ttdn.receivedAt).toBe("2026-11-20T09:00:00+07:00");
    expect(ttbc.messageId).toBeNull();
    expect(ttbc.evidence.classification.some((e: any) => e.about === "unit" && e.source === "document-title")).toBe(true);
    expect(ttbc.reply.text).toContain("Kết quả kiểm tra: Đạt");
    // Nothing written: no database file, nothing else either.
    expect(existsSync(path.join(emptyData, "intake.db"))).toBe(false);
    expect(readdirSync(emptyData)).toEqual([]);
  }, 300_000);

  it("--at sets the receipt time; the human output is Vietnamese", async () => {
    const r = await world.run(["check", path.join(dir, "02-ttdn.eml"), "--at", "2026-11-19T14:59"], undefined, { DATA_DIR: emptyData });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Kết luận: đơn vị ttdn, loại week, kỳ 2026-W47");
    expect(r.stdout).toContain("Hạn gửi: 2026-11-19T15:00:00+07:00 — đúng hạn");
    expect(r.stdout).toContain("[có] Kế hoạch công tác thời gian tiếp theo: đề mục \"IV. Kế hoạch công tác tuần tới\"");
    expect(r.stdout).toContain("Kết quả: Đạt");
    expect(readdirSync(emptyData)).toEqual([]);
  }, 180_000);

  it.each([
    ["a missing file", ["check", "/khong/co/tep.eml"]],
    ["a bad --at", ["check", "DIR", "--at", "hôm qua"]],
    ["an unknown regime", ["check", "DIR", "--regime", "khong-co"]],
  ])("exits 2 for %s", async (_name, args) => {
    const r = await world.run(args.map((a) => (a === "DIR" ? dir : a)), undefined, { DATA_DIR: emptyData });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(readdirSync(emptyData)).toEqual([]);
  }, 180_000);
});

describe("held replies, commands by mail, learning headings, explain", () => {
  let world: IntakeWorld;
  let tmp: string;
  const sent: Record<string, Buffer> = {};

  const outbox = async (now: string) => world.json<OutboxJson[]>(["outbox"], now);
  const repliesTo = async (user: string, messageId: string): Promise<ReadMessage[]> => (await world.servers.readMailbox(user)).filter((m) => m.inReplyTo === messageId);
  async function deliverAndPoll(raw: Buffer, at: string, pollAt = at) {
    await world.deliver(raw, at);
    const r = await world.run(["poll", "--once"], pollAt);
    expect(r.code, r.stderr).toBe(0);
  }

  beforeAll(async () => {
    world = await startIntakeWorld({ regimes: defaultRegimes({ holdReplies: "khong_dat" }) });
    tmp = mkdtempSync(path.join(tmpdir(), "intake-steer-"));
  }, 300_000);
  afterAll(async () => {
    await world?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it("holds a Không đạt: the unit gets nothing, outbox --json shows held", async () => {
    sent.nvdp = await report("nvdp", { omit: ["ke_hoach"], at: "2026-11-18T09:00:00+07:00" });
    // Polled at the delivery instant: the first poll is the go-live, and this mail is not older than it.
    await deliverAndPoll(sent.nvdp, "2026-11-18T09:00:00+07:00");
    sent.vp = await report("vp", { omit: ["ke_hoach"], at: "2026-11-18T09:10:00+07:00" });
    sent.ttdn1 = await report("ttdn", { omit: ["ke_hoach"], at: "2026-11-18T09:10:00+07:00" });
    await world.deliver(sent.vp, "2026-11-18T09:10:00+07:00");
    await deliverAndPoll(sent.ttdn1, "2026-11-18T09:10:00+07:00", "2026-11-18T09:15:00+07:00");
    const rows = await outbox("2026-11-18T09:16:00+07:00");
    const held = rows.filter((r) => r.state === "held");
    expect(held.map((r) => [r.unit, r.purpose])).toEqual([["nvdp", "khong_dat"], ["vp", "khong_dat"], ["ttdn", "khong_dat"]]);
    expect(held[0]!.lastError).toMatch(/^held: /);
    for (const u of ["nvdp", "vp", "ttdn"] as const) expect(await repliesTo(UNITS[u], requireMessageId(sent[u === "ttdn" ? "ttdn1" : u]!))).toEqual([]);
  }, 300_000);

  it("a complete resend drops the held reply of the earlier version; the unit gets only the resend's receipt", async () => {
    sent.ttdn2 = await report("ttdn", { at: "2026-11-18T10:00:00+07:00", subject: "Báo cáo tuần 47 - TTDN (bổ sung)" });
    await deliverAndPoll(sent.ttdn2, "2026-11-18T10:00:00+07:00", "2026-11-18T10:05:00+07:00");
    const ttdnRows = (await outbox("2026-11-18T10:06:00+07:00")).filter((r) => r.unit === "ttdn");
    expect(ttdnRows.map((r) => [r.purpose, r.state])).toEqual([["khong_dat", "dropped"], ["receipt", "sent"]]);
    expect(ttdnRows[0]!.lastError).toMatch(/^superseded: /);
    const inbox = (await world.servers.readMailbox(UNITS.ttdn)).filter((m) => m.headers["x-intake-bot"]?.includes("purpose=receipt") || m.headers["x-intake-bot"]?.includes("purpose=khong_dat"));
    expect(inbox.map((m) => [m.inReplyTo, m.headers["x-intake-bot"]])).toEqual([[requireMessageId(sent.ttdn2), "bao-cao-intake; purpose=receipt"]]);
  }, 300_000);

  let digestId = "";
  it("the digest numbers the held replies with unit, period, what is missing and the first lines", async () => {
    const r = await world.run(["remind"], "2026-11-19T08:00:00+07:00");
    expect(r.code, r.stderr).toBe(0);
    const digest = (await outbox("2026-11-19T08:01:00+07:00")).find((o) => o.purpose === "digest");
    expect(digest?.state).toBe("sent");
    digestId = digest!.messageId;
    const mail = (await world.servers.readMailbox(OFFICE)).find((m) => m.messageId === digestId);
    expect(mail).toBeDefined();
    const lines = mail!.text.split(/\r?\n/);
    const one = lines.find((l) => l.startsWith("- Thư số 1: "));
    const two = lines.find((l) => l.startsWith("- Thư số 2: "));
    expect(one).toContain("Phòng Nghiệp vụ - Điều phối — báo cáo tuần 47/2026");
    expect(one).toContain("thiếu: Kế hoạch công tác thời gian tiếp theo");
    expect(one).toContain("Kết quả kiểm tra: Không đạt");
    expect(two).toContain("Văn phòng — báo cáo tuần 47/2026");
    expect(mail!.text).toContain('"Duyệt 1, 3"');
    expect(lines.some((l) => l.includes("Truyền thông đối ngoại") && l.startsWith("- Thư số"))).toBe(false);
  }, 300_000);

  const officerReply = (from: string, text: string, at: string, inReplyTo: string | null) =>
    buildMail({
      client: "thunderbird",
      from: { name: "Nguyễn Thị Hoa", address: from },
      to: [{ address: OFFICE }],
      subject: "Re: Tóm tắt hằng ngày của hệ thống tiếp nhận báo cáo, ngày 19/11/2026",
      text: `${text}\n\nVào 08:00 ngày 19/11/2026, Văn phòng Cục đã viết:\n> Thư số 1: ...`,
      date: new Date(at),
      messageId: `<reply-${Date.parse(at)}-${from}@cuc.example.vn>`,
      ...(inReplyTo ? { inReplyTo, references: [inReplyTo] } : {}),
    });

  it("'Duyệt 1' from another address, or not in reply to a digest, changes nothing", async () => {
    await deliverAndPoll(officerReply(UNITS.ttbc, "Duyệt 1", "2026-11-19T08:30:00+07:00", digestId), "2026-11-19T08:30:00+07:00");
    await deliverAndPoll(officerReply(OFFICE, "Duyệt 1", "2026-11-19T08:40:00+07:00", null), "2026-11-19T08:40:00+07:00");
    const held = (await outbox("2026-11-19T08:41:00+07:00")).filter((r) => r.state === "held").map((r) => r.unit);
    expect(held).toEqual(["nvdp", "vp"]);
    expect(await repliesTo(UNITS.nvdp, requireMessageId(sent.nvdp!))).toEqual([]);
  }, 300_000);

  it("'Duyệt 1' from the officer in reply to the digest releases held reply 1 once, and the bot says what it did", async () => {
    const reply = officerReply(OFFICE, "Duyệt 1", "2026-11-19T08:50:00+07:00", digestId);
    await deliverAndPoll(reply, "2026-11-19T08:50:00+07:00");
    const toNvdp = await repliesTo(UNITS.nvdp, requireMessageId(sent.nvdp!));
    expect(toNvdp).toHaveLength(1);
    expect(toNvdp[0]!.text).toContain("Kết quả kiểm tra: Không đạt");
    const answer = (await repliesTo(OFFICE, requireMessageId(reply)))[0];
    expect(answer?.headers["x-intake-bot"]).toBe("bao-cao-intake; purpose=answer");
    expect(answer?.text).toContain("- Duyệt thư số 1: đã duyệt, thư trả lời được gửi");
    // The same command again: nothing more is sent, and the answer says so.
    const again = officerReply(OFFICE, "duyet 1", "2026-11-19T08:55:00+07:00", digestId);
    await deliverAndPoll(again, "2026-11-19T08:55:00+07:00");
    expect(await repliesTo(UNITS.nvdp, requireMessageId(sent.nvdp!))).toHaveLength(1);
    expect((await repliesTo(OFFICE, requireMessageId(again)))[0]?.text).toContain("không còn chờ duyệt");
    // An unknown command gets the list of commands.
    const unknown = officerReply(OFFICE, "Cảm ơn hệ thống.", "2026-11-19T08:57:00+07:00", digestId);
    await deliverAndPoll(unknown, "2026-11-19T08:57:00+07:00");
    const help = (await repliesTo(OFFICE, requireMessageId(unknown)))[0]?.text ?? "";
    expect(help).toContain("không đọc được lệnh nào");
    expect(help).toContain("- Hủy 2: <lý do>");
  }, 300_000);

  it("outbox --release ID delivers once; a second --release --all sends nothing", async () => {
    const vp = (await outbox("2026-11-19T09:00:00+07:00")).find((r) => r.unit === "vp" && r.state === "held")!;
    const r1 = await world.run(["outbox", "--release", String(vp.id), "--by", "nguyen.thi.hoa"], "2026-11-19T09:00:00+07:00");
    expect(r1.code, r1.stderr).toBe(0);
    expect(r1.stdout).toContain(`Thư mã ${vp.id}: đã duyệt`);
    expect(await repliesTo(UNITS.vp, requireMessageId(sent.vp!))).toHaveLength(1);
    const before = (await outbox("2026-11-19T09:01:00+07:00")).filter((r) => r.state === "sent").length;
    const r2 = await world.run(["outbox", "--release", "--all"], "2026-11-19T09:02:00+07:00");
    expect(r2.code, r2.stderr).toBe(0);
    expect(r2.stdout).toContain("Không có thư nào đang chờ duyệt.");
    expect((await outbox("2026-11-19T09:03:00+07:00")).filter((r) => r.state === "sent").length).toBe(before);
    expect(await repliesTo(UNITS.vp, requireMessageId(sent.vp!))).toHaveLength(1);
  }, 300_000);

  it("headings --suggest lists the heading of a report overruled to Đạt; its lines make `intake check` read it Đạt", async () => {
    sent.ttbc = await report("ttbc", { ketQua: OWN_HEADING, at: "2026-11-19T09:30:00+07:00" });
    await deliverAndPoll(sent.ttbc, "2026-11-19T09:30:00+07:00");
    const file = path.join(tmp, "ttbc.eml");
    writeFileSync(file, sent.ttbc);
    const before = await world.json<Record<string, any>[]>(["check", file]);
    expect(before[0]!.verdict).not.toBe("dat");
    const review = await world.run(["review", requireMessageId(sent.ttbc), "--dat", "--by", "nguyen.thi.hoa", "--note", "Mục I là kết quả công tác"], "2026-11-19T09:40:00+07:00");
    expect(review.code, review.stderr).toBe(0);

    const s = await world.json<{ suggestions: Record<string, any>[]; yaml: Record<string, string> }>(["headings", "--suggest"], "2026-11-19T09:45:00+07:00");
    const mine = s.suggestions.find((x) => x.heading === OWN_HEADING);
    expect(mine).toMatchObject({ regime: "qt-vp-03", section: "ket_qua", count: 1, units: ["ttbc"], overruled: true });
    expect(s.yaml["qt-vp-03"]).toContain(`    sectionHeadings:\n      ket_qua:\n        - "${OWN_HEADING}"\n`);
    const human = await world.run(["headings", "--suggest"], "2026-11-19T09:45:00+07:00");
    expect(human.stdout).toContain(s.yaml["qt-vp-03"]);

    appendFileSync(world.regimesFile, s.yaml["qt-vp-03"]!);
    const after = await world.json<Record<string, any>[]>(["check", file]);
    expect(after[0]).toMatchObject({ unit: "ttbc", status: "accepted", verdict: "dat", missingSections: [] });
    expect(after[0]!.evidence.sections.find((x: any) => x.id === "ket_qua").heading).toBe(`I. ${OWN_HEADING}`);
    // Past records stay as they were: the report's record is the person's decision, not a new reading.
    const rows = await world.json<Record<string, any>[]>(["submissions"]);
    expect(rows.find((x) => x.messageId === requireMessageId(sent.ttbc!))).toMatchObject({ verdict: "dat", decidedBy: "nguyen.thi.hoa" });
  }, 300_000);

  it("explain shows the evidence, the reply sent and the people's actions with who and when", async () => {
    const x = await world.json<Record<string, any>>(["explain", requireMessageId(sent.nvdp!)], "2026-11-19T10:00:00+07:00");
    expect(x.reading[0].evidence.sections.find((s: any) => s.id === "ket_qua")).toMatchObject({ found: true, heading: "I. Kết quả thực hiện nhiệm vụ" });
    expect(x.outbox).toEqual([expect.objectContaining({ purpose: "khong_dat", state: "sent", to: [UNITS.nvdp], sentAt: "2026-11-19T08:50:00+07:00" })]);
    expect(x.actions).toEqual([expect.objectContaining({ kind: "release", by: OFFICE, at: "2026-11-19T08:50:00+07:00" })]);

    const text = await world.run(["explain", requireMessageId(sent.ttbc!)], "2026-11-19T10:00:00+07:00");
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain("2026-11-19T09:40:00+07:00 — nguyen.thi.hoa: đánh giá lại");
    expect(text.stdout).toContain(`[có] Kết quả thực hiện nhiệm vụ: đề mục "I. ${OWN_HEADING}"`);
    expect(text.stdout).toMatch(/\[đã gửi\] mã \d+, receipt, đến ttbc@cuc\.example\.vn/);
  }, 300_000);
});
