/**
 * Ad-hoc requests (issue 10 item 4): the request code and how an answer is recognised, by its thread
 * (In-Reply-To / References, RFC 5322 §3.6.4) or by the code in its subject. Table-driven, real-looking subjects.
 */
import { describe, expect, it } from "vitest";
import { findRequestCode, isRequestCode, nextRequestCode, requestAnswered, requestCode, type RequestRef } from "../../src/domain/requests/index.ts";

describe("request codes", () => {
  it.each([
    [2026, 1, "YC-2026-001"],
    [2026, 12, "YC-2026-012"],
    [2027, 1234, "YC-2027-1234"],
  ])("year %i, number %i → %s", (year, seq, code) => {
    expect(requestCode(year, seq)).toBe(code);
    expect(isRequestCode(code)).toBe(true);
  });

  it.each([
    [[], 2026, "YC-2026-001"],
    [["YC-2026-001", "YC-2026-002"], 2026, "YC-2026-003"],
    [["YC-2025-007"], 2026, "YC-2026-001"],
    [["YC-2026-009", "YC-2026-010", "YC-2025-044"], 2026, "YC-2026-011"],
  ] as const)("after %j in %i the next is %s", (issued, year, next) => {
    expect(nextRequestCode(issued, year)).toBe(next);
  });

  it.each([
    ["[YC-2026-001] Đề nghị báo cáo: Kết quả tuyên truyền kỷ niệm 80 năm Quốc khánh", "YC-2026-001"],
    ["Re: [YC-2026-001] Đề nghị báo cáo", "YC-2026-001"],
    ["Fwd: TL: Báo cáo theo yêu cầu YC-2026-003 của Cục", "YC-2026-003"],
    ["bao cao theo yc 2026-2 - Phong NVDP", "YC-2026-002"],
    ["Báo cáo đột xuất YC.2026.015", "YC-2026-015"],
    ["Báo cáo công tác tuần 47/2026", null],
    ["Báo cáo tháng 11/2026 - YCBT 12", null],
  ])("%s → %s", (subject, code) => {
    expect(findRequestCode(subject)).toBe(code);
  });

  it("2026 in a subject is not a code without YC", () => {
    expect(isRequestCode("2026")).toBe(false);
    expect(isRequestCode("2026-W47")).toBe(false);
  });
});

describe("which request a mail answers", () => {
  const requests: RequestRef[] = [
    { code: "YC-2026-001", regime: "qt-vp-03", messageIds: ["<req-001-nvdp@intake.cuc.example.vn>", "<req-001-ttdn@intake.cuc.example.vn>"] },
    { code: "YC-2026-002", regime: "qt-vp-03", messageIds: ["<req-002-nvdp@intake.cuc.example.vn>"] },
  ];
  it.each([
    ["a reply in the thread", { subject: "Re: Đề nghị báo cáo", inReplyTo: "<req-001-ttdn@intake.cuc.example.vn>", references: [] }, "YC-2026-001", "thread"],
    ["a reply deep in the thread", { subject: "Re: Re: báo cáo", inReplyTo: "<x@nvdp>", references: ["<REQ-002-NVDP@intake.cuc.example.vn>", "<x@nvdp>"] }, "YC-2026-002", "thread"],
    ["a fresh mail with the code", { subject: "Báo cáo theo yêu cầu YC-2026-002", inReplyTo: null, references: [] }, "YC-2026-002", "code"],
    ["a forward keeping the subject", { subject: "Fwd: [YC-2026-001] Đề nghị báo cáo: Kết quả tuyên truyền", inReplyTo: null, references: [] }, "YC-2026-001", "code"],
    ["the thread wins over a wrong code", { subject: "Re: YC-2026-002", inReplyTo: "<req-001-nvdp@intake.cuc.example.vn>", references: [] }, "YC-2026-001", "thread"],
    ["a code of no recorded request", { subject: "Báo cáo YC-2026-009", inReplyTo: null, references: [] }, null, null],
    ["an ordinary weekly report", { subject: "Báo cáo công tác tuần 47/2026", inReplyTo: null, references: [] }, null, null],
  ] as const)("%s", (_what, mail, code, by) => {
    const hit = requestAnswered(mail, requests);
    expect(hit?.request.code ?? null).toBe(code);
    expect(hit?.by ?? null).toBe(by);
  });
});
