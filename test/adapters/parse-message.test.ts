import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { INLINE_IMAGE_MAX_BYTES } from "../../src/adapters/mail-attachments.ts";
import { parseMailDate } from "../../src/adapters/mail-date.ts";
import { findInlineForward, hasForwardPrefix } from "../../src/adapters/mail-forwarded.ts";
import { parseMessage } from "../../src/adapters/parse-message.ts";
import {
  appleMail,
  autoReplyMail,
  bounceMail,
  brokenMail,
  buildMail,
  gmailMail,
  outlookMail,
  thunderbirdMail,
  TINY_PNG,
  type Charset,
  type Client,
  type MailSpec,
  type NameStyle,
  type TransferEncoding,
} from "../support/eml.ts";

const RECEIVED = new Date("2026-11-18T10:12:05+07:00");
const sha = (b: Buffer): string => createHash("sha256").update(b).digest("hex");
const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/eml/${name}`, import.meta.url));
const parse = (raw: Buffer) => parseMessage(raw, RECEIVED);

const NVDP = { name: "Nguyễn Văn An", address: "NVDP@cuc.example.vn" };
const VP = { name: "Văn phòng Cục", address: "vp@cuc.example.vn" };
const base: MailSpec = {
  from: NVDP,
  to: [VP],
  subject: "Báo cáo tuần 47 - Phòng Nghiệp vụ - Điều phối",
  text: "Kính gửi Văn phòng Cục,\nPhòng Nghiệp vụ - Điều phối gửi báo cáo công tác tuần 47.\nTrân trọng./.",
};
const DOCX = Buffer.from("PK\u0003\u0004 báo cáo giả lập", "utf8");
const presets: Record<Exclude<Client, "plain">, (s: Omit<MailSpec, "client">) => Buffer> = {
  outlook: outlookMail,
  gmail: gmailMail,
  thunderbird: thunderbirdMail,
  apple: appleMail,
};
const clients = Object.keys(presets) as Exclude<Client, "plain">[];

describe("parseMessage: subjects", () => {
  const subjects = [
    "Báo cáo tuần 47 - Phòng Nghiệp vụ - Điều phối",
    "BC tháng 11/2026 và nhiệm vụ trọng tâm tháng 12 - Trung tâm Báo chí và Hợp tác truyền thông quốc tế",
    "Sơ kết 6 tháng đầu năm 2026 - Phòng Truyền thông đối ngoại (bản sửa đổi, bổ sung lần 2)",
    "Báo cáo năm 2026 – Văn phòng: kết quả, tồn tại, hạn chế; phương hướng năm 2027",
    "Fwd: Báo cáo quý IV/2026",
    "FW: BC tuần 48 - TTĐN",
    "TL: Báo cáo tuần 47",
    "Chuyển tiếp: Báo cáo tháng 11",
    "Bao cao tuan 47 khong dau",
  ];
  const forms: { label: string; spec: Partial<MailSpec> }[] = [
    { label: "utf-8 B", spec: { subjectEncoding: "B" } },
    { label: "utf-8 Q", spec: { subjectEncoding: "Q" } },
    { label: "windows-1258 Q", spec: { subjectEncoding: "Q", subjectCharset: "windows-1258" } },
    { label: "windows-1258 B", spec: { subjectEncoding: "B", subjectCharset: "windows-1258" } },
    { label: "raw 8-bit UTF-8", spec: { subjectEncoding: "raw" } },
  ];
  for (const form of forms) {
    it.each(subjects)(`decodes a ${form.label} subject to NFC: %s`, async (subject) => {
      const facts = await parse(outlookMail({ ...base, ...form.spec, subject }));
      expect(facts.subject).toBe(subject);
      expect(facts.subject).toBe(facts.subject.normalize("NFC"));
      expect(facts.problems).toEqual([]);
    });
  }

  it.each([
    ["mixed charsets in one subject", "=?utf-8?B?QsOhbyBjw6Fv?= =?windows-1258?Q?_tu=E2=CCn_47?= =?iso-8859-1?Q?_-_caf=E9?=", "Báo cáo tuần 47 - café"],
    ["a UTF-8 sequence split across two words", "=?utf-8?B?QsOhbyBjw6FvIHR14bq=?= =?utf-8?B?p24gNDc=?=", "Báo cáo tuần 47"],
    ["an NFD subject", `=?utf-8?B?${Buffer.from("Báo cáo tuần 47".normalize("NFD")).toString("base64")}?=`, "Báo cáo tuần 47"],
    ["lower-case q and charset", "=?UTF-8?q?K=E1=BA=BF_ho=E1=BA=A1ch_th=C3=A1ng_12?=", "Kế hoạch tháng 12"],
    ["an unknown charset label over windows-1258 bytes", "=?x-vn-unknown?Q?Ba=ECo_ca=ECo?=", "Báo cáo"],
  ])("decodes %s", async (_label, header, expected) => {
    const raw = Buffer.from(`From: nvdp@cuc.example.vn\r\nTo: vp@cuc.example.vn\r\nSubject: ${header}\r\nMessage-ID: <a@b>\r\n\r\nx\r\n`);
    const facts = await parse(raw);
    expect(facts.subject).toBe(expected);
  });

  it("reports a subject in an unknown charset it could only guess", async () => {
    const raw = Buffer.from("From: a@b.vn\r\nSubject: =?x-vn-unknown?Q?Ba=ECo_ca=ECo?=\r\n\r\nx\r\n");
    expect((await parse(raw)).problems.some((p) => p.startsWith("undecodable_header: subject"))).toBe(true);
  });
});

describe("parseMessage: bodies in every charset and transfer encoding", () => {
  const vietnamese = "Kính gửi Văn phòng Cục,\nI. Kết quả thực hiện nhiệm vụ: hoàn thành 12 tin bài, 3 phóng sự.\nII. Khó khăn, vướng mắc: không có.\nIV. Kế hoạch tuần tới: tổ chức tập huấn nghiệp vụ.";
  const cases: [Charset, TransferEncoding][] = [
    ["utf-8", "quoted-printable"],
    ["utf-8", "base64"],
    ["utf-8", "8bit"],
    ["windows-1258", "quoted-printable"],
    ["windows-1258", "base64"],
    ["windows-1258", "8bit"],
  ];
  for (const client of clients) {
    it.each(cases)(`${client}: %s / %s body decodes to NFC Vietnamese`, async (charset, transferEncoding) => {
      const facts = await parse(presets[client]({ ...base, text: vietnamese, charset, transferEncoding, html: false }));
      expect(facts.text.trim()).toBe(vietnamese);
      expect(facts.text).toBe(facts.text.normalize("NFC"));
      expect(facts.problems).toEqual([]);
    });
  }

  it("decodes an ISO-8859-1 body", async () => {
    const text = "Réunion à Paris: café crème, déjà vu.";
    const facts = await parse(buildMail({ ...base, text, charset: "iso-8859-1", subjectCharset: "utf-8" }));
    expect(facts.text.trim()).toBe(text);
  });

  it("derives the text from HTML when there is no text/plain part", async () => {
    const html = "<html><body><h2>I. KẾT QUẢ THỰC HIỆN</h2><p>Hoàn thành <b>12</b> tin bài.</p><table><tr><td>Kế hoạch tuần tới</td></tr></table></body></html>";
    const raw = Buffer.concat([
      Buffer.from("From: nvdp@cuc.example.vn\r\nSubject: =?utf-8?B?QsOhbyBjw6Fv?=\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"),
      Buffer.from(html, "utf8"),
    ]);
    const facts = await parse(raw);
    expect(facts.text).toContain("Hoàn thành 12 tin bài.");
    expect(facts.text).toContain("Kế hoạch tuần tới");
    expect(facts.text).not.toContain("<");
  });

  it("turns an NFD body into NFC", async () => {
    const facts = await parse(buildMail({ ...base, text: "Kết quả thực hiện nhiệm vụ".normalize("NFD") }));
    expect(facts.text.trim()).toBe("Kết quả thực hiện nhiệm vụ");
  });

  it.each([
    ["an unknown charset label", "unknown-charset" as const, "unknown_charset"],
    ["windows-1258 bytes labelled UTF-8", "mislabelled-charset" as const, "undecodable_text"],
  ])("decodes %s by guess and reports it", async (_label, defect, problem) => {
    const facts = await parse(brokenMail({ ...base, client: "outlook", text: vietnamese }, defect));
    expect(facts.text.trim()).toBe(vietnamese);
    expect(facts.problems.some((p) => p.startsWith(problem))).toBe(true);
  });
});

describe("parseMessage: attachment names", () => {
  const names = [
    "Báo cáo tuần 47 - NVĐP.docx",
    "BC tháng 11 - Trung tâm Báo chí và Hợp tác truyền thông quốc tế (bản chính thức, đã rà soát).docx",
    "Phụ lục 02 - Kết quả thực hiện.pdf",
    "Kế hoạch TTĐN năm 2027.xlsx",
    "bao-cao-tuan-47.doc",
  ];
  const styles: NameStyle[] = ["rfc2231", "rfc2231-continuation", "outlook-rfc2047", "raw-utf8", "nfd", "content-type-only"];
  for (const nameStyle of styles) {
    it.each(names)(`${nameStyle}: %s`, async (filename) => {
      const facts = await parse(outlookMail({ ...base, attachments: [{ filename, content: DOCX, nameStyle }] }));
      expect(facts.attachments.map((a) => a.filename)).toEqual([filename]);
      expect(facts.attachments[0]!.filename).toBe(facts.attachments[0]!.filename.normalize("NFC"));
    });
  }

  it("keeps content, size and sha256 and the declared content type", async () => {
    const facts = await parse(gmailMail({ ...base, attachments: [{ filename: "Báo cáo.docx", content: DOCX }, { filename: "Phụ lục.pdf", content: Buffer.from("%PDF-1.4 x") }] }));
    expect(facts.attachments.map((a) => [a.contentType, a.size, a.sha256, a.fromForwarded])).toEqual([
      ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", DOCX.length, sha(DOCX), false],
      ["application/pdf", 10, sha(Buffer.from("%PDF-1.4 x")), false],
    ]);
    expect(facts.attachments[0]!.content.equals(DOCX)).toBe(true);
  });

  it("keeps a 0-byte attachment with size 0", async () => {
    const facts = await parse(outlookMail({ ...base, attachments: [{ filename: "Báo cáo tuần 47.docx", content: Buffer.alloc(0) }] }));
    expect(facts.attachments).toHaveLength(1);
    expect(facts.attachments[0]).toMatchObject({ filename: "Báo cáo tuần 47.docx", size: 0, sha256: sha(Buffer.alloc(0)) });
  });

  it.each([
    ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "tep-dinh-kem-1.docx"],
    ["application/pdf", "tep-dinh-kem-1.pdf"],
    ["application/msword", "tep-dinh-kem-1.doc"],
    ["application/x-unknown", "tep-dinh-kem-1.bin"],
  ])("names a nameless %s attachment %s", async (contentType, expected) => {
    const facts = await parse(thunderbirdMail({ ...base, attachments: [{ content: DOCX, contentType, nameStyle: "none" }] }));
    expect(facts.attachments.map((a) => a.filename)).toEqual([expected]);
  });

  it("drops a directory part of a file name", async () => {
    const facts = await parse(outlookMail({ ...base, attachments: [{ filename: "/home/nvdp/Tài liệu/Báo cáo.doc", content: DOCX, nameStyle: "raw-utf8" }] }));
    expect(facts.attachments[0]!.filename).toBe("Báo cáo.doc");
  });
});

describe("parseMessage: inline images", () => {
  it.each(clients)("%s: a signature logo (inline, Content-ID) is not a report attachment", async (client) => {
    const facts = await parse(presets[client]({ ...base, inlineImages: [{ content: TINY_PNG }], attachments: [{ filename: "Báo cáo.docx", content: DOCX }] }));
    expect(facts.attachments.map((a) => a.filename)).toEqual(["Báo cáo.docx"]);
  });

  it("keeps an inline image larger than the limit (a pasted scan)", async () => {
    const big = Buffer.alloc(INLINE_IMAGE_MAX_BYTES + 1, 7);
    const facts = await parse(outlookMail({ ...base, inlineImages: [{ content: big, name: "scan.png" }] }));
    expect(facts.attachments.map((a) => [a.filename, a.size])).toEqual([["scan.png", big.length]]);
  });

  it("keeps a small image sent as an attachment", async () => {
    const facts = await parse(gmailMail({ ...base, attachments: [{ filename: "Ảnh chụp báo cáo.png", content: TINY_PNG }] }));
    expect(facts.attachments.map((a) => a.filename)).toEqual(["Ảnh chụp báo cáo.png"]);
  });
});

describe("parseMessage: forwarded mail", () => {
  const original: MailSpec = {
    from: { name: "Lê Minh Châu", address: "TTDN@cuc.example.vn" },
    to: [VP],
    subject: "Báo cáo tuần 47 - Phòng Truyền thông đối ngoại",
    date: new Date("2026-11-19T14:30:00+07:00"),
    text: "Kính gửi Văn phòng,\nPhòng TTĐN gửi báo cáo tuần 47 như tệp đính kèm.",
    attachments: [{ filename: "Báo cáo tuần 47 - TTĐN.docx", content: DOCX }],
  };
  const officer = { from: VP, to: [VP], text: "Chuyển Văn phòng tổng hợp." };
  const expected = {
    from: "ttdn@cuc.example.vn",
    fromName: "Lê Minh Châu",
    subject: "Báo cáo tuần 47 - Phòng Truyền thông đối ngoại",
    date: new Date("2026-11-19T14:30:00+07:00"),
  };

  it.each(clients)("%s: message/rfc822 is parsed; its files come with fromForwarded", async (client) => {
    const facts = await parse(presets[client]({ ...officer, subject: "FW: Báo cáo tuần 47", forward: { as: "rfc822", original }, attachments: [{ filename: "Ghi chú.txt", content: "ghi chú" }] }));
    expect(facts.forwarded).toMatchObject(expected);
    expect(facts.forwarded!.text).toContain("Phòng TTĐN gửi báo cáo tuần 47");
    expect(facts.attachments.map((a) => [a.filename, a.fromForwarded])).toEqual([
      ["Ghi chú.txt", false],
      ["Báo cáo tuần 47 - TTĐN.docx", true],
    ]);
    expect(facts.text).not.toContain("Phòng TTĐN gửi");
  });

  const inline = clients.flatMap((c) => (["en", "vi"] as const).map((locale) => [c, locale] as const));
  it.each(inline)("%s (%s): an inline forward block gives the original's from, subject, date and text", async (client, locale) => {
    const facts = await parse(presets[client]({ ...officer, subject: "Fwd: Báo cáo tuần 47", locale, forward: { as: "inline", original } }));
    expect(facts.forwarded).toMatchObject(expected);
    expect(facts.forwarded!.text).toBe("Kính gửi Văn phòng,\nPhòng TTĐN gửi báo cáo tuần 47 như tệp đính kèm.");
    expect(facts.attachments.map((a) => [a.filename, a.fromForwarded])).toEqual([["Báo cáo tuần 47 - TTĐN.docx", false]]);
    expect(facts.subject).toBe("Fwd: Báo cáo tuần 47");
  });

  it("opens a forward of a forward and keeps the first level as `forwarded`", async () => {
    const middle: MailSpec = { ...officer, subject: "FW: Báo cáo tuần 47", forward: { as: "rfc822", original } };
    const facts = await parse(outlookMail({ ...officer, subject: "FW: FW: Báo cáo tuần 47", forward: { as: "rfc822", original: middle } }));
    expect(facts.forwarded?.subject).toBe("FW: Báo cáo tuần 47");
    expect(facts.attachments.map((a) => [a.filename, a.fromForwarded])).toEqual([["Báo cáo tuần 47 - TTĐN.docx", true]]);
  });

  it("does not take an Outlook reply's quoted header block for a forward", async () => {
    const text = "Đã nhận, cảm ơn.\n\n-----Original Message-----\nFrom: Văn phòng Cục <vp@cuc.example.vn>\nSent: Wednesday, November 18, 2026 10:15 AM\nTo: nvdp@cuc.example.vn\nSubject: Kết quả kiểm tra báo cáo tuần 47\n\nĐạt.";
    const facts = await parse(outlookMail({ ...base, subject: "RE: Kết quả kiểm tra báo cáo tuần 47", text }));
    expect(facts.forwarded).toBeNull();
  });

  it("finds an Outlook block when the subject says it is forwarded", async () => {
    const text = "\n\nTừ: Lê Minh Châu\nĐã gửi: Thứ Năm, 19 tháng 11, 2026 2:30 CH\nĐến: Văn phòng Cục\nChủ đề: Báo cáo tuần 47\n\nNội dung.";
    const facts = await parse(outlookMail({ ...officer, subject: "CT: Báo cáo tuần 47", text }));
    expect(facts.forwarded).toMatchObject({ from: null, fromName: "Lê Minh Châu", subject: "Báo cáo tuần 47", date: expected.date, text: "Nội dung." });
  });

  it("reads a Gmail HTML-only forward (link text and href both in the text)", async () => {
    const html = `<div dir="ltr">Chuyển.<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">---------- Forwarded message ---------<br>From: <strong class="gmail_sendername" dir="auto">Lê Minh Châu</strong> <span dir="auto">&lt;<a href="mailto:ttdn@cuc.example.vn">ttdn@cuc.example.vn</a>&gt;</span><br>Date: Thu, Nov 19, 2026 at 2:30 PM<br>Subject: Báo cáo tuần 47<br>To: &lt;<a href="mailto:vp@cuc.example.vn">vp@cuc.example.vn</a>&gt;<br></div><br><br><div dir="ltr">Kết quả thực hiện nhiệm vụ.</div></div></div>`;
    const raw = Buffer.concat([Buffer.from("From: vp@cuc.example.vn\r\nSubject: Fwd: BC\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"), Buffer.from(html)]);
    const facts = await parse(raw);
    expect(facts.forwarded).toMatchObject({ from: "ttdn@cuc.example.vn", fromName: "Lê Minh Châu", subject: "Báo cáo tuần 47", date: expected.date });
    expect(facts.forwarded!.text).toContain("Kết quả thực hiện nhiệm vụ.");
  });

  it.each([
    ["Fwd: Báo cáo", true],
    ["FW: BC tuần 47", true],
    ["Fw: BC", true],
    ["TL: Báo cáo", true],
    ["Chuyển tiếp: Báo cáo", true],
    ["chuyen tiep: bao cao", true],
    ["RE: FW: Báo cáo", true],
    ["RE: Báo cáo tuần 47", false],
    ["Báo cáo tuần 47 (Fwd)", false],
    ["Trả lời: Báo cáo", false],
  ])("hasForwardPrefix(%s) = %s", (subject, expected) => {
    expect(hasForwardPrefix(subject)).toBe(expected);
  });

  it("returns null for a body without any forward block", () => {
    expect(findInlineForward("Kính gửi Văn phòng,\nFrom now on we report weekly.\nTrân trọng.", "Fwd: x", "Asia/Ho_Chi_Minh")).toBeNull();
  });
});

