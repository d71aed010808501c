/**
 * The document reader against real files from several producers (docx package, LibreOffice, pandoc, a
 * Word-like jszip build) and broken ones. Needs soffice, pdftotext and pandoc: a missing tool fails the test.
 */
import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createDocumentReader, formatOf, sniff } from "../../src/adapters/document-reader.ts";
import type { Block, DocumentRead, Outline, SectionDef } from "../../src/domain/model.ts";
import { blockText } from "../../src/domain/document/index.ts";
import { detectSecrecy, stampOf } from "../../src/domain/document/index.ts";
import { checkSections, sectionContents } from "../../src/domain/document/index.ts";
import {
  SAMPLE,
  docxFromDocxLib,
  encryptedOfficeFile,
  imageOnlyPdf,
  passwordPdf,
  truncatedDocx,
  viaLibreOffice,
  viaPandoc,
  wordLikeDocx,
  wordLikeReport,
  WORD_NUM,
} from "../support/docx-fixtures.ts";

const SECTIONS: SectionDef[] = parse(readFileSync(new URL("../../templates/regimes/qt-vp-03.yaml", import.meta.url), "utf8")).sections;
const reader = createDocumentReader({ timeoutMs: 120_000 });

const read = (filename: string, content: Buffer, contentType = "application/octet-stream"): Promise<DocumentRead> =>
  reader.read({ filename, contentType, content });

function ok(r: DocumentRead): Extract<DocumentRead, { ok: true }> {
  if (!r.ok) throw new Error(`expected a readable document, got ${r.problem}: ${r.detail}`);
  return r;
}

const byText = (outline: Outline, text: string): Block => {
  const b = outline.blocks.find((x) => blockText(x).trim() === text);
  if (!b) throw new Error(`no block "${text}" in ${outline.blocks.map(blockText).join(" / ")}`);
  return b;
};

/** Structure every Word-capable producer must keep for the sample report. */
function expectSampleStructure(outline: Outline): void {
  expect(byText(outline, SAMPLE.results)).toMatchObject({ type: "heading", level: 1 });
  expect(byText(outline, SAMPLE.plan)).toMatchObject({ type: "heading", level: 1 });
  expect(byText(outline, SAMPLE.proposals)).toMatchObject({ type: "heading", level: 2 });
  expect(byText(outline, SAMPLE.resultItems[0]!)).toMatchObject({ type: "paragraph", list: { ordered: true, level: 0 } });
  expect(byText(outline, SAMPLE.planItems[1]!)).toMatchObject({ type: "paragraph", list: { ordered: false, level: 0 } });
  const bold = byText(outline, SAMPLE.difficulties);
  expect(bold.type === "paragraph" && bold.runs.every((r) => r.bold)).toBe(true);
  const italic = byText(outline, SAMPLE.proposalsText);
  expect(italic.type === "paragraph" && italic.runs[0]?.italic).toBe(true);
  const table = outline.blocks.find((b) => b.type === "table");
  expect(table?.type === "table" && table.rows.map((row) => row.map((cell) => cell.map(blockText).join(" ")))).toEqual(SAMPLE.table);
  const report = checkSections(outline, SECTIONS);
  expect(report.missingRequired).toEqual([]);
  expect(report.findings.every((f) => f.found)).toBe(true);
  const contents = sectionContents(outline, report);
  expect(contents.ke_hoach!.map(blockText)).toEqual(SAMPLE.planItems);
}

