/**
 * Issue 5, the draft's schedule and the chief's answer (QT.VP.03 §6.2.3–6.2.4), against real Dovecot, the SMTP
 * sink and SQLite: `intake remind` at the draft time (Monday 08:00 after a weekly period) compiles and sends the
 * draft once; the Chánh Văn phòng answers "Không đạt" by replying to it → recorded against that version and the
 * comments forwarded to the compiling officer; the unit that was Không đạt resends, `compile --send` sends the
 * update, and the chief's "Đạt" on it is recorded — even though his reply quotes the words "Không đạt".
 */
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownWords, readDecision } from "../../src/app/draft-answer.ts";
import { autoReplyMail, gmailMail, outlookMail, thunderbirdMail } from "../support/eml.ts";
import { CHIEF, OFFICE, startIntakeWorld, UNITS, type IntakeWorld } from "../support/intake.ts";
import type { ReadMessage } from "../support/mail-servers.ts";
import { wordLikeDocx, WORD_NUM, type WBlock } from "../support/docx-fixtures.ts";
import { reportDocx, type Producer, type ReportSection, type HeadingStyle } from "../support/reports.ts";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const TITLE = "Báo cáo kết quả công tác tuần 47/2026 và nhiệm vụ tuần 48/2026";
const COMMENT = "Không đạt. Đề nghị bổ sung số liệu tuyên truyền của Phòng TTĐN.";

const SECTIONS: Record<"nvdp" | "ttdn" | "ttbc" | "vp", ReportSection[]> = {
  nvdp: [
    { heading: "Kết quả thực hiện nhiệm vụ", items: ["Trình Lãnh đạo Bộ Đề án thông tin đối ngoại giai đoạn 2026 - 2030."] },
    { heading: "Kế hoạch công tác tuần tới", items: ["Tiếp thu ý kiến các bộ, ngành về Đề án."] },
  ],
  ttdn: [
    { heading: "Kết quả công tác", items: ["Biên tập 9 video quảng bá hình ảnh Việt Nam trên các nền tảng số."] },
    { heading: "Kế hoạch tuần tới", items: ["Sản xuất phóng sự về Ngày Văn hóa các dân tộc Việt Nam."] },
  ],
  ttbc: [
    { heading: "Kết quả đạt được", items: ["Hỗ trợ 14 phóng viên nước ngoài tác nghiệp tại Diễn đàn Kinh tế Việt Nam."] },
    { heading: "Nhiệm vụ trọng tâm tuần tới", items: ["Tổ chức tọa đàm với phóng viên thường trú nước ngoài."] },
  ],
  vp: [
    { heading: "Công việc đã thực hiện", items: ["Tổ chức tập huấn công tác văn thư, lưu trữ cho 35 công chức."] },
    { heading: "Kế hoạch công tác tuần tới", items: ["Rà soát danh mục hồ sơ lưu trữ năm 2026."] },
  ],
};
const UNIT_HEADER = { nvdp: "PHÒNG NGHIỆP VỤ - ĐIỀU PHỐI", ttdn: "PHÒNG TRUYỀN THÔNG ĐỐI NGOẠI", ttbc: "TRUNG TÂM BÁO CHÍ VÀ HỢP TÁC TRUYỀN THÔNG QUỐC TẾ", vp: "VĂN PHÒNG" };

const TTDN_BODY = [
  "Kính gửi Văn phòng,",
  "",
  "Phòng Truyền thông đối ngoại báo cáo kết quả công tác tuần 47/2026 như sau:",
  "1. Kết quả công tác:",
  "- Biên tập 9 video quảng bá hình ảnh Việt Nam trên các nền tảng số.",
  "2. Kế hoạch tuần tới:",
  "- Sản xuất phóng sự về Ngày Văn hóa các dân tộc Việt Nam.",
  "",
  "Trân trọng,",
  "Nguyễn Văn An",
  "Trưởng phòng Truyền thông đối ngoại",
  "ĐT: 024.3943.1234",
].join("\n");

