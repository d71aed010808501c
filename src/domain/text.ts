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
 * The matching key of a text: diacritics removed, lower case, every run of non-alphanumerics one space, trimmed.
 * "BÁO CÁO TUẦN 47" → "bao cao tuan 47"; "Kiến nghị, đề xuất:" → "kien nghi de xuat".
 */
export function fold(text: string): string {
  return stripDiacritics(text)
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