describe("document reader: producers of .docx", () => {
  it("docx package: headings, numbering, bullets, bold, italic, table; NFD items become NFC", async () => {
    const r = ok(await read("BC tuần 47 - NVĐP.docx", await docxFromDocxLib({ nfdItems: true })));
    expect(r.format).toBe("docx");
    expectSampleStructure(r.outline);
    expect(r.text).toContain(SAMPLE.resultItems[0]!.normalize("NFC"));
    expect(r.text).toBe(r.text.normalize("NFC"));
    expect(r.secret).toBeUndefined();
  });

  it("LibreOffice (.html → .docx)", async () => {
    const r = ok(await read("bao-cao.docx", await viaLibreOffice("docx")));
    expectSampleStructure(r.outline);
  });

  it("pandoc (markdown → .docx)", async () => {
    const r = ok(await read("bao-cao.docx", await viaPandoc()));
    expect(byText(r.outline, SAMPLE.results)).toMatchObject({ type: "heading", level: 1 });
    expect(byText(r.outline, SAMPLE.proposals)).toMatchObject({ type: "heading", level: 2 });
    expect(byText(r.outline, SAMPLE.resultItems[1]!)).toMatchObject({ list: { ordered: true } });
    expect(byText(r.outline, SAMPLE.planItems[0]!)).toMatchObject({ list: { ordered: false } });
    expect(r.outline.blocks.some((b) => b.type === "table")).toBe(true);
    expect(checkSections(r.outline, SECTIONS).missingRequired).toEqual([]);
  });

  it("Word-like: auto-numbered Heading1, localised 'Tiêu đề 2', split bold runs, nested list level, stamp in header table", async () => {
    const r = ok(await read("BC.docx", await wordLikeReport({ stamp: "MẬT" })));
    expect(byText(r.outline, "KẾT QUẢ THỰC HIỆN NHIỆM VỤ")).toMatchObject({ type: "heading", level: 1 });
    expect(byText(r.outline, SAMPLE.proposals)).toMatchObject({ type: "heading", level: 2 });
    const bold = byText(r.outline, "Khó khăn, vướng mắc:");
    expect(bold.type === "paragraph" && bold.runs).toEqual([{ text: "Khó khăn, vướng mắc:", bold: true }]);
    expect(byText(r.outline, "Không có.")).toMatchObject({ runs: [{ text: "Không có." }] });
    expect(byText(r.outline, "Đăng tải 45 tin, bài trên Cổng thông tin.")).toMatchObject({ list: { ordered: true, level: 1 } });
    expect(byText(r.outline, SAMPLE.proposalsText)).toMatchObject({ runs: [{ underline: true }] });
    expect(r.secret).toBe("MẬT");
    const report = checkSections(r.outline, SECTIONS);
    expect(report.findings.map((f) => f.heading)).toEqual([
      "KẾT QUẢ THỰC HIỆN NHIỆM VỤ",
      "Khó khăn, vướng mắc:",
      "Kiến nghị, đề xuất",
      "KẾ HOẠCH CÔNG TÁC TUẦN TỚI",
    ]);
    // The signature table ("Nơi nhận" | "TRƯỞNG PHÒNG") is not part of the plan.
    expect(sectionContents(r.outline, report).ke_hoach!.map(blockText)).toEqual(SAMPLE.planItems);
  });

  it("Word-like without the results section: the title line does not stand in for it", async () => {
    const r = ok(await read("BC.docx", await wordLikeReport({ omitResults: true })));
    expect(checkSections(r.outline, SECTIONS).missingRequired).toEqual(["ket_qua"]);
    expect(r.secret).toBeUndefined();
  });

  it("docx package without the plan", async () => {
    const r = ok(await read("BC.docx", await docxFromDocxLib({ omitPlan: true })));
    expect(checkSections(r.outline, SECTIONS).missingRequired).toEqual(["ke_hoach"]);
  });

  it("images are skipped, not inlined, and an image-only .docx is empty", async () => {
    const r = await read("anh.docx", await wordLikeDocx([{ runs: [] }]));
    expect(r).toMatchObject({ ok: false, problem: "empty" });
  });

  it("a heading style id from a localised Word ('Tiu1') and a table of cells", async () => {
    const buf = await wordLikeDocx([
      { style: "Tiu2", runs: [{ t: "Kết quả công tác tháng" }] },
      { table: [[[{ runs: [{ t: "Kế hoạch tháng tới", b: true }] }], [{ runs: [{ t: "Tổ chức hội nghị." }] }]]] },
      { num: { id: WORD_NUM.roman, ilvl: 0 }, runs: [{ t: "Kiến nghị" }] },
    ]);
    const r = ok(await read("BC.docx", buf));
    expect(r.outline.blocks[0]).toMatchObject({ type: "heading", level: 2 });
    expect(r.outline.blocks[1]).toMatchObject({ type: "table", rows: [[[{ runs: [{ bold: true }] }], [{ type: "paragraph" }]]] });
    const report = checkSections(r.outline, SECTIONS);
    expect(report.findings.filter((f) => f.found).map((f) => [f.id, f.blockIndex])).toEqual([
      ["ket_qua", 0],
      ["kien_nghi", 2],
      ["ke_hoach", 1],
    ]);
    expect(sectionContents(r.outline, report).ke_hoach!.map(blockText)).toEqual(["Tổ chức hội nghị."]);
  });
});

