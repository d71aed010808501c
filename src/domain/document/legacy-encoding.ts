/**
 * Vietnamese typed in the 8-bit font encodings of the 1990s-2000s (domain.md "Older documents may carry text in legacy
 * Vietnamese encodings"): TCVN3/ABC (TCVN 5712:1993 VN3, fonts .VnTime, .VnArial…) stores each letter as one
 * Latin-1 code point ("B¸o c¸o" = "Báo cáo"); VNI (VNI-Times…) stores a base letter followed by a Latin-1 character
 * drawn as its diacritics ("Baùo caùo"). Word keeps those code points when the file becomes .docx, so the text reads
 * as mojibake unless it is decoded.
 *
 * Tables cross-checked between two independent sources: xvnkb (Dao Hai Lam, VISC, 2002: tcvn.h, vni.h, rows of
 * base + sắc, huyền, hỏi, ngã, nặng) and duydev/vietnamese-conversion (src/charsets.ts); TCVN3 also against
 * Eruylz/XuatThuy Utils/Unicode2TCVN3.cs. VN3 has no upper-case toned letters (the ".VnTimeH" fonts draw the
 * lower-case code points as capitals), so TCVN 5712 VN1's upper-case slots in C0/C1 are not mapped.
 */
import { isVietnameseSyllable } from "./vietnamese-syllable.ts";

export type LegacyEncoding = "tcvn3" | "vni";

// Rows: the Unicode letter without tone, then sắc, huyền, hỏi, ngã, nặng; beside it the TCVN3 code points.
const TCVN3_ROWS: [string, string][] = [
  ["aáàảãạ", "a\u00B8\u00B5\u00B6\u00B7\u00B9"], // a ¸ µ ¶ · ¹
  ["ăắằẳẵặ", "\u00A8\u00BE\u00BB\u00BC\u00BD\u00C6"], // ¨ ¾ » ¼ ½ Æ
  ["âấầẩẫậ", "\u00A9\u00CA\u00C7\u00C8\u00C9\u00CB"], // © Ê Ç È É Ë
  ["eéèẻẽẹ", "e\u00D0\u00CC\u00CE\u00CF\u00D1"], // Ð Ì Î Ï Ñ
  ["êếềểễệ", "\u00AA\u00D5\u00D2\u00D3\u00D4\u00D6"], // ª Õ Ò Ó Ô Ö
  ["iíìỉĩị", "i\u00DD\u00D7\u00D8\u00DC\u00DE"], // Ý × Ø Ü Þ
  ["oóòỏõọ", "o\u00E3\u00DF\u00E1\u00E2\u00E4"], // ã ß á â ä
  ["ôốồổỗộ", "\u00AB\u00E8\u00E5\u00E6\u00E7\u00E9"], // « è å æ ç é
  ["ơớờởỡợ", "\u00AC\u00ED\u00EA\u00EB\u00EC\u00EE"], // ¬ í ê ë ì î
  ["uúùủũụ", "u\u00F3\u00EF\u00F1\u00F2\u00F4"], // ó ï ñ ò ô
  ["ưứừửữự", "\u00AD\u00F8\u00F5\u00F6\u00F7\u00F9"], // soft hyphen ø õ ö ÷ ù
  ["yýỳỷỹỵ", "y\u00FD\u00FA\u00FB\u00FC\u00FE"], // ý ú û ü þ
  ["đĂÂÊÔƠƯĐ", "\u00AE\u00A1\u00A2\u00A3\u00A4\u00A5\u00A6\u00A7"], // ® ¡ ¢ £ ¤ ¥ ¦ §
];

const TCVN3 = new Map<string, string>();
for (const [uni, legacy] of TCVN3_ROWS) {
  [...legacy].forEach((code, i) => {
    if (code !== uni[i]) TCVN3.set(code, uni[i]!);
  });
}

