/**
 * Which of a regime's units a text names ("Phòng Nghiệp vụ - Điều phối", "NVĐP", "nghiep vu dieu phoi", "P.TTĐN"),
 * and which unit an address is registered to. Names and aliases match folded (domain.md "Vietnamese text"), as
 * whole words, longest first.
 *
 * Not a unit mention (documented choices):
 * - text inside a document symbol, which names the issuing body and cites other documents: "15/KH-TTĐN",
 *   "Số: 123/TTĐN-VP", "/BC-TTĐN"; also a bare hyphenated chain starting at the Cục's "TTĐN" ("TTĐN-VP");
 * - "TTĐN" right after "Cục" or "lĩnh vực"/"công tác"/"hoạt động" (the Cục's field, thông tin đối ngoại, not
 *   the Phòng Truyền thông đối ngoại);
 * - a name right after "gửi", "kính gửi", "đến", "về", "cho" (the addressee: "NVĐP gửi Văn phòng báo cáo…");
 * - mail addresses and links ("vp@cuc.example.vn").
 */
import type { UnitDef } from "../model.ts";
import { foldWithOffsets, sourceSpan, stripDiacritics } from "../text/index.ts";

export interface UnitMatch {
  unit: string;
  /** The name or alias as written in the text (NFC). */
  matched: string;
}

// SYMBOL and ADDRESS start a repeated part only where a run begins (the lookbehinds), so a 100 KB run of digits,
// letters or "-A-A…" is scanned once, not once per character (quadratic backtracking).
/** Hyphenated uppercase chains after "/" ("15/KH-TTĐN", "/BC-TTĐN-NVĐP"), and chains led by the Cục's TTĐN. */
const SYMBOL = /(?:(?<!\d)\d+\s*)?\/[A-Z][A-Za-z]*(?:-[A-Z][A-Z&]*)*|(?<![A-Za-z0-9])TTDN(?:-[A-Z][A-Z&]*)+(?![A-Za-z0-9])/g;
/** Mail addresses and links: "vp@cuc.example.vn" names a mailbox, not a unit. */
const ADDRESS = /(?<![\w.+-])[\w.+-]+@[\w.-]+|\bhttps?:\/\/\S+/g;
/** Words after which the Cục's acronym TTĐN means the Cục or its field, not the Phòng. */
const CUC_CONTEXT = /(?:^|\s)(?:cuc|linh\s+vuc|cong\s+tac|hoat\s+dong|nganh)\s+$/;
/** Words after which a unit is the addressee. */
const ADDRESSEE = /(?:^|\s)(?:kinh\s+gui|gui|gui\s+den|gui\s+toi|gui\s+ve|den|ve|toi|cho)\s+$/;

/** Blanks document symbols (same length, so offsets hold). Works on the NFC text with diacritics removed. */
function maskSymbols(nfcText: string): string {
  const plain = stripDiacritics(nfcText);
  if (plain.length !== nfcText.length) return nfcText;
  // Blanked spans are collected and applied once: rebuilding the string per match is quadratic in long texts.
  const spans = [...plain.matchAll(SYMBOL), ...plain.matchAll(ADDRESS)]
    .map((m) => [m.index, m.index + m[0].length] as const)
    .sort((a, b) => a[0] - b[0]);
  if (spans.length === 0) return nfcText;
  let masked = "";
  let at = 0;
  for (const [from, to] of spans) {
    if (to <= at) continue;
    const start = Math.max(from, at);
    masked += nfcText.slice(at, start) + " ".repeat(to - start);
    at = to;
  }
  return masked + nfcText.slice(at);
}

interface Phrase {
  unit: string;
  folded: string;
  acronymTtdn: boolean;
}

function phrasesOf(units: UnitDef[]): Phrase[] {
  const out: Phrase[] = [];
  for (const u of units) {
    for (const p of [u.name, ...u.aliases, u.id]) {
      const folded = foldWithOffsets(p).folded;
      if (folded) out.push({ unit: u.id, folded, acronymTtdn: folded === "ttdn" });
    }
  }
  // Longest first, so "phong truyen thong doi ngoai" is taken before "truyen thong doi ngoai".
  return out.sort((a, b) => b.folded.length - a.folded.length);
}

/**
 * Units named in `text`, in order of appearance, one entry per mention (a unit may appear several times).
 * Matching is folded and whole-word; symbols, the Cục's own acronym and addressees are skipped (module comment).
 */
export function matchUnits(text: string, units: UnitDef[]): UnitMatch[] {
  const f = foldWithOffsets(maskSymbols(text.normalize("NFC")));
  const n = f.folded;
  const taken = new Uint8Array(n.length);
  const hits: { at: number; m: UnitMatch }[] = [];
  for (const p of phrasesOf(units)) {
    let from = 0;
    for (;;) {
      const i = n.indexOf(p.folded, from);
      if (i < 0) break;
      from = i + 1;
      const end = i + p.folded.length;
      const wordStart = i === 0 || n[i - 1] === " ";
      const wordEnd = end === n.length || n[end] === " ";
      if (!wordStart || !wordEnd || taken.subarray(i, end).some((x) => x === 1)) continue;
      const before = n.slice(Math.max(0, i - 24), i);
      if (ADDRESSEE.test(before)) continue;
      if (p.acronymTtdn && CUC_CONTEXT.test(before)) continue;
      taken.fill(1, i, end);
      hits.push({ at: i, m: { unit: p.unit, matched: sourceSpan(f, i, end) } });
    }
  }
  return hits.sort((a, b) => a.at - b.at).map((h) => h.m);
}

/** Bare lower-case address: "Phòng NVĐP <NVDP@Cuc.example.vn>" → "nvdp@cuc.example.vn". */
export function bareAddress(address: string): string {
  const m = /<([^<>]+)>/.exec(address);
  return (m?.[1] ?? address).trim().toLowerCase();
}

/**
 * The unit an address is registered to (UnitDef.addresses, case-insensitive), or null when none is — or when
 * several units register it (a shared address says nothing about whose report it is).
 */
export function unitOfAddress(address: string | null, units: UnitDef[]): string | null {
  if (!address) return null;
  const a = bareAddress(address);
  const owners = units.filter((u) => u.addresses.some((x) => bareAddress(x) === a));
  return owners.length === 1 ? owners[0]!.id : null;
}