describe("document reader: other formats via LibreOffice and pdftotext", () => {
  it.each(["odt", "doc", "rtf"] as const)(".%s is converted and keeps the outline", async (format) => {
    const r = ok(await read(`bao-cao.${format}`, await viaLibreOffice(format)));
    expect(r.format).toBe(format);
    expectSampleStructure(r.outline);
  });

  it("a .docx saved with a .doc name is read directly", async () => {
    const r = ok(await read("bao-cao.doc", await docxFromDocxLib()));
    expect(r.format).toBe("doc");
    expectSampleStructure(r.outline);
  });

  it("without LibreOffice a .doc is unsupported and asks for .docx", async () => {
    const noSoffice = createDocumentReader({ sofficePath: null });
    const r = await noSoffice.read({ filename: "bc.doc", contentType: "application/msword", content: await viaLibreOffice("doc") });
    expect(r).toMatchObject({ ok: false, format: "doc", problem: "unsupported" });
    expect(!r.ok && r.detail).toContain(".docx");
  });

  it("a text PDF: lines become blocks, sections found, stamp detected", async () => {
    const r = ok(await read("BC.pdf", await viaLibreOffice("pdf", { stamp: "TỐI MẬT" })));
    expect(r.format).toBe("pdf");
    expect(r.secret).toBe("TỐI MẬT");
    expect(byText(r.outline, "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ")).toMatchObject({ numbering: "I." });
    const report = checkSections(r.outline, SECTIONS);
    expect(report.missingRequired).toEqual([]);
    expect(report.findings.find((f) => f.id === "kien_nghi")?.found).toBe(true);
  });

  it("an image-only PDF is scanned", async () => {
    expect(await read("BC scan.pdf", imageOnlyPdf())).toMatchObject({ ok: false, format: "pdf", problem: "scanned" });
  });

  it("a password-protected PDF is encrypted", async () => {
    expect(await read("BC.pdf", await passwordPdf())).toMatchObject({ ok: false, format: "pdf", problem: "encrypted" });
  });
});

describe("document reader: broken and foreign files", () => {
  it.each([
    ["0 bytes", "BC.docx", () => Buffer.alloc(0), "empty"],
    ["truncated download", "BC.docx", truncatedDocx, "corrupt"],
    ["password-protected .docx (OLE2 EncryptedPackage)", "BC.docx", encryptedOfficeFile, "encrypted"],
    ["text renamed .docx", "BC.docx", () => Buffer.from("\u0000\u0001garbage\u0002"), "corrupt"],
    ["a .zip archive", "BC tuần 47.zip", async () => (await docxFromDocxLib()).subarray(0, 0x1e), "unsupported"],
    ["an image", "scan.jpg", () => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]), "unsupported"],
    ["a broken PDF", "BC.pdf", () => Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog"), "corrupt"],
  ] as [string, string, () => Buffer | Promise<Buffer>, string][])("%s → %s", async (_n, filename, make, problem) => {
    const r = await read(filename, await make());
    expect(r).toMatchObject({ ok: false, problem });
  });

  it("an .xlsx is unsupported with its format named", async () => {
    const JSZip = (await import("jszip")).default;
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file("xl/workbook.xml", "<workbook/>");
    const r = await read("Phụ lục.xlsx", await zip.generateAsync({ type: "nodebuffer" }));
    expect(r).toMatchObject({ ok: false, format: "xlsx", problem: "unsupported" });
  });
});