// VNI: a base letter, then one character for the vowel mark and tone together (lower case; capitals mirror them).
const VNI_ROWS: [string, string, string[]][] = [
  ["aáàảãạ", "a", ["", "ù", "ø", "û", "õ", "ï"]],
  ["âấầẩẫậ", "a", ["â", "á", "à", "å", "ã", "ä"]],
  ["ăắằẳẵặ", "a", ["ê", "é", "è", "ú", "ü", "ë"]],
  ["eéèẻẽẹ", "e", ["", "ù", "ø", "û", "õ", "ï"]],
  ["êếềểễệ", "e", ["â", "á", "à", "å", "ã", "ä"]],
  ["oóòỏõọ", "o", ["", "ù", "ø", "û", "õ", "ï"]],
  ["ôốồổỗộ", "o", ["â", "á", "à", "å", "ã", "ä"]],
  ["ơớờởỡợ", "ô", ["", "ù", "ø", "û", "õ", "ï"]],
  ["uúùủũụ", "u", ["", "ù", "ø", "û", "õ", "ï"]],
  ["ưứừửữự", "ö", ["", "ù", "ø", "û", "õ", "ï"]],
  ["yýỳỷỹ", "y", ["", "ù", "ø", "û", "õ"]],
  ["íìỉĩịỵđ", "", ["í", "ì", "æ", "ó", "ò", "î", "ñ"]],
];

const VNI = new Map<string, string>();
for (const [uni, base, marks] of VNI_ROWS) {
  marks.forEach((mark, i) => {
    const letter = uni[i]!;
    const upper = letter.toUpperCase();
    if (base + mark !== letter) VNI.set(base + mark, letter);
    if (base.toUpperCase() + mark.toUpperCase() !== upper) VNI.set(base.toUpperCase() + mark.toUpperCase(), upper);
    // A capital typed with Shift before a lower-case mark ("Aù"): the base decides the case.
    if (base && mark) VNI.set(base.toUpperCase() + mark, upper);
  });
}

/** A word as the legacy fonts spell it: letters, marks, and the Latin-1 symbols TCVN3 uses as letters. */
const WORD = /[\p{L}\p{M}\u00A1-\u00BF\u00D7\u00F7\uF020-\uF0FF]+/gu;
/** Only Latin-1 (and Word's symbol-font mirror U+F020-U+F0FF) can hold legacy text. */
const BEYOND_LATIN1 = /[^\u0000-\u00FF\uF020-\uF0FF]/;

// Word stores text in a font it treats as a symbol font at U+F000 + byte.
const unSymbol = (word: string): string => word.replace(/[\uF020-\uF0FF]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xf000));

function decodeWord(word: string, enc: LegacyEncoding): string {
  const bytes = unSymbol(word);
  if (enc === "tcvn3") return [...bytes].map((c) => TCVN3.get(c) ?? c).join("");
  let out = "";
  for (let i = 0; i < bytes.length; ) {
    const pair = VNI.get(bytes.slice(i, i + 2));
    if (pair) {
      out += pair;
      i += 2;
    } else {
      out += VNI.get(bytes[i]!) ?? bytes[i]!;
      i += 1;
    }
  }
  return out;
}

/**
 * Decodes legacy-encoded Vietnamese to NFC Unicode: "B¸o c¸o kÕt qu¶" (tcvn3) and "Baùo caùo keát quaû" (vni) →
 * "Báo cáo kết quả"; a TCVN3 line whose Latin letters are all capitals ("KÕT QU¶") is upper-cased ("KẾT QUẢ").
 * Words holding a character beyond Latin-1 are already Unicode and are left as they are; digits, spaces and
 * punctuation pass through.
 */
export function decodeLegacy(text: string, enc: LegacyEncoding): string {
  const decoded = text.replace(WORD, (word) => (BEYOND_LATIN1.test(word) ? word : decodeWord(word, enc)));
  return (enc === "tcvn3" ? decoded.split("\n").map(capitalsLine).join("\n") : decoded).normalize("NFC");
}

/**
 * TCVN3 has no toned capitals: a heading is typed in a ".VnTimeH" font, which draws the lower-case code points as
 * capitals ("KÕT QU¶" shows "KẾT QUẢ"). A line whose Latin letters are all capitals was such a heading.
 */
function capitalsLine(line: string): string {
  return isCapitalsLine(line) ? line.toUpperCase() : line;
}

