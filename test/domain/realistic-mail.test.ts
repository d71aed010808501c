/**
 * Realistic mail from the Cục's units, run through the pure pipeline ingest uses (src/app/ingest-message.ts):
 * raw bytes → parseMessage → noise → documents read and wrapped as read-documents.ts does (liftLayoutTables, the
 * body as a document) → classifyMessage → judgeReport. Each row is a mail as the units' staff write it (subjects,
 * file names, bodies, Word documents) with the exact unit, kind, period, status and missing sections expected.
 * A genuinely ambiguous mail must come out `unclassified` with a reason, never as a guess.
 */
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { createDocumentReader } from "../../src/adapters/document-reader.ts";
import { parseMessage } from "../../src/adapters/parse-message.ts";
import { judgeReport } from "../../src/domain/verdict/index.ts";
import { BOT_HEADER, botMessageIdDomain } from "../../src/app/outgoing.ts";
import { classifyMessage } from "../../src/domain/classify/index.ts";
import type { DocumentFacts, MailFacts } from "../../src/domain/message.ts";
import { detectNoise } from "../../src/domain/classify/index.ts";
import { bodyOutline } from "../../src/domain/document/index.ts";
import { liftLayoutTables } from "../../src/domain/document/index.ts";
import { truncatedDocx, wordLikeDocx, WORD_NUM, type WBlock, type WPara } from "../support/docx-fixtures.ts";
import { appleMail, gmailMail, outlookMail, thunderbirdMail, type AttachmentSpec, type MailSpec } from "../support/eml.ts";
import { loadTemplateRegime } from "../support/regime.ts";
import { qtvp03Sections, reportDocx, type Producer } from "../support/reports.ts";

const ZONE = "Asia/Ho_Chi_Minh";
const OFFICE = "tonghop@cuc.example.vn";
const BOT_ID = `<5f2a9c01d4e3b7a8@${botMessageIdDomain(OFFICE)}>`;
const ADDRESSES: Record<string, string> = { nvdp: "nvdp@cuc.example.vn", ttdn: "ttdn@cuc.example.vn", ttbc: "ttbc@cuc.example.vn", vp: "vp@cuc.example.vn" };
const regime = loadTemplateRegime();
regime.units = regime.units.map((u) => ({ ...u, addresses: [ADDRESSES[u.id]!] }));
const reader = createDocumentReader({ sofficePath: null, pdftotextPath: null });

const local = (iso: string): Date => DateTime.fromISO(iso, { zone: ZONE }).toJSDate();
/** Wednesday of ISO week 47 (16–22/11/2026), before the Thursday 15:00 deadline. */
const W47 = "2026-11-18T10:12:00";

// ---- what a row expects ------------------------------------------------------------------------------------

interface Expected {
  unit: string | null;
  kind: string | null;
  period: string | null;
  status: "accepted" | "rejected" | "unclassified" | "ignored";
  missing: string[];
  /** The reason's code (before ":"); null when accepted. */
  reason: string | null;
  onTime?: boolean;
}

const ok = (unit: string, kind: string, period: string, onTime?: boolean): Expected => ({
  unit, kind, period, status: "accepted", missing: [], reason: null, ...(onTime === undefined ? {} : { onTime }),
});
const ko = (unit: string, kind: string, period: string, missing: string[], reason = "missing_sections"): Expected => ({
  unit, kind, period, status: "rejected", missing, reason,
});
const un = (reason: string, unit: string | null = null, kind: string | null = null, period: string | null = null): Expected => ({
  unit, kind, period, status: "unclassified", missing: [], reason,
});
const ignored = (reason: string): Expected => ({ unit: null, kind: null, period: null, status: "ignored", missing: [], reason });

// ---- documents as units write them -------------------------------------------------------------------------

const UNIT_LINE: Record<string, string> = {
  nvdp: "PHÒNG NGHIỆP VỤ - ĐIỀU PHỐI",
  ttdn: "PHÒNG TRUYỀN THÔNG ĐỐI NGOẠI",
  ttbc: "TRUNG TÂM BÁO CHÍ VÀ HỢP TÁC TRUYỀN THÔNG QUỐC TẾ",
  vp: "VĂN PHÒNG",
};

/**
 * One line of a Word body: "# " Heading 1 style; "* " a bold paragraph; "~ " Word's "I." numbering, bold;
 * "> " Word's "1." numbering; "- " Word's bullet; "_ " italic; anything else a plain paragraph.
 */
function wline(line: string): WPara {
  const t = line.slice(2);
  if (line.startsWith("# ")) return { style: "Heading1", runs: [{ t }] };
  if (line.startsWith("* ")) return { runs: [{ t, b: true }] };
  if (line.startsWith("~ ")) return { num: { id: WORD_NUM.roman, ilvl: 0 }, runs: [{ t, b: true }] };
  if (line.startsWith("> ")) return { num: { id: WORD_NUM.decimal, ilvl: 0 }, runs: [{ t }] };
  if (line.startsWith("- ")) return { num: { id: WORD_NUM.bullet, ilvl: 0 }, runs: [{ t }] };
  if (line.startsWith("_ ")) return { runs: [{ t, i: true }] };
  return { runs: [{ t: line }] };
}

interface WordDoc {
  unit: string | null;
  /** Lines under "BÁO CÁO" (trích yếu), centred and bold. */
  title: string[];
  body: string[];
  /** "table": the usual 2-column header (unit | Quốc hiệu) as Word users lay it out; "lines": stacked paragraphs. */
  header?: "table" | "lines" | "none";
  date?: string;
  signer?: string;
  /** The document kind line above the title; default "BÁO CÁO" ("GIẤY MỜI", "THÔNG BÁO" for other mail). */
  kind?: string;
}

/** A report laid out as Microsoft Word writes it (test/support/docx-fixtures.ts wordLikeDocx). */
function wordDoc(d: WordDoc): Promise<Buffer> {
  const left: WPara[] = [{ center: true, runs: [{ t: "CỤC THÔNG TIN ĐỐI NGOẠI" }] }, ...(d.unit ? [{ center: true, runs: [{ t: UNIT_LINE[d.unit]!, b: true }] }] : [])];
  const right: WPara[] = [
    { center: true, runs: [{ t: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b: true }] },
    { center: true, runs: [{ t: "Độc lập - Tự do - Hạnh phúc", b: true }] },
  ];
  const head: WBlock[] =
    d.header === "none" ? [] : d.header === "lines" ? [...left, ...right] : [{ table: [[left, right]] }];
  const blocks: WBlock[] = [
    ...head,
    { runs: [{ t: d.date ?? "Hà Nội, ngày 18 tháng 11 năm 2026", i: true }] },
    { center: true, runs: [{ t: d.kind ?? "BÁO CÁO", b: true }] },
    ...d.title.map((t): WPara => ({ center: true, runs: [{ t, b: true }] })),
    ...d.body.map(wline),
    {
      table: [
        [
          [{ runs: [{ t: "Nơi nhận:", b: true, i: true }] }, { runs: [{ t: "- Văn phòng Cục (để t/h);" }] }, { runs: [{ t: "- Lưu: VT." }] }],
          [{ center: true, runs: [{ t: d.signer ?? "TRƯỞNG PHÒNG", b: true }] }, { center: true, runs: [{ t: "Nguyễn Văn An", b: true }] }],
        ],
      ],
    },
  ];
  return wordLikeDocx(blocks);
}

