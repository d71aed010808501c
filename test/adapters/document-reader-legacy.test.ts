/**
 * Reports typed with the legacy Vietnamese fonts (TCVN3 in .VnTime/.VnTimeH, VNI-Times) read through the document
 * reader: Word-like .docx files whose runs name the font, or whose Normal style does; 8-bit and UTF-8 text; HTML.
 */
import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createDocumentReader } from "../../src/adapters/document-reader.ts";
import type { DocumentRead, SectionDef } from "../../src/domain/model.ts";
import { blockText } from "../../src/domain/document/index.ts";
import { checkSections, sectionContents } from "../../src/domain/document/index.ts";
import { wordLikeDocx, WORD_NUM, type WBlock } from "../support/docx-fixtures.ts";

const SECTIONS: SectionDef[] = parse(readFileSync(new URL("../../templates/regimes/qt-vp-03.yaml", import.meta.url), "utf8")).sections;
const reader = createDocumentReader({ timeoutMs: 120_000 });

function ok(r: DocumentRead): Extract<DocumentRead, { ok: true }> {
  if (!r.ok) throw new Error(`expected a readable document, got ${r.problem}: ${r.detail}`);
  return r;
}

/** The weekly report of Phòng Nghiệp vụ - Điều phối as typed in TCVN3: [legacy, what Word shows]. */
const TCVN3 = {
  agency: ["Côc Th«ng tin ®èi ngo¹i", "Cục Thông tin đối ngoại"],
  unit: ["phßng nghiÖp vô - ®iÒu phèi", "PHÒNG NGHIỆP VỤ - ĐIỀU PHỐI"], // .VnTimeH
  nation: ["céng hßa x· héi chñ nghÜa viÖt nam", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], // .VnTimeH
  motto: ["§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"],
  place: ["Hµ Néi, ngµy 19 th¸ng 11 n¨m 2026", "Hà Nội, ngày 19 tháng 11 năm 2026"],
  report: ["B¸O C¸O", "BÁO CÁO"], // .VnTimeH
  title: ["KÕt qu¶ c«ng t¸c tuÇn 47 vµ kÕ ho¹ch c«ng t¸c tuÇn 48", "Kết quả công tác tuần 47 và kế hoạch công tác tuần 48"],
  // Typed with Caps Lock in .VnTimeH: capitals for the Latin letters, lower-case code points for the toned ones.
  results: ["KÕT QU¶ THùC HIÖN NHIÖM Vô", "KẾT QUẢ THỰC HIỆN NHIỆM VỤ"],
  item1: [
    "Tham m\u00ADu L·nh ®¹o Côc ban hµnh KÕ ho¹ch sè 15/KH-TT§N vÒ th«ng tin ®èi ngo¹i n¨m 2027.",
    "Tham mưu Lãnh đạo Cục ban hành Kế hoạch số 15/KH-TTĐN về thông tin đối ngoại năm 2027.",
  ],
  item2: ["Phèi hîp víi Bé Ngo¹i giao tæ chøc häp b¸o quèc tÕ ngµy 18/11/2026.", "Phối hợp với Bộ Ngoại giao tổ chức họp báo quốc tế ngày 18/11/2026."],
  difficulties1: ["Khã kh¨n, ", "Khó khăn, "],
  difficulties2: ["v\u00ADíng m¾c:", "vướng mắc:"],
  none: ["Kh«ng cã.", "Không có."],
  proposals: ["KiÕn nghÞ, ®Ò xuÊt", "Kiến nghị, đề xuất"],
  proposalsText: ["§Ò nghÞ V¨n phßng bè trÝ kinh phÝ tæ chøc tËp huÊn.", "Đề nghị Văn phòng bố trí kinh phí tổ chức tập huấn."],
  plan: ["KÕ HO¹CH C¤NG T¸C TUÇN TíI", "KẾ HOẠCH CÔNG TÁC TUẦN TỚI"],
  plan1: ["Hoµn thiÖn dù th¶o b¸o c¸o tæng kÕt n¨m 2026.", "Hoàn thiện dự thảo báo cáo tổng kết năm 2026."],
  plan2: ["ChuÈn bÞ héi nghÞ giao ban th«ng tin ®èi ngo¹i.", "Chuẩn bị hội nghị giao ban thông tin đối ngoại."],
  recipients: ["N¬i nhËn:", "Nơi nhận:"],
  signer: ["tr\u00ADëng phßng", "TRƯỞNG PHÒNG"], // .VnTimeH
} as const;

