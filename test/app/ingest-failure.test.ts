/**
 * ingestMessage (src/app/ingest-message.ts) when a message cannot be processed yet: contract.md "submissions
 * --json" `failed` (retried; `reason` says why, as a short English code plus Vietnamese text for people), then
 * processed on a later pass. Real SQLite store and archive; the parser fails as a crashed parser would.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/adapters/database.ts";
import { createPrismaStore } from "../../src/adapters/prisma-store.ts";
import { createFileArchive } from "../../src/adapters/file-archive.ts";
import { createDocumentReader } from "../../src/adapters/document-reader.ts";
import { parseMessage } from "../../src/adapters/parse-message.ts";
import { loadMailTexts } from "../../src/adapters/template-loader.ts";
import { silentLogger } from "../../src/adapters/logger.ts";
import { fixedClock } from "../../src/adapters/clock.ts";
import { ingestMessage } from "../../src/app/ingest-message.ts";
import { toSubmissionJson } from "../../src/app/submission-view.ts";
import type { IngestDeps } from "../../src/app/ingest-message.ts";
import type { Store } from "../../src/app/store.ts";
import { loadTemplateRegime } from "../support/regime.ts";
import { outlookMail } from "../support/eml.ts";
import { ROOT } from "../support/intake.ts";

const ZONE = "Asia/Ho_Chi_Minh";
const local = (s: string) => new Date(`${s}+07:00`);
const regime = loadTemplateRegime();
regime.units.find((u) => u.id === "nvdp")!.addresses = ["nvdp@cuc.example.vn"];

let store: Store;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "intake-failure-"));
  store = createPrismaStore(await openDatabase(`file:${path.join(dir, "intake.db")}`));
});
afterAll(async () => {
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function deps(now: string, parse: IngestDeps["parse"]): IngestDeps {
  return {
    settings: {
      timezone: ZONE,
      office: { name: "Văn phòng Cục", address: "tonghop@cuc.example.vn", chief: { name: "Chánh Văn phòng", address: "chanhvp@cuc.example.vn" } },
      regimes: [regime],
      mailFrom: "tonghop@cuc.example.vn",
    },
    store,
    archive: createFileArchive(path.join(dir, "archive")),
    documents: createDocumentReader({ sofficePath: null, pdftotextPath: null }),
    parse,
    texts: loadMailTexts(path.join(ROOT, "templates", "mail")),
    skeletonFor: () => null,
    clock: fixedClock(local(now)),
    logger: silentLogger,
  };
}

const crashing: IngestDeps["parse"] = async () => {
  throw new Error("Unexpected end of multipart data");
};

describe("a message that fails is recorded as failed with a reason, then retried", () => {
  const source = outlookMail({
    from: { name: "Nguyễn Văn An", address: "nvdp@cuc.example.vn" },
    to: [{ address: "tonghop@cuc.example.vn" }],
    subject: "Câu hỏi về họp giao ban",
    messageId: "failing-1@cuc.example.vn",
    text: "Kính gửi Văn phòng,\nPhòng xin hỏi lịch họp giao ban tuần tới.\nTrân trọng.",
  });
  const raw = { mailbox: "INBOX", uidValidity: 7, uid: 41, key: "41", internalDate: local("2026-11-18T10:12:05"), source };

  it("failed, with the English code, the Vietnamese text and the error; null non-report fields", async () => {
    expect(await ingestMessage(deps("2026-11-18T10:13:00", crashing), raw)).toBe("failed");
    const json = toSubmissionJson(await store.listSubmissions(), ZONE);
    expect(json).toHaveLength(1);
    expect(json[0]).toMatchObject({
      messageId: "<failing-1@cuc.example.vn>",
      from: "nvdp@cuc.example.vn",
      receivedAt: "2026-11-18T10:12:05+07:00",
      status: "failed",
      verdict: null,
      unit: null,
      kind: null,
      period: null,
      latest: null,
      reason: "processing_error: Chưa xử lý được thư, hệ thống sẽ tự thử lại (Unexpected end of multipart data)",
    });
  });

  it("is not tried again before its retry time, and is processed once it is due", async () => {
    expect(await ingestMessage(deps("2026-11-18T10:13:30", parseMessage), raw)).toBe("skipped");
    expect(await ingestMessage(deps("2026-11-18T10:14:00", parseMessage), raw)).toBe("processed");
    const json = toSubmissionJson(await store.listSubmissions(), ZONE);
    expect(json.map((j) => [j.messageId, j.from, j.status, j.unit, j.reason])).toEqual([
      ["<failing-1@cuc.example.vn>", "nvdp@cuc.example.vn", "unclassified", "nvdp", "no_report_evidence: Thư không có dấu hiệu là báo cáo định kỳ"],
    ]);
  });
});
