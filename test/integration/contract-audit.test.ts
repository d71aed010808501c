/**
 * contract.md end to end, for what no other integration test drives through the CLI: a document stamped MẬT
 * (recorded, never merged or attached, the officer told in the digest), a scanned PDF (a person reads it, no
 * Không đạt), an .odt report (converted with LibreOffice), a unit's ordinary mail (no report evidence, no reply,
 * in the digest), a report received at night (the reply goes at once), the fields of `submissions --json` for
 * each, and `intake remind` run twice (the second sends nothing). Week 2026-W46: due Thu 12/11 15:00.
 */
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gmailMail, outlookMail, thunderbirdMail } from "../support/eml.ts";
import { CHIEF, OFFICE, startIntakeWorld, UNITS, type IntakeWorld } from "../support/intake.ts";
import { imageOnlyPdf, sofficeConvert } from "../support/docx-fixtures.ts";
import { reportDocx, type ReportSection } from "../support/reports.ts";

const sections = (unit: string): ReportSection[] => [
  { heading: "Kết quả thực hiện nhiệm vụ", items: [`${unit}: hoàn thành rà soát tài liệu tuyên truyền đối ngoại tuần 46.`] },
  { heading: "Khó khăn, vướng mắc", items: [`${unit}: thiếu biên tập viên ngoại ngữ.`] },
  { heading: "Kế hoạch công tác tuần tới", items: [`${unit}: chuẩn bị hội nghị giao ban tuần 47.`] },
];
const TITLE = "Kết quả công tác tuần 46 và kế hoạch công tác tuần 47";

let world: IntakeWorld;
const ids = {
  secret: "bc-tuan-46-nvdp@cuc.example.vn",
  odt: "bc-tuan-46-ttdn@cuc.example.vn",
  scanned: "bc-tuan-46-ttbc@cuc.example.vn",
  invitation: "giay-moi-vp@cuc.example.vn",
  night: "bc-tuan-46-vp@cuc.example.vn",
};
beforeAll(async () => {
  world = await startIntakeWorld();
  const secretDoc = await reportDocx({ header: ["MẬT", "CỤC THÔNG TIN ĐỐI NGOẠI", "PHÒNG NGHIỆP VỤ - ĐIỀU PHỐI"], title: TITLE, sections: sections("NVĐP"), producer: "word", style: "numbered" });
  const odt = await sofficeConvert(await reportDocx({ header: ["CỤC THÔNG TIN ĐỐI NGOẠI", "PHÒNG THÔNG TIN ĐIỆN TỬ"], title: TITLE, sections: sections("TTĐN"), producer: "libreoffice", style: "caps" }), "docx", "odt");
  await world.deliver(outlookMail({ from: { name: "Phòng NVĐP", address: UNITS.nvdp }, to: [OFFICE], subject: "Báo cáo tuần 46 - Phòng NVĐP", messageId: ids.secret, text: "Kính gửi Văn phòng,\nPhòng NVĐP gửi báo cáo tuần 46.", attachments: [{ filename: "Báo cáo tuần 46 - NVĐP.docx", content: secretDoc }] }), "2026-11-11T09:00:00+07:00");
  await world.deliver(thunderbirdMail({ from: { name: "Phòng TTĐN", address: UNITS.ttdn }, to: [OFFICE], subject: "Báo cáo tuần 46 - Phòng TTĐN", messageId: ids.odt, text: "Kính gửi Văn phòng,\nPhòng TTĐN gửi báo cáo tuần 46.", attachments: [{ filename: "Báo cáo tuần 46 - TTĐN.odt", content: odt }] }), "2026-11-11T09:30:00+07:00");
  await world.deliver(outlookMail({ from: { name: "Trung tâm BC", address: UNITS.ttbc }, to: [OFFICE], subject: "Báo cáo tuần 46 - TTBC", messageId: ids.scanned, text: "Kính gửi Văn phòng,\nTrung tâm gửi bản quét báo cáo tuần 46 đã ký.", attachments: [{ filename: "BC tuan 46 TTBC scan.pdf", content: imageOnlyPdf() }] }), "2026-11-11T10:00:00+07:00");
  await world.deliver(gmailMail({ from: { name: "Văn phòng Cục", address: UNITS.vp }, to: [OFFICE], subject: "Giấy mời họp Chi bộ tháng 11", messageId: ids.invitation, text: "Kính mời đồng chí dự họp Chi bộ vào 14 giờ 00 ngày 13/11/2026 tại phòng họp tầng 3." }), "2026-11-11T10:30:00+07:00");
  await world.deliver(
    gmailMail({
      from: { name: "Văn phòng Cục", address: UNITS.vp }, to: [OFFICE], subject: "Báo cáo tuần 46 - Văn phòng", messageId: ids.night,
      text: "Kính gửi Văn phòng,\nI. KẾT QUẢ THỰC HIỆN NHIỆM VỤ\n- VP: tổ chức hội nghị cán bộ.\nII. KẾ HOẠCH CÔNG TÁC TUẦN TỚI\n- VP: kiểm tra công tác văn thư.\nTrân trọng.",
    }),
    "2026-11-11T22:00:00+07:00",
  );
}, 300_000);
afterAll(async () => {
  await world?.stop();
});