type Key = keyof typeof TCVN3;

/** The report as Word blocks; `font(key)` gives each run's own font (undefined: the Normal style's). */
function report(text: (key: Key) => string, font: (key: Key) => string | undefined): WBlock[] {
  const r = (key: Key, extra: { b?: boolean; i?: boolean } = {}) => {
    const f = font(key);
    return { t: text(key), ...extra, ...(f ? { font: f } : {}) };
  };
  return [
    {
      table: [
        [
          [{ center: true, runs: [r("agency")] }, { center: true, runs: [r("unit", { b: true })] }],
          [{ center: true, runs: [r("nation", { b: true })] }, { center: true, runs: [r("motto", { b: true })] }],
        ],
      ],
    },
    { runs: [r("place", { i: true })] },
    { center: true, runs: [r("report", { b: true })] },
    { center: true, runs: [r("title", { b: true })] },
    { style: "Heading1", num: { id: WORD_NUM.roman, ilvl: 0 }, runs: [r("results")] },
    { style: "ListParagraph", num: { id: WORD_NUM.decimal, ilvl: 0 }, runs: [r("item1")] },
    { style: "ListParagraph", num: { id: WORD_NUM.decimal, ilvl: 0 }, runs: [r("item2")] },
    { runs: [r("difficulties1", { b: true }), r("difficulties2", { b: true })] },
    { runs: [r("none")] },
    { style: "Tiu2", runs: [r("proposals")] },
    { runs: [r("proposalsText")] },
    { style: "Heading1", num: { id: WORD_NUM.roman, ilvl: 0 }, runs: [r("plan")] },
    { num: { id: WORD_NUM.bullet, ilvl: 0 }, runs: [r("plan1")] },
    { num: { id: WORD_NUM.bullet, ilvl: 0 }, runs: [r("plan2")] },
    { table: [[[{ runs: [r("recipients", { b: true, i: true })] }], [{ center: true, runs: [r("signer", { b: true })] }]]] },
  ];
}

const legacy = (key: Key): string => TCVN3[key][0];
const shown = (key: Key): string => TCVN3[key][1];
const CAPITALS: Key[] = ["unit", "nation", "report", "results", "plan", "signer"];
const vnTimeFonts = (key: Key): string => (CAPITALS.includes(key) ? ".VnTimeH" : ".VnTime");

/** What every legacy report must read as: headings found, plan contents, header lines as Word shows them. */
function expectDecodedReport(r: Extract<DocumentRead, { ok: true }>): void {
  const lines = r.outline.blocks.flatMap((b) => (b.type === "table" ? b.rows.flat(2).map(blockText) : [blockText(b)]));
  for (const key of ["agency", "unit", "nation", "motto", "place", "report", "title", "none", "proposalsText", "signer"] as Key[]) {
    expect(lines).toContain(shown(key));
  }
  const sections = checkSections(r.outline, SECTIONS);
  expect(sections.missingRequired).toEqual([]);
  expect(sections.findings.filter((f) => f.found).map((f) => f.heading)).toEqual([
    shown("results"),
    "Khó khăn, vướng mắc:",
    shown("proposals"),
    shown("plan"),
  ]);
  const contents = sectionContents(r.outline, sections);
  expect(contents.ket_qua!.map(blockText)).toEqual([shown("item1"), shown("item2")]);
  expect(contents.ke_hoach!.map(blockText)).toEqual([shown("plan1"), shown("plan2")]);
  expect(r.text).toBe(r.text.normalize("NFC"));
}

