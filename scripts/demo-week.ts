/**
 * The mail of one QT.VP.03 week (2026-W38, 14/09–20/09/2026; units' deadline Thursday 17/09 15:00), as the units
 * would send it, written into a Maildir the way a mail server delivers (tmp/, then new/; the delivery time in the
 * file name). One unit on time, one Không đạt then corrected, one late, one missing, an out-of-office reply.
 * Used by `npm run demo` (scripts/demo.ts); the addresses are those of templates/regimes.example.yaml.
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import MailComposer from "nodemailer/lib/mail-composer";

export const OFFICE = "tonghop@cuc.example.vn";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

interface Section {
  heading: string;
  items: string[];
}

/** A unit's weekly report: the header block, "BÁO CÁO", its title naming the week, the QT.VP.03 sections. */
async function reportDocx(unitHeader: string, sections: Section[]): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({ children: [new TextRun({ text: "CỤC THÔNG TIN ĐỐI NGOẠI", bold: true })] }),
    new Paragraph({ children: [new TextRun({ text: unitHeader, bold: true })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: "BÁO CÁO", bold: true })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: "Kết quả công tác tuần 38 và kế hoạch công tác tuần 39", bold: true })] }),
  ];
  for (const s of sections) {
    children.push(new Paragraph({ text: s.heading, heading: HeadingLevel.HEADING_1 }));
    for (const item of s.items) children.push(new Paragraph({ text: item, bullet: { level: 0 } }));
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

const RESULTS: Record<string, string[]> = {
  nvdp: ["Tham mưu Lãnh đạo Cục triển khai Kế hoạch thông tin đối ngoại quý IV/2026.", "Tổng hợp ý kiến các đơn vị về dự thảo Quy chế phối hợp."],
  ttbc: ["Tổ chức 02 cuộc họp báo quốc tế; hỗ trợ 35 phóng viên nước ngoài tác nghiệp.", "Cập nhật 48 tin, bài trên cổng thông tin đối ngoại."],
  ttdn: ["Phối hợp tổ chức Chương trình quảng bá hình ảnh Việt Nam tại Hàn Quốc.", "Biên tập 12 ấn phẩm thông tin đối ngoại."],
};

function sections(unit: string, withPlan: boolean): Section[] {
  const all: Section[] = [
    { heading: "I. Kết quả thực hiện nhiệm vụ", items: RESULTS[unit] ?? [] },
    { heading: "II. Khó khăn, vướng mắc", items: ["Nhân sự mỏng, nhiều nhiệm vụ đột xuất."] },
    { heading: "III. Kiến nghị, đề xuất", items: ["Không có."] },
    { heading: "IV. Kế hoạch công tác tuần tới", items: ["Chuẩn bị nội dung giao ban tháng 9/2026.", "Hoàn thiện báo cáo quý III/2026."] },
  ];
  return withPlan ? all : all.slice(0, 3);
}

interface DemoMail {
  /** Who and what, for the summary printed at the end. */
  label: string;
  /** Local delivery time (+07:00). */
  at: string;
  raw: Buffer;
  /** Already opened by the officer (cur/ with the Seen flag): the bot must leave it so. */
  seen?: boolean;
}

async function compose(opts: {
  from: string; subject: string; text: string; at: string; id: string; headers?: Record<string, string>;
  attachments?: { filename: string; content: Buffer }[];
}): Promise<Buffer> {
  const composer = new MailComposer({
    from: opts.from, to: `Văn phòng Cục <${OFFICE}>`, subject: opts.subject, text: opts.text,
    date: new Date(opts.at), messageId: `<${opts.id}@mail.cuc.example.vn>`, headers: opts.headers ?? {},
    attachments: (opts.attachments ?? []).map((a) => ({ ...a, contentType: DOCX })), newline: "\r\n",
  });
  return composer.compile().build();
}

/** The week's mail, in delivery order. */
export async function demoWeek(): Promise<DemoMail[]> {
  const letter = (unit: string, extra = "") =>
    `Kính gửi Văn phòng Cục,\n\n${unit} gửi báo cáo kết quả công tác tuần 38 và kế hoạch công tác tuần 39${extra}.\n\nTrân trọng.\n`;
  return [
    {
      label: "Phòng Nghiệp vụ - Điều phối: báo cáo đúng hạn",
      at: "2026-09-16T10:12:40+07:00",
      seen: true,
      raw: await compose({
        from: "Phòng Nghiệp vụ - Điều phối <nvdp@cuc.example.vn>", subject: "Báo cáo tuần 38 - Phòng NVĐP", at: "2026-09-16T10:12:31+07:00",
        id: "nvdp-w38-1", text: letter("Phòng Nghiệp vụ - Điều phối"),
        attachments: [{ filename: "Báo cáo tuần 38 - NVĐP.docx", content: await reportDocx("PHÒNG NGHIỆP VỤ - ĐIỀU PHỐI", sections("nvdp", true)) }],
      }),
    },
    {
      label: "Trung tâm Báo chí: báo cáo thiếu mục kế hoạch (Không đạt)",
      at: "2026-09-17T09:30:05+07:00",
      raw: await compose({
        from: "Trung tâm Báo chí và HTTTQT <ttbc@cuc.example.vn>", subject: "TTBC gửi báo cáo tuần 38", at: "2026-09-17T09:29:58+07:00",
        id: "ttbc-w38-1", text: letter("Trung tâm Báo chí và Hợp tác truyền thông quốc tế"),
        attachments: [{ filename: "TTBC - Bao cao tuan 38.docx", content: await reportDocx("TRUNG TÂM BÁO CHÍ VÀ HỢP TÁC TRUYỀN THÔNG QUỐC TẾ", sections("ttbc", false)) }],
      }),
    },
    {
      label: "Trung tâm Báo chí: bản bổ sung (Đạt)",
      at: "2026-09-17T14:05:12+07:00",
      raw: await compose({
        from: "Trung tâm Báo chí và HTTTQT <ttbc@cuc.example.vn>", subject: "Re: TTBC gửi báo cáo tuần 38 (bổ sung kế hoạch tuần 39)", at: "2026-09-17T14:05:02+07:00",
        id: "ttbc-w38-2", text: letter("Trung tâm Báo chí và Hợp tác truyền thông quốc tế", " (bản bổ sung mục kế hoạch)"),
        attachments: [{ filename: "TTBC - Bao cao tuan 38 (bo sung).docx", content: await reportDocx("TRUNG TÂM BÁO CHÍ VÀ HỢP TÁC TRUYỀN THÔNG QUỐC TẾ", sections("ttbc", true)) }],
      }),
    },
    {
      label: "Trả lời tự động (vắng mặt) từ một cán bộ",
      at: "2026-09-17T15:20:44+07:00",
      raw: await compose({
        from: "Lê Minh Tuấn <tuan.lm@cuc.example.vn>", subject: "Trả lời tự động: Nhắc gửi báo cáo tuần 38", at: "2026-09-17T15:20:40+07:00",
        id: "ooo-tuanlm-0917", text: "Tôi đang đi công tác đến hết ngày 25/09/2026, sẽ trả lời thư khi trở về.\nTrân trọng.",
        headers: { "Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "All" },
      }),
    },
    {
      label: "Phòng Truyền thông đối ngoại: báo cáo muộn",
      at: "2026-09-18T09:20:17+07:00",
      raw: await compose({
        from: "Phòng Truyền thông đối ngoại <ttdn@cuc.example.vn>", subject: "Báo cáo tuần 38 - Phòng TTĐN (gửi muộn)", at: "2026-09-18T09:20:10+07:00",
        id: "ttdn-w38-1", text: letter("Phòng Truyền thông đối ngoại", "; xin lỗi Văn phòng vì gửi muộn"),
        attachments: [{ filename: "BC tuan 38 - TTDN.docx", content: await reportDocx("PHÒNG TRUYỀN THÔNG ĐỐI NGOẠI", sections("ttdn", true)) }],
      }),
    },
  ];
}

/** Delivers as a mail server does: written in tmp/, renamed into new/ (or cur/ with `:2,S` when already read). */
export function deliverToMaildir(maildir: string, mail: DemoMail, seq: number): string {
  for (const sub of ["new", "cur", "tmp"]) mkdirSync(path.join(maildir, sub), { recursive: true });
  const seconds = Math.floor(new Date(mail.at).getTime() / 1000);
  const unique = `${seconds}.M${100000 + seq}P${4000 + seq}.mail.cuc.example.vn,S=${mail.raw.length}`;
  const tmp = path.join(maildir, "tmp", unique);
  writeFileSync(tmp, mail.raw);
  const final = mail.seen ? path.join(maildir, "cur", `${unique}:2,S`) : path.join(maildir, "new", unique);
  renameSync(tmp, final);
  return final;
}
