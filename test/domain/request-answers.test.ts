/**
 * Ad-hoc requests, the answering half (issue 10 item 4), pure: which mail answers which request (thread, subject
 * code, body code), the request's own regime and period (its units, its sections, its deadline to the minute, its
 * reminders and single chase), the answer as a candidate (unit by sender, by file name; not asked; no report) and
 * its verdict against the request's sections and deadline; the draft's labels. Table-driven.
 */
import { describe, expect, it } from "vitest";
import { chaseTimes, deadlinesOf, draftTimeOf, reminderTimes } from "../../src/domain/calendar/index.ts";
import { bodyOutline } from "../../src/domain/document/index.ts";
import { draftSlots, draftTitle, requestAbout } from "../../src/domain/draft/index.ts";
import type { DocumentFacts, MailFacts } from "../../src/domain/message.ts";
import type { Outline } from "../../src/domain/model.ts";
import { procedureOf } from "../../src/domain/regime.ts";
import { REQUEST_SCHEDULE, requestAnswered, requestCandidate, requestPeriod, requestRegime, type RequestRef } from "../../src/domain/requests/index.ts";
import { judgeReport } from "../../src/domain/verdict/index.ts";
import { loadTemplateRegime } from "../support/regime.ts";

const ZONE = "Asia/Ho_Chi_Minh";
const at = (local: string) => new Date(`${local}+07:00`);
const BASE = loadTemplateRegime({
  units: loadTemplateRegime().units.map((u) => ({ ...u, addresses: [`${u.id}@cuc.example.vn`] })),
});
const REQUEST = {
  code: "YC-2026-001",
  title: "Báo cáo kết quả tuyên truyền kỷ niệm 80 năm Quốc khánh",
  deadline: at("2026-11-19T17:00:00"),
  units: ["nvdp", "ttdn", "ttbc"],
  sections: ["ket_qua", "kien_nghi"],
};
const ASKED = requestRegime(BASE, REQUEST, ZONE);
const PERIOD = requestPeriod(REQUEST, ZONE);

describe("which request a mail answers", () => {
  const requests: RequestRef[] = [
    { code: "YC-2026-001", regime: "qt-vp-03", messageIds: ["<a1@cuc.example.vn>", "<a2@cuc.example.vn>"] },
    { code: "YC-2026-002", regime: "qt-vp-03", messageIds: ["<b1@cuc.example.vn>"] },
  ];
  it.each([
    ["a reply in the thread", { subject: "Re: Đề nghị báo cáo", inReplyTo: "<A2@cuc.example.vn>", references: [] }, "YC-2026-001", "thread"],
    ["References only (a reply to a reply)", { subject: "Re: Re: báo cáo", inReplyTo: "<x@unit.vn>", references: ["<b1@cuc.example.vn>", "<x@unit.vn>"] }, "YC-2026-002", "thread"],
    ["the thread wins over another code in the subject", { subject: "Re: YC-2026-002", inReplyTo: "<a1@cuc.example.vn>", references: [] }, "YC-2026-001", "thread"],
    ["a fresh mail with the code in its subject", { subject: "Báo cáo theo yêu cầu yc 2026-2", inReplyTo: null, references: [] }, "YC-2026-002", "code"],
    ["the code only in the body", { subject: "Báo cáo của Phòng", inReplyTo: null, references: [], text: "Thực hiện đề nghị YC-2026-001 của Văn phòng" }, "YC-2026-001", "body"],
    ["a code no request has", { subject: "Re: YC-2026-009", inReplyTo: null, references: [], text: "" }, null, null],
    ["a periodic report", { subject: "Báo cáo tuần 47", inReplyTo: null, references: [], text: "Kính gửi Văn phòng" }, null, null],
  ] as const)("%s", (_what, mail, code, by) => {
    const found = requestAnswered(mail, requests);
    expect(found?.request.code ?? null).toBe(code);
    expect(found?.by ?? null).toBe(by);
  });
});