/** The usual weekly sections (Word headings "I.", sub-items "1. Công tác chuyên môn"). */
const WEEK_BODY = [
  "# I. KẾT QUẢ CÔNG TÁC TUẦN",
  "* 1. Công tác chuyên môn",
  "- Tham mưu Lãnh đạo Cục chỉ đạo công tác thông tin đối ngoại về kỳ họp thứ 10, Quốc hội khóa XV.",
  "- Tổng hợp 45 tin, bài về Việt Nam trên báo chí nước ngoài.",
  "* 2. Công tác khác",
  "- Tham gia tập huấn nghiệp vụ ngày 17/11/2026.",
  "# II. KHÓ KHĂN, VƯỚNG MẮC",
  "Không.",
  "# III. KẾ HOẠCH CÔNG TÁC TUẦN TỚI",
  "- Xây dựng dự thảo báo cáo tổng kết năm 2026.",
  "- Chuẩn bị nội dung họp báo Chính phủ thường kỳ tháng 11.",
];

const MONTH_BODY = [
  "~ KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 11",
  "> Tham mưu ban hành Kế hoạch thông tin đối ngoại năm 2027.",
  "> Phối hợp tổ chức họp báo quốc tế ngày 18/11/2026.",
  "~ NHIỆM VỤ CHẬM TIẾN ĐỘ, KHÓ KHĂN, VƯỚNG MẮC",
  "Dự thảo Đề án số hóa tư liệu chậm tiến độ do chờ ý kiến góp ý của các bộ, ngành.",
  "~ KIẾN NGHỊ, ĐỀ XUẤT",
  "Đề nghị Văn phòng bố trí kinh phí tập huấn.",
  "~ NHIỆM VỤ TRỌNG TÂM THÁNG 12",
  "- Tổng kết công tác năm 2026.",
  "- Xây dựng chương trình công tác năm 2027.",
];

/** A report made by the shared builder (test/support/reports.ts): the `docx` package or the Word-like writer. */
function stdDoc(o: { unit: string; title: string; next?: string; producer?: Producer; omit?: string[]; headings?: Partial<Record<string, string>>; style?: "heading" | "bold" | "numbered" | "caps" }): Promise<Buffer> {
  return reportDocx({
    header: ["CỤC THÔNG TIN ĐỐI NGOẠI", UNIT_LINE[o.unit]!],
    title: o.title,
    sections: qtvp03Sections({ next: o.next ?? "tuần tới", omit: o.omit, headings: o.headings }),
    producer: o.producer ?? "docx",
    style: o.style ?? "numbered",
  });
}

// ---- the pipeline --------------------------------------------------------------------------------------------

interface Got extends Expected {
  attachments: string[];
}

async function pipeline(raw: Buffer, receivedAt: Date): Promise<Got[]> {
  const facts: MailFacts = await parseMessage(raw, receivedAt);
  const fromOffice = facts.from === OFFICE;
  const forwardedUnit = fromOffice && !!facts.forwarded?.from && Object.values(ADDRESSES).includes(facts.forwarded.from);
  const noise = detectNoise(facts, {
    botAddress: OFFICE, botMessageIdDomain: botMessageIdDomain(OFFICE), botHeader: BOT_HEADER.toLowerCase(), officeAddress: OFFICE, isForwardedUnitReport: forwardedUnit,
  });
  if (noise) return [{ ...ignored(noise.reason), attachments: [] }];
  // As src/app/read-documents.ts: every attachment, frame tables lifted, then the body as a document.
  const documents: DocumentFacts[] = [];
  for (const [i, a] of facts.attachments.entries()) {
    const read = await reader.read({ filename: a.filename, contentType: a.contentType, content: a.content });
    documents.push({ source: i, filename: a.filename, read: read.ok ? { ...read, outline: liftLayoutTables(read.outline) } : read });
  }
  const bodyText = (facts.forwarded?.text ? `${facts.text}\n${facts.forwarded.text}` : facts.text).trim();
  if (bodyText) documents.push({ source: "body", filename: null, read: { ok: true, outline: bodyOutline(bodyText), text: bodyText, format: "body" } });
  const candidates = classifyMessage({ facts, documents }, [regime], { zone: ZONE });
  return candidates.map((candidate, index) => {
    const { record: r } = judgeReport({ index, candidate, documents, regimes: [regime], receivedAt, zone: ZONE });
    return {
      unit: r.unit, kind: r.kind, period: r.period, status: r.status as Expected["status"], missing: r.missingSections,
      reason: r.reason === null ? null : r.reason.split(":")[0]!, onTime: r.onTime ?? undefined, attachments: r.attachments,
    };
  });
}

// ---- the rows --------------------------------------------------------------------------------------------------

type Builder = (spec: Omit<MailSpec, "client">) => Buffer;

interface Row {
  name: string;
  client?: Builder;
  from: string | { name: string; address: string };
  subject: string;
  text?: string;
  files?: () => Promise<AttachmentSpec[]>;
  extra?: Partial<MailSpec>;
  at?: string;
  expect: Expected[];
}

const person = (name: string, address: string) => ({ name, address });
const AN = person("Nguyễn Văn An", ADDRESSES.nvdp!);
const BINH = person("Trần Thị Bình", ADDRESSES.ttdn!);
const CUONG = person("Lê Mạnh Cường", ADDRESSES.ttbc!);
const DUNG = person("Phạm Thu Dung", ADDRESSES.vp!);
const BODY = "Kính gửi: Văn phòng Cục\n\nĐơn vị xin gửi báo cáo theo file đính kèm.\n\nTrân trọng./.";
const file = (filename: string, make: () => Promise<Buffer>) => async (): Promise<AttachmentSpec[]> => [{ filename, content: await make() }];
const files = (...list: [string, () => Promise<Buffer>][]) => async (): Promise<AttachmentSpec[]> =>
  Promise.all(list.map(async ([filename, make]) => ({ filename, content: await make() })));

const week47 = (unit: string, extra: Partial<WordDoc> = {}) => () =>
  wordDoc({ unit, title: ["Kết quả công tác tuần 47 và kế hoạch công tác tuần 48"], body: WEEK_BODY, ...extra });
const month11 = (unit: string, extra: Partial<WordDoc> = {}) => () =>
  wordDoc({ unit, title: ["Kết quả công tác tháng 11 năm 2026 và nhiệm vụ trọng tâm tháng 12 năm 2026"], body: MONTH_BODY, ...extra });
/** A weekly report whose title names no period (the subject or the calendar must tell). */
const untitled = (unit: string, body = WEEK_BODY) => () => wordDoc({ unit, title: ["Kết quả công tác và kế hoạch công tác thời gian tới"], body });