describe("legacy Vietnamese in .docx", () => {
  it("TCVN3 runs in .VnTime / .VnTimeH: decoded by font, capitals from the H font, the section check passes", async () => {
    const r = ok(await reader.read({ filename: "BC tuan 47.docx", contentType: "", content: await wordLikeDocx(report(legacy, vnTimeFonts)) }));
    expectDecodedReport(r);
    const bold = r.outline.blocks.find((b) => blockText(b) === "Khó khăn, vướng mắc:");
    expect(bold?.type === "paragraph" && bold.runs).toEqual([{ text: "Khó khăn, vướng mắc:", bold: true }]);
  });

  it("TCVN3 in the Normal style's .VnTime (runs name no font): found by detection over the document", async () => {
    const buf = await wordLikeDocx(report(legacy, () => undefined), { normalFont: ".VnTime" });
    const r = ok(await reader.read({ filename: "BC.docx", contentType: "", content: buf }));
    // Without the font, the capital lines are recognised by their Latin capitals; "phßng nghiÖp vô" stays lower case.
    expect(r.text).toContain("KẾT QUẢ THỰC HIỆN NHIỆM VỤ");
    expect(r.text).toContain("phòng nghiệp vụ - điều phối");
    expect(checkSections(r.outline, SECTIONS).missingRequired).toEqual([]);
    expect(sectionContents(r.outline, checkSections(r.outline, SECTIONS)).ke_hoach!.map(blockText)).toEqual([shown("plan1"), shown("plan2")]);
  });

  it("a Unicode header in Times New Roman beside a TCVN3 body: only the .VnTime runs are decoded", async () => {
    const unicodeKeys: Key[] = ["agency", "unit", "nation", "motto", "place", "report", "title"];
    const text = (key: Key): string => (unicodeKeys.includes(key) ? shown(key) : legacy(key));
    const font = (key: Key): string => (unicodeKeys.includes(key) ? "Times New Roman" : vnTimeFonts(key));
    const r = ok(await reader.read({ filename: "BC.docx", contentType: "", content: await wordLikeDocx(report(text, font)) }));
    expectDecodedReport(r);
    // "Báo cáo" holds only Latin-1 letters: read as TCVN3 it would become "Bỏo cỏo".
    const mixed = await wordLikeDocx([
      { runs: [{ t: "Báo cáo ", font: "Times New Roman" }, { t: "tuÇn 47", font: ".VnTime" }] },
      { runs: [{ t: "KÕt qu¶ c«ng t¸c", font: ".VnTime" }] },
    ]);
    expect(ok(await reader.read({ filename: "BC.docx", contentType: "", content: mixed })).text).toBe("Báo cáo tuần 47\nKết quả công tác");
  });

  it("the same TCVN3 text in a Unicode font stays as Word shows it, and the section check fails", async () => {
    const buf = await wordLikeDocx(report(legacy, () => "Times New Roman"));
    const r = ok(await reader.read({ filename: "BC.docx", contentType: "", content: buf }));
    expect(r.text).toContain(legacy("results"));
    expect(checkSections(r.outline, SECTIONS).missingRequired).toEqual(["ket_qua", "ke_hoach"]);
  });

  it("VNI-Times runs are decoded", async () => {
    const vni: Record<Key, string> = {
      agency: "Cuïc Thoâng tin ñoái ngoaïi",
      unit: "PHOØNG NGHIEÄP VUÏ - ÑIEÀU PHOÁI",
      nation: "COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM",
      motto: "Ñoäc laäp - Töï do - Haïnh phuùc",
      place: "Haø Noäi, ngaøy 19 thaùng 11 naêm 2026",
      report: "BAÙO CAÙO",
      title: "Keát quaû coâng taùc tuaàn 47 vaø keá hoaïch coâng taùc tuaàn 48",
      results: "KEÁT QUAÛ THÖÏC HIEÄN NHIEÄM VUÏ",
      item1: "Tham möu Laõnh ñaïo Cuïc ban haønh Keá hoaïch soá 15/KH-TTÑN veà thoâng tin ñoái ngoaïi naêm 2027.",
      item2: "Phoái hôïp vôùi Boä Ngoaïi giao toå chöùc hoïp baùo quoác teá ngaøy 18/11/2026.",
      difficulties1: "Khoù khaên, ",
      difficulties2: "vöôùng maéc:",
      none: "Khoâng coù.",
      proposals: "Kieán nghò, ñeà xuaát",
      proposalsText: "Ñeà nghò Vaên phoøng boá trí kinh phí toå chöùc taäp huaán.",
      plan: "KEÁ HOAÏCH COÂNG TAÙC TUAÀN TÔÙI",
      plan1: "Hoaøn thieän döï thaûo baùo caùo toång keát naêm 2026.",
      plan2: "Chuaån bò hoäi nghò giao ban thoâng tin ñoái ngoaïi.",
      recipients: "Nôi nhaän:",
      signer: "TRÖÔÛNG PHOØNG",
    };
    const r = ok(await reader.read({ filename: "BC.docx", contentType: "", content: await wordLikeDocx(report((k) => vni[k], () => "VNI-Times")) }));
    expectDecodedReport(r);
  });
});

