import { describe, expect, it } from "vitest";
import type { AttachmentFacts, MailFacts } from "../../src/domain/message.ts";
import { detectNoise, type NoiseContext } from "../../src/domain/classify/index.ts";

const OFFICE = "tonghop.vp@cuc.example.vn";
const CTX: NoiseContext = {
  botAddress: OFFICE,
  botMessageIdDomain: "intake.cuc.example.vn",
  botHeader: "x-intake-bot",
  officeAddress: OFFICE,
  isForwardedUnitReport: false,
};

const docx: AttachmentFacts = {
  filename: "Báo cáo tuần 47 - NVĐP.docx",
  contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  size: 24_310,
  sha256: "0".repeat(64),
  content: Buffer.from("PK"),
  fromForwarded: false,
};

/** A mail as parse-message hands it over; `headers` are raw header lines "Name: value". */
function mail(p: Partial<MailFacts> & { lines?: string[] }): MailFacts {
  const headers: Record<string, string[]> = {};
  for (const line of p.lines ?? []) {
    const i = line.indexOf(":");
    const name = line.slice(0, i).trim().toLowerCase();
    (headers[name] ??= []).push(line.slice(i + 1).trim());
  }
  return {
    messageId: "<CAF3x9k2mQ@mail.gmail.com>",
    from: "nvdp@cuc.example.vn",
    fromName: "Phòng NVĐP",
    to: [OFFICE],
    cc: [],
    replyTo: [],
    subject: "Báo cáo tuần 47 - Phòng NVĐP",
    date: new Date("2026-11-18T03:12:00Z"),
    receivedAt: new Date("2026-11-18T03:12:05Z"),
    headers,
    contentType: "multipart/mixed",
    inReplyTo: null,
    references: [],
    text: "Kính gửi Văn phòng,\nPhòng NVĐP gửi báo cáo tuần 47.",
    attachments: [],
    forwarded: null,
    problems: [],
    ...p,
  };
}

type Row = [string, MailFacts, Partial<NoiseContext>, string | null];