describe("a request's own regime and period", () => {
  it("asks only its units; its sections required, the regime's others optional; its procedure named", () => {
    expect(ASKED.id).toBe("qt-vp-03");
    expect(ASKED.units.map((u) => u.id)).toEqual(["nvdp", "ttdn", "ttbc"]);
    expect(ASKED.sections.map((s) => [s.id, s.required])).toEqual([["ket_qua", true], ["kho_khan", false], ["kien_nghi", true], ["ke_hoach", false]]);
    expect(Object.keys(ASKED.kinds)).toEqual(["request"]);
    expect(procedureOf(ASKED)).toBe("yêu cầu báo cáo đột xuất YC-2026-001");
    expect(procedureOf(BASE)).toBe("Quy trình tổng hợp báo cáo định kỳ (QT.VP.03)");
    expect(PERIOD).toMatchObject({ kind: "request", id: "YC-2026-001", title: REQUEST.title });
  });

  it.each([
    // deadline, then: due, reminders, chases, draft time, end of the window
    ["Thursday 17:00", "2026-11-19T17:00:00", "2026-11-19T17:00:00", ["2026-11-18T08:00:00", "2026-11-19T15:00:00"], ["2026-11-20T08:00:00"], "2026-11-20T08:00:00", "2026-11-25T00:00:00"],
    ["Friday 10:30", "2026-11-20T10:30:00", "2026-11-20T10:30:00", ["2026-11-18T10:30:00", "2026-11-20T08:30:00"], ["2026-11-20T10:30:00"], "2026-11-21T08:00:00", "2026-11-26T00:00:00"],
    // A Sunday deadline stays where the request put it (no day-off shift); the chase waits for Monday morning.
    ["Sunday 00:00", "2026-11-22T00:00:00", "2026-11-22T00:00:00", ["2026-11-20T08:00:00"], ["2026-11-23T08:00:00"], "2026-11-23T08:00:00", "2026-11-28T00:00:00"],
  ])("a deadline on %s", (_what, deadline, due, reminders, chases, draftAt, compile) => {
    const req = { ...REQUEST, deadline: at(deadline) };
    const regime = requestRegime(BASE, req, ZONE);
    const period = requestPeriod(req, ZONE);
    const d = deadlinesOf(regime, period, ZONE);
    expect(d.due).toEqual(at(due));
    expect(d.compile).toEqual(at(compile));
    expect(reminderTimes(regime, period, ZONE).map((r) => r.at)).toEqual(reminders.map(at));
    expect(chaseTimes(regime, period, ZONE)).toEqual(chases.map(at));
    expect(draftTimeOf(regime, period, ZONE)).toEqual(at(draftAt));
  });

  it("offers the reminders of REQUEST_SCHEDULE", () => {
    expect(ASKED.kinds.request?.reminders).toEqual([...REQUEST_SCHEDULE.reminders]);
  });

  it("follows the regime's `requests` schedule: other reminders, no chase, the draft two days after, open ten days", () => {
    const own = loadTemplateRegime({ ...BASE, requests: { reminders: ["-1d"], chase: false, draftAfterDays: 2, openDays: 10 } });
    const regime = requestRegime(own, REQUEST, ZONE);
    expect(reminderTimes(regime, PERIOD, ZONE).map((r) => r.at)).toEqual([at("2026-11-19T08:00:00")]);
    expect(chaseTimes(regime, PERIOD, ZONE)).toEqual([]);
    expect(draftTimeOf(regime, PERIOD, ZONE)).toEqual(at("2026-11-21T08:00:00"));
    expect(deadlinesOf(regime, PERIOD, ZONE).compile).toEqual(at("2026-11-30T00:00:00"));
    // Keys not given keep the default.
    expect(requestRegime(loadTemplateRegime({ ...BASE, requests: { openDays: 2 } }), REQUEST, ZONE).kinds.request?.reminders).toEqual(["-2d", "-2h"]);
  });
});

const FULL = bodyOutline(["BÁO CÁO", "Kết quả tuyên truyền", "I. Kết quả thực hiện", "1. Đăng 45 tin, bài.", "II. Kiến nghị, đề xuất", "1. Bố trí kinh phí."].join("\n"));
const NO_PROPOSALS = bodyOutline(["BÁO CÁO", "Kết quả tuyên truyền", "I. Kết quả thực hiện", "1. Đăng 45 tin, bài.", "II. Kế hoạch thời gian tới", "1. Tiếp tục."].join("\n"));

function mail(o: { from: string | null; forwardedFrom?: string; subject?: string; text?: string; files?: { name: string; outline: Outline }[] }): { facts: MailFacts; documents: DocumentFacts[] } {
  const files = o.files ?? [];
  const text = o.text ?? "Kính gửi Văn phòng Cục, đơn vị gửi báo cáo. Trân trọng.";
  const facts: MailFacts = {
    messageId: "<r1@unit.vn>", from: o.from, fromName: null, to: ["tonghop@cuc.example.vn"], cc: [], replyTo: [],
    subject: o.subject ?? "Re: [YC-2026-001] Đề nghị báo cáo", date: null, receivedAt: at("2026-11-18T10:00:00"), headers: {},
    contentType: "multipart/mixed", inReplyTo: "<a1@cuc.example.vn>", references: ["<a1@cuc.example.vn>"], text,
    forwarded: o.forwardedFrom ? { from: o.forwardedFrom, fromName: null, subject: null, date: null, text: "" } : null, problems: [],
    attachments: files.map((x) => ({ filename: x.name, contentType: "application/octet-stream", size: 1, sha256: "0".repeat(64), content: Buffer.alloc(0), fromForwarded: false })),
  };
  const documents: DocumentFacts[] = files.map((x, i) => ({ source: i, filename: x.name, read: { ok: true, outline: x.outline, text: "", format: "docx" } }));
  documents.push({ source: "body", filename: null, read: { ok: true, outline: bodyOutline(text), text, format: "body" } });
  return { facts, documents };
}