/** Trung tâm Báo chí's Word report, Word headings, ending with the signer's block and no "Nơi nhận". */
function ttbcSigned(): Promise<Buffer> {
  const centred = (t: string, b = true): WBlock => ({ center: true, runs: [{ t, b, i: !b }] });
  return wordLikeDocx([
    centred("CỤC THÔNG TIN ĐỐI NGOẠI", false),
    centred("TRUNG TÂM BÁO CHÍ VÀ HỢP TÁC TRUYỀN THÔNG QUỐC TẾ"),
    centred("BÁO CÁO"),
    centred(TITLE),
    { style: "Heading1", runs: [{ t: "1. Kết quả đạt được" }] },
    { num: { id: WORD_NUM.bullet, ilvl: 0 }, runs: [{ t: SECTIONS.ttbc[0]!.items[0]! }] },
    { style: "Heading1", runs: [{ t: "2. Nhiệm vụ trọng tâm tuần tới" }] },
    { num: { id: WORD_NUM.bullet, ilvl: 0 }, runs: [{ t: SECTIONS.ttbc[1]!.items[0]! }] },
    { runs: [] },
    centred("KT. GIÁM ĐỐC"),
    centred("PHÓ GIÁM ĐỐC"),
    centred("(Đã ký)", false),
    centred("Lê Hoàng Nam"),
  ]);
}

function report(unit: keyof typeof SECTIONS, producer: Producer, style: HeadingStyle, omitPlan = false): Promise<Buffer> {
  const sections = omitPlan ? SECTIONS[unit].slice(0, 1) : SECTIONS[unit];
  return reportDocx({ header: ["CỤC THÔNG TIN ĐỐI NGOẠI", UNIT_HEADER[unit]], title: TITLE, sections, producer, style });
}

let world: IntakeWorld;
beforeAll(async () => {
  world = await startIntakeWorld();
});
afterAll(async () => {
  await world?.stop();
});

const chiefMail = () => world.servers.readMailbox(CHIEF);
const draftText = async (m: ReadMessage) => {
  const a = m.attachments.find((x) => x.contentType === DOCX && x.filename.startsWith("Dự thảo"));
  expect(a, "the draft attachment").toBeDefined();
  return (await mammoth.extractRawText({ buffer: a!.content })).value;
};
interface DraftJson {
  regime: string;
  period: string;
  version: number;
  sentAt: string | null;
  emailMessageId: string;
  reviewState: string;
  reviewNote: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
}
const review = (d: DraftJson) => [d.version, d.reviewState, d.reviewNote, d.reviewedBy, d.reviewedAt];