const SUBJECT_ROWS: Row[] = [
  { name: "V/v gửi báo cáo công tác tuần 47", from: AN, subject: "V/v gửi báo cáo công tác tuần 47", text: BODY, files: file("Bao cao.docx", untitled("nvdp")), expect: [ok("nvdp", "week", "2026-W47", true)] },
  { name: "BC tuan 47_NVDP from a personal Gmail", client: gmailMail, from: person("An Nguyen", "nguyenvanan.nvdp@gmail.com"), subject: "BC tuan 47_NVDP", text: "Gui VP bao cao tuan 47 a.", files: file("BC tuan 47.docx", untitled("nvdp")), expect: [ok("nvdp", "week", "2026-W47")] },
  { name: "[TTĐN] Báo cáo tháng 11.2026", from: BINH, subject: "[TTĐN] Báo cáo tháng 11.2026", text: BODY, files: file("Báo cáo.docx", month11("ttdn")), at: "2026-11-25T16:40:00", expect: [ok("ttdn", "month", "2026-11", true)] },
  { name: "Báo cáo công tác tháng 11 năm 2026 và phương hướng nhiệm vụ tháng 12", from: DUNG, subject: "Báo cáo công tác tháng 11 năm 2026 và phương hướng nhiệm vụ tháng 12", text: BODY, files: file("BC thang.docx", () => wordDoc({ unit: "vp", title: ["Công tác tháng và nhiệm vụ thời gian tới"], body: MONTH_BODY })), at: "2026-11-26T08:05:00", expect: [ok("vp", "month", "2026-11")] },
  { name: "TTBC gui bao cao quy IV (no diacritics)", client: thunderbirdMail, from: CUONG, subject: "TTBC gui bao cao quy IV", text: "Kinh gui Van phong,\nTTBC gui bao cao quy IV.\nTran trong.", files: file("BC quy.docx", () => wordDoc({ unit: "ttbc", title: ["Kết quả công tác và kế hoạch thời gian tới"], body: MONTH_BODY })), at: "2026-12-21T09:00:00", expect: [ok("ttbc", "quarter", "2026-Q4", true)] },
  { name: "Gửi lại báo cáo tuần (đã bổ sung), no number: the calendar's week", from: DUNG, subject: "Gửi lại báo cáo tuần (đã bổ sung)", text: "Kính gửi Văn phòng Cục,\nVăn phòng gửi lại báo cáo tuần đã bổ sung mục kế hoạch.\nTrân trọng.", files: file("Bao cao tuan - VP (bo sung).docx", untitled("vp")), at: "2026-11-19T14:30:00", expect: [ok("vp", "week", "2026-W47", true)] },
  { name: "Re: Báo cáo tuần 47 - Phòng NVĐP, resent in the bot's thread", from: AN, subject: "Re: Báo cáo tuần 47 - Phòng NVĐP", text: "Phòng xin gửi lại báo cáo đã bổ sung.\n\n> Đề nghị hoàn thiện báo cáo tuần 47/2026 (Không đạt)", files: file("BC tuần 47 - NVĐP (bổ sung).docx", week47("nvdp")), extra: { inReplyTo: BOT_ID, references: [BOT_ID] }, at: "2026-11-19T16:10:00", expect: [ok("nvdp", "week", "2026-W47", false)] },
  { name: "Re: the bot's Không đạt subject, corrected file attached", from: BINH, subject: "Re: Đề nghị hoàn thiện báo cáo tuần 47/2026 (từ 16/11/2026 đến 22/11/2026) - Phòng Truyền thông đối ngoại (Không đạt)", text: "Phòng TTĐN gửi lại báo cáo ạ.", files: file("BC tuan 47.docx", week47("ttdn")), extra: { inReplyTo: BOT_ID }, expect: [ok("ttdn", "week", "2026-W47")] },
  { name: "RE: the bot's chase, report attached", client: outlookMail, from: CUONG, subject: "RE: Đôn đốc gửi báo cáo tuần 47/2026 - Trung tâm Báo chí và Hợp tác truyền thông quốc tế (đã quá hạn 1 ngày)", text: "Trung tâm xin lỗi vì gửi muộn.", files: file("TTBC tuan 47.docx", week47("ttbc")), extra: { inReplyTo: BOT_ID }, at: "2026-11-20T15:00:00", expect: [ok("ttbc", "week", "2026-W47", false)] },
  { name: "Re: the bot's receipt, a thank-you with no file", from: AN, subject: "Re: Xác nhận tiếp nhận báo cáo tuần 47/2026 - Phòng Nghiệp vụ - Điều phối (Đạt)", text: "Cảm ơn Văn phòng.", extra: { inReplyTo: BOT_ID }, expect: [un("no_report_evidence", "nvdp")] },
  { name: "Fwd: FW: báo cáo from the unit's own address, the leader's original inline", client: gmailMail, from: AN, subject: "Fwd: FW: báo cáo", text: "Em chuyển báo cáo tuần của Phòng ạ.", extra: { forward: { as: "inline", original: { from: person("Hoàng Minh", "hoangminh.nvdp@gmail.com"), to: [AN], subject: "FW: báo cáo", text: "Anh gửi em báo cáo tuần 47 nhé." } } }, files: file("Tuần 47.docx", untitled("nvdp")), expect: [ok("nvdp", "week", "2026-W47")] },
  { name: "ALL CAPS subject", client: outlookMail, from: BINH, subject: "BÁO CÁO CÔNG TÁC TUẦN 47 - PHÒNG TTĐN", text: BODY, files: file("BAO CAO TUAN.docx", untitled("ttdn")), expect: [ok("ttdn", "week", "2026-W47")] },
  { name: "ALL CAPS without diacritics", from: DUNG, subject: "BAO CAO THANG 11 - VAN PHONG", text: BODY, files: file("BC.docx", () => wordDoc({ unit: "vp", title: ["Công tác tháng và nhiệm vụ thời gian tới"], body: MONTH_BODY })), at: "2026-11-27T17:30:00", expect: [ok("vp", "month", "2026-11", true)] },
  { name: "trailing ./. after the subject", from: AN, subject: "Báo cáo tuần 47./.", text: BODY, files: file("BC.docx", untitled("nvdp")), expect: [ok("nvdp", "week", "2026-W47")] },
  { name: "the period as dates: tuần từ 16/11 đến 20/11/2026", from: DUNG, subject: "Báo cáo công tác tuần từ 16/11 đến 20/11/2026", text: BODY, files: file("BC VP.docx", untitled("vp")), expect: [ok("vp", "week", "2026-W47")] },
  { name: "BC tuần 47/2026 - [Phòng TTĐN]", from: BINH, subject: "BC tuần 47/2026 - [Phòng TTĐN]", text: BODY, files: file("bc.docx", untitled("ttdn")), expect: [ok("ttdn", "week", "2026-W47")] },
  { name: "BÁO CÁO THÁNG 11/2026 (LẦN 2)", client: outlookMail, from: CUONG, subject: "BÁO CÁO THÁNG 11/2026 (LẦN 2)", text: BODY, files: file("BC T11 TTBC lan 2.docx", month11("ttbc")), at: "2026-11-26T10:00:00", expect: [ok("ttbc", "month", "2026-11")] },
  { name: "Báo cáo T11 (abbreviation)", from: AN, subject: "Báo cáo T11 - NVĐP", text: BODY, files: file("BC.docx", () => wordDoc({ unit: "nvdp", title: ["Công tác tháng và nhiệm vụ thời gian tới"], body: MONTH_BODY })), at: "2026-11-24T09:00:00", expect: [ok("nvdp", "month", "2026-11")] },
  { name: "Báo cáo kết quả công tác tháng 11 và chương trình công tác tháng 12", from: BINH, subject: "Báo cáo kết quả công tác tháng 11 và chương trình công tác tháng 12", text: BODY, files: file("BC.docx", () => wordDoc({ unit: "ttdn", title: ["Công tác tháng và nhiệm vụ thời gian tới"], body: MONTH_BODY })), at: "2026-11-26T09:00:00", expect: [ok("ttdn", "month", "2026-11")] },
  { name: "BC tháng 11 và dự kiến công tác tháng 12", from: DUNG, subject: "BC tháng 11 và dự kiến công tác tháng 12", text: BODY, files: file("BC.docx", () => wordDoc({ unit: "vp", title: ["Công tác tháng và nhiệm vụ thời gian tới"], body: MONTH_BODY })), at: "2026-11-26T09:00:00", expect: [ok("vp", "month", "2026-11")] },
  { name: "BC quý 4/2026", from: CUONG, subject: "BC quý 4/2026 - TTBC", text: BODY, files: file("BC.docx", () => wordDoc({ unit: "ttbc", title: ["Kết quả công tác và kế hoạch thời gian tới"], body: MONTH_BODY })), at: "2026-12-22T09:00:00", expect: [ok("ttbc", "quarter", "2026-Q4")] },
  { name: "Báo cáo sơ kết 6 tháng đầu năm 2026", from: AN, subject: "Báo cáo sơ kết 6 tháng đầu năm 2026", text: BODY, files: file("So ket 6 thang.docx", () => wordDoc({ unit: "nvdp", title: ["Sơ kết công tác và phương hướng thời gian tới"], body: MONTH_BODY.map((l) => l.replace("THÁNG 11", "6 THÁNG ĐẦU NĂM").replace("THÁNG 12", "6 THÁNG CUỐI NĂM")) })), at: "2026-06-24T09:00:00", expect: [ok("nvdp", "half", "2026-H1", true)] },
  { name: "Báo cáo tổng kết năm 2026", from: DUNG, subject: "Báo cáo tổng kết công tác năm 2026 và phương hướng nhiệm vụ năm 2027", text: BODY, files: file("Tong ket 2026.docx", () => wordDoc({ unit: "vp", title: ["Tổng kết công tác và phương hướng thời gian tới"], body: MONTH_BODY.map((l) => l.replace("THÁNG 11", "NĂM 2026").replace("NHIỆM VỤ TRỌNG TÂM THÁNG 12", "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027")) })), at: "2026-11-16T09:00:00", expect: [ok("vp", "year", "2026", true)] },
  { name: "a subject in windows-1258 (old Outlook)", client: outlookMail, from: BINH, subject: "Báo cáo tuần 47 - Phòng TTĐN", text: BODY, extra: { charset: "windows-1258" }, files: file("BC tuan 47.docx", untitled("ttdn")), expect: [ok("ttdn", "week", "2026-W47")] },
  { name: "no period anywhere, received on the Monday after the week: that week, late", from: AN, subject: "Báo cáo tuần - Phòng NVĐP", text: BODY, files: file("BC.docx", untitled("nvdp")), at: "2026-11-23T08:30:00", expect: [ok("nvdp", "week", "2026-W47", false)] },
  { name: "Báo cáo tháng with no number, received 02/12: November, late", from: BINH, subject: "Báo cáo tháng - Phòng TTĐN", text: BODY, files: file("BC.docx", () => wordDoc({ unit: "ttdn", title: ["Công tác tháng và nhiệm vụ thời gian tới"], body: MONTH_BODY })), at: "2026-12-02T09:00:00", expect: [ok("ttdn", "month", "2026-11", false)] },
];

