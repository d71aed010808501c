/**
 * Issue 3's proof against real Dovecot and the SMTP sink: for each report shape the unit's mailbox receives exactly
 * the reply it calls for (Đạt receipt, or Không đạt naming exactly the missing sections by the titles of
 * templates/regimes/qt-vp-03.yaml), threaded, from MAIL_FROM, marked as the bot's; noise gets nothing; a corrected
 * resend continues the thread; a sender that is not the unit's registered address gets the unit in Cc; an old period
 * gets no Không đạt.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simpleParser } from "mailparser";
import JSZip from "jszip";
import { appleMail, autoReplyMail, bounceMail, buildMail, gmailMail, outlookMail, thunderbirdMail } from "../support/eml.ts";
import { qtvp03Sections, reportDocx, type ReportSection } from "../support/reports.ts";
import { sofficeConvert, truncatedDocx, wordLikeDocx } from "../support/docx-fixtures.ts";
import { OFFICE, startIntakeWorld, UNITS, type IntakeWorld } from "../support/intake.ts";
import type { ReadMessage } from "../support/mail-servers.ts";
import { requireMessageId } from "../support/report-mail.ts";

// Section titles as templates/regimes/qt-vp-03.yaml names them (what a Không đạt must say).
const TITLE = {
  ket_qua: "Kết quả thực hiện nhiệm vụ",
  kho_khan: "Nhiệm vụ chậm tiến độ, khó khăn, vướng mắc",
  kien_nghi: "Kiến nghị, đề xuất",
  ke_hoach: "Kế hoạch công tác thời gian tiếp theo",
} as const;
const DESCRIPTION = {
  ket_qua: "các nhiệm vụ, công việc đơn vị đã triển khai và kết quả đạt được trong kỳ báo cáo",
  ke_hoach: "kế hoạch, nhiệm vụ trọng tâm đơn vị sẽ triển khai trong kỳ tiếp theo",
} as const;

const DUE = {
  w47: "15 giờ 00 ngày 19/11/2026 (Thứ Năm)",
  w46: "15 giờ 00 ngày 12/11/2026 (Thứ Năm)",
  m11: "0 giờ 00 ngày 28/11/2026 (Thứ Bảy)",
  q4: "0 giờ 00 ngày 28/12/2026 (Thứ Hai)",
};
const SKELETON_WEEK = "Mẫu báo cáo tuần.docx";
const SKELETON_MONTH = "Mẫu báo cáo tháng.docx";
const HEADER = (unit: string) => ["CỤC THÔNG TIN ĐỐI NGOẠI", unit];
const NVDP = "PHÒNG NGHIỆP VỤ - ĐIỀU PHỐI";
const TTDN = "PHÒNG TRUYỀN THÔNG ĐỐI NGOẠI";
const TTBC = "TRUNG TÂM BÁO CHÍ VÀ HỢP TÁC TRUYỀN THÔNG QUỐC TẾ";
const VP = "VĂN PHÒNG";

let world: IntakeWorld;
beforeAll(async () => {
  world = await startIntakeWorld();
});
afterAll(async () => {
  await world?.stop();
});


/** The "- " lines right after the line `heading` in a reply's text. */
function listAfter(text: string, heading: string): string[] {
  const lines = text.split(/\r?\n/);
  const at = lines.findIndex((l) => l.trim() === heading);
  if (at < 0) return [];
  const out: string[] = [];
  for (const l of lines.slice(at + 1)) {
    if (!l.startsWith("- ")) break;
    out.push(l.slice(2).trim());
  }
  return out;
}

/** Replies in `user`'s INBOX that answer `messageId`. */
async function repliesTo(user: string, messageId: string): Promise<ReadMessage[]> {
  return (await world.servers.readMailbox(user)).filter((m) => m.inReplyTo === messageId);
}

/** The common marks of every reply: sender, bot headers, threading, subject. */
function expectBotReply(reply: ReadMessage, original: { messageId: string; subject: string; references?: string[] }) {
  expect(reply.from).toBe(OFFICE);
  expect(reply.headers["auto-submitted"]).toBe("auto-replied");
  expect(reply.headers["x-intake-bot"]).toMatch(/^bao-cao-intake; purpose=(receipt|khong_dat)$/);
  expect(reply.messageId).toMatch(/@intake\.cuc\.example\.vn>$/);
  expect(reply.inReplyTo).toBe(original.messageId);
  expect(reply.references).toEqual([...(original.references ?? []), original.messageId]);
  const s = original.subject;
  expect(reply.subject).toBe(/^(re|tl|trả lời)\s*:/i.test(s) ? s : `Re: ${s}`);
}

