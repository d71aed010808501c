import { describe, expect, it } from "vitest";
import type { Block } from "../../src/domain/model.ts";
import { liftLayoutTables } from "../../src/domain/document/index.ts";
import { checkSections } from "../../src/domain/document/index.ts";
import { loadTemplateRegime } from "../support/regime.ts";

const p = (text: string, bold = false): Block => ({ type: "paragraph", runs: [{ text, ...(bold ? { bold } : {}) }] });
const regime = loadTemplateRegime();
const report: Block[] = [
  p("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ", true),
  p("- Tổ chức họp báo quốc tế về biển đảo."),
  p("II. KHÓ KHĂN, VƯỚNG MẮC", true),
  p("- Nhân sự mỏng."),
  p("III. KẾ HOẠCH CÔNG TÁC TUẦN TỚI", true),
  p("- Hoàn thiện báo cáo tổng kết năm."),
];
const header: Block = { type: "table", rows: [[[p("CỤC THÔNG TIN ĐỐI NGOẠI"), p("PHÒNG NGHIỆP VỤ - ĐIỀU PHỐI", true)], [p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true), p("Độc lập - Tự do - Hạnh phúc", true)]]] };
const data: Block = { type: "table", rows: [[[p("Nội dung")], [p("Kết quả")]], [[p("Tin, bài")], [p("45")]]] };

describe("layout tables", () => {
  it.each([
    ["a one-cell frame around the whole report", { type: "table", rows: [[report]] } as Block],
    ["a one-column table, one section per row", { type: "table", rows: [[report.slice(0, 2)], [report.slice(2, 4)], [report.slice(4)]] } as Block],
    ["a frame nested in a frame", { type: "table", rows: [[[{ type: "table", rows: [[report]] } as Block]]] } as Block],
    ["one row: a margin cell and the report", { type: "table", rows: [[[p("")], report]] } as Block],
  ])("%s: the sections are found once lifted", (_name, frame) => {
    const outline = { blocks: [header, frame, data] };
    const lifted = liftLayoutTables(outline);
    expect(checkSections(lifted, regime.sections).missingRequired).toEqual([]);
    expect(lifted.blocks[0]).toBe(header);
    expect(lifted.blocks[lifted.blocks.length - 1]).toBe(data);
  });

  it("the unlifted frame hides the sections (why lifting is needed)", () => {
    const outline = { blocks: [header, { type: "table", rows: [[report]] } as Block] };
    expect(checkSections(outline, regime.sections).missingRequired).toEqual(["ket_qua", "ke_hoach"]);
  });

  it("keeps data tables and the two-column header block", () => {
    const outline = { blocks: [header, ...report, data] };
    expect(liftLayoutTables(outline)).toEqual(outline);
  });
});