const FILE_ROWS: Row[] = [
  { name: "BC_T11_2026_TTĐN_final (1).docx under a bare subject", from: BINH, subject: "Gửi báo cáo", text: BODY, files: file("BC_T11_2026_TTĐN_final (1).docx", () => wordDoc({ unit: "ttdn", title: ["Công tác tháng và nhiệm vụ thời gian tới"], body: MONTH_BODY })), at: "2026-11-26T09:00:00", expect: [ok("ttdn", "month", "2026-11")] },
  { name: "Bao cao tuan 47 (16.11-20.11).docx", from: AN, subject: "Gửi báo cáo", text: BODY, files: file("Bao cao tuan 47 (16.11-20.11).docx", untitled("nvdp")), expect: [ok("nvdp", "week", "2026-W47")] },
  { name: "47.docx, the kind in the subject", from: DUNG, subject: "Báo cáo tuần", text: BODY, files: file("47.docx", untitled("vp")), expect: [ok("vp", "week", "2026-W47")] },
  { name: "Tuần 47.docx under a subject naming the addressee only", client: appleMail, from: CUONG, subject: "Gửi Văn phòng Cục", text: "Kính gửi Văn phòng,\nTrung tâm gửi file.", files: file("Tuần 47.docx", untitled("ttbc")), expect: [ok("ttbc", "week", "2026-W47")] },
  { name: "NFD file name from a Mac", client: appleMail, from: DUNG, subject: "Báo cáo", text: BODY, files: file("Báo cáo tháng 11 - Văn phòng.docx", () => wordDoc({ unit: "vp", title: ["Công tác tháng và nhiệm vụ thời gian tới"], body: MONTH_BODY })), at: "2026-11-25T11:00:00", expect: [ok("vp", "month", "2026-11")] },
  { name: "a colleague of NVĐP sends it from TTĐN's address: the document's unit wins", from: BINH, subject: "Báo cáo tuần 47", text: "Gửi hộ Phòng NVĐP.", files: file("BC tuần 47 - NVĐP.docx", week47("nvdp")), expect: [ok("nvdp", "week", "2026-W47")] },
  { name: "BC_tuan47_VP.docx with underscores", from: DUNG, subject: "bc tuan", text: BODY, files: file("BC_tuan47_VP.docx", untitled("vp")), expect: [ok("vp", "week", "2026-W47")] },
  { name: "report + annex of figures", from: BINH, subject: "Báo cáo tuần 47 - Phòng TTĐN", text: BODY, files: files(["BC tuần 47 - TTĐN.docx", week47("ttdn")], ["Phụ lục số liệu tin bài.docx", () => wordDoc({ unit: "ttdn", header: "none", title: [], body: ["* PHỤ LỤC", "Số liệu tin, bài đăng tải trong tuần."] })]), expect: [ok("ttdn", "week", "2026-W47")] },
  { name: "two reports in one mail: tuần 47 and tháng 11", from: AN, subject: "Báo cáo tuần 47 và báo cáo tháng 11", text: BODY, files: files(["BC tuần 47 - NVĐP.docx", week47("nvdp")], ["BC tháng 11 - NVĐP.docx", month11("nvdp")]), at: "2026-11-19T09:00:00", expect: [ok("nvdp", "week", "2026-W47"), ok("nvdp", "month", "2026-11")] },
  { name: "a truncated .docx is Không đạt (unreadable), not a guess", from: CUONG, subject: "Báo cáo tuần 47 - TTBC", text: BODY, files: file("BC tuan 47.docx", truncatedDocx), expect: [ko("ttbc", "week", "2026-W47", [], "unreadable_attachment")] },
];

