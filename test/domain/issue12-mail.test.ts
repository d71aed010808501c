/**
 * Issue 12 "Why": one mail per failure class, built as units send them and run through the pure pipeline ingest
 * uses (raw bytes → parseMessage → documents read as read-documents.ts does → classifyMessage → judgeReport):
 * 1. a period named in the body never overrides the subject and title; 2. plan headings naming the next period;
 * 3. an annex never sinks a report; 6. doubt goes to a person. Class 4 (the verdict words) is checked on the mail
 * templates at the end. A text PDF (item 3) is read with its layout.
 */
import { readFileSync } from "node:fs";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { createDocumentReader } from "../../src/adapters/document-reader.ts";
import { parseMessage } from "../../src/adapters/parse-message.ts";
import { classifyMessage, detectNoise } from "../../src/domain/classify/index.ts";
import type { DocumentFacts } from "../../src/domain/message.ts";
import { bodyOutline, liftLayoutTables } from "../../src/domain/document/index.ts";
import { judgeReport } from "../../src/domain/verdict/index.ts";
import { BOT_HEADER, botMessageIdDomain } from "../../src/app/outgoing.ts";
import { sofficeConvert, wordLikeDocx, WORD_NUM, type WBlock, type WPara } from "../support/docx-fixtures.ts";
import { gmailMail, outlookMail, TINY_PNG, type AttachmentSpec, type MailSpec } from "../support/eml.ts";
import { loadTemplateRegime } from "../support/regime.ts";

const ZONE = "Asia/Ho_Chi_Minh";
const OFFICE = "tonghop@cuc.example.vn";
const ADDRESSES: Record<string, string> = { nvdp: "nvdp@cuc.example.vn", ttdn: "ttdn@cuc.example.vn", ttbc: "ttbc@cuc.example.vn", vp: "vp@cuc.example.vn" };
const regime = loadTemplateRegime();
regime.units = regime.units.map((u) => ({ ...u, addresses: [ADDRESSES[u.id]!] }));
const reader = createDocumentReader({ sofficePath: null, pdftotextPath: "pdftotext" });
const local = (iso: string): Date => DateTime.fromISO(iso, { zone: ZONE }).toJSDate();

interface Got {
  unit: string | null;
  kind: string | null;
  period: string | null;
  status: string;
  missing: string[];
  reason: string | null;
  attachments: string[];
}

async function pipeline(raw: Buffer, receivedAt: Date): Promise<(Got & { fullReason: string | null })[]> {
  const facts = await parseMessage(raw, receivedAt);
  const forwardedUnit = facts.from === OFFICE && !!facts.forwarded?.from && Object.values(ADDRESSES).includes(facts.forwarded.from);
  const noise = detectNoise(facts, {
    botAddress: OFFICE, botMessageIdDomain: botMessageIdDomain(OFFICE), botHeader: BOT_HEADER.toLowerCase(), officeAddress: OFFICE, isForwardedUnitReport: forwardedUnit,
  });
  if (noise) return [{ unit: null, kind: null, period: null, status: "ignored", missing: [], reason: noise.reason, attachments: [], fullReason: noise.reason }];
  const documents: DocumentFacts[] = [];
  for (const [i, a] of facts.attachments.entries()) {
    const read = await reader.read({ filename: a.filename, contentType: a.contentType, content: a.content });
    documents.push({ source: i, filename: a.filename, read: read.ok ? { ...read, outline: liftLayoutTables(read.outline) } : read });
  }
  const bodyText = (facts.forwarded?.text ? `${facts.text}\n${facts.forwarded.text}` : facts.text).trim();
  if (bodyText) documents.push({ source: "body", filename: null, read: { ok: true, outline: bodyOutline(bodyText), text: bodyText, format: "body" } });
  return classifyMessage({ facts, documents }, [regime], { zone: ZONE }).map((candidate, index) => {
    const { record: r } = judgeReport({ index, candidate, documents, regimes: [regime], receivedAt, zone: ZONE });
    return {
      unit: r.unit, kind: r.kind, period: r.period, status: r.status, missing: r.missingSections,
      reason: r.reason === null ? null : r.reason.split(":")[0]!, attachments: r.attachments, fullReason: r.reason,
    };
  });
}

