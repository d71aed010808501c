import { describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { CONFIDENCE_THRESHOLD, classifyMessage, sectionsPresent, signedCopies, type ReportCandidate } from "../../src/domain/classify/index.ts";
import type { AttachmentFacts, DocumentFacts, ForwardedFacts, MailFacts } from "../../src/domain/message.ts";
import type { Block, DocumentRead, Outline } from "../../src/domain/model.ts";
import type { Regime } from "../../src/domain/regime.ts";
import { matchUnits, unitOfAddress } from "../../src/domain/classify/index.ts";
import { loadTemplateRegime } from "../support/regime.ts";

const ZONE = "Asia/Ho_Chi_Minh";
const OFFICE = "tonghop.vp@cuc.example.vn";
const at = (iso: string): Date => DateTime.fromISO(iso, { zone: ZONE }).toJSDate();
/** Wednesday of ISO week 47 of 2026. */
const NOV18 = "2026-11-18T10:12:00";

const ADDRESSES: Record<string, string[]> = {
  nvdp: ["nvdp@cuc.example.vn", "nguyenvanan@cuc.example.vn"],
  ttdn: ["ttdn@cuc.example.vn"],
  ttbc: ["ttbc@cuc.example.vn"],
  vp: ["vp@cuc.example.vn"],
};

function regime(overrides: Partial<Regime> = {}): Regime {
  const r = loadTemplateRegime(overrides);
  r.units = r.units.map((u) => ({ ...u, addresses: ADDRESSES[u.id] ?? [] }));
  return r;
}
const QT = regime();

const p = (text: string): Block => ({ type: "paragraph", runs: [{ text }] });
const h = (text: string): Block => ({ type: "heading", level: 1, runs: [{ text, bold: true }] });

/** A unit's report as the units write it: header block, title, sections. */
function reportOutline(o: { unit?: string; title?: string; sections?: boolean; table?: boolean; lead?: string }): Outline {
  const header = ["CỤC THÔNG TIN ĐỐI NGOẠI", ...(o.unit ? [o.unit] : []), "Số: 47/BC-TTĐN"];
  const nation = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 18 tháng 11 năm 2026"];
  const top: Block[] = o.table
    ? [{ type: "table", rows: [[header.map(p), nation.map(p)]] }]
    : [...header.map(p), ...nation.map(p)];
  const body: Block[] = o.sections === false
    ? [p("Nội dung trao đổi.")]
    : [
        h("I. KẾT QUẢ CÔNG TÁC TUẦN"),
        p("1. Tham mưu ban hành kế hoạch thông tin đối ngoại năm 2027."),
        h("II. KHÓ KHĂN, VƯỚNG MẮC"),
        p("Không có."),
        h("III. KẾ HOẠCH CÔNG TÁC TUẦN TỚI"),
        p("Tiếp tục triển khai các nhiệm vụ được giao."),
      ];
  return { blocks: [...top, p("BÁO CÁO"), ...(o.title ? [p(o.title)] : []), ...(o.lead ? [p(o.lead)] : []), ...body] };
}

interface FileSpec {
  name: string;
  outline?: Outline;
  read?: DocumentRead;
}

interface MailSpec {
  from?: string;
  subject: string;
  text?: string;
  files?: FileSpec[];
  received?: string;
  forwarded?: Partial<ForwardedFacts>;
  bodyOutline?: Outline;
}

function input(m: MailSpec): { facts: MailFacts; documents: DocumentFacts[] } {
  const files = m.files ?? [];
  const attachments: AttachmentFacts[] = files.map((f) => ({
    filename: f.name,
    contentType: "application/octet-stream",
    size: 1000,
    sha256: "0".repeat(64),
    content: Buffer.from(""),
    fromForwarded: false,
  }));
  const text = m.text ?? "Kính gửi: Văn phòng Cục\nĐơn vị gửi kèm báo cáo.\nTrân trọng.";
  const facts: MailFacts = {
    messageId: "<m1@mail.cuc.example.vn>",
    from: m.from ?? "nvdp@cuc.example.vn",
    fromName: null,
    to: [OFFICE],
    cc: [],
    replyTo: [],
    subject: m.subject,
    date: null,
    receivedAt: at(m.received ?? NOV18),
    headers: {},
    contentType: files.length ? "multipart/mixed" : "text/plain",
    inReplyTo: null,
    references: [],
    text,
    attachments,
    forwarded: m.forwarded ? { from: null, fromName: null, subject: null, date: null, text: "", ...m.forwarded } : null,
    problems: [],
  };
  const documents: DocumentFacts[] = files.map((f, i) => ({
    source: i,
    filename: f.name,
    read: f.read ?? { ok: true, outline: f.outline ?? { blocks: [p(f.name)] }, text: "", format: f.name.split(".").pop() ?? "" },
  }));
  documents.push({ source: "body", filename: null, read: { ok: true, outline: m.bodyOutline ?? { blocks: text.split("\n").map(p) }, text, format: "body" } });
  return { facts, documents };
}

const NVDP = "PHÒNG NGHIỆP VỤ - ĐIỀU PHỐI";
const TTDN = "PHÒNG TRUYỀN THÔNG ĐỐI NGOẠI";
const TTBC = "TRUNG TÂM BÁO CHÍ VÀ HỢP TÁC TRUYỀN THÔNG QUỐC TẾ";
const SCANNED: DocumentRead = { ok: false, format: "pdf", problem: "scanned" };
const nfd = (s: string): string => s.normalize("NFD");

/** Expected candidate: "unit kind period" (null parts as "-"), plus the documents, or a reason code. */
type Want = { is?: string; docs?: (number | "body")[]; reason?: string; inferred?: boolean; report?: boolean };
type Row = [string, MailSpec, Want[], Regime?];

const ROWS: Row[] = [
  [
    "weekly report from the unit's address",
    { subject: "Báo cáo tuần 47 - Phòng NVĐP", files: [{ name: "Báo cáo tuần 47 - NVĐP.docx", outline: reportOutline({ unit: NVDP, title: "Kết quả công tác tuần 47 và kế hoạch tuần 48" }) }] },
    [{ is: "nvdp week 2026-W47", docs: [0], inferred: false }],
  ],
  [
    "no diacritics, personal address, unit in subject and file name",
    { from: "an.nguyen1985@gmail.com", subject: "Bao cao tuan 47 - NVDP", files: [{ name: "BC tuan 47 NVDP.docx" }] },
    [{ is: "nvdp week 2026-W47", docs: [0] }],
  ],
  ["abbreviations BC T11 TTDN", { from: "ttdn@cuc.example.vn", subject: "BC T11 TTDN", files: [{ name: "BC T11 TTDN.docx" }] }, [{ is: "ttdn month 2026-11", docs: [0] }]],
  [
    "month report with next month's plan in the subject",
    {
      from: "vp@cuc.example.vn",
      subject: "V/v báo cáo công tác tháng 11 và nhiệm vụ trọng tâm tháng 12",
      files: [{ name: "BaoCao_VP.docx", outline: reportOutline({ unit: "VĂN PHÒNG", title: "Công tác tháng 11 và nhiệm vụ trọng tâm tháng 12" }) }],
    },
    [{ is: "vp month 2026-11", docs: [0] }],
  ],
  [
    "officer forwards the 6-month report of TTBC",
    {
      from: OFFICE,
      subject: "Fwd: BÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM 2026",
      received: "2026-06-29T16:40:00",
      forwarded: { from: "ttbc@cuc.example.vn", subject: "BÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM 2026", text: "Trung tâm gửi báo cáo." },
      files: [{ name: "BC so ket 6 thang.docx", outline: reportOutline({ unit: TTBC, title: "Sơ kết công tác 6 tháng đầu năm 2026" }) }],
    },
    [{ is: "ttbc half 2026-H1", docs: [0] }],
  ],
  ["quarter IV, year from the receipt", { from: "ttbc@cuc.example.vn", subject: "Báo cáo quý IV", received: "2026-12-26T09:00:00", files: [{ name: "Bao cao quy IV.docx" }] }, [{ is: "ttbc quarter 2026-Q4" }]],
  ["quarter IV received in January", { from: "ttbc@cuc.example.vn", subject: "Báo cáo quý IV", received: "2027-01-04T09:00:00", files: [{ name: "BCQ4.docx" }] }, [{ is: "ttbc quarter 2026-Q4" }]],
  ["week by its dates", { subject: "BC tuần từ 16/11 đến 20/11/2026", files: [{ name: "BC.docx" }] }, [{ is: "nvdp week 2026-W47", docs: [0] }]],
  [
    "two reports in one mail: week and month",
    { subject: "Báo cáo tuần 47 và tháng 11 - NVĐP", received: "2026-11-20T09:00:00", files: [{ name: "BC tuan 47 NVDP.docx" }, { name: "BC thang 11 NVDP.docx" }] },
    [{ is: "nvdp week 2026-W47", docs: [0] }, { is: "nvdp month 2026-11", docs: [1] }],
  ],
  [
    "one report per unit sent by a secretary",
    { from: "thuky.cuc@gmail.com", subject: "Báo cáo tuần 47 các phòng", files: [{ name: "BC tuan 47 NVDP.docx" }, { name: "BC tuan 47 TTDN.docx" }] },
    [{ is: "nvdp week 2026-W47", docs: [0] }, { is: "ttdn week 2026-W47", docs: [1] }],
  ],
  [
    "signed PDF beside the .docx is the same report",
    {
      subject: "Báo cáo tuần 47",
      files: [
        { name: "Báo cáo tuần 47 - NVĐP.docx" },
        { name: "Báo cáo tuần 47 - NVĐP (bản ký).pdf", outline: reportOutline({ unit: NVDP, title: "Kết quả công tác tuần 47" }) },
      ],
    },
    [{ is: "nvdp week 2026-W47", docs: [0, 1] }],
  ],
  [
    "a scanned PDF with no period joins the report",
    { subject: "Báo cáo tuần 47 - NVĐP", files: [{ name: "BC tuan 47.docx" }, { name: "scan0001.pdf", read: SCANNED }] },
    [{ is: "nvdp week 2026-W47", docs: [0, 1] }],
  ],
  [
    "inline logo image is not a document of the report",
    { subject: "Báo cáo tuần 47", files: [{ name: "image001.png", read: { ok: false, format: "png", problem: "unsupported" } }, { name: "BC tuan 47.docx" }] },
    [{ is: "nvdp week 2026-W47", docs: [1] }],
  ],
  [
    "an annex follows its report",
    { subject: "Báo cáo tuần 47", files: [{ name: "BC tuan 47 NVDP.docx" }, { name: "Phu luc danh sach doan.xlsx" }, { name: "BC thang 11 NVDP.docx" }] },
    [{ is: "nvdp week 2026-W47", docs: [0, 1] }, { is: "nvdp month 2026-11", docs: [2] }],
  ],
  ["invitation is not a report", { subject: "Giấy mời họp giao ban tuần 47", files: [{ name: "Giay moi.pdf" }] }, [{ report: false, reason: "no_report_evidence" }]],
  ["thank-you is not a report", { subject: "Cảm ơn chị đã hỗ trợ đoàn công tác", text: "Trân trọng cảm ơn." }, [{ report: false, reason: "no_report_evidence" }]],
  ["thanks mentioning a report", { subject: "Cảm ơn anh đã nhắc báo cáo tuần 47", text: "Dạ vâng ạ." }, [{ report: false, reason: "no_report_evidence" }]],
  ["a reply to the receipt without the report", { subject: "Re: [Đạt] Báo cáo tuần 47 - Phòng NVĐP", text: "Dạ em cảm ơn chị." }, [{ report: false, reason: "no_report_evidence" }]],
  [
    "a plan cited by its symbol",
    { subject: "Kế hoạch số 15/KH-TTĐN triển khai công tác năm 2027", files: [{ name: "15-KH-TTDN.pdf", outline: { blocks: [p("KẾ HOẠCH"), p("Triển khai công tác TTĐN năm 2027")] } }] },
    [{ report: false, reason: "no_report_evidence" }],
  ],
  ["a question about the form", { subject: "Hỏi về mẫu biểu", text: "Chị cho em hỏi mẫu báo cáo tuần mới ạ." }, [{ report: false, reason: "no_report_evidence" }]],
  [
    "weekly report with no number, received on the Monday after",
    { subject: "Báo cáo tuần - Phòng NVĐP", received: "2026-11-23T09:00:00", files: [{ name: "Bao cao.docx" }] },
    [{ is: "nvdp week 2026-W47", inferred: true }],
  ],
  [
    "weekly report with no number, received on Tuesday",
    { subject: "Báo cáo tuần - Phòng NVĐP", received: "2026-11-24T09:00:00", files: [{ name: "Bao cao.docx" }] },
    [{ is: "nvdp week 2026-W48", inferred: true }],
  ],
  ["monthly report with no number, received 02/12", { subject: "BC tháng - Văn phòng", from: "vp@cuc.example.vn", received: "2026-12-02T08:30:00", files: [{ name: "BC.docx" }] }, [{ is: "vp month 2026-11", inferred: true }]],
  ["report with no kind", { subject: "Báo cáo - Phòng NVĐP", files: [{ name: "Bao cao.docx", outline: reportOutline({ unit: NVDP }) }] }, [{ is: "nvdp - -", reason: "no_period_kind" }]],
  [
    "report with no kind in a single-kind regime",
    { subject: "Báo cáo - Phòng NVĐP", received: "2026-12-02T08:30:00", files: [{ name: "Bao cao.docx" }] },
    [{ is: "nvdp month 2026-11", inferred: true }],
    regime({ kinds: { month: QT.kinds.month! } }),
  ],
  [
    "subject names another unit than the sender's registration",
    { subject: "Báo cáo tuần 47 - Phòng TTĐN", files: [{ name: "Baocao.docx" }] },
    [{ is: "- week 2026-W47", reason: "unit_conflict" }],
  ],
  [
    "the document names another unit than the sender's: the document wins",
    { subject: "Báo cáo tuần 47", files: [{ name: "BC tuan 47 TTDN.docx" }] },
    [{ is: "ttdn week 2026-W47" }],
  ],
  ["unregistered sender and no unit anywhere", { from: "hoa.le@yahoo.com", subject: "Báo cáo tuần 47", files: [{ name: "baocao.docx" }] }, [{ is: "- week 2026-W47", reason: "unknown_sender" }]],
  [
    "unregistered sender, 'Kính gửi: Văn phòng' is the addressee, not the unit",
    { from: "hoa.le@yahoo.com", subject: "Báo cáo tuần 47", text: "Kính gửi: Văn phòng Cục\nEm gửi báo cáo.", files: [{ name: "baocao.docx" }] },
    [{ is: "- week 2026-W47", reason: "unknown_sender" }],
  ],
  ["two kinds, one body", { subject: "Báo cáo tháng 12 và quý IV", received: "2026-12-20T09:00:00" }, [{ reason: "ambiguous_period" }]],
  [
    "file name contradicts the subject",
    { subject: "Báo cáo tuần 47", files: [{ name: "BC tuan 46 NVDP.docx" }] },
    [{ is: "nvdp week -", reason: "ambiguous_period" }],
  ],
  [
    "header block as a table names the unit",
    { from: "tran.binh@gmail.com", subject: "Gửi báo cáo", files: [{ name: "BC.docx", outline: reportOutline({ unit: TTBC, table: true, title: "Kết quả công tác tuần 47" }) }] },
    [{ is: "ttbc week 2026-W47", docs: [0] }],
  ],
  [
    "report in the body",
    {
      from: "vp@cuc.example.vn",
      subject: "Báo cáo tuần 47 - VP",
      text: "I. Kết quả công tác tuần\n- Hoàn thành...\nII. Kế hoạch tuần tới\n- Tiếp tục...",
      bodyOutline: { blocks: [h("I. Kết quả công tác tuần"), p("- Hoàn thành"), h("II. Kế hoạch tuần tới"), p("- Tiếp tục")] },
    },
    [{ is: "vp week 2026-W47", docs: ["body"] }],
  ],
  [
    "sections only, no report phrase",
    { subject: "Gửi chị Hương", files: [{ name: "tai lieu.docx", outline: reportOutline({ unit: NVDP }) }] },
    [{ is: "nvdp - -", reason: "no_period_kind", docs: [0] }],
  ],
  [
    "inline forward by the officer",
    { from: OFFICE, subject: "Fwd: Báo cáo tuần 47", forwarded: { from: "nvdp@cuc.example.vn", subject: "Báo cáo tuần 47", text: "Phòng gửi báo cáo." }, files: [{ name: "BC47.docx" }] },
    [{ is: "nvdp week 2026-W47" }],
  ],
  ["NFD file name", { from: "ttdn@cuc.example.vn", subject: "Gửi BC", files: [{ name: nfd("Báo cáo tháng 11 - TTĐN.docx") }] }, [{ is: "ttdn month 2026-11" }]],
  ["yearly report", { from: "vp@cuc.example.vn", subject: "Báo cáo năm 2026 - Văn phòng", received: "2026-11-19T09:00:00", files: [{ name: "BC nam 2026.docx" }] }, [{ is: "vp year 2026" }]],
  ["yearly report received in January", { from: "vp@cuc.example.vn", subject: "Báo cáo tổng kết năm", received: "2027-01-08T09:00:00", files: [{ name: "BC tong ket.docx" }] }, [{ is: "vp year 2026" }]],
  ["second half is not a reporting period", { subject: "Báo cáo 6 tháng cuối năm 2026", received: "2026-12-20T09:00:00", files: [{ name: "BC.docx" }] }, [{ reason: "not_reporting_period" }]],
  ["a plan alone is no report", { subject: "Kế hoạch công tác tháng 12 - NVĐP", files: [{ name: "Ke hoach thang 12.docx" }] }, [{ report: false, reason: "no_report_evidence" }]],
  [
    "the annual plan in the lead sentence is not the period",
    {
      subject: "Báo cáo tuần 47",
      files: [{ name: "BC.docx", outline: reportOutline({ unit: NVDP, lead: "Thực hiện Kế hoạch công tác năm 2026, Phòng Nghiệp vụ - Điều phối báo cáo kết quả công tác tuần 47 như sau:" }) }],
    },
    [{ is: "nvdp week 2026-W47" }],
  ],
  [
    "'gửi Văn phòng Cục' in the subject is the addressee",
    { from: "ttdn@cuc.example.vn", subject: "Phòng TTĐN gửi Văn phòng Cục báo cáo tuần 47", files: [{ name: "BC.docx", outline: reportOutline({ unit: TTDN }) }] },
    [{ is: "ttdn week 2026-W47" }],
  ],
  ["Cục symbol TTĐN-VP is no unit", { from: "nvdp@cuc.example.vn", subject: "Báo cáo tuần 47 theo Công văn số 123/TTĐN-VP", files: [{ name: "BC.docx" }] }, [{ is: "nvdp week 2026-W47" }]],
  ["unit in the body only, unregistered sender", { from: "an.nguyen1985@gmail.com", subject: "Báo cáo tuần 47", text: "Phòng NVĐP xin gửi báo cáo.", files: [{ name: "BC.docx" }] }, [{ is: "nvdp week 2026-W47" }]],
  [
    "a bare year in the lead sentence of a title block without a number",
    {
      subject: "Gửi báo cáo tuần",
      received: "2026-11-19T09:00:00",
      files: [{ name: "BC.docx", outline: reportOutline({ unit: NVDP, title: "Công tác tuần", lead: "Thực hiện Chương trình công tác năm 2026, Phòng báo cáo như sau:" }) }],
    },
    [{ is: "nvdp week 2026-W47", inferred: true }],
  ],
  [
    "yearly report titled in the document",
    { from: "vp@cuc.example.vn", subject: "Gửi Văn phòng", received: "2026-11-19T09:00:00", files: [{ name: "VP.docx", outline: reportOutline({ unit: "VĂN PHÒNG", title: "Kết quả thực hiện nhiệm vụ năm 2026 và kế hoạch năm 2027" }) }] },
    [{ is: "vp year 2026" }],
  ],
  ["two units named in the subject", { from: "thuky.cuc@gmail.com", subject: "Báo cáo tuần 47 NVĐP, TTĐN", files: [{ name: "BC.docx" }] }, [{ reason: "unknown_unit" }]],
  // Issue 12 item 1: the report's own period from where people write it; the body never makes it ambiguous.
  [
    "subject and title say tuần 47; the sections name tháng 11, sơ kết, quý IV, tổng kết năm",
    {
      subject: "Báo cáo tuần 47",
      files: [{
        name: "BC.docx",
        outline: { blocks: [...reportOutline({ unit: NVDP, title: "Kết quả công tác tuần 47" }).blocks, p("Chuẩn bị báo cáo sơ kết quý IV, báo cáo tháng 11 và tổng kết năm 2026.")] },
      }],
    },
    [{ is: "nvdp week 2026-W47" }],
  ],
  [
    "no title block: the lines before the first section, not the sections' text",
    {
      subject: "Gửi Văn phòng",
      files: [{ name: "BC.docx", outline: { blocks: [p("PHÒNG NGHIỆP VỤ - ĐIỀU PHỐI"), p("Công tác tuần 47"), h("I. KẾT QUẢ CÔNG TÁC"), p("Số liệu tháng 11 và quý IV đã cập nhật."), h("II. KẾ HOẠCH TUẦN 48"), p("Giao ban.")] } }],
    },
    [{ is: "nvdp week 2026-W47" }],
  ],
  [
    "nothing in the subject, file name or title: the first section heading states the period",
    {
      subject: "Gửi báo cáo",
      files: [{ name: "BC.docx", outline: { blocks: [p("BÁO CÁO"), p("Công tác của Phòng"), h("I. KẾT QUẢ CÔNG TÁC THÁNG 11"), p("Tổng hợp số liệu tuần 47."), h("II. NHIỆM VỤ TRỌNG TÂM THÁNG 12"), p("Tổng kết năm.")] } }],
    },
    [{ is: "nvdp month 2026-11" }],
  ],
  [
    "the body counts only when no place states a period, and 'báo cáo tuần 47' beats a later 'tháng 11'",
    { subject: "Gửi Văn phòng", text: "Phòng NVĐP gửi báo cáo tuần 47. Các nội dung tháng 11 đã cập nhật.", files: [{ name: "BC.docx" }] },
    [{ is: "nvdp week 2026-W47" }],
  ],
  [
    "a title reports its first period: 'Công tác tháng 11 và nhiệm vụ trọng tâm tháng 12'",
    { subject: "Gửi báo cáo", received: "2026-11-25T09:00:00", files: [{ name: "BC.docx", outline: reportOutline({ unit: NVDP, title: "Công tác tháng 11 và nhiệm vụ trọng tâm tháng 12" }) }] },
    [{ is: "nvdp month 2026-11" }],
  ],
  [
    "'… năm 2026, phương hướng nhiệm vụ năm 2027'",
    { subject: "Gửi báo cáo", received: "2026-11-16T09:00:00", files: [{ name: "BC.docx", outline: reportOutline({ unit: NVDP, title: "Kết quả công tác năm 2026, phương hướng nhiệm vụ năm 2027" }) }] },
    [{ is: "nvdp year 2026" }],
  ],
  [
    "subject tháng 11 and title tuần 47 disagree: a person decides",
    { subject: "Báo cáo tháng 11", files: [{ name: "BC.docx", outline: reportOutline({ unit: NVDP, title: "Kết quả công tác tuần 47" }) }] },
    [{ is: "nvdp - -", reason: "ambiguous_period" }],
  ],
];

function show(c: ReportCandidate): string {
  return `${c.unit ?? "-"} ${c.kind ?? "-"} ${c.period ?? "-"}`;
}

describe("classifyMessage", () => {
  it.each(ROWS)("%s", (_name, spec, wants, r) => {
    const got = classifyMessage(input(spec), [r ?? QT], { zone: ZONE });
    expect(got).toHaveLength(wants.length);
    wants.forEach((w, i) => {
      const c = got[i]!;
      if (w.is) expect(show(c)).toBe(w.is);
      if (w.docs) expect(c.documents).toEqual(w.docs);
      if (w.inferred !== undefined) expect(c.periodInferred).toBe(w.inferred);
      expect(c.isReport).toBe(w.report ?? true);
      if (w.reason) {
        expect(c.reason?.split(":")[0]).toBe(w.reason);
        expect(c.reason).toMatch(/: \S/);
        expect(c.confidence).toBeLessThan(CONFIDENCE_THRESHOLD);
      } else {
        expect(c.reason).toBeNull();
        expect(c.confidence).toBeGreaterThanOrEqual(CONFIDENCE_THRESHOLD);
        expect(c.confidence).toBeLessThanOrEqual(1);
      }
    });
  });
});

describe("evidence", () => {
  it("records sender, subject, file name and calendar", () => {
    const [c] = classifyMessage(input({ subject: "Báo cáo tuần - Phòng NVĐP", received: "2026-11-23T09:00:00", files: [{ name: "Bao cao.docx" }] }), [QT], { zone: ZONE });
    expect(c!.evidence).toEqual(
      expect.arrayContaining([
        { about: "unit", source: "sender", value: "nvdp", matched: "nvdp@cuc.example.vn" },
        { about: "unit", source: "subject", value: "nvdp", matched: "NVĐP" },
        { about: "kind", source: "subject", value: "week", matched: "Báo cáo tuần" },
        { about: "period", source: "calendar", value: "2026-W47", matched: "2026-11-23T09:00:00+07:00" },
        { about: "report", source: "subject", value: "report_phrase", matched: "báo cáo" },
      ]),
    );
    expect(c!.confidence).toBe(0.9);
  });

  it("agreeing sender and text give full confidence", () => {
    const [c] = classifyMessage(input({ subject: "Báo cáo tuần 47 - Phòng NVĐP", files: [{ name: "BC tuan 47.docx" }] }), [QT], { zone: ZONE });
    expect(c!.confidence).toBe(1);
  });

  it("the forwarded original sender counts, not the officer", () => {
    const [c] = classifyMessage(
      input({ from: OFFICE, subject: "Fwd: Báo cáo tháng 11", forwarded: { from: "ttbc@cuc.example.vn" }, files: [{ name: "BC.docx" }] }),
      [QT],
      { zone: ZONE },
    );
    expect(c!.unit).toBe("ttbc");
    expect(c!.evidence).toContainEqual({ about: "unit", source: "sender", value: "ttbc", matched: "ttbc@cuc.example.vn" });
  });
});

describe("regimes", () => {
  it("picks the regime that registers the sender", () => {
    const provinces = loadTemplateRegime({ id: "tinh", name: "Báo cáo của các tỉnh", units: [{ id: "hanoi", name: "Sở KH&CN Hà Nội", aliases: [], addresses: ["tonghop@hanoi.gov.vn"], fields: [] }] });
    const [c] = classifyMessage(input({ from: "tonghop@hanoi.gov.vn", subject: "Báo cáo tổng kết năm 2026", files: [{ name: "BC.docx" }] }), [QT, provinces], { zone: ZONE });
    expect([c!.regime, c!.unit, c!.kind, c!.period]).toEqual(["tinh", "hanoi", "year", "2026"]);
  });

  it("no regime at all", () => {
    const [c] = classifyMessage(input({ subject: "Báo cáo tuần 47" }), [], { zone: ZONE });
    expect(c!.reason).toMatch(/^no_regime:/);
  });
});

describe("signedCopies and sections", () => {
  const doc = (source: number, filename: string, format = filename.split(".").pop()!): DocumentFacts => ({
    source,
    filename,
    read: { ok: true, outline: { blocks: [] }, text: "", format },
  });

  it("a PDF beside a .docx is the signed copy", () => {
    expect(signedCopies([doc(0, "BC tuần 47.docx"), doc(1, "BC tuần 47 (ký số).pdf")])).toEqual([1]);
  });

  it("a PDF alone is the report", () => {
    expect(signedCopies([doc(0, "BC tuần 47.pdf")])).toEqual([]);
  });

  it("finds headings with numbering, any case, no diacritics", () => {
    const outline: Outline = { blocks: [h("1. KET QUA THUC HIEN NHIEM VU"), p("a) Khó khăn, vướng mắc"), p("III. Phương hướng, nhiệm vụ tháng 12"), p("Kiến nghị rằng các đơn vị cần phải phối hợp chặt chẽ hơn nữa trong việc cung cấp thông tin cho báo chí quốc tế và trong nước về các sự kiện lớn")] };
    expect(sectionsPresent(outline, QT.sections).sort()).toEqual(["ke_hoach", "ket_qua", "kho_khan"]);
  });
});

/** [text, expected "unit=matched" list]. */
const UNIT_TEXTS: [string, string[]][] = [
  ["Báo cáo tuần 47 - Phòng NVĐP", ["nvdp=NVĐP"]],
  ["Phòng Nghiệp vụ - Điều phối", ["nvdp=Phòng Nghiệp vụ - Điều phối"]],
  ["bao cao tuan 47 phong nghiep vu dieu phoi", ["nvdp=phong nghiep vu dieu phoi"]],
  [nfd("PHÒNG NGHIỆP VỤ - ĐIỀU PHỐI"), ["nvdp=PHÒNG NGHIỆP VỤ - ĐIỀU PHỐI"]],
  ["BC_T11_NV-ĐP.docx", ["nvdp=NV-ĐP"]],
  ["P.TTĐN gửi báo cáo tháng 11", ["ttdn=P.TTĐN"]],
  ["BC T11 TTDN.docx", ["ttdn=TTDN"]],
  ["TTĐN - Báo cáo tuần 47", ["ttdn=TTĐN"]],
  ["PHÒNG TRUYỀN THÔNG ĐỐI NGOẠI", ["ttdn=PHÒNG TRUYỀN THÔNG ĐỐI NGOẠI"]],
  ["Trung tâm Báo chí và Hợp tác truyền thông quốc tế", ["ttbc=Trung tâm Báo chí và Hợp tác truyền thông quốc tế"]],
  ["BC_tuan47_TTBC&HTTTQT.docx", ["ttbc=TTBC&HTTTQT"]],
  ["Văn phòng Cục báo cáo tuần 47", ["vp=Văn phòng Cục"]],
  ["bc tuan 47 vp.docx", ["vp=vp"]],
  ["Báo cáo tuần 47 NVĐP, TTĐN", ["nvdp=NVĐP", "ttdn=TTĐN"]],
  // not units
  ["CỤC THÔNG TIN ĐỐI NGOẠI", []],
  ["Kế hoạch số 15/KH-TTĐN", []],
  ["Số: 123/TTĐN-VP", []],
  ["Theo công văn TTĐN-VP ngày 12/11", []],
  ["Cục TTĐN", []],
  ["Hoạt động TTĐN trên báo chí", []],
  ["Kính gửi: Văn phòng Cục", []],
  ["NVĐP gửi Văn phòng báo cáo tuần 47", ["nvdp=NVĐP"]],
  ["Đề nghị gửi về vp@cuc.example.vn", []],
  ["VPBank chi nhánh Hà Nội", []],
  ["Báo cáo tuần 47 của Phòng", []],
];

describe("matchUnits", () => {
  it.each(UNIT_TEXTS)("%s", (text, expected) => {
    expect(matchUnits(text, QT.units).map((m) => `${m.unit}=${m.matched}`)).toEqual(expected);
  });

  it.each([
    ["nvdp@cuc.example.vn", "nvdp"],
    ["Nguyễn Văn An <NguyenVanAn@Cuc.Example.VN>", "nvdp"],
    ["ttbc@cuc.example.vn", "ttbc"],
    ["an.nguyen1985@gmail.com", null],
    [null, null],
  ] as const)("unitOfAddress(%s) = %s", (address, unit) => {
    expect(unitOfAddress(address, QT.units)).toBe(unit);
  });

  it("an address two units register says nothing", () => {
    const units = QT.units.map((u) => (u.id === "ttdn" ? { ...u, addresses: [...u.addresses, "nvdp@cuc.example.vn"] } : u));
    expect(unitOfAddress("nvdp@cuc.example.vn", units)).toBeNull();
  });
});
