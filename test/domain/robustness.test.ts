/**
 * Property-style robustness of the pure domain on hostile input: random Unicode (combining marks, zero-width and
 * bidi characters, astral and lone surrogates, controls), 100 KB lines, 10 000 blocks, tables nested thousands deep,
 * huge or impossible period numbers. Each function must return (never throw), stay fast, and keep its invariants;
 * where the outcome is meaningful it is asserted exactly. Random cases come from a seeded PRNG: a failure names its
 * seed and is reproducible.
 */
import { describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { CONFIDENCE_THRESHOLD, classifyMessage } from "../../src/domain/classify/index.ts";
import { periodFromId } from "../../src/domain/calendar/index.ts";
import type { DocumentFacts, MailFacts } from "../../src/domain/message.ts";
import type { Block, Outline } from "../../src/domain/model.ts";
import { bodyOutline } from "../../src/domain/document/index.ts";
import { findPeriodPhrases } from "../../src/domain/classify/index.ts";
import { checkSections } from "../../src/domain/document/index.ts";
import { fold, foldWithOffsets } from "../../src/domain/text/index.ts";
import { fewWords } from "../../src/domain/document/sections.ts";
import { matchUnits } from "../../src/domain/classify/index.ts";
import { loadTemplateRegime } from "../support/regime.ts";

const ZONE = "Asia/Ho_Chi_Minh";
const NOV18 = DateTime.fromISO("2026-11-18T10:12:00", { zone: ZONE }).toJSDate();
const CTX = { receivedAt: NOV18, zone: ZONE };
const QT = loadTemplateRegime();
QT.units = QT.units.map((u) => ({ ...u, addresses: [`${u.id}@cuc.example.vn`] }));
const UNIT_IDS = QT.units.map((u) => u.id);
const SECTION_IDS = QT.sections.map((s) => s.id);
/**
 * A linear pass over 100 KB takes a few ms to ~300 ms here (a few times that on a loaded CI machine); the quadratic
 * cases fixed took 5–20 s on the same inputs. The margin keeps the test honest without flaking under load.
 */
const FAST_MS = 3000;

/** mulberry32: small, seeded, good enough to spread cases. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
type Rng = ReturnType<typeof prng>;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;

const WORDS = [
  "báo cáo", "BÁO CÁO", "Bao cao", "BC", "tuần", "tháng", "quý", "năm", "T11", "th12", "Q4", "quý IV", "quý V", "sơ kết",
  "6 tháng đầu năm", "tổng kết năm", "kế hoạch", "nhiệm vụ trọng tâm", "tháng tới", "2026-W47", "2027-W53", "2026",
  "47", "13", "0", "99999999999", "16/11", "20/11/2026", "31/02", "Phòng NVĐP", "TTĐN", "Trung tâm Báo chí", "VP",
  "Văn phòng", "15/KH-TTĐN", "nvdp@cuc.example.vn", "https://cuc.example.vn/x", "Kết quả thực hiện", "Khó khăn",
  "Kiến nghị", "Kế hoạch công tác tuần tới", "I.", "2.1.", "a)", "-", "•", ":", "(", ")", "|", "Hà Nam", "Việt Nam",
  "Kính gửi", "gửi", "T5", "sáng", "Thứ Năm",
];
const HOSTILE = [
  "\u0301", "\u0323\u0302", "\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad", "\u2060", "\u202e", "\u202b", "\u200f",
  "\u2066", "\u2069", "تقرير", "דוח", "😀", "👨‍👩‍👧", "\ud800", "\udfff", "\u0000", "\u0007", "\t", "\r\n", "\r", "\n",
  "\f", "\u2028", "\u00a0", "　", "Ｔ１１", "İ", "ẞ", "ﬁ", "Ⅻ", "①", "𝐁𝐂", "\u0f93", "\u06d6", "\u20dc",
];

/** A random text of about `tokens` tokens: words of the domain, hostile characters, random code points. */
function randomText(rng: Rng, tokens: number): string {
  let s = "";
  for (let i = 0; i < tokens; i++) {
    const r = rng();
    if (r < 0.45) s += pick(rng, WORDS);
    else if (r < 0.7) s += pick(rng, HOSTILE);
    else if (r < 0.85) s += String.fromCodePoint(Math.floor(rng() * 0x110000));
    else s += String.fromCharCode(Math.floor(rng() * 0x10000));
    if (rng() < 0.6) s += " ";
  }
  return s;
}

function randomBlock(rng: Rng, depth: number): Block {
  const r = rng();
  if (r < 0.15 && depth < 6) {
    const rows = Array.from({ length: 1 + Math.floor(rng() * 3) }, () =>
      Array.from({ length: 1 + Math.floor(rng() * 3) }, () => Array.from({ length: Math.floor(rng() * 3) }, () => randomBlock(rng, depth + 1))),
    );
    return { type: "table", rows };
  }
  const runs = Array.from({ length: Math.floor(rng() * 3) }, () => ({ text: randomText(rng, 1 + Math.floor(rng() * 8)), bold: rng() < 0.3 }));
  if (r < 0.4) return { type: "heading", level: 1 + Math.floor(rng() * 9), runs };
  return rng() < 0.2 ? { type: "paragraph", runs, list: { ordered: rng() < 0.5, level: Math.floor(rng() * 4) } } : { type: "paragraph", runs };
}

const randomOutline = (rng: Rng): Outline => ({ blocks: Array.from({ length: Math.floor(rng() * 25) }, () => randomBlock(rng, 0)) });

/** Runs `fn`, fails when it takes longer than `ms`, returns its value. */
function fast<T>(fn: () => T, ms = FAST_MS): T {
  const started = performance.now();
  const value = fn();
  expect(performance.now() - started).toBeLessThan(ms);
  return value;
}

const p = (text: string): Block => ({ type: "paragraph", runs: [{ text }] });
const h = (text: string): Block => ({ type: "heading", level: 1, runs: [{ text }] });
const nested = (inner: Block[], depth: number): Block[] => {
  let b = inner;
  for (let d = 0; d < depth; d++) b = [{ type: "table", rows: [[b, [p("x")]]] }];
  return b;
};
const REPORT_BODY: Block[] = [h("I. Kết quả thực hiện nhiệm vụ"), p("Nội dung."), h("II. Khó khăn, vướng mắc"), p("Không có."), h("III. Kế hoạch công tác tuần tới"), p("Tiếp tục.")];

/** Adversarial 100 KB texts: each once took seconds in some function (quadratic backtracking or rebuilding). */
const BIG: [string, string][] = [
  ["one 100 KB word", "a".repeat(100_000)],
  ["100 KB of digits", "1".repeat(100_000)],
  ["a word then inner spaces", `x${" ".repeat(100_000)}y`],
  ["a long hyphen chain", `/A${"-A".repeat(50_000)}`],
  ["TTĐN chain not closed", `TTĐN${"-A".repeat(50_000)}a`],
  ["a long run of mail-address characters then @", `${"a.b-c".repeat(20_000)}@`],
  ["10 000 document symbols", "15/KH-TTĐN ".repeat(10_000)],
  ["40 000 one-digit T (200 KB)", "x t5 ".repeat(40_000)],
  ["unclosed parentheses", `KẾT QUẢ THỰC HIỆN ${"(".repeat(100_000)}`],
  ["only combining marks", "\u0301".repeat(100_000)],
  ["zero-width soup", "\u200b\u200d\ufeff".repeat(33_000)],
  ["period words", "báo cáo tuần 47 tháng 11 quý IV ".repeat(3_000)],
  ["base64 blob", Buffer.from("x".repeat(75_000)).toString("base64")],
];

describe("fewWords, the section checker's short cut past long paragraphs", () => {
  it("answers as counting fold()'s words does (5 000 random texts, limits 0–30)", () => {
    const rng = prng(20261129);
    for (let i = 0; i < 5000; i++) {
      const s = randomText(rng, 1 + Math.floor(rng() * 40));
      const limit = Math.floor(rng() * 31);
      const f = fold(s);
      const n = f === "" ? 0 : f.split(" ").length;
      expect(fewWords(s, limit), `seed 20261129 case ${i} (limit ${limit}, ${n} words): ${JSON.stringify(s)}`).toBe(n <= limit);
    }
  });
});

describe("fold on hostile text", () => {
  it("gives only [a-z0-9] words with single spaces, is idempotent, NFD-blind and equals foldWithOffsets (5 000 random texts)", () => {
    const rng = prng(20261118);
    for (let i = 0; i < 5000; i++) {
      const s = randomText(rng, 1 + Math.floor(rng() * 20));
      const f = fold(s);
      const o = foldWithOffsets(s, "");
      const ctx = `seed 20261118 case ${i}: ${JSON.stringify(s)}`;
      expect(f, ctx).toMatch(/^(?:[a-z0-9]+(?: [a-z0-9]+)*)?$/);
      expect(fold(f), ctx).toBe(f);
      expect(fold(s.normalize("NFD")), ctx).toBe(f);
      expect(o.folded, ctx).toBe(f);
      expect(o.start.length, ctx).toBe(f.length);
      for (let k = 0; k < o.start.length; k++) expect(o.start[k]! < o.end[k]! && o.end[k]! <= o.source.length, ctx).toBe(true);
    }
  });

  it.each<[string, string]>([
    ["BÁO CÁO TUẦN 47", "bao cao tuan 47"],
    ["BÁO CÁO TUẦN 47".normalize("NFD"), "bao cao tuan 47"],
    ["Khánh Hoà", "khanh hoa"],
    ["Khánh Hòa", "khanh hoa"],
    ["tu\u200bần\u00ad 47", "tuan 47"],
    ["\ufeffBáo c\u200dáo tháng\u2060 11", "bao cao thang 11"],
    ["\u202eĐơn vị\u202c \u2066NVĐP\u2069", "don vi nvdp"],
    ["\u0301".repeat(20), ""],
    ["İ\u0f93NVĐP", "invdp"],
    ["😀 báo cáo 👨‍👩‍👧", "bao cao"],
    ["\ud800tuần\udfff47", "tuan 47"],
    ["Kiến nghị, đề xuất:", "kien nghi de xuat"],
  ])("fold(%j) = %j", (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it.each(BIG)("stays fast on %s", (_name, text) => {
    const f = fast(() => fold(text));
    expect(f.length).toBeLessThanOrEqual(text.length);
  });
});

describe("findPeriodPhrases on hostile text", () => {
  it("never throws; every id is a valid period of its kind and `at`/`matched` point into the NFC text (3 000 random texts)", () => {
    const rng = prng(47);
    for (let i = 0; i < 3000; i++) {
      const s = randomText(rng, 1 + Math.floor(rng() * 30));
      const source = s.normalize("NFC");
      const ctx = `seed 47 case ${i}: ${JSON.stringify(s)}`;
      const ms = findPeriodPhrases(s, { receivedAt: new Date(Date.UTC(2020, 0, 1) + rng() * 3.2e11), zone: ZONE });
      let last = -1;
      for (const m of ms) {
        if (m.id !== null) expect(periodFromId(m.kind, m.id, ZONE), ctx).not.toBeNull();
        expect(source.slice(m.at, m.at + m.matched.length), ctx).toBe(m.matched);
        expect(m.at, ctx).toBeGreaterThanOrEqual(last);
        last = m.at;
      }
    }
  });

  const ids = (text: string, receivedAt = NOV18): (string | null)[] => findPeriodPhrases(text, { receivedAt, zone: ZONE }).map((m) => m.id ?? `${m.kind}:?`);
  it.each<[string, (string | null)[]]>([
    ["tuần 99999999999", []],
    ["tháng 99999999999", []],
    ["quý 99", []],
    ["năm 99999", []],
    ["tháng 13/2026", []],
    ["tháng 0/2026", []],
    ["T13", []],
    ["T00/2026", []],
    ["quý V", []],
    ["quý V năm 2026", ["2026"]],
    ["Q5/2026", []],
    ["quý 0", []],
    ["2026-W53", ["2026-W53"]],
    ["2026-W54", []],
    ["2027-W53", []],
    ["2026-W00", []],
    ["tuần 53/2026", ["2026-W53"]],
    ["tuần 53/2027", []],
    ["tuần 0", []],
    ["tuần 54", []],
    ["tuần từ 31/02 đến 06/03/2026", []],
    ["tuần từ 29/02 đến 06/03/2026", []],
    ["tuần từ 29/02 đến 06/03/2028", ["2028-W09"]],
    ["tuần từ 99/99 đến 99/99/2026", []],
    ["tháng 12/2099", ["2099-12"]],
    ["Báo cáo quý V", ["quarter:?"]],
    ["tu\u200bần 47", ["2026-W47"]],
    ["\u202eBáo cáo tuần 47\u202c", ["2026-W47"]],
    ["BÁO CÁO THÁNG 11".normalize("NFD"), ["2026-11"]],
    ["تقرير tháng\u200b 11 דוח", ["2026-11"]],
    ["t\u0301uần 47", ["2026-W47"]],
  ])("%j → %j", (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it("reads week 53 of the only ISO year that has one", () => {
    expect(ids("tuần 53", DateTime.fromISO("2027-01-04T09:00", { zone: ZONE }).toJSDate())).toEqual(["2026-W53"]);
    expect(ids("tuần 53", DateTime.fromISO("2027-11-17T09:00", { zone: ZONE }).toJSDate())).toEqual([]);
  });

  it.each(BIG)("stays fast on %s", (_name, text) => {
    fast(() => findPeriodPhrases(text, CTX));
  });

  it("finds the phrase after 100 KB of noise, quoted as written", () => {
    const ms = fast(() => findPeriodPhrases(`${"\u0301x\u200b ".repeat(25_000)}Báo cáo tuần 47/2026`, CTX));
    expect(ms.map((m) => [m.id, m.matched])).toEqual([["2026-W47", "tuần 47/2026"]]);
  });
});

describe("matchUnits on hostile text", () => {
  it("never throws; only the regime's units, quoted from the text (3 000 random texts)", () => {
    const rng = prng(2026);
    for (let i = 0; i < 3000; i++) {
      const s = randomText(rng, 1 + Math.floor(rng() * 30));
      const ctx = `seed 2026 case ${i}: ${JSON.stringify(s)}`;
      for (const m of matchUnits(s, QT.units)) {
        expect(UNIT_IDS, ctx).toContain(m.unit);
        expect(m.matched.length, ctx).toBeGreaterThan(0);
        expect(s.normalize("NFC").includes(m.matched), ctx).toBe(true);
      }
    }
  });

  it.each<[string, string[]]>([
    ["Phòng N\u200bVĐP", ["nvdp"]],
    ["\u202ePhòng Truyền thông đối ngoại\u202c", ["ttdn"]],
    ["P.TT\u00adĐN", ["ttdn"]],
    ["\u0301\u0301NVĐP\u0301", ["nvdp"]],
    ["nvdp@cuc.example.vn", []],
    ["Số: 15/KH-TTĐN", []],
    ["NVĐP".repeat(1000), []],
  ])("%j → %j", (text, expected) => {
    expect(matchUnits(text, QT.units).map((m) => m.unit)).toEqual(expected);
  });

  it.each(BIG)("stays fast on %s", (_name, text) => {
    fast(() => matchUnits(text, QT.units));
  });

  it("finds the unit after a 100 KB token", () => {
    expect(fast(() => matchUnits(`${"a".repeat(100_000)} Trung tâm Báo chí và Hợp tác truyền thông quốc tế`, QT.units)).map((m) => m.unit)).toEqual(["ttbc"]);
  });
});

describe("bodyOutline on hostile text", () => {
  it("never throws; one trimmed, non-empty paragraph per kept line (2 000 random texts)", () => {
    const rng = prng(7);
    for (let i = 0; i < 2000; i++) {
      const s = randomText(rng, 1 + Math.floor(rng() * 40));
      const ctx = `seed 7 case ${i}: ${JSON.stringify(s)}`;
      const lines = s.normalize("NFC").split(/\r\n?|\n|\f/).map((l) => l.trim()).filter((l) => l !== "");
      const blocks = bodyOutline(s).blocks;
      expect(blocks.length, ctx).toBeLessThanOrEqual(lines.length);
      for (const b of blocks) {
        expect(b.type, ctx).toBe("paragraph");
        const text = b.type === "paragraph" ? b.runs.map((r) => r.text).join("") : "";
        expect(lines, ctx).toContain(text);
      }
    }
  });

  it("10 000 lines give 10 000 blocks, numbered ones marked", () => {
    const blocks = fast(() => bodyOutline(Array.from({ length: 10_000 }, (_, i) => (i % 2 ? `- mục ${i}` : `${(i % 90) + 1}. Nội dung ${i}`)).join("\r\n")).blocks);
    expect(blocks).toHaveLength(10_000);
    expect(blocks[0]).toEqual({ type: "paragraph", runs: [{ text: "1. Nội dung 0" }], numbering: "1." });
    expect(blocks[1]).toEqual({ type: "paragraph", runs: [{ text: "- mục 1" }], list: { ordered: false, level: 0 } });
  });

  it.each(BIG)("stays fast on %s", (_name, text) => {
    fast(() => bodyOutline(text));
  });

  it("keeps a 100 KB line whole, trimmed, and drops rule lines", () => {
    const line = `Kết quả${" ".repeat(100_000)}đạt`;
    const blocks = fast(() => bodyOutline(`  ${line}  \r-----\r\f\u2028 ____ \nHết`).blocks);
    expect(blocks.map((b) => (b.type === "paragraph" ? b.runs[0]!.text : ""))).toEqual([line, "Hết"]);
  });
});

describe("checkSections on hostile outlines", () => {
  it("never throws; findings follow the regime, missingRequired is exactly the required ones not found (1 000 random outlines)", () => {
    const rng = prng(3);
    for (let i = 0; i < 1000; i++) {
      const outline = randomOutline(rng);
      if (rng() < 0.5) outline.blocks.push(...REPORT_BODY.filter(() => rng() < 0.6));
      const ctx = `seed 3 case ${i}`;
      const r = checkSections(outline, QT.sections);
      expect(r.findings.map((f) => f.id), ctx).toEqual(SECTION_IDS);
      const notFound = QT.sections.filter((s) => s.required && !r.findings.find((f) => f.id === s.id)!.found).map((s) => s.id);
      expect(r.missingRequired, ctx).toEqual(notFound);
      for (const f of r.findings) {
        expect(f.heading === null, ctx).toBe(!f.found);
        if (f.found) expect(f.blockIndex! >= 0 && f.blockIndex! < outline.blocks.length, ctx).toBe(true);
      }
    }
  });

  it("finds the sections after 10 000 blocks of text, at their block index", () => {
    const filler = Array.from({ length: 10_000 }, (_, i) => (i % 3 ? p(`${i % 9}. Nội dung công việc số ${i}`) : h(`Mục ${i}`)));
    const r = fast(() => checkSections({ blocks: [...filler, ...REPORT_BODY] }, QT.sections));
    expect(r.missingRequired).toEqual([]);
    expect(r.findings.map((f) => [f.id, f.blockIndex])).toEqual([["ket_qua", 10_000], ["kho_khan", 10_002], ["kien_nghi", null], ["ke_hoach", 10_004]]);
  });

  // Outlines are built lazily: vitest formats test arguments, and a 20 000-deep table would overflow that.
  it.each<[string, () => Block[], string[]]>([
    ["headings of combining marks only", () => ["\u0301\u0301", "\u0323".repeat(500), "\u200b"].map(h), ["ket_qua", "ke_hoach"]],
    ["zero-width characters inside the headings", () => [h("I. Kết qu\u200bả thực hiện"), h("II. K\u00adế hoạch công tác tuần tới")], []],
    ["RTL marks around the headings", () => [h("\u202bKẾT QUẢ THỰC HIỆN NHIỆM VỤ\u202c"), p("\u200fKế hoạch công tác tuần tới:")], []],
    ["a 100 KB heading line", () => [h(`Kết quả thực hiện ${"rất ".repeat(25_000)}`), h("Kế hoạch tuần tới")], ["ket_qua"]],
    ["an empty heading and empty table", () => [h(""), { type: "table", rows: [] }, { type: "table", rows: [[[]]] }], ["ket_qua", "ke_hoach"]],
    ["the report under tables nested 5 000 deep", () => [...nested([p("BÁO CÁO")], 5000), ...REPORT_BODY], []],
    ["only tables nested 20 000 deep", () => nested(REPORT_BODY, 20_000), ["ket_qua", "ke_hoach"]],
  ])("%s → missing %j", (_name, build, missing) => {
    const blocks = build();
    expect(fast(() => checkSections({ blocks }, QT.sections)).missingRequired).toEqual(missing);
  });

  it.each(BIG)("stays fast on a body of %s", (_name, text) => {
    fast(() => checkSections(bodyOutline(text), QT.sections));
  });
});

function facts(o: { subject: string; text?: string; from?: string | null; files?: { name: string; outline: Outline }[] }): { facts: MailFacts; documents: DocumentFacts[] } {
  const files = o.files ?? [];
  const text = o.text ?? "Kính gửi Văn phòng.";
  const f: MailFacts = {
    messageId: "<r1@cuc.example.vn>", from: o.from === undefined ? "nvdp@cuc.example.vn" : o.from, fromName: null, to: ["tonghop@cuc.example.vn"],
    cc: [], replyTo: [], subject: o.subject, date: null, receivedAt: NOV18, headers: {}, contentType: "multipart/mixed",
    inReplyTo: null, references: [], text, forwarded: null, problems: [],
    attachments: files.map((x) => ({ filename: x.name, contentType: "application/octet-stream", size: 1, sha256: "0".repeat(64), content: Buffer.alloc(0), fromForwarded: false })),
  };
  const documents: DocumentFacts[] = files.map((x, i) => ({ source: i, filename: x.name, read: { ok: true, outline: x.outline, text: "", format: "docx" } }));
  documents.push({ source: "body", filename: null, read: { ok: true, outline: bodyOutline(text), text, format: "body" } });
  return { facts: f, documents };
}

describe("classifyMessage on hostile mail", () => {
  it("never throws; attributed candidates are complete, valid and confident (600 random mails)", () => {
    const rng = prng(1795);
    const senders = [null, "nvdp@cuc.example.vn", "ttdn@cuc.example.vn", "la@gmail.com", "\u202envdp@cuc.example.vn"];
    for (let i = 0; i < 600; i++) {
      const files = Array.from({ length: Math.floor(rng() * 4) }, () => ({ name: `${randomText(rng, 4)}.${pick(rng, ["docx", "pdf", "png", "", "doc\u200b"])}`, outline: randomOutline(rng) }));
      const input = facts({ subject: randomText(rng, 1 + Math.floor(rng() * 10)), text: randomText(rng, Math.floor(rng() * 60)), from: pick(rng, senders), files });
      const ctx = `seed 1795 case ${i}: ${JSON.stringify(input.facts.subject)}`;
      const out = classifyMessage(input, [QT], { zone: ZONE });
      expect(out.length, ctx).toBeGreaterThan(0);
      for (const c of out) {
        expect(c.confidence >= 0 && c.confidence <= 1, ctx).toBe(true);
        for (const d of c.documents) expect(input.documents.some((x) => x.source === d), ctx).toBe(true);
        if (c.reason !== null) {
          expect(c.confidence, ctx).toBeLessThan(CONFIDENCE_THRESHOLD);
          continue;
        }
        expect(c.isReport && UNIT_IDS.includes(c.unit!), ctx).toBe(true);
        expect(c.confidence, ctx).toBeGreaterThanOrEqual(CONFIDENCE_THRESHOLD);
        expect(periodFromId(c.kind!, c.period!, ZONE), ctx).not.toBeNull();
      }
    }
  });

  const summary = (subject: string, text?: string): string[] =>
    classifyMessage(facts({ subject, ...(text === undefined ? {} : { text }) }), [QT], { zone: ZONE }).map((c) =>
      c.reason ? c.reason.split(":")[0]! : `${c.unit} ${c.kind} ${c.period}${c.periodInferred ? " (inferred)" : ""}`,
    );
  it.each<[string, string[]]>([
    ["Báo cáo tuần 47/2026 - Phòng NVĐP", ["nvdp week 2026-W47"]],
    ["B\u200báo c\u200báo tu\u00adần 47 - NVĐP", ["nvdp week 2026-W47"]],
    ["\u202eBáo cáo tuần 47\u202c", ["nvdp week 2026-W47"]],
    ["Báo cáo 2026-W53", ["nvdp week 2026-W53"]],
    ["Báo cáo tuần 2027-W53", ["no_period_kind"]],
    ["BC tuần 99999999999", ["no_period_kind"]],
    ["Báo cáo tháng 13/2026", ["no_period_kind"]],
    ["Báo cáo quý V", ["nvdp quarter 2026-Q4 (inferred)"]],
    ["\u0301".repeat(10_000), ["no_report_evidence"]],
    ["😀".repeat(5_000), ["no_report_evidence"]],
  ])("%j → %j", (subject, expected) => {
    expect(fast(() => summary(subject))).toEqual(expected);
  });

  it.each(BIG)("stays fast with a body of %s", (_name, text) => {
    expect(fast(() => summary("Báo cáo tuần 47 - Phòng NVĐP", text), 5000)).toEqual(["nvdp week 2026-W47"]);
  });

  it("stays fast on a 10 000-block attachment nested in deep tables", () => {
    const outline: Outline = { blocks: [...nested([p("BÁO CÁO"), p("Kết quả công tác tuần 47")], 5000), ...Array.from({ length: 10_000 }, (_, i) => p(`Dòng ${i}`)), ...REPORT_BODY] };
    const out = fast(() => classifyMessage(facts({ subject: "Báo cáo tuần 47", files: [{ name: "BC tuần 47 NVĐP.docx", outline }] }), [QT], { zone: ZONE }), 5000);
    expect(out.map((c) => [c.unit, c.period, c.documents])).toEqual([["nvdp", "2026-W47", [0]]]);
  });
});