/** True when a line has at least 3 Latin letters (A-Z, a-z) and all are capitals: "KÕT QU¶ THùC HIÖN". */
export function isCapitalsLine(line: string): boolean {
  const latin = line.match(/[A-Za-z]/g) ?? [];
  return latin.length >= 3 && latin.every((c) => c >= "A" && c <= "Z");
}

/** Per-word evidence behind `detectLegacyEncoding`, for logs and tests. */
export interface LegacyEvidence {
  /** Words with a non-ASCII character, at least two characters long. */
  candidates: number;
  /** Words that read as Unicode Vietnamese only as they are (or hold characters beyond Latin-1). */
  unicode: number;
  /** Words that are Vietnamese both as they are and decoded: TCVN3 "mét" (một), "sè" (số), "vô" (vụ). */
  ambiguous: number;
  /** Words that are no Vietnamese syllable as they are but become one once decoded. */
  tcvn3: number;
  vni: number;
}

/** Counts, word by word, which reading of `text` makes Vietnamese syllables. */
export function legacyEvidence(text: string): LegacyEvidence {
  const ev: LegacyEvidence = { candidates: 0, unicode: 0, ambiguous: 0, tcvn3: 0, vni: 0 };
  // A report repeats a few hundred distinct syllables: classify each once.
  const seen = new Map<string, (keyof LegacyEvidence)[]>();
  for (const word of text.match(WORD) ?? []) {
    // One-character words ("«", "©", "ë") are too weak a signal either way.
    if ([...word].length < 2 || /^[\x00-\x7F]*$/.test(word)) continue;
    let kinds = seen.get(word);
    if (!kinds) {
      kinds = classify(word);
      seen.set(word, kinds);
    }
    ev.candidates++;
    for (const kind of kinds) ev[kind]++;
  }
  return ev;
}

function classify(word: string): (keyof LegacyEvidence)[] {
  if (BEYOND_LATIN1.test(word.replace(/[\uF020-\uF0FF]/g, ""))) return ["unicode"];
  const decodes = (["tcvn3", "vni"] as const).filter((enc) => {
    const decoded = decodeWord(word, enc);
    return decoded !== word && isVietnameseSyllable(decoded);
  });
  if (isVietnameseSyllable(word)) return [decodes.length > 0 ? "ambiguous" : "unicode"];
  return decodes;
}

/** Fewest words that must decode to Vietnamese before a text is called legacy. */
const MIN_WORDS = 2;
/** Share of the telling words (non-ASCII, not ambiguous) that must decode to Vietnamese. */
const MIN_SHARE = 0.6;

/**
 * The legacy encoding `text` is written in, or null. Conservative: at least 2 words, and 60% of the words that
 * hold a non-ASCII character (leaving out those that read as Vietnamese either way), must be no Vietnamese
 * syllable as they stand yet one once decoded, and the other encoding must not explain half as many. Unicode Vietnamese, English and French text, and text with a few
 * "©", "®" or "¸", give null.
 */
export function detectLegacyEncoding(text: string): LegacyEncoding | null {
  const ev = legacyEvidence(text);
  const best: LegacyEncoding = ev.tcvn3 >= ev.vni ? "tcvn3" : "vni";
  const other: LegacyEncoding = best === "tcvn3" ? "vni" : "tcvn3";
  const votes = ev[best];
  if (votes < MIN_WORDS || votes < MIN_SHARE * (ev.candidates - ev.ambiguous)) return null;
  return ev[other] * 2 <= votes ? best : null;
}

/**
 * The encoding a font name implies: ".VnTime", ".VnArialH", ".VnTimeH" → tcvn3 (the "H" fonts draw every letter as
 * a capital, so `upper` is true); "VNI-Times", "VNI-Helve" → vni. Unicode and other fonts → null.
 */
export function legacyEncodingOfFont(font: string | null | undefined): { encoding: LegacyEncoding; upper: boolean } | null {
  const name = (font ?? "").trim();
  if (/^\.vn/i.test(name)) return { encoding: "tcvn3", upper: /H$/.test(name) };
  if (/^vni[- ]/i.test(name)) return { encoding: "vni", upper: false };
  return null;
}
