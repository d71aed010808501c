/**
 * Documents read in worker processes (issue 13 §1, §4): the same outcome as the direct reader for real reports, a
 * bomb refused, a document that takes too long or exhausts the worker's heap is a value (`timeout`, `too_large`)
 * and the pool goes on reading the next one. Bounded concurrency: never more workers than asked for.
 * The worker entry is TypeScript: this also proves the tsx loader works for a child started under vitest.
 */
import { afterAll, describe, expect, it } from "vitest";
import { createDocumentReader } from "../../src/adapters/document-reader.ts";
import { createWorkerDocumentReader, type WorkerDocumentReader } from "../../src/adapters/document-worker.ts";
import type { DocumentInput } from "../../src/app/ports.ts";
import { docxFromDocxLib, viaPandoc, wordLikeReport } from "../support/docx-fixtures.ts";
import { docxBomb } from "../support/zip-bombs.ts";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
// tsx would otherwise cache its transforms in the run's temp folder (nothing is left behind, issue 9 §9).
const NO_TSX_CACHE = { ...process.env, TSX_DISABLE_CACHE: "1" };
const pools: WorkerDocumentReader[] = [];
const pool = (o: Parameters<typeof createWorkerDocumentReader>[0]): WorkerDocumentReader => {
  const p = createWorkerDocumentReader({ sofficePath: null, pdftotextPath: null, env: NO_TSX_CACHE, ...o });
  pools.push(p);
  return p;
};
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

const file = (filename: string, content: Buffer): DocumentInput => ({ filename, contentType: DOCX, content });

describe("worker-backed document reader", () => {
  it("reads real reports exactly as the direct reader does, in parallel", async () => {
    const files = [
      file("Báo cáo tuần 47 - NVĐP.docx", await wordLikeReport()),
      file("Báo cáo tuần 47 - TTBC.docx", await docxFromDocxLib()),
      file("Báo cáo tuần 47 - VP.docx", await viaPandoc()),
      file("Báo cáo tuần 47 - TTDN (MẬT).docx", await wordLikeReport({ stamp: "MẬT" })),
    ];
    const direct = createDocumentReader({ sofficePath: null, pdftotextPath: null });
    const workers = pool({ concurrency: 2 });
    const [viaWorkers, expected] = await Promise.all([Promise.all(files.map((f) => workers.read(f))), Promise.all(files.map((f) => direct.read(f)))]);
    expect(viaWorkers).toEqual(expected);
    expect(viaWorkers.every((r) => r.ok)).toBe(true);
    expect(viaWorkers[3]).toMatchObject({ ok: true, secret: "MẬT" });
  });

  it("a 4 GiB bomb is zip_bomb; the honest report after it is read", async () => {
    const workers = pool({ concurrency: 1 });
    const [bomb, honest] = await Promise.all([
      workers.read(file("Báo cáo tuần 47 - NVĐP.docx", docxBomb(4096))),
      workers.read(file("Báo cáo tuần 47 - NVĐP (bản đúng).docx", await wordLikeReport())),
    ]);
    expect(bomb).toMatchObject({ ok: false, format: "docx", problem: "zip_bomb" });
    expect(honest.ok).toBe(true);
  });

  it("a document that takes longer than the limit is timeout; its worker is replaced and the next is read", async () => {
    // 40 MiB of text in one paragraph, let through the ZIP rules, takes mammoth ~6 s alone: the limit is 2 s, which
    // an honest report meets even on a loaded machine; the heap is large enough that time, not memory, runs out.
    const workers = pool({ concurrency: 1, limits: { zipRatio: 1_000_000, documentMs: 2_000, workerHeapMb: 2_048 } });
    const slow = docxBomb(40);
    const honest = await wordLikeReport();
    await workers.read(file("khởi động.docx", honest)); // the worker's start is not the document's time
    const started = Date.now();
    const [late, next] = await Promise.all([workers.read(file("Báo cáo tháng 11.docx", slow)), workers.read(file("Báo cáo tháng 11 (gửi lại).docx", honest))]);
    expect(late).toMatchObject({ ok: false, format: "docx", problem: "timeout" });
    expect(next.ok).toBe(true);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it("a document that exhausts the worker's heap is too_large, not a crash of the process", async () => {
    const workers = pool({ concurrency: 1, limits: { zipRatio: 1_000_000, workerHeapMb: 24, documentMs: 60_000 } });
    const read = await workers.read(file("Báo cáo năm 2026.docx", docxBomb(64)));
    expect(read).toMatchObject({ ok: false, problem: "too_large" });
    expect((await workers.read(file("Báo cáo năm 2026 (bản đúng).docx", await wordLikeReport()))).ok).toBe(true);
  });

  it("close() answers what still waits and ends the workers", async () => {
    const workers = createWorkerDocumentReader({ sofficePath: null, pdftotextPath: null, concurrency: 1, env: NO_TSX_CACHE });
    const content = await wordLikeReport();
    const waiting = [workers.read(file("a.docx", content)), workers.read(file("b.docx", content))];
    await workers.close();
    const reads = await Promise.all(waiting);
    expect(reads.every((r) => !r.ok && r.detail === "document reader closed")).toBe(true);
    expect(await workers.read(file("c.docx", content))).toMatchObject({ ok: false, problem: "corrupt" });
  });
});
