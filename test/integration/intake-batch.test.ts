/**
 * Issue 2, "Done when" 1: a mailbox of 35 varied mails (4 units; week, month, quarter, half-year and year reports;
 * on time, one minute late, days late; forwards by a colleague and by the officer, as message/rfc822 and inline;
 * no diacritics, NFD file names, a body-only report, windows-1258; auto-reply, bounce, newsletter, unknown sender,
 * the bot's own mail, the officer's own mail) placed with chosen INTERNALDATEs, one `intake poll --once`, and every
 * field of every row of `submissions --json` asserted.
 *
 * Deadlines (domain.md, Asia/Ho_Chi_Minh): week → Thursday 15:00; month → the 28th 00:00; quarter → the 28th of
 * its last month 00:00; H1 → 30/6 00:00; year → 20/11 00:00. On time = strictly before.
 * The scenario lies in 2025: Dovecot replaces an INTERNALDATE in the future by the time of the APPEND, so every
 * receipt time must be in the past of the machine's clock (the test checks that they were kept).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { autoReplyMail, bounceMail, buildMail, gmailMail, outlookMail, thunderbirdMail, appleMail, type MailSpec } from "../support/eml.ts";
import { defaultRegimes, OFFICE, startIntakeWorld, UNITS, type IntakeWorld } from "../support/intake.ts";
import { qtvp03Sections, reportDocx } from "../support/reports.ts";
import { messageIdOf, unitReport, viewRow, type RowView, type UnitId } from "../support/report-mail.ts";

const DUE: Record<string, string> = {
  "2025-W46": "2025-11-13T15:00:00+07:00",
  "2025-W47": "2025-11-20T15:00:00+07:00",
  "2025-W48": "2025-11-27T15:00:00+07:00",
  "2025-10": "2025-10-28T00:00:00+07:00",
  "2025-11": "2025-11-28T00:00:00+07:00",
  "2025-Q3": "2025-09-28T00:00:00+07:00",
  "2025-Q4": "2025-12-28T00:00:00+07:00",
  "2025-H1": "2025-06-30T00:00:00+07:00",
  "2025": "2025-11-20T00:00:00+07:00",
};

const NOW = "2025-12-02T12:00:00";
const COVER = "Kính gửi Văn phòng Cục,\nĐơn vị xin gửi báo cáo theo quy định (tệp đính kèm).\nTrân trọng.";

interface Case {
  name: string;
  raw: Buffer;
  at: string;
  rows: RowView[];
}

interface ReportRowSpec {
  unit: UnitId;
  kind: "week" | "month" | "quarter" | "half" | "year";
  period: string;
  /** 0 = on time; else seconds after the due instant. */
  lateSeconds: number;
  attachments: string[];
  missing?: string[];
  latest?: boolean;
  from?: string;
  originalFrom?: string | null;
}

function reportRow(raw: Buffer, subject: string, at: string, r: ReportRowSpec): RowView {
  const rejected = (r.missing ?? []).length > 0;
  return {
    messageId: messageIdOf(raw)!,
    from: r.from ?? UNITS[r.unit],
    originalFrom: r.originalFrom ?? null,
    subject,
    receivedAt: at,
    regime: "qt-vp-03",
    unit: r.unit,
    kind: r.kind,
    period: r.period,
    deadline: DUE[r.period]!,
    onTime: r.lateSeconds === 0,
    lateSeconds: r.lateSeconds,
    status: rejected ? "rejected" : "accepted",
    verdict: rejected ? "khong_dat" : "dat",
    missingSections: r.missing ?? [],
    attachments: r.attachments,
    latest: r.latest ?? true,
    reason: rejected ? "missing_sections+vi" : null,
  };
}

function otherRow(raw: Buffer, subject: string, at: string, from: string, r: Partial<RowView> & { status: string; reason: string }): RowView {
  return {
    messageId: messageIdOf(raw)!,
    from,
    originalFrom: null,
    subject,
    receivedAt: at,
    regime: null,
    unit: null,
    kind: null,
    period: null,
    deadline: null,
    onTime: null,
    lateSeconds: null,
    verdict: null,
    missingSections: [],
    attachments: [],
    latest: null,
    ...r,
  };
}

const unitName = { nvdp: "Phòng NVĐP", ttdn: "Phòng TTĐN", ttbc: "Trung tâm Báo chí", vp: "Văn phòng" } as const;
const sender = (u: UnitId, person?: string) => ({ name: person ?? unitName[u], address: UNITS[u] });