describe("the scheduled draft and the Chánh Văn phòng's answer", () => {
  let v1: ReadMessage;
  let v2: ReadMessage;

  it("intake remind at Monday 08:00 compiles and sends the week's draft once", async () => {
    const mails: [Buffer, string][] = [
      [outlookMail({ from: UNITS.nvdp, to: [OFFICE], subject: "Báo cáo tuần 47 - NVĐP", text: "Kính gửi Văn phòng,\nPhòng NVĐP gửi báo cáo tuần 47.", attachments: [{ filename: "NVDP_BC_tuan47.docx", content: await report("nvdp", "docx", "heading") }] }), "2026-11-18T08:30:00+07:00"],
      // The report in the mail's body, above the sender's sign-off and signature.
      [outlookMail({ from: UNITS.ttdn, to: [OFFICE], subject: "Báo cáo tuần 47 - TTĐN", text: TTDN_BODY }), "2026-11-19T10:00:00+07:00"],
      [thunderbirdMail({ from: UNITS.ttbc, to: [OFFICE], subject: "Báo cáo tuần 47 của Trung tâm Báo chí", text: "Kính gửi Văn phòng,\nTrung tâm gửi báo cáo tuần 47.", attachments: [{ filename: "TTBC tuan 47.docx", content: await ttbcSigned() }] }), "2026-11-19T11:20:00+07:00"],
      [gmailMail({ from: UNITS.vp, to: [OFFICE], subject: "VP - Báo cáo tuần 47", text: "Kính gửi đồng chí chuyên viên,\nVăn phòng gửi báo cáo tuần 47.", attachments: [{ filename: "VP tuần 47.docx", content: await report("vp", "libreoffice", "caps", true) }] }), "2026-11-19T14:10:00+07:00"],
    ];
    for (const [raw, at] of mails) await world.deliver(raw, at);
    const poll = await world.run(["poll", "--once"], "2026-11-19T14:15:00");
    expect(poll.code, poll.stderr).toBe(0);
    const rows = await world.json<any[]>(["submissions", "--period", "2026-W47"], "2026-11-19T14:15:00");
    expect(rows.map((r) => [r.unit, r.status, r.missingSections])).toEqual([
      ["nvdp", "accepted", []],
      ["ttdn", "accepted", []],
      ["ttbc", "accepted", []],
      ["vp", "rejected", ["ke_hoach"]],
    ]);

    // Sunday evening: not yet the draft time.
    const early = await world.run(["remind"], "2026-11-22T20:00:00");
    expect(early.code, early.stderr).toBe(0);
    expect(await chiefMail()).toHaveLength(0);

    const due = await world.run(["remind"], "2026-11-23T08:00:00");
    expect(due.code, due.stderr).toBe(0);
    expect(due.stdout).toContain("Dự thảo 2026-W47 (qt-vp-03) gửi Chánh Văn phòng");
    const inbox = await chiefMail();
    expect(inbox).toHaveLength(1);
    v1 = inbox[0]!;
    expect(v1.subject).toBe("Dự thảo báo cáo công tác tuần 47/2026");
    expect(v1.to).toEqual([CHIEF]);
    expect(v1.cc).toEqual([OFFICE]);
    expect(v1.text).toContain("- Văn phòng: Không đạt, chưa gửi lại bản hoàn chỉnh.");
    expect(v1.text).toContain("- Báo cáo Không đạt, chưa gửi lại: Văn phòng.");
    const text = await draftText(v1);
    expect(text.split("[Văn phòng báo cáo Không đạt, chưa gửi lại]")).toHaveLength(4);
    expect(text).toContain("Trình Lãnh đạo Bộ Đề án thông tin đối ngoại giai đoạn 2026 - 2030.");
    expect(text).not.toContain("Tổ chức tập huấn công tác văn thư");
    // Section IV holds each unit's plan and nothing of its signature.
    const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
    const iv = lines.indexOf("IV. CÁC NHIỆM VỤ TRỌNG TÂM TRONG TUẦN 48/2026");
    const item = (heading: string, next: string) => lines.slice(lines.indexOf(heading, iv) + 1, lines.indexOf(next, iv));
    expect(item("3. Phòng Truyền thông đối ngoại", "4. Trung tâm Báo chí và Hợp tác truyền thông quốc tế")).toEqual(["- Sản xuất phóng sự về Ngày Văn hóa các dân tộc Việt Nam."]);
    expect(item("4. Trung tâm Báo chí và Hợp tác truyền thông quốc tế", "5. Văn phòng")).toEqual(["- Tổ chức tọa đàm với phóng viên thường trú nước ngoài."]);
    for (const signature of ["Trân trọng", "Nguyễn Văn An", "024.3943.1234", "PHÓ GIÁM ĐỐC", "Lê Hoàng Nam", "(Đã ký)"]) expect(text).not.toContain(signature);

    const again = await world.run(["remind"], "2026-11-23T08:05:00");
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe("Không có việc nào đến hạn.\n");
    expect(await chiefMail()).toHaveLength(1);
    const drafts = await world.json<DraftJson[]>(["drafts"], "2026-11-23T08:05:00");
    expect(drafts.map((d) => [d.period, d.version, d.sentAt, d.emailMessageId, d.reviewState])).toEqual([["2026-W47", 1, "2026-11-23T08:00:00+07:00", v1.messageId, "pending"]]);
  }, 240_000);

  it("an out-of-office answer and comments without a decision record nothing and get no reply", async () => {
    await world.deliver(
      autoReplyMail({
        from: { name: "Nguyễn Thị Hoa", address: CHIEF }, to: [OFFICE], subject: `Trả lời tự động: ${v1.subject}`, inReplyTo: v1.messageId!, references: [v1.messageId!],
        text: "Tôi đang đi công tác đến hết ngày 24/11/2026. Việc gấp xin đặt lịch qua đồng chí Phó Chánh Văn phòng.\nTrân trọng.",
        date: new Date("2026-11-23T08:00:30+07:00"),
      }),
      "2026-11-23T08:00:40+07:00",
    );
    await world.deliver(
      outlookMail({
        from: { name: "Nguyễn Thị Hoa", address: CHIEF }, to: [OFFICE], subject: `RE: ${v1.subject}`, inReplyTo: v1.messageId!, references: [v1.messageId!],
        text: `Đặt lại tiêu đề mục II cho đúng mẫu tại Công văn 212.\n\nTừ: Văn phòng Cục <${OFFICE}>\nĐã gửi: Thứ Hai, 23 tháng 11, 2026 8:00 SA\n\n${v1.text}`,
        date: new Date("2026-11-23T08:40:00+07:00"),
      }),
      "2026-11-23T08:40:10+07:00",
    );
    const poll = await world.run(["poll", "--once"], "2026-11-23T08:45:00");
    expect(poll.code, poll.stderr).toBe(0);
    const drafts = await world.json<DraftJson[]>(["drafts"], "2026-11-23T08:45:00");
    expect(drafts.map(review)).toEqual([[1, "pending", null, null, null]]);
    const rows = await world.json<any[]>(["submissions"], "2026-11-23T08:45:00");
    const fromChief = rows.filter((r) => r.from === CHIEF);
    expect(fromChief.map((r) => [r.status, r.unit, String(r.reason).split(":")[0]])).toEqual([
      ["ignored", null, "auto_reply"],
      ["ignored", null, "draft_comment"],
    ]);
    expect(await chiefMail()).toHaveLength(1);
  }, 120_000);

  it("the chief's Không đạt reply is recorded on that version and forwarded to the compiling officer", async () => {
    const officeBefore = (await world.servers.readMailbox(OFFICE)).length;
    // Outlook, Vietnamese UI: the answer, then the quoted original under "Từ: … Đã gửi: …".
    const answer = outlookMail({
      from: { name: "Nguyễn Thị Hoa", address: CHIEF }, to: [{ name: "Văn phòng Cục", address: OFFICE }], subject: `RE: ${v1.subject}`,
      text: `${COMMENT}\n\nTừ: Văn phòng Cục <${OFFICE}>\nĐã gửi: Thứ Hai, 23 tháng 11, 2026 8:00 SA\nĐến: ${CHIEF}\nChủ đề: ${v1.subject}\n\n${v1.text}`,
      inReplyTo: v1.messageId!, references: [v1.messageId!], date: new Date("2026-11-23T09:10:00+07:00"),
    });
    await world.deliver(answer, "2026-11-23T09:10:30+07:00");
    const poll = await world.run(["poll", "--once"], "2026-11-23T09:12:00");
    expect(poll.code, poll.stderr).toBe(0);

    const drafts = await world.json<DraftJson[]>(["drafts"], "2026-11-23T09:12:00");
    expect(drafts.map(review)).toEqual([[1, "khong_dat", COMMENT, CHIEF, "2026-11-23T09:10:30+07:00"]]);

    const office = await world.servers.readMailbox(OFFICE);
    const forwards = office.slice(officeBefore).filter((m) => m.headers["x-intake-bot"] === "bao-cao-intake; purpose=forward");
    expect(forwards).toHaveLength(1);
    const fwd = forwards[0]!;
    expect(fwd.to).toEqual([OFFICE]);
    expect(fwd.subject).toBe("Ý kiến của Nguyễn Thị Hoa <chanhvp@cuc.example.vn> về dự thảo báo cáo tuần 47/2026 (từ 16/11/2026 đến 22/11/2026): Không đạt");
    expect(fwd.text).toContain(`Nội dung ý kiến:\n\n${COMMENT}\n`);
    expect(fwd.text).not.toContain("Đã gửi: Thứ Hai");
    // The chief gets nothing back: his answer is not a report.
    expect(await chiefMail()).toHaveLength(1);
  }, 120_000);

  it("the unit resends, compile --send sends the update, and the chief's Đạt on it is recorded", async () => {
    await world.deliver(
      gmailMail({ from: UNITS.vp, to: [OFFICE], subject: "VP - Báo cáo tuần 47 (bổ sung kế hoạch)", text: "Kính gửi đồng chí chuyên viên,\nVăn phòng gửi lại báo cáo đã bổ sung.", attachments: [{ filename: "VP tuần 47 (bổ sung).docx", content: await report("vp", "libreoffice", "caps") }] }),
      "2026-11-23T10:00:00+07:00",
    );
    expect((await world.run(["poll", "--once"], "2026-11-23T10:05:00")).code).toBe(0);
    const compile = await world.run(["compile", "--regime", "qt-vp-03", "--period", "2026-W47", "--send"], "2026-11-23T10:30:00");
    expect(compile.code, compile.stderr).toBe(0);
    const inbox = await chiefMail();
    expect(inbox).toHaveLength(2);
    v2 = inbox[1]!;
    expect(v2.subject).toBe("Dự thảo báo cáo công tác tuần 47/2026 (bản cập nhật lần 1)");
    expect(v2.text).toContain("- Văn phòng: Đạt, gửi muộn 3 ngày 19 giờ (nhận lúc 10 giờ 00, 23/11/2026); bản gửi lần 2.");
    expect(v2.text).toContain("- Văn phòng: đã bổ sung báo cáo vào dự thảo.");
    const text = await draftText(v2);
    expect(text).toContain("Tổ chức tập huấn công tác văn thư, lưu trữ cho 35 công chức.");
    expect(text).toContain("Rà soát danh mục hồ sơ lưu trữ năm 2026.");
    expect(text).not.toContain("[Văn phòng báo cáo Không đạt");

    // Gmail, Vietnamese UI: "Đạt." above the quoted update, whose text says "Không đạt" in several places.
    const quoted = v2.text.split("\n").map((l) => `> ${l}`).join("\n");
    const answer = gmailMail({
      from: { name: "Nguyễn Thị Hoa", address: CHIEF }, to: [OFFICE], subject: `Re: ${v2.subject}`,
      // Gmail wraps the long attribution line.
      text: `Đạt. Trình Lãnh đạo Cục ký ban hành.\n\nVào Th 2, 23 thg 11, 2026 vào lúc 10:30 Văn phòng Cục <\n${OFFICE}> đã viết:\n\n${quoted}`,
      inReplyTo: v2.messageId!, references: [v2.messageId!], date: new Date("2026-11-23T14:00:00+07:00"),
    });
    await world.deliver(answer, "2026-11-23T14:00:20+07:00");
    const officeBefore = (await world.servers.readMailbox(OFFICE)).length;
    expect((await world.run(["poll", "--once"], "2026-11-23T14:05:00")).code).toBe(0);

    const drafts = await world.json<DraftJson[]>(["drafts"], "2026-11-23T14:05:00");
    expect(drafts.map(review)).toEqual([
      [1, "khong_dat", COMMENT, CHIEF, "2026-11-23T09:10:30+07:00"],
      [2, "dat", "Đạt. Trình Lãnh đạo Cục ký ban hành.", CHIEF, "2026-11-23T14:00:20+07:00"],
    ]);
    expect(drafts.map((d) => d.emailMessageId)).toEqual([v1.messageId, v2.messageId]);
    // Đạt is not forwarded: nothing new for the officer but the chief's own mail.
    const office = await world.servers.readMailbox(OFFICE);
    expect(office.slice(officeBefore).filter((m) => m.headers["x-intake-bot"] !== undefined)).toEqual([]);
  }, 180_000);
});

