/**
 * Test helper: real-looking Vietnamese unit reports for the compiled draft (QT.VP.03 units), as the section
 * check would hand them over: blocks with bold/italic runs, lists and a table.
 */
import { readFileSync } from "node:fs";
import { parseDraftSkeletonYaml, type DraftSkeleton } from "../../src/domain/draft/index.ts";
import type { UnitReportForDraft } from "../../src/domain/draft/index.ts";
import type { Block, Run, UnitDef } from "../../src/domain/model.ts";
import type { Regime } from "../../src/domain/regime.ts";

export const ZONE = "Asia/Ho_Chi_Minh";

/** The shipped skeleton, templates/draft/qt-vp-03.yaml; throws if it does not validate. */
export function loadSkeleton(): DraftSkeleton {
  const r = parseDraftSkeletonYaml(readFileSync(new URL("../../templates/draft/qt-vp-03.yaml", import.meta.url), "utf8"));
  if (!r.ok) throw new Error(`skeleton: ${r.error}`);
  return r.skeleton;
}

export const p = (...runs: (string | Run)[]): Block => ({
  type: "paragraph",
  runs: runs.map((r) => (typeof r === "string" ? { text: r } : r)),
});
export const li = (text: string | Run[], ordered = false, level = 0): Block => ({
  type: "paragraph",
  runs: typeof text === "string" ? [{ text }] : text,
  list: { ordered, level },
});
export const table = (rows: string[][]): Block => ({ type: "table", rows: rows.map((r) => r.map((c) => [p(c)])) });
export const b = (text: string): Run => ({ text, bold: true });
export const i = (text: string): Run => ({ text, italic: true });

export function unitOf(regime: Regime, id: string): UnitDef {
  const u = regime.units.find((x) => x.id === id);
  if (!u) throw new Error(`no unit ${id}`);
  return u;
}

/** Content of the Phòng Nghiệp vụ - Điều phối: on time, first version, every section, a list and a table. */
export function nvdpSections(): Record<string, Block[]> {
  return {
    ket_qua: [
      p("Trong tuần, Phòng đã tham mưu Lãnh đạo Cục ban hành ", b("Kế hoạch số 215/KH-TTĐN"), " về thông tin đối ngoại năm 2027."),
      li([{ text: "Hoàn thành dự thảo " }, b("Báo cáo công tác thông tin đối ngoại 10 tháng năm 2026"), { text: ";" }]),
      li("Phối hợp với Bộ Ngoại giao tổ chức họp báo quốc tế ngày 18/11/2026;"),
      li("Tổng hợp ý kiến của 34 tỉnh, thành phố về dự thảo Quy chế phối hợp.", false, 1),
      table([
        ["Nội dung", "Số lượng"],
        ["Tin, bài định hướng tuyên truyền", "12"],
        ["Văn bản hướng dẫn địa phương", "03"],
      ]),
    ],
    kho_khan: [p("Việc thu thập số liệu của một số địa phương sau sắp xếp còn ", i("chậm so với yêu cầu"), ".")],
    kien_nghi: [p("Đề nghị Lãnh đạo Cục cho ý kiến về dự thảo Quy chế phối hợp trước ngày 30/11/2026.")],
    ke_hoach: [
      li("Hoàn thiện Kế hoạch thông tin đối ngoại năm 2027, trình Lãnh đạo Bộ.", true),
      li("Chuẩn bị nội dung Hội nghị giao ban thông tin đối ngoại khu vực phía Bắc.", true),
    ],
  };
}

/** Content of the Phòng Truyền thông đối ngoại: resent (version 2), late, no difficulties. */
export function ttdnSections(): Record<string, Block[]> {
  return {
    ket_qua: [
      p("Vận hành ổn định Cổng thông tin điện tử về Việt Nam (", i("vietnam.vn"), "); đăng tải 146 tin, bài bằng 6 thứ tiếng."),
      p("Sản xuất 05 video clip quảng bá hình ảnh Việt Nam nhân dịp Ngày Di sản văn hóa Việt Nam 23/11."),
    ],
    ke_hoach: [p("Triển khai chuyên mục \"Việt Nam - Điểm đến an toàn\" trên các nền tảng số (bản gửi lại lần 2).")],
  };
}

export interface Scenario {
  nvdp?: Partial<UnitReportForDraft>;
  ttdn?: Partial<UnitReportForDraft>;
  ttbc?: Partial<UnitReportForDraft>;
  vp?: Partial<UnitReportForDraft>;
}

/**
 * A week with one unit of each state: nvdp Đạt on time; ttdn Đạt late (2 giờ 15 phút), resent; ttbc missing
 * (absent from the input); vp Không đạt. `over` replaces fields per unit.
 */
export function mixedUnits(regime: Regime, over: Scenario = {}): UnitReportForDraft[] {
  const base: Record<string, UnitReportForDraft> = {
    nvdp: {
      unit: unitOf(regime, "nvdp"),
      state: "accepted",
      sections: nvdpSections(),
      receivedAt: new Date("2026-11-18T03:12:00Z"),
      onTime: true,
      lateMs: null,
      version: 1,
      attachments: ["Báo cáo tuần 47 - NVĐP.docx"],
    },
    ttdn: {
      unit: unitOf(regime, "ttdn"),
      state: "accepted",
      sections: ttdnSections(),
      receivedAt: new Date("2026-11-19T10:15:00Z"),
      onTime: false,
      lateMs: (2 * 60 + 15) * 60_000,
      version: 2,
      attachments: ["BC tuan 47 TTDN (gui lai).docx"],
    },
    vp: {
      unit: unitOf(regime, "vp"),
      state: "rejected",
      sections: { ket_qua: [p("Nội dung KHÔNG được đưa vào dự thảo.")] },
      receivedAt: new Date("2026-11-19T01:00:00Z"),
      onTime: true,
      lateMs: null,
      version: 1,
      attachments: ["VP.docx"],
    },
  };
  const out: UnitReportForDraft[] = [];
  for (const id of ["vp", "ttdn", "nvdp"]) out.push({ ...base[id]!, ...(over[id as keyof Scenario] ?? {}) });
  if (over.ttbc) out.push({ ...base.nvdp!, unit: unitOf(regime, "ttbc"), sections: {}, attachments: [], ...over.ttbc });
  return out;
}