// ---- documents ------------------------------------------------------------------------------------------------

const UNIT_LINE: Record<string, string> = { nvdp: "PHÒNG NGHIỆP VỤ - ĐIỀU PHỐI", ttdn: "PHÒNG TRUYỀN THÔNG ĐỐI NGOẠI", ttbc: "TRUNG TÂM BÁO CHÍ VÀ HỢP TÁC TRUYỀN THÔNG QUỐC TẾ", vp: "VĂN PHÒNG" };

/** "# " Heading 1; "* " bold; "~ " Word "I." numbering, bold; "> " Word "1."; "- " Word bullet; else plain. */
function wline(line: string): WPara {
  const t = line.slice(2);
  if (line.startsWith("# ")) return { style: "Heading1", runs: [{ t }] };
  if (line.startsWith("* ")) return { runs: [{ t, b: true }] };
  if (line.startsWith("~ ")) return { num: { id: WORD_NUM.roman, ilvl: 0 }, runs: [{ t, b: true }] };
  if (line.startsWith("> ")) return { num: { id: WORD_NUM.decimal, ilvl: 0 }, runs: [{ t }] };
  if (line.startsWith("- ")) return { num: { id: WORD_NUM.bullet, ilvl: 0 }, runs: [{ t }] };
  return { runs: [{ t: line }] };
}

function report(unit: string, title: string[], body: string[], date = "Hà Nội, ngày 18 tháng 11 năm 2026"): Promise<Buffer> {
  const head: WBlock = {
    table: [[
      [{ center: true, runs: [{ t: "CỤC THÔNG TIN ĐỐI NGOẠI" }] }, { center: true, runs: [{ t: UNIT_LINE[unit]!, b: true }] }],
      [{ center: true, runs: [{ t: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b: true }] }, { center: true, runs: [{ t: "Độc lập - Tự do - Hạnh phúc", b: true }] }],
    ]],
  };
  return wordLikeDocx([
    head,
    { runs: [{ t: date, i: true }] },
    { center: true, runs: [{ t: "BÁO CÁO", b: true }] },
    ...title.map((t): WPara => ({ center: true, runs: [{ t, b: true }] })),
    ...body.map(wline),
    { table: [[[{ runs: [{ t: "Nơi nhận:", b: true }] }, { runs: [{ t: "- Văn phòng Cục;" }] }], [{ center: true, runs: [{ t: "TRƯỞNG PHÒNG", b: true }] }]]] },
  ]);
}

/** A weekly report whose body names other periods (issue 12 class 1): "tháng 11", "báo cáo sơ kết", "quý IV". */
const WEEK47_BODY = [
  "~ KẾT QUẢ CÔNG TÁC TUẦN 47",
  "Trong tuần, Phòng tiếp tục triển khai chương trình công tác tháng 11 và chuẩn bị nội dung báo cáo sơ kết công tác quý IV.",
  "- Tham mưu Lãnh đạo Cục chỉ đạo thông tin đối ngoại về các sự kiện trong tháng 11.",
  "- Tổng hợp 45 tin, bài; chuẩn bị số liệu cho báo cáo tổng kết năm 2026.",
  "~ KẾ HOẠCH TUẦN 48",
  "- Hoàn thiện dự thảo báo cáo tháng 11.",
];

const AN = { name: "Nguyễn Văn An", address: ADDRESSES.nvdp! };
const BINH = { name: "Trần Thị Bình", address: ADDRESSES.ttdn! };
const CUONG = { name: "Lê Mạnh Cường", address: ADDRESSES.ttbc! };
const DUNG = { name: "Phạm Thu Dung", address: ADDRESSES.vp! };
const COVER = "Kính gửi: Văn phòng Cục\n\nĐơn vị xin gửi báo cáo theo file đính kèm.\n\nTrân trọng./.";

interface Row {
  name: string;
  mail: () => Promise<{ spec: Omit<MailSpec, "client">; client?: (s: Omit<MailSpec, "client">) => Buffer }>;
  at: string;
  expect: Omit<Got, "attachments"> & { attachments?: string[] };
  /** Words the full reason must contain (the places named, the unplaced headings). */
  reasonHas?: string[];
}

