/**
 * Word's automatic numbering text ("I.", "1.", "a)") recovered from numbering.xml: the pure parts table-driven,
 * then real .docx files (Word-like jszip build, the docx package, pandoc), the section check and the draft.
 */
import { readFileSync } from "node:fs";
import { Document, LevelFormat, Packer, Paragraph, HeadingLevel } from "docx";
import JSZip from "jszip";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { nodes } from "../../src/adapters/docx-draft-blocks.ts";
import {
  formatCounter,
  levelOfStyleId,
  markNumberingLevels,
  numberingCounter,
  parseNumberingXml,
  type LevelRef,
} from "../../src/adapters/docx-numbering.ts";
import { readDocx } from "../../src/adapters/docx-reader.ts";
import type { Block, DocumentRead, Outline, SectionDef } from "../../src/domain/model.ts";
import { blockText, headingRank } from "../../src/domain/document/index.ts";
import { checkSections, sectionContents } from "../../src/domain/document/index.ts";
import { SAMPLE, docxFromDocxLib, viaPandoc, wordLikeDocx, wordLikeReport, WORD_NUM, type WPara } from "../support/docx-fixtures.ts";

const SECTIONS: SectionDef[] = parse(readFileSync(new URL("../../templates/regimes/qt-vp-03.yaml", import.meta.url), "utf8")).sections;
const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

function ok(r: DocumentRead): Extract<DocumentRead, { ok: true }> {
  if (!r.ok) throw new Error(`expected a readable document, got ${r.problem}: ${r.detail}`);
  return r;
}

/** [numbering, text] of every non-table block. */
const numbered = (outline: Outline): [string | null, string][] =>
  outline.blocks.flatMap((b) => (b.type === "table" ? [] : [[b.numbering ?? null, blockText(b)] as [string | null, string]]));

const lvl = (ilvl: number, fmt: string, text: string, extra = ""): string =>
  `<w:lvl w:ilvl="${ilvl}" w:tplc="042A000F"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/>${extra}<w:lvlText w:val="${text}"/><w:lvlJc w:val="left"/></w:lvl>`;