function expectReceipt(reply: ReadMessage, due: string) {
  expect(reply.headers["x-intake-bot"]).toBe("bao-cao-intake; purpose=receipt");
  expect(reply.text).toContain(`Báo cáo được gửi đúng thời hạn quy định, trước ${due}.`);
  expect(reply.text).toContain("Báo cáo đạt yêu cầu về nội dung và hình thức (Đạt)");
  expect(reply.text).not.toContain("Không đạt");
  expect(reply.attachments).toEqual([]);
}

function expectKhongDat(reply: ReadMessage, e: { missing: (keyof typeof TITLE)[]; problems: string[]; due: string; timeLeft: string; skeleton: string }) {
  expect(reply.headers["x-intake-bot"]).toBe("bao-cao-intake; purpose=khong_dat");
  expect(reply.text).toContain("báo cáo chưa đạt yêu cầu về nội dung và hình thức");
  const missing = listAfter(reply.text, "Báo cáo còn thiếu nội dung bắt buộc:");
  expect(missing.map((l) => l.split(":")[0])).toEqual(e.missing.map((id) => TITLE[id]));
  for (const id of e.missing) if (id === "ket_qua" || id === "ke_hoach") expect(missing).toContain(`${TITLE[id]}: ${DESCRIPTION[id]}`);
  expect(listAfter(reply.text, "Về tệp đính kèm và nội dung thư:")).toEqual(e.problems);
  expect(reply.text).toContain(`Thời hạn gửi báo cáo là trước ${e.due}; thời gian còn lại là ${e.timeLeft}.`);
  expect(reply.text).toContain("đơn vị trả lời thư này và đính kèm tệp báo cáo đã hoàn thiện (định dạng Word .docx)");
  expect(reply.attachments.map((a) => a.filename)).toEqual([e.skeleton]);
  expect(reply.attachments[0]!.content.subarray(0, 2).toString()).toBe("PK");
}

