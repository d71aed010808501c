/**
 * Message limits in the parser (issue 13 §1): size, attachment count and size, MIME depth. A mail over a limit
 * still gives its header facts (who, what, which Message-ID) and a problem whose first word is the reason code
 * (`too_large`, `too_many_parts`); nothing over a limit reaches mailparser's recursion.
 */
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { scanMimeShape } from "../../src/adapters/mail-structure.ts";
import { parseMessage } from "../../src/adapters/parse-message.ts";
import { buildMail, outlookMail } from "../support/eml.ts";
import { forwardChain, hugeMail, manyAttachmentsMail, nestedMail } from "../support/hostile-mail.ts";

const AT = new Date("2026-11-18T10:12:30+07:00");
const limitProblems = (problems: string[]): string[] => problems.filter((p) => /^(too_large|too_many_parts):/.test(p));

describe("scanMimeShape", () => {
  const cases: { name: string; raw: () => Buffer; depth: number; leafParts: number }[] = [
    { name: "plain text mail", raw: () => buildMail({ from: "nvdp@cuc.example.vn", to: ["tonghop@cuc.example.vn"], subject: "Báo cáo tuần 47", text: "Kính gửi Văn phòng Cục.", html: false }), depth: 0, leafParts: 1 },
    {
      name: "Outlook: alternative inside mixed, one .docx",
      raw: () => outlookMail({ from: "nvdp@cuc.example.vn", to: ["tonghop@cuc.example.vn"], subject: "Báo cáo tuần 47", text: "Kính gửi Văn phòng Cục.", attachments: [{ filename: "Báo cáo tuần 47.docx", content: Buffer.from("PK") }] }),
      depth: 2,
      leafParts: 3,
    },
    { name: "nesting 20 deep", raw: () => nestedMail(20), depth: 20, leafParts: 1 },
    { name: "a forward of a forward, 3 times", raw: () => forwardChain(3), depth: 6, leafParts: 4 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(scanMimeShape(c.raw(), 100)).toEqual({ depth: c.depth, leafParts: c.leafParts, truncated: false });
    });
  }

  it("stops as soon as the nesting passes the limit", () => {
    expect(scanMimeShape(nestedMail(1000), 20)).toEqual({ depth: 21, leafParts: 0, truncated: true });
  });

  it("every real fixture mail is within the default limits", async () => {
    const dir = new URL("../fixtures/eml/", import.meta.url);
    for (const name of readdirSync(dir)) {
      const facts = await parseMessage(readFileSync(new URL(name, dir)), AT);
      expect(limitProblems(facts.problems), name).toEqual([]);
    }
  });
});

describe("parseMessage under the limits", () => {
  it("a 100 MB message is too_large; its header is still read", async () => {
    const raw = hugeMail(100);
    expect(raw.length).toBeGreaterThan(100 * 1024 * 1024);
    const facts = await parseMessage(raw, AT);
    expect(limitProblems(facts.problems)).toEqual([expect.stringMatching(/^too_large: message of \d+ bytes, over the 31457280-byte limit$/)]);
    expect(facts).toMatchObject({ from: "nvdp@cuc.example.vn", messageId: "<huge-100mb@cuc.example.vn>", subject: "Báo cáo tuần 47 - Phòng NVĐP (kèm video hội nghị)", attachments: [] });
  });

  it("1,000 attachments: too_many_parts without parsing them", async () => {
    const facts = await parseMessage(manyAttachmentsMail(1000), AT);
    expect(limitProblems(facts.problems)).toEqual(["too_many_parts: 1001 body parts, over the limit of 50 attachments"]);
    expect(facts.attachments).toEqual([]);
    expect(facts.subject).toBe("Báo cáo tuần 47 - Phòng NVĐP (1000 phụ lục)");
  });

  it("51 attachments: parsed, then too_many_parts; 50 are within the limit", async () => {
    const over = await parseMessage(manyAttachmentsMail(51), AT);
    expect(limitProblems(over.problems)).toEqual(["too_many_parts: 51 attachments, over the limit of 50"]);
    expect(over.attachments).toEqual([]);
    const within = await parseMessage(manyAttachmentsMail(50), AT);
    expect(limitProblems(within.problems)).toEqual([]);
    expect(within.attachments).toHaveLength(50);
    expect(within.attachments[49]!.filename).toBe("Phụ lục 50.txt");
  });

  it("MIME nesting 1,000 deep is too_many_parts; 20 deep is read", async () => {
    const deep = await parseMessage(nestedMail(1000), AT);
    expect(limitProblems(deep.problems)).toEqual(["too_many_parts: MIME nesting deeper than 20 levels"]);
    expect(deep.subject).toBe("Báo cáo lồng 1000 tầng");
    const ok = await parseMessage(nestedMail(20), AT);
    expect(limitProblems(ok.problems)).toEqual([]);
    expect(ok.text).toContain("Báo cáo tuần 47 của Phòng NVĐP ở tầng trong cùng.");
  });

  it("a forward of a forward 25 deep is too_many_parts", async () => {
    const facts = await parseMessage(forwardChain(25), AT);
    expect(limitProblems(facts.problems)).toEqual(["too_many_parts: MIME nesting deeper than 20 levels"]);
  });

  it("an attachment over the size limit is named in a too_large problem and still listed", async () => {
    const raw = buildMail({
      from: "nvdp@cuc.example.vn",
      to: ["tonghop@cuc.example.vn"],
      subject: "Báo cáo tháng 11 - Phòng NVĐP",
      text: "Kính gửi Văn phòng Cục.",
      html: false,
      attachments: [{ filename: "Báo cáo tháng 11.docx", content: Buffer.alloc(3 * 1024 * 1024, 1) }],
    });
    const facts = await parseMessage(raw, AT, { limits: { attachmentBytes: 2 * 1024 * 1024 } });
    expect(limitProblems(facts.problems)).toEqual(['too_large: attachment "Báo cáo tháng 11.docx" of 3145728 bytes, over the 2097152-byte limit']);
    expect(facts.attachments.map((a) => a.filename)).toEqual(["Báo cáo tháng 11.docx"]);
  });
});