describe("parseMessage: headers, ids and addresses", () => {
  it("keeps every header unfolded under its lower-case name, repeated ones in order", async () => {
    const raw = outlookMail({
      ...base,
      headers: {
        "Auto-Submitted": "auto-replied",
        Precedence: "bulk",
        "List-Id": "Thong bao noi bo <thongbao.cuc.example.vn>",
        "X-Intake-Bot": "bao-cao-intake",
        "Return-Path": "<nvdp@cuc.example.vn>",
        "X-Long": "mot gia tri\r\n\trat dai duoc gap dong",
      },
    });
    const withReceived = Buffer.concat([Buffer.from("Received: from a by b; Wed, 18 Nov 2026 10:12:04 +0700\r\nReceived: from c\r\n by d; Wed, 18 Nov 2026 10:12:03 +0700\r\n"), raw]);
    const facts = await parse(withReceived);
    expect(facts.headers["auto-submitted"]).toEqual(["auto-replied"]);
    expect(facts.headers["precedence"]).toEqual(["bulk"]);
    expect(facts.headers["list-id"]).toEqual(["Thong bao noi bo <thongbao.cuc.example.vn>"]);
    expect(facts.headers["x-intake-bot"]).toEqual(["bao-cao-intake"]);
    expect(facts.headers["return-path"]).toEqual(["<nvdp@cuc.example.vn>"]);
    expect(facts.headers["x-long"]).toEqual(["mot gia tri\trat dai duoc gap dong"]);
    expect(facts.headers["received"]).toEqual(["from a by b; Wed, 18 Nov 2026 10:12:04 +0700", "from c by d; Wed, 18 Nov 2026 10:12:03 +0700"]);
    expect(facts.headers["subject"]![0]).toMatch(/^=\?utf-8\?B\?/);
  });

  it("lower-cases bare addresses, flattens groups, decodes the sender's name", async () => {
    const raw = Buffer.from(
      'From: =?utf-8?B?Tmd1eeG7hW4gVsSDbiBBbg==?= <NVDP@Cuc.Example.VN>\r\nTo: "Văn phòng" <VP@cuc.example.vn>, Lanh dao: A <LD1@cuc.example.vn>, ld2@cuc.example.vn;\r\nCc: undisclosed-recipients:;\r\nReply-To: Truong phong <TP.NVDP@cuc.example.vn>\r\nSubject: x\r\n\r\nx\r\n',
      "utf8",
    );
    const facts = await parse(raw);
    expect(facts.from).toBe("nvdp@cuc.example.vn");
    expect(facts.fromName).toBe("Nguyễn Văn An");
    expect(facts.to).toEqual(["vp@cuc.example.vn", "ld1@cuc.example.vn", "ld2@cuc.example.vn"]);
    expect(facts.cc).toEqual([]);
    expect(facts.replyTo).toEqual(["tp.nvdp@cuc.example.vn"]);
  });

  it("generates a stable <sha256@missing> Message-ID when there is none", async () => {
    const raw = outlookMail({ ...base, messageId: null });
    const a = await parse(raw);
    const b = await parse(Buffer.from(raw));
    expect(a.messageId).toBe(`<${sha(raw)}@missing>`);
    expect(b.messageId).toBe(a.messageId);
  });

  it("keeps angle brackets, adding them when the header has none", async () => {
    expect((await parse(gmailMail({ ...base, messageId: "<CAabc@mail.gmail.com>" }))).messageId).toBe("<CAabc@mail.gmail.com>");
    const bare = Buffer.from("From: a@b.vn\r\nMessage-ID: 1795.abc@cuc.example.vn\r\n\r\nx");
    expect((await parse(bare)).messageId).toBe("<1795.abc@cuc.example.vn>");
  });

  it("reads In-Reply-To, References, Date, the receipt time and the top content type", async () => {
    const facts = await parse(
      thunderbirdMail({ ...base, inReplyTo: "<intake.1@cuc.example.vn>", references: ["<a.1@cuc.example.vn>", "<intake.1@cuc.example.vn>"], date: new Date("2026-11-18T09:00:00+07:00") }),
    );
    expect(facts.inReplyTo).toBe("<intake.1@cuc.example.vn>");
    expect(facts.references).toEqual(["<a.1@cuc.example.vn>", "<intake.1@cuc.example.vn>"]);
    expect(facts.date?.toISOString()).toBe("2026-11-18T02:00:00.000Z");
    expect(facts.receivedAt).toBe(RECEIVED);
    expect(facts.contentType).toBe("text/plain");
  });

  it("an auto-reply keeps its markers in the headers", async () => {
    const facts = await parse(autoReplyMail({ from: NVDP, to: [VP], inReplyTo: "<intake.2@cuc.example.vn>" }));
    expect(facts.headers["auto-submitted"]).toEqual(["auto-replied"]);
    expect(facts.headers["x-autoreply"]).toEqual(["yes"]);
    expect(facts.subject).toBe("Trả lời tự động: Báo cáo tuần 47");
  });

  it("a Postfix bounce is multipart/report; its returned original is an attachment, not a forward", async () => {
    const original = outlookMail({ ...base, from: VP, to: ["ttbc@cuc.example.vn"], headers: { "X-Intake-Bot": "bao-cao-intake" } });
    const facts = await parse(bounceMail({ original, recipient: "ttbc@cuc.example.vn", to: "vp@cuc.example.vn" }));
    expect(facts.contentType).toBe("multipart/report");
    expect(facts.forwarded).toBeNull();
    expect(facts.text).toContain("could not");
    expect(facts.attachments.map((a) => [a.contentType, a.fromForwarded])).toEqual([["message/rfc822", false]]);
    expect(facts.attachments[0]!.content.equals(original)).toBe(true);
  });
});

