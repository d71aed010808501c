/**
 * Zip-bomb guard for ZIP containers (.docx, .xlsx, .odt): reads the central directory by hand (APPNOTE 6.3.10
 * §4.3.12–4.3.16, Zip64 §4.3.14–4.3.15) and judges the sizes it states BEFORE anything inflates, then checks that
 * no entry inflates to more than it states, by inflating it as a stream whose output is counted and dropped.
 *
 * Why by hand: jszip's `loadAsync` does not inflate, but it exposes the sizes only through private fields, and
 * nothing in it (nor in pako, nor in mammoth) stops an entry from inflating beyond its stated size: a lying
 * directory would make jszip allocate gigabytes of ArrayBuffers, which a worker's V8 heap limit does not count.
 */
import { createInflateRaw } from "node:zlib";
import type { ResourceLimits } from "./limits.ts";

export interface ZipEntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export type ZipVerdict =
  | { ok: true; entries: number; uncompressedBytes: number }
  | { ok: false; reason: "zip_bomb"; detail: string };

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

const u64 = (b: Buffer, at: number): number => Number(b.readBigUInt64LE(at));

/**
 * The central directory's entries, or null when the buffer is not a readable ZIP (no end record, a directory
 * outside the file). Reads only the directory: nothing is inflated.
 */
export function readCentralDirectory(zip: Buffer): ZipEntryInfo[] | null {
  // The end record is the last 22 bytes plus a comment of at most 65,535 bytes (§4.3.16).
  const floor = Math.max(0, zip.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = zip.length - 22; i >= floor; i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  if ((count === 0xffff || offset === MAX32) && eocd >= 20 && zip.readUInt32LE(eocd - 20) === ZIP64_LOCATOR) {
    const at = u64(zip, eocd - 20 + 8);
    if (at + 56 > zip.length || zip.readUInt32LE(at) !== ZIP64_EOCD) return null;
    count = u64(zip, at + 32);
    offset = u64(zip, at + 48);
  }
  const entries: ZipEntryInfo[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > zip.length || zip.readUInt32LE(p) !== CENTRAL) return null;
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    let compressedSize = zip.readUInt32LE(p + 20);
    let uncompressedSize = zip.readUInt32LE(p + 24);
    let localHeaderOffset = zip.readUInt32LE(p + 42);
    if (p + 46 + nameLen + extraLen > zip.length) return null;
    // Zip64 extended information (§4.5.3): only the fields whose 32-bit value is 0xFFFFFFFF, in this order.
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = zip.readUInt16LE(e);
      const size = zip.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let f = e + 4;
        const take = (): number => {
          const v = f + 8 <= e + 4 + size ? u64(zip, f) : MAX32;
          f += 8;
          return v;
        };
        if (uncompressedSize === MAX32) uncompressedSize = take();
        if (compressedSize === MAX32) compressedSize = take();
        if (localHeaderOffset === MAX32) localHeaderOffset = take();
      }
      e += 4 + size;
    }
    entries.push({
      name: zip.toString("utf8", p + 46, p + 46 + nameLen),
      method: zip.readUInt16LE(p + 10),
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

const MB = 1024 * 1024;
const mb = (n: number): string => `${(n / MB).toFixed(1)} MB`;

/** Judges the sizes the directory states: the total, and the ratio once the total passes the floor. */
export function judgeDirectory(entries: ZipEntryInfo[], limits: Pick<ResourceLimits, "zipUncompressedBytes" | "zipRatio" | "zipRatioFloorBytes">): ZipVerdict {
  let uncompressed = 0;
  let compressed = 0;
  for (const e of entries) {
    uncompressed += e.uncompressedSize;
    compressed += e.compressedSize;
  }
  if (uncompressed > limits.zipUncompressedBytes) {
    return { ok: false, reason: "zip_bomb", detail: `uncompressed ${mb(uncompressed)} over ${mb(limits.zipUncompressedBytes)}` };
  }
  const ratio = uncompressed / Math.max(1, compressed);
  if (uncompressed > limits.zipRatioFloorBytes && ratio > limits.zipRatio) {
    return { ok: false, reason: "zip_bomb", detail: `compression ratio ${Math.round(ratio)}:1 over ${limits.zipRatio}:1` };
  }
  return { ok: true, entries: entries.length, uncompressedBytes: uncompressed };
}

/** Inflates raw DEFLATE data as a stream, counting the output and dropping it; stops once it passes `cap`. */
function inflatedSize(data: Buffer, cap: number): Promise<number | "error"> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw();
    let total = 0;
    let settled = false;
    const settle = (v: number | "error"): void => {
      if (settled) return;
      settled = true;
      resolve(v);
    };
    inflate.on("data", (chunk: Buffer) => {
      total += chunk.length;
      if (total > cap) {
        settle(total);
        inflate.destroy();
      }
    });
    inflate.on("end", () => settle(total));
    inflate.on("error", () => settle("error"));
    inflate.end(data);
  });
}

/**
 * Checks a ZIP container before a reader opens it. Not a ZIP, or a directory that cannot be read: `ok` (the reader
 * then reports the file as corrupt). A bomb: `zip_bomb` with what was over. Memory stays flat whatever the entries
 * inflate to: the output is counted in chunks and dropped, and inflation stops at the stated size.
 */
export async function checkZip(
  zip: Buffer,
  limits: Pick<ResourceLimits, "zipUncompressedBytes" | "zipRatio" | "zipRatioFloorBytes">,
): Promise<ZipVerdict> {
  const entries = readCentralDirectory(zip);
  if (!entries) return { ok: true, entries: 0, uncompressedBytes: 0 };
  const stated = judgeDirectory(entries, limits);
  if (!stated.ok) return stated;
  for (const e of entries) {
    if (e.method !== 8) continue; // stored entries are as large as they are; other methods the readers reject
    const at = e.localHeaderOffset;
    if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL) continue;
    const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
    const data = zip.subarray(start, Math.min(zip.length, start + e.compressedSize));
    const size = await inflatedSize(data, e.uncompressedSize);
    if (size !== "error" && size > e.uncompressedSize) {
      return { ok: false, reason: "zip_bomb", detail: `${e.name} inflates beyond the ${mb(e.uncompressedSize)} its directory states` };
    }
  }
  return stated;
}