/** One unit mailing one report file: the raw mail (built by `client`) and its expected row. */
async function single(
  client: (s: Omit<MailSpec, "client">) => Buffer,
  c: { name: string; unit: UnitId; at: string; subject: string; file: string; title: string; next: string; row: Omit<ReportRowSpec, "unit" | "attachments">; doc?: Partial<Parameters<typeof unitReport>[0]>; nameStyle?: "nfd" | "rfc2231" | "outlook-rfc2047" },
): Promise<Case> {
  const content = await unitReport({ unit: c.unit, title: c.title, next: c.next, ...c.doc });
  const raw = client({
    from: sender(c.unit),
    to: [OFFICE],
    subject: c.subject,
    date: new Date(c.at),
    text: COVER,
    attachments: [{ filename: c.file, content, ...(c.nameStyle ? { nameStyle: c.nameStyle } : {}) }],
  });
  return { name: c.name, raw, at: c.at, rows: [reportRow(raw, c.subject, c.at, { unit: c.unit, attachments: [c.file.normalize("NFC")], ...c.row })] };
}

async function buildCases(): Promise<Case[]> {
  const cases: Case[] = [];

  // ---- weekly reports ---------------------------------------------------------------------------------------
  cases.push(await single(outlookMail, {
    name: "nvdp W47 on time (Outlook)", unit: "nvdp", at: "2025-11-19T10:12:00+07:00",
    subject: "Báo cáo tuần 47 - Phòng NVĐP", file: "Báo cáo tuần 47 - NVĐP.docx",
    title: "Kết quả công tác tuần 47 và kế hoạch công tác tuần 48", next: "tuần tới",
    row: { kind: "week", period: "2025-W47", lateSeconds: 0 },
  }));
  cases.push(await single(gmailMail, {
    name: "ttdn W47 one minute late (Gmail, Word numbering)", unit: "ttdn", at: "2025-11-20T15:01:00+07:00",
    subject: "BC tuần 47 - Phòng Truyền thông đối ngoại", file: "BC tuan 47 TTDN.docx",
    title: "Kết quả công tác tuần 47/2025", next: "tuần tới", doc: { producer: "word", style: "numbered" },
    row: { kind: "week", period: "2025-W47", lateSeconds: 60 },
  }));
  cases.push(await single(thunderbirdMail, {
    name: "ttbc W47 one second before the deadline, 'tuần từ … đến …' (Thunderbird, pandoc)", unit: "ttbc", at: "2025-11-20T14:59:59+07:00",
    subject: "Báo cáo tuần từ 17/11 đến 21/11/2025 - TTBC", file: "Báo cáo tuần 47 - Trung tâm Báo chí.docx",
    title: "Kết quả công tác tuần 47 năm 2025", next: "tuần tới", doc: { producer: "pandoc", style: "bold" },
    row: { kind: "week", period: "2025-W47", lateSeconds: 0 },
  }));
  cases.push(await single(appleMail, {
    name: "vp weekly with no week number received the Monday after: W47, late (Apple Mail, NFD name)", unit: "vp", at: "2025-11-24T08:45:00+07:00",
    subject: "Báo cáo tuần - Văn phòng", file: "Báo cáo tuần - Văn phòng.docx",
    title: "Kết quả công tác tuần và kế hoạch công tác tuần tới", next: "tuần tới", nameStyle: "nfd",
    row: { kind: "week", period: "2025-W47", lateSeconds: 3 * 86400 + 17 * 3600 + 45 * 60 },
  }));
  cases.push(await single(gmailMail, {
    name: "ttbc W46 without diacritics", unit: "ttbc", at: "2025-11-13T09:30:00+07:00",
    subject: "Bao cao tuan 46 - TTBC", file: "BC tuan 46 - TTBC.docx",
    title: "Ket qua cong tac tuan 46", next: "tuần tới", doc: { producer: "pandoc" },
    row: { kind: "week", period: "2025-W46", lateSeconds: 0 },
  }));
  cases.push(await single(outlookMail, {
    name: "ttdn W46 days late (LibreOffice, capitals)", unit: "ttdn", at: "2025-11-17T10:00:00+07:00",
    subject: "Báo cáo tuần 46 - Phòng TTĐN", file: "Báo cáo tuần 46 - TTĐN.docx",
    title: "Kết quả công tác tuần 46 và kế hoạch công tác tuần 47", next: "tuần tới", doc: { producer: "libreoffice", style: "caps" },
    row: { kind: "week", period: "2025-W46", lateSeconds: 3 * 86400 + 19 * 3600 },
  }));
  cases.push(await single(gmailMail, {
    name: "ttbc W48 'tuần từ 24/11 đến 28/11/2025'", unit: "ttbc", at: "2025-11-27T14:00:00+07:00",
    subject: "Báo cáo công tác tuần từ 24/11 đến 28/11/2025 - TTBC", file: "Bao cao tuan TTBC.docx",
    title: "Kết quả công tác tuần từ 24/11 đến 28/11/2025", next: "tuần tới",
    row: { kind: "week", period: "2025-W48", lateSeconds: 0 },
  }));

  // ---- monthly reports --------------------------------------------------------------------------------------
  cases.push(await single(outlookMail, {
    name: "nvdp November, first version without a plan: Không đạt, not the latest", unit: "nvdp", at: "2025-11-24T16:00:00+07:00",
    subject: "Báo cáo công tác tháng 11/2025 - Phòng NVĐP", file: "BC thang 11 - NVDP.docx",
    title: "Kết quả công tác tháng 11/2025", next: "tháng tới", doc: { omit: ["ke_hoach"] },
    row: { kind: "month", period: "2025-11", lateSeconds: 0, missing: ["ke_hoach"], latest: false },
  }));
  cases.push(await single(outlookMail, {
    name: "nvdp November, corrected: 'Công tác tháng 11 và nhiệm vụ trọng tâm tháng 12' → 2025-11", unit: "nvdp", at: "2025-11-25T16:30:00+07:00",
    subject: "Công tác tháng 11 và nhiệm vụ trọng tâm tháng 12 - Phòng NVĐP (bản chỉnh sửa)", file: "Công tác tháng 11 và nhiệm vụ trọng tâm tháng 12 - NVĐP.docx",
    title: "Công tác tháng 11 và nhiệm vụ trọng tâm tháng 12", next: "tháng tới",
    row: { kind: "month", period: "2025-11", lateSeconds: 0 },
  }));
  cases.push(await single(gmailMail, {
    name: "ttdn November one minute before the deadline, no diacritics", unit: "ttdn", at: "2025-11-27T23:59:00+07:00",
    subject: "Bao cao thang 11/2025 - Phong TTDN", file: "Bao cao thang 11 - TTDN.docx",
    title: "Ket qua cong tac thang 11/2025", next: "tháng tới",
    row: { kind: "month", period: "2025-11", lateSeconds: 0 },
  }));
  {
    // ttbc: a body-only report in windows-1258 (Outlook Express style), one minute late.
    const at = "2025-11-28T00:01:00+07:00";
    const subject = "Báo cáo tháng 11 năm 2025 - Trung tâm Báo chí";
    const raw = buildMail({
      client: "outlook", html: false, charset: "windows-1258", transferEncoding: "8bit",
      from: sender("ttbc", "Trần Thị Hoà"), to: [OFFICE], subject, date: new Date(at),
      text: [
        "Kính gửi Văn phòng Cục,",
        "Trung tâm Báo chí và Hợp tác truyền thông quốc tế báo cáo công tác tháng 11/2025 như sau:",
        "",
        "I. Kết quả thực hiện nhiệm vụ",
        "- Tổ chức 03 cuộc họp báo quốc tế; hỗ trợ 25 phóng viên nước ngoài tác nghiệp.",
        "- Phối hợp đón đoàn phóng viên Nhật Bản ngày 12/11/2025.",
        "II. Khó khăn, vướng mắc",
        "- Thiếu phiên dịch tiếng Hàn.",
        "III. Kế hoạch công tác tháng tới",
        "- Chuẩn bị họp báo tổng kết năm.",
        "",
        "Trân trọng.",
      ].join("\n"),
    });
    cases.push({ name: "ttbc November body-only, windows-1258, one minute late", raw, at, rows: [reportRow(raw, subject, at, { unit: "ttbc", kind: "month", period: "2025-11", lateSeconds: 60, attachments: [] })] });
  }
  cases.push(await single(thunderbirdMail, {
    name: "vp monthly with no month received 02/12 → 2025-11, late", unit: "vp", at: "2025-12-02T09:15:00+07:00",
    subject: "Báo cáo tháng - Văn phòng", file: "Bao cao thang - Van phong.docx",
    title: "Kết quả công tác tháng và kế hoạch công tác tháng tới", next: "tháng tới",
    row: { kind: "month", period: "2025-11", lateSeconds: 4 * 86400 + 9 * 3600 + 15 * 60 },
  }));
  cases.push(await single(outlookMail, {
    name: "vp October 'T10'", unit: "vp", at: "2025-10-27T15:00:00+07:00",
    subject: "BC T10/2025 - VP", file: "BC T10-2025 VP.docx",
    title: "Kết quả công tác tháng 10/2025", next: "tháng tới", doc: { producer: "word" },
    row: { kind: "month", period: "2025-10", lateSeconds: 0 },
  }));
  cases.push(await single(gmailMail, {
    name: "nvdp October without results: Không đạt", unit: "nvdp", at: "2025-10-26T11:00:00+07:00",
    subject: "Báo cáo tháng 10/2025 - NVĐP", file: "Báo cáo tháng 10 - NVĐP.docx",
    title: "Báo cáo công tác tháng 10/2025", next: "tháng tới", doc: { omit: ["ket_qua", "kho_khan"] },
    row: { kind: "month", period: "2025-10", lateSeconds: 0, missing: ["ket_qua"] },
  }));

  // ---- quarterly reports ------------------------------------------------------------------------------------
  cases.push(await single(outlookMail, {
    name: "ttdn Q3 on time", unit: "ttdn", at: "2025-09-25T10:00:00+07:00",
    subject: "Báo cáo quý III/2025 - Phòng TTĐN", file: "Bao cao quy III-2025 TTDN.docx",
    title: "Kết quả công tác quý III/2025 và nhiệm vụ trọng tâm quý IV/2025", next: "quý tới",
    row: { kind: "quarter", period: "2025-Q3", lateSeconds: 0 },
  }));
  cases.push(await single(outlookMail, {
    name: "ttbc Q3 days late (LibreOffice)", unit: "ttbc", at: "2025-10-02T08:00:00+07:00",
    subject: "Báo cáo quý 3 năm 2025 - Trung tâm Báo chí và Hợp tác truyền thông quốc tế", file: "BC quy 3 - TTBC.docx",
    title: "Báo cáo công tác quý III năm 2025", next: "quý tới", doc: { producer: "libreoffice" },
    row: { kind: "quarter", period: "2025-Q3", lateSeconds: 4 * 86400 + 8 * 3600 },
  }));
  cases.push(await single((s) => buildMail({ ...s, client: "plain" }), {
    name: "vp Q3 without diacritics (plain client)", unit: "vp", at: "2025-09-20T09:00:00+07:00",
    subject: "Bao cao quy III nam 2025 - Van phong", file: "Bao cao quy III - VP.docx",
    title: "Ket qua cong tac quy III nam 2025", next: "quý tới",
    row: { kind: "quarter", period: "2025-Q3", lateSeconds: 0 },
  }));

  // ---- half-year reports ------------------------------------------------------------------------------------
  cases.push(await single(outlookMail, {
    name: "vp H1 on time", unit: "vp", at: "2025-06-29T17:00:00+07:00",
    subject: "Báo cáo sơ kết 6 tháng đầu năm 2025 - Văn phòng", file: "Sơ kết 6 tháng đầu năm 2025 - VP.docx",
    title: "Sơ kết công tác 6 tháng đầu năm 2025", next: "6 tháng cuối năm",
    row: { kind: "half", period: "2025-H1", lateSeconds: 0 },
  }));
  cases.push(await single(thunderbirdMail, {
    name: "ttbc H1 one minute late", unit: "ttbc", at: "2025-06-30T00:01:00+07:00",
    subject: "BC 6 tháng đầu năm 2025 - TTBC", file: "BC 6T dau nam 2025 - TTBC.docx",
    title: "Báo cáo sơ kết 6 tháng đầu năm 2025", next: "6 tháng cuối năm",
    row: { kind: "half", period: "2025-H1", lateSeconds: 60 },
  }));
  {
    // nvdp H1: the leader's mail (from the unit's address) forwarded by a colleague from a personal address, as message/rfc822.
    const at = "2025-06-25T09:00:00+07:00";
    const file = "Sơ kết 6 tháng đầu năm 2025 - NVĐP.docx";
    const content = await unitReport({ unit: "nvdp", title: "Sơ kết công tác 6 tháng đầu năm 2025", next: "6 tháng cuối năm", producer: "word" });
    const subject = "Fwd: Báo cáo sơ kết 6 tháng đầu năm 2025 - Phòng NVĐP";
    const raw = gmailMail({
      from: { name: "Trần Thị Hoa", address: "tran.thi.hoa.nvdp@gmail.com" }, to: [OFFICE], subject, date: new Date(at),
      text: "Em chuyển tiếp báo cáo của Phòng NVĐP do hộp thư đơn vị gửi bị lỗi ạ.",
      forward: { as: "rfc822", original: { from: sender("nvdp", "Lê Văn Bình"), to: [OFFICE], subject: "Báo cáo sơ kết 6 tháng đầu năm 2025 - Phòng NVĐP", date: new Date("2025-06-24T17:40:00+07:00"), text: COVER, attachments: [{ filename: file, content }] } },
    });
    cases.push({ name: "nvdp H1 forwarded by a colleague as message/rfc822", raw, at, rows: [reportRow(raw, subject, at, { unit: "nvdp", kind: "half", period: "2025-H1", lateSeconds: 0, attachments: [file], from: "tran.thi.hoa.nvdp@gmail.com", originalFrom: UNITS.nvdp })] });
  }
  {
    // ttdn H1: a colleague forwards inline, from the unit's address, the leader's mail sent from a personal address; days late.
    const at = "2025-07-03T10:00:00+07:00";
    const file = "Báo cáo 6 tháng đầu năm 2025 - TTĐN.docx";
    const content = await unitReport({ unit: "ttdn", title: "Sơ kết công tác 6 tháng đầu năm 2025", next: "6 tháng cuối năm" });
    const subject = "Fwd: Báo cáo 6 tháng đầu năm 2025 - Phòng TTĐN";
    const raw = gmailMail({
      from: sender("ttdn", "Phòng Truyền thông đối ngoại"), to: [OFFICE], subject, date: new Date(at),
      text: "Phòng TTĐN gửi lại báo cáo sơ kết 6 tháng của Trưởng phòng.",
      forward: { as: "inline", original: { from: { name: "Phạm Minh Đức", address: "pham.minh.duc@gmail.com" }, to: [UNITS.ttdn], subject: "Báo cáo 6 tháng đầu năm 2025 - Phòng TTĐN", date: new Date("2025-07-02T20:05:00+07:00"), text: "Gửi em báo cáo để chuyển Văn phòng.", attachments: [{ filename: file, content }] } },
    });
    cases.push({ name: "ttdn H1 forwarded inline by a colleague, days late", raw, at, rows: [reportRow(raw, subject, at, { unit: "ttdn", kind: "half", period: "2025-H1", lateSeconds: 3 * 86400 + 10 * 3600, attachments: [file], originalFrom: "pham.minh.duc@gmail.com" })] });
  }

  // ---- yearly reports ---------------------------------------------------------------------------------------
  cases.push(await single(outlookMail, {
    name: "ttbc year on time", unit: "ttbc", at: "2025-11-19T10:00:00+07:00",
    subject: "Báo cáo tổng kết năm 2025 - Trung tâm Báo chí", file: "Báo cáo tổng kết năm 2025 - TTBC.docx",
    title: "Tổng kết công tác năm 2025", next: "năm 2026",
    row: { kind: "year", period: "2025", lateSeconds: 0 },
  }));
  cases.push(await single(gmailMail, {
    name: "nvdp year days late", unit: "nvdp", at: "2025-11-24T08:30:00+07:00",
    subject: "Báo cáo năm 2025 - Phòng Nghiệp vụ - Điều phối", file: "BC nam 2025 - NVDP.docx",
    title: "Báo cáo tổng kết năm 2025", next: "năm 2026", doc: { producer: "pandoc", style: "numbered" },
    row: { kind: "year", period: "2025", lateSeconds: 4 * 86400 + 8 * 3600 + 30 * 60 },
  }));
  {
    // ttdn year: the officer forwards the unit's mail from the office mailbox as message/rfc822.
    const at = "2025-11-19T16:00:00+07:00";
    const file = "Báo cáo tổng kết năm 2025 - TTĐN.docx";
    const content = await unitReport({ unit: "ttdn", title: "Tổng kết công tác năm 2025", next: "năm 2026" });
    const subject = "Fwd: Báo cáo tổng kết năm 2025 - Phòng TTĐN";
    const raw = thunderbirdMail({
      from: { name: "Văn phòng Cục", address: OFFICE }, to: [OFFICE], subject, date: new Date(at), text: "Chuyển tiếp báo cáo năm của Phòng TTĐN (gửi nhầm địa chỉ).",
      forward: { as: "rfc822", original: { from: sender("ttdn"), to: ["vanthu@cuc.example.vn"], subject: "Báo cáo tổng kết năm 2025 - Phòng TTĐN", date: new Date("2025-11-19T09:00:00+07:00"), text: COVER, attachments: [{ filename: file, content }] } },
    });
    cases.push({ name: "ttdn year forwarded by the officer as message/rfc822", raw, at, rows: [reportRow(raw, subject, at, { unit: "ttdn", kind: "year", period: "2025", lateSeconds: 0, attachments: [file], from: OFFICE, originalFrom: UNITS.ttdn })] });
  }
  {
    // vp year: the officer forwards inline (Outlook "FW:", -----Original Message-----), one minute before the deadline.
    const at = "2025-11-19T23:59:00+07:00";
    const file = "Báo cáo năm 2025 - Văn phòng.docx";
    const content = await unitReport({ unit: "vp", title: "Báo cáo tổng kết công tác năm 2025", next: "năm 2026" });
    const subject = "FW: Báo cáo năm 2025 - Văn phòng";
    const raw = outlookMail({
      from: { name: "Chuyên viên tổng hợp", address: OFFICE }, to: [OFFICE], subject, date: new Date(at), text: "Chuyển báo cáo năm của Văn phòng vào hộp thư tổng hợp.",
      forward: { as: "inline", original: { from: sender("vp"), to: ["chanhvp@cuc.example.vn"], subject: "Báo cáo năm 2025 - Văn phòng", date: new Date("2025-11-19T17:10:00+07:00"), text: COVER, attachments: [{ filename: file, content }] } },
    });
    cases.push({ name: "vp year forwarded inline by the officer", raw, at, rows: [reportRow(raw, subject, at, { unit: "vp", kind: "year", period: "2025", lateSeconds: 0, attachments: [file], from: OFFICE, originalFrom: UNITS.vp })] });
  }

  // ---- two reports in one mail ------------------------------------------------------------------------------
  {
    const at = "2025-11-27T09:00:00+07:00";
    const week = "Báo cáo tuần 48 - NVĐP.docx";
    const quarter = "Báo cáo quý IV-2025 - NVĐP.docx";
    const subject = "Báo cáo tuần 48 và báo cáo quý IV/2025 - Phòng NVĐP";
    const raw = outlookMail({
      from: sender("nvdp"), to: [OFFICE], subject, date: new Date(at), text: "Kính gửi Văn phòng,\nPhòng NVĐP gửi báo cáo tuần 48 và báo cáo quý IV/2025.",
      attachments: [
        { filename: week, content: await unitReport({ unit: "nvdp", title: "Kết quả công tác tuần 48", next: "tuần tới" }) },
        { filename: quarter, content: await unitReport({ unit: "nvdp", title: "Kết quả công tác quý IV/2025", next: "quý tới", producer: "word" }) },
      ],
    });
    cases.push({
      name: "nvdp: week 48 and Q4 in one mail", raw, at,
      rows: [
        reportRow(raw, subject, at, { unit: "nvdp", kind: "week", period: "2025-W48", lateSeconds: 0, attachments: [week] }),
        reportRow(raw, subject, at, { unit: "nvdp", kind: "quarter", period: "2025-Q4", lateSeconds: 0, attachments: [quarter] }),
      ],
    });
  }

  // ---- noise and mail that is no report ---------------------------------------------------------------------
  {
    const at = "2025-11-19T10:13:00+07:00";
    const raw = autoReplyMail({ from: sender("ttbc", "Nguyễn Thu Trang"), to: [OFFICE], inReplyTo: "<reminder-w47@intake.cuc.example.vn>", date: new Date(at) });
    cases.push({ name: "auto-reply", raw, at, rows: [otherRow(raw, "Trả lời tự động: Báo cáo tuần 47", at, UNITS.ttbc, { status: "ignored", reason: "auto_reply+vi" })] });
  }
  {
    const at = "2025-11-19T11:00:00+07:00";
    const original = outlookMail({ from: { name: "Văn phòng Cục", address: OFFICE }, to: ["nvdp.cu@cuc.example.vn"], subject: "Nhắc nộp báo cáo tuần 47", text: "Đề nghị đơn vị gửi báo cáo tuần 47." });
    const raw = bounceMail({ original, recipient: "nvdp.cu@cuc.example.vn", to: OFFICE, date: new Date(at) });
    cases.push({ name: "bounce", raw, at, rows: [otherRow(raw, "Undelivered Mail Returned to Sender", at, "mailer-daemon@mail.cuc.example.vn", { status: "ignored", reason: "delivery_failure+vi" })] });
  }
  {
    const at = "2025-11-20T07:00:00+07:00";
    const subject = "Bản tin Thông tin đối ngoại số 47/2025";
    const raw = gmailMail({
      from: { name: "Bản tin TTĐN", address: "bantin@thongtindoingoai.vn" }, to: [OFFICE], subject, date: new Date(at),
      text: "Bản tin tuần: tổng hợp hoạt động thông tin đối ngoại tuần 47/2025.",
      headers: { "List-Id": "<bantin.thongtindoingoai.vn>", "List-Unsubscribe": "<mailto:unsubscribe@thongtindoingoai.vn>", Precedence: "bulk" },
    });
    cases.push({ name: "newsletter", raw, at, rows: [otherRow(raw, subject, at, "bantin@thongtindoingoai.vn", { status: "ignored", reason: "bulk+vi" })] });
  }
  {
    const at = "2025-11-19T15:00:00+07:00";
    const subject = "Báo cáo tuần 47";
    // Only the Cục in the header block: nothing names the unit.
    const content = await reportDocx({ header: ["CỤC THÔNG TIN ĐỐI NGOẠI"], title: "Kết quả công tác tuần 47", sections: qtvp03Sections({ next: "tuần tới" }), producer: "docx" });
    const raw = gmailMail({ from: { name: "Nguyễn Văn An", address: "nguyen.van.an1985@gmail.com" }, to: [OFFICE], subject, date: new Date(at), text: "Em gửi báo cáo tuần 47 ạ.", attachments: [{ filename: "Bao cao tuan 47.docx", content }] });
    cases.push({
      name: "unknown sender, no unit named", raw, at,
      rows: [otherRow(raw, subject, at, "nguyen.van.an1985@gmail.com", { status: "unclassified", regime: "qt-vp-03", kind: "week", period: "2025-W47", attachments: ["Bao cao tuan 47.docx"], reason: "unknown_sender+vi" })],
    });
  }
  {
    const at = "2025-11-19T10:14:00+07:00";
    const subject = "Re: Báo cáo tuần 47 - Phòng NVĐP";
    const raw = buildMail({
      client: "plain", from: { name: "Văn phòng Cục Thông tin đối ngoại", address: OFFICE }, to: [UNITS.nvdp], subject, date: new Date(at),
      messageId: "<5f0c2a9be1d34c7a8e2b6f1d0a9c3e7b@intake.cuc.example.vn>",
      text: "Văn phòng đã nhận báo cáo tuần 47 của Phòng Nghiệp vụ - Điều phối. Kết quả kiểm tra: Đạt.",
      headers: { "X-Intake-Bot": "bao-cao-intake", "Auto-Submitted": "auto-replied" },
    });
    cases.push({ name: "the bot's receipt (X-Intake-Bot)", raw, at, rows: [otherRow(raw, subject, at, OFFICE, { status: "ignored", reason: "own_mail+vi" })] });
  }
  {
    const at = "2025-11-25T08:00:00+07:00";
    const subject = "Nhắc nộp báo cáo tháng 11/2025";
    const raw = buildMail({
      client: "plain", from: { name: "Văn phòng Cục Thông tin đối ngoại", address: OFFICE }, to: [UNITS.vp], subject, date: new Date(at),
      messageId: "<a1b2c3d4e5f60718293a4b5c6d7e8f90@intake.cuc.example.vn>",
      text: "Đề nghị đơn vị gửi báo cáo tháng 11/2025 trước ngày 28/11/2025.",
    });
    cases.push({ name: "the bot's reminder known by its Message-ID only", raw, at, rows: [otherRow(raw, subject, at, OFFICE, { status: "ignored", reason: "own_mail+vi" })] });
  }
  {
    const at = "2025-11-20T16:30:00+07:00";
    const subject = "Lịch trực tuần 48";
    const raw = outlookMail({ from: { name: "Chuyên viên tổng hợp", address: OFFICE }, to: Object.values(UNITS), subject, date: new Date(at), text: "Văn phòng gửi lịch trực tuần 48 của Cục." });
    cases.push({ name: "the officer's own mail", raw, at, rows: [otherRow(raw, subject, at, OFFICE, { status: "ignored", reason: "officer_mail+vi" })] });
  }
  {
    const at = "2025-11-17T14:20:00+07:00";
    const subject = "Giấy mời họp giao ban tháng 12";
    const raw = outlookMail({ from: sender("vp"), to: [OFFICE], subject, date: new Date(at), text: "Kính mời đồng chí dự họp giao ban công tác tháng 12 vào 8h30 ngày 01/12/2025." });
    cases.push({ name: "a unit's ordinary mail", raw, at, rows: [otherRow(raw, subject, at, UNITS.vp, { status: "unclassified", regime: "qt-vp-03", unit: "vp", reason: "no_report_evidence+vi" })] });
  }
  return cases;
}

