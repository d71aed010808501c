/**
 * Is a word a well-formed Vietnamese syllable? Onset + vowel nucleus + coda + at most one tone, with the rule that a
 * syllable closed by p/t/c/ch carries only the sắc or nặng tone. Used to tell legacy-encoded text (TCVN3, VNI) from
 * Unicode Vietnamese and from French or German words, which are rarely one well-formed syllable.
 */

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const SAC_OR_NANG = /[\u0301\u0323]/;

// Written onsets; "gi" and "qu" take the glide, so "gì" is g + i and "quả" is qu + a (regex backtracking).
const ONSET = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx]";
// Nuclei ending in a glide (i, y, o, u) close the syllable: no consonant may follow.
const OPEN_NUCLEI = [
  "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui", "ưa", "ưi", "ưu",
  "oai", "oao", "oay", "oeo", "uây", "uôi", "uya", "uyu", "ươi", "ươu", "iêu", "yêu",
];
// Nuclei that need a final consonant: "ăn", "ân", "tiến", "muốn", "người", "khuyên", "boong".
const CLOSED_NUCLEI = ["ă", "â", "oă", "uâ", "iê", "yê", "uyê", "uô", "ươ", "oo"];
const FREE_NUCLEI = ["a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "oe", "uê", "uơ", "uy"];
const NUCLEI = [...OPEN_NUCLEI, ...CLOSED_NUCLEI, ...FREE_NUCLEI].sort((a, b) => b.length - a.length);
const SYLLABLE = new RegExp(`^(${ONSET})?(${NUCLEI.join("|")})(ng|nh|ch|[cmnpt])?$`);
const OPEN = new Set(OPEN_NUCLEI);
const CLOSED = new Set(CLOSED_NUCLEI);

const MARKED_VOWEL = /[ăâêôơư]/;

/**
 * Where the tone sits, old or new style (hoà/hòa, thuỷ/thủy): on the vowel with a mark (the last: "ươ" → ơ); else
 * on the second vowel of a closed or three-vowel nucleus ("toán", "xoáy"); else on the first ("tái", "mùa").
 */
function tonePlacementOk(nucleus: string, at: number, closed: boolean): boolean {
  const vowels = [...nucleus];
  if (at < 0 || at >= vowels.length) return false;
  if (vowels.length === 1) return true;
  const marked = vowels.map((v) => MARKED_VOWEL.test(v)).lastIndexOf(true);
  if (marked >= 0) return at === marked;
  if (closed || vowels.length === 3) return at === 1;
  return at === 0 || ["oa", "oe", "uy"].includes(nucleus);
}

/**
 * True when `word` (any case, NFC or NFD) is one well-formed Vietnamese syllable: "Kết", "quả", "nghiệp", "ĐỐI",
 * "người". False for "été", "français", "Bỏo", "tèt" (a closed syllable with the huyền tone), "hòa-bình", "".
 */
export function isVietnameseSyllable(word: string): boolean {
  const letters = [...word.normalize("NFC").toLowerCase()].map((c) => {
    const parts = c.normalize("NFD");
    return { base: parts.replace(TONE_MARKS, "").normalize("NFC"), tone: parts.match(TONE_MARKS)?.[0] };
  });
  const toned = letters.flatMap((l, i) => (l.tone ? [i] : []));
  if (toned.length > 1 || letters.some((l) => l.base.length !== 1)) return false;
  const m = SYLLABLE.exec(letters.map((l) => l.base).join(""));
  if (!m) return false;
  const onset = m[1] ?? "";
  const nucleus = m[2]!;
  const coda = m[3];
  if (coda ? OPEN.has(nucleus) : CLOSED.has(nucleus)) return false;
  const at = toned[0];
  if (at !== undefined && !tonePlacementOk(nucleus, at - onset.length, !!coda)) return false;
  // Closed (checked) syllables take only sắc or nặng: "tốt", "học", "kịp", never "tồt".
  if (coda && /^(c|ch|p|t)$/.test(coda)) return at !== undefined && SAC_OR_NANG.test(letters[at]!.tone!);
  return true;
}