const ROWS: Row[] = [
  [
    "Outlook/Exchange out-of-office (English)",
    mail({
      from: "le.hoa@ttdn.cuc.example.vn",
      subject: "Automatic reply: Nhắc gửi báo cáo tuần 47",
      contentType: "multipart/alternative",
      inReplyTo: "<rem-1@intake.cuc.example.vn>",
      lines: [
        "Thread-Topic: Nhắc gửi báo cáo tuần 47",
        "Auto-Submitted: auto-generated",
        "X-Auto-Response-Suppress: All",
        "X-MS-Exchange-Inbox-Rules-Loop: le.hoa@ttdn.cuc.example.vn",
        "X-MS-Has-Attach:",
      ],
    }),
    {},
    "auto_reply",
  ],
  [
    "Outlook out-of-office in Vietnamese, subject only",
    mail({ subject: "Trả lời tự động: Báo cáo tuần 47", contentType: "text/plain" }),
    {},
    "auto_reply",
  ],
  ["Vietnamese webmail auto-reply subject", mail({ subject: "Tự động trả lời: V/v báo cáo tháng 11" }), {}, "auto_reply"],
  ["Out of Office subject", mail({ subject: "Out of Office: Báo cáo quý IV" }), {}, "auto_reply"],
  [
    "Exchange OOF with only X-Auto-Response-Suppress and In-Reply-To",
    mail({ subject: "RE: Nhắc gửi báo cáo tháng 11", inReplyTo: "<rem-2@intake.cuc.example.vn>", lines: ["X-Auto-Response-Suppress: DR, RN, NRN, OOF, AutoReply"] }),
    {},
    "auto_reply",
  ],
  [
    "Gmail vacation responder",
    mail({
      from: "tran.minh.ttbc@gmail.com",
      subject: "Re: Báo cáo tháng 11",
      messageId: "<CAJx7y=vacation@mail.gmail.com>",
      lines: ["Auto-Submitted: auto-replied", "Precedence: bulk", "X-Autoreply: yes"],
    }),
    {},
    "auto_reply",
  ],
  ["X-Autorespond header (cPanel)", mail({ lines: ["X-Autorespond: Đang đi công tác"] }), {}, "auto_reply"],
  [
    "Read receipt (MDN)",
    mail({ subject: "Đã đọc: Báo cáo tuần 47", contentType: "multipart/report", lines: ['Content-Type: multipart/report; report-type=disposition-notification; boundary="b1"'] }),
    {},
    "auto_reply",
  ],
  [
    "Exchange NDR",
    mail({
      from: "postmaster@cuc.example.vn",
      subject: "Undeliverable: Báo cáo tuần 47",
      contentType: "multipart/report",
      lines: [
        'Content-Type: multipart/report; report-type=delivery-status; boundary="_000_NDR"',
        "Auto-Submitted: auto-replied",
        "X-MS-Exchange-Message-Is-Ndr:",
      ],
    }),
    {},
    "delivery_failure",
  ],
  [
    "Postfix bounce",
    mail({
      from: "mailer-daemon@mail.cuc.example.vn",
      fromName: "Mail Delivery System",
      subject: "Undelivered Mail Returned to Sender",
      contentType: "multipart/report",
      lines: ["Return-Path: <>", "Auto-Submitted: auto-replied", 'Content-Type: multipart/report; report-type=delivery-status; boundary="A1B2C3.1763"'],
    }),
    {},
    "delivery_failure",
  ],
  ["MAILER-DAEMON sender with plain text", mail({ from: "MAILER-DAEMON@mx.example.vn", subject: "Returned mail: see transcript", contentType: "text/plain" }), {}, "delivery_failure"],
  ["Null Return-Path alone", mail({ subject: "Thông báo hệ thống", lines: ["Return-Path: <>"] }), {}, "delivery_failure"],
  [
    "Mailchimp newsletter",
    mail({
      from: "bantin@baoquocte.example.vn",
      subject: "Bản tin đối ngoại số 47",
      messageId: "<0c1d2e3f@mail187.suw11.mcsv.net>",
      lines: [
        "List-Unsubscribe: <https://example.us21.list-manage.com/unsubscribe?u=1&id=2>, <mailto:unsubscribe-mc.us21_1@mailchimpapp.net>",
        "List-Id: a1b2c3d4e5f6 mcsv.net <a1b2c3d4e5f6.list-id.mcsv.net>",
        "X-Mailer: Mailchimp Mailer - **CID1234567**",
        "Precedence: bulk",
      ],
    }),
    {},
    "bulk",
  ],
  [
    "Google Groups list mail",
    mail({
      subject: "[can-bo-cuc] Lịch công tác tuần 48",
      lines: [
        "Mailing-list: list can-bo-cuc@googlegroups.com; contact can-bo-cuc+owners@googlegroups.com",
        "List-Id: <can-bo-cuc.googlegroups.com>",
        "Precedence: list",
        "List-Post: <https://groups.google.com/group/can-bo-cuc/post>, <mailto:can-bo-cuc@googlegroups.com>",
        "List-Unsubscribe: <mailto:googlegroups-manage+1+unsubscribe@googlegroups.com>",
      ],
    }),
    {},
    "bulk",
  ],
  ["List-Unsubscribe alone", mail({ lines: ["List-Unsubscribe: <mailto:leave@lists.example.vn>"] }), {}, "bulk"],
  [
    "The bot's own reply (its header, and Auto-Submitted as RFC 3834 asks)",
    mail({ from: OFFICE, messageId: "<r-1795@intake.cuc.example.vn>", subject: "[Đạt] Báo cáo tuần 47", lines: ["X-Intake-Bot: reply", "Auto-Submitted: auto-replied"] }),
    {},
    "own_mail",
  ],
  ["The bot's Message-ID without its header", mail({ from: OFFICE, messageId: "<remind-2026-W47-nvdp@INTAKE.cuc.example.vn>" }), {}, "own_mail"],
  ["Officer's own mail", mail({ from: OFFICE, subject: "Gửi các đơn vị: nhắc báo cáo tuần 47" }), {}, "officer_mail"],
  ["Officer's mail From with display name and case", mail({ from: "Tổng hợp VP <TongHop.VP@cuc.example.vn>", subject: "Lịch họp" }), {}, "officer_mail"],
  ["Officer forwards a unit's report", mail({ from: OFFICE, subject: "Fwd: Báo cáo tuần 47 - Phòng NVĐP", attachments: [docx] }), { isForwardedUnitReport: true }, null],
  // not noise
  ["A unit's ordinary report", mail({ attachments: [docx] }), {}, null],
  ["Auto-Submitted: no", mail({ attachments: [docx], lines: ["Auto-Submitted: no"] }), {}, null],
  [
    "Report through an Exchange distribution list (X-Auto-Response-Suppress on ordinary mail)",
    mail({ attachments: [docx], inReplyTo: null, lines: ["X-Auto-Response-Suppress: All", "X-MS-Exchange-Organization-AuthAs: Internal"] }),
    {},
    null,
  ],
  [
    "Reply with a corrected report, X-Auto-Response-Suppress set",
    mail({ subject: "RE: [Không đạt] Báo cáo tuần 47", inReplyTo: "<r-1@intake.cuc.example.vn>", attachments: [docx], lines: ["X-Auto-Response-Suppress: All"] }),
    {},
    null,
  ],
  ["Unit writes it could not send", mail({ subject: "Không gửi được báo cáo tuần 47 qua hệ thống" }), {}, null],
  ["A reply to the bot is not the bot's mail", mail({ inReplyTo: "<r-1795@intake.cuc.example.vn>", references: ["<r-1795@intake.cuc.example.vn>"], attachments: [docx] }), {}, null],
  ["Precedence: normal", mail({ attachments: [docx], lines: ["Precedence: normal"] }), {}, null],
];

describe("detectNoise", () => {
  it.each(ROWS)("%s", (_name, facts, ctx, expected) => {
    const got = detectNoise(facts, { ...CTX, ...ctx });
    expect(got?.reason ?? null).toBe(expected);
    if (got) expect(got.detail.length).toBeGreaterThan(0);
  });

  it("says which header gave it away", () => {
    const got = detectNoise(mail({ lines: ["Auto-Submitted: auto-replied"] }), CTX);
    expect(got).toEqual({ reason: "auto_reply", detail: "Auto-Submitted: auto-replied" });
  });

  it("the bot's From alone does not make mail its own", () => {
    const got = detectNoise(mail({ from: OFFICE, messageId: "<abc@cuc.example.vn>" }), { ...CTX, isForwardedUnitReport: true });
    expect(got).toBeNull();
  });
});
