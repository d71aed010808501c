import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { bodyOutline } from "../../src/domain/document/index.ts";
import { checkSections } from "../../src/domain/document/index.ts";
import { emptySections, withoutSections } from "../../src/domain/document/index.ts";
import { reportSkeleton } from "../../src/domain/document/index.ts";
import { createDocumentReader } from "../../src/adapters/document-reader.ts";
import { loadTemplateRegime } from "../support/regime.ts";

const regime = loadTemplateRegime();
const required = ["ket_qua", "ke_hoach"];
const guidance = (["week", "month"] as const).flatMap((k) => reportSkeleton(k)!.sections.map((s) => s.guidance));

function empties(text: string): string[] {
  const outline = bodyOutline(text);
  return emptySections(outline, checkSections(outline, regime.sections), required, guidance);
}

describe("required sections need content", () => {
  it.each([
    ["headings with content", "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ\n- Tổ chức họp báo quốc tế.\nII. KẾ HOẠCH TUẦN TỚI\n- Hoàn thiện báo cáo năm.", []],
    ["plan heading with nothing under it", "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ\n- Tổ chức họp báo quốc tế.\nII. KẾ HOẠCH TUẦN TỚI", ["ke_hoach"]],
    ["results filled with dots only", "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ\n……………\n.....\nII. KẾ HOẠCH TUẦN TỚI\n- Hoàn thiện báo cáo năm.", ["ket_qua"]],
    ["both empty", "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ\nII. NHIỆM VỤ TRỌNG TÂM TUẦN TỚI", ["ket_qua", "ke_hoach"]],
    ["inline content after a label", "Kết quả công tác tuần: tổ chức 2 hội nghị.\nKế hoạch tuần tới: hoàn thiện báo cáo.", []],
  ])("%s", (_name, text, expected) => {
    expect(empties(text)).toEqual(expected);
  });

  it("the unfilled skeleton of every kind has only empty required sections", async () => {
    const reader = createDocumentReader({ sofficePath: null, pdftotextPath: null });
    for (const [kind, file] of [["week", "tuan"], ["month", "thang"], ["quarter", "quy"], ["half", "6-thang"], ["year", "nam"]] as const) {
      const read = await reader.read({ filename: `mau-bao-cao-${file}.docx`, contentType: "application/octet-stream", content: readFileSync(`templates/skeletons/mau-bao-cao-${file}.docx`) });
      expect(read.ok, kind).toBe(true);
      if (!read.ok) continue;
      const sk = reportSkeleton(kind)!;
      const report = checkSections(read.outline, regime.sections);
      expect(report.missingRequired, kind).toEqual([]);
      const empty = emptySections(read.outline, report, required, [sk.note, ...sk.sections.map((s) => s.guidance)]);
      expect(empty, kind).toEqual(["ket_qua", "ke_hoach"]);
      expect(withoutSections(report, empty, required).missingRequired, kind).toEqual(["ket_qua", "ke_hoach"]);
    }
  });
});
