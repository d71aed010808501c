import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { DocumentProblem, DocumentRead, SectionDef } from "../../src/domain/model.ts";
import { bodyOutline } from "../../src/domain/document/index.ts";
import { checkSections } from "../../src/domain/document/index.ts";
import { bestReport, decideVerdict, needsPerson, type VerdictDocument } from "../../src/domain/verdict/index.ts";

const SECTIONS: SectionDef[] = parse(readFileSync(new URL("../../templates/regimes/qt-vp-03.yaml", import.meta.url), "utf8")).sections;

const text = (lines: string[]): DocumentRead => {
  const outline = bodyOutline(lines.join("\n"));
  return { ok: true, outline, text: lines.join("\n"), format: "docx" };
};
const broken = (problem: DocumentProblem, format = "docx"): DocumentRead => ({ ok: false, format, problem, detail: "test" });

const FULL = text([
  "BÁO CÁO",
  "Kết quả công tác tuần 47 và kế hoạch tuần 48",
  "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ",
  "1. Đăng tải 45 tin, bài trên Cổng thông tin.",
  "II. KHÓ KHĂN, VƯỚNG MẮC",
  "Không có.",
  "III. KẾ HOẠCH CÔNG TÁC TUẦN TỚI",
  "1. Chuẩn bị hội nghị giao ban.",
]);
const NO_PLAN = text(["BÁO CÁO", "Công tác tuần 47", "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ", "1. Đăng tải 45 tin, bài."]);
const NO_RESULTS = text(["BÁO CÁO", "Công tác tháng 11", "Nhiệm vụ trọng tâm tháng 12:", "- Tổ chức hội nghị tổng kết."]);
const BODY_ANNOUNCE = text(["Kính gửi Văn phòng,", "Phòng NVĐP gửi báo cáo tuần 47 (tệp đính kèm).", "Trân trọng."]);
const SCANNED = broken("scanned", "pdf");

const doc = (filename: string | null, read: DocumentRead): VerdictDocument => ({ filename, read });

interface Case {
  name: string;
  documents: VerdictDocument[];
  value: "dat" | "khong_dat";
  reasons: string[];
  missing?: string[];
  /** Fragments every one of which must appear in the Vietnamese details. */
  details?: string[];
}

const CASES: Case[] = [
  { name: "a complete .docx", documents: [doc("BC tuan 47 - NVDP.docx", FULL)], value: "dat", reasons: [] },
  {
    name: "complete report in the body, nothing attached",
    documents: [doc(null, FULL)],
    value: "dat",
    reasons: [],
  },
  {
    name: "complete .docx beside a corrupt copy",
    documents: [doc("Báo cáo.docx", FULL), doc("Báo cáo (1).docx", broken("corrupt"))],
    value: "dat",
    reasons: [],
  },
  {
    name: "complete .docx beside an .xlsx appendix",
    documents: [doc("Báo cáo.docx", FULL), doc("Phụ lục số liệu.xlsx", broken("unsupported", "xlsx"))],
    value: "dat",
    reasons: [],
  },
  {
    name: "plan missing",
    documents: [doc("BC tuần 47.docx", NO_PLAN)],
    value: "khong_dat",
    reasons: ["missing_sections"],
    missing: ["ke_hoach"],
    details: ["Thiếu mục “Kế hoạch công tác thời gian tiếp theo”"],
  },
  {
    name: "results missing",
    documents: [doc("BC tháng 11.docx", NO_RESULTS)],
    value: "khong_dat",
    reasons: ["missing_sections"],
    missing: ["ket_qua"],
    details: ["Thiếu mục “Kết quả thực hiện nhiệm vụ”"],
  },
  {
    name: "two partial documents: the better one is reported",
    documents: [doc("a.docx", NO_RESULTS), doc("b.docx", NO_PLAN)],
    value: "khong_dat",
    reasons: ["missing_sections"],
    missing: ["ket_qua"],
  },
  {
    name: "corrupt attachment, body only announces it",
    documents: [doc(null, BODY_ANNOUNCE), doc("BC tuần 47.docx", broken("corrupt"))],
    value: "khong_dat",
    reasons: ["unreadable_attachment"],
    missing: [],
    details: ["Tệp “BC tuần 47.docx” bị lỗi, không mở được"],
  },
  {
    name: "password-protected attachment",
    documents: [doc("Báo cáo tháng 11.docx", broken("encrypted"))],
    value: "khong_dat",
    reasons: ["unreadable_attachment"],
    details: ["Tệp “Báo cáo tháng 11.docx” được đặt mật khẩu"],
  },
  {
    name: "empty attachment",
    documents: [doc("BC.docx", broken("empty"))],
    value: "khong_dat",
    reasons: ["unreadable_attachment"],
    details: ["Tệp “BC.docx” không có nội dung"],
  },
  {
    name: "only an unsupported format",
    documents: [doc("Báo cáo tuần 47.zip", broken("unsupported", "zip"))],
    value: "khong_dat",
    reasons: ["unsupported_format"],
    details: ["định dạng .zip", "tệp Word (.docx)"],
  },
  {
    name: "partial report and a corrupt second file: both said",
    documents: [doc("BC.docx", NO_PLAN), doc("KH tuần 48.docx", broken("corrupt"))],
    value: "khong_dat",
    reasons: ["missing_sections", "unreadable_attachment"],
    missing: ["ke_hoach"],
  },
  {
    name: "nothing at all",
    documents: [],
    value: "khong_dat",
    reasons: ["no_content"],
    details: ["không kèm tệp báo cáo"],
  },
  {
    name: "a body without any section and no attachment",
    documents: [doc(null, BODY_ANNOUNCE)],
    value: "khong_dat",
    reasons: ["missing_sections"],
    missing: ["ket_qua", "ke_hoach"],
  },
  {
    name: "a scanned PDF is never a reason",
    documents: [doc(null, BODY_ANNOUNCE), doc("BC ký số.pdf", SCANNED), doc("BC.docx", FULL)],
    value: "dat",
    reasons: [],
  },
];

