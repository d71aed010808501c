/**
 * Generator of the independent intake corpus (issue 12, item 7).
 *
 *   npx tsx test/corpus/build.ts          # writes test/corpus/mail/*.eml and test/corpus/manifest.json
 *   FRESH=1 npx tsx test/corpus/build.ts  # also re-renders every document (LibreOffice/pandoc/docx output changes bytes)
 *
 * Every report document is rendered once and kept in test/corpus/files/ (keyed by a hash of what it says and of
 * its producer), so a re-run gives the same .eml bytes. Headings, titles and period phrasing are written here by
 * hand from ../../../shared/research/report-headings.md (tables 1a–1e, §2 titles, §3 other-period mentions) and
 * from QT.VP.03 §10 "Mẫu báo cáo" (seed 001) — never from the code's section or period lists.
 *
 * Expected outcomes are what the compiling officer decides under QT.VP.03 §6.2.1: results (`ket_qua`) and the
 * plan for the next period (`ke_hoach`) are required; difficulties and proposals are "nếu có".
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DateTime } from "luxon";
import { sofficeConvert, viaPandoc } from "../support/docx-fixtures.ts";
import { buildMail, type AttachmentSpec, type Client, type MailSpec, type NameStyle } from "../support/eml.ts";
import {
  DIFFICULTIES, PLANS, PROPOSALS, RESULTS, UNIT,
  image, pptx, toDocxLib, toGmailHtml, toHtml, toMarkdown, toOutlookHtml, toText, toWordLike, xlsx, zipArchive,
  type Doc, type Section, type UnitId,
} from "./docs.ts";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const MAIL_DIR = path.join(HERE, "mail");
const FILES_DIR = path.join(HERE, "files");
const ZONE = "Asia/Ho_Chi_Minh";
const OFFICE = "tonghop@cuc.example.vn";
const FRESH = process.env.FRESH === "1";

type Kind = "week" | "month" | "quarter" | "half" | "year";
type Req = "ket_qua" | "ke_hoach";

export interface Expected {
  unit: UnitId | null;
  kind: Kind | null;
  period: string | null;
  onTime: boolean | null;
  status: "accepted" | "rejected" | "unclassified" | "ignored";
  verdict: "dat" | "khong_dat" | null;
  missingSections: Req[];
  attachments: string[];
  originalFrom: string | null;
  /** The reason's English code (before any ":"), or null. */
  reason: string | null;
}
export interface Entry {
  file: string;
  receivedAt: string;
  producer: string;
  client: Client;
  traps: string[];
  expected: Expected[];
  why: string;
}

// ---- deadlines (domain.md; Asia/Ho_Chi_Minh; on time = strictly before) -----------------------------------

export function dueOf(kind: Kind, period: string): DateTime {
  switch (kind) {
    case "week":
      return DateTime.fromISO(`${period}-4T15:00:00`, { zone: ZONE });
    case "month":
      return DateTime.fromISO(`${period}-28T00:00:00`, { zone: ZONE });
    case "quarter": {
      const [y, q] = period.split("-Q");
      return DateTime.fromObject({ year: Number(y), month: Number(q) * 3, day: 28 }, { zone: ZONE });
    }
    case "half":
      return period.endsWith("H1") ? DateTime.fromObject({ year: Number(period.slice(0, 4)), month: 6, day: 30 }, { zone: ZONE }) : DateTime.fromObject({ year: Number(period.slice(0, 4)), month: 12, day: 30 }, { zone: ZONE });
    case "year":
      return DateTime.fromObject({ year: Number(period), month: 11, day: 20 }, { zone: ZONE });
  }
}

/** The office's compile deadline: week → end of the Monday after the week; month → 00:00 on the 5th of the next month. */
function compileDeadline(kind: "week" | "month", period: string): DateTime {
  if (kind === "week") return DateTime.fromISO(`${period}-1T00:00:00`, { zone: ZONE }).plus({ days: 8 });
  return DateTime.fromISO(`${period}-01T00:00:00`, { zone: ZONE }).plus({ months: 1, days: 4 });
}

/** No period stated: the earliest period of the kind whose compile deadline had not passed at receipt. */
function periodByCompileDeadline(kind: "week" | "month", at: string): string {
  let t = DateTime.fromISO(at, { zone: ZONE }).minus({ days: kind === "week" ? 14 : 62 });
  for (;;) {
    const p = kind === "week" ? `${t.weekYear}-W${String(t.weekNumber).padStart(2, "0")}` : t.toFormat("yyyy-MM");
    if (compileDeadline(kind, p) > DateTime.fromISO(at, { zone: ZONE })) return p;
    t = t.plus(kind === "week" ? { weeks: 1 } : { months: 1 });
  }
}

/** Monday–Friday "dd/mm" of an ISO week. */
function weekRange(n: number): [string, string] {
  const mon = DateTime.fromISO(`2026-W${String(n).padStart(2, "0")}-1`, { zone: ZONE });
  return [mon.toFormat("dd/MM"), mon.plus({ days: 4 }).toFormat("dd/MM")];
}

function report(unit: UnitId, kind: Kind, period: string, at: string, o: { missing?: Req[]; attachments: string[]; originalFrom?: string }): Expected {
  const missing = o.missing ?? [];
  return {
    unit, kind, period,
    onTime: DateTime.fromISO(at) < dueOf(kind, period),
    status: missing.length ? "rejected" : "accepted",
    verdict: missing.length ? "khong_dat" : "dat",
    missingSections: missing,
    attachments: o.attachments.map((a) => a.normalize("NFC")),
    originalFrom: o.originalFrom ?? null,
    reason: missing.length ? "missing_sections" : null,
  };
}

function nonReport(unit: UnitId | null, status: "unclassified" | "ignored", reason: string, attachments: string[] = []): Expected {
  return { unit, kind: null, period: null, onTime: null, status, verdict: null, missingSections: [], attachments, originalFrom: null, reason };
}

// ---- documents, rendered once and kept ---------------------------------------------------------------------

type Producer = "word-like-docx" | "docx-lib" | "libreoffice-doc" | "libreoffice-odt" | "libreoffice-pdf" | "libreoffice-docx" | "pandoc";
const used = new Set<string>();

async function cached(key: unknown, ext: string, make: () => Promise<Buffer> | Buffer): Promise<Buffer> {
  const h = createHash("sha256").update(JSON.stringify(key)).digest("hex").slice(0, 16);
  const file = path.join(FILES_DIR, `${h}.${ext}`);
  used.add(path.basename(file));
  if (!FRESH && existsSync(file)) return readFileSync(file);
  const bytes = await make();
  writeFileSync(file, bytes);
  return bytes;
}

async function render(producer: Producer, doc: Doc, opts: Record<string, unknown> = {}): Promise<Buffer> {
  const ext = { "word-like-docx": "docx", "docx-lib": "docx", "libreoffice-doc": "doc", "libreoffice-odt": "odt", "libreoffice-pdf": "pdf", "libreoffice-docx": "docx", pandoc: "docx" }[producer];
  return cached({ producer, doc, opts }, ext, () => {
    switch (producer) {
      case "word-like-docx":
        return toWordLike(doc, opts);
      case "docx-lib":
        return toDocxLib(doc, opts);
      case "pandoc":
        return viaPandoc(toMarkdown(doc, opts));
      default:
        return sofficeConvert(Buffer.from(toHtml(doc, opts), "utf8"), "html", ext);
    }
  });
}

const annex = {
  xlsx: (rows: (string | number)[][]) => cached({ xlsx: rows }, "xlsx", () => xlsx(rows)),
  pptx: (title: string, text: string) => cached({ pptx: [title, text] }, "pptx", () => pptx(title, text)),
  jpg: (caption: string, seed: number) => cached({ jpg: caption, seed }, "jpg", () => image("jpg", caption, seed)),
  png: (caption: string, seed: number) => cached({ png: caption, seed }, "png", () => image("png", caption, seed)),
  zip: async (names: [string, string, number][]) =>
    cached({ zip: names }, "zip", async () => zipArchive(await Promise.all(names.map(async ([n, c, s]): Promise<[string, Buffer]> => [n, await image("jpg", c, s)])))),
};

const FIGURES: (string | number)[][] = [
  ["STT", "Nội dung", "Số lượng", "Ghi chú"],
  [1, "Tin, bài đăng tải", 86, ""],
  [2, "Bản tin định hướng", 12, ""],
  [3, "Phóng viên nước ngoài được hỗ trợ", 18, ""],
  [4, "Văn bản tham mưu", 7, ""],
];

// ---- sections ------------------------------------------------------------------------------------------------

const pick = <T>(xs: T[], from: number, n: number): T[] => Array.from({ length: n }, (_, i) => xs[(from + i) % xs.length]!);
const kq = (h: string, unit: UnitId, extra: string[] = [], from = 0, n = 3): Section => ({ h, id: "ket_qua", items: [...pick(RESULTS[unit], from, n), ...extra] });
const kk = (h: string, from = 0, extra: string[] = []): Section => ({ h, id: "kho_khan", items: [DIFFICULTIES[from % 3]!, ...extra] });
const kn = (h: string, from = 0, extra: string[] = []): Section => ({ h, id: "kien_nghi", items: [PROPOSALS[from % 2]!, ...extra] });
const kh = (h: string, unit: UnitId, extra: string[] = [], n = 3): Section => ({ h, id: "ke_hoach", items: [...PLANS[unit].slice(0, n), ...extra] });

const dateLine = (iso: string): string => {
  const d = DateTime.fromISO(iso, { zone: ZONE });
  return `Hà Nội, ngày ${d.day} tháng ${d.month} năm ${d.year}`;
};
const num = (n: number, unit: UnitId): string => `Số: ${n}/BC-${UNIT[unit].abbr}`;

// ---- mails ---------------------------------------------------------------------------------------------------

interface Built {
  slug: string;
  at: string;
  producer: string;
  client: Client;
  traps: string[];
  expected: Expected[];
  why: string;
  spec: MailSpec;
}

const person = (u: UnitId, i = 0) => ({ name: UNIT[u].people[i]!, address: UNIT[u].address });
const unitSender = (u: UnitId) => ({ name: UNIT[u].name, address: UNIT[u].address });
const officer = { name: "Chuyên viên tổng hợp - Văn phòng Cục", address: OFFICE };
const cover = (u: UnitId, what: string, style = 0): string =>
  [
    `Kính gửi Văn phòng Cục,\n${UNIT[u].name} gửi ${what} (file đính kèm).\nTrân trọng./.`,
    `Kính gửi: Chuyên viên tổng hợp - Văn phòng\n\n${UNIT[u].abbr} xin gửi ${what}.\nĐề nghị Văn phòng tổng hợp.\n\nTrân trọng cảm ơn!`,
    `Dear Văn phòng,\nEm gửi ${what} của ${UNIT[u].abbr} ạ.\nEm cảm ơn.`,
    `Kính gửi anh/chị,\nĐơn vị gửi kèm ${what}.\n--\n${UNIT[u].people[1]}\n${UNIT[u].name}\nĐT: 024.3xxx.xxxx`,
  ][style % 4]!;

type MailOpts = {
  client: Client;
  from?: MailSpec["from"];
  subject: string;
  text?: string;
  html?: string | false;
  attachments?: AttachmentSpec[];
  subjectEncoding?: MailSpec["subjectEncoding"];
  charset?: MailSpec["charset"];
  transferEncoding?: MailSpec["transferEncoding"];
  forward?: MailSpec["forward"];
  locale?: MailSpec["locale"];
  headers?: MailSpec["headers"];
};

function mail(u: UnitId | null, at: string, o: MailOpts): MailSpec {
  return {
    client: o.client,
    from: o.from ?? (u ? person(u) : officer),
    to: [OFFICE],
    subject: o.subject,
    date: new Date(at),
    ...(o.text !== undefined ? { text: o.text } : {}),
    ...(o.html !== undefined ? { html: o.html } : {}),
    ...(o.attachments ? { attachments: o.attachments } : {}),
    ...(o.subjectEncoding ? { subjectEncoding: o.subjectEncoding } : {}),
    ...(o.charset ? { charset: o.charset } : {}),
    ...(o.transferEncoding ? { transferEncoding: o.transferEncoding } : {}),
    ...(o.forward ? { forward: o.forward } : {}),
    ...(o.locale ? { locale: o.locale } : {}),
    ...(o.headers ? { headers: o.headers } : {}),
  };
}

const att = (filename: string, content: Buffer, nameStyle?: NameStyle): AttachmentSpec => ({ filename, content, ...(nameStyle ? { nameStyle } : {}) });