describe("parseMessage: broken input never throws", () => {
  it("an empty buffer gives problems [empty_message]", async () => {
    const facts = await parse(Buffer.alloc(0));
    expect(facts.problems).toEqual(["empty_message"]);
    expect(facts.messageId).toBe(`<${sha(Buffer.alloc(0))}@missing>`);
  });

  it("recovers a multipart without its boundary parameter and says so", async () => {
    const facts = await parse(brokenMail({ ...base, client: "outlook", attachments: [{ filename: "Báo cáo tuần 47.docx", content: DOCX }] }, "missing-boundary"));
    expect(facts.problems.some((p) => p.startsWith("broken_mime: multipart/mixed without boundary"))).toBe(true);
    expect(facts.text).toContain("Phòng Nghiệp vụ - Điều phối gửi báo cáo");
    expect(facts.attachments.map((a) => a.filename)).toEqual(["Báo cáo tuần 47.docx"]);
  });

  it("reads a boundary-less multipart with no delimiter as plain text", async () => {
    const facts = await parse(Buffer.from("From: a@b.vn\r\nContent-Type: multipart/mixed\r\n\r\nKính gửi Văn phòng.\r\n", "utf8"));
    expect(facts.text).toContain("Kính gửi Văn phòng.");
    expect(facts.problems[0]).toMatch(/^broken_mime: .*plain text$/);
  });

  it("keeps what arrived of a truncated mail and reports the truncation", async () => {
    const facts = await parse(brokenMail({ ...base, client: "gmail", attachments: [{ filename: "Báo cáo.docx", content: Buffer.alloc(3000, 65) }] }, "truncated"));
    expect(facts.problems.some((p) => p.startsWith("broken_mime: truncated"))).toBe(true);
    expect(facts.subject).toBe(base.subject);
    expect(facts.attachments[0]!.size).toBeLessThan(3000);
  });

  it("reports an unreadable Date header and leaves date null", async () => {
    const facts = await parse(outlookMail({ ...base, headers: { Date: "Thứ tư ngày hôm qua" } }));
    expect(facts.date).toBeNull();
    expect(facts.problems).toContain("bad_date: Thứ tư ngày hôm qua");
  });

  it("every prefix of a real message parses without throwing", async () => {
    const raw = outlookMail({ ...base, inlineImages: [{ content: TINY_PNG }], attachments: [{ filename: "Báo cáo.docx", content: DOCX }] });
    for (let cut = 1; cut < raw.length; cut += Math.ceil(raw.length / 40)) {
      const facts = await parse(raw.subarray(0, cut));
      expect(Array.isArray(facts.problems)).toBe(true);
      expect(facts.messageId).toMatch(/^<.+>$/);
    }
  });

  it.each([
    ["binary junk", Buffer.from([0, 1, 2, 255, 254, 10, 10, 0]), { subject: "", from: null }, "broken_mime: no header fields"],
    ["a body with no header", Buffer.from("\r\n\r\nchỉ có nội dung", "utf8"), { subject: "", text: "\nchỉ có nội dung" }, "broken_mime: no header fields"],
    ["a header without a body", Buffer.from("From: a@b.vn\r\nSubject: x", "utf8"), { subject: "x", from: "a@b.vn", text: "" }, "broken_mime: no blank line after the header"],
  ])("%s yields what could be read and a problem", async (_label, raw, expected, problem) => {
    const facts = await parse(raw);
    expect(facts).toMatchObject({ ...expected, receivedAt: RECEIVED });
    expect(facts.problems).toEqual([problem]);
  });
});