/** A minimal SpreadsheetML workbook (.xlsx) as Excel lays it out, with inline strings. */
async function spreadsheet(rows: string[][]): Promise<Buffer> {
  const esc = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const col = (i: number) => String.fromCharCode(65 + i);
  const sheet = rows
    .map((r, ri) => `<row r="${ri + 1}">${r.map((v, ci) => `<c r="${col(ci)}${ri + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`).join("")}</row>`)
    .join("");
  const zip = new JSZip();
  zip.file("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`);
  zip.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Báo cáo T11" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  zip.file("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`);
  zip.file("xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheet}</sheetData></worksheet>`);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

interface Case {
  name: string;
  unit: keyof typeof UNITS;
  period: string;
  kind: string;
  build: () => Promise<Buffer>;
  expect:
    | { verdict: "dat"; due: string }
    | { verdict: "khong_dat"; missing: (keyof typeof TITLE)[]; problems: string[]; due: string; timeLeft: string; skeleton: string };
}

const complete = (next: string, headings?: Partial<Record<string, string>>) => qtvp03Sections({ next, headings });
const withAttachment = (filename: string, content: Buffer) => [{ filename, content }];
const intro = (unit: string, what: string) => `Kính gửi Văn phòng Cục,\n${unit} gửi ${what}.\nTrân trọng.`;

// Received 18/11/2026 from 10:00 on; polled at 10:30 (week 47 due 19/11 15:00 → 1 ngày 4 giờ left).
const CASES: Case[] = [
  {
    name: "docx package, Word headings, all four sections",
    unit: "nvdp", kind: "week", period: "2026-W47",
    build: async () => outlookMail({
      from: { name: "Nguyễn Văn An", address: UNITS.nvdp }, to: [OFFICE], subject: "Báo cáo tuần 47 - Phòng NVĐP", text: intro("Phòng NVĐP", "báo cáo công tác tuần 47"),
      attachments: withAttachment("Báo cáo tuần 47 - NVĐP.docx", await reportDocx({ header: HEADER(NVDP), title: "Kết quả công tác tuần 47 và kế hoạch công tác tuần 48", sections: complete("tuần tới"), producer: "docx", style: "heading" })),
    }),
    expect: { verdict: "dat", due: DUE.w47 },
  },
  {
    name: "Word-like, bold headings, no plan section",
    unit: "ttdn", kind: "week", period: "2026-W47",
    build: async () => outlookMail({
      from: { name: "Lê Thị Hoa", address: UNITS.ttdn }, to: [OFFICE], subject: "Báo cáo tuần 47 - Phòng TTĐN", text: intro("Phòng Truyền thông đối ngoại", "báo cáo tuần 47"),
      attachments: withAttachment("BC tuan 47 - TTDN.docx", await reportDocx({ header: HEADER(TTDN), title: "Kết quả công tác tuần 47", sections: qtvp03Sections({ next: "tuần tới", omit: ["ke_hoach"] }), producer: "word", style: "bold" })),
    }),
    expect: { verdict: "khong_dat", missing: ["ke_hoach"], problems: [], due: DUE.w47, timeLeft: "1 ngày 4 giờ", skeleton: SKELETON_WEEK },
  },
  {
    name: "pandoc, numbered I./II. headings",
    unit: "ttbc", kind: "week", period: "2026-W47",
    build: async () => thunderbirdMail({
      from: { name: "Phạm Minh Tuấn", address: UNITS.ttbc }, to: [OFFICE], subject: "Báo cáo tuần 47/2026 - Trung tâm Báo chí", text: intro("Trung tâm Báo chí và Hợp tác truyền thông quốc tế", "báo cáo tuần 47"),
      attachments: withAttachment("Bao cao tuan 47 - TTBC.docx", await reportDocx({ header: HEADER(TTBC), title: "Kết quả công tác tuần 47 và kế hoạch công tác tuần 48", sections: complete("tuần tới"), producer: "pandoc", style: "numbered" })),
    }),
    expect: { verdict: "dat", due: DUE.w47 },
  },
  {
    name: "LibreOffice, ALL CAPS headings",
    unit: "vp", kind: "week", period: "2026-W47",
    build: async () => gmailMail({
      from: { name: "Văn phòng Cục", address: UNITS.vp }, to: [OFFICE], subject: "BC tuần 47 - Văn phòng", text: intro("Văn phòng", "báo cáo tuần 47"),
      attachments: withAttachment("BC tuần 47 - VP.docx", await reportDocx({ header: HEADER(VP), title: "Kết quả công tác tuần 47 và kế hoạch công tác tuần 48", sections: complete("tuần tới"), producer: "libreoffice", style: "caps" })),
    }),
    expect: { verdict: "dat", due: DUE.w47 },
  },
  {
    name: "a report laid out as a table (headings in the first column)",
    unit: "nvdp", kind: "month", period: "2026-11",
    build: async () => {
      const cell = (t: string, b = false) => [{ runs: [{ t, b }] }];
      const doc = await wordLikeDocx([
        { center: true, runs: [{ t: "CỤC THÔNG TIN ĐỐI NGOẠI", b: true }] },
        { center: true, runs: [{ t: NVDP, b: true }] },
        { center: true, runs: [{ t: "BÁO CÁO", b: true }] },
        { center: true, runs: [{ t: "Kết quả công tác tháng 11/2026", b: true }] },
        {
          table: [
            [cell("Nội dung", true), cell("Kết quả", true)],
            [cell("Kết quả thực hiện nhiệm vụ"), cell("Tham mưu Lãnh đạo Cục tổ chức Hội nghị thông tin đối ngoại khu vực phía Bắc; hoàn thành 12/12 nhiệm vụ được giao.")],
            [cell("Khó khăn, vướng mắc"), cell("Không có.")],
            [cell("Kiến nghị"), cell("Đề nghị Văn phòng bố trí kinh phí in ấn tài liệu.")],
            [cell("Kế hoạch tháng tới"), cell("Xây dựng báo cáo tổng kết năm 2026; chuẩn bị Hội nghị giao ban quý IV.")],
          ],
        },
      ]);
      return outlookMail({ from: { name: "Nguyễn Văn An", address: UNITS.nvdp }, to: [OFFICE], subject: "Báo cáo tháng 11/2026 - Phòng NVĐP", text: intro("Phòng NVĐP", "báo cáo tháng 11/2026"), attachments: withAttachment("Báo cáo tháng 11 - NVĐP.docx", doc) });
    },
    expect: { verdict: "dat", due: DUE.m11 },
  },
  {
    name: "headings without diacritics (bold, docx package)",
    unit: "ttdn", kind: "month", period: "2026-11",
    build: async () => gmailMail({
      from: { name: "Le Thi Hoa", address: UNITS.ttdn }, to: [OFFICE], subject: "Bao cao thang 11/2026 - Phong TTDN", text: "Kinh gui Van phong,\nPhong TTDN gui bao cao thang 11.\nTran trong.",
      attachments: withAttachment("Bao cao thang 11 - TTDN.docx", await reportDocx({
        header: ["CUC THONG TIN DOI NGOAI", "PHONG TRUYEN THONG DOI NGOAI"], title: "Ket qua cong tac thang 11/2026", producer: "docx", style: "bold",
        sections: complete("tháng tới", { ket_qua: "KET QUA THUC HIEN NHIEM VU", kho_khan: "Kho khan, vuong mac", kien_nghi: "Kien nghi, de xuat", ke_hoach: "KE HOACH CONG TAC THANG TOI" }),
      })),
    }),
    expect: { verdict: "dat", due: DUE.m11 },
  },
  {
    name: "body-only report (no attachment)",
    unit: "ttbc", kind: "month", period: "2026-11",
    build: async () => outlookMail({
      from: { name: "Phạm Minh Tuấn", address: UNITS.ttbc }, to: [OFFICE], subject: "Báo cáo tháng 11/2026 - Trung tâm Báo chí và Hợp tác truyền thông quốc tế",
      text: [
        "Kính gửi Văn phòng Cục,",
        "Trung tâm Báo chí và Hợp tác truyền thông quốc tế báo cáo kết quả công tác tháng 11/2026 như sau:",
        "",
        "1. Kết quả thực hiện nhiệm vụ:",
        "- Tổ chức 03 cuộc họp báo quốc tế, hỗ trợ 45 phóng viên nước ngoài tác nghiệp.",
        "- Phối hợp với Đài Truyền hình Việt Nam sản xuất 02 phóng sự đối ngoại.",
        "2. Khó khăn, vướng mắc: không có.",
        "3. Kiến nghị, đề xuất: không có.",
        "4. Kế hoạch tháng tới:",
        "- Chuẩn bị chương trình đón đoàn báo chí Lào tháng 12/2026.",
        "",
        "Trân trọng./.",
        "Phạm Minh Tuấn - Phó Giám đốc Trung tâm",
      ].join("\n"),
    }),
    expect: { verdict: "dat", due: DUE.m11 },
  },
  {
    name: "a plan phrase only inside a sentence (no plan section)",
    unit: "vp", kind: "month", period: "2026-11",
    build: async () => outlookMail({
      from: { name: "Văn phòng Cục", address: UNITS.vp }, to: [OFFICE], subject: "Báo cáo tháng 11/2026 - Văn phòng", text: intro("Văn phòng", "báo cáo tháng 11/2026"),
      attachments: withAttachment("Báo cáo tháng 11 - VP.docx", await reportDocx({
        header: HEADER(VP), title: "Kết quả công tác tháng 11/2026", producer: "docx", style: "heading",
        sections: [
          { heading: "Kết quả thực hiện nhiệm vụ", items: ["Triển khai Kế hoạch số 15/KH-TTĐN ngày 10/01/2026 của Cục về công tác thông tin đối ngoại.", "Kế hoạch công tác tháng tới của Văn phòng sẽ được xây dựng sau khi có ý kiến của Lãnh đạo Cục về chương trình công tác tháng 12/2026 và lịch làm việc của các đơn vị."] },
          { heading: "Khó khăn, vướng mắc", items: ["Một số văn bản đến chậm do hệ thống quản lý văn bản gián đoạn."] },
        ],
      })),
    }),
    expect: { verdict: "khong_dat", missing: ["ke_hoach"], problems: [], due: DUE.m11, timeLeft: "9 ngày 13 giờ", skeleton: SKELETON_MONTH },
  },
  {
    name: "synonyms: Công việc đã triển khai / Phương hướng, nhiệm vụ tuần tới",
    unit: "nvdp", kind: "week", period: "2026-W47",
    build: async () => thunderbirdMail({
      from: { name: "Nguyễn Văn An", address: UNITS.nvdp }, to: [OFFICE], subject: "Gửi lại báo cáo tuần 47 - Phòng NVĐP (bổ sung số liệu)", text: intro("Phòng NVĐP", "lại báo cáo tuần 47 đã bổ sung số liệu"),
      attachments: withAttachment("BC tuần 47 - NVĐP (bổ sung).docx", await reportDocx({
        header: HEADER(NVDP), title: "Báo cáo công tác tuần 47", producer: "docx", style: "heading",
        sections: complete("tuần tới", { ket_qua: "Công việc đã triển khai", ke_hoach: "Phương hướng, nhiệm vụ tuần tới" }).filter((s) => s.id !== "kien_nghi"),
      })),
    }),
    expect: { verdict: "dat", due: DUE.w47 },
  },
  {
    name: "synonym: Nhiệm vụ trọng tâm tháng 12 (Word numbering I., II.)",
    unit: "ttdn", kind: "month", period: "2026-11",
    build: async () => outlookMail({
      from: { name: "Lê Thị Hoa", address: UNITS.ttdn }, to: [OFFICE], subject: "Báo cáo công tác tháng 11 và nhiệm vụ trọng tâm tháng 12 - Phòng TTĐN", text: intro("Phòng TTĐN", "báo cáo công tác tháng 11 và nhiệm vụ trọng tâm tháng 12"),
      attachments: withAttachment("BC T11 - TTDN.docx", await reportDocx({
        header: HEADER(TTDN), title: "Công tác tháng 11/2026 và nhiệm vụ trọng tâm tháng 12/2026", producer: "word", style: "numbered",
        sections: complete("tháng tới", { ket_qua: "Kết quả công tác tháng 11", ke_hoach: "Nhiệm vụ trọng tâm tháng 12" }),
      })),
    }),
    expect: { verdict: "dat", due: DUE.m11 },
  },
  {
    name: "a truncated .docx",
    unit: "ttdn", kind: "week", period: "2026-W47",
    build: async () => outlookMail({
      from: { name: "Lê Thị Hoa", address: UNITS.ttdn }, to: [OFFICE], subject: "Báo cáo tuần 47 - Phòng TTĐN (gửi lại)", text: intro("Phòng TTĐN", "lại báo cáo tuần 47"),
      attachments: withAttachment("Báo cáo tuần 47 - TTĐN.docx", await truncatedDocx()),
    }),
    expect: { verdict: "khong_dat", missing: [], problems: ["Tệp “Báo cáo tuần 47 - TTĐN.docx” bị lỗi, không mở được."], due: DUE.w47, timeLeft: "1 ngày 4 giờ", skeleton: SKELETON_WEEK },
  },
  {
    name: "an .xlsx (a format the bot does not read)",
    unit: "vp", kind: "month", period: "2026-11",
    build: async () => {
      const xlsx = await spreadsheet([["Nội dung", "Kết quả"], ["Văn bản đến", "312"], ["Văn bản đi", "198"], ["Kế hoạch tháng 12", "Tổng kết năm 2026"]]);
      return outlookMail({ from: { name: "Văn phòng Cục", address: UNITS.vp }, to: [OFFICE], subject: "Báo cáo tháng 11/2026 - Văn phòng (bảng số liệu)", text: intro("Văn phòng", "báo cáo tháng 11/2026 dạng bảng"), attachments: withAttachment("Bao cao thang 11 - VP.xlsx", xlsx) });
    },
    expect: {
      verdict: "khong_dat", missing: [], due: DUE.m11, timeLeft: "9 ngày 13 giờ", skeleton: SKELETON_MONTH,
      problems: ["Tệp “Bao cao thang 11 - VP.xlsx” có định dạng .xlsx, hệ thống không đọc được; đề nghị gửi báo cáo dưới dạng tệp Word (.docx)."],
    },
  },
  {
    name: "a .doc saved by LibreOffice",
    unit: "ttbc", kind: "quarter", period: "2026-Q4",
    build: async () => {
      const docx = await reportDocx({ header: HEADER(TTBC), title: "Kết quả công tác quý IV/2026", sections: complete("quý tới", { ke_hoach: "Kế hoạch công tác quý I/2027" }), producer: "docx", style: "heading" });
      const doc = await sofficeConvert(docx, "docx", "doc");
      return outlookMail({ from: { name: "Phạm Minh Tuấn", address: UNITS.ttbc }, to: [OFFICE], subject: "Báo cáo quý IV/2026 - Trung tâm Báo chí", text: intro("Trung tâm Báo chí", "báo cáo quý IV/2026"), attachments: withAttachment("BC quy IV-2026 TTBC.doc", doc) });
    },
    expect: { verdict: "dat", due: DUE.q4 },
  },
  {
    name: "NFD headings and file name (Apple Mail)",
    unit: "vp", kind: "quarter", period: "2026-Q4",
    build: async () => {
      const sections: ReportSection[] = complete("quý tới", { ke_hoach: "Phương hướng, nhiệm vụ quý I/2027" }).map((s) => ({ ...s, heading: s.heading.normalize("NFD"), items: s.items.map((i) => i.normalize("NFD")) }));
      const doc = await reportDocx({ header: HEADER(VP).map((h) => h.normalize("NFD")), title: "Kết quả công tác quý IV/2026".normalize("NFD"), sections, producer: "docx", style: "heading" });
      return appleMail({ from: { name: "Văn phòng Cục", address: UNITS.vp }, to: [OFFICE], subject: "Báo cáo quý IV/2026 - Văn phòng", text: intro("Văn phòng", "báo cáo quý IV/2026"), attachments: withAttachment("Báo cáo quý IV - Văn phòng.docx", doc) });
    },
    expect: { verdict: "dat", due: DUE.q4 },
  },
];

interface Sub {
  messageId: string;
  from: string | null;
  subject: string;
  unit: string | null;
  kind: string | null;
  period: string | null;
  status: string;
  verdict: string | null;
  missingSections: string[];
  onTime: boolean | null;
  latest: boolean | null;
  reason: string | null;
}

const delivered: { c: Case; messageId: string; subject: string }[] = [];

describe("replies to units' reports (issue 3)", () => {
  it(`answers each of ${CASES.length} report shapes with exactly the expected reply`, async () => {
    for (const [i, c] of CASES.entries()) {
      const raw = await c.build();
      const at = new Date(Date.parse("2026-11-18T10:00:00+07:00") + i * 60_000);
      await world.deliver(raw, at);
      // The subject as the unit's client wrote it, decoded: the reply must echo it after "Re: ".
      const subject = (await simpleParser(raw)).subject ?? "";
      delivered.push({ c, messageId: requireMessageId(raw), subject });
    }
    const poll = await world.run(["poll", "--once"], "2026-11-18T10:30:00");
    expect(poll.code, poll.stderr).toBe(0);
    expect(poll.stderr).not.toMatch(/Cảnh báo/);

    const subs = await world.json<Sub[]>(["submissions"], "2026-11-18T10:30:00");
    const failures: string[] = [];
    for (const { c, messageId, subject } of delivered) {
      const row = subs.find((s) => s.messageId === messageId);
      const got = row ? `${row.unit}/${row.kind}/${row.period}/${row.status}/${row.verdict}/[${row.missingSections}] ${row.reason ?? ""}` : "no row";
      const want = `${c.unit}/${c.kind}/${c.period}/${c.expect.verdict === "dat" ? "accepted" : "rejected"}/${c.expect.verdict}/[${c.expect.verdict === "dat" ? "" : c.expect.missing}]`;
      if (!got.startsWith(want)) failures.push(`${c.name}: got ${got}, want ${want}`);
      expect(subject).not.toBe("");
    }
    expect(failures).toEqual([]);

    for (const [i, { c, messageId, subject }] of delivered.entries()) {
      const unitAddress = UNITS[c.unit];
      const replies = await repliesTo(unitAddress, messageId);
      expect(replies, c.name).toHaveLength(1);
      const reply = replies[0]!;
      expectBotReply(reply, { messageId, subject });
      expect(reply.to).toEqual([unitAddress]);
      expect(reply.cc).toEqual([]);
      // The receipt time is the server's INTERNALDATE (10:00 + i minutes), not the sender's Date header.
      expect(reply.text).toContain(`vào lúc 10 giờ ${String(i).padStart(2, "0")} ngày 18/11/2026 (Thứ Tư)`);
      if (c.expect.verdict === "dat") expectReceipt(reply, c.expect.due);
      else expectKhongDat(reply, c.expect);
    }
    // Nothing else: one reply per report in each unit's mailbox.
    for (const [unit, address] of Object.entries(UNITS)) {
      const inbox = await world.servers.readMailbox(address);
      expect(inbox.map((m) => m.inReplyTo).sort(), unit).toEqual(delivered.filter((d) => d.c.unit === unit).map((d) => d.messageId).sort());
    }
    // The officer sees every reply in Sent (IMAP_SENT_MAILBOX).
    const sent = await world.servers.readMailbox(OFFICE, "Sent");
    expect(sent).toHaveLength(CASES.length);
  }, 300_000);

  it("answers nothing to noise: an auto-reply, a bounce, a newsletter", async () => {
    const nvdpReceipt = (await world.servers.readMailbox(UNITS.nvdp))[0]!;
    const before = { sink: world.servers.smtp.received.length, outbox: (await world.json<unknown[]>(["outbox"], "2026-11-18T11:00:00")).length };
    const autoReply = autoReplyMail({
      from: { name: "Nguyễn Văn An", address: UNITS.nvdp }, to: [OFFICE], subject: `Trả lời tự động: ${nvdpReceipt.subject}`,
      inReplyTo: nvdpReceipt.messageId!, references: [nvdpReceipt.messageId!], date: new Date("2026-11-18T10:45:00+07:00"),
    });
    const bounce = bounceMail({ original: nvdpReceipt.source, recipient: "nguyenvanan.cu@cuc.example.vn", to: OFFICE, date: new Date("2026-11-18T10:46:00+07:00") });
    const newsletter = buildMail({
      from: { name: "Bản tin Thông tin đối ngoại", address: "bantin@thongtindoingoai.example.vn" }, to: [OFFICE],
      subject: "Bản tin điểm báo tuần 47/2026: báo cáo, kế hoạch thông tin đối ngoại",
      text: "Kết quả thực hiện nhiệm vụ tuần 47 của các cơ quan báo chí.\nKế hoạch tuần tới: hội nghị báo chí quốc tế.\nHủy đăng ký: https://thongtindoingoai.example.vn/huy",
      headers: { "List-Id": "<bantin.thongtindoingoai.example.vn>", "List-Unsubscribe": "<https://thongtindoingoai.example.vn/huy>", Precedence: "bulk" },
      date: new Date("2026-11-18T10:47:00+07:00"),
    });
    const ids = [autoReply, bounce, newsletter].map(requireMessageId);
    await world.deliver(autoReply, "2026-11-18T10:45:00+07:00");
    await world.deliver(bounce, "2026-11-18T10:46:00+07:00");
    await world.deliver(newsletter, "2026-11-18T10:47:00+07:00");
    const poll = await world.run(["poll", "--once"], "2026-11-18T11:00:00");
    expect(poll.code, poll.stderr).toBe(0);
    const subs = await world.json<Sub[]>(["submissions"], "2026-11-18T11:00:00");
    for (const id of ids) {
      const rows = subs.filter((s) => s.messageId === id);
      expect(rows.map((r) => [r.status, r.unit, r.verdict])).toEqual([["ignored", null, null]]);
    }
    expect(world.servers.smtp.received.length).toBe(before.sink);
    expect((await world.json<unknown[]>(["outbox"], "2026-11-18T11:00:00")).length).toBe(before.outbox);
  }, 120_000);

  it("accepts a corrected resend that answers the Không đạt, and continues its thread", async () => {
    const first = delivered.find((d) => d.c.unit === "ttdn" && d.c.expect.verdict === "khong_dat" && d.c.period === "2026-W47")!;
    const khongDat = (await repliesTo(UNITS.ttdn, first.messageId))[0]!;
    const doc = await reportDocx({ header: HEADER(TTDN), title: "Kết quả công tác tuần 47 và kế hoạch công tác tuần 48", sections: complete("tuần tới"), producer: "word", style: "bold" });
    const resendSubject = `RE: ${khongDat.subject.replace(/^re:\s*/i, "")}`;
    const resend = outlookMail({
      from: { name: "Lê Thị Hoa", address: UNITS.ttdn }, to: [OFFICE], subject: resendSubject, date: new Date("2026-11-18T13:05:00+07:00"),
      inReplyTo: khongDat.messageId!, references: [first.messageId, khongDat.messageId!],
      text: `Kính gửi Văn phòng Cục,\nPhòng TTĐN gửi lại báo cáo tuần 47 đã bổ sung mục kế hoạch công tác tuần tới.\nTrân trọng.\n\n-----Original Message-----\nFrom: ${OFFICE}\nSubject: ${khongDat.subject}\n\n${khongDat.text}`,
      attachments: withAttachment("BC tuan 47 - TTDN (bo sung).docx", doc),
    });
    const resendId = requireMessageId(resend);
    await world.deliver(resend, "2026-11-18T13:05:00+07:00");
    const poll = await world.run(["poll", "--once"], "2026-11-18T13:10:00");
    expect(poll.code, poll.stderr).toBe(0);
    const subs = await world.json<Sub[]>(["submissions", "--unit", "ttdn", "--period", "2026-W47"], "2026-11-18T13:10:00");
    expect(subs.map((s) => [s.messageId, s.status, s.latest])).toEqual(
      expect.arrayContaining([[first.messageId, "rejected", false], [resendId, "accepted", true]]),
    );
    expect(subs.filter((s) => s.latest)).toHaveLength(1);
    const receipts = await repliesTo(UNITS.ttdn, resendId);
    expect(receipts).toHaveLength(1);
    expectBotReply(receipts[0]!, { messageId: resendId, subject: resendSubject, references: [first.messageId, khongDat.messageId!] });
    expectReceipt(receipts[0]!, DUE.w47);
  }, 120_000);

  it("copies the unit's registered address when a colleague sends from a personal address", async () => {
    const personal = "tranthibinh.ttbc@gmail.example.com";
    const doc = await reportDocx({ header: HEADER(TTBC), title: "Kết quả công tác tuần 47 và kế hoạch công tác tuần 48", sections: complete("tuần tới"), producer: "docx", style: "bold" });
    const raw = gmailMail({
      from: { name: "Trần Thị Bình", address: personal }, to: [OFFICE], date: new Date("2026-11-18T13:20:00+07:00"),
      subject: "Báo cáo tuần 47 - Trung tâm Báo chí và Hợp tác truyền thông quốc tế",
      text: "Kính gửi Văn phòng Cục,\nEm gửi báo cáo tuần 47 của Trung tâm Báo chí và Hợp tác truyền thông quốc tế (hộp thư đơn vị đang lỗi).\nTrân trọng.",
      attachments: withAttachment("Báo cáo tuần 47 - TTBC.docx", doc),
    });
    const id = requireMessageId(raw);
    await world.deliver(raw, "2026-11-18T13:20:00+07:00");
    const poll = await world.run(["poll", "--once"], "2026-11-18T13:25:00");
    expect(poll.code, poll.stderr).toBe(0);
    const subs = await world.json<Sub[]>(["submissions", "--unit", "ttbc"], "2026-11-18T13:25:00");
    expect(subs.filter((s) => s.messageId === id).map((s) => [s.from, s.unit, s.period, s.status])).toEqual([[personal, "ttbc", "2026-W47", "accepted"]]);
    const toPerson = await repliesTo(personal, id);
    expect(toPerson).toHaveLength(1);
    expect(toPerson[0]!.to).toEqual([personal]);
    expect(toPerson[0]!.cc).toEqual([UNITS.ttbc]);
    expectBotReply(toPerson[0]!, { messageId: id, subject: "Báo cáo tuần 47 - Trung tâm Báo chí và Hợp tác truyền thông quốc tế" });
    expectReceipt(toPerson[0]!, DUE.w47);
    const toUnit = await repliesTo(UNITS.ttbc, id);
    expect(toUnit.map((m) => m.messageId)).toEqual([toPerson[0]!.messageId]);
  }, 120_000);

  it("tells a unit whose new version is Không đạt that its earlier Đạt version stays in use", async () => {
    const raw = outlookMail({
      from: { name: "Nguyễn Văn An", address: UNITS.nvdp }, to: [OFFICE], subject: "Báo cáo tuần 47 - Phòng NVĐP (bản cập nhật)", date: new Date("2026-11-18T13:40:00+07:00"),
      text: intro("Phòng NVĐP", "bản cập nhật báo cáo tuần 47"),
      attachments: withAttachment("BC tuần 47 - NVĐP (cập nhật).docx", await reportDocx({ header: HEADER(NVDP), title: "Kết quả công tác tuần 47", sections: [{ heading: "Khó khăn, vướng mắc", items: ["Cập nhật: hệ thống họp trực tuyến gặp sự cố ngày 17/11/2026."] }], producer: "pandoc", style: "heading" })),
    });
    const id = requireMessageId(raw);
    await world.deliver(raw, "2026-11-18T13:40:00+07:00");
    const poll = await world.run(["poll", "--once"], "2026-11-18T13:45:00");
    expect(poll.code, poll.stderr).toBe(0);
    const subs = await world.json<Sub[]>(["submissions", "--unit", "nvdp", "--period", "2026-W47"], "2026-11-18T13:45:00");
    expect(subs.filter((s) => s.messageId === id).map((s) => [s.status, s.verdict, s.missingSections])).toEqual([["rejected", "khong_dat", ["ket_qua", "ke_hoach"]]]);
    const replies = await repliesTo(UNITS.nvdp, id);
    expect(replies).toHaveLength(1);
    expectBotReply(replies[0]!, { messageId: id, subject: "Báo cáo tuần 47 - Phòng NVĐP (bản cập nhật)" });
    expect(replies[0]!.headers["x-intake-bot"]).toBe("bao-cao-intake; purpose=khong_dat");
    expect(replies[0]!.text).toContain("bản báo cáo đạt yêu cầu (Đạt) đơn vị gửi trước đó tiếp tục được sử dụng để tổng hợp báo cáo chung của Cục");
    expect(replies[0]!.text).toContain(`- ${TITLE.ket_qua}: ${DESCRIPTION.ket_qua}`);
    expect(replies[0]!.text).toContain(`- ${TITLE.ke_hoach}: ${DESCRIPTION.ke_hoach}`);
  }, 120_000);

  it("records an old period's Không đạt without replying (oldPeriodReplies: false)", async () => {
    // Week 46: due 12/11 15:00, compiled by the end of Monday 16/11; received 18/11.
    const incomplete = outlookMail({
      from: { name: "Nguyễn Văn An", address: UNITS.nvdp }, to: [OFFICE], subject: "Báo cáo tuần 46 - Phòng NVĐP", date: new Date("2026-11-18T14:00:00+07:00"),
      text: intro("Phòng NVĐP", "báo cáo tuần 46 (gửi bổ sung)"),
      attachments: withAttachment("Báo cáo tuần 46 - NVĐP.docx", await reportDocx({ header: HEADER(NVDP), title: "Kết quả công tác tuần 46", sections: qtvp03Sections({ next: "tuần tới", omit: ["ke_hoach"] }), producer: "docx", style: "heading" })),
    });
    const id = requireMessageId(incomplete);
    const before = (await world.servers.readMailbox(UNITS.nvdp)).length;
    const sinkBefore = world.servers.smtp.received.length;
    await world.deliver(incomplete, "2026-11-18T14:00:00+07:00");
    const poll = await world.run(["poll", "--once"], "2026-11-18T14:05:00");
    expect(poll.code, poll.stderr).toBe(0);
    const subs = await world.json<(Sub & { deadline: string })[]>(["submissions", "--unit", "nvdp", "--period", "2026-W46"], "2026-11-18T14:05:00");
    expect(subs.map((s) => [s.messageId, s.status, s.verdict, s.missingSections, s.onTime, s.deadline])).toEqual([
      [id, "rejected", "khong_dat", ["ke_hoach"], false, "2026-11-12T15:00:00+07:00"],
    ]);
    expect((await world.servers.readMailbox(UNITS.nvdp)).length).toBe(before);
    expect(world.servers.smtp.received.length).toBe(sinkBefore);
    expect((await world.json<{ relatedMessageId?: string; subject: string }[]>(["outbox"], "2026-11-18T14:05:00")).filter((o) => o.subject.includes("tuần 46"))).toEqual([]);
  }, 120_000);
});