describe("decideVerdict", () => {
  it.each(CASES)("$name", (c) => {
    const v = decideVerdict({ documents: c.documents, report: null, sections: SECTIONS });
    expect(v.value).toBe(c.value);
    expect(v.reasons).toEqual(c.reasons);
    if (c.missing) expect(v.missingSections).toEqual(c.missing);
    for (const fragment of c.details ?? []) expect(v.details.join("\n")).toContain(fragment);
    if (c.value === "dat") expect(v.details).toEqual([]);
    else expect(v.details.length).toBeGreaterThan(0);
  });

  it("a caller's report that is complete makes it Đạt", () => {
    const ok = checkSections(FULL.ok ? FULL.outline : { blocks: [] }, SECTIONS);
    const v = decideVerdict({ documents: [doc("BC.docx", NO_PLAN)], report: ok, sections: SECTIONS });
    expect(v.value).toBe("dat");
  });

  it("names every missing required section by its title", () => {
    const v = decideVerdict({ documents: [doc(null, BODY_ANNOUNCE)], report: null, sections: SECTIONS });
    expect(v.details).toEqual([
      "Thiếu mục “Kết quả thực hiện nhiệm vụ” (các nhiệm vụ, công việc đơn vị đã triển khai và kết quả đạt được trong kỳ báo cáo).",
      "Thiếu mục “Kế hoạch công tác thời gian tiếp theo” (kế hoạch, nhiệm vụ trọng tâm đơn vị sẽ triển khai trong kỳ tiếp theo).",
    ]);
  });

  it("bestReport picks the document with fewest missing sections", () => {
    const best = bestReport({ documents: [doc("a.docx", NO_PLAN), doc("b.docx", FULL)], report: null, sections: SECTIONS });
    expect(best?.source).toBe(1);
    expect(best?.filename).toBe("b.docx");
  });
});

describe("needsPerson", () => {
  it.each([
    ["a scanned PDF alone", [doc("BC.pdf", SCANNED)], true],
    ["a scanned PDF and a body without report", [doc(null, BODY_ANNOUNCE), doc("BC.pdf", SCANNED)], true],
    ["a scanned signed copy beside a readable .docx", [doc("BC.docx", FULL), doc("BC ký.pdf", SCANNED)], false],
    ["a corrupt file only", [doc("BC.docx", broken("corrupt"))], false],
    ["plain reads: scanned only", [SCANNED], true],
    ["plain reads: scanned and readable", [SCANNED, FULL], false],
    ["nothing", [], false],
  ] as [string, (DocumentRead | VerdictDocument)[], boolean][])("%s", (_n, reads, expected) => {
    expect(needsPerson(reads)).toBe(expected);
  });
});
