/**
 * The ZIP guard (issue 13 §1): sizes read from the central directory before anything inflates, and entries that
 * inflate beyond what the directory states. Bombs are real ZIPs (jszip opens them, CRC checked); a 4 GiB one uses
 * Zip64 fields. Real reports from Word-like and LibreOffice producers pass.
 */
import { randomBytes } from "node:crypto";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { createDocumentReader } from "../../src/adapters/document-reader.ts";
import { DEFAULT_LIMITS, resolveLimits } from "../../src/adapters/limits.ts";
import { checkZip, readCentralDirectory } from "../../src/adapters/zip-guard.ts";
import { docxFromDocxLib, viaLibreOffice, wordLikeReport } from "../support/docx-fixtures.ts";
import { docxBomb, partOf, writeZip } from "../support/zip-bombs.ts";

const MiB = 1024 * 1024;

describe("zip bomb fixtures are real ZIP files", () => {
  it("jszip opens a 32 MiB bomb, checks its CRC and inflates it to the size its directory states", async () => {
    const bomb = docxBomb(32);
    const zip = await JSZip.loadAsync(bomb, { checkCRC32: true });
    const doc = await zip.file("word/document.xml")!.async("nodebuffer");
    expect(doc.length).toBe(readCentralDirectory(bomb)!.find((e) => e.name === "word/document.xml")!.uncompressedSize);
    expect(doc.length).toBeGreaterThan(32 * MiB);
    expect(doc.subarray(0, 400).toString("utf8")).toContain("BÁO CÁO KẾT QUẢ CÔNG TÁC TUẦN 47");
  });
});

describe("readCentralDirectory", () => {
  it("lists what jszip lists, with the stated sizes, for real .docx files", async () => {
    for (const docx of [await wordLikeReport(), await docxFromDocxLib()]) {
      const entries = readCentralDirectory(docx)!;
      const zip = await JSZip.loadAsync(docx);
      expect(entries.map((e) => e.name).filter((n) => !n.endsWith("/")).sort()).toEqual(Object.keys(zip.files).filter((n) => !zip.files[n]!.dir).sort());
      const document = entries.find((e) => e.name === "word/document.xml")!;
      expect(document.uncompressedSize).toBe((await zip.file("word/document.xml")!.async("nodebuffer")).length);
    }
  });

  it("reads Zip64 sizes: a 4 GiB part", () => {
    const entries = readCentralDirectory(docxBomb(4096))!;
    expect(entries.find((e) => e.name === "word/document.xml")!.uncompressedSize).toBeGreaterThan(4096 * MiB);
  });

  it("gives null for what is not a ZIP", () => {
    expect(readCentralDirectory(Buffer.from("Báo cáo tuần 47 gửi kèm theo đây."))).toBeNull();
    expect(readCentralDirectory(Buffer.alloc(0))).toBeNull();
  });
});

describe("checkZip", () => {
  const cases: { name: string; zip: () => Buffer | Promise<Buffer>; reason: null | RegExp }[] = [
    { name: "a Word-like report", zip: () => wordLikeReport(), reason: null },
    { name: "a LibreOffice .odt", zip: () => viaLibreOffice("odt"), reason: null },
    { name: "12 MiB of random bytes (ratio 1:1, under 200 MB)", zip: () => writeZip([partOf("word/media/anh-hoi-nghi.bin", randomBytes(12 * MiB))]), reason: null },
    { name: "9 MiB of spaces (ratio 1000:1 but under the 10 MB floor)", zip: () => docxBomb(9), reason: null },
    { name: "a 4 GiB .docx bomb (Zip64)", zip: () => docxBomb(4096), reason: /uncompressed 4096\.\d MB over 200\.0 MB/ },
    { name: "a 208 MiB bomb (just over the total)", zip: () => docxBomb(208), reason: /over 200\.0 MB/ },
    { name: "a 48 MiB bomb (under the total, ratio 1000:1)", zip: () => docxBomb(48), reason: /compression ratio \d+:1 over 100:1/ },
    { name: "a liar: states 1 MiB, inflates to 64 MiB", zip: () => docxBomb(64, { statedMib: 1 }), reason: /word\/document\.xml inflates beyond the 1\.0 MB/ },
  ];
  for (const c of cases) {
    it(`${c.name} → ${c.reason ? "zip_bomb" : "ok"}`, async () => {
      const verdict = await checkZip(await c.zip(), DEFAULT_LIMITS);
      if (!c.reason) expect(verdict).toMatchObject({ ok: true });
      else {
        expect(verdict).toMatchObject({ ok: false, reason: "zip_bomb" });
        expect(!verdict.ok && verdict.detail).toMatch(c.reason);
      }
    });
  }

  it("follows the configured limits", async () => {
    const bomb = docxBomb(48);
    expect(await checkZip(bomb, resolveLimits({ zipRatio: 2000 }))).toMatchObject({ ok: true });
    expect(await checkZip(bomb, resolveLimits({ zipRatio: 2000, zipUncompressedBytes: 32 * MiB }))).toMatchObject({ ok: false, reason: "zip_bomb" });
  });
});

describe("the document reader refuses bombs before reading them", () => {
  const reader = createDocumentReader({ sofficePath: null, pdftotextPath: null });

  it("a 4 GiB .docx bomb is zip_bomb at once, and the honest report after it is read", async () => {
    const content = docxBomb(4096);
    const started = Date.now();
    const bomb = await reader.read({ filename: "Báo cáo tuần 47 - NVĐP.docx", contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", content });
    expect(bomb).toMatchObject({ ok: false, format: "docx", problem: "zip_bomb" });
    expect(Date.now() - started).toBeLessThan(2_000);
    const honest = await reader.read({ filename: "Báo cáo tuần 47 - NVĐP.docx", contentType: "", content: await wordLikeReport() });
    expect(honest.ok).toBe(true);
  });

  it("an attachment over the size limit is too_large without being opened", async () => {
    const small = createDocumentReader({ sofficePath: null, pdftotextPath: null, limits: resolveLimits({ attachmentBytes: 1024 }) });
    const read = await small.read({ filename: "Báo cáo tháng 11.docx", contentType: "", content: await wordLikeReport() });
    expect(read).toMatchObject({ ok: false, problem: "too_large" });
  });
});