const file = async (filename: string, content: Promise<Buffer> | Buffer): Promise<AttachmentSpec> => ({ filename, content: await content });
const ok = (unit: string, kind: string, period: string, attachments?: string[]) => ({ unit, kind, period, status: "accepted", missing: [], reason: null, ...(attachments ? { attachments } : {}) });

const ROWS: Row[] = [
  // ---- class 1: the period from where people write it ----
  {
    name: "1a. weekly report: subject and title say tuần 47, the body tháng 11, sơ kết, quý IV",
    at: "2026-11-18T10:00:00",
    mail: async () => ({ spec: { from: AN, to: [OFFICE], subject: "Báo cáo tuần 47 - Phòng NVĐP", text: COVER, attachments: [await file("BC tuan 47 - NVDP.docx", report("nvdp", ["Kết quả công tác tuần 47 và kế hoạch công tác tuần 48"], WEEK47_BODY))] } }),
    expect: ok("nvdp", "week", "2026-W47"),
  },
  {
    name: "1b. six-month report whose text mentions tổng kết năm",
    at: "2026-06-24T09:00:00",
    mail: async () => ({
      spec: {
        from: BINH, to: [OFFICE], subject: "Báo cáo sơ kết 6 tháng đầu năm 2026 - Phòng TTĐN", text: COVER,
        attachments: [await file("So ket 6 thang 2026 - TTDN.docx", report("ttdn", ["Sơ kết công tác 6 tháng đầu năm 2026,", "phương hướng nhiệm vụ 6 tháng cuối năm 2026"], [
          "~ KẾT QUẢ THỰC HIỆN NHIỆM VỤ 6 THÁNG ĐẦU NĂM",
          "Phòng bám sát kế hoạch công tác năm 2026, chuẩn bị từ sớm cho tổng kết năm và hội nghị tổng kết năm 2026 của Cục.",
          "- Vận hành Cổng thông tin điện tử; đăng tải 412 tin, bài.",
          "~ TỒN TẠI, HẠN CHẾ",
          "- Nhân lực còn mỏng.",
          "~ PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM",
          "- Chuẩn bị báo cáo tổng kết năm 2026.",
        ], "Hà Nội, ngày 24 tháng 6 năm 2026"))],
      },
    }),
    expect: ok("ttdn", "half", "2026-H1"),
  },
  {
    name: "1c. quý III report whose plan says chuẩn bị tổng kết năm",
    at: "2026-09-25T09:00:00",
    mail: async () => ({
      spec: {
        from: CUONG, to: [OFFICE], subject: "TTBC gửi báo cáo quý III/2026", text: COVER,
        attachments: [await file("BC quy III - TTBC.docx", report("ttbc", ["Kết quả hoạt động quý III,", "Phương hướng hoạt động quý IV năm 2026"], [
          "~ Kết quả hoạt động quý III",
          "- Hỗ trợ 36 lượt phóng viên nước ngoài tác nghiệp.",
          "~ Phương hướng hoạt động quý IV/2026",
          "- Chuẩn bị tổng kết năm; tổng hợp số liệu 9 tháng và cả năm 2026.",
        ], "Hà Nội, ngày 25 tháng 9 năm 2026"))],
      },
    }),
    expect: ok("ttbc", "quarter", "2026-Q3"),
  },
  {
    name: "1d. monthly report forwarded by the officer, the original's body naming tuần 47 and quý IV",
    at: "2026-11-26T09:00:00",
    mail: async () => ({
      client: outlookMail,
      spec: {
        from: { name: "Tổng hợp", address: OFFICE }, to: [OFFICE], subject: "FW: Báo cáo tháng 11/2026 - Văn phòng", text: "Chuyển tiếp báo cáo đơn vị gửi nhầm địa chỉ.",
        forward: {
          as: "inline",
          original: {
            from: DUNG, to: ["chanhvp@cuc.example.vn"], subject: "Báo cáo tháng 11/2026 - Văn phòng",
            text: "Kính gửi Văn phòng Cục,\nVăn phòng gửi báo cáo tháng 11; số liệu tuần 47 và dự kiến công việc quý IV đã cập nhật trong file.\nTrân trọng.",
          },
        },
        attachments: [await file("BC thang 11 - VP.docx", report("vp", ["Công tác tháng 11 và nhiệm vụ trọng tâm tháng 12"], [
          "~ KẾT QUẢ CÔNG TÁC THÁNG 11",
          "- Tổ chức giao ban tuần 47; chuẩn bị hội nghị tổng kết năm.",
          "~ NHIỆM VỤ TRỌNG TÂM THÁNG 12",
          "- Tổng kết công tác năm 2026.",
        ], "Hà Nội, ngày 25 tháng 11 năm 2026"))],
      },
    }),
    expect: ok("vp", "month", "2026-11"),
  },
  {
    name: "1e. a one-line title 'BÁO CÁO CÔNG TÁC TUẦN 47' and an introduction naming tháng 11",
    at: "2026-11-18T10:00:00",
    mail: async () => ({
      spec: {
        from: BINH, to: [OFFICE], subject: "Gửi báo cáo", text: COVER,
        attachments: [await file("Bao cao.docx", wordLikeDocx([
          { center: true, runs: [{ t: "PHÒNG TRUYỀN THÔNG ĐỐI NGOẠI", b: true }] },
          { center: true, runs: [{ t: "BÁO CÁO CÔNG TÁC TUẦN 47", b: true }] },
          { runs: [{ t: "Thực hiện chương trình công tác tháng 11 của Cục, Phòng báo cáo như sau:" }] },
          ...WEEK47_BODY.map(wline),
        ]))],
      },
    }),
    expect: ok("ttdn", "week", "2026-W47"),
  },
  {
    name: "1f. strong places disagree (subject tuần 47, file name tuần 46): a person decides, the places named",
    at: "2026-11-18T10:00:00",
    mail: async () => ({ spec: { from: AN, to: [OFFICE], subject: "Báo cáo tuần 47 - NVĐP", text: COVER, attachments: [await file("BC tuan 46 - NVDP.docx", report("nvdp", ["Kết quả công tác và kế hoạch công tác"], WEEK47_BODY.slice(1)))] } }),
    expect: { unit: "nvdp", kind: "week", period: null, status: "unclassified", missing: [], reason: "ambiguous_period" },
    reasonHas: ["tiêu đề thư", "tên tệp", "tuần 47", "tuan 46"],
  },
  // ---- class 2: plan headings that name the next period ----
  ...(
    [
      ["2a. II. KẾ HOẠCH TUẦN 48 typed in the mail body", "body", "II. KẾ HOẠCH TUẦN 48", "week"],
      ["2b. KẾ HOẠCH THÁNG 12/2026 in capitals", "docx", "* KẾ HOẠCH THÁNG 12/2026", "month"],
      ["2c. Kế hoạch tháng 12 in bold", "docx", "* Kế hoạch tháng 12", "month"],
      ["2d. 2. Nhiệm vụ trọng tâm tháng 12 typed", "docx", "2. Nhiệm vụ trọng tâm tháng 12", "month"],
      ["2e. II. Nhiệm vụ tháng 12 in Word's numbering", "docx", "~ Nhiệm vụ tháng 12", "month"],
    ] as const
  ).map(([name, where, heading, kind]): Row => {
    const results = kind === "week" ? "I. KẾT QUẢ CÔNG TÁC TUẦN 47" : "~ KẾT QUẢ CÔNG TÁC THÁNG 11";
    const subject = kind === "week" ? "Báo cáo tuần 47 - Phòng TTĐN" : "Báo cáo tháng 11 - Phòng TTĐN";
    const lines = [results, "- Đăng tải 45 tin, bài.", heading, "- Tổng kết công tác năm 2026."];
    return {
      name, at: kind === "week" ? "2026-11-18T10:00:00" : "2026-11-25T10:00:00",
      mail: async () =>
        where === "body"
          ? { client: gmailMail, spec: { from: BINH, to: [OFFICE], subject, text: ["Kính gửi Văn phòng Cục,", ...lines.map((l) => l.replace(/^[~*] /, "")), "Trân trọng."].join("\n") } }
          : { spec: { from: BINH, to: [OFFICE], subject, text: COVER, attachments: [await file("BC.docx", report("ttdn", ["Công tác tháng 11 và nhiệm vụ tháng 12"], lines))] } },
      expect: ok("ttdn", kind, kind === "week" ? "2026-W47" : "2026-11"),
    };
  }),
  {
    name: "2f. III. KẾ HOẠCH CÔNG TÁC QUÝ IV in an Outlook HTML body",
    at: "2026-09-24T10:00:00",
    mail: async () => ({
      client: outlookMail,
      spec: {
        from: CUONG, to: [OFFICE], subject: "Báo cáo quý III/2026 - TTBC",
        text: "Kính gửi Văn phòng Cục,\nI. KẾT QUẢ CÔNG TÁC QUÝ III\n- Hỗ trợ 36 lượt phóng viên.\nII. KHÓ KHĂN, VƯỚNG MẮC\n- Không.\nIII. KẾ HOẠCH CÔNG TÁC QUÝ IV\n- Tổ chức họp báo quốc tế.\nTrân trọng.",
        html:
          '<html><body><div class=WordSection1><p class=MsoNormal>Kính gửi Văn phòng Cục,<o:p></o:p></p>' +
          '<p class=MsoNormal><b>I. KẾT QUẢ CÔNG TÁC QUÝ III<o:p></o:p></b></p><p class=MsoNormal>- Hỗ trợ 36 lượt phóng viên.<o:p></o:p></p>' +
          '<p class=MsoNormal><b>II. KHÓ KHĂN, VƯỚNG MẮC<o:p></o:p></b></p><p class=MsoNormal>- Không.<o:p></o:p></p>' +
          '<p class=MsoNormal><b><span style="font-size:13.0pt">III. KẾ HOẠCH CÔNG TÁC QUÝ IV</span><o:p></o:p></b></p>' +
          "<p class=MsoNormal>- Tổ chức họp báo quốc tế.<o:p></o:p></p><p class=MsoNormal>Trân trọng.<o:p></o:p></p></div></body></html>",
      },
    }),
    expect: ok("ttbc", "quarter", "2026-Q3"),
  },
  {
    name: "2g. a plan word in a sentence opens nothing: Không đạt, every heading placed",
    at: "2026-11-16T09:00:00",
    mail: async () => ({
      spec: {
        from: DUNG, to: [OFFICE], subject: "Báo cáo tổng kết năm 2026 - Văn phòng", text: COVER,
        attachments: [await file("BC nam 2026 - VP.docx", report("vp", ["Tổng kết công tác năm 2026"], [
          "~ KẾT QUẢ CÔNG TÁC NĂM 2026",
          "- Tổ chức 12 hội nghị.",
          "~ KIẾN NGHỊ, ĐỀ XUẤT",
          "Đề nghị phê duyệt Kế hoạch công tác năm 2027.",
        ], "Hà Nội, ngày 16 tháng 11 năm 2026"))],
      },
    }),
    expect: { unit: "vp", kind: "year", period: "2026", status: "rejected", missing: ["ke_hoach"], reason: "missing_sections" },
  },
  // ---- class 3: annexes never sink a report ----
  {
    name: "3a. report in the mail body with a spreadsheet of figures attached",
    at: "2026-11-18T10:00:00",
    mail: async () => ({
      client: gmailMail,
      spec: {
        from: AN, to: [OFFICE], subject: "Báo cáo tuần 47 - NVĐP",
        text: "Kính gửi Văn phòng Cục,\n1. Kết quả công tác tuần 47\n- Tham mưu 03 văn bản.\n- Số liệu chi tiết tại bảng đính kèm.\n2. Kế hoạch tuần 48\n- Tổ chức giao ban.\nTrân trọng.",
        attachments: [{ filename: "So lieu tuan 47.xlsx", content: Buffer.from("PK\u0003\u0004 not really a spreadsheet") }],
      },
    }),
    expect: ok("nvdp", "week", "2026-W47", ["So lieu tuan 47.xlsx"]),
  },
  {
    name: "3b. a .docx report with photos, an archive and slides beside it",
    at: "2026-11-18T10:00:00",
    mail: async () => ({
      spec: {
        from: CUONG, to: [OFFICE], subject: "Báo cáo tuần 47 - TTBC", text: COVER,
        attachments: [
          await file("BC tuan 47 - TTBC.docx", report("ttbc", ["Kết quả công tác tuần 47 và kế hoạch công tác tuần 48"], WEEK47_BODY)),
          { filename: "Anh hop bao.png", content: TINY_PNG },
          { filename: "Tu lieu.zip", content: Buffer.from("PK\u0005\u0006" + "\u0000".repeat(18)) },
          { filename: "Slide giao ban.pptx", content: Buffer.from("not a deck") },
        ],
      },
    }),
    expect: ok("ttbc", "week", "2026-W47", ["BC tuan 47 - TTBC.docx", "Anh hop bao.png", "Tu lieu.zip", "Slide giao ban.pptx"]),
  },
  {
    name: "3c. only a spreadsheet and a cover note: the format matters, the reply asks for a document",
    at: "2026-11-18T10:00:00",
    mail: async () => ({ spec: { from: BINH, to: [OFFICE], subject: "Báo cáo tuần 47 - TTĐN", text: COVER, attachments: [{ filename: "BC tuan 47.xlsx", content: Buffer.from("not a workbook") }] } }),
    expect: { unit: "ttdn", kind: "week", period: "2026-W47", status: "rejected", missing: [], reason: "unsupported_format", attachments: ["BC tuan 47.xlsx"] },
  },
  // ---- item 6: doubt goes to a person ----
  {
    name: "6a. plan missing and a same-rank heading nobody claims: unclassified, the heading named",
    at: "2026-11-18T10:00:00",
    mail: async () => ({
      spec: {
        from: AN, to: [OFFICE], subject: "Báo cáo tuần 47 - NVĐP", text: COVER,
        attachments: [await file("BC tuan 47.docx", report("nvdp", ["Kết quả công tác tuần 47"], [
          "~ KẾT QUẢ CÔNG TÁC TUẦN 47",
          "- Tham mưu 03 văn bản.",
          "~ CÔNG VIỆC TRỌNG YẾU TUẦN SAU",
          "- Tổ chức giao ban.",
        ]))],
      },
    }),
    expect: { unit: "nvdp", kind: "week", period: "2026-W47", status: "unclassified", missing: [], reason: "uncertain_sections" },
    reasonHas: ["CÔNG VIỆC TRỌNG YẾU TUẦN SAU", "Kế hoạch công tác thời gian tiếp theo"],
  },
  {
    name: "6b. plan missing, every heading placed: Không đạt",
    at: "2026-11-18T10:00:00",
    mail: async () => ({
      spec: {
        from: AN, to: [OFFICE], subject: "Báo cáo tuần 47 - NVĐP", text: COVER,
        attachments: [await file("BC tuan 47.docx", report("nvdp", ["Kết quả công tác tuần 47"], ["~ KẾT QUẢ CÔNG TÁC TUẦN 47", "- Tham mưu 03 văn bản.", "~ KHÓ KHĂN, VƯỚNG MẮC", "- Không."]))],
      },
    }),
    expect: { unit: "nvdp", kind: "week", period: "2026-W47", status: "rejected", missing: ["ke_hoach"], reason: "missing_sections" },
  },
  {
    name: "6c. a resent report still without its plan, quoting the bot's list of sections: still Không đạt",
    at: "2026-11-18T15:00:00",
    mail: async () => ({
      client: gmailMail,
      spec: {
        from: AN, to: [OFFICE], subject: "Re: Báo cáo tuần 47 - NVĐP",
        text: [
          "Phòng gửi lại báo cáo ạ.",
          "",
          "> Kết quả kiểm tra: Không đạt",
          "> Báo cáo còn thiếu nội dung bắt buộc:",
          "> - Kết quả thực hiện nhiệm vụ: các nhiệm vụ, công việc đơn vị đã triển khai",
          "> - Kế hoạch công tác thời gian tiếp theo: kế hoạch, nhiệm vụ trọng tâm đơn vị sẽ triển khai trong kỳ tiếp theo",
        ].join("\n"),
        attachments: [await file("BC tuan 47 (lan 2).docx", report("nvdp", ["Kết quả công tác tuần 47"], ["~ KẾT QUẢ CÔNG TÁC TUẦN 47", "- Tham mưu 03 văn bản.", "~ KHÓ KHĂN, VƯỚNG MẮC", "- Không."]))],
      },
    }),
    expect: { unit: "nvdp", kind: "week", period: "2026-W47", status: "rejected", missing: ["ke_hoach"], reason: "missing_sections" },
  },
  {
    name: "6d. a report typed in the body, resent without its plan over an Outlook quote of the bot's list: still Không đạt",
    at: "2026-11-18T15:00:00",
    mail: async () => ({
      client: outlookMail,
      spec: {
        from: DUNG, to: [OFFICE], subject: "RE: Báo cáo tuần 47 - Văn phòng",
        text: [
          "Kính gửi Văn phòng Cục,",
          "1. Kết quả công tác tuần 47",
          "- Tổ chức hội nghị cán bộ.",
          "2. Khó khăn: không.",
          "Trân trọng.",
          "",
          "From: Văn phòng Cục <tonghop@cuc.example.vn>",
          "Sent: Wednesday, November 18, 2026 10:13 AM",
          "Subject: Re: Báo cáo tuần 47 - Văn phòng",
          "Kính gửi: Lãnh đạo Văn phòng",
          "Kết quả kiểm tra: Không đạt",
          "Báo cáo còn thiếu nội dung bắt buộc:",
          "- Kế hoạch công tác thời gian tiếp theo: kế hoạch, nhiệm vụ trọng tâm đơn vị sẽ triển khai trong kỳ tiếp theo",
        ].join("\n"),
      },
    }),
    expect: { unit: "vp", kind: "week", period: "2026-W47", status: "rejected", missing: ["ke_hoach"], reason: "missing_sections" },
  },
];