describe("reading the chief's answer", () => {
  it.each([
    ["Không đạt. Đề nghị bổ sung số liệu tuyên truyền của Phòng TTĐN.", "khong_dat"],
    ["Chưa đạt, đề nghị bổ sung phần đánh giá.", "khong_dat"],
    ["Không đồng ý với nội dung mục III, đề nghị sửa lại.", "khong_dat"],
    ["Khong dat, bo sung so lieu phan II", "khong_dat"],
    ["Ý kiến: Không đạt.\nSửa lại mục IV.", "khong_dat"],
    ["Kính gửi em,\n\nPhần số liệu của Văn phòng chưa đạt, em xem lại.", "khong_dat"],
    ["Đạt.", "dat"],
    ["Đạt, trình Lãnh đạo Cục ký.", "dat"],
    ["Đồng ý, trình ký.", "dat"],
    ["Nhất trí.", "dat"],
    ["Dat", "dat"],
    ["KẾT QUẢ: ĐẠT", "dat"],
    ["Chào em,\nĐạt. Em trình anh Tuấn ký nhé.", "dat"],
    // "đặt" (set), "đất" (land), "Đạt" as a name: no decision.
    ["Đặt lại tiêu đề mục II cho đúng mẫu.", null],
    ["Đề nghị bổ sung số liệu về đất đai, biển đảo.", null],
    ["Đạt ơi, em gửi lại bản có số trang nhé.", null],
    ["Tôi đang đi công tác đến hết ngày 24/11/2026. Việc gấp xin đặt lịch qua thư ký.", null],
    ["Em xem lại mục II.", null],
    // The quoted original says "Không đạt" about a unit: only the chief's own words count.
    ["Đạt.\n\n-----Original Message-----\n- Văn phòng: Không đạt, chưa gửi lại bản hoàn chỉnh.", "dat"],
    ["Đồng ý.\n\nVào Th 2, 23 thg 11, 2026 vào lúc 08:00 Văn phòng Cục <\ntonghop@cuc.example.vn> đã viết:\n> - Văn phòng: Không đạt, chưa gửi lại.", "dat"],
  ] as const)("%j → %s", (text, expected) => {
    expect(readDecision(text)).toBe(expected);
  });

  it("keeps the chief's own words and drops the quoted original", () => {
    expect(ownWords("Đạt.\nTrình ký.\n\nOn Mon, 23 Nov 2026 at 10:30, Văn phòng Cục <\ntonghop@cuc.example.vn> wrote:\n> Kính gửi")).toBe("Đạt.\nTrình ký.");
    expect(ownWords("Không đạt.\n\nTừ: Văn phòng Cục\nĐã gửi: Thứ Hai")).toBe("Không đạt.");
    expect(ownWords("Không đạt, sửa mục II.\n> Dự thảo")).toBe("Không đạt, sửa mục II.");
  });
});
