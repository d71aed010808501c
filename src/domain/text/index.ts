/**
 * Vietnamese text normalisation for matching (domain.md "Vietnamese text"): NFC, case-folded, diacritics
 * removed (đ → d), punctuation folded to spaces. Removing the tone marks also makes old and new tone placement
 * (hoà/hòa, thuỷ/thủy) and NFD-encoded names compare equal.
 */

/** NFC form; mailparser and mammoth keep NFD text as NFD (stack-notes.md). */
export function nfc(text: string): string {
  return text.normalize("NFC");
}

/** Lower case without diacritics, đ → d; keeps punctuation and spacing. */
export function stripDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .normalize("NFC");
}

/**
 * Invisible format characters (Unicode Cf: zero-width space and joiners, soft hyphen, BOM, bidi marks), pasted
 * from web pages and Word: dropped, so "tu\u200Bần" still reads "tuần" instead of splitting the word.
 */
const MARKS_AND_FORMAT = /[\p{M}\p{Cf}]/gu;

/**
 * The matching key of a text: diacritics removed, lower case, every run of non-alphanumerics one space, trimmed.
 * "BÁO CÁO TUẦN 47" → "bao cao tuan 47"; "Kiến nghị, đề xuất:" → "kien nghi de xuat".
 */
export function fold(text: string): string {
  // Every mark is dropped after NFD, not turned into a space, as foldWithOffsets does: both must agree. No NFC
  // pass is needed: what is left composes into nothing that [a-z0-9] would keep.
  return text
    .normalize("NFD")
    .replace(MARKS_AND_FORMAT, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** True when `phrase` occurs in `text` as whole words, after folding both. */
export function hasPhrase(text: string, phrase: string): boolean {
  const t = ` ${fold(text)} `;
  const p = fold(phrase);
  return p.length > 0 && t.includes(` ${p} `);
}

/** A folded text with, for each of its characters, where it came from in the NFC source. */
export interface FoldedText {
  /** The NFC form of the input: `start`/`end` index into it. */
  source: string;
  /** As `fold()`, except that the characters of `keep` survive (e.g. "/" for dates and "15/KH"). */
  folded: string;
  /** `start[i]`: index in `source` of the character that produced `folded[i]`. */
  start: number[];
  /** `end[i]`: index in `source` just after that character. */
  end: number[];
}

/**
 * Folds like `fold()` but keeps a map back to the source, so a match found in the folded text can be quoted
 * as the sender wrote it. `keep` lists punctuation to preserve (default none, which equals `fold()`).
 */
export function foldWithOffsets(text: string, keep = ""): FoldedText {
  const source = nfc(text);
  const parts: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  let space = true;
  const push = (c: string, from: number, to: number): void => {
    parts.push(c);
    start.push(from);
    end.push(to);
  };
  let i = 0;
  for (const ch of source) {
    const next = i + ch.length;
    // Plain ASCII needs no decomposition: the per-character NFD/NFC round trip is most of the cost on long texts.
    const lower = ch.charCodeAt(0) < 0x80 ? ch.toLowerCase() : stripDiacritics(ch).toLowerCase();
    for (const c of lower) {
      const code = c.charCodeAt(0);
      if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || keep.includes(c)) {
        push(c, i, next);
        space = false;
      } else if (code >= 0x80 && /[\p{M}\p{Cf}]/u.test(c)) {
        // a combining mark NFC could not compose, or an invisible format character: fold() drops it without
        // splitting the word
      } else if (!space) {
        push(" ", i, next);
        space = true;
      }
    }
    i = next;
  }
  if (space && parts.length > 0) {
    parts.pop();
    start.pop();
    end.pop();
  }
  return { source, folded: parts.join(""), start, end };
}

/** The source text behind `folded.slice(from, to)` of a `FoldedText`. */
export function sourceSpan(f: FoldedText, from: number, to: number): string {
  if (to <= from) return "";
  return f.source.slice(f.start[from] ?? 0, f.end[to - 1] ?? f.source.length);
}
