/**
 * contract.md "What counts as a report": a scanned PDF with no text goes to a person (`unclassified`, reason
 * "scanned document"), never a Không đạt — also when nothing but the scan could say what the mail is. Real mail
 * through parse → read (pdftotext) → classify → judge.
 */
import { describe, expect, it } from "vitest";
import { parseMessage } from "../../src/adapters/parse-message.ts";
import { createDocumentReader } from "../../src/adapters/document-reader.ts";
import { which } from "../../src/adapters/which.ts";
import { classifyMessage } from "../../src/domain/classify/index.ts";
import type { DocumentFacts } from "../../src/domain/message.ts";
import { judgeReport } from "../../src/domain/verdict/index.ts";
import { gmailMail, outlookMail } from "../support/eml.ts";
import { imageOnlyPdf, wordLikeDocx } from "../support/docx-fixtures.ts";
import { qtvp03Sections, reportDocx } from "../support/reports.ts";
import { loadTemplateRegime } from "../support/regime.ts";

const ZONE = "Asia/Ho_Chi_Minh";
const regime = loadTemplateRegime();
regime.units.find((u) => u.id === "vp")!.addresses = ["vp@cuc.example.vn"];
const reader = createDocumentReader({ sofficePath: which("soffice"), pdftotextPath: which("pdftotext") });

async function outcome(subject: string, text: string, files: [string, Buffer][], from = "vp@cuc.example.vn") {
  const raw = (/^Fw/i.test(subject) ? outlookMail : gmailMail)({
    from: { name: "Văn phòng", address: from }, to: [{ address: "tonghop@cuc.example.vn" }], subject, text,
    attachments: files.map(([filename, content]) => ({ filename, content })),
  });
  const at = new Date("2026-11-18T10:00:00+07:00");
  const facts = await parseMessage(raw, at);
  const documents: DocumentFacts[] = [];
  for (const [i, a] of facts.attachments.entries()) {
    documents.push({ source: i, filename: a.filename, read: await reader.read({ filename: a.filename, contentType: a.contentType, content: a.content }) });
  }
  return classifyMessage({ facts, documents }, [regime], { zone: ZONE }).map((candidate, index) => {
    const r = judgeReport({ index, candidate, documents, regimes: [regime], receivedAt: at, zone: ZONE }).record;
    return [r.status, r.unit, r.period, r.reason?.split(":")[0] ?? null];
  });
}

describe("a mail whose only document is a scan goes to a person as a scanned document", () => {
  it.each([
    ["subject and file name say nothing", "Gửi Văn phòng", "Em gửi ạ.", "scan0001.pdf", ["unclassified", "vp", null, "scanned_document"]],
    ["a forward with no text at all", "Fw: tài liệu", "", "Scan_20261118_0930.pdf", ["unclassified", "vp", null, "scanned_document"]],
    ["'Báo cáo' with no kind nor period: the kind is still unknown", "Báo cáo", "Em gửi báo cáo ạ.", "scan0001.pdf", ["unclassified", "vp", null, "no_period_kind"]],
    ["a weekly report scanned", "Báo cáo tuần 47 - Văn phòng", "Văn phòng gửi bản quét báo cáo tuần 47.", "BC tuan 47.pdf", ["unclassified", "vp", "2026-W47", "scanned_document"]],
  ] as const)("%s", async (_name, subject, text, file, expected) => {
    expect(await outcome(subject, text, [[file, imageOnlyPdf()]])).toEqual([expected]);
  });

  it("an ordinary mail with a readable attachment keeps 'no report evidence'", async () => {
    const doc = await wordLikeDocx([
      { center: true, runs: [{ t: "DANH SÁCH CÁN BỘ DỰ TẬP HUẤN NGHIỆP VỤ", b: true }] },
      { runs: [{ t: "1. Nguyễn Văn An - Phòng Nghiệp vụ - Điều phối" }] },
      { runs: [{ t: "2. Trần Thị Bình - Văn phòng" }] },
    ]);
    expect(await outcome("Danh sách dự tập huấn", "Văn phòng gửi danh sách.", [["Danh sach.docx", doc], ["scan0002.pdf", imageOnlyPdf()]])).toEqual([["unclassified", "vp", null, "no_report_evidence"]]);
  });

  it("a scan beside a complete report is not a person's work: the .docx is judged", async () => {
    const doc = await reportDocx({ header: ["VĂN PHÒNG"], title: "Kết quả công tác tuần 47 và kế hoạch công tác tuần 48", sections: qtvp03Sections({ next: "tuần tới" }), producer: "word" });
    expect(await outcome("Báo cáo tuần 47 - Văn phòng", "Văn phòng gửi báo cáo tuần 47.", [["BC tuần 47.docx", doc], ["BC tuần 47 (ký).pdf", imageOnlyPdf()]])).toEqual([["accepted", "vp", "2026-W47", null]]);
  });
});