const DOCUMENT_ROWS: Row[] = [
  { name: "header table + title with the week's dates", from: AN, subject: "Báo cáo tuần", text: BODY, files: file("BC.docx", () => wordDoc({ unit: "nvdp", title: ["Kết quả công tác tuần từ ngày 16/11/2026 đến ngày 20/11/2026"], body: WEEK_BODY })), expect: [ok("nvdp", "week", "2026-W47")] },
  { name: "stacked header lines, two title lines", from: BINH, subject: "Báo cáo", text: BODY, files: file("BC.docx", () => wordDoc({ unit: "ttdn", header: "lines", title: ["Kết quả công tác tuần 47", "và kế hoạch công tác tuần 48"], body: WEEK_BODY })), expect: [ok("ttdn", "week", "2026-W47")] },
  { name: "Phần I. Kết quả / Phần II. Nhiệm vụ", from: DUNG, subject: "Báo cáo tuần 47 - VP", text: BODY, files: file("BC.docx", () => wordDoc({ unit: "vp", title: ["Công tác tuần 47"], body: ["* Phần I. Kết quả thực hiện nhiệm vụ", "- Tổ chức hội nghị cán bộ, công chức.", "* Phần II. Nhiệm vụ tuần tới", "- Tổ chức kiểm tra công tác văn thư."] })), expect: [ok("vp", "week", "2026-W47")] },
  { name: "PHẦN I: KẾT QUẢ… PHẦN II: NHIỆM VỤ TRỌNG TÂM TUẦN TỚI", from: CUONG, subject: "Báo cáo tuần 47 - TTBC", text: BODY, files: file("BC.docx", () => wordDoc({ unit: "ttbc", title: ["Công tác tuần 47"], body: ["PHẦN I: KẾT QUẢ CÔNG TÁC TUẦN", "- Cấp 12 thẻ phóng viên nước ngoài.", "PHẦN II: NHIỆM VỤ TRỌNG TÂM TUẦN TỚI", "- Hỗ trợ phóng viên nước ngoài tác nghiệp tại kỳ họp Quốc hội."] })), expect: [ok("ttbc", "week", "2026-W47")] },
  { name: "A. KẾT QUẢ ĐẠT ĐƯỢC / B. PHƯƠNG HƯỚNG, NHIỆM VỤ TUẦN TỚI", from: AN, subject: "Báo cáo tuần 47 - NVĐP", text: BODY, files: file("BC.docx", () => wordDoc({ unit: "nvdp", title: ["Công tác tuần 47"], body: ["A. KẾT QUẢ ĐẠT ĐƯỢC", "1. Công tác chuyên môn", "- Tham mưu văn bản chỉ đạo.", "2. Công tác đảng, đoàn thể", "- Sinh hoạt chi bộ định kỳ.", "B. PHƯƠNG HƯỚNG, NHIỆM VỤ TUẦN TỚI", "- Tiếp tục triển khai kế hoạch năm."] })), expect: [ok("nvdp", "week", "2026-W47")] },
  { name: "III. Đề xuất, kiến nghị and Kiến nghị: Không", from: BINH, subject: "Báo cáo tuần 47 - TTĐN", text: BODY, files: file("BC.docx", () => wordDoc({ unit: "ttdn", title: ["Công tác tuần 47"], body: ["I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ", "- Đăng tải 30 tin, bài.", "II. KHÓ KHĂN, VƯỚNG MẮC", "Không.", "III. Đề xuất, kiến nghị", "Kiến nghị: Không", "IV. KẾ HOẠCH TUẦN TỚI", "- Tiếp tục cập nhật Cổng thông tin."] })), expect: [ok("ttdn", "week", "2026-W47")] },
  { name: "merged 'Khó khăn và đề xuất'", from: CUONG, subject: "Báo cáo tuần 47 - TTBC", text: BODY, files: file("BC.docx", () => wordDoc({ unit: "ttbc", title: ["Công tác tuần 47"], body: ["1. Kết quả công tác tuần", "- Tổ chức 2 cuộc họp báo.", "2. Khó khăn và đề xuất", "- Thiếu thiết bị ghi hình; đề nghị Cục bổ sung.", "3. Kế hoạch tuần tới", "- Chuẩn bị họp báo cuối năm."] })), expect: [ok("ttbc", "week", "2026-W47")] },
  { name: "plan missing: Không đạt naming ke_hoach", from: AN, subject: "Báo cáo tuần 47 - NVĐP", text: BODY, files: file("BC.docx", () => wordDoc({ unit: "nvdp", title: ["Kết quả công tác tuần 47"], body: WEEK_BODY.slice(0, 8) })), expect: [ko("nvdp", "week", "2026-W47", ["ke_hoach"])] },
  { name: "results missing: Không đạt naming ket_qua", from: DUNG, subject: "Báo cáo tuần 47 - VP", text: BODY, files: file("BC.docx", () => wordDoc({ unit: "vp", title: ["Công tác tuần 47"], body: WEEK_BODY.slice(6) })), expect: [ko("vp", "week", "2026-W47", ["ket_qua"])] },
  { name: "a plan mentioned inside the results is not the plan section", from: BINH, subject: "Báo cáo tuần 47 - TTĐN", text: BODY, files: file("BC.docx", () => wordDoc({ unit: "ttdn", title: ["Công tác tuần 47"], body: ["I. KẾT QUẢ CÔNG TÁC TUẦN", "- Kế hoạch công tác năm 2027 đã trình Lãnh đạo Cục.", "- Đăng tải 30 tin, bài.", "II. KHÓ KHĂN, VƯỚNG MẮC", "Không."] })), expect: [ko("ttdn", "week", "2026-W47", ["ke_hoach"])] },
  { name: "Các công việc đã triển khai / Dự kiến công việc tuần tới (bold)", from: CUONG, subject: "Báo cáo tuần 47 - TTBC", text: BODY, files: file("BC.docx", () => wordDoc({ unit: "ttbc", title: ["Công tác tuần 47"], body: ["* 1. Các công việc đã triển khai", "- Cấp thẻ phóng viên.", "* 2. Dự kiến công việc tuần tới", "- Hỗ trợ báo chí nước ngoài."] })), expect: [ok("ttbc", "week", "2026-W47")] },
  { name: "Những công việc đã thực hiện / Chương trình công tác tuần tới", from: AN, subject: "Báo cáo tuần 47 - NVĐP", text: BODY, files: file("BC.docx", () => wordDoc({ unit: "nvdp", title: ["Công tác tuần 47"], body: ["I. NHỮNG CÔNG VIỆC ĐÃ THỰC HIỆN", "- Tham mưu văn bản chỉ đạo thông tin đối ngoại.", "II. CHƯƠNG TRÌNH CÔNG TÁC TUẦN TỚI", "- Tổ chức giao ban."] })), expect: [ok("nvdp", "week", "2026-W47")] },
  { name: "Kết quả công tác tuần 47 (từ 16/11 đến 20/11/2026) as headings with dates", from: DUNG, subject: "Báo cáo tuần 47 - VP", text: BODY, files: file("BC.docx", () => wordDoc({ unit: "vp", title: ["Công tác tuần 47"], body: ["# I. KẾT QUẢ CÔNG TÁC TUẦN 47 (TỪ 16/11 ĐẾN 20/11/2026)", "- Tổ chức hội nghị.", "# II. KẾ HOẠCH CÔNG TÁC TUẦN 48 (TỪ 23/11 ĐẾN 27/11/2026)", "- Kiểm tra văn thư."] })), expect: [ok("vp", "week", "2026-W47")] },
  { name: "the shared builder, Word producer, caps headings", from: BINH, subject: "Báo cáo tuần 47", text: BODY, files: file("BC tuan 47 TTDN.docx", () => stdDoc({ unit: "ttdn", title: "Kết quả công tác tuần 47 và kế hoạch công tác tuần 48", producer: "word", style: "caps" })), expect: [ok("ttdn", "week", "2026-W47")] },
  { name: "the shared builder, docx producer, Word headings", from: CUONG, subject: "Báo cáo tháng 11", text: BODY, files: file("BC thang 11 TTBC.docx", () => stdDoc({ unit: "ttbc", title: "Công tác tháng 11/2026 và nhiệm vụ trọng tâm tháng 12/2026", next: "tháng tới", style: "heading" })), at: "2026-11-25T09:00:00", expect: [ok("ttbc", "month", "2026-11")] },
  { name: "the shared builder, bold headings, no plan", from: DUNG, subject: "Báo cáo tuần 47", text: BODY, files: file("BC tuan 47 VP.docx", () => stdDoc({ unit: "vp", title: "Kết quả công tác tuần 47", producer: "word", style: "bold", omit: ["ke_hoach"] })), expect: [ko("vp", "week", "2026-W47", ["ke_hoach"])] },
  { name: "document title Tháng 11/2026 contradicts a subject tháng 10: a person decides", from: BINH, subject: "Báo cáo tháng 10 - Phòng TTĐN", text: BODY, files: file("BC.docx", month11("ttdn")), at: "2026-11-25T09:00:00", expect: [un("ambiguous_period", "ttdn", "month", null)] },
  { name: "report title 'Báo cáo công tác tháng 11 năm 2026 và phương hướng nhiệm vụ tháng 12'", from: AN, subject: "Báo cáo", text: BODY, files: file("BC.docx", () => wordDoc({ unit: "nvdp", title: ["Công tác tháng 11 năm 2026 và phương hướng nhiệm vụ tháng 12"], body: MONTH_BODY })), at: "2026-11-25T09:00:00", expect: [ok("nvdp", "month", "2026-11")] },
];