describe("document reader: text and HTML", () => {
  const body = "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ\n1. Đăng tải 45 tin, bài.\nII. KẾ HOẠCH TUẦN TỚI\n- Giao ban.";
  it("UTF-8 .txt", async () => {
    const r = ok(await read("bc.txt", Buffer.from(body), "text/plain"));
    expect(r.outline.blocks).toHaveLength(4);
    expect(checkSections(r.outline, SECTIONS).missingRequired).toEqual([]);
  });
  it("windows-1258 .txt decodes to NFC Vietnamese", async () => {
    // windows-1258 has the letters with shape marks (Â, Ê, Ơ…) but writes the tone marks as combining characters.
    const cp1258Form = body
      .normalize("NFD")
      .replace(/(\P{M})(\p{M}+)/gu, (_m, base: string, marks: string) => {
        const tones = marks.replace(/[^\u0300\u0301\u0303\u0309\u0323]/g, "");
        return (base + marks.replace(/[\u0300\u0301\u0303\u0309\u0323]/g, "")).normalize("NFC") + tones;
      });
    const bytes = iconv.encode(cp1258Form, "windows-1258");
    expect(bytes.includes(0x3f)).toBe(false); // nothing fell back to "?"
    const r = ok(await read("bc.txt", bytes, "text/plain"));
    expect(r.text).toContain("KẾ HOẠCH TUẦN TỚI");
    expect(r.text).toBe(r.text.normalize("NFC"));
  });
  it("HTML: block elements become lines, entities decoded", async () => {
    const html = "<html><body><h2>I. K&#7870;T QU&#7842; TH&#7920;C HI&#7878;N NHI&#7878;M V&#7908;</h2><p>Đăng tải&nbsp;45 tin.</p><h2>II. KẾ HOẠCH TUẦN TỚI</h2><ul><li>Giao ban &amp; tổng kết</li></ul></body></html>";
    const r = ok(await read("bc.html", Buffer.from(html), "text/html"));
    expect(r.outline.blocks.map(blockText)).toEqual(["I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ", "Đăng tải 45 tin.", "II. KẾ HOẠCH TUẦN TỚI", "Giao ban & tổng kết"]);
    expect(checkSections(r.outline, SECTIONS).missingRequired).toEqual([]);
  });
  it("a stamp in a text document is detected", async () => {
    const r = ok(await read("bc.txt", Buffer.from(`TUYỆT MẬT\nBÁO CÁO\n${body}`)));
    expect(r.secret).toBe("TUYỆT MẬT");
  });
});

describe("secrecy stamps", () => {
  it.each([
    ["MẬT", "MẬT"],
    ["TỐI MẬT", "TỐI MẬT"],
    ["TUYỆT MẬT", "TUYỆT MẬT"],
    ["“MẬT”", "MẬT"],
    ["[TỐI MẬT]", "TỐI MẬT"],
    ["Số: 12/BC-TTĐN            MẬT", "MẬT"],
    ["CỤC THÔNG TIN ĐỐI NGOẠI\tTỐI MẬT", "TỐI MẬT"],
    ["Độ mật: TUYỆT MẬT", "TUYỆT MẬT"],
    ["MẬT".normalize("NFD"), "MẬT"],
    ["Mật", null],
    ["mật", null],
    ["BẢO VỆ BÍ MẬT NHÀ NƯỚC", null],
    ["Đề nghị không gửi mật khẩu qua thư.", null],
    ["Thông tin bí mật của đơn vị", null],
    ["MẬT KHẨU", null],
    ["KHẨN", null],
  ])("%s → %s", (line, expected) => {
    expect(stampOf(line)).toBe(expected);
  });

  it("only the header block counts, and the most severe stamp wins", () => {
    const filler = Array.from({ length: 20 }, (_, i) => `${i + 1}. Nội dung công việc số ${i + 1}.`);
    expect(detectSecrecy(["CỤC THÔNG TIN ĐỐI NGOẠI", "MẬT", "TỐI MẬT", ...filler])).toBe("TỐI MẬT");
    expect(detectSecrecy([...filler, "MẬT"])).toBeNull();
    expect(detectSecrecy(["", "", "MẬT"])).toBe("MẬT");
  });
});

describe("sniff", () => {
  it("tells formats by their bytes", async () => {
    expect(sniff(await docxFromDocxLib())).toBe("docx");
    expect(sniff(encryptedOfficeFile())).toBe("ole-encrypted");
    expect(sniff(imageOnlyPdf())).toBe("pdf");
    expect(sniff(Buffer.from("{\\rtf1\\ansi Báo cáo}"))).toBe("rtf");
    expect(sniff(Buffer.from("Báo cáo tuần 47"))).toBe("text");
  });
});

describe("formatOf", () => {
  it.each([
    ["Báo cáo tuần 47.DOCX", "application/octet-stream", "docx"],
    ["noname", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"],
    ["noname", "application/msword", "doc"],
    ["noname", "application/pdf", "pdf"],
    ["noname", "text/plain; charset=utf-8", "txt"],
    ["", "application/x-unknown-thing", "x-unknown-thing"],
  ])("%s (%s) → %s", (filename, type, expected) => expect(formatOf(filename, type)).toBe(expected));
});