describe("legacy Vietnamese in text and HTML", () => {
  const lines = (keys: Key[]): string => keys.map((k) => (k === "results" ? "I. " : k === "plan" ? "II. " : "") + legacy(k)).join("\n");
  const body: Key[] = ["agency", "title", "results", "item1", "item2", "proposals", "proposalsText", "plan", "plan1", "plan2"];

  it("an 8-bit TCVN3 .txt: detected in the bytes before windows-1258 fuses them", async () => {
    const r = ok(await reader.read({ filename: "bc.txt", contentType: "text/plain", content: iconv.encode(lines(body), "windows-1252") }));
    expect(r.outline.blocks.map(blockText)).toContain("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ");
    expect(r.text).toContain(shown("item1"));
    expect(checkSections(r.outline, SECTIONS).missingRequired).toEqual([]);
  });

  it("a UTF-8 .txt copied out of a .VnTime document", async () => {
    const r = ok(await reader.read({ filename: "bc.txt", contentType: "text/plain", content: Buffer.from(lines(body)) }));
    expect(r.text).toContain(shown("plan2"));
    expect(checkSections(r.outline, SECTIONS).missingRequired).toEqual([]);
  });

  it("HTML saved from Word with .VnTime fonts, as windows-1252 bytes and as numeric entities", async () => {
    const html = (heading: string) => `<html><head><meta charset="windows-1252"></head><body>
<h2><font face=".VnTimeH">${heading}</font></h2><p><font face=".VnTime">${legacy("item1")}</font></p>
<h2><font face=".VnTimeH">II. ${legacy("plan")}</font></h2><ul><li><font face=".VnTime">${legacy("plan1")}</font></li></ul></body></html>`;
    const expected = [`I. ${shown("results")}`, shown("item1"), `II. ${shown("plan")}`, shown("plan1")];
    const raw = iconv.encode(html(`I. ${legacy("results")}`), "windows-1252");
    const asBytes = ok(await reader.read({ filename: "bc.htm", contentType: "text/html", content: raw }));
    expect(asBytes.outline.blocks.map(blockText)).toEqual(expected);
    const entities = html("I. K&#213;T QU&#182; TH&#249;C HI&#214;N NHI&#214;M V&#244;").replace(/[\u0080-\u00FF]/g, (c) => `&#${c.charCodeAt(0)};`);
    const asEntities = ok(await reader.read({ filename: "bc.htm", contentType: "text/html", content: Buffer.from(entities, "ascii") }));
    expect(asEntities.outline.blocks.map(blockText)).toEqual(expected);
  });

  it("a short windows-1258 text that looks like TCVN3 in a windows-1252 reading stays windows-1258", async () => {
    // "Văn phòng Chính phủ" with windows-1258's combining tones; read as windows-1252 it is "Vãn phoÌng Chiình phuÒ".
    const cp1258 = iconv.encode("- Va\u0306n pho\u0300ng Chi\u0301nh phu\u0309;".normalize("NFC").replace("ò", "o\u0300").replace("í", "i\u0301").replace("ủ", "u\u0309"), "windows-1258");
    const r = ok(await reader.read({ filename: "bc.txt", contentType: "text/plain", content: cp1258 }));
    expect(r.text).toBe("- Văn phòng Chính phủ;");
  });

  it("Unicode, English and French text pass untouched", async () => {
    const text = "Kết quả công tác tuần 47\nWeekly report, week 47\nLe café où nous étions, à côté de l'église © 2026 ®";
    const r = ok(await reader.read({ filename: "bc.txt", contentType: "text/plain", content: Buffer.from(text) }));
    expect(r.text).toBe(text);
  });
});