const BODY_REPORT = (unit: string, plan = true) =>
  [
    "Kính gửi: Văn phòng Cục",
    `${unit} xin gửi báo cáo tuần 47 như sau:`,
    "1. Kết quả công tác tuần",
    "- Tham mưu 03 văn bản chỉ đạo thông tin đối ngoại.",
    "- Tổng hợp thông tin báo chí nước ngoài.",
    "2. Khó khăn, vướng mắc: Không",
    ...(plan ? ["3. Kế hoạch tuần tới", "- Tiếp tục triển khai các nhiệm vụ được giao."] : []),
    "",
    "Trân trọng./.",
    "--",
    "Nguyễn Văn An",
    "ĐT: 024.3825.1234",
  ].join("\n");

const BODY_ROWS: Row[] = [
  { name: "report typed in the mail body with 1./2./3.", from: AN, subject: "Báo cáo tuần 47 - Phòng NVĐP", text: BODY_REPORT("Phòng NVĐP"), expect: [ok("nvdp", "week", "2026-W47")] },
  { name: "body report without the plan: Không đạt", from: DUNG, subject: "Báo cáo tuần 47 - Văn phòng", text: BODY_REPORT("Văn phòng", false), expect: [ko("vp", "week", "2026-W47", ["ke_hoach"])] },
  { name: "body: Phòng NVĐP xin gửi báo cáo tuần 47 (file attached, subject bare)", from: AN, subject: "Báo cáo", text: "Kính gửi: Văn phòng Cục\nPhòng NVĐP xin gửi báo cáo tuần 47 (file đính kèm).\nTrân trọng./.", files: file("BC.docx", untitled("nvdp")), expect: [ok("nvdp", "week", "2026-W47")] },
  { name: "Gmail sender unknown, unit named only in the body", client: gmailMail, from: person("Thu Trang", "thutrang.1990@gmail.com"), subject: "Báo cáo tuần 47", text: "Kính gửi Văn phòng Cục,\nPhòng Truyền thông đối ngoại gửi báo cáo tuần 47.\nTrân trọng.", files: file("BC.docx", untitled("ttdn")), expect: [ok("ttdn", "week", "2026-W47")] },
  { name: "body report by a short Thunderbird mail, sections with colons", client: thunderbirdMail, from: CUONG, subject: "TTBC - BC tuần 47", text: "Kính gửi Văn phòng,\n\nKết quả công tác tuần:\n- Cấp 12 thẻ phóng viên.\nKhó khăn: Không.\nKiến nghị: Không.\nKế hoạch tuần tới:\n- Hỗ trợ phóng viên tác nghiệp.\n\nTrân trọng,\nLê Mạnh Cường", expect: [ok("ttbc", "week", "2026-W47")] },
  { name: "Officer forwards (rfc822) NVĐP's report into the mailbox", client: outlookMail, from: person("Tổng hợp", OFFICE), subject: "FW: Báo cáo tuần 47 - Phòng NVĐP", text: "Chuyển tiếp.", extra: { forward: { as: "rfc822", original: { from: AN, to: ["lanhdao@cuc.example.vn"], subject: "Báo cáo tuần 47 - Phòng NVĐP", text: BODY, attachments: [] } } }, files: file("BC tuần 47 - NVĐP.docx", week47("nvdp")), expect: [ok("nvdp", "week", "2026-W47")] },
];

