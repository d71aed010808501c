/**
 * contract.md "What counts as a report": a signed PDF beside a .docx is the signed copy: archived, listed, not
 * judged. The .docx alone decides Đạt / Không đạt and is what the draft merges; a secrecy stamp on the signed copy
 * still marks the report. Real documents (docx package, LibreOffice PDF export, pdftotext).
 */
import { describe, expect, it } from "vitest";
import { createDocumentReader } from "../../src/adapters/document-reader.ts";
import { judgeReport, type CandidateLike } from "../../src/domain/verdict/index.ts";
import { which } from "../../src/adapters/which.ts";
import type { DocumentFacts } from "../../src/domain/message.ts";
import { docxFromDocxLib, imageOnlyPdf, passwordPdf, truncatedDocx, viaLibreOffice } from "../support/docx-fixtures.ts";
import { loadTemplateRegime } from "../support/regime.ts";

const regime = loadTemplateRegime();
const reader = createDocumentReader({ sofficePath: which("soffice"), pdftotextPath: which("pdftotext") });
const zone = "Asia/Ho_Chi_Minh";

const candidate: CandidateLike = {
  regime: regime.id, unit: "nvdp", kind: "week", period: "2026-W47", periodInferred: false, confidence: 0.9,
  evidence: [], reason: null, isReport: true, documents: [0, 1],
};

async function judge(files: [string, Buffer][]) {
  const documents: DocumentFacts[] = [];
  for (const [i, [filename, content]] of files.entries()) {
    documents.push({ source: i, filename, read: await reader.read({ filename, contentType: "application/octet-stream", content }) });
  }
  const j = judgeReport({ index: 0, candidate: { ...candidate, documents: documents.map((d) => d.source) }, documents, regimes: [regime], receivedAt: new Date("2026-11-18T10:12:00+07:00"), zone });
  const r = j.record;
  return { status: r.status, verdict: r.verdict, missing: r.missingSections, attachments: r.attachments, secret: r.secret, reason: r.reason?.split(":")[0] ?? null, outlineText: JSON.stringify(r.outline) };
}

const DOCX = "Báo cáo tuần 47 - NVĐP.docx";
const SIGNED = "Báo cáo tuần 47 - NVĐP (đã ký).pdf";

describe("a signed PDF beside the .docx is listed, not judged", () => {
  it.each([
    ["an encrypted signed copy beside a complete .docx: Đạt", () => docxFromDocxLib(), passwordPdf, { status: "accepted", verdict: "dat", missing: [], reason: null }],
    ["a scanned signed copy beside a complete .docx: Đạt", () => docxFromDocxLib(), async () => imageOnlyPdf(), { status: "accepted", verdict: "dat", missing: [], reason: null }],
    ["a complete signed copy does not make an incomplete .docx Đạt", () => docxFromDocxLib({ omitPlan: true }), () => viaLibreOffice("pdf"), { status: "rejected", verdict: "khong_dat", missing: ["ke_hoach"], reason: "missing_sections" }],
    ["an encrypted signed copy beside an incomplete .docx: only the missing section is said", () => docxFromDocxLib({ omitPlan: true }), passwordPdf, { status: "rejected", verdict: "khong_dat", missing: ["ke_hoach"], reason: "missing_sections" }],
    ["a truncated .docx is not saved by its signed copy", () => truncatedDocx(), () => viaLibreOffice("pdf"), { status: "rejected", verdict: "khong_dat", missing: [], reason: "unreadable_attachment" }],
  ] as const)("%s", async (_name, docx, pdf, expected) => {
    const got = await judge([[DOCX, await docx()], [SIGNED, await pdf()]]);
    expect({ status: got.status, verdict: got.verdict, missing: got.missing, reason: got.reason }).toEqual(expected);
    expect(got.attachments).toEqual([DOCX, SIGNED]);
  }, 120_000);

  it("the outline the draft merges is the .docx's, and a MẬT stamp on the signed copy marks the report", async () => {
    const got = await judge([[DOCX, await docxFromDocxLib({ omitPlan: true })], [SIGNED, await viaLibreOffice("pdf", { stamp: "MẬT" })]]);
    expect(got.secret).toBe("MẬT");
    expect(got.outlineText).not.toContain("Hoàn thiện dự thảo báo cáo tổng kết năm 2026");
    expect(got.outlineText).toContain("Phối hợp với Bộ Ngoại giao tổ chức họp báo quốc tế ngày 18/11/2026");
  }, 120_000);
});
