import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createDocumentReader } from "../../src/adapters/document-reader.ts";
import { judgeReport, type CandidateLike } from "../../src/domain/verdict/index.ts";
import type { DocumentFacts } from "../../src/domain/message.ts";
import { qtvp03Sections, reportDocx } from "../support/reports.ts";
import { loadTemplateRegime } from "../support/regime.ts";

const regime = loadTemplateRegime();
const reader = createDocumentReader({ sofficePath: null, pdftotextPath: null });
const zone = "Asia/Ho_Chi_Minh";

const candidate: CandidateLike = {
  regime: regime.id, unit: "vp", kind: "week", period: "2026-W47", periodInferred: false, confidence: 0.9,
  evidence: [], reason: null, isReport: true, documents: [0],
};

async function judge(filename: string, content: Buffer, receivedAt = "2026-11-19T14:59:59+07:00") {
  const read = await reader.read({ filename, contentType: "application/octet-stream", content });
  const documents: DocumentFacts[] = [{ source: 0, filename, read }];
  return judgeReport({ index: 0, candidate, documents, regimes: [regime], receivedAt: new Date(receivedAt), zone });
}

describe("judgeReport", () => {
  it("an unfilled skeleton sent back is Không đạt: both required sections are missing", async () => {
    const j = await judge("Mẫu báo cáo tuần.docx", readFileSync("templates/skeletons/mau-bao-cao-tuan.docx"));
    expect(j.record).toMatchObject({ status: "rejected", verdict: "khong_dat", missingSections: ["ket_qua", "ke_hoach"], onTime: true, lateSeconds: 0 });
    expect(j.record.reason).toMatch(/^missing_sections: /);
  });

  it("a complete report is Đạt, on time one second before 15:00 Thursday, late at 15:00:00", async () => {
    const doc = await reportDocx({ header: ["VĂN PHÒNG"], title: "Báo cáo công tác tuần 47", sections: qtvp03Sections({ next: "tuần tới" }), producer: "word", style: "numbered" });
    const early = await judge("BC tuan 47 VP.docx", doc);
    expect(early.record).toMatchObject({ status: "accepted", verdict: "dat", missingSections: [], onTime: true, reason: null });
    expect(early.record.deadline?.toISOString()).toBe("2026-11-19T08:00:00.000Z");
    expect(early.record.outline).not.toBeNull();
    const late = await judge("BC tuan 47 VP.docx", doc, "2026-11-19T15:00:00+07:00");
    expect(late.record).toMatchObject({ onTime: false, lateSeconds: 0, verdict: "dat" });
  });

  it("a plan heading with no content under it is missing", async () => {
    const sections = qtvp03Sections({ next: "tuần tới" }).map((s) => (s.id === "ke_hoach" ? { ...s, items: [], table: undefined } : s));
    const j = await judge("BC tuan 47 VP.docx", await reportDocx({ header: ["VĂN PHÒNG"], title: "Báo cáo tuần 47", sections, producer: "docx" }));
    expect(j.record).toMatchObject({ verdict: "khong_dat", missingSections: ["ke_hoach"] });
  });
});