const UNCLASSIFIED_ROWS: Row[] = [
  { name: "Giấy mời họp giao ban tuần 47", from: DUNG, subject: "Giấy mời họp giao ban tuần 47", text: "Kính mời các đồng chí dự họp giao ban.", files: file("Giay moi.docx", () => wordDoc({ unit: "vp", kind: "GIẤY MỜI", title: ["Họp giao ban tuần 47"], body: ["Văn phòng Cục trân trọng kính mời Lãnh đạo các đơn vị dự họp giao ban.", "Thời gian: 8 giờ 00 ngày 20/11/2026."], signer: "CHÁNH VĂN PHÒNG" })), expect: [un("no_report_evidence", "vp")] },
  { name: "Lịch công tác tuần 48", from: DUNG, subject: "Lịch công tác tuần 48 của Lãnh đạo Cục", text: "Văn phòng gửi lịch công tác.", expect: [un("no_report_evidence", "vp")] },
  { name: "Thông báo kết luận giao ban tháng 11", from: DUNG, subject: "Thông báo kết luận giao ban tháng 11", text: "Văn phòng gửi thông báo kết luận.", files: file("TB ket luan.docx", () => wordDoc({ unit: "vp", kind: "THÔNG BÁO", title: ["Kết luận của Cục trưởng tại buổi giao ban tháng 11"], body: ["Ngày 16/11/2026, Cục trưởng chủ trì giao ban.", "1. Các đơn vị hoàn thành báo cáo tổng kết năm trước ngày 20/11/2026."], signer: "KT. CỤC TRƯỞNG" })), expect: [un("no_report_evidence", "vp")] },
  { name: "Cảm ơn… báo cáo", from: AN, subject: "Cảm ơn Văn phòng đã góp ý báo cáo", text: "Trân trọng cảm ơn.", expect: [un("no_report_evidence", "nvdp")] },
  { name: "an ad-hoc report of a mission names no period kind", from: CUONG, subject: "Báo cáo kết quả đoàn công tác tại Nhật Bản", text: BODY, files: file("BC doan cong tac.docx", () => wordDoc({ unit: "ttbc", title: ["Kết quả đoàn công tác tại Nhật Bản"], body: ["I. Kết quả", "- Làm việc với 5 cơ quan báo chí."] })), expect: [un("no_period_kind", "ttbc")] },
  { name: "two weeks in the subject and a file naming none", from: AN, subject: "Báo cáo tuần 46 và tuần 47", text: BODY, files: file("BC.docx", untitled("nvdp")), expect: [un("ambiguous_period", "nvdp")] },
  { name: "unknown Gmail sender naming no unit", client: gmailMail, from: person("Minh Hoàng", "minhhoang88@gmail.com"), subject: "Báo cáo tuần 47", text: "Em gửi báo cáo ạ.", files: file("BC tuan 47.docx", () => wordDoc({ unit: null, title: ["Kết quả công tác tuần 47"], body: WEEK_BODY })), expect: [un("unknown_sender", null, "week", "2026-W47")] },
  { name: "subject names two units, the file none, a third unit's address", from: DUNG, subject: "Báo cáo tuần 47 - NVĐP, TTĐN", text: BODY, files: file("BC.docx", () => wordDoc({ unit: null, title: ["Kết quả công tác và kế hoạch thời gian tới"], body: WEEK_BODY })), expect: [un("unknown_unit", null, "week", "2026-W47")] },
  { name: "subject names TTĐN but NVĐP's address sent it, the file says nothing", from: AN, subject: "Báo cáo tuần 47 - Phòng TTĐN", text: BODY, files: file("BC.docx", () => wordDoc({ unit: null, title: ["Kết quả công tác và kế hoạch thời gian tới"], body: WEEK_BODY })), expect: [un("unit_conflict", null, "week", "2026-W47")] },
  { name: "Outlook auto-reply is noise", client: outlookMail, from: AN, subject: "Trả lời tự động: Nhắc gửi báo cáo tuần 47/2026", text: "Tôi đang đi công tác.", extra: { headers: { "Auto-Submitted": "auto-replied" } }, expect: [ignored("auto_reply")] },
  { name: "the officer's own mail to a unit is not a report", from: person("Tổng hợp", OFFICE), subject: "Báo cáo tuần 47", text: "Đề nghị Phòng gửi báo cáo tuần 47.", expect: [ignored("officer_mail")] },
];