describe("contract.md end to end: secrecy, scans, .odt, ordinary mail, night replies, remind twice", () => {
  it("poll at night: every field of every row, and the replies that go at once", async () => {
    const r = await world.run(["poll", "--once"], "2026-11-11T22:05:00");
    expect(r.code).toBe(0);
    const rows = await world.json<Record<string, unknown>[]>(["submissions"], "2026-11-11T22:05:00");
    const pick = (row: Record<string, unknown>) => {
      const { confidence: _c, lateSeconds: _l, decidedBy: _b, decidedAt: _a, note: _n, ...rest } = row;
      return { ...rest, reason: typeof rest.reason === "string" ? rest.reason.split(":")[0] + (/^[a-z_,]+: \p{L}/u.test(rest.reason) ? "+vi" : "") : rest.reason };
    };
    const common = { originalFrom: null, regime: "qt-vp-03", kind: "week", period: "2026-W46", deadline: "2026-11-12T15:00:00+07:00" };
    expect(rows.map(pick)).toEqual([
      { messageId: `<${ids.secret}>`, from: UNITS.nvdp, subject: "Báo cáo tuần 46 - Phòng NVĐP", receivedAt: "2026-11-11T09:00:00+07:00", ...common, unit: "nvdp", onTime: true, status: "accepted", verdict: "dat", missingSections: [], attachments: ["Báo cáo tuần 46 - NVĐP.docx"], latest: true, reason: null, secret: "MẬT" },
      { messageId: `<${ids.odt}>`, from: UNITS.ttdn, subject: "Báo cáo tuần 46 - Phòng TTĐN", receivedAt: "2026-11-11T09:30:00+07:00", ...common, unit: "ttdn", onTime: true, status: "accepted", verdict: "dat", missingSections: [], attachments: ["Báo cáo tuần 46 - TTĐN.odt"], latest: true, reason: null, secret: null },
      { messageId: `<${ids.scanned}>`, from: UNITS.ttbc, subject: "Báo cáo tuần 46 - TTBC", receivedAt: "2026-11-11T10:00:00+07:00", ...common, unit: "ttbc", onTime: true, status: "unclassified", verdict: null, missingSections: [], attachments: ["BC tuan 46 TTBC scan.pdf"], latest: null, reason: "scanned_document+vi", secret: null },
      { messageId: `<${ids.invitation}>`, from: UNITS.vp, subject: "Giấy mời họp Chi bộ tháng 11", receivedAt: "2026-11-11T10:30:00+07:00", originalFrom: null, regime: "qt-vp-03", unit: "vp", kind: null, period: null, deadline: null, onTime: null, status: "unclassified", verdict: null, missingSections: [], attachments: [], latest: null, reason: "no_report_evidence+vi", secret: null },
      { messageId: `<${ids.night}>`, from: UNITS.vp, subject: "Báo cáo tuần 46 - Văn phòng", receivedAt: "2026-11-11T22:00:00+07:00", ...common, unit: "vp", onTime: true, status: "accepted", verdict: "dat", missingSections: [], attachments: [], latest: true, reason: null, secret: null },
    ]);

    // Replies to a unit's own mail go at once, day or night; none to the scan or the invitation.
    const receipt = (u: keyof typeof UNITS) => world.servers.readMailbox(UNITS[u]).then((m) => m.map((x) => x.subject));
    expect(await receipt("nvdp")).toEqual(["Re: Báo cáo tuần 46 - Phòng NVĐP"]);
    expect(await receipt("ttdn")).toEqual(["Re: Báo cáo tuần 46 - Phòng TTĐN"]);
    expect(await receipt("ttbc")).toEqual([]);
    expect(await receipt("vp")).toEqual(["Re: Báo cáo tuần 46 - Văn phòng"]);
    const vp = (await world.servers.readMailbox(UNITS.vp))[0]!;
    expect(vp.inReplyTo).toBe(`<${ids.night}>`);
    // The MẬT document is never sent anywhere: the receipt carries no attachment.
    const nvdp = (await world.servers.readMailbox(UNITS.nvdp))[0]!;
    expect(nvdp.attachments).toEqual([]);
  }, 180_000);

  it("the 08:00 digest tells the officer of the scan, the invitation and the MẬT document; a second remind sends nothing", async () => {
    const before = (await world.servers.readMailbox(OFFICE)).length;
    const first = await world.run(["remind"], "2026-11-12T08:00:00");
    expect(first.code).toBe(0);
    const second = await world.run(["remind"], "2026-11-12T08:00:00");
    expect(second.code).toBe(0);
    const office = (await world.servers.readMailbox(OFFICE)).slice(before).filter((m) => m.headers["x-intake-bot"] !== undefined || /Tóm tắt/.test(m.subject));
    expect(office.map((m) => m.subject)).toEqual(["Tóm tắt hằng ngày của hệ thống tiếp nhận báo cáo, ngày 12/11/2026"]);
    const text = office[0]!.text;
    expect(text).toContain(`Message-ID <${ids.scanned}>`);
    expect(text).toContain(`Message-ID <${ids.invitation}>`);
    expect(text).toMatch(new RegExp(`3\\. Tài liệu có đóng dấu mật[^\\n]*\\n[^\\n]*Message-ID <${ids.secret.replace(/[.]/g, "\\.")}> — dấu MẬT`));
    expect(text).not.toContain(`Message-ID <${ids.odt}>`);
    // The only unit without an accepted report gets its missed -24h reminder once.
    expect((await world.servers.readMailbox(UNITS.ttbc)).map((m) => m.subject)).toEqual([
      "Nhắc gửi báo cáo tuần 46/2026 (từ 09/11/2026 đến 15/11/2026) - Trung tâm Báo chí và Hợp tác truyền thông quốc tế (hạn trước 15 giờ 00 ngày 12/11/2026 (Thứ Năm))",
    ]);
    expect((await world.servers.readMailbox(UNITS.nvdp))).toHaveLength(1);
  }, 180_000);

  it("the draft never merges nor attaches the MẬT report; the .odt and the night report are merged", async () => {
    const r = await world.run(["compile", "--regime", "qt-vp-03", "--period", "2026-W46", "--send"], "2026-11-13T09:00:00");
    expect(r.code).toBe(0);
    const mails = await world.servers.readMailbox(CHIEF);
    expect(mails).toHaveLength(1);
    const names = mails[0]!.attachments.map((a) => a.filename);
    expect(names.filter((n) => !/^Dự thảo/i.test(n ?? ""))).toEqual(["Báo cáo tuần 46 - TTĐN.odt"]);
    const draft = mails[0]!.attachments.find((a) => /\.docx$/.test(a.filename ?? "") && !/NVĐP/.test(a.filename ?? ""))!;
    const { value } = await mammoth.extractRawText({ buffer: draft.content });
    expect(value).not.toContain("NVĐP: hoàn thành rà soát");
    expect(value).not.toContain("NVĐP: chuẩn bị hội nghị giao ban");
    expect(value).toContain("[Phòng Nghiệp vụ - Điều phối: báo cáo có đóng dấu mật, chuyên viên xử lý thủ công]");
    expect(value).toContain("TTĐN: hoàn thành rà soát tài liệu tuyên truyền đối ngoại tuần 46.");
    expect(value).toContain("VP: kiểm tra công tác văn thư.");
    expect(mails[0]!.text).toContain("Không đính kèm tài liệu có đóng dấu mật: Phòng Nghiệp vụ - Điều phối.");
  }, 180_000);
});