async function buildAll(): Promise<Built[]> {
  const out: Built[] = [];
  const add = (b: Built) => out.push(b);

  // =========================================================================================================
  // WEEKLY REPORTS (due 15:00 Thursday of the ISO week)
  // =========================================================================================================

  // W41–W44: the units' routine weekly reports in the many numbering styles of the research file.
  {
    const at = "2026-10-07T16:20:00+07:00";
    const doc: Doc = { unit: "nvdp", header: true, number: num(41, "nvdp"), dateLine: dateLine(at), title: ["BÁO CÁO", "Kết quả công tác tuần 41 và kế hoạch công tác tuần 42"], sections: [
      kq("I. Kết quả thực hiện nhiệm vụ", "nvdp", [], 0),
      kk("II. Nhiệm vụ chậm tiến độ, khó khăn, vướng mắc", 0),
      kh("III. Kế hoạch công tác tuần 42", "nvdp"),
    ], closing: true };
    const f = "Báo cáo tuần 41 - NVĐP.docx";
    add({ slug: "nvdp-w41-wordlike", at, producer: "word-like-docx", client: "outlook", traps: ["plan-heading-next-period", "title-next-period"], expected: [report("nvdp", "week", "2026-W41", at, { attachments: [f] })],
      why: "Word-like .docx with Word's automatic I./II./III. numbering (Heading1); period in subject, file name and title 'tuần 41 … tuần 42'.",
      spec: mail("nvdp", at, { client: "outlook", subject: "Báo cáo tuần 41 - Phòng NVĐP", text: cover("nvdp", "báo cáo công tác tuần 41"), attachments: [att(f, await render("word-like-docx", doc, { auto: "roman" }))] }) });
  }
  {
    const at = "2026-10-08T10:05:00+07:00";
    const doc: Doc = { unit: "ttdn", header: true, number: num(112, "ttdn"), dateLine: dateLine(at), title: ["BÁO CÁO", "Công tác tuần 41 năm 2026"], sections: [
      kq("I - Kết quả công tác tuần", "ttdn", [], 1),
      kh("II - Kế hoạch công tác tuần tới", "ttdn"),
    ] };
    const f = "BC tuan 41 - TTDN.docx";
    add({ slug: "ttdn-w41-docxlib", at, producer: "docx-lib", client: "gmail", traps: [], expected: [report("ttdn", "week", "2026-W41", at, { attachments: [f] })],
      why: "docx library, 'I -' / 'II -' headings as HEADING_1; period 'tuần 41' in subject, file name (no diacritics) and title.",
      spec: mail("ttdn", at, { client: "gmail", subject: "BC tuần 41 - Phòng Truyền thông đối ngoại", text: cover("ttdn", "báo cáo tuần 41", 2), attachments: [att(f, await render("docx-lib", doc))] }) });
  }
  {
    const at = "2026-10-08T14:59:59+07:00";
    const [a, b] = weekRange(41);
    const doc: Doc = { unit: "ttbc", dateLine: dateLine(at), title: ["BÁO CÁO CÔNG TÁC TUẦN", `(Từ ngày ${a} đến ngày ${b}/2026)`], sections: [
      kq("1/ Đánh giá hoạt động tuần qua:", "ttbc", [], 0),
      kk("2/ Khó khăn:", 1),
      kh("3/ Dự kiến công tác tuần tới:", "ttbc"),
    ] };
    const f = "Bao cao tuan TTBC.docx";
    add({ slug: "ttbc-w41-pandoc", at, producer: "pandoc", client: "thunderbird", traps: ["deadline-boundary"], expected: [report("ttbc", "week", "2026-W41", at, { attachments: [f] })],
      why: "pandoc .docx, '1/' headings with trailing ':'; the week is stated only as a date range 'tuần từ 05/10 đến 09/10/2026' (subject, title); one second before 15:00 Thursday.",
      spec: mail("ttbc", at, { client: "thunderbird", subject: `Báo cáo tuần từ ${a} đến ${b}/2026 - TTBC`, text: cover("ttbc", "báo cáo công tác tuần", 1), attachments: [att(f, await render("pandoc", doc, { headings: "bold" }))] }) });
  }
  {
    const at = "2026-10-08T11:30:00+07:00";
    const doc: Doc = { unit: "vp", title: ["VĂN PHÒNG BÁO CÁO CÔNG TÁC TUẦN 41"], sections: [
      kq("1- Công việc đã triển khai", "vp", [], 0),
      kn("2- Kiến nghị", 0),
      kh("3- Phương hướng, nhiệm vụ tuần tới", "vp"),
    ] };
    add({ slug: "vp-w41-plain-body", at, producer: "plain", client: "plain", traps: ["body-report"], expected: [report("vp", "week", "2026-W41", at, { attachments: [] })],
      why: "Report typed in a plain-text body, '1-' headings; period 'tuần 41' in subject and first line.",
      spec: mail("vp", at, { client: "plain", subject: "Van phong bao cao tuan 41", text: `Kính gửi Văn phòng Cục,\n\n${toText(doc)}\n\nTrân trọng.\n${UNIT.vp.people[0]}`, transferEncoding: "8bit" }) });
  }
  {
    const at = "2026-10-15T09:40:00+07:00";
    const doc: Doc = { unit: "nvdp", header: true, number: num(43, "nvdp"), dateLine: dateLine(at), title: ["BÁO CÁO", "Kết quả công tác tuần 42, kế hoạch công tác tuần 43"], sections: [
      { h: "I. KẾT QUẢ ĐẠT ĐƯỢC", id: "ket_qua", items: [], subs: [
        { h: "1.1- Công tác tham mưu, chỉ đạo, điều hành về thông tin đối ngoại:", items: pick(RESULTS.nvdp, 0, 2) },
        { h: "1.2- Công tác nhân quyền; biển đảo; biên giới:", items: pick(RESULTS.nvdp, 2, 1) },
      ] },
      kk("II. TỒN TẠI, HẠN CHẾ", 2),
      kh("III. KẾ HOẠCH TUẦN 43", "nvdp"),
    ], closing: true };
    const f = "Báo cáo tuần 42_NVĐP.odt";
    add({ slug: "nvdp-w42-odt", at, producer: "libreoffice-odt", client: "outlook", traps: ["plan-heading-next-period", "title-next-period"], expected: [report("nvdp", "week", "2026-W42", at, { attachments: [f] })],
      why: "LibreOffice .odt; results split into '1.1-' / '1.2-' sub-headings by field of work (QT.VP.03 §10 I.1–2); 'III. KẾ HOẠCH TUẦN 43' names the next week.",
      spec: mail("nvdp", at, { client: "outlook", subject: "Báo cáo tuần 42 - Phòng Nghiệp vụ - Điều phối", text: cover("nvdp", "báo cáo tuần 42", 1), attachments: [att(f, await render("libreoffice-odt", doc))] }) });
  }
  {
    const at = "2026-10-15T16:45:00+07:00";
    const doc: Doc = { unit: "ttdn", header: true, number: num(118, "ttdn"), dateLine: dateLine(at), title: ["BÁO CÁO", "Kết quả công tác tuần 42/2026"], sections: [
      kq("I. TÌNH HÌNH THỰC HIỆN KẾ HOẠCH TUẦN 42", "ttdn", [], 0),
      kh("II. KẾ HOẠCH TUẦN 43", "ttdn"),
    ] };
    const f = "Báo cáo tuần 42 - TTĐN.doc";
    add({ slug: "ttdn-w42-doc-late", at, producer: "libreoffice-doc", client: "outlook", traps: ["late", "results-heading-own-period-plan-word", "plan-heading-next-period"], expected: [report("ttdn", "week", "2026-W42", at, { attachments: [f] })],
      why: "LibreOffice .doc, 1h45 late; 'TÌNH HÌNH THỰC HIỆN KẾ HOẠCH TUẦN 42' is the results (own period), 'KẾ HOẠCH TUẦN 43' the plan.",
      spec: mail("ttdn", at, { client: "outlook", subject: "Báo cáo tuần 42 - Phòng TTĐN", text: cover("ttdn", "báo cáo tuần 42", 0), attachments: [att(f, await render("libreoffice-doc", doc))] }) });
  }
  {
    const at = "2026-10-14T08:50:00+07:00";
    const doc: Doc = { unit: "ttbc", title: ["BÁO CÁO TUẦN 42"], sections: [
      kq("* Kết quả thực hiện:", "ttbc", ["Phối hợp tổ chức đón đoàn phóng viên Hàn Quốc ngày 13/10/2026."], 2),
      kk("* Khó khăn, vướng mắc:", 0),
      kh("* Kế hoạch tuần tới:", "ttbc"),
    ] };
    add({ slug: "ttbc-w42-gmail-body", at, producer: "gmail-html", client: "gmail", traps: ["body-report", "body-period"], expected: [report("ttbc", "week", "2026-W42", at, { attachments: [] })],
      why: "Report in a Gmail HTML body (div dir=ltr, <b>) with '*' headings and trailing ':'; period in subject and first line; an event date '13/10/2026' in the body.",
      spec: mail("ttbc", at, { client: "gmail", subject: "Báo cáo tuần 42 - Trung tâm Báo chí", text: `Kính gửi Văn phòng,\n\n${toText(doc)}\n\nTrân trọng.`, html: toGmailHtml(["Kính gửi Văn phòng,", ""], doc, ["Trân trọng.", UNIT.ttbc.people[1]]) }) });
  }
  {
    const at = "2026-10-15T11:15:00+07:00";
    const doc: Doc = { unit: "vp", header: true, number: num(88, "vp"), dateLine: dateLine(at), title: ["BÁO CÁO", "Công tác tuần 42 và chương trình công tác tuần 43"], sections: [
      { h: "A. ĐÁNH GIÁ KẾT QUẢ ĐẠT ĐƯỢC:", id: "ket_qua", items: pick(RESULTS.vp, 1, 3), subs: [{ h: "* Tồn tại:", items: [DIFFICULTIES[1]!] }] },
      kh("B. CHƯƠNG TRÌNH CÔNG TÁC TUẦN 43:", "vp"),
    ], closing: true };
    const f = "VP - Báo cáo tuần 42.docx";
    add({ slug: "vp-w42-docxlib-letters", at, producer: "docx-lib", client: "apple", traps: ["plan-heading-next-period", "nfd-filename", "title-next-period"], expected: [report("vp", "week", "2026-W42", at, { attachments: [f] })],
      why: "docx library, 'A.'/'B.' headings with ':'; '* Tồn tại:' bullet inside A; plan as 'CHƯƠNG TRÌNH CÔNG TÁC TUẦN 43'; Apple Mail NFD file name.",
      spec: mail("vp", at, { client: "apple", subject: "Báo cáo tuần 42 - Văn phòng", text: cover("vp", "báo cáo tuần 42", 0), attachments: [att(f, await render("docx-lib", doc, { headings: "bold" }))] }) });
  }
  {
    const at = "2026-10-21T15:30:00+07:00";
    const [a, b] = weekRange(43);
    const doc: Doc = { unit: "nvdp", header: true, number: num(45, "nvdp"), dateLine: dateLine(at), title: ["BÁO CÁO", `Công tác tuần từ ngày ${a} đến ngày ${b}/2026`], sections: [
      kq("I. Kết quả công tác tuần", "nvdp", ["Lũy kế từ đầu tháng 10/2026, Phòng đã thẩm định 11 kế hoạch của các địa phương."], 1),
      kn("II. Đề xuất", 1),
      kh("III. Dự kiến công tác tuần tới", "nvdp"),
    ] };
    const f = "Báo cáo tuần 43.pdf";
    add({ slug: "nvdp-w43-pdf", at, producer: "libreoffice-pdf", client: "outlook", traps: ["text-pdf", "body-period"], expected: [report("nvdp", "week", "2026-W43", at, { attachments: [f] })],
      why: "Text PDF (LibreOffice from HTML); week stated as 'tuần 43' in subject/file name and as a date range in the title; body has 'Lũy kế từ đầu tháng 10/2026'.",
      spec: mail("nvdp", at, { client: "outlook", subject: "Báo cáo tuần 43 - NVĐP", text: cover("nvdp", "báo cáo tuần 43 (bản PDF)", 0), attachments: [att(f, await render("libreoffice-pdf", doc))] }) });
  }
  {
    const at = "2026-10-22T09:20:00+07:00";
    const doc: Doc = { unit: "ttdn", title: ["BÁO CÁO TUẦN 43 - PHÒNG TTĐN"], sections: [
      kq("I. Kết quả thực hiện", "ttdn", [], 2),
      kk("II. Khó khăn", 2),
      kh("III. Kế hoạch tuần tới", "ttdn"),
    ] };
    add({ slug: "ttdn-w43-windows1258", at, producer: "windows-1258", client: "outlook", traps: ["body-report", "windows-1258"], expected: [report("ttdn", "week", "2026-W43", at, { attachments: [] })],
      why: "Plain body in windows-1258 (8bit, combining tone marks), subject Q-encoded in windows-1258; period 'tuần 43' in subject and first line.",
      spec: mail("ttdn", at, { client: "outlook", html: false, charset: "windows-1258", transferEncoding: "8bit", subjectEncoding: "Q", subject: "Báo cáo tuần 43 - Phòng Truyền thông đối ngoại", text: `Kính gửi Văn phòng Cục,\n\n${toText(doc)}\n\nTrân trọng./.` }) });
  }
  {
    const at = "2026-10-22T14:10:00+07:00";
    const doc: Doc = { unit: "ttbc", header: true, number: num(71, "ttbc"), dateLine: dateLine(at), title: ["BÁO CÁO", "Kết quả công tác tuần 43 và kế hoạch tuần 44"], sections: [
      kq("Phần thứ nhất: KẾT QUẢ CÔNG TÁC TUẦN 43", "ttbc", [], 1),
      kh("Phần thứ hai: KẾ HOẠCH CÔNG TÁC TUẦN 44", "ttbc"),
    ], closing: true };
    const f = "BC tuần 43 - TTBC.docx";
    const photo = "Anh doan phong vien.jpg";
    add({ slug: "ttbc-w43-jpg", at, producer: "word-like-docx", client: "gmail", traps: ["annex-image", "plan-heading-next-period", "title-next-period"], expected: [report("ttbc", "week", "2026-W43", at, { attachments: [f, photo] })],
      why: "Word-like .docx with 'Phần thứ nhất:' / 'Phần thứ hai:' parts (localised Tiêu đề 2 style) and a .jpg photo annex.",
      spec: mail("ttbc", at, { client: "gmail", subject: "Báo cáo tuần 43 - TTBC", text: cover("ttbc", "báo cáo tuần 43 và ảnh hoạt động", 1), attachments: [att(f, await render("word-like-docx", doc, { headingStyle: "Tiu2" })), att(photo, await annex.jpg("Doan phong vien quoc te", 1))] }) });
  }
  {
    const at = "2026-10-22T10:00:00+07:00";
    const doc: Doc = { unit: "vp", dateLine: dateLine(at), title: ["BÁO CÁO CÔNG TÁC TUẦN 43"], sections: [
      kq("I.. KẾT QUẢ HOẠT ĐỘNG.", "vp", [], 2),
      kh("II.. KẾ HOẠCH TUẦN 44.", "vp"),
    ] };
    const f = "Bao cao tuan 43 VP.docx";
    add({ slug: "vp-w43-lodocx", at, producer: "libreoffice-docx", client: "thunderbird", traps: ["plan-heading-next-period"], expected: [report("vp", "week", "2026-W43", at, { attachments: [f] })],
      why: "LibreOffice .docx from HTML with <h2> headings, the odd 'I..' numbering of the research file (1a #48); period in subject, file name, title.",
      spec: mail("vp", at, { client: "thunderbird", subject: "Báo cáo tuần 43 - Văn phòng", text: cover("vp", "báo cáo tuần 43", 3), attachments: [att(f, await render("libreoffice-docx", doc, { headings: "h" }), "rfc2231-continuation")] }) });
  }
  {
    const at = "2026-10-29T10:30:00+07:00";
    const doc: Doc = { unit: "nvdp", header: true, number: num(47, "nvdp"), dateLine: dateLine(at), title: ["BÁO CÁO", "Kết quả công tác tuần 44"], sections: [
      { h: "I. ĐẶC ĐIỂM TÌNH HÌNH", id: "context", items: [], subs: [
        { h: "1. Thuận lợi", items: ["Được Lãnh đạo Cục quan tâm chỉ đạo sát sao."] },
        { h: "2. Khó khăn", items: ["Khối lượng công việc lớn trong dịp chuẩn bị các sự kiện đối ngoại cuối năm."] },
      ] },
      kq("II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ", "nvdp", [], 2),
      kh("III. KẾ HOẠCH CÔNG TÁC TUẦN 45", "nvdp"),
    ] };
    const f = "Báo cáo tuần 44 - Phòng NVĐP.docx";
    add({ slug: "nvdp-w44-dacdiem", at, producer: "docx-lib", client: "outlook", traps: ["dac-diem-tinh-hinh", "plan-heading-next-period"], expected: [report("nvdp", "week", "2026-W44", at, { attachments: [f] })],
      why: "'1. Thuận lợi / 2. Khó khăn' sit under 'I. ĐẶC ĐIỂM TÌNH HÌNH' (context, not the difficulties section); results and plan present.",
      spec: mail("nvdp", at, { client: "outlook", subject: "Báo cáo tuần 44 - Phòng NVĐP", text: cover("nvdp", "báo cáo tuần 44", 0), attachments: [att(f, await render("docx-lib", doc))] }) });
  }
  {
    const at = "2026-10-29T13:00:00+07:00";
    const doc: Doc = { unit: "ttdn", title: ["BÁO CÁO TUẦN 44"], sections: [
      kq("+ Kết quả công tác tuần:", "ttdn", [], 3),
      kh("+ Kế hoạch tuần tới:", "ttdn"),
    ] };
    const body = toOutlookHtml(["Kính gửi Văn phòng Cục,", "Phòng TTĐN báo cáo công tác tuần 44 như sau:"], doc, ["Trân trọng.", UNIT.ttdn.people[0]]);
    const f = "Số liệu tuần 44.xlsx";
    add({ slug: "ttdn-w44-outlook-xlsx", at, producer: "outlook-html", client: "outlook", traps: ["body-report", "annex-xlsx", "body-report-with-annex"], expected: [report("ttdn", "week", "2026-W44", at, { attachments: [f] })],
      why: "Report written in an Outlook HTML body ('+' headings) with a spreadsheet of figures attached: the .xlsx is an annex, never judged.",
      spec: mail("ttdn", at, { client: "outlook", subject: "Báo cáo tuần 44 - TTĐN", text: `Kính gửi Văn phòng Cục,\nPhòng TTĐN báo cáo công tác tuần 44 như sau:\n${toText(doc)}\n\nTrân trọng.`, html: body, attachments: [att(f, await annex.xlsx(FIGURES))] }) });
  }
  {
    const at = "2026-10-29T15:00:00+07:00";
    const doc: Doc = { unit: "ttbc", header: true, number: num(74, "ttbc"), dateLine: dateLine(at), title: ["BÁO CÁO", "Công tác tuần 44/2026"], sections: [
      kq("I. KẾT QUẢ CÔNG TÁC", "ttbc", [], 3),
      kk("II. NHIỆM VỤ CHẬM TIẾN ĐỘ", 0),
      kh("III. KẾ HOẠCH TUẦN 45", "ttbc"),
    ], closing: true };
    const f = "Báo cáo tuần 44 TTBC.docx";
    add({ slug: "ttbc-w44-pandoc-1500", at, producer: "pandoc", client: "outlook", traps: ["late", "deadline-boundary", "plan-heading-next-period"], expected: [report("ttbc", "week", "2026-W44", at, { attachments: [f] })],
      why: "pandoc .docx with ATX headings, received at 15:00:00 Thursday exactly: late (on time is strictly before).",
      spec: mail("ttbc", at, { client: "outlook", subject: "Báo cáo tuần 44 - Trung tâm Báo chí và Hợp tác truyền thông quốc tế", text: cover("ttbc", "báo cáo tuần 44", 1), attachments: [att(f, await render("pandoc", doc))] }) });
  }
  {
    const at = "2026-10-28T17:05:00+07:00";
    const doc: Doc = { unit: "vp", header: true, number: num(91, "vp"), dateLine: dateLine(at), title: ["BÁO CÁO", "Kết quả công tác tuần 44"], sections: [
      kq("1. Kết quả thực hiện nhiệm vụ", "vp", [], 0),
      kk("2. Nhiệm vụ chậm tiến độ", 1),
      kn("3. Kiến nghị", 1),
      kh("4. Kế hoạch triển khai nhiệm vụ tuần 45", "vp"),
    ], closing: true };
    const f = "Báo cáo tuần 44 - Văn phòng.docx";
    add({ slug: "vp-w44-wordlike-decimal", at, producer: "word-like-docx", client: "outlook", traps: ["plan-heading-next-period"], expected: [report("vp", "week", "2026-W44", at, { attachments: [f] })],
      why: "Word-like .docx with Word's automatic decimal numbering ('1.'–'4.' from numbering.xml, typed text has none), bold-only headings, split runs.",
      spec: mail("vp", at, { client: "outlook", subject: "Báo cáo tuần 44 - Văn phòng", text: cover("vp", "báo cáo tuần 44", 0), attachments: [att(f, await render("word-like-docx", doc, { auto: "decimal", headingStyle: "bold", splitRuns: true }))] }) });
  }

  // W45
  {
    const at = "2026-11-05T14:00:00+07:00";
    const doc: Doc = { unit: "ttbc", header: true, number: num(77, "ttbc"), dateLine: dateLine(at), title: ["BÁO CÁO", "Kết quả công tác tuần 45 và kế hoạch công tác tuần 46"], sections: [
      kq("PHẦN I: KẾT QUẢ CÔNG TÁC TUẦN 45", "ttbc", [], 4),
      kh("PHẦN II: KẾ HOẠCH CÔNG TÁC TUẦN 46", "ttbc"),
    ] };
    const f = "Báo cáo tuần 45 - TTBC.docx";
    add({ slug: "ttbc-w45-wordlike", at, producer: "word-like-docx", client: "thunderbird", traps: ["plan-heading-next-period", "title-next-period"], expected: [report("ttbc", "week", "2026-W45", at, { attachments: [f] })],
      why: "'PHẦN I:' / 'PHẦN II:' headings in a Word-like .docx; RFC 2231 file name, Q-encoded subject.",
      spec: mail("ttbc", at, { client: "thunderbird", subject: "Báo cáo tuần 45 - TTBC", text: cover("ttbc", "báo cáo tuần 45", 0), attachments: [att(f, await render("word-like-docx", doc))] }) });
  }
  {
    const at = "2026-11-05T10:00:00+07:00";
    const doc: Doc = { unit: "nvdp", header: true, number: num(49, "nvdp"), dateLine: dateLine(at), title: ["BÁO CÁO", "Công tác tuần 45"], intro: "Phòng Nghiệp vụ - Điều phối báo cáo như sau:", sections: [
      kk("I. Khó khăn, vướng mắc", 0, ["Chưa nhận được ý kiến góp ý của một số bộ, ngành đối với dự thảo hướng dẫn."]),
      kh("II. Kế hoạch tuần 46", "nvdp"),
    ] };
    const f = "BC tuần 45 - NVĐP.docx";
    add({ slug: "nvdp-w45-missing-results", at, producer: "docx-lib", client: "gmail", traps: ["missing-results"], expected: [report("nvdp", "week", "2026-W45", at, { missing: ["ket_qua"], attachments: [f] })],
      why: "A weekly report with only difficulties and the plan: the results of the week are missing (Không đạt, ket_qua). Every heading is placed.",
      spec: mail("nvdp", at, { client: "gmail", subject: "Báo cáo tuần 45 - Phòng NVĐP", text: cover("nvdp", "báo cáo tuần 45", 2), attachments: [att(f, await render("docx-lib", doc))] }) });
  }
  {
    // vp W45, forwarded inline by the officer ("TL:", Vietnamese Outlook block).
    const at = "2026-11-05T10:30:00+07:00";
    const doc: Doc = { unit: "vp", header: true, number: num(95, "vp"), dateLine: dateLine("2026-11-05T09:00:00+07:00"), title: ["BÁO CÁO", "Kết quả công tác tuần 45"], sections: [
      kq("I. KẾT QUẢ THỰC HIỆN", "vp", [], 3),
      kh("II. KẾ HOẠCH TUẦN 46", "vp"),
    ], closing: true };
    const f = "Báo cáo tuần 45 - VP.docx";
    const original: MailSpec = { from: person("vp", 1), to: ["chanhvp@cuc.example.vn"], subject: "Báo cáo tuần 45 - Văn phòng", date: new Date("2026-11-05T09:00:00+07:00"), text: cover("vp", "báo cáo tuần 45", 1), attachments: [att(f, await render("word-like-docx", doc, { auto: "roman" }))] };
    add({ slug: "vp-w45-officer-fwd-inline-TL", at, producer: "word-like-docx", client: "outlook", traps: ["forward-inline"], expected: [report("vp", "week", "2026-W45", at, { attachments: [f], originalFrom: UNIT.vp.address })],
      why: "The officer forwards inline ('TL:', Vietnamese Outlook 'Từ:/Đã gửi:' block) a unit report first sent to the chief; originalFrom is the unit; both times before the deadline.",
      spec: mail(null, at, { client: "outlook", from: officer, subject: "TL: Báo cáo tuần 45 - Văn phòng", text: "Chuyển vào hộp thư tổng hợp báo cáo tuần 45 của Văn phòng (đơn vị gửi nhầm địa chỉ).", locale: "vi", forward: { as: "inline", original } }) });
  }
  {
    const at = "2026-11-05T11:00:00+07:00";
    const doc: Doc = { unit: "ttdn", header: true, number: num(131, "ttdn"), dateLine: dateLine(at), title: ["BÁO CÁO", "Tình hình thực hiện nhiệm vụ tuần 45"], sections: [
      kq("I. Tình hình thực hiện nhiệm vụ", "ttdn", ["Phối hợp tổ chức Tuần lễ quảng bá văn hóa Việt Nam (từ ngày 02/11 đến ngày 08/11/2026)."], 0),
      kk("II. Tồn tại, hạn chế", 1),
      kh("III. Nhiệm vụ trọng tâm tuần 46", "ttdn"),
    ] };
    const f = "Báo cáo tuần 45 - TTĐN.pdf";
    add({ slug: "ttdn-w45-pdf", at, producer: "libreoffice-pdf", client: "gmail", traps: ["text-pdf", "body-period", "plan-heading-next-period"], expected: [report("ttdn", "week", "2026-W45", at, { attachments: [f] })],
      why: "Text PDF; plan 'Nhiệm vụ trọng tâm tuần 46'; an event span '02/11 đến 08/11/2026' in the body does not change the stated week 45.",
      spec: mail("ttdn", at, { client: "gmail", subject: "Báo cáo tuần 45 - Phòng TTĐN", text: cover("ttdn", "báo cáo tuần 45", 0), attachments: [att(f, await render("libreoffice-pdf", doc))] }) });
  }

  // W46: a Không đạt then a late correction.
  {
    const at = "2026-11-11T16:00:00+07:00";
    const doc: Doc = { unit: "nvdp", header: true, number: num(51, "nvdp"), dateLine: dateLine(at), title: ["BÁO CÁO", "Kết quả công tác tuần 46"], sections: [
      kq("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ TUẦN 46", "nvdp", [], 3),
      kk("II. KHÓ KHĂN, VƯỚNG MẮC", 1, ["Kế hoạch tuần 47 của Phòng đang chờ ý kiến Lãnh đạo Cục, sẽ gửi bổ sung sau."]),
    ] };
    const f = "Báo cáo tuần 46 - NVĐP.docx";
    add({ slug: "nvdp-w46-missing-plan", at, producer: "word-like-docx", client: "outlook", traps: ["missing-plan", "plan-word-in-sentence"], expected: [report("nvdp", "week", "2026-W46", at, { missing: ["ke_hoach"], attachments: [f] })],
      why: "No plan section; the sentence 'Kế hoạch tuần 47 … sẽ gửi bổ sung sau' under difficulties is not a plan. Không đạt (ke_hoach), on time.",
      spec: mail("nvdp", at, { client: "outlook", subject: "Báo cáo tuần 46 - Phòng NVĐP", text: cover("nvdp", "báo cáo tuần 46", 0), attachments: [att(f, await render("word-like-docx", doc, { auto: "roman" }))] }) });
  }
  {
    const at = "2026-11-12T15:20:00+07:00";
    const doc: Doc = { unit: "nvdp", header: true, number: num(52, "nvdp"), dateLine: dateLine(at), title: ["BÁO CÁO", "Kết quả công tác tuần 46 (bổ sung kế hoạch tuần 47)"], sections: [
      kq("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ TUẦN 46", "nvdp", [], 3),
      kk("II. KHÓ KHĂN, VƯỚNG MẮC", 1),
      kh("III. KẾ HOẠCH TUẦN 47", "nvdp"),
    ] };
    const f = "Báo cáo tuần 46 - NVĐP (bổ sung).docx";
    add({ slug: "nvdp-w46-resubmission-late", at, producer: "word-like-docx", client: "outlook", traps: ["resubmission", "late", "plan-heading-next-period"], expected: [report("nvdp", "week", "2026-W46", at, { attachments: [f] })],
      why: "The corrected version of the previous mail, now complete (Đạt) but received 20 minutes after the deadline: late on its own receipt time.",
      spec: mail("nvdp", at, { client: "outlook", subject: "RE: Báo cáo tuần 46 - Phòng NVĐP (gửi lại bản bổ sung)", text: "Kính gửi Văn phòng,\nPhòng NVĐP gửi lại báo cáo tuần 46 đã bổ sung kế hoạch tuần 47.\nTrân trọng.", attachments: [att(f, await render("word-like-docx", doc, { auto: "roman" }))] }) });
  }
  {
    const at = "2026-11-12T09:30:00+07:00";
    const doc: Doc = { unit: "ttbc", dateLine: dateLine(at), title: ["BAO CAO CONG TAC TUAN 46"], sections: [
      { h: "I. KET QUA CONG TAC TUAN 46", id: "ket_qua", items: ["To chuc 01 cuoc hop bao quoc te ve ket qua cac hoat dong doi ngoai.", "Ho tro 09 phong vien nuoc ngoai tac nghiep."] },
      { h: "II. KE HOACH TUAN 47", id: "ke_hoach", items: ["Don doan phong vien Nhat Ban.", "Hoan thien de an hop tac truyen thong quoc te."] },
    ] };
    const f = "Bao cao tuan 46 - TTBC.docx";
    add({ slug: "ttbc-w46-nodiacritics", at, producer: "docx-lib", client: "gmail", traps: ["no-diacritics", "plan-heading-next-period"], expected: [report("ttbc", "week", "2026-W46", at, { attachments: [f] })],
      why: "Everything typed without diacritics (subject, file name, headings 'KET QUA' / 'KE HOACH TUAN 47').",
      spec: mail("ttbc", at, { client: "gmail", subject: "Bao cao tuan 46 - TTBC", text: "Gui Van phong bao cao tuan 46 cua Trung tam.\nTran trong.", attachments: [att(f, await render("docx-lib", doc, { headings: "bold" }))] }) });
  }
  {
    const at = "2026-11-16T10:00:00+07:00";
    const doc: Doc = { unit: "ttdn", header: true, number: num(136, "ttdn"), dateLine: dateLine("2026-11-12T10:00:00+07:00"), title: ["BÁO CÁO", "Kết quả công tác tuần 46"], sections: [
      kq("I. Kết quả thực hiện nhiệm vụ tuần 46", "ttdn", [], 1),
      kh("II. Kế hoạch tuần 47", "ttdn"),
    ] };
    const f = "Báo cáo tuần 46 - TTĐN.pdf";
    add({ slug: "ttdn-w46-pdf-late", at, producer: "libreoffice-pdf", client: "outlook", traps: ["text-pdf", "late", "plan-heading-next-period"], expected: [report("ttdn", "week", "2026-W46", at, { attachments: [f] })],
      why: "Text PDF received the Monday after the week: late; week 46 stated in subject, file name and title.",
      spec: mail("ttdn", at, { client: "outlook", subject: "Báo cáo tuần 46 - TTĐN (gửi muộn)", text: cover("ttdn", "báo cáo tuần 46, xin lỗi vì gửi muộn", 0), attachments: [att(f, await render("libreoffice-pdf", doc, { headings: "h" }))] }) });
  }
  {
    const at = "2026-11-12T11:00:00+07:00";
    const doc: Doc = { unit: "vp", title: ["Văn phòng báo cáo công tác tuần 46:"], sections: [
      kq("a) Kết quả đạt được", "vp", [], 2),
      kk("b) Khó khăn", 2),
      kh("c) Kế hoạch tuần tới", "vp"),
    ] };
    const text = `Kính gửi Văn phòng Cục,\n\n${toText(doc)}\n\nTrân trọng.\n${UNIT.vp.people[1]}`.normalize("NFD");
    add({ slug: "vp-w46-nfd-body", at, producer: "plain", client: "plain", traps: ["body-report", "nfd-text"], expected: [report("vp", "week", "2026-W46", at, { attachments: [] })],
      why: "Plain body whose text is NFD-encoded (macOS), 'a)' / 'b)' / 'c)' headings; period 'tuần 46' in subject and first line.",
      spec: mail("vp", at, { client: "plain", subject: "Báo cáo công tác tuần 46 - Văn phòng".normalize("NFD"), subjectEncoding: "B", text, transferEncoding: "base64" }) });
  }

  // W47
  {
    const at = "2026-11-18T10:12:00+07:00";
    const doc: Doc = { unit: "nvdp", header: true, number: num(53, "nvdp"), dateLine: dateLine(at), title: ["BÁO CÁO", "Kết quả công tác tuần 47 và kế hoạch công tác tuần 48"], sections: [
      kq("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ TUẦN 47", "nvdp", ["Chuẩn bị tài liệu phục vụ báo cáo sơ kết công tác thông tin đối ngoại tháng 11/2026.", "Góp ý dự thảo báo cáo tổng kết năm 2026 của Cục."], 0),
      kk("II. KHÓ KHĂN, VƯỚNG MẮC", 0),
      kh("III. KẾ HOẠCH TUẦN 48", "nvdp"),
    ], closing: true };
    const f = "Báo cáo tuần 47 - NVĐP.docx";
    add({ slug: "nvdp-w47-body-periods", at, producer: "word-like-docx", client: "outlook", traps: ["body-period", "plan-heading-next-period", "title-next-period"], expected: [report("nvdp", "week", "2026-W47", at, { attachments: [f] })],
      why: "Issue 12 class 1: subject and title say 'tuần 47' while the body mentions 'tháng 11/2026', 'báo cáo sơ kết' and 'tổng kết năm 2026'; plan 'III. KẾ HOẠCH TUẦN 48'.",
      spec: mail("nvdp", at, { client: "outlook", subject: "Báo cáo tuần 47 - Phòng NVĐP", text: cover("nvdp", "báo cáo tuần 47", 0), attachments: [att(f, await render("word-like-docx", doc, { auto: "roman" }))] }) });
  }
  {
    const at = "2026-11-19T15:01:00+07:00";
    const doc: Doc = { unit: "ttdn", header: true, number: num(140, "ttdn"), dateLine: dateLine(at), title: ["BÁO CÁO", "Công tác tuần 47/2026"], sections: [
      kq("I - Kết quả công tác tuần", "ttdn", [], 4),
      kn("II - Kiến nghị, đề xuất", 0),
      kh("III - Kế hoạch công tác tuần tới", "ttdn"),
    ] };
    const f = "BC tuan 47 - TTDN.docx";
    add({ slug: "ttdn-w47-late-1min", at, producer: "docx-lib", client: "gmail", traps: ["late", "deadline-boundary"], expected: [report("ttdn", "week", "2026-W47", at, { attachments: [f] })],
      why: "One minute after 15:00 Thursday: late. 'I -' headings (docx library).",
      spec: mail("ttdn", at, { client: "gmail", subject: "BC tuần 47 - Phòng TTĐN", text: cover("ttdn", "báo cáo tuần 47", 2), attachments: [att(f, await render("docx-lib", doc))] }) });
  }
  {
    // ttbc W47 sent to the chief, forwarded by the officer as message/rfc822.
    const at = "2026-11-19T08:00:00+07:00";
    const doc: Doc = { unit: "ttbc", header: true, number: num(80, "ttbc"), dateLine: dateLine("2026-11-18T17:00:00+07:00"), title: ["BÁO CÁO", "Kết quả công tác tuần 47"], sections: [
      kq("I. Kết quả công tác tuần 47", "ttbc", [], 0),
      kk("II. Khó khăn, vướng mắc", 2),
      kh("III. Kế hoạch tuần 48", "ttbc"),
    ] };
    const f = "Báo cáo tuần 47 - Trung tâm Báo chí.docx";
    const original: MailSpec = { client: "outlook", from: person("ttbc"), to: ["chanhvp@cuc.example.vn"], subject: "Báo cáo tuần 47 - Trung tâm Báo chí", date: new Date("2026-11-18T17:00:00+07:00"), text: cover("ttbc", "báo cáo tuần 47", 0), attachments: [att(f, await render("pandoc", doc))] };
    add({ slug: "ttbc-w47-officer-fwd-rfc822", at, producer: "pandoc", client: "thunderbird", traps: ["forward-rfc822", "plan-heading-next-period"], expected: [report("ttbc", "week", "2026-W47", at, { attachments: [f], originalFrom: UNIT.ttbc.address })],
      why: "The officer forwards, as a message/rfc822 attachment, the unit's mail sent to the chief; report inside; originalFrom = ttbc; both times on time.",
      spec: mail(null, at, { client: "thunderbird", from: officer, subject: "Fwd: Báo cáo tuần 47 - Trung tâm Báo chí", text: "Chuyển báo cáo tuần 47 của TTBC vào hộp thư tổng hợp.", forward: { as: "rfc822", original } }) });
  }
  {
    const at = "2026-11-19T09:00:00+07:00";
    const doc: Doc = { unit: "vp", header: true, number: num(99, "vp"), dateLine: dateLine(at), title: ["BÁO CÁO", "Tình hình thực hiện kế hoạch tuần 47"], sections: [
      kq("I. Tình hình thực hiện kế hoạch tuần 47", "vp", ["Phục vụ Hội nghị giao ban ngày 16/11/2026."], 3),
      kh("II. Kế hoạch tuần 48", "vp"),
    ] };
    const f = "Bao cao tuan 47 - VP.odt";
    const deck = "Slide hoi nghi giao ban.pptx";
    add({ slug: "vp-w47-odt-pptx", at, producer: "libreoffice-odt", client: "outlook", traps: ["annex-pptx", "results-heading-own-period-plan-word", "plan-heading-next-period"], expected: [report("vp", "week", "2026-W47", at, { attachments: [f, deck] })],
      why: "LibreOffice .odt: 'Tình hình thực hiện kế hoạch tuần 47' is the results (own week), 'Kế hoạch tuần 48' the plan; a .pptx annex.",
      spec: mail("vp", at, { client: "outlook", subject: "Báo cáo tuần 47 - Văn phòng", text: cover("vp", "báo cáo tuần 47 và slide hội nghị giao ban", 1), attachments: [att(f, await render("libreoffice-odt", doc)), att(deck, await annex.pptx("Hội nghị giao ban", "Văn phòng Cục Thông tin đối ngoại"))] }) });
  }

  // W48
  {
    const at = "2026-11-26T14:00:00+07:00";
    const [a, b] = weekRange(48);
    const doc: Doc = { unit: "ttbc", title: [`BÁO CÁO CÔNG TÁC TUẦN TỪ ${a} ĐẾN ${b}/2026`], sections: [
      kq("I. Kết quả công tác tuần", "ttbc", ["Họp báo quốc tế ngày 25/11/2026 về kết quả các hoạt động đối ngoại."], 0),
      kh("II. KẾ HOẠCH TUẦN 49", "ttbc"),
    ] };
    const html = toOutlookHtml(["Kính gửi Văn phòng Cục,", ""], doc, ["Trân trọng./.", UNIT.ttbc.people[0]]);
    const photo = "Ảnh họp báo 25-11.png";
    add({ slug: "ttbc-w48-outlook-png", at, producer: "outlook-html", client: "outlook", traps: ["body-report", "annex-image", "plan-heading-next-period", "body-period"], expected: [report("ttbc", "week", "2026-W48", at, { attachments: [photo] })],
      why: "Outlook HTML body report (MsoNormal, <b>, <o:p>), week stated as a date range '23/11 đến 27/11/2026'; a .png photo annex; an event date in the body.",
      spec: mail("ttbc", at, { client: "outlook", subject: `Báo cáo công tác tuần từ ${a} đến ${b}/2026 - TTBC`, text: `Kính gửi Văn phòng Cục,\n\n${toText(doc)}\n\nTrân trọng./.`, html, attachments: [att(photo, await annex.png("Hop bao quoc te", 2))] }) });
  }
  {
    const at = "2026-11-26T16:30:00+07:00";
    const doc: Doc = { unit: "nvdp", title: ["BÁO CÁO TUẦN 48 - PHÒNG NVĐP"], sections: [
      kq("I. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ", "nvdp", ["Lũy kế 11 tháng năm 2026, Phòng đã thẩm định 52 kế hoạch thông tin đối ngoại."], 1),
      kh("II. NHIỆM VỤ TRỌNG TÂM TUẦN 49", "nvdp"),
    ] };
    const f = "Số liệu tuần 48 - NVĐP.xlsx";
    add({ slug: "nvdp-w48-gmail-xlsx-late", at, producer: "gmail-html", client: "gmail", traps: ["body-report", "annex-xlsx", "body-report-with-annex", "late", "body-period", "plan-heading-next-period"], expected: [report("nvdp", "week", "2026-W48", at, { attachments: [f] })],
      why: "Issue 12 class 3: report in a Gmail HTML body with an .xlsx of figures; 1h30 late; body has 'Lũy kế 11 tháng năm 2026'.",
      spec: mail("nvdp", at, { client: "gmail", subject: "Báo cáo tuần 48 - Phòng NVĐP", text: `Kính gửi Văn phòng,\n\n${toText(doc)}\n\nSố liệu chi tiết tại file đính kèm.`, html: toGmailHtml(["Kính gửi Văn phòng,", ""], doc, ["Số liệu chi tiết tại file đính kèm.", UNIT.nvdp.people[1]]), attachments: [att(f, await annex.xlsx(FIGURES))] }) });
  }
  {
    const at = "2026-11-25T08:30:00+07:00";
    const doc: Doc = { unit: "ttdn", title: ["BÁO CÁO TUẦN 48 - PHÒNG TRUYỀN THÔNG ĐỐI NGOẠI"], sections: [
      kq("1. Kết quả thực hiện", "ttdn", ["Chuẩn bị nội dung tuyên truyền quý IV và tổng kết năm 2026."], 2),
      kk("2. Khó khăn", 0),
      kh("3. Kế hoạch tuần tới", "ttdn"),
    ] };
    add({ slug: "ttdn-w48-windows1258", at, producer: "windows-1258", client: "outlook", traps: ["body-report", "windows-1258", "body-period"], expected: [report("ttdn", "week", "2026-W48", at, { attachments: [] })],
      why: "windows-1258 plain body (quoted-printable), B-encoded windows-1258 subject; 'quý IV' and 'tổng kết năm 2026' in the body.",
      spec: mail("ttdn", at, { client: "outlook", html: false, charset: "windows-1258", transferEncoding: "quoted-printable", subjectEncoding: "B", subject: "BC tuần 48 - TTĐN", text: `Kính gửi Văn phòng Cục,\n\n${toText(doc)}\n\nTrân trọng.` }) });
  }
  {
    const at = "2026-11-26T15:00:00+07:00";
    const doc: Doc = { unit: "vp", header: true, number: num(103, "vp"), dateLine: dateLine(at), title: ["BÁO CÁO", "Kết quả công tác tuần 48, kế hoạch tuần 49"], sections: [
      kq("I. Kết quả công tác tuần 48", "vp", [], 4),
      kk("II. Tồn tại, hạn chế", 1),
      kh("III. Kế hoạch tuần 49", "vp"),
    ], closing: true };
    const f = "Báo cáo tuần 48 - Văn phòng.doc";
    add({ slug: "vp-w48-doc-1500", at, producer: "libreoffice-doc", client: "outlook", traps: ["late", "deadline-boundary", "plan-heading-next-period", "title-next-period"], expected: [report("vp", "week", "2026-W48", at, { attachments: [f] })],
      why: "LibreOffice .doc received at 15:00:00 Thursday exactly: late.",
      spec: mail("vp", at, { client: "outlook", subject: "Báo cáo tuần 48 - Văn phòng", text: cover("vp", "báo cáo tuần 48", 0), attachments: [att(f, await render("libreoffice-doc", doc))] }) });
  }

  // Weekly reports with no period anywhere.
  {
    const at = "2026-11-23T09:00:00+07:00";
    const doc: Doc = { unit: "vp", title: ["BÁO CÁO KẾT QUẢ CÔNG TÁC TUẦN"], sections: [
      kq("I. KẾT QUẢ CÔNG TÁC", "vp", [], 1),
      kh("II. KẾ HOẠCH TUẦN TỚI", "vp"),
    ] };
    const f = "Bao cao tuan - VP.docx";
    const period = periodByCompileDeadline("week", at);
    add({ slug: "vp-week-noperiod-monday", at, producer: "pandoc", client: "gmail", traps: ["no-period", "late"], expected: [report("vp", "week", period, at, { attachments: [f] })],
      why: `No week stated anywhere; received Monday 23/11 09:00: W47's compile deadline (end of Monday 23/11) has not passed, so it is ${period}, late.`,
      spec: mail("vp", at, { client: "gmail", subject: "Báo cáo tuần - Văn phòng", text: "Kính gửi Văn phòng Cục,\nVăn phòng gửi báo cáo công tác tuần.\nTrân trọng.", attachments: [att(f, await render("pandoc", doc))] }) });
  }
  {
    const at = "2026-11-24T10:00:00+07:00";
    const doc: Doc = { unit: "ttdn", title: ["BÁO CÁO", "Kết quả công tác tuần và kế hoạch công tác tuần tới"], sections: [
      kq("I. Kết quả công tác", "ttdn", [], 0),
      kh("II. Kế hoạch công tác tuần tới", "ttdn"),
    ] };
    const f = "Báo cáo tuần - TTĐN.docx";
    const period = periodByCompileDeadline("week", at);
    add({ slug: "ttdn-week-noperiod-tuesday", at, producer: "word-like-docx", client: "outlook", traps: ["no-period"], expected: [report("ttdn", "week", period, at, { attachments: [f] })],
      why: `No week stated anywhere; received Tuesday 24/11: W47's compile deadline passed at the end of Monday 23/11, so it is ${period}, on time.`,
      spec: mail("ttdn", at, { client: "outlook", subject: "Báo cáo tuần - Phòng TTĐN", text: "Kính gửi Văn phòng,\nPhòng TTĐN gửi báo cáo tuần (file đính kèm).\nTrân trọng.", attachments: [att(f, await render("word-like-docx", doc, { auto: "roman" }))] }) });
  }

  // =========================================================================================================
  // MONTHLY REPORTS (due 00:00 on the 28th)
  // =========================================================================================================
  {
    const at = "2026-09-25T15:00:00+07:00";
    const doc: Doc = { unit: "nvdp", header: true, number: num(38, "nvdp"), dateLine: dateLine(at), title: ["BÁO CÁO", "Công tác tháng 9/2026 và nhiệm vụ trọng tâm tháng 10/2026"], sections: [
      kq("I. KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH CÔNG TÁC", "nvdp", [], 0, 4),
      kk("II. KHÓ KHĂN, VƯỚNG MẮC", 0),
      kh("III. CÁC NHIỆM VỤ TRỌNG TÂM TRONG THÁNG 10/2026", "nvdp"),
    ], closing: true };
    const f = "Báo cáo tháng 9 - NVĐP.docx";
    add({ slug: "nvdp-m09-wordlike-form", at, producer: "word-like-docx", client: "outlook", traps: ["title-next-period", "plan-heading-next-period"], expected: [report("nvdp", "month", "2026-09", at, { attachments: [f] })],
      why: "Headings of QT.VP.03 §10's own form ('KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH CÔNG TÁC', 'CÁC NHIỆM VỤ TRỌNG TÂM TRONG THÁNG 10/2026'); title 'Công tác tháng 9/2026 và nhiệm vụ trọng tâm tháng 10/2026' reports September.",
      spec: mail("nvdp", at, { client: "outlook", subject: "Báo cáo tháng 9/2026 - Phòng NVĐP", text: cover("nvdp", "báo cáo tháng 9/2026", 0), attachments: [att(f, await render("word-like-docx", doc, { auto: "roman" }))] }) });
  }
  {
    const at = "2026-09-27T22:40:00+07:00";
    const doc: Doc = { unit: "ttdn", header: true, number: num(101, "ttdn"), dateLine: dateLine(at), title: ["BÁO CÁO", "Kết quả công tác tháng 9 năm 2026"], sections: [
      kq("I. Đánh giá công tác tháng 9/2026", "ttdn", ["So với cùng kỳ năm 2025, số tin, bài đăng tải tăng 12%."], 1),
      kh("II. Kế hoạch tháng 10", "ttdn"),
    ] };
    const f = "BC thang 9 TTDN.docx";
    add({ slug: "ttdn-m09-pandoc", at, producer: "pandoc", client: "gmail", traps: ["plan-heading-next-period", "body-period"], expected: [report("ttdn", "month", "2026-09", at, { attachments: [f] })],
      why: "pandoc .docx; 'I. Đánh giá công tác tháng 9/2026' (research 1a #28 form), 'II. Kế hoạch tháng 10' (1d #1 form); 'cùng kỳ năm 2025' in the body; 22:40 on the 27th.",
      spec: mail("ttdn", at, { client: "gmail", subject: "Báo cáo tháng 9 - Phòng TTĐN", text: cover("ttdn", "báo cáo tháng 9", 2), attachments: [att(f, await render("pandoc", doc))] }) });
  }
  {
    const at = "2026-09-28T00:01:00+07:00";
    const doc: Doc = { unit: "ttbc", header: true, number: num(66, "ttbc"), dateLine: dateLine("2026-09-27T00:00:00+07:00"), title: ["BÁO CÁO", "Kết quả hoạt động tháng 9 năm 2026"], sections: [
      kq("I. Kết quả hoạt động tháng 9", "ttbc", [], 2),
      kk("II. Những hạn chế", 0),
      kh("III. Phương hướng hoạt động tháng 10", "ttbc"),
    ] };
    const f = "Bao cao thang 9 - TTBC.docx";
    add({ slug: "ttbc-m09-late-1min", at, producer: "docx-lib", client: "outlook", traps: ["late", "deadline-boundary", "plan-heading-next-period"], expected: [report("ttbc", "month", "2026-09", at, { attachments: [f] })],
      why: "Received 00:01 on the 28th: one minute late; plan 'Phương hướng hoạt động tháng 10'.",
      spec: mail("ttbc", at, { client: "outlook", subject: "Báo cáo tháng 9 năm 2026 - TTBC", text: cover("ttbc", "báo cáo tháng 9", 0), attachments: [att(f, await render("docx-lib", doc))] }) });
  }
  {
    const at = "2026-09-24T10:00:00+07:00";
    const doc: Doc = { unit: "vp", title: ["BÁO CÁO CÔNG TÁC THÁNG 9/2026"], sections: [
      kq("I. Kết quả công tác tháng 9", "vp", [], 0, 4),
      kh("II. Nhiệm vụ tháng 10", "vp"),
    ] };
    add({ slug: "vp-m09-thunderbird-body", at, producer: "plain", client: "thunderbird", traps: ["body-report", "plan-heading-next-period"], expected: [report("vp", "month", "2026-09", at, { attachments: [] })],
      why: "Thunderbird format=flowed plain body; 'II. Nhiệm vụ tháng 10' is the plan.",
      spec: mail("vp", at, { client: "thunderbird", subject: "Báo cáo công tác tháng 9/2026 - Văn phòng", text: `Kính gửi Văn phòng Cục,\n\n${toText(doc)}\n\nTrân trọng.` }) });
  }
  {
    const at = "2026-10-27T17:00:00+07:00";
    const doc: Doc = { unit: "nvdp", header: true, number: num(44, "nvdp"), dateLine: dateLine(at), title: ["BÁO CÁO", "Kết quả công tác tháng 10/2026, phương hướng nhiệm vụ tháng 11/2026"], sections: [
      kq("PHẦN I: KẾT QUẢ CÔNG TÁC THÁNG 10/2026", "nvdp", ["Chuẩn bị nội dung sơ kết công tác quý IV."], 1, 4),
      kk("PHẦN II: TỒN TẠI, HẠN CHẾ", 1),
      kh("PHẦN III: PHƯƠNG HƯỚNG NHIỆM VỤ THÁNG 11/2026", "nvdp"),
    ], closing: true };
    const f = "Báo cáo tháng 10 - NVĐP.odt";
    add({ slug: "nvdp-m10-odt", at, producer: "libreoffice-odt", client: "outlook", traps: ["title-next-period", "plan-heading-next-period", "body-period"], expected: [report("nvdp", "month", "2026-10", at, { attachments: [f] })],
      why: "LibreOffice .odt with 'PHẦN I:' parts; title names October then November's plan; 'sơ kết … quý IV' in the body.",
      spec: mail("nvdp", at, { client: "outlook", subject: "Báo cáo tháng 10/2026 - Phòng NVĐP", text: cover("nvdp", "báo cáo tháng 10/2026", 1), attachments: [att(f, await render("libreoffice-odt", doc))] }) });
  }
  {
    const at = "2026-10-26T10:00:00+07:00";
    const doc: Doc = { unit: "ttdn", title: ["BÁO CÁO CÔNG TÁC THÁNG 10/2026"], sections: [
      kq("I. Kết quả thực hiện nhiệm vụ tháng 10", "ttdn", [], 3),
      kn("II. Đề xuất, kiến nghị", 1),
      kh("III. Nhiệm vụ tháng 11", "ttdn"),
    ] };
    const f = "Phụ lục số liệu tháng 10.xlsx";
    add({ slug: "ttdn-m10-outlook-xlsx", at, producer: "outlook-html", client: "outlook", traps: ["body-report", "annex-xlsx", "body-report-with-annex", "plan-heading-next-period"], expected: [report("ttdn", "month", "2026-10", at, { attachments: [f] })],
      why: "Report in an Outlook HTML body with a figures .xlsx annex; 'III. Nhiệm vụ tháng 11' is the plan.",
      spec: mail("ttdn", at, { client: "outlook", subject: "Báo cáo tháng 10/2026 - Phòng TTĐN", text: `Kính gửi Văn phòng Cục,\n\n${toText(doc)}\n\nPhụ lục số liệu gửi kèm.`, html: toOutlookHtml(["Kính gửi Văn phòng Cục,", ""], doc, ["Phụ lục số liệu gửi kèm.", UNIT.ttdn.people[1]]), attachments: [att(f, await annex.xlsx(FIGURES))] }) });
  }
  {
    const at = "2026-11-02T09:00:00+07:00";
    const doc: Doc = { unit: "ttbc", header: true, number: num(76, "ttbc"), dateLine: dateLine("2026-10-30T00:00:00+07:00"), title: ["BÁO CÁO", "Kết quả công tác tháng 10 năm 2026"], sections: [
      kq("I. KẾT QUẢ CÔNG TÁC THÁNG 10", "ttbc", [], 3),
      kh("II. KẾ HOẠCH THÁNG 11/2026", "ttbc"),
    ] };
    const f = "Báo cáo tháng 10 - TTBC.doc";
    add({ slug: "ttbc-m10-doc-late", at, producer: "libreoffice-doc", client: "gmail", traps: ["late", "plan-heading-next-period"], expected: [report("ttbc", "month", "2026-10", at, { attachments: [f] })],
      why: "LibreOffice .doc received 02/11: October stated; late (due 28/10).",
      spec: mail("ttbc", at, { client: "gmail", subject: "Báo cáo tháng 10 - Trung tâm Báo chí (gửi muộn)", text: cover("ttbc", "báo cáo tháng 10", 3), attachments: [att(f, await render("libreoffice-doc", doc))] }) });
  }
  {
    const at = "2026-10-27T11:00:00+07:00";
    const doc: Doc = { unit: "vp", header: true, number: num(97, "vp"), dateLine: dateLine(at), title: ["BÁO CÁO", "Kết quả công tác tháng 10/2026"], sections: [
      kq("I. Kết quả công tác tháng 10", "vp", [], 1, 4),
      kk("II. Khó khăn, vướng mắc", 2),
      kn("III. Kiến nghị", 1, ["Văn phòng sẽ bổ sung kế hoạch tháng 11 sau khi có ý kiến của Lãnh đạo Cục."]),
    ] };
    const f = "Báo cáo tháng 10 - Văn phòng.docx";
    add({ slug: "vp-m10-missing-plan", at, producer: "word-like-docx", client: "outlook", traps: ["missing-plan", "plan-word-in-sentence"], expected: [report("vp", "month", "2026-10", at, { missing: ["ke_hoach"], attachments: [f] })],
      why: "No plan section; 'sẽ bổ sung kế hoạch tháng 11' is a sentence, not a plan. Không đạt (ke_hoach).",
      spec: mail("vp", at, { client: "outlook", subject: "Báo cáo tháng 10 - Văn phòng", text: cover("vp", "báo cáo tháng 10", 0), attachments: [att(f, await render("word-like-docx", doc, { headingStyle: "Tiu2" }))] }) });
  }
  {
    // vp October, corrected after its Không đạt, sent by mistake to the records clerk; the officer forwards it as message/rfc822.
    const at = "2026-10-27T15:30:00+07:00";
    const doc: Doc = { unit: "vp", header: true, number: num(98, "vp"), dateLine: dateLine("2026-10-27T14:00:00+07:00"), title: ["BÁO CÁO", "Kết quả công tác tháng 10/2026"], sections: [
      kq("I. Kết quả công tác tháng 10", "vp", [], 1, 4),
      kk("II. Khó khăn, vướng mắc", 2),
      kn("III. Kiến nghị", 1),
      kh("IV. Kế hoạch công tác tháng 11", "vp"),
    ] };
    const f = "Bao cao thang 10 VP - ban bo sung.docx";
    const original: MailSpec = { client: "gmail", from: person("vp", 1), to: ["vanthu@cuc.example.vn"], subject: "Báo cáo tháng 10 - Văn phòng (bổ sung kế hoạch)", date: new Date("2026-10-27T14:00:00+07:00"), text: cover("vp", "báo cáo tháng 10 đã bổ sung kế hoạch tháng 11", 1), attachments: [att(f, await render("docx-lib", doc))] };
    add({ slug: "vp-m10-officer-fwd-rfc822", at, producer: "docx-lib", client: "outlook", traps: ["forward-rfc822", "resubmission", "plan-heading-next-period"], expected: [report("vp", "month", "2026-10", at, { attachments: [f], originalFrom: UNIT.vp.address })],
      why: "The corrected October report (after the Không đạt above) went to the records clerk; the officer forwards it as message/rfc822; originalFrom = vp; on time.",
      spec: mail(null, at, { client: "outlook", from: officer, subject: "Fwd: Báo cáo tháng 10 - Văn phòng (bổ sung kế hoạch)", text: "Văn thư chuyển lại báo cáo tháng 10 của Văn phòng (bản bổ sung).", forward: { as: "rfc822", original } }) });
  }
  {
    const at = "2026-11-03T10:00:00+07:00";
    const doc: Doc = { unit: "nvdp", title: ["BÁO CÁO", "Kết quả công tác tháng và nhiệm vụ trọng tâm tháng tới"], sections: [
      kq("I. Kết quả thực hiện nhiệm vụ", "nvdp", [], 3),
      kh("II. Nhiệm vụ trọng tâm tháng tới", "nvdp"),
    ] };
    const f = "Bao cao thang - NVDP.docx";
    const period = periodByCompileDeadline("month", at);
    add({ slug: "nvdp-month-noperiod-early-nov", at, producer: "docx-lib", client: "gmail", traps: ["no-period", "late"], expected: [report("nvdp", "month", period, at, { attachments: [f] })],
      why: `A monthly report naming no month anywhere, received 03/11: October's compile deadline (00:00 05/11) has not passed, so it is ${period}, late (due 28/10).`,
      spec: mail("nvdp", at, { client: "gmail", subject: "Báo cáo tháng - Phòng NVĐP", text: "Kính gửi Văn phòng,\nPhòng NVĐP gửi báo cáo tháng.\nTrân trọng.", attachments: [att(f, await render("docx-lib", doc, { headings: "bold" }))] }) });
  }
  {
    const at = "2026-11-20T10:00:00+07:00";
    const doc: Doc = { unit: "vp", title: ["BÁO CÁO CÔNG TÁC THÁNG"], sections: [
      kq("I. Kết quả công tác", "vp", [], 2),
      kh("II. Kế hoạch tháng tới", "vp"),
    ] };
    const period = periodByCompileDeadline("month", at);
    add({ slug: "vp-month-noperiod-outlook", at, producer: "outlook-html", client: "outlook", traps: ["no-period", "body-report"], expected: [report("vp", "month", period, at, { attachments: [] })],
      why: `Outlook body report naming no month; received 20/11, after October's compile deadline (05/11), so it is ${period}, on time.`,
      spec: mail("vp", at, { client: "outlook", subject: "Báo cáo tháng - Văn phòng", text: `Kính gửi Văn phòng Cục,\n\n${toText(doc)}`, html: toOutlookHtml(["Kính gửi Văn phòng Cục,", ""], doc, ["Trân trọng.", UNIT.vp.people[0]]) }) });
  }
  {
    const at = "2026-11-25T16:30:00+07:00";
    const doc: Doc = { unit: "nvdp", header: true, number: num(56, "nvdp"), dateLine: dateLine(at), title: ["BÁO CÁO", "Công tác tháng 11 và nhiệm vụ trọng tâm tháng 12"], sections: [
      kq("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 11", "nvdp", ["Lũy kế 11 tháng năm 2026, Phòng đã thẩm định 52 kế hoạch thông tin đối ngoại của các địa phương.", "Chuẩn bị nội dung phục vụ tổng kết năm 2026."], 0, 4),
      kk("II. TỒN TẠI, HẠN CHẾ", 0),
      kh("III. NHIỆM VỤ TRỌNG TÂM THÁNG 12", "nvdp"),
    ], closing: true };
    const f = "Báo cáo tháng 11 - NVĐP.docx";
    add({ slug: "nvdp-m11-title-two-months", at, producer: "word-like-docx", client: "outlook", traps: ["title-next-period", "plan-heading-next-period", "body-period"], expected: [report("nvdp", "month", "2026-11", at, { attachments: [f] })],
      why: "Title 'Công tác tháng 11 và nhiệm vụ trọng tâm tháng 12' reports November; body 'Lũy kế 11 tháng', 'tổng kết năm 2026'; plan 'NHIỆM VỤ TRỌNG TÂM THÁNG 12'.",
      spec: mail("nvdp", at, { client: "outlook", subject: "Báo cáo công tác tháng 11 và nhiệm vụ trọng tâm tháng 12 - Phòng NVĐP", text: cover("nvdp", "báo cáo tháng 11", 0), attachments: [att(f, await render("word-like-docx", doc, { auto: "roman" }))] }) });
  }
  {
    const at = "2026-11-27T23:59:00+07:00";
    const doc: Doc = { unit: "ttdn", header: true, number: num(150, "ttdn"), dateLine: dateLine(at), title: ["BÁO CÁO", "Kết quả công tác tháng 11/2026"], sections: [
      kq("I. KẾT QUẢ CÔNG TÁC THÁNG 11/2026", "ttdn", [], 0, 4),
      kn("II. KIẾN NGHỊ", 0),
      kh("KẾ HOẠCH THÁNG 12/2026", "ttdn"),
    ] };
    const f = "Bao cao thang 11 - TTDN.docx";
    add({ slug: "ttdn-m11-docxlib-2359", at, producer: "docx-lib", client: "gmail", traps: ["plan-heading-next-period", "deadline-boundary"], expected: [report("ttdn", "month", "2026-11", at, { attachments: [f] })],
      why: "Unnumbered plan heading 'KẾ HOẠCH THÁNG 12/2026' (issue 12 class 2); 23:59 on the 27th: on time.",
      spec: mail("ttdn", at, { client: "gmail", subject: "Bao cao thang 11/2026 - Phong TTDN", text: cover("ttdn", "báo cáo tháng 11", 2), attachments: [att(f, await render("docx-lib", doc))] }) });
  }
  {
    const at = "2026-11-28T00:01:00+07:00";
    const doc: Doc = { unit: "ttbc", header: true, number: num(84, "ttbc"), dateLine: dateLine("2026-11-27T00:00:00+07:00"), title: ["BÁO CÁO", "Kết quả công tác tháng 11/2026"], sections: [
      kq("I. Đánh giá công tác tháng 11/2026", "ttbc", ["Đón đoàn phóng viên Nhật Bản ngày 12/11/2026; chuẩn bị chương trình quý I/2027."], 1),
      kh("II. Kế hoạch tháng 12", "ttbc"),
    ] };
    const f = "Báo cáo tháng 11 - TTBC.pdf";
    add({ slug: "ttbc-m11-pdf-late", at, producer: "libreoffice-pdf", client: "outlook", traps: ["text-pdf", "late", "deadline-boundary", "plan-heading-next-period", "body-period"], expected: [report("ttbc", "month", "2026-11", at, { attachments: [f] })],
      why: "Text PDF one minute late (00:01 on the 28th); 'Kế hoạch tháng 12' plan; an event date and 'quý I/2027' in the body.",
      spec: mail("ttbc", at, { client: "outlook", subject: "Báo cáo tháng 11 - TTBC", text: cover("ttbc", "báo cáo tháng 11 (PDF)", 0), attachments: [att(f, await render("libreoffice-pdf", doc))] }) });
  }
  {
    const at = "2026-11-26T09:00:00+07:00";
    const doc: Doc = { unit: "vp", header: true, number: num(105, "vp"), dateLine: dateLine(at), title: ["BÁO CÁO", "Công tác tháng 11/2026"], sections: [
      kq("1. Kết quả công tác tháng 11", "vp", [], 0, 4),
      kh("2. Nhiệm vụ trọng tâm tháng 12", "vp"),
    ] };
    const f = "BC tháng 11 - VP.docx";
    add({ slug: "vp-m11-pandoc-decimal", at, producer: "pandoc", client: "apple", traps: ["plan-heading-next-period", "nfd-filename"], expected: [report("vp", "month", "2026-11", at, { attachments: [f] })],
      why: "pandoc .docx with decimal top-level '1.' / '2. Nhiệm vụ trọng tâm tháng 12' (issue 12 class 2); Apple Mail NFD file name.",
      spec: mail("vp", at, { client: "apple", subject: "Báo cáo tháng 11 - Văn phòng", text: cover("vp", "báo cáo tháng 11", 1), attachments: [att(f, await render("pandoc", doc))] }) });
  }
  {
    // ttdn November forwarded inline by the officer (Gmail "Fwd:"); body has other periods (issue 12 class 1).
    const at = "2026-11-27T10:00:00+07:00";
    const doc: Doc = { unit: "ttdn", header: true, number: num(149, "ttdn"), dateLine: dateLine("2026-11-26T16:00:00+07:00"), title: ["BÁO CÁO", "Kết quả công tác tháng 11 năm 2026"], sections: [
      kq("I. Kết quả thực hiện nhiệm vụ tháng 11", "ttdn", ["Lũy kế từ đầu năm, Cổng thông tin đã đăng tải 1.025 tin, bài.", "Chuẩn bị nội dung tuyên truyền quý IV và tổng kết năm."], 1),
      kh("II. Nhiệm vụ tháng 12", "ttdn"),
    ] };
    const f = "BC tháng 11 - Phòng TTĐN.docx";
    const original: MailSpec = { from: person("ttdn", 1), to: ["chanhvp@cuc.example.vn"], subject: "Báo cáo tháng 11 - Phòng TTĐN", date: new Date("2026-11-26T16:00:00+07:00"), text: cover("ttdn", "báo cáo tháng 11", 0), attachments: [att(f, await render("word-like-docx", doc))] };
    add({ slug: "ttdn-m11-officer-fwd-inline", at, producer: "word-like-docx", client: "gmail", traps: ["forward-inline", "body-period", "plan-heading-next-period"], expected: [report("ttdn", "month", "2026-11", at, { attachments: [f], originalFrom: UNIT.ttdn.address })],
      why: "Officer forwards inline (Gmail '---------- Forwarded message'); the forwarded subject says 'tháng 11'; body 'Lũy kế từ đầu năm', 'quý IV', 'tổng kết năm'; plan 'II. Nhiệm vụ tháng 12'.",
      spec: mail(null, at, { client: "gmail", from: officer, subject: "Fwd: Báo cáo tháng 11 - Phòng TTĐN", text: "Chuyển báo cáo tháng 11 của Phòng TTĐN.", forward: { as: "inline", original } }) });
  }
  {
    const at = "2026-11-24T14:00:00+07:00";
    const doc: Doc = { unit: "vp", header: true, number: num(104, "vp"), dateLine: dateLine(at), title: ["BÁO CÁO", "Công tác tháng 11/2026"], intro: "Văn phòng báo cáo một số nội dung như sau:", sections: [
      kk("I. Khó khăn, vướng mắc", 0),
      kn("II. Kiến nghị, đề xuất", 1),
      kh("III. KẾ HOẠCH THÁNG 12/2026", "vp"),
    ] };
    const f = "Báo cáo tháng 11 - Văn phòng.docx";
    add({ slug: "vp-m11-missing-results", at, producer: "libreoffice-docx", client: "outlook", traps: ["missing-results", "plan-heading-next-period"], expected: [report("vp", "month", "2026-11", at, { missing: ["ket_qua"], attachments: [f] })],
      why: "Only difficulties, proposals and the plan: the month's results are missing. Không đạt (ket_qua). Every heading is placed.",
      spec: mail("vp", at, { client: "outlook", subject: "Báo cáo tháng 11 - Văn phòng", text: cover("vp", "báo cáo tháng 11", 0), attachments: [att(f, await render("libreoffice-docx", doc))] }) });
  }
  {
    const at = "2026-11-27T08:00:00+07:00";
    const doc: Doc = { unit: "ttbc", title: ["BÁO CÁO", "Công tác tháng 11 và nhiệm vụ trọng tâm tháng 12"], sections: [
      kq("1. Kết quả thực hiện", "ttbc", [], 4, 3),
      kk("2. Hạn chế", 2),
      kh("3. Nhiệm vụ trọng tâm tháng 12", "ttbc"),
    ] };
    const f1 = "Bảng tổng hợp tháng 11.xlsx";
    const f2 = "Hình ảnh hoạt động.png";
    add({ slug: "ttbc-m11-gmail-xlsx-png", at, producer: "gmail-html", client: "gmail", traps: ["body-report", "annex-xlsx", "annex-image", "body-report-with-annex", "title-next-period", "plan-heading-next-period"], expected: [report("ttbc", "month", "2026-11", at, { attachments: [f1, f2] })],
      why: "Gmail HTML body report titled 'Công tác tháng 11 và nhiệm vụ trọng tâm tháng 12' with an .xlsx and a .png annex.",
      spec: mail("ttbc", at, { client: "gmail", subject: "BC tháng 11 - TTBC", text: `Kính gửi Văn phòng,\n\n${toText(doc)}`, html: toGmailHtml(["Kính gửi Văn phòng,", ""], doc, ["Trân trọng.", UNIT.ttbc.people[1]]), attachments: [att(f1, await annex.xlsx(FIGURES)), att(f2, await annex.png("Hoat dong thang 11", 3))] }) });
  }
  {
    const at = "2026-10-23T09:00:00+07:00";
    const doc: Doc = { unit: "ttdn", header: true, number: num(120, "ttdn"), dateLine: dateLine(at), title: ["BÁO CÁO", "Công tác tháng 10/2026"], sections: [
      kn("I. Kiến nghị, đề xuất", 0, ["Đề nghị Lãnh đạo Cục cho ý kiến về dự thảo Kế hoạch tuyên truyền tháng 11."]),
    ] };
    const f = "Báo cáo tháng 10 - TTĐN (dự thảo).docx";
    add({ slug: "ttdn-m10-missing-both", at, producer: "docx-lib", client: "thunderbird", traps: ["missing-results", "missing-plan", "plan-word-in-sentence"], expected: [report("ttdn", "month", "2026-10", at, { missing: ["ket_qua", "ke_hoach"], attachments: [f] })],
      why: "A titled monthly report with only proposals: both results and plan missing; 'Kế hoạch tuyên truyền tháng 11' appears only inside a sentence.",
      spec: mail("ttdn", at, { client: "thunderbird", subject: "Báo cáo tháng 10/2026 - Phòng TTĐN", text: cover("ttdn", "báo cáo tháng 10", 1), attachments: [att(f, await render("docx-lib", doc))] }) });
  }
  {
    const at = "2026-11-27T17:00:00+07:00";
    const doc: Doc = { unit: "ttbc", header: true, number: num(83, "ttbc"), dateLine: dateLine(at), title: ["BÁO CÁO", "Kết quả công tác tháng 11 năm 2026"], sections: [
      kq("I. KẾT QUẢ CÔNG TÁC", "ttbc", [], 0, 4),
      kh("II. PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG 12", "ttbc"),
    ] };
    const f = "Báo cáo tháng 11 năm 2026 - Trung tâm Báo chí.docx";
    add({ slug: "ttbc-m11-nfd-docx", at, producer: "docx-lib", client: "apple", traps: ["nfd-text", "nfd-filename", "plan-heading-next-period"], expected: [report("ttbc", "month", "2026-11", at, { attachments: [f] })],
      why: "docx library document whose whole text is NFD, sent from Apple Mail with an NFD RFC 2231 file name; 'tháng 11' in subject, file name and title.",
      spec: mail("ttbc", at, { client: "apple", subject: "Báo cáo tháng 11 năm 2026 - Trung tâm Báo chí", text: cover("ttbc", "báo cáo tháng 11 (bản cập nhật)", 3).normalize("NFD"), attachments: [att(f, await render("docx-lib", doc, { nfd: true }))] }) });
  }

  // =========================================================================================================
  // QUARTERLY REPORTS (Q3, due 00:00 on 28/9; Q2 due 28/6)
  // =========================================================================================================
  {
    const at = "2026-09-25T10:00:00+07:00";
    const doc: Doc = { unit: "nvdp", header: true, number: num(37, "nvdp"), dateLine: dateLine(at), title: ["BÁO CÁO", "Kết quả hoạt động quý III, phương hướng hoạt động quý IV năm 2026"], sections: [
      kq("I. Kết quả hoạt động quý III năm 2026", "nvdp", ["Lũy kế 9 tháng đầu năm, Phòng đã tổ chức 07 lớp tập huấn.", "Chuẩn bị tổng kết năm 2026."], 0, 4),
      kk("II. Tồn tại, hạn chế", 2),
      kh("III. KẾ HOẠCH CÔNG TÁC QUÝ IV", "nvdp"),
    ], closing: true };
    const f = "Báo cáo quý III-2026 - NVĐP.docx";
    add({ slug: "nvdp-q3-wordlike", at, producer: "word-like-docx", client: "outlook", traps: ["title-next-period", "plan-heading-next-period", "body-period"], expected: [report("nvdp", "quarter", "2026-Q3", at, { attachments: [f] })],
      why: "Title 'Kết quả hoạt động quý III, phương hướng hoạt động quý IV' (research §2 #2 form); body '9 tháng đầu năm', 'tổng kết năm'; plan 'KẾ HOẠCH CÔNG TÁC QUÝ IV'.",
      spec: mail("nvdp", at, { client: "outlook", subject: "Báo cáo quý III/2026 - Phòng NVĐP", text: cover("nvdp", "báo cáo quý III/2026", 0), attachments: [att(f, await render("word-like-docx", doc, { auto: "roman", splitRuns: true }))] }) });
  }
  {
    const at = "2026-09-27T20:00:00+07:00";
    const doc: Doc = { unit: "ttdn", title: ["BÁO CÁO CÔNG TÁC QUÝ III NĂM 2026"], sections: [
      kq("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ QUÝ III", "ttdn", ["Phối hợp tổ chức chương trình kỷ niệm Quốc khánh 2/9 tại nước ngoài."], 2),
      kk("II. KHÓ KHĂN, VƯỚNG MẮC", 1),
      kh("III. KẾ HOẠCH CÔNG TÁC QUÝ IV", "ttdn", ["Chuẩn bị báo cáo tổng kết năm 2026."]),
    ] };
    add({ slug: "ttdn-q3-outlook-body", at, producer: "outlook-html", client: "outlook", traps: ["body-report", "plan-heading-next-period", "body-period"], expected: [report("ttdn", "quarter", "2026-Q3", at, { attachments: [] })],
      why: "Issue 12 class 2: 'III. KẾ HOẠCH CÔNG TÁC QUÝ IV' in an Outlook HTML body; 'chuẩn bị báo cáo tổng kết năm 2026' in the plan.",
      spec: mail("ttdn", at, { client: "outlook", subject: "Báo cáo quý III năm 2026 - Phòng TTĐN", text: `Kính gửi Văn phòng Cục,\n\n${toText(doc)}`, html: toOutlookHtml(["Kính gửi Văn phòng Cục,", ""], doc, ["Trân trọng./.", UNIT.ttdn.people[0]]) }) });
  }
  {
    const at = "2026-09-30T09:00:00+07:00";
    const doc: Doc = { unit: "ttbc", header: true, number: num(67, "ttbc"), dateLine: dateLine("2026-09-29T00:00:00+07:00"), title: ["BÁO CÁO", "Kết quả hoạt động quý III,", "Phương hướng hoạt động quý IV năm 2026"], sections: [
      kq("I. Kết quả hoạt động quý III", "ttbc", [], 1, 4),
      kh("II. Phương hướng hoạt động quý IV/2026", "ttbc"),
    ] };
    const f = "BC quy 3 - TTBC.doc";
    add({ slug: "ttbc-q3-doc-late", at, producer: "libreoffice-doc", client: "thunderbird", traps: ["late", "title-next-period", "plan-heading-next-period"], expected: [report("ttbc", "quarter", "2026-Q3", at, { attachments: [f] })],
      why: "LibreOffice .doc, two-line title 'quý III, / Phương hướng … quý IV'; file name 'quy 3'; received 30/9: late.",
      spec: mail("ttbc", at, { client: "thunderbird", subject: "BC quý 3 - TTBC", text: cover("ttbc", "báo cáo quý III", 1), attachments: [att(f, await render("libreoffice-doc", doc))] }) });
  }
  {
    const at = "2026-09-28T08:00:00+07:00";
    const doc: Doc = { unit: "vp", header: true, number: num(86, "vp"), dateLine: dateLine("2026-09-25T00:00:00+07:00"), title: ["BÁO CÁO", "Kết quả công tác quý III năm 2026"], sections: [
      kq("I. Kết quả công tác quý III", "vp", [], 2, 4),
      kk("II. Tồn tại, hạn chế", 0),
      kh("III. Phương hướng nhiệm vụ quý IV", "vp"),
    ], closing: true };
    const f = "Báo cáo quý III - Văn phòng.pdf";
    add({ slug: "vp-q3-pdf-late", at, producer: "libreoffice-pdf", client: "outlook", traps: ["text-pdf", "late", "plan-heading-next-period"], expected: [report("vp", "quarter", "2026-Q3", at, { attachments: [f] })],
      why: "Text PDF received 08:00 on 28/9: late (due 00:00 on the 28th of the quarter's last month).",
      spec: mail("vp", at, { client: "outlook", subject: "Báo cáo quý III - Văn phòng", text: cover("vp", "báo cáo quý III", 0), attachments: [att(f, await render("libreoffice-pdf", doc, { headings: "h" }))] }) });
  }
  {
    const at = "2026-09-24T09:00:00+07:00";
    const doc: Doc = { unit: "ttdn", header: true, number: num(99, "ttdn"), dateLine: dateLine(at), title: ["BÁO CÁO", "Công tác quý III/2026"], sections: [
      kq("I. Kết quả thực hiện nhiệm vụ quý III", "ttdn", [], 0),
      { h: "II. Tồn tại, hạn chế", id: "kho_khan", items: [], subs: [{ h: "+ Tồn tại:", items: [DIFFICULTIES[0]!] }, { h: "+ Nguyên nhân:", items: ["Nhân lực còn thiếu."] }] },
      kn("III. Kiến nghị", 0, ["Phòng đề nghị Lãnh đạo Cục cho ý kiến về dự thảo Kế hoạch quý IV trước khi triển khai."]),
    ] };
    const f = "Báo cáo quý III - TTĐN (lần 1).docx";
    add({ slug: "ttdn-q3-missing-plan", at, producer: "pandoc", client: "gmail", traps: ["missing-plan", "plan-word-in-sentence"], expected: [report("ttdn", "quarter", "2026-Q3", at, { missing: ["ke_hoach"], attachments: [f] })],
      why: "No plan section; 'dự thảo Kế hoạch quý IV' appears only inside a proposal sentence. Không đạt (ke_hoach).",
      spec: mail("ttdn", at, { client: "gmail", subject: "Báo cáo quý III/2026 - Phòng TTĐN", text: cover("ttdn", "báo cáo quý III", 0), attachments: [att(f, await render("pandoc", doc))] }) });
  }
  {
    const at = "2026-06-26T10:00:00+07:00";
    const doc: Doc = { unit: "ttbc", header: true, number: num(41, "ttbc"), dateLine: dateLine(at), title: ["BÁO CÁO", "Kết quả hoạt động quý II năm 2026"], sections: [
      kq("I. KẾT QUẢ HOẠT ĐỘNG QUÝ II", "ttbc", ["Lũy kế 6 tháng đầu năm, Trung tâm hỗ trợ 96 phóng viên nước ngoài."], 0),
      kh("II. PHƯƠNG HƯỚNG HOẠT ĐỘNG QUÝ III", "ttbc"),
    ] };
    const f = "Báo cáo quý II - TTBC.docx";
    add({ slug: "ttbc-q2-docxlib-roman", at, producer: "docx-lib", client: "outlook", traps: ["plan-heading-next-period", "body-period"], expected: [report("ttbc", "quarter", "2026-Q2", at, { attachments: [f] })],
      why: "docx library with automatic upper-roman numbering (LevelFormat.UPPER_ROMAN); body '6 tháng đầu năm'; Q2 due 28/6, on time.",
      spec: mail("ttbc", at, { client: "outlook", subject: "Báo cáo quý II/2026 - TTBC", text: cover("ttbc", "báo cáo quý II", 0), attachments: [att(f, await render("docx-lib", doc, { autoRoman: true }))] }) });
  }
  {
    const at = "2026-06-25T15:00:00+07:00";
    const doc: Doc = { unit: "nvdp", title: ["BÁO CÁO QUÝ II/2026"], sections: [
      kq("1. Kết quả đạt được:", "nvdp", [], 1),
      kh("2. Kế hoạch quý III:", "nvdp"),
    ] };
    const f = "Phu luc quy II.zip";
    add({ slug: "nvdp-q2-plain-zip", at, producer: "plain", client: "plain", traps: ["body-report", "annex-zip", "body-report-with-annex", "plan-heading-next-period"], expected: [report("nvdp", "quarter", "2026-Q2", at, { attachments: [f] })],
      why: "Plain-text body report with a .zip of photos attached (annex).",
      spec: mail("nvdp", at, { client: "plain", subject: "Bao cao quy II/2026 - NVDP", text: `Kính gửi Văn phòng Cục,\n\n${toText(doc)}\n\nẢnh hoạt động trong file nén đính kèm.`, transferEncoding: "quoted-printable", attachments: [att(f, await annex.zip([["anh-01.jpg", "Tap huan", 0], ["anh-02.jpg", "Hoi nghi", 1]]), "raw-utf8")] }) });
  }

  // =========================================================================================================
  // SIX-MONTH REPORTS (H1, due 00:00 on 30/6)
  // =========================================================================================================
  {
    const at = "2026-06-26T09:00:00+07:00";
    const doc: Doc = { unit: "nvdp", header: true, number: num(30, "nvdp"), dateLine: dateLine(at), title: ["BÁO CÁO", "Sơ kết công tác 6 tháng đầu năm", "và phương hướng nhiệm vụ 6 tháng cuối năm 2026"], sections: [
      kq("PHẦN THỨ NHẤT: NHỮNG KẾT QUẢ ĐẠT ĐƯỢC TRONG 06 THÁNG ĐẦU NĂM 2026", "nvdp", ["Triển khai kết luận của hội nghị tổng kết năm 2025.", "Hoàn thành 100% nhiệm vụ quý II."], 0, 4),
      kh("PHẦN THỨ HAI: PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2026", "nvdp"),
    ], closing: true };
    const f = "Sơ kết 6 tháng đầu năm 2026 - NVĐP.docx";
    add({ slug: "nvdp-h1-wordlike", at, producer: "word-like-docx", client: "outlook", traps: ["title-next-period", "plan-heading-next-period", "body-period"], expected: [report("nvdp", "half", "2026-H1", at, { attachments: [f] })],
      why: "'PHẦN THỨ NHẤT/THỨ HAI' parts; body mentions 'tổng kết năm 2025' and 'quý II' (issue 12 class 1: 6-month report with 'tổng kết năm').",
      spec: mail("nvdp", at, { client: "outlook", subject: "Báo cáo sơ kết 6 tháng đầu năm 2026 - Phòng NVĐP", text: cover("nvdp", "báo cáo sơ kết 6 tháng đầu năm 2026", 0), attachments: [att(f, await render("word-like-docx", doc, { headingStyle: "Tiu2" }))] }) });
  }
  {
    const at = "2026-06-29T16:00:00+07:00";
    const doc: Doc = { unit: "ttdn", header: true, number: num(70, "ttdn"), dateLine: dateLine(at), title: ["BÁO CÁO", "Công tác 6 tháng đầu năm; phương hướng, nhiệm vụ 6 tháng cuối năm 2026"], sections: [
      { h: "I. ĐẶC ĐIỂM TÌNH HÌNH", id: "context", items: [], subs: [
        { h: "1. Thuận lợi", items: ["Được sự quan tâm, chỉ đạo của Lãnh đạo Cục."] },
        { h: "2. Khó khăn", items: ["Nhiều sự kiện đối ngoại diễn ra dồn dập trong quý II."] },
      ] },
      kq("II. KẾT QUẢ ĐẠT ĐƯỢC", "ttdn", [], 1, 4),
      kh("III. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM", "ttdn"),
    ] };
    const f = "Báo cáo 6 tháng đầu năm 2026 - TTĐN.docx";
    add({ slug: "ttdn-h1-dacdiem", at, producer: "docx-lib", client: "gmail", traps: ["dac-diem-tinh-hinh", "title-next-period", "plan-heading-next-period"], expected: [report("ttdn", "half", "2026-H1", at, { attachments: [f] })],
      why: "'Khó khăn' under 'I. ĐẶC ĐIỂM TÌNH HÌNH' is context; results 'II. KẾT QUẢ ĐẠT ĐƯỢC'; plan '6 tháng cuối năm'.",
      spec: mail("ttdn", at, { client: "gmail", subject: "Báo cáo 6 tháng đầu năm 2026 - Phòng TTĐN", text: cover("ttdn", "báo cáo 6 tháng đầu năm 2026", 1), attachments: [att(f, await render("docx-lib", doc))] }) });
  }
  {
    const at = "2026-06-24T10:00:00+07:00";
    const doc: Doc = { unit: "ttbc", header: true, number: num(40, "ttbc"), dateLine: dateLine(at), title: ["BÁO CÁO", "Sơ kết công tác 6 tháng đầu năm 2026"], sections: [
      { h: "I. ĐẶC ĐIỂM TÌNH HÌNH", id: "context", items: [], subs: [
        { h: "1. Thuận lợi:", items: ["Cơ sở vật chất được tăng cường."] },
        { h: "2. Khó khăn:", items: ["Kinh phí hợp tác quốc tế còn hạn chế."] },
      ] },
      kq("II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ", "ttbc", [], 2, 4),
      kk("III. TỒN TẠI, HẠN CHẾ", 1),
    ] };
    const f = "So ket 6 thang - TTBC.docx";
    add({ slug: "ttbc-h1-missing-plan-dacdiem", at, producer: "word-like-docx", client: "outlook", traps: ["missing-plan", "dac-diem-tinh-hinh"], expected: [report("ttbc", "half", "2026-H1", at, { missing: ["ke_hoach"], attachments: [f] })],
      why: "Đặc điểm tình hình (Thuận lợi/Khó khăn), results, shortcomings — but no plan for 6 tháng cuối năm. Không đạt (ke_hoach); every top heading is placed.",
      spec: mail("ttbc", at, { client: "outlook", subject: "Báo cáo sơ kết 6 tháng đầu năm 2026 - TTBC", text: cover("ttbc", "báo cáo sơ kết 6 tháng", 0), attachments: [att(f, await render("word-like-docx", doc, { auto: "roman" }))] }) });
  }
  {
    const at = "2026-07-02T10:00:00+07:00";
    const doc: Doc = { unit: "ttbc", header: true, number: num(44, "ttbc"), dateLine: dateLine(at), title: ["BÁO CÁO", "Sơ kết công tác 6 tháng đầu năm 2026 (bổ sung)"], sections: [
      kq("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ", "ttbc", [], 2, 4),
      kk("II. TỒN TẠI, HẠN CHẾ", 1),
      kh("III. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2026", "ttbc"),
    ] };
    const f = "So ket 6 thang - TTBC (bo sung).odt";
    add({ slug: "ttbc-h1-resubmission-late", at, producer: "libreoffice-odt", client: "outlook", traps: ["resubmission", "late", "plan-heading-next-period"], expected: [report("ttbc", "half", "2026-H1", at, { attachments: [f] })],
      why: "The completed version of the previous mail, received 02/7: Đạt, late on its own receipt time.",
      spec: mail("ttbc", at, { client: "outlook", subject: "RE: Báo cáo sơ kết 6 tháng đầu năm 2026 - TTBC (bổ sung phương hướng)", text: "Trung tâm gửi lại báo cáo đã bổ sung phương hướng 6 tháng cuối năm.", attachments: [att(f, await render("libreoffice-odt", doc))] }) });
  }
  {
    const at = "2026-06-25T11:00:00+07:00";
    const doc: Doc = { unit: "vp", title: ["BÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM 2026"], sections: [
      kq("I. Kết quả thực hiện nhiệm vụ 6 tháng đầu năm", "vp", ["Tổ chức Hội nghị sơ kết ngày 20/6/2026."], 0, 4),
      kk("II. Hạn chế", 1),
      kh("III. Nhiệm vụ trọng tâm 6 tháng cuối năm", "vp"),
    ] };
    const f = "Hinh anh hoat dong 6 thang.zip";
    add({ slug: "vp-h1-gmail-zip", at, producer: "gmail-html", client: "gmail", traps: ["body-report", "annex-zip", "body-report-with-annex", "plan-heading-next-period"], expected: [report("vp", "half", "2026-H1", at, { attachments: [f] })],
      why: "Gmail HTML body report with a .zip of photos; plan 'Nhiệm vụ trọng tâm 6 tháng cuối năm'.",
      spec: mail("vp", at, { client: "gmail", subject: "Báo cáo sơ kết 6 tháng đầu năm 2026 - Văn phòng", text: `Kính gửi Văn phòng Cục,\n\n${toText(doc)}`, html: toGmailHtml(["Kính gửi Văn phòng Cục,", ""], doc, ["Trân trọng."]), attachments: [att(f, await annex.zip([["hoi-nghi-so-ket.jpg", "So ket 6 thang", 2], ["doan-the.jpg", "Doan the", 3]]))] }) });
  }

  // =========================================================================================================
  // YEARLY REPORTS (due 00:00 on 20/11)
  // =========================================================================================================
  {
    const at = "2026-11-18T16:00:00+07:00";
    const doc: Doc = { unit: "nvdp", header: true, number: num(54, "nvdp"), dateLine: dateLine(at), title: ["BÁO CÁO", "Tổng kết công tác năm 2026, phương hướng nhiệm vụ năm 2027"], sections: [
      kq("Phần thứ nhất: ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN NHIỆM VỤ NĂM 2026", "nvdp", ["Lũy kế 11 tháng, Phòng đã thẩm định 52 kế hoạch thông tin đối ngoại; ước thực hiện cả năm 56 kế hoạch.", "Sơ kết 6 tháng đầu năm đã được tổ chức ngày 26/6/2026; các nhiệm vụ quý IV đang được triển khai."], 0, 5),
      kk("Phần thứ hai: TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", 0),
      kh("Phần thứ ba: PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027", "nvdp"),
    ], closing: true };
    const f = "Báo cáo tổng kết năm 2026 - NVĐP.docx";
    add({ slug: "nvdp-year-wordlike", at, producer: "word-like-docx", client: "outlook", traps: ["title-next-period", "plan-heading-next-period", "body-period"], expected: [report("nvdp", "year", "2026", at, { attachments: [f] })],
      why: "Title '… năm 2026, phương hướng nhiệm vụ năm 2027' reports 2026; body '11 tháng', 'lũy kế', 'sơ kết 6 tháng', 'quý IV', a date; plan 'PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027'.",
      spec: mail("nvdp", at, { client: "outlook", subject: "Báo cáo tổng kết năm 2026 - Phòng NVĐP", text: cover("nvdp", "báo cáo tổng kết năm 2026", 0), attachments: [att(f, await render("word-like-docx", doc, { headingStyle: "Heading1" }))] }) });
  }
  {
    const at = "2026-11-19T23:59:00+07:00";
    const doc: Doc = { unit: "ttdn", header: true, number: num(145, "ttdn"), dateLine: dateLine(at), title: ["BÁO CÁO", "Kết quả công tác năm 2026", "Phương hướng công tác năm 2027"], sections: [
      kq("I. ĐÁNH GIÁ KẾT QUẢ CÔNG TÁC NĂM 2026.", "ttdn", ["Tham gia tổ chức kỷ niệm (1/10/1945 – 1/10/2026) theo kế hoạch của Cục."], 0, 5),
      kk("II. Tồn tại, hạn chế", 2),
      kh("III. Nhiệm vụ (chương trình) công tác năm tới", "ttdn"),
    ] };
    const f = "BC nam 2026 - TTDN.docx";
    const deck = "Slide tổng kết năm 2026.pptx";
    add({ slug: "ttdn-year-docxlib-2359", at, producer: "docx-lib", client: "gmail", traps: ["annex-pptx", "title-next-period", "plan-heading-next-period", "deadline-boundary", "body-period"], expected: [report("ttdn", "year", "2026", at, { attachments: [f, deck] })],
      why: "Research §2 #3 title form; a .pptx annex; 'III. Nhiệm vụ (chương trình) công tác năm tới' (outline 1d #5); an anniversary span in the body; 23:59 on 19/11: on time.",
      spec: mail("ttdn", at, { client: "gmail", subject: "Báo cáo năm 2026 - Phòng TTĐN", text: cover("ttdn", "báo cáo năm 2026", 2), attachments: [att(f, await render("docx-lib", doc)), att(deck, await annex.pptx("Tổng kết công tác năm 2026", "Phòng Truyền thông đối ngoại"))] }) });
  }
  {
    const at = "2026-11-20T08:00:00+07:00";
    const doc: Doc = { unit: "ttbc", header: true, number: num(81, "ttbc"), dateLine: dateLine("2026-11-19T00:00:00+07:00"), title: ["BÁO CÁO", "Tổng kết công tác năm 2026; phương hướng, nhiệm vụ trọng tâm năm 2027"], sections: [
      kq("I. KẾT QUẢ ĐẠT ĐƯỢC", "ttbc", ["Lũy kế đến hết tháng 10/2026, Trung tâm đã tổ chức 21 cuộc họp báo quốc tế."], 0, 5),
      kk("II. KHÓ KHĂN, VƯỚNG MẮC", 2),
      kn("III. KIẾN NGHỊ, ĐỀ XUẤT", 0),
      kh("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM NĂM 2027", "ttbc"),
    ], closing: true };
    const f = "Báo cáo tổng kết năm 2026 - TTBC.pdf";
    add({ slug: "ttbc-year-pdf-late", at, producer: "libreoffice-pdf", client: "outlook", traps: ["text-pdf", "late", "title-next-period", "plan-heading-next-period", "body-period"], expected: [report("ttbc", "year", "2026", at, { attachments: [f] })],
      why: "Text PDF received 08:00 on 20/11: late; title research §2 #4 form; 'Lũy kế đến hết tháng 10/2026' in the body.",
      spec: mail("ttbc", at, { client: "outlook", subject: "Báo cáo tổng kết năm 2026 - Trung tâm Báo chí", text: cover("ttbc", "báo cáo tổng kết năm 2026", 0), attachments: [att(f, await render("libreoffice-pdf", doc))] }) });
  }
  {
    const at = "2026-11-17T10:00:00+07:00";
    const doc: Doc = { unit: "vp", header: true, number: num(101, "vp"), dateLine: dateLine(at), title: ["BÁO CÁO", "Tổng kết công tác năm 2026"], sections: [
      kq("I. KẾT QUẢ CÔNG TÁC NĂM 2026", "vp", [], 0, 5),
      kk("II. TỒN TẠI, HẠN CHẾ", 0),
      kn("III. KIẾN NGHỊ", 1, ["Đề nghị phê duyệt Kế hoạch công tác năm 2027."]),
    ] };
    const f = "Báo cáo năm 2026 - Văn phòng.odt";
    add({ slug: "vp-year-missing-plan-sentence", at, producer: "libreoffice-odt", client: "outlook", traps: ["missing-plan", "plan-word-in-sentence"], expected: [report("vp", "year", "2026", at, { missing: ["ke_hoach"], attachments: [f] })],
      why: "The brief's example: 'Đề nghị phê duyệt Kế hoạch công tác năm 2027.' is a sentence under Kiến nghị, not a plan section. Không đạt (ke_hoach).",
      spec: mail("vp", at, { client: "outlook", subject: "Báo cáo tổng kết năm 2026 - Văn phòng", text: cover("vp", "báo cáo tổng kết năm 2026", 0), attachments: [att(f, await render("libreoffice-odt", doc))] }) });
  }
  {
    const at = "2026-11-21T09:00:00+07:00";
    const doc: Doc = { unit: "vp", header: true, number: num(102, "vp"), dateLine: dateLine(at), title: ["BÁO CÁO", "Tổng kết công tác năm 2026, phương hướng nhiệm vụ năm 2027"], sections: [
      kq("I. KẾT QUẢ CÔNG TÁC NĂM 2026", "vp", [], 0, 5),
      kk("II. TỒN TẠI, HẠN CHẾ", 0),
      kn("III. KIẾN NGHỊ", 1),
      kh("IV. KẾ HOẠCH CÔNG TÁC NĂM 2027", "vp"),
    ] };
    const f = "Báo cáo năm 2026 - Văn phòng (bổ sung).docx";
    add({ slug: "vp-year-resubmission-late", at, producer: "pandoc", client: "outlook", traps: ["resubmission", "late", "title-next-period", "plan-heading-next-period"], expected: [report("vp", "year", "2026", at, { attachments: [f] })],
      why: "The completed year report after the previous Không đạt, received 21/11: Đạt, late.",
      spec: mail("vp", at, { client: "outlook", subject: "RE: Báo cáo tổng kết năm 2026 - Văn phòng (bổ sung kế hoạch năm 2027)", text: "Văn phòng gửi lại báo cáo năm đã bổ sung kế hoạch năm 2027.", attachments: [att(f, await render("pandoc", doc))] }) });
  }

  // =========================================================================================================
  // NON-REPORTS from units, and auto-replies
  // =========================================================================================================
  {
    const at = "2026-11-17T14:20:00+07:00";
    const inv: Doc = { unit: "vp", header: true, number: "Số: 210/GM-VP", dateLine: dateLine(at), title: ["GIẤY MỜI", "Họp giao ban công tác tháng 12/2026"], sections: [
      { h: "Văn phòng Cục trân trọng kính mời:", id: "context", items: ["Lãnh đạo các phòng, trung tâm thuộc Cục."], prose: true },
      { h: "Thời gian: 08h30 ngày 01/12/2026.", id: "context", items: ["Địa điểm: Phòng họp tầng 3, trụ sở Cục."], prose: true },
    ] };
    const f = "Giấy mời họp giao ban tháng 12.docx";
    add({ slug: "vp-giay-moi-docx", at, producer: "word-like-docx", client: "outlook", traps: ["non-report"], expected: [nonReport("vp", "unclassified", "no_report_evidence", [f])],
      why: "An invitation (document titled GIẤY MỜI) naming 'tháng 12/2026': not a report even though it names a period.",
      spec: mail("vp", at, { client: "outlook", subject: "Giấy mời họp giao ban tháng 12", text: "Kính gửi các đơn vị,\nVăn phòng gửi Giấy mời họp giao ban (file đính kèm).\nTrân trọng.", attachments: [att(f, await render("word-like-docx", inv))] }) });
  }
  {
    const at = "2026-11-20T09:15:00+07:00";
    add({ slug: "ttbc-invitation-body", at, producer: "gmail-html", client: "gmail", traps: ["non-report"], expected: [nonReport("ttbc", "unclassified", "no_report_evidence")],
      why: "An invitation in the body (event date 03/12/2026), no report phrase anywhere.",
      spec: mail("ttbc", at, { client: "gmail", subject: "Mời dự Hội thảo hợp tác truyền thông quốc tế", text: "Kính gửi Văn phòng Cục,\nTrung tâm Báo chí trân trọng kính mời đại diện Văn phòng dự Hội thảo hợp tác truyền thông quốc tế vào 14h00 ngày 03/12/2026 tại Hội trường Trung tâm.\nTrân trọng." }) });
  }
  {
    const at = "2026-11-10T10:40:00+07:00";
    add({ slug: "ttdn-question", at, producer: "plain", client: "thunderbird", traps: ["non-report"], expected: [nonReport("ttdn", "unclassified", "no_report_evidence")],
      why: "A unit's question to the office, no report evidence.",
      spec: mail("ttdn", at, { client: "thunderbird", subject: "Xin ý kiến về mẫu biểu số liệu", text: "Kính gửi Văn phòng,\nPhòng TTĐN xin hỏi: khi gửi bảng số liệu kèm theo, đơn vị dùng mẫu biểu cũ hay mẫu mới ban hành?\nXin cảm ơn." }) });
  }
  {
    const at = "2026-11-21T16:10:00+07:00";
    add({ slug: "nvdp-thanks", at, producer: "outlook-html", client: "outlook", traps: ["non-report"], expected: [nonReport("nvdp", "unclassified", "no_report_evidence")],
      why: "A thank-you mail from a unit.",
      spec: mail("nvdp", at, { client: "outlook", subject: "Cảm ơn Văn phòng", text: "Kính gửi Văn phòng Cục,\nPhòng NVĐP trân trọng cảm ơn Văn phòng đã hỗ trợ tổ chức lớp tập huấn ngày 20/11 vừa qua.\nTrân trọng." }) });
  }
  {
    const at = "2026-10-20T08:30:00+07:00";
    add({ slug: "nvdp-giay-moi-body", at, producer: "plain", client: "plain", traps: ["non-report"], expected: [nonReport("nvdp", "unclassified", "no_report_evidence")],
      why: "'GIẤY MỜI' typed in the body: a meeting invitation, no report.",
      spec: mail("nvdp", at, { client: "plain", subject: "Giấy mời họp Tổ biên tập", transferEncoding: "quoted-printable", text: "GIẤY MỜI\nPhòng Nghiệp vụ - Điều phối kính mời đại diện Văn phòng dự họp Tổ biên tập tài liệu tập huấn.\nThời gian: 14h00 ngày 22/10/2026.\nĐịa điểm: Phòng họp số 2." }) });
  }
  {
    const at = "2026-11-25T15:05:00+07:00";
    add({ slug: "ttbc-autoreply", at, producer: "outlook-html", client: "outlook", traps: ["auto-reply"], expected: [nonReport(null, "ignored", "auto_reply")],
      why: "Out-of-office reply (Auto-Submitted: auto-replied, 'Trả lời tự động:').",
      spec: mail("ttbc", at, { client: "outlook", subject: "Trả lời tự động: Nhắc gửi báo cáo tuần 48", text: "Tôi đang đi công tác nước ngoài đến hết ngày 30/11/2026, sẽ trả lời thư khi trở về.\nTrân trọng.", headers: { "Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "All", "In-Reply-To": "<reminder-2026-W48@intake.cuc.example.vn>" } }) });
  }
  {
    const at = "2026-10-26T08:01:00+07:00";
    add({ slug: "vp-autoreply-gmail", at, producer: "gmail-html", client: "gmail", traps: ["auto-reply"], expected: [nonReport(null, "ignored", "auto_reply")],
      why: "Gmail vacation responder (Auto-Submitted: auto-replied) to a reminder; the subject names a report.",
      spec: mail("vp", at, { client: "gmail", subject: "Trả lời tự động: Đề nghị gửi báo cáo tháng 10/2026", text: "Cảm ơn anh/chị đã liên hệ. Tôi đang nghỉ phép, mọi việc xin liên hệ đồng chí Ngô Đức Thắng.", headers: { "Auto-Submitted": "auto-replied", Precedence: "bulk" } }) });
  }

  return out;
}

async function main(): Promise<void> {
  mkdirSync(MAIL_DIR, { recursive: true });
  mkdirSync(FILES_DIR, { recursive: true });
  const built = await buildAll();
  // Files in order of receipt, numbered.
  built.sort((a, b) => DateTime.fromISO(a.at).toMillis() - DateTime.fromISO(b.at).toMillis());
  for (const f of readdirSync(MAIL_DIR)) if (f.endsWith(".eml")) rmSync(path.join(MAIL_DIR, f));
  const manifest: Entry[] = [];
  const ids = new Set<string>();
  built.forEach((b, i) => {
    const file = `mail/${String(i + 1).padStart(3, "0")}-${b.slug}.eml`;
    const raw = buildMail(b.spec);
    const id = /^Message-ID:\s*(<[^>]+>)/im.exec(raw.toString("latin1").split("\r\n\r\n", 1)[0]!)?.[1];
    if (!id || ids.has(id)) throw new Error(`${file}: missing or duplicate Message-ID`);
    ids.add(id);
    writeFileSync(path.join(HERE, file), raw);
    const receivedAt = DateTime.fromISO(b.at, { zone: ZONE }).toISO({ suppressMilliseconds: true })!;
    manifest.push({ file, receivedAt, producer: b.producer, client: b.client, traps: b.traps, expected: b.expected, why: b.why });
  });
  for (const f of readdirSync(FILES_DIR)) if (!used.has(f)) rmSync(path.join(FILES_DIR, f));
  writeFileSync(path.join(HERE, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
  const count = (key: (e: Entry) => string[]) => Object.entries(manifest.flatMap(key).reduce<Record<string, number>>((m, k) => ((m[k] = (m[k] ?? 0) + 1), m), {})).sort();
  console.log(`${manifest.length} mails`);
  console.log("by producer:", Object.fromEntries(count((e) => [e.producer])));
  console.log("by trap:", Object.fromEntries(count((e) => e.traps)));
}

await main();