/** A multilevel list as Word's "I. / 1. / a)" outline: one abstractNum, levels 0–2, and a legal "1.1." list. */
const MULTILEVEL = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="${W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">
<w:abstractNum w:abstractNumId="7"><w:multiLevelType w:val="multilevel"/>${lvl(0, "upperRoman", "%1.")}${lvl(1, "decimal", "%2.")}${lvl(2, "lowerLetter", "%3)")}</w:abstractNum>
<w:abstractNum w:abstractNumId="8">${lvl(0, "upperRoman", "%1.")}${lvl(1, "decimal", "%1.%2.", "<w:isLgl/>")}</w:abstractNum>
<w:abstractNum w:abstractNumId="9">${lvl(0, "bullet", "&#61485;")}${lvl(1, "bullet", "+")}</w:abstractNum>
<w:abstractNum w:abstractNumId="10"><w:lvl w:ilvl="0"><w:start w:val="3"/><mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="01, 02, 03, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent><w:pStyle w:val="Heading2"/><w:lvlText w:val="Mục %1:"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="8"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="9"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="10"/></w:num>
</w:numbering>`;

describe("formatCounter", () => {
  it.each([
    [1, "upperRoman", "I"],
    [4, "upperRoman", "IV"],
    [9, "upperRoman", "IX"],
    [14, "upperRoman", "XIV"],
    [3, "lowerRoman", "iii"],
    [1, "lowerLetter", "a"],
    [4, "lowerLetter", "d"],
    [26, "lowerLetter", "z"],
    [28, "lowerLetter", "bb"],
    [2, "upperLetter", "B"],
    [7, "decimal", "7"],
    [7, "decimalZero", "07"],
    [12, "decimalZero", "12"],
    [5, "ordinal", "5"],
  ])("%i in %s → %s", (n, fmt, text) => {
    expect(formatCounter(n, fmt)).toBe(text);
  });
});

describe("numbering.xml: levels, markers, counters", () => {
  const defs = parseNumberingXml(MULTILEVEL);

  it("parses formats, texts, starts, legal numbering and the Word 2010 fallback numFmt", () => {
    expect(defs.abstractNums.get("7")?.get(0)).toEqual({ numFmt: "upperRoman", lvlText: "%1.", start: 1, legal: false });
    expect(defs.abstractNums.get("8")?.get(1)).toMatchObject({ lvlText: "%1.%2.", legal: true });
    expect(defs.abstractNums.get("9")?.get(0)?.lvlText).toBe("\uF02D");
    expect(defs.abstractNums.get("10")?.get(0)).toEqual({ numFmt: "decimal", lvlText: "Mục %1:", start: 3, legal: false });
  });

  it("marks the levels without a pStyle, keeps a real one, and maps both back", () => {
    const marked = markNumberingLevels(MULTILEVEL);
    expect(marked).toContain('<w:lvl w:ilvl="2" w:tplc="042A000F"><w:pStyle w:val="intake-lvl-7-2"/>');
    expect(marked).not.toContain("intake-lvl-10-0");
    expect(marked.match(/<w:lvlText\b/g)?.length).toBe(MULTILEVEL.match(/<w:lvlText\b/g)?.length);
    expect(levelOfStyleId(defs, "intake-lvl-7-2")).toEqual({ abstractNumId: "7", ilvl: 2 });
    expect(levelOfStyleId(defs, "Heading2")).toEqual({ abstractNumId: "10", ilvl: 0 });
    expect(levelOfStyleId(defs, "Normal")).toBeNull();
    expect(levelOfStyleId(defs, null)).toBeNull();
  });

  const at = (abstractNumId: string, ilvl: number): LevelRef => ({ abstractNumId, ilvl });
  it.each<[string, LevelRef[], (string | null)[]]>([
    [
      "I. / 1. / a): deeper levels restart under a new higher one",
      [at("7", 0), at("7", 1), at("7", 2), at("7", 2), at("7", 1), at("7", 0), at("7", 1), at("7", 2)],
      ["I.", "1.", "a)", "b)", "2.", "II.", "1.", "a)"],
    ],
    ["legal numbering shows the roman level in Arabic numerals", [at("8", 0), at("8", 1), at("8", 1), at("8", 0), at("8", 1)], ["I.", "1.1.", "1.2.", "II.", "2.1."]],
    ["a Symbol bullet becomes '-', a typed '+' stays", [at("9", 0), at("9", 1), at("9", 0)], ["-", "+", "-"]],
    ["start 3 and a text around the number", [at("10", 0), at("10", 0)], ["Mục 3:", "Mục 4:"]],
    ["an item before any heading counts its parent from its start", [at("7", 1), at("7", 0), at("7", 1)], ["1.", "I.", "1."]],
    ["an unknown list or level gives nothing", [at("99", 0), at("7", 5)], [null, null]],
    [
      "separate lists keep separate counters",
      [at("7", 0), at("8", 0), at("7", 1), at("8", 0), at("7", 0)],
      ["I.", "I.", "1.", "II.", "II."],
    ],
  ])("%s", (_, refs, texts) => {
    const next = numberingCounter(defs);
    expect(refs.map(next)).toEqual(texts);
  });
});

/** The Word-like fixture with its numbering.xml replaced. */
async function withNumbering(paras: WPara[], xml: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await wordLikeDocx(paras));
  zip.file("word/numbering.xml", xml);
  return zip.generateAsync({ type: "nodebuffer" });
}

const para = (t: string, num?: { id: number; ilvl: number }, extra: Partial<WPara> = {}): WPara => ({ runs: [{ t }], ...(num ? { num } : {}), ...extra });

describe("reading .docx numbering", () => {
  it("Word-like report: 'I.' heading, '1.', '2.', 'a)' items, 'II.' heading, bullets", async () => {
    const r = ok(await readDocx(await wordLikeReport()));
    const list = numbered(r.outline).filter(([n]) => n !== null);
    expect(list).toEqual([
      ["I.", "KẾT QUẢ THỰC HIỆN NHIỆM VỤ"],
      ["1.", SAMPLE.resultItems[0]],
      ["2.", SAMPLE.resultItems[1]],
      ["a)", "Đăng tải 45 tin, bài trên Cổng thông tin."],
      ["II.", "KẾ HOẠCH CÔNG TÁC TUẦN TỚI"],
      ...SAMPLE.planItems.map((t) => ["-", t]),
    ]);
    // The text stays as typed: the numbering is beside it, not in it.
    expect(r.text).not.toContain("I. KẾT QUẢ");
  });

  it("a multilevel Word list: '1.' and 'a)' restart under 'II.'; an empty numbered paragraph still counts", async () => {
    const buf = await withNumbering(
      [
        para("KẾT QUẢ THỰC HIỆN NHIỆM VỤ", { id: 1, ilvl: 0 }, { runs: [{ t: "KẾT QUẢ THỰC HIỆN NHIỆM VỤ", b: true }] }),
        para("Công tác tham mưu", { id: 1, ilvl: 1 }),
        para("Ban hành Kế hoạch thông tin đối ngoại năm 2027.", { id: 1, ilvl: 2 }),
        para("Trình Lãnh đạo Cục dự thảo Quy chế phối hợp.", { id: 1, ilvl: 2 }),
        { num: { id: 1, ilvl: 1 }, runs: [] },
        para("Công tác phối hợp", { id: 1, ilvl: 1 }),
        para("NHIỆM VỤ TRỌNG TÂM TUẦN TỚI", { id: 1, ilvl: 0 }),
        para("Hoàn thiện báo cáo tổng kết năm.", { id: 1, ilvl: 1 }),
        para("Rà soát danh mục tin, bài.", { id: 1, ilvl: 2 }),
        para("Tổng hợp số liệu quý IV", { id: 4, ilvl: 0 }, { style: "Heading2" }),
      ],
      MULTILEVEL,
    );
    const r = ok(await readDocx(buf));
    expect(numbered(r.outline).map(([n]) => n)).toEqual(["I.", "1.", "a)", "b)", "3.", "II.", "1.", "a)", "Mục 3:"]);
  });

  it("docx package numbering config: upper roman, decimal, lower letter levels", async () => {
    const item = (text: string, level: number) => new Paragraph({ text, numbering: { reference: "de-muc", level } });
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: "de-muc",
            levels: [
              { level: 0, format: LevelFormat.UPPER_ROMAN, text: "%1." },
              { level: 1, format: LevelFormat.DECIMAL, text: "%2." },
              { level: 2, format: LevelFormat.LOWER_LETTER, text: "%3)" },
            ],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ text: "BÁO CÁO", heading: HeadingLevel.TITLE }),
            item("KẾT QUẢ CÔNG TÁC", 0),
            item("Thông tin đối ngoại", 1),
            item("Đăng 30 tin, bài.", 2),
            item("Tổ chức 02 cuộc họp báo.", 2),
            item("Hợp tác quốc tế", 1),
            item("KẾ HOẠCH TUẦN TỚI", 0),
            item("Chuẩn bị giao ban", 1),
          ],
        },
      ],
    });
    const r = ok(await readDocx(await Packer.toBuffer(doc)));
    expect(numbered(r.outline).filter(([n]) => n !== null)).toEqual([
      ["I.", "KẾT QUẢ CÔNG TÁC"],
      ["1.", "Thông tin đối ngoại"],
      ["a)", "Đăng 30 tin, bài."],
      ["b)", "Tổ chức 02 cuộc họp báo."],
      ["2.", "Hợp tác quốc tế"],
      ["II.", "KẾ HOẠCH TUẦN TỚI"],
      ["1.", "Chuẩn bị giao ban"],
    ]);
  });

  it("the docx package sample and pandoc: ordered items '1.', '2.'; typed headings keep no extra numbering", async () => {
    for (const buf of [await docxFromDocxLib(), await viaPandoc()]) {
      const r = ok(await readDocx(buf));
      const items = SAMPLE.resultItems.map((t) => r.outline.blocks.find((b) => blockText(b) === t));
      expect(items.map((b) => b?.type !== "table" && b?.numbering)).toEqual(["1.", "2."]);
      const heading = r.outline.blocks.find((b) => blockText(b).startsWith("I. KẾT QUẢ"));
      expect(heading?.type !== "table" && heading?.numbering).toBeUndefined();
      // pandoc's "•" bullets come out as the "-" administrative documents use.
      const bullets = SAMPLE.planItems.map((t) => r.outline.blocks.find((x) => blockText(x) === t));
      expect(bullets.map((x) => x?.type !== "table" && x?.numbering)).toEqual(["-", "-"]);
    }
  });

  it("a .docx without numbering.xml reads as before", async () => {
    const zip = await JSZip.loadAsync(await wordLikeDocx([para("Kết quả công tác tuần 47")]));
    zip.remove("word/numbering.xml");
    const r = ok(await readDocx(await zip.generateAsync({ type: "nodebuffer" })));
    expect(numbered(r.outline)).toEqual([[null, "Kết quả công tác tuần 47"]]);
  });
});

/** A report whose headings are bold Word-numbered paragraphs ("I." list) and whose items are plain "1." items. */
function numberedParagraphReport(): Promise<Buffer> {
  const b = (t: string, num: { id: number; ilvl: number }): WPara => ({ num, runs: [{ t, b: true }] });
  return wordLikeDocx([
    { center: true, runs: [{ t: "BÁO CÁO", b: true }] },
    { center: true, runs: [{ t: "Kết quả công tác tuần 47 và kế hoạch công tác tuần 48", b: true }] },
    b("Kết quả thực hiện nhiệm vụ", { id: WORD_NUM.roman, ilvl: 0 }),
    para("Tham mưu Lãnh đạo Cục ban hành Kế hoạch thông tin đối ngoại năm 2027.", { id: WORD_NUM.decimal, ilvl: 0 }),
    para("Phối hợp với Bộ Ngoại giao tổ chức họp báo quốc tế.", { id: WORD_NUM.decimal, ilvl: 0 }),
    para("Đăng tải 45 tin, bài trên Cổng thông tin.", { id: WORD_NUM.decimal, ilvl: 1 }),
    b("Khó khăn, vướng mắc", { id: WORD_NUM.roman, ilvl: 0 }),
    para("Không có."),
    b("Kiến nghị, đề xuất", { id: WORD_NUM.roman, ilvl: 0 }),
    para("Đề nghị Văn phòng bố trí kinh phí tổ chức hội nghị."),
    b("Kế hoạch công tác tuần tới", { id: WORD_NUM.roman, ilvl: 0 }),
    para("Hoàn thiện dự thảo báo cáo tổng kết năm 2026.", { id: WORD_NUM.bullet, ilvl: 0 }),
    para("Chuẩn bị hội nghị giao ban thông tin đối ngoại.", { id: WORD_NUM.bullet, ilvl: 0 }),
  ]);
}

describe("section check and draft over Word-numbered paragraphs", () => {
  it("'I.' outranks its '1.' items; the results hold them and end at 'II.'; the plan is found", async () => {
    const r = ok(await readDocx(await numberedParagraphReport()));
    const ranks = r.outline.blocks.map((x: Block) => [x.type !== "table" ? x.numbering : undefined, headingRank(x)]);
    expect(ranks.slice(2, 7)).toEqual([["I.", 1], ["1.", 2], ["2.", 2], ["a)", 4], ["II.", 1]]);
    const report = checkSections(r.outline, SECTIONS);
    expect(report.missingRequired).toEqual([]);
    const found = Object.fromEntries(report.findings.map((f) => [f.id, f.found]));
    expect(found).toMatchObject({ ket_qua: true, ke_hoach: true });
    const contents = sectionContents(r.outline, report);
    expect(contents.ket_qua!.map(blockText)).toEqual([
      "Tham mưu Lãnh đạo Cục ban hành Kế hoạch thông tin đối ngoại năm 2027.",
      "Phối hợp với Bộ Ngoại giao tổ chức họp báo quốc tế.",
      "Đăng tải 45 tin, bài trên Cổng thông tin.",
    ]);
    expect(contents.ke_hoach!.map(blockText)).toEqual([
      "Hoàn thiện dự thảo báo cáo tổng kết năm 2026.",
      "Chuẩn bị hội nghị giao ban thông tin đối ngoại.",
    ]);
  });

  it("the draft shows a unit's Word numbering once, before its text", async () => {
    const r = ok(await readDocx(await numberedParagraphReport()));
    const report = checkSections(r.outline, SECTIONS);
    const blocks: Block[] = [
      ...sectionContents(r.outline, report).ket_qua!,
      // Typed and Word numbering together: shown once; a number that only starts the text is no numbering.
      { type: "paragraph", runs: [{ text: "3. Tiếp 02 đoàn phóng viên nước ngoài." }], numbering: "3." },
      { type: "paragraph", runs: [{ text: "1.5 tỷ đồng đã được giải ngân." }], numbering: "4.", list: { ordered: true, level: 0 } },
    ];
    const doc = new Document({ sections: [{ children: nodes([{ kind: "content", unit: "nvdp", blocks }]) }] });
    const { value } = await mammoth.extractRawText({ buffer: await Packer.toBuffer(doc) });
    expect(value.split("\n").filter((l) => l.trim() !== "")).toEqual([
      "1. Tham mưu Lãnh đạo Cục ban hành Kế hoạch thông tin đối ngoại năm 2027.",
      "2. Phối hợp với Bộ Ngoại giao tổ chức họp báo quốc tế.",
      "a) Đăng tải 45 tin, bài trên Cổng thông tin.",
      "3. Tiếp 02 đoàn phóng viên nước ngoài.",
      "4. 1.5 tỷ đồng đã được giải ngân.",
    ]);
  });
});
