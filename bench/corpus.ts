/**
 * A varied, deterministic corpus of units' report mails for the benchmarks: four units, weekly/monthly/quarterly
 * reports of ~40 KB .docx (the `docx` package and a Word-like package; Word headings, bold, numbered, capitals),
 * Outlook/Gmail/Thunderbird/Apple Mail wrappers, names without diacritics, NFD and RFC 2231 file names,
 * windows-1258 bodies, annexes, signature logos, forwards by the officer, incomplete reports. No soffice.
 */
import { DateTime } from "luxon";
import { appleMail, gmailMail, outlookMail, thunderbirdMail, TINY_PNG, type MailSpec } from "../test/support/eml.ts";
import { qtvp03Sections, reportDocx, type HeadingStyle, type Producer, type ReportSection } from "../test/support/reports.ts";

export const ZONE = "Asia/Ho_Chi_Minh";
export const OFFICE = "tonghop@cuc.example.vn";
export const UNIT_ADDRESS = { nvdp: "nvdp@cuc.example.vn", ttdn: "ttdn@cuc.example.vn", ttbc: "ttbc@cuc.example.vn", vp: "vp@cuc.example.vn" } as const;
type Unit = keyof typeof UNIT_ADDRESS;
const UNITS: Unit[] = ["nvdp", "ttdn", "ttbc", "vp"];
const HEADER: Record<Unit, string> = {
  nvdp: "PHÒNG NGHIỆP VỤ - ĐIỀU PHỐI",
  ttdn: "PHÒNG TRUYỀN THÔNG ĐỐI NGOẠI",
  ttbc: "TRUNG TÂM BÁO CHÍ VÀ HỢP TÁC TRUYỀN THÔNG QUỐC TẾ",
  vp: "VĂN PHÒNG",
};
const SHORT: Record<Unit, [string, string]> = {
  nvdp: ["Phòng NVĐP", "NVDP"],
  ttdn: ["Phòng TTĐN", "TTDN"],
  ttbc: ["Trung tâm BC&HTTTQT", "TTBC"],
  vp: ["Văn phòng", "VP"],
};

type Kind = "week" | "month" | "quarter";
const KIND_TEXT: Record<Kind, { title: string; next: string; subject: string; ascii: string }> = {
  week: { title: "Kết quả công tác tuần 47 và kế hoạch công tác tuần 48", next: "tuần tới", subject: "tuần 47", ascii: "tuan 47" },
  month: { title: "Công tác tháng 11/2026 và nhiệm vụ trọng tâm tháng 12/2026", next: "tháng tới", subject: "tháng 11", ascii: "T11" },
  quarter: { title: "Kết quả công tác quý IV năm 2026", next: "quý tới", subject: "quý IV/2026", ascii: "Q4" },
};

/** mulberry32: seeded, so the corpus is the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VERBS = ["Tham mưu", "Phối hợp", "Tổ chức", "Theo dõi", "Xây dựng", "Hoàn thiện", "Triển khai", "Tổng hợp", "Rà soát", "Biên tập", "Đăng tải", "Hướng dẫn"];
const OBJECTS = [
  "kế hoạch thông tin đối ngoại năm 2027", "hội nghị giao ban báo chí quý IV", "tin, bài về hoạt động đối ngoại của Lãnh đạo Đảng, Nhà nước",
  "chương trình phối hợp với các bộ, ngành, địa phương", "tài liệu tuyên truyền về biển, đảo Việt Nam", "đoàn phóng viên nước ngoài tác nghiệp tại Việt Nam",
  "số liệu về tình hình thông tin đối ngoại của các địa phương", "dự thảo báo cáo tổng kết công tác năm", "nội dung trả lời phỏng vấn báo chí quốc tế",
  "hồ sơ cấp phép hoạt động cho văn phòng thường trú báo chí nước ngoài", "bộ ảnh giới thiệu đất nước, con người Việt Nam", "cổng thông tin điện tử của Cục",
];
const TAILS = ["theo chỉ đạo của Lãnh đạo Cục", "đúng tiến độ đề ra", "tại Hà Nội", "trong tuần từ 16/11 đến 20/11/2026", "với 45 tin, bài và 12 phóng sự ảnh", "phối hợp với Văn phòng Cục", "ngày 18/11/2026", "bảo đảm chất lượng, hiệu quả"];

function items(rng: () => number, n: number): string[] {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rng() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => `${pick(VERBS)} ${pick(OBJECTS)} ${pick(TAILS)}; kết quả: ${Math.floor(rng() * 900) + 10} lượt, đạt ${Math.floor(rng() * 60) + 40}% (${i + 1}).`);
}

interface DocSpec {
  unit: Unit;
  kind: Kind;
  producer: Producer;
  style: HeadingStyle;
  omit: string[];
}

/** A unit's report of about `targetKb` KB: the QT.VP.03 sections padded with realistic items and a table. */
async function buildDoc(spec: DocSpec, seed: number, targetKb: number): Promise<Buffer> {
  const make = (n: number): Promise<Buffer> => {
    const rng = prng(seed);
    const sections: ReportSection[] = qtvp03Sections({ next: KIND_TEXT[spec.kind].next, omit: spec.omit }).map((s, i) => ({
      heading: s.heading,
      items: [...s.items, ...items(rng, i === 0 ? n : Math.ceil(n / 4))],
      table: i === 0 ? [["Nội dung", "Số lượng", "Ghi chú"], ...Array.from({ length: 12 }, (_, r) => [`Hoạt động ${r + 1}`, String(Math.floor(rng() * 500)), "Đã hoàn thành"])] : undefined,
    }));
    return reportDocx({ header: ["CỤC THÔNG TIN ĐỐI NGOẠI", HEADER[spec.unit]], title: KIND_TEXT[spec.kind].title, sections, producer: spec.producer, style: spec.style });
  };
  // Two probes give the package's fixed size and the compressed size per item; then the count for the target.
  const [small, large] = [await make(40), await make(240)];
  const perItem = Math.max(1, (large.length - small.length) / 200);
  const n = Math.max(10, Math.round(40 + (targetKb * 1024 - small.length) / perItem));
  return make(n);
}

