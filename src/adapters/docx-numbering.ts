/**
 * Word's automatic numbering text ("I.", "1.2.", "a)") for a .docx, which mammoth does not give: it reports a
 * numbered paragraph's list level and the `w:pStyle` of its `w:lvl` only. We parse word/numbering.xml ourselves,
 * mark every `w:lvl` without a pStyle with `intake-lvl-<abstractNumId>-<ilvl>` in the copy handed to mammoth, and
 * count paragraphs in document order as Word does (ECMA-376 Part 1 §17.9).
 */
import JSZip from "jszip";

/** One level of an abstract numbering definition (`w:abstractNum/w:lvl`). */
export interface NumberingLevel {
  numFmt: string;
  lvlText: string;
  start: number;
  /** `w:isLgl`: every level shown in Arabic numerals ("1.1." under "I."). */
  legal: boolean;
}

/** Which abstract numbering level a paragraph is numbered with. */
export interface LevelRef {
  abstractNumId: string;
  ilvl: number;
}

export interface NumberingDefinitions {
  abstractNums: Map<string, Map<number, NumberingLevel>>;
  /** A real paragraph style named by a `w:lvl` → that level (the last one wins, as in mammoth). */
  styleLevels: Map<string, LevelRef>;
}

const MARKER = /^intake-lvl-(.+)-(\d)$/;
const ABSTRACT = /<w:abstractNum\b([^>]*)>([\s\S]*?)<\/w:abstractNum>/g;
// "\b" keeps w:lvlText, w:lvlJc, w:lvlOverride out.
const LVL = /<w:lvl\b([^>]*)>([\s\S]*?)<\/w:lvl>/g;

const attr = (attrs: string, name: string): string | undefined =>
  new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1];
/** The w:val of the last `<tag>` (the mc:Fallback of Word 2010's custom numFmt comes last). */
const lastVal = (xml: string, tag: string): string | undefined => {
  const all = [...xml.matchAll(new RegExp(`<${tag}\\b([^>]*)/?>`, "g"))];
  const last = all[all.length - 1];
  return last ? attr(last[1]!, "w:val") : undefined;
};
const unescapeXml = (s: string): string =>
  s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-f]+|#\d+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()]!;
    const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : "";
  });

/** Parses numbering.xml: abstract levels (numFmt, lvlText, start, isLgl) and the paragraph styles levels name. */
export function parseNumberingXml(xml: string): NumberingDefinitions {
  const abstractNums = new Map<string, Map<number, NumberingLevel>>();
  const styleLevels = new Map<string, LevelRef>();
  for (const a of xml.matchAll(ABSTRACT)) {
    const abstractNumId = attr(a[1]!, "w:abstractNumId");
    if (abstractNumId === undefined) continue;
    const levels = new Map<number, NumberingLevel>();
    for (const l of a[2]!.matchAll(LVL)) {
      const ilvl = Number(attr(l[1]!, "w:ilvl") ?? "0");
      const body = l[2]!;
      const start = Number(lastVal(body, "w:start") ?? "1");
      levels.set(ilvl, {
        numFmt: lastVal(body, "w:numFmt") ?? "decimal",
        lvlText: unescapeXml(lastVal(body, "w:lvlText") ?? ""),
        start: Number.isFinite(start) ? start : 1,
        legal: /<w:isLgl\b(?![^>]*w:val="(?:0|false)")/.test(body),
      });
      const style = lastVal(body, "w:pStyle");
      if (style !== undefined) styleLevels.set(style, { abstractNumId, ilvl });
    }
    abstractNums.set(abstractNumId, levels);
  }
  return { abstractNums, styleLevels };
}

/** numbering.xml with a marker pStyle in every `w:lvl` of an abstractNum that names no paragraph style. */
export function markNumberingLevels(xml: string): string {
  return xml.replace(ABSTRACT, (whole, attrs: string, inner: string) => {
    const id = attr(attrs, "w:abstractNumId");
    if (id === undefined) return whole;
    const marked = inner.replace(LVL, (lvl, lattrs: string, body: string) => {
      if (/<w:pStyle\b/.test(body)) return lvl;
      const ilvl = attr(lattrs, "w:ilvl") ?? "0";
      return `<w:lvl${lattrs}><w:pStyle w:val="intake-lvl-${id}-${ilvl}"/>${body}</w:lvl>`;
    });
    return `<w:abstractNum${attrs}>${marked}</w:abstractNum>`;
  });
}

