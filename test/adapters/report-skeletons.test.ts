import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { readDocx } from "../../src/adapters/docx-reader.ts";
import { reportSkeleton, SKELETON_KINDS, type SkeletonKind } from "../../src/domain/document/index.ts";
import { checkSections } from "../../src/domain/document/index.ts";
import { hasPhrase } from "../../src/domain/text/index.ts";
import { buildSkeletonDocx } from "../../scripts/make-skeletons.ts";
import { loadTemplateRegime } from "../support/regime.ts";

const DIR = path.join(import.meta.dirname, "..", "..", "templates", "skeletons");
const regime = loadTemplateRegime();

const EXPECTED: Record<SkeletonKind, { file: string; title: string; plan: string }> = {
  week: { file: "mau-bao-cao-tuan.docx", title: "Kết quả công tác tuần …/20… và kế hoạch công tác tuần tới", plan: "IV. Kế hoạch công tác tuần tới" },
  month: { file: "mau-bao-cao-thang.docx", title: "Kết quả công tác tháng …/20… và kế hoạch công tác tháng tới", plan: "IV. Kế hoạch công tác tháng tới" },
  quarter: { file: "mau-bao-cao-quy.docx", title: "Kết quả công tác quý …/20… và kế hoạch công tác quý tới", plan: "IV. Kế hoạch công tác quý tới" },
  half: {
    file: "mau-bao-cao-6-thang.docx",
    title: "Kết quả công tác 6 tháng đầu năm 20… và kế hoạch công tác 6 tháng cuối năm",
    plan: "IV. Kế hoạch công tác 6 tháng cuối năm",
  },
  year: { file: "mau-bao-cao-nam.docx", title: "Kết quả công tác năm 20… và kế hoạch công tác năm tới", plan: "IV. Kế hoạch công tác năm tới" },
};

function headingsOf(html: string): string[] {
  return [...html.matchAll(/<h1>(.*?)<\/h1>/g)].map((m) => m[1] ?? "");
}

describe("unit report skeletons", () => {
  it("has no skeleton for the provinces' and ad-hoc kinds", () => {
    expect(reportSkeleton("plan")).toBeNull();
    expect(reportSkeleton("request")).toBeNull();
  });

  describe.each(SKELETON_KINDS)("%s", (kind) => {
    const s = reportSkeleton(kind);
    const expected = EXPECTED[kind];
    const file = path.join(DIR, expected.file);

    it("exists under an ASCII file name and has a Vietnamese attachment name", () => {
      expect(s?.fileName).toBe(expected.file);
      expect(s?.fileName).toMatch(/^[a-z0-9-]+\.docx$/);
      expect(s?.attachmentName).toMatch(/^Mẫu báo cáo .+\.docx$/);
      expect(existsSync(file)).toBe(true);
    });

    it("opens with mammoth: header block, BÁO CÁO, the title, four headings each with italic guidance", async () => {
      const { value: html, messages } = await mammoth.convertToHtml({ buffer: readFileSync(file) });
      expect(messages.filter((m) => m.type === "error")).toEqual([]);
      expect(headingsOf(html)).toEqual([
        "I. Kết quả thực hiện nhiệm vụ",
        "II. Nhiệm vụ chậm tiến độ, khó khăn, vướng mắc (nếu có)",
        "III. Kiến nghị, đề xuất (nếu có)",
        expected.plan,
      ]);
      for (const h of headingsOf(html)) expect(html).toMatch(new RegExp(`<h1>${h.replace(/[()]/g, "\\$&")}</h1><p><em>\\(Nêu [^<]+\\)</em></p>`));
      for (const text of ["TÊN ĐƠN VỊ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày … tháng … năm 20…"]) {
        expect(html).toContain(text);
      }
      expect(html).toContain(`<p><strong>BÁO CÁO</strong></p><p><strong>${expected.title}</strong></p>`);
      expect(html).toContain("Nơi nhận:");
    });

    it("each heading is one the regime's section check knows, in the regime's order", async () => {
      for (const [i, section] of (s?.sections ?? []).entries()) {
        const def = regime.sections[i];
        expect(section.id).toBe(def?.id);
        expect(def?.headings.some((h) => hasPhrase(section.heading, h)), section.heading).toBe(true);
      }
      const read = await readDocx(readFileSync(file));
      expect(read.ok).toBe(true);
      if (!read.ok) return;
      const report = checkSections(read.outline, regime.sections);
      expect(report.missingRequired).toEqual([]);
      expect(report.findings.filter((f) => f.found).map((f) => f.id)).toEqual(["ket_qua", "kho_khan", "kien_nghi", "ke_hoach"]);
    });

    it("is A4 portrait in Times New Roman with the decree's margins", async () => {
      const zip = await JSZip.loadAsync(readFileSync(file));
      const doc = (await zip.file("word/document.xml")?.async("string")) ?? "";
      const styles = (await zip.file("word/styles.xml")?.async("string")) ?? "";
      expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
      const margin = (side: string) => Number(new RegExp(`<w:pgMar[^>]* w:${side}="(\\d+)"`).exec(doc)?.[1]) / 56.7;
      expect(margin("top")).toBeGreaterThanOrEqual(20);
      expect(margin("top")).toBeLessThanOrEqual(25);
      expect(margin("bottom")).toBeGreaterThanOrEqual(20);
      expect(margin("bottom")).toBeLessThanOrEqual(25);
      expect(margin("left")).toBeGreaterThanOrEqual(30);
      expect(margin("left")).toBeLessThanOrEqual(35);
      expect(margin("right")).toBeGreaterThanOrEqual(15);
      expect(margin("right")).toBeLessThanOrEqual(20);
      expect(styles).toMatch(/<w:docDefaults>.*w:ascii="Times New Roman".*<\/w:docDefaults>/s);
      expect(styles).toMatch(/<w:style [^>]*w:styleId="Heading1".*?Times New Roman.*?<\/w:style>/s);
    });

    it("is what scripts/make-skeletons.ts writes today (regenerate and commit after editing the texts)", async () => {
      const fresh = await mammoth.extractRawText({ buffer: await buildSkeletonDocx(s!) });
      const committed = await mammoth.extractRawText({ buffer: readFileSync(file) });
      expect(committed.value).toBe(fresh.value);
    });
  });
});