export interface CorpusMail {
  raw: Buffer;
  receivedAt: Date;
  /** What the pipeline should find, for a sanity check of the bench itself. */
  expect: { unit: Unit; kind: Kind; complete: boolean };
}

/** One complete weekly report of the given unit, ~`targetKb` KB (for the large-attachment bench). */
export function reportOfSize(unit: Unit, targetKb: number): Promise<Buffer> {
  return buildDoc({ unit, kind: "week", producer: "docx", style: "heading", omit: [] }, 7, targetKb);
}

const CLIENTS = [outlookMail, gmailMail, thunderbirdMail, appleMail];
const STYLES: HeadingStyle[] = ["heading", "bold", "numbered", "caps"];
const KINDS: Kind[] = ["week", "week", "month", "quarter"];

/** The distinct documents of the corpus (32), ~`targetKb` KB each. */
export async function buildDocuments(targetKb = 40): Promise<{ spec: DocSpec; bytes: Buffer }[]> {
  const out: { spec: DocSpec; bytes: Buffer }[] = [];
  for (let j = 0; j < 32; j++) {
    const spec: DocSpec = {
      unit: UNITS[j % 4]!,
      kind: KINDS[(j >> 2) % 4]!,
      producer: j % 2 === 0 ? "docx" : "word",
      style: STYLES[(j >> 1) % 4]!,
      omit: j % 8 === 5 ? ["ke_hoach"] : j % 8 === 3 ? ["kien_nghi"] : [],
    };
    out.push({ spec, bytes: await buildDoc(spec, 1000 + j, targetKb) });
  }
  return out;
}

/** `count` report mails over the documents, received during week 47 of 2026 (18–20/11, office hours). */
export function buildMails(docs: { spec: DocSpec; bytes: Buffer }[], count: number): CorpusMail[] {
  const mails: CorpusMail[] = [];
  for (let i = 0; i < count; i++) {
    const { spec, bytes } = docs[i % docs.length]!;
    const [short, ascii] = SHORT[spec.unit];
    const k = KIND_TEXT[spec.kind];
    const variant = Math.floor(i / docs.length) % 4;
    const subject = [`Báo cáo ${k.subject} - ${short}`, `Bao cao ${k.ascii} - ${ascii}`, `BC ${k.ascii} ${ascii}`, `V/v gửi báo cáo ${k.subject} của ${short}`][variant]!;
    const filename = variant === 1 ? `BC_${k.ascii.replace(" ", "")}_${ascii}.docx` : `Báo cáo ${k.subject.replace("/", "-")} - ${ascii}.docx`;
    const receivedAt = DateTime.fromISO("2026-11-18T08:00", { zone: ZONE }).plus({ minutes: 7 * i }).toJSDate();
    const nameStyle = i % 9 === 4 ? "nfd" : i % 9 === 7 ? "rfc2231-continuation" : undefined;
    const attachments: MailSpec["attachments"] = [{ filename, content: bytes, ...(nameStyle ? { nameStyle } : {}) }];
    if (i % 10 === 6) attachments.push({ filename: `Phụ lục số liệu ${ascii}.docx`, content: docs[(i + 1) % docs.length]!.bytes.subarray(0) });
    const spec1: MailSpec = {
      from: { name: `${short} - Cục TTĐN`, address: UNIT_ADDRESS[spec.unit] },
      to: [OFFICE],
      subject,
      date: receivedAt,
      text: `Kính gửi: Văn phòng Cục,\n${short} xin gửi báo cáo ${k.subject} (tệp đính kèm).\nTrân trọng./.\n--\n${HEADER[spec.unit]}\nĐT: 024 3825 1234`,
      attachments,
      ...(i % 10 === 2 ? { charset: "windows-1258" as const } : {}),
      ...(i % 7 === 3 ? { inlineImages: [{ content: TINY_PNG, name: "logo.png" }] } : {}),
    };
    const client = CLIENTS[i % CLIENTS.length]!;
    const raw =
      i % 25 === 12
        ? outlookMail({ from: { name: "Chuyên viên tổng hợp", address: OFFICE }, to: [OFFICE], subject: `Fwd: ${subject}`, date: receivedAt, text: "Chuyển tiếp báo cáo của đơn vị.", forward: { as: "rfc822", original: spec1 } })
        : client(spec1);
    mails.push({ raw, receivedAt, expect: { unit: spec.unit, kind: spec.kind, complete: !spec.omit.includes("ke_hoach") } });
  }
  return mails;
}