describe("parseMessage: committed .eml fixtures", () => {
  it("Outlook 2016 weekly report with a signature logo", async () => {
    const facts = await parse(fixture("outlook2016-bao-cao-tuan-47.eml"));
    expect(facts).toMatchObject({
      messageId: "<000001db3a2c$5f1e2b30$1d5a8190$@cuc.example.vn>",
      from: "nvdp@cuc.example.vn",
      fromName: "Nguyễn Văn An",
      to: ["vp@cuc.example.vn"],
      cc: ["truongphong.nvdp@cuc.example.vn"],
      subject: "Báo cáo tuần 47 - Phòng Nghiệp vụ - Điều phối",
      contentType: "multipart/mixed",
      forwarded: null,
      problems: [],
    });
    expect(facts.text).toContain("Báo cáo công tác tuần 47 (từ ngày 16/11 đến ngày 20/11/2026)");
    expect(facts.attachments.map((a) => [a.filename, a.content.subarray(0, 2).toString()])).toEqual([["Báo cáo tuần 47 - NVĐP.docx", "PK"]]);
  });

  it("Gmail monthly report with a 0-byte PDF", async () => {
    const facts = await parse(fixture("gmail-bao-cao-thang-11.eml"));
    expect(facts.subject).toBe("BC tháng 11/2026 - Trung tâm Báo chí và HTTTQT");
    expect(facts.from).toBe("ttbc.cuc@gmail.com");
    expect(facts.attachments.map((a) => [a.filename, a.size > 0])).toEqual([
      ["BC tháng 11 - TTBC.docx", true],
      ["Phụ lục số liệu.pdf", false],
    ]);
  });

  it("Gmail inline forward without a Message-ID", async () => {
    const raw = fixture("gmail-fwd-inline-tuan-47.eml");
    const facts = await parse(raw);
    expect(facts.messageId).toBe(`<${sha(raw)}@missing>`);
    expect(facts.forwarded).toMatchObject({ from: "ttdn@cuc.example.vn", fromName: "Lê Minh Châu", subject: "Báo cáo tuần 47 - Phòng Truyền thông đối ngoại", date: new Date("2026-11-19T14:30:00+07:00") });
    expect(facts.attachments.map((a) => a.filename)).toEqual(["BC tuan 47 - TTĐN.docx"]);
  });

  it("Outlook forward-as-attachment of a Thunderbird mail (RFC 2231 continuations)", async () => {
    const facts = await parse(fixture("outlook-fw-as-attachment.eml"));
    expect(facts.subject).toBe("FW: Báo cáo tuần 47 - Văn phòng");
    expect(facts.forwarded).toMatchObject({ from: "vp.hanhchinh@cuc.example.vn", fromName: "Phạm Thu Hà", subject: "Báo cáo tuần 47 - Văn phòng" });
    expect(facts.attachments.map((a) => [a.filename, a.fromForwarded])).toEqual([["Báo cáo tuần 47 - Văn phòng.docx", true]]);
  });

  it("Outlook Express in windows-1258", async () => {
    const facts = await parse(fixture("outlook-express-windows-1258.eml"));
    expect(facts.subject).toBe("Báo cáo tháng 11 - Phòng TTĐN");
    expect(facts.fromName).toBe("Lê Minh Châu");
    expect(facts.text).toContain("1. Kết quả thực hiện: đã hoàn thành 12 tin bài.");
    expect(facts.text).toContain("2. Kế hoạch tháng tới: tổ chức tập huấn.");
    expect(facts.text).toBe(facts.text.normalize("NFC"));
  });

  it("Postfix bounce", async () => {
    const facts = await parse(fixture("postfix-bounce.eml"));
    expect(facts.contentType).toBe("multipart/report");
    expect(facts.headers["auto-submitted"]).toEqual(["auto-replied"]);
    expect(facts.headers["return-path"]).toEqual(["<>"]);
    expect(facts.attachments[0]!.content.toString("utf8")).toContain("X-Intake-Bot: bao-cao-intake");
  });

  it("truncated Outlook mail", async () => {
    const facts = await parse(fixture("truncated-outlook.eml"));
    expect(facts.problems).toEqual(['broken_mime: truncated, no closing delimiter for boundary "----=_NextPart_000_000D_01DB3F11.AA11BB22"']);
    expect(facts.attachments.map((a) => a.filename)).toEqual(["Báo cáo tuần 48.docx"]);
  });
});