/** Harder cases: abbreviations, year ends, tables, typed "1/" numbering, forgotten files, photos, questions. */
const HARD_ROWS: Row[] = [
  { name: "BC tuần 47 và KH tuần 48 (KH = kế hoạch)", from: AN, subject: "BC tuần 47 và KH tuần 48 - NVĐP", text: BODY, files: file("BC.docx", untitled("nvdp")), expect: [ok("nvdp", "week", "2026-W47")] },
  { name: "Báo cáo tháng 11 và KH tháng 12", from: BINH, subject: "Báo cáo tháng 11 và KH tháng 12", text: BODY, files: file("BC.docx", () => wordDoc({ unit: "ttdn", title: ["Công tác tháng và nhiệm vụ thời gian tới"], body: MONTH_BODY })), at: "2026-11-26T09:00:00", expect: [ok("ttdn", "month", "2026-11")] },
  { name: "BC tuần 47.2026 (dot before the year)", from: DUNG, subject: "BC tuần 47.2026", text: BODY, files: file("BC.docx", untitled("vp")), expect: [ok("vp", "week", "2026-W47")] },
  { name: "Báo cáo tuần 1 received in January: week 1 of the new year", from: AN, subject: "Báo cáo tuần 1 - NVĐP", text: BODY, files: file("BC.docx", untitled("nvdp")), at: "2027-01-06T09:00:00", expect: [ok("nvdp", "week", "2027-W01", true)] },
  { name: "Báo cáo tuần 53 (2026 has 53 ISO weeks)", from: BINH, subject: "Báo cáo tuần 53", text: BODY, files: file("BC.docx", untitled("ttdn")), at: "2026-12-30T09:00:00", expect: [ok("ttdn", "week", "2026-W53", true)] },
  { name: "Báo cáo tháng 12 received on 03/01: last year's December", from: CUONG, subject: "Báo cáo tháng 12 - TTBC", text: BODY, files: file("BC.docx", () => wordDoc({ unit: "ttbc", title: ["Công tác tháng và nhiệm vụ thời gian tới"], body: MONTH_BODY })), at: "2027-01-03T09:00:00", expect: [ok("ttbc", "month", "2026-12", false)] },
  { name: "Báo cáo 9 tháng is no period of QT.VP.03: a person decides", from: DUNG, subject: "Báo cáo 9 tháng đầu năm 2026 - Văn phòng", text: BODY, files: file("BC 9 thang.docx", () => wordDoc({ unit: "vp", title: ["Kết quả công tác và phương hướng thời gian tới"], body: MONTH_BODY })), at: "2026-09-25T09:00:00", expect: [un("no_period_kind", "vp")] },
  { name: "subject tuần 47, the file still titled tuần 46 (copied from last week)", from: AN, subject: "Báo cáo tuần 47 - NVĐP", text: BODY, files: file("BC.docx", () => wordDoc({ unit: "nvdp", title: ["Kết quả công tác tuần 46 và kế hoạch công tác tuần 47"], body: WEEK_BODY })), expect: [un("ambiguous_period", "nvdp", "week", null)] },
  { name: "late: Thursday 15:30", from: CUONG, subject: "Báo cáo tuần 47 - TTBC", text: BODY, files: file("BC.docx", untitled("ttbc")), at: "2026-11-19T15:30:00", expect: [ok("ttbc", "week", "2026-W47", false)] },
  { name: "tuần 3 tháng 11: a week of the month, the calendar gives W47", from: DUNG, subject: "Báo cáo tuần 3 tháng 11", text: BODY, files: file("BC.docx", untitled("vp")), expect: [ok("vp", "week", "2026-W47")] },
  { name: "plain ALL CAPS headings without numbering", from: BINH, subject: "Báo cáo tuần 47", text: BODY, files: file("BC.docx", () => wordDoc({ unit: "ttdn", title: ["Công tác tuần 47"], body: ["KẾT QUẢ CÔNG TÁC TUẦN", "Đăng tải 30 tin, bài trên Cổng thông tin.", "KẾ HOẠCH TUẦN TỚI", "Tiếp tục cập nhật Cổng thông tin."] })), expect: [ok("ttdn", "week", "2026-W47")] },
  { name: "sections as rows of a table (Nội dung | Chi tiết)", from: AN, subject: "Báo cáo tuần 47", text: BODY, files: file("BC.docx", () => wordLikeDocx([{ center: true, runs: [{ t: "PHÒNG NGHIỆP VỤ - ĐIỀU PHỐI", b: true }] }, { center: true, runs: [{ t: "BÁO CÁO", b: true }] }, { center: true, runs: [{ t: "Công tác tuần 47", b: true }] }, { table: [[[{ runs: [{ t: "Nội dung", b: true }] }], [{ runs: [{ t: "Chi tiết", b: true }] }]], [[{ runs: [{ t: "Kết quả công tác tuần" }] }], [{ runs: [{ t: "Tham mưu 03 văn bản chỉ đạo." }] }]], [[{ runs: [{ t: "Khó khăn, vướng mắc" }] }], [{ runs: [{ t: "Không" }] }]], [[{ runs: [{ t: "Kế hoạch tuần tới" }] }], [{ runs: [{ t: "Tổ chức giao ban." }] }]]] }])), expect: [ok("nvdp", "week", "2026-W47")] },
  { name: "the whole report typed inside a one-cell frame table", from: CUONG, subject: "Báo cáo tuần 47", text: BODY, files: file("BC.docx", () => wordLikeDocx([{ table: [[[{ center: true, runs: [{ t: "TRUNG TÂM BÁO CHÍ VÀ HỢP TÁC TRUYỀN THÔNG QUỐC TẾ", b: true }] }, { center: true, runs: [{ t: "BÁO CÁO", b: true }] }, { center: true, runs: [{ t: "Công tác tuần 47", b: true }] }, ...WEEK_BODY.map(wline)]]] }])), expect: [ok("ttbc", "week", "2026-W47")] },
  { name: "body report with typed 1/ 2/ 3/ numbering", client: gmailMail, from: DUNG, subject: "Báo cáo tuần 47 - VP", text: "Kính gửi Văn phòng Cục,\n1/ KẾT QUẢ CÔNG TÁC TUẦN\n- Tổ chức hội nghị cán bộ.\n2/ KHÓ KHĂN, VƯỚNG MẮC\nKhông.\n3/ KẾ HOẠCH TUẦN TỚI\n- Kiểm tra công tác văn thư.\nTrân trọng.", expect: [ok("vp", "week", "2026-W47")] },
  { name: "Công tác đã thực hiện trong tuần / Công tác tuần tới", from: AN, subject: "Báo cáo tuần 47 - NVĐP", text: BODY, files: file("BC.docx", () => wordDoc({ unit: "nvdp", title: ["Công tác tuần 47"], body: ["* 1. Công tác đã thực hiện trong tuần", "- Tham mưu văn bản chỉ đạo.", "* 2. Công tác tuần tới", "- Tổ chức giao ban."] })), expect: [ok("nvdp", "week", "2026-W47")] },
  { name: "forgot the attachment: Không đạt, nothing to check", from: BINH, subject: "Báo cáo tuần 47 - Phòng TTĐN", text: "Kính gửi Văn phòng Cục,\nPhòng TTĐN gửi báo cáo tuần 47 (file đính kèm).\nTrân trọng.", expect: [ko("ttdn", "week", "2026-W47", ["ket_qua", "ke_hoach"])] },
  { name: "a question about the report template is not a report", from: CUONG, subject: "Xin hỏi về mẫu báo cáo tuần", text: "Kính gửi Văn phòng,\nTrung tâm xin hỏi mẫu báo cáo tuần có cần mục kiến nghị không ạ?", expect: [un("no_report_evidence", "ttbc")] },
  { name: "only a phone photo of the signed report: a person reads it", from: DUNG, subject: "Báo cáo tuần 47 - VP", text: "Gửi ảnh báo cáo đã ký.", files: async () => [{ filename: "IMG_20261118_101500.jpg", content: Buffer.from("ffd8ffe000104a464946000101", "hex") }], expect: [un("scanned_document", "vp", "week", "2026-W47")] },
  { name: "two units' reports sent together by the Văn phòng", from: DUNG, subject: "Gửi báo cáo tuần 47 của NVĐP và TTĐN", text: BODY, files: files(["BC tuần 47 - NVĐP.docx", week47("nvdp")], ["BC tuần 47 - TTĐN.docx", week47("ttdn")]), expect: [ok("nvdp", "week", "2026-W47"), ok("ttdn", "week", "2026-W47")] },
  { name: "the officer forwards NVĐP's mail inline (Outlook FW:)", client: outlookMail, from: person("Tổng hợp", OFFICE), subject: "FW: Báo cáo tuần 47 - Phòng NVĐP", text: "Chuyển tiếp báo cáo đơn vị gửi nhầm địa chỉ.", extra: { forward: { as: "inline", original: { from: AN, to: ["chanhvp@cuc.example.vn"], subject: "Báo cáo tuần 47 - Phòng NVĐP", text: BODY, attachments: [] } } }, files: file("BC tuần 47 - NVĐP.docx", week47("nvdp")), expect: [ok("nvdp", "week", "2026-W47")] },
  { name: "Báo cáo Quý IV/2026 with Tồn tại, hạn chế and Phương hướng nhiệm vụ quý I/2027", from: BINH, subject: "Báo cáo Quý IV/2026 - P.TTĐN", text: BODY, files: file("BC quy IV.docx", () => wordDoc({ unit: "ttdn", title: ["Kết quả công tác quý IV năm 2026 và phương hướng nhiệm vụ quý I năm 2027"], body: ["~ KẾT QUẢ THỰC HIỆN NHIỆM VỤ", "Hoàn thành 12 chuyên đề.", "~ TỒN TẠI, HẠN CHẾ", "Một số nhiệm vụ chậm.", "~ PHƯƠNG HƯỚNG NHIỆM VỤ QUÝ I/2027", "Triển khai kế hoạch năm 2027."] })), at: "2026-12-21T09:00:00", expect: [ok("ttdn", "quarter", "2026-Q4")] },
];

const ROWS = [...SUBJECT_ROWS, ...FILE_ROWS, ...DOCUMENT_ROWS, ...BODY_ROWS, ...UNCLASSIFIED_ROWS, ...HARD_ROWS];

describe("realistic mail through parse → read → classify → judge", () => {
  it("has at least 60 rows with distinct names", () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(ROWS.map((r) => r.name)).size).toBe(ROWS.length);
  });

  it.each(ROWS.map((r) => [r.name, r] as const))("%s", async (_name, row) => {
    const build = row.client ?? outlookMail;
    const attachments = row.files ? await row.files() : [];
    const raw = build({ from: row.from, to: [OFFICE], subject: row.subject, text: row.text ?? BODY, attachments, date: local(row.at ?? W47), ...row.extra });
    const got = await pipeline(raw, local(row.at ?? W47));
    const view = got.map(({ attachments: _a, onTime, ...g }, i) => ({ ...g, ...(row.expect[i]?.onTime === undefined ? {} : { onTime }) }));
    expect(view).toEqual(row.expect);
  });
});