describe("issue 12 failure classes through parse → read → classify → judge", () => {
  it.each(ROWS.map((r) => [r.name, r] as const))("%s", async (_name, row) => {
    const { spec, client } = await row.mail();
    const at = local(row.at);
    const raw = (client ?? outlookMail)({ ...spec, date: at });
    const got = await pipeline(raw, at);
    expect(got).toHaveLength(1);
    const { fullReason, attachments, ...view } = got[0]!;
    const { attachments: wantAttachments, ...want } = row.expect;
    expect(view).toEqual(want);
    if (wantAttachments) expect(attachments).toEqual(wantAttachments);
    for (const words of row.reasonHas ?? []) expect(fullReason ?? "").toContain(words);
  });
});

describe("a text PDF is read with its layout (issue 12 item 3)", () => {
  it("a report exported to PDF by LibreOffice: headings found as in its .docx", async () => {
    const docx = await report("ttdn", ["Kết quả công tác tuần 47 và kế hoạch công tác tuần 48"], WEEK47_BODY);
    const pdf = await sofficeConvert(docx, "docx", "pdf");
    const at = local("2026-11-18T10:00:00");
    const raw = outlookMail({ from: BINH, to: [OFFICE], subject: "Báo cáo tuần 47 - TTĐN", text: COVER, attachments: [{ filename: "BC tuan 47 - TTDN.pdf", content: pdf }], date: at });
    const got = await pipeline(raw, at);
    expect(got.map(({ fullReason: _r, ...g }) => g)).toEqual([{ ...ok("ttdn", "week", "2026-W47"), attachments: ["BC tuan 47 - TTDN.pdf"] }]);
  }, 60_000);
});

describe("the verdict in the procedure's words (issue 12 class 4)", () => {
  it.each([
    ["receipt.txt", "Kết quả kiểm tra: Đạt"],
    ["khong_dat.txt", "Kết quả kiểm tra: Không đạt"],
    ["khong_dat_kept.txt", "Kết quả kiểm tra: Không đạt"],
  ])("%s: the first line after the salutation is %j", (name, line) => {
    const text = readFileSync(new URL(`../../templates/mail/${name}`, import.meta.url), "utf8");
    const body = text.slice(text.indexOf("\n---\n") + 5).split("\n").filter((l) => l.trim() !== "");
    expect(body[0]).toMatch(/^Kính gửi: /);
    expect(body[1]).toBe(line);
  });
});