let world: IntakeWorld;
let cases: Case[];

beforeAll(async () => {
  // Every reply is counted below: none may wait for the hourly limit.
  [world, cases] = await Promise.all([startIntakeWorld({ regimes: defaultRegimes({ replyLimitPerHour: 100 }) }), buildCases()]);
  for (const c of cases) await world.deliver(c.raw, c.at);
}, 300_000);

afterAll(async () => {
  await world?.stop();
});

describe("intake of a varied batch (issue 2)", () => {
  it("records every mail with every field as the contract says", async () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(new Set(cases.map((c) => messageIdOf(c.raw))).size).toBe(cases.length);
    const stored = await world.servers.dovecot.listMessages(OFFICE);
    expect(stored.map((m) => m.internalDate.toISOString())).toEqual(cases.map((c) => new Date(c.at).toISOString()));
    const r = await world.run(["poll", "--once"], NOW);
    expect(r.stderr).not.toMatch(/"level":(50|60)/);
    expect(r.code).toBe(0);

    const rows = (await world.json<Record<string, unknown>[]>(["submissions"], NOW)).map(viewRow);
    // submissions lists by receipt time, then ledger order (delivery order here), then report index.
    const expected = cases
      .map((c, order) => ({ c, order }))
      .sort((a, b) => new Date(a.c.at).getTime() - new Date(b.c.at).getTime() || a.order - b.order)
      .flatMap(({ c }) => c.rows);
    const byId = (xs: RowView[]) => Object.fromEntries(xs.map((x, i) => [`${x.messageId}#${i}`, x]));
    // Compare per mail first (readable failures), then the whole list in order.
    for (const c of cases) {
      const got = rows.filter((x) => x.messageId === c.rows[0]!.messageId);
      expect.soft({ case: c.name, rows: got }).toEqual({ case: c.name, rows: c.rows });
    }
    expect(rows.length).toBe(expected.length);
    expect(byId(rows)).toEqual(byId(expected));

    // Answers: one per report, threaded to the mail, in the unit's own mailbox (to it, or in copy when a colleague
    // forwarded from elsewhere; to the unit when the officer forwarded). Nothing for noise or unattributed mail;
    // no Không đạt for October, whose compile deadline (05/11) had passed.
    const expectedAnswers: Record<string, Record<string, number>> = {};
    for (const row of expected) {
      if (row.status !== "accepted" && row.status !== "rejected") continue;
      if (row.status === "rejected" && row.period === "2025-10") continue;
      const box = (expectedAnswers[row.unit!] ??= {});
      box[row.messageId] = (box[row.messageId] ?? 0) + 1;
    }
    const ids = new Set(cases.map((c) => messageIdOf(c.raw)));
    const answers: Record<string, Record<string, number>> = {};
    for (const [unit, address] of Object.entries(UNITS)) {
      for (const m of await world.servers.readMailbox(address)) {
        if (!m.inReplyTo || !ids.has(m.inReplyTo)) continue;
        const box = (answers[unit] ??= {});
        box[m.inReplyTo] = (box[m.inReplyTo] ?? 0) + 1;
      }
    }
    expect(answers).toEqual(expectedAnswers);
  }, 300_000);
});
