/**
 * State-secret stamps (Luật Bảo vệ bí mật nhà nước 2018, Điều 8: độ mật "Tuyệt mật", "Tối mật", "Mật").
 * The stamp is printed in capitals in the document's header block, on its own or apart from other text;
 * "bí mật" in a sentence, "BẢO VỆ BÍ MẬT NHÀ NƯỚC" in a title and "mật khẩu" are not stamps.
 */
import type { Outline, SecrecyMark } from "../model.ts";
import { outlineLines } from "./outline.ts";
import { nfc } from "../text/index.ts";

/** How many non-empty lines from the top form the header block searched for a stamp. */
export const SECRECY_HEADER_LINES = 15;

const SEVERITY: Record<SecrecyMark, number> = { "MẬT": 1, "TỐI MẬT": 2, "TUYỆT MẬT": 3 };

// A stamp segment, allowing a frame of quotes, brackets or asterisks and an "Độ mật:" label.
const STAMP = /^[\s"'“”‘’([{<*«]*(?:ĐỘ MẬT\s*:\s*|Độ mật\s*:\s*)?(TUYỆT MẬT|TỐI MẬT|MẬT)[\s"'“”‘’)\]}>*».!]*$/u;

/** The stamp on one line, if the line (or a column of it, split by tabs, "|" or 2+ spaces) is a stamp. */
export function stampOf(line: string): SecrecyMark | null {
  let best: SecrecyMark | null = null;
  for (const segment of nfc(line).split(/\t|\s*\|\s*|\s{2,}/)) {
    const m = STAMP.exec(segment);
    const mark = m?.[1] as SecrecyMark | undefined;
    if (mark && (!best || SEVERITY[mark] > SEVERITY[best])) best = mark;
  }
  return best;
}

/** The most severe stamp among the first `SECRECY_HEADER_LINES` non-empty lines, or null. */
export function detectSecrecy(lines: string[]): SecrecyMark | null {
  let best: SecrecyMark | null = null;
  const head = lines.map((l) => l.trim()).filter((l) => l !== "").slice(0, SECRECY_HEADER_LINES);
  for (const line of head) {
    const mark = stampOf(line);
    if (mark && (!best || SEVERITY[mark] > SEVERITY[best])) best = mark;
  }
  return best;
}

/** `detectSecrecy` over an outline's lines (table cells count as lines). */
export function outlineSecrecy(outline: Outline): SecrecyMark | null {
  return detectSecrecy(outlineLines(outline));
}
