/** The officer's commands in a reply to the digest (issue 11 item 3), as she types them: table-driven. */
import { describe, expect, it } from "vitest";
import { COMMAND_HELP, parseMailCommands, type MailCommand } from "../../src/domain/mail-commands/index.ts";

const strip = (c: MailCommand) => {
  const { line: _l, ...rest } = c;
  return rest;
};

describe("parseMailCommands", () => {
  it.each<[string, string, unknown[]]>([
    ["with diacritics, comma", "Duyệt 1, 3", [{ verb: "release", items: [1, 3] }]],
    ["without diacritics, no space", "duyet 1,3", [{ verb: "release", items: [1, 3] }]],
    ["colon and 'và'", "Duyệt: 1 và 3", [{ verb: "release", items: [1, 3] }]],
    ["capitals", "DUYỆT 2", [{ verb: "release", items: [2] }]],
    ["a range", "Duyệt 1-3", [{ verb: "release", items: [1, 2, 3] }]],
    ["'đến' range", "Duyệt 2 đến 4", [{ verb: "release", items: [2, 3, 4] }]],
    ["NFD as some clients send it", "Duye\u0323\u0302t 1, 3".normalize("NFD"), [{ verb: "release", items: [1, 3] }]],
    ["all", "Duyệt tất cả", [{ verb: "release", items: "all" }]],
    ["all, no diacritics", "duyet tat ca", [{ verb: "release", items: "all" }]],
    ["all, 'hết'", "Duyệt hết.", [{ verb: "release", items: "all" }]],
    ["drop with a reason", "Hủy 2: đơn vị đã gửi lại qua điện thoại", [{ verb: "drop", items: [2], reason: "đơn vị đã gửi lại qua điện thoại" }]],
    ["old tone placement 'Huỷ'", "Huỷ 2 - trùng thư", [{ verb: "drop", items: [2], reason: "trùng thư" }]],
    ["drop without diacritics nor reason", "huy 5", [{ verb: "drop", items: [5], reason: null }]],
    ["assign", "Gán 4: nvdp 2026-W47", [{ verb: "assign", item: 4, unit: "nvdp", period: "2026-W47" }]],
    ["assign, lower-case week, filler words", "gan 4 cho NVĐP kỳ 2026-w7", [{ verb: "assign", item: 4, unit: "nvdp", period: "2026-W07" }]],
    ["assign a month", "Gán 6: ttdn 2026-11", [{ verb: "assign", item: 6, unit: "ttdn", period: "2026-11" }]],
    ["assign a quarter", "Gán 7: vp 2026-q4", [{ verb: "assign", item: 7, unit: "vp", period: "2026-Q4" }]],
    [
      "several lines with a greeting and a signature",
      "Chào hệ thống,\nDuyệt 1, 3\n- Hủy 2: sai đơn vị\nTrân trọng,\n--\nNguyễn Thị Hoa\nDuyệt 9",
      [{ verb: "release", items: [1, 3] }, { verb: "drop", items: [2], reason: "sai đơn vị" }],
    ],
    ["zero-width space pasted from the web", "Duy\u200Bệt 1", [{ verb: "release", items: [1] }]],
  ])("%s: %j", (_name, text, expected) => {
    const parsed = parseMailCommands(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.commands.map(strip)).toEqual(expected);
  });

  it.each<[string, string]>([
    ["no number", "Duyệt"],
    ["drop without a number", "Hủy: không cần"],
    ["assign without a period", "Gán 4: nvdp"],
    ["assign two at once", "Gán 4, 5: nvdp 2026-W47"],
  ])("a command word without what it needs is told back (%s)", (_name, text) => {
    const parsed = parseMailCommands(text);
    expect(parsed.commands).toEqual([]);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]!.line).toBe(text);
    expect(parsed.problems[0]!.message).toMatch(/[ạảấầẩậắằẳặẹẻếềểệịọỏốồổộớờởợụủứừửựỳỷđ]/);
  });

  it.each<[string, string]>([
    ["a thank-you", "Cảm ơn, tôi đã xem."],
    ["a question", "Thư số 2 là của đơn vị nào?"],
    ["'Đạt' is not 'Duyệt'", "Đạt"],
    ["'gần' is not 'Gán'", "Gần đây hệ thống gửi nhiều thư"],
  ])("mail without a command gives nothing to do (%s)", (_name, text) => {
    const parsed = parseMailCommands(text);
    // "gần" folds to "gan": it reads as a command word, and its missing number is told back, never acted on.
    expect(parsed.commands).toEqual([]);
  });

  it("the help lists every command as she would type it", () => {
    expect(COMMAND_HELP.map((l) => l.split(" — ")[0])).toEqual(["Duyệt 1, 3", "Duyệt tất cả", "Hủy 2: <lý do>", "Gán 4: nvdp 2026-W47"]);
  });
});
