/**
 * Hostile mails for the limit tests (issue 13 "Done when"): a 100 MB message, 1,000 attachments, MIME nesting
 * 1,000 deep, a forward of a forward 25 deep, and a zip-bomb .docx as an ordinary Outlook attachment.
 * Built as raw RFC 5322 text (the nesting cannot go through a MIME builder that recurses).
 */
import { buildMail, outlookMail, rfc2822, type MailSpec } from "./eml.ts";
import { docxBomb } from "./zip-bombs.ts";

const FROM = "Phòng Nghiệp vụ - Điều phối <nvdp@cuc.example.vn>";
const TO = "tonghop@cuc.example.vn";
const DATE = new Date("2026-11-18T10:12:00+07:00");

function head(subject: string, id: string): string {
  return [
    `From: =?utf-8?B?${Buffer.from("Phòng Nghiệp vụ - Điều phối").toString("base64")}?= <nvdp@cuc.example.vn>`,
    `To: ${TO}`,
    `Subject: =?utf-8?B?${Buffer.from(subject).toString("base64")}?=`,
    `Date: ${rfc2822(DATE)}`,
    `Message-ID: <${id}@cuc.example.vn>`,
    "MIME-Version: 1.0",
  ].join("\r\n");
}

/** A mail of about `mb` MB: a report text and one base64 "attachment" of random-looking bytes. */
export function hugeMail(mb: number): Buffer {
  const line = "QmFvIGNhbyB0dWFuIDQ3IC0gUGhvbmcgTmdoaWVwIHZ1IC0gRGlldSBwaG9pIC0gMjAyNiAtIGJvIHN1bmc=\r\n";
  const body = Math.ceil((mb * 1024 * 1024) / line.length) * line.length;
  const top = Buffer.from(
    `${head("Báo cáo tuần 47 - Phòng NVĐP (kèm video hội nghị)", `huge-${mb}mb`)}\r\nContent-Type: multipart/mixed; boundary="=_huge"\r\n\r\n` +
      `--=_huge\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nKính gửi Văn phòng Cục, Phòng NVĐP gửi báo cáo tuần 47 kèm video.\r\n` +
      `--=_huge\r\nContent-Type: video/mp4; name="hoi-nghi.mp4"\r\nContent-Disposition: attachment; filename="hoi-nghi.mp4"\r\nContent-Transfer-Encoding: base64\r\n\r\n`,
  );
  const end = Buffer.from("--=_huge--\r\n");
  // One allocation, filled in place: the fixture itself must not be what the memory test measures.
  const raw = Buffer.allocUnsafe(top.length + body + end.length);
  top.copy(raw, 0);
  raw.fill(line, top.length, top.length + body);
  end.copy(raw, top.length + body);
  return raw;
}

/** A mail with `count` small attachments ("Phụ lục 1.txt" …). */
export function manyAttachmentsMail(count: number): Buffer {
  const spec: MailSpec = {
    from: { name: "Phòng Nghiệp vụ - Điều phối", address: "nvdp@cuc.example.vn" },
    to: [TO],
    subject: `Báo cáo tuần 47 - Phòng NVĐP (${count} phụ lục)`,
    text: "Kính gửi Văn phòng Cục,\nPhòng NVĐP gửi báo cáo tuần 47 và các phụ lục kèm theo.",
    html: false,
    attachments: Array.from({ length: count }, (_, i) => ({ filename: `Phụ lục ${i + 1}.txt`, content: `Phụ lục ${i + 1}: số liệu tuần 47.\n` })),
  };
  return buildMail(spec);
}

/** A mail whose text sits `depth` multiparts deep. */
export function nestedMail(depth: number): Buffer {
  let body = "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nBáo cáo tuần 47 của Phòng NVĐP ở tầng trong cùng.\r\n";
  for (let i = depth; i > 1; i--) body = `Content-Type: multipart/mixed; boundary="tang-${i}"\r\n\r\n--tang-${i}\r\n${body}--tang-${i}--\r\n`;
  return Buffer.from(`${head(`Báo cáo lồng ${depth} tầng`, `nested-${depth}`)}\r\nContent-Type: multipart/mixed; boundary="tang-1"\r\n\r\n--tang-1\r\n${body}--tang-1--\r\n`);
}

/** A forward of a forward … `depth` times (message/rfc822 in message/rfc822). */
export function forwardChain(depth: number): Buffer {
  let inner = `${head("Báo cáo tuần 47 - Phòng NVĐP", "fwd-0")}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nBáo cáo tuần 47.\r\n`;
  for (let i = 1; i <= depth; i++) {
    inner =
      `${head(`Fwd: Báo cáo tuần 47 (${i})`, `fwd-${i}`)}\r\nContent-Type: multipart/mixed; boundary="fwd-${i}"\r\n\r\n` +
      `--fwd-${i}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nChuyển tiếp lần ${i}.\r\n` +
      `--fwd-${i}\r\nContent-Type: message/rfc822\r\n\r\n${inner}\r\n--fwd-${i}--\r\n`;
  }
  return Buffer.from(inner);
}

/** An Outlook mail carrying a .docx zip bomb of `mib` MiB uncompressed as the report. */
export function bombMail(mib: number, opts: { subject?: string; messageId?: string } = {}): Buffer {
  return outlookMail({
    from: { name: "Phòng Nghiệp vụ - Điều phối", address: "nvdp@cuc.example.vn" },
    to: [TO],
    subject: opts.subject ?? "Báo cáo tuần 47 - Phòng NVĐP",
    ...(opts.messageId ? { messageId: opts.messageId } : {}),
    text: "Kính gửi Văn phòng Cục,\nPhòng NVĐP gửi báo cáo tuần 47.\nTrân trọng.",
    attachments: [{ filename: "Báo cáo tuần 47 - NVĐP.docx", content: docxBomb(mib) }],
  });
}

export { FROM as HOSTILE_FROM };