/** The abstract level behind mammoth's `numbering.paragraphStyleId`: our marker, or a real style a level names. */
export function levelOfStyleId(defs: NumberingDefinitions, styleId: string | null | undefined): LevelRef | null {
  if (!styleId) return null;
  const m = MARKER.exec(styleId);
  if (m) return { abstractNumId: m[1]!, ilvl: Number(m[2]) };
  return defs.styleLevels.get(styleId) ?? null;
}

const ROMAN: [number, string][] = [
  [1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
  [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"],
];

function roman(n: number): string {
  let out = "";
  for (const [v, s] of ROMAN) while (n >= v) (out += s), (n -= v);
  return out;
}

/** A counter value in a numFmt (§17.18.59): upperRoman 4 → "IV", lowerLetter 28 → "bb" (Word repeats the letter). */
export function formatCounter(n: number, numFmt: string): string {
  if (n <= 0) return String(n);
  switch (numFmt) {
    case "upperRoman":
      return roman(n);
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperLetter":
    case "lowerLetter": {
      const letter = String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return numFmt === "upperLetter" ? letter.toUpperCase() : letter;
    }
    case "decimalZero":
      return n < 10 ? `0${n}` : String(n);
    default:
      return String(n);
  }
}

// The draft writes bullets as administrative documents do: "-", and "+" for the level under it; any other glyph
// ("•", "o", a Symbol/Wingdings private-use character) becomes "-".
const TEXT_BULLETS = new Set(["-", "+"]);

/**
 * A numbering counter over the paragraphs of one document, in document order: each call gives the text of the
 * next paragraph numbered at `ref` ("I.", "1.2.", "a)", "-"), or null when the level is unknown or shows nothing.
 * Like Word, a level counts on from its last value, starts at `w:start`, and a higher level resets the deeper ones.
 */
export function numberingCounter(defs: NumberingDefinitions): (ref: LevelRef) => string | null {
  const counts = new Map<string, number[]>();
  return (ref) => {
    const levels = defs.abstractNums.get(ref.abstractNumId);
    const level = levels?.get(ref.ilvl);
    if (!levels || !level) return null;
    const c = counts.get(ref.abstractNumId) ?? [];
    counts.set(ref.abstractNumId, c);
    c[ref.ilvl] = c[ref.ilvl] === undefined ? level.start : c[ref.ilvl]! + 1;
    c.length = ref.ilvl + 1;
    if (level.numFmt === "bullet") {
      const glyph = level.lvlText.trim();
      return TEXT_BULLETS.has(glyph) ? glyph : "-";
    }
    const text = level.lvlText.replace(/%([1-9])/g, (_, k: string) => {
      const i = Number(k) - 1;
      const fmt = levels.get(i)?.numFmt ?? "decimal";
      if (fmt === "none") return "";
      return formatCounter(c[i] ?? levels.get(i)?.start ?? 1, level.legal ? "decimal" : fmt);
    });
    return text.trim() || null;
  };
}

/** The part a relationship of `from` targets, resolved against `from`'s folder. */
async function relatedPart(zip: JSZip, from: string, type: string): Promise<string | null> {
  const dir = from.includes("/") ? from.slice(0, from.lastIndexOf("/") + 1) : "";
  const rels = await zip.file(`${dir}_rels/${from.slice(dir.length)}.rels`)?.async("string");
  if (!rels) return null;
  for (const r of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    if (!(attr(r[1]!, "Type") ?? "").endsWith(`/${type}`)) continue;
    const target = attr(r[1]!, "Target") ?? "";
    return target.startsWith("/") ? target.slice(1) : dir + target;
  }
  return null;
}

/**
 * The .docx to hand to mammoth, its numbering levels marked, and the definitions to number its paragraphs with.
 * Null when the file has no numbering part or cannot be opened (mammoth then reads, or rejects, the original).
 */
export async function prepareNumbering(content: Buffer): Promise<{ content: Buffer; defs: NumberingDefinitions } | null> {
  try {
    const zip = await JSZip.loadAsync(content);
    const main = (await relatedPart(zip, "", "officeDocument")) ?? "word/document.xml";
    const path = (await relatedPart(zip, main, "numbering")) ?? "word/numbering.xml";
    const xml = await zip.file(path)?.async("string");
    if (!xml) return null;
    zip.file(path, markNumberingLevels(xml));
    const marked = await zip.generateAsync({ type: "nodebuffer", compression: "STORE" });
    return { content: marked, defs: parseNumberingXml(xml) };
  } catch {
    return null;
  }
}