describe("an answer as a candidate", () => {
  const file = (name: string, outline = FULL) => [{ name, outline }];
  it.each([
    ["the sender is an asked unit", mail({ from: "ttdn@cuc.example.vn", files: file("bao cao.docx") }), "ttdn", "sender", null],
    ["the office forwards a unit's answer", mail({ from: "tonghop@cuc.example.vn", forwardedFrom: "ttbc@cuc.example.vn", files: file("bc.docx") }), "ttbc", "sender", null],
    ["a personal address, the file names the unit", mail({ from: "lanhdao.nvdp@gmail.com", files: file("Bao cao - Phong Nghiep vu - Dieu phoi.docx") }), "nvdp", "attachment-name", null],
    ["a unit not asked", mail({ from: "vp@cuc.example.vn", files: file("bc.docx") }), null, null, /^not_asked: Đơn vị Văn phòng không thuộc/],
    ["an unknown sender", mail({ from: "someone@example.com", files: file("bc.docx") }), null, null, /^unknown_sender:/],
    ["a thank-you in the thread, no report", mail({ from: "ttdn@cuc.example.vn", text: "Cảm ơn Văn phòng." }), null, null, /^no_report_evidence:/],
    ["the answer typed in the body", mail({ from: "ttdn@cuc.example.vn", text: "Kính gửi Văn phòng\nI. Kết quả thực hiện\n1. Đăng 45 tin.\nII. Kiến nghị, đề xuất\n1. Không." }), "ttdn", "sender", null],
  ] as const)("%s", (_what, m, unit, source, reason) => {
    const c = requestCandidate(m, ASKED, BASE, { code: "YC-2026-001", by: "thread" });
    expect(c.unit).toBe(unit);
    expect(c.kind).toBe("request");
    expect(c.period).toBe("YC-2026-001");
    expect(c.evidence[0]).toMatchObject({ about: "report", source: "thread", value: "request:YC-2026-001" });
    if (source) expect(c.evidence[1]?.source).toBe(source);
    if (reason) expect(c.reason).toMatch(reason);
    else expect(c.reason).toBeNull();
  });
});

describe("an answer's verdict: the request's sections and deadline", () => {
  it.each([
    ["complete, on time", FULL, "2026-11-18T10:00:00", "accepted", true, []],
    ["complete, one second late", FULL, "2026-11-19T17:00:01", "accepted", false, []],
    // The regime's "Kế hoạch" is not asked by this request; its proposals are.
    ["no proposals (asked), a plan (not asked)", NO_PROPOSALS, "2026-11-18T10:00:00", "rejected", true, ["kien_nghi"]],
  ] as const)("%s", (_what, outline, received, status, onTime, missing) => {
    const m = mail({ from: "ttdn@cuc.example.vn", files: [{ name: "bc.docx", outline }] });
    m.facts.receivedAt = at(received);
    const candidate = requestCandidate(m, ASKED, BASE, { code: "YC-2026-001", by: "thread" });
    const judged = judgeReport({ index: 0, candidate, documents: m.documents, regimes: [ASKED], receivedAt: at(received), zone: ZONE, period: PERIOD });
    expect(judged.record).toMatchObject({ status, onTime, missingSections: missing, kind: "request", period: "YC-2026-001", regime: "qt-vp-03" });
    expect(judged.record.deadline).toEqual(REQUEST.deadline);
    expect(judged.compileDeadline).toEqual(at("2026-11-25T00:00:00"));
  });
});

describe("the draft of a request", () => {
  it.each([
    ["Báo cáo kết quả tuyên truyền kỷ niệm 80 năm Quốc khánh", "kết quả tuyên truyền kỷ niệm 80 năm Quốc khánh"],
    ["BC: Tình hình thông tin đối ngoại tháng 12.", "tình hình thông tin đối ngoại tháng 12"],
    ["Hội nghị APEC 2027", "hội nghị APEC 2027"],
    ["APEC 2027: công tác thông tin", "APEC 2027: công tác thông tin"],
    ["Báo cáo", ""],
  ])("%j is about %j", (title, about) => {
    expect(requestAbout(title)).toBe(about);
  });

  it("names the draft by the code and what is asked", () => {
    const skeleton = { reportNames: {}, titles: {}, periodLabels: {} } as never;
    const slots = draftSlots(PERIOD, PERIOD, skeleton, 2026);
    expect(slots.report).toBe("đột xuất YC-2026-001 về kết quả tuyên truyền kỷ niệm 80 năm Quốc khánh");
    // The draft's heading III reads "… TRONG ĐỢT BÁO CÁO ĐỘT XUẤT YC-2026-001".
    expect(slots.PERIOD).toBe("ĐỢT BÁO CÁO ĐỘT XUẤT YC-2026-001");
    expect(draftTitle(PERIOD, slots, skeleton)).toBe("Kết quả tuyên truyền kỷ niệm 80 năm Quốc khánh");
  });
});
