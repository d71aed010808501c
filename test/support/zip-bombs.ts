/**
 * Hostile ZIP containers for the limit tests (issue 13), built without ever holding the uncompressed data:
 * a DEFLATE stream ending in a full flush is byte-aligned and refers to nothing before it (RFC 1951 §3.2.3,
 * zlib's Z_FULL_FLUSH), so one compressed chunk of N zero bytes repeated K times, then an empty final block,
 * is a valid stream of K×N zeros. A 4 GiB part costs ~4 MB and a few milliseconds to make.
 * The ZIP writer is ours too, so the central directory may state sizes other than the real ones (a "liar").
 */
import { constants, crc32, deflateRawSync } from "node:zlib";

export interface ZipPart {
  name: string;
  /** Raw DEFLATE data (method 8). */
  deflated: Buffer;
  uncompressedSize: number;
  crc: number;
  /** What the central directory and the local header state, when it should lie. */
  statedSize?: number;
}

/** A part from real bytes, deflated. */
export function partOf(name: string, content: string | Buffer): ZipPart {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  return { name, deflated: deflateRawSync(bytes), uncompressedSize: bytes.length, crc: crc32(bytes) };
}

/**
 * A part of `head`, then `repeat` × `chunk` bytes of `fill`, then `tail`; deflated without materialising it.
 * The CRC is computed over the chunk `repeat` times (crc32's running value), so the part is a valid ZIP entry.
 */
export function repeatedPart(name: string, head: string, fill: number, chunk: number, repeat: number, tail: string): ZipPart {
  const flush = { finishFlush: constants.Z_FULL_FLUSH };
  const headBytes = Buffer.from(head, "utf8");
  const tailBytes = Buffer.from(tail, "utf8");
  const block = Buffer.alloc(chunk, fill);
  const blockDeflated = deflateRawSync(block, flush);
  const pieces = [deflateRawSync(headBytes, flush)];
  let crc = crc32(headBytes);
  for (let i = 0; i < repeat; i++) {
    pieces.push(blockDeflated);
    crc = crc32(block, crc);
  }
  pieces.push(deflateRawSync(tailBytes));
  crc = crc32(tailBytes, crc);
  return { name, deflated: Buffer.concat(pieces), uncompressedSize: headBytes.length + chunk * repeat + tailBytes.length, crc };
}

const MAX32 = 0xffffffff;

/** Writes a ZIP (APPNOTE 6.3.10), with Zip64 fields for a size or offset over 32 bits. */
export function writeZip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, "utf8");
    const size = p.statedSize ?? p.uncompressedSize;
    const big = size >= MAX32 || p.deflated.length >= MAX32;
    const zip64 = Buffer.alloc(big ? 20 : 0);
    if (big) {
      zip64.writeUInt16LE(0x0001, 0);
      zip64.writeUInt16LE(16, 2);
      zip64.writeBigUInt64LE(BigInt(size), 4);
      zip64.writeBigUInt64LE(BigInt(p.deflated.length), 12);
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(big ? 45 : 20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(big ? MAX32 : p.deflated.length, 18);
    local.writeUInt32LE(big ? MAX32 : size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(zip64.length, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(big ? 45 : 20, 4);
    central.writeUInt16LE(big ? 45 : 20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(big ? MAX32 : p.deflated.length, 20);
    central.writeUInt32LE(big ? MAX32 : size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(zip64.length, 30);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, zip64, p.deflated);
    centrals.push(central, name, zip64);
    offset += 30 + name.length + zip64.length + p.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const DOC_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t xml:space="preserve">BÁO CÁO KẾT QUẢ CÔNG TÁC TUẦN 47 `;
const DOC_TAIL = `</w:t></w:r></w:p></w:body></w:document>`;

const MiB = 1024 * 1024;

/**
 * A .docx whose word/document.xml is one paragraph of `mib` MiB of spaces: a zip bomb that opens in Word (slowly).
 * 4096 MiB (4 GiB, Zip64) is ~4 MB on disk. `statedMib` makes the directory state another size (a liar).
 */
export function docxBomb(mib: number, opts: { statedMib?: number } = {}): Buffer {
  const chunk = (mib % 16 === 0 ? 16 : 1) * MiB;
  const repeat = Math.max(1, Math.round((mib * MiB) / chunk));
  const doc = repeatedPart("word/document.xml", DOC_HEAD, 0x20, chunk, repeat, DOC_TAIL);
  if (opts.statedMib !== undefined) doc.statedSize = opts.statedMib * MiB;
  return writeZip([partOf("[Content_Types].xml", CONTENT_TYPES), partOf("_rels/.rels", RELS), doc]);
}