describe("parseMailDate", () => {
  const zone = "Asia/Ho_Chi_Minh";
  it.each([
    ["Wed, 18 Nov 2026 10:12:00 +0700", "2026-11-18T03:12:00.000Z"],
    ["Wed, 18 Nov 2026 10:12:00 +0700 (ICT)", "2026-11-18T03:12:00.000Z"],
    ["18 Nov 2026 03:12:00 GMT", "2026-11-18T03:12:00.000Z"],
    ["Wed, Nov 18, 2026 at 10:12 AM", "2026-11-18T03:12:00.000Z"],
    ["Thu, Nov 19, 2026 at 2:30 PM", "2026-11-19T07:30:00.000Z"],
    ["Wednesday, November 18, 2026 10:12 AM", "2026-11-18T03:12:00.000Z"],
    ["Thứ Tư, 18 tháng 11, 2026 10:12 SA", "2026-11-18T03:12:00.000Z"],
    ["Thứ Năm, 19 tháng 11, 2026 2:30 CH", "2026-11-19T07:30:00.000Z"],
    ["Th 4, 18 thg 11, 2026 vào lúc 10:12", "2026-11-18T03:12:00.000Z"],
    ["ngày 18 tháng 11 năm 2026 10:12", "2026-11-18T03:12:00.000Z"],
    ["November 18, 2026 at 10:12:00 GMT+7", "2026-11-18T03:12:00.000Z"],
    ["18/11/2026 10:12", "2026-11-18T03:12:00.000Z"],
    ["11/18/2026 10:12 AM", "2026-11-18T03:12:00.000Z"],
  ])("%s → %s", (text, iso) => {
    expect(parseMailDate(text, zone)?.toISOString()).toBe(iso);
  });

  it.each(["", "hôm qua", "31 tháng 2, 2026"])("%s → null", (text) => {
    expect(parseMailDate(text, zone)).toBeNull();
  });
});
