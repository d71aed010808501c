import { execFile } from "node:child_process";
import { rm, stat } from "node:fs/promises";
import { promisify } from "node:util";
import JSZip from "jszip";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeDraftDocx } from "../../src/adapters/docx-draft-writer.ts";
import { periodFromId } from "../../src/domain/calendar/index.ts";
import { buildDraftPlan, type DraftPlan } from "../../src/domain/draft/index.ts";
import { loadSkeleton, mixedUnits, p, ZONE } from "../support/draft-units.ts";
import { loadTemplateRegime } from "../support/regime.ts";
import { renderDocx, type Rendered } from "../support/render.ts";

const run = promisify(execFile);
const regime = loadTemplateRegime();
const SECRET_TEXT = "Danh sách phóng viên nước ngoài đề nghị cấp phép (tài liệu mật)";

function plan(version = 2): DraftPlan {
  return buildDraftPlan({
    regime,
    period: periodFromId("week", "2026-W47", ZONE)!,
    units: mixedUnits(regime),
    skeleton: loadSkeleton(),
    zone: ZONE,
    now: new Date("2026-11-23T01:00:00Z"),
    version,
  });
}

const twipsToMm = (t: number) => (t * 25.4) / 1440;
const attr = (xml: string, el: string, name: string): number => {
  const m = new RegExp(`<${el}\\b[^>]*\\b${name}="(\\d+)"`).exec(xml);
  if (!m) throw new Error(`no ${el}/@${name}`);
  return Number(m[1]);
};

let docx: Buffer;
let zip: JSZip;
let documentXml: string;
let stylesXml: string;
let html: string;
let lines: string[];
let headings: Set<string>;

beforeAll(async () => {
  docx = await writeDraftDocx(plan());
  zip = await JSZip.loadAsync(docx);
  documentXml = await zip.file("word/document.xml")!.async("string");
  stylesXml = await zip.file("word/styles.xml")!.async("string");
  html = (await mammoth.convertToHtml({ buffer: docx })).value;
  lines = (await mammoth.extractRawText({ buffer: docx })).value
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  headings = new Set([...html.matchAll(/<h[12]>(.*?)<\/h[12]>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, "")));
});

/** Text lines after the first heading starting with `heading`, up to the next heading. */
function under(heading: string, from = 0): string[] {
  const start = lines.findIndex((l, i) => i >= from && headings.has(l) && l.startsWith(heading));
  expect(start, `heading "${heading}"`).toBeGreaterThanOrEqual(0);
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => headings.has(l));
  return end < 0 ? rest : rest.slice(0, end);
}

describe("content read back with mammoth", () => {
  it("has the header, the title and the update note in order", () => {
    const order = [
      "BỘ THÔNG TIN VÀ TRUYỀN THÔNG",
      "CỤC THÔNG TIN ĐỐI NGOẠI",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Số:        /BC-TTĐN",
      "Hà Nội, ngày      tháng      năm 2026",
      "BÁO CÁO",
      "Công tác tuần 47/2026 và nhiệm vụ trọng tâm tuần 48/2026",
      "(Bản cập nhật lần 1)",
      "I. KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH CÔNG TÁC",
    ];
    const at = order.map((t) => lines.indexOf(t));
    expect(at.every((i) => i >= 0), JSON.stringify(at)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it("section and field headings are Word headings (navigation pane), in the template's order", () => {
    expect([...html.matchAll(/<h1>(.*?)<\/h1>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, "").slice(0, 4))).toEqual(["I. K", "II. ", "III.", "IV. "]);
    expect(headings.has("9. Nhiệm vụ khác")).toBe(true);
  });

  it("each unit's results are under its first field, with its runs, list items and table", () => {
    expect(under("1. Công tác tham mưu")).toEqual([
      "Phòng Nghiệp vụ - Điều phối:",
      "Trong tuần, Phòng đã tham mưu Lãnh đạo Cục ban hành Kế hoạch số 215/KH-TTĐN về thông tin đối ngoại năm 2027.",
      "- Hoàn thành dự thảo Báo cáo công tác thông tin đối ngoại 10 tháng năm 2026;",
      "- Phối hợp với Bộ Ngoại giao tổ chức họp báo quốc tế ngày 18/11/2026;",
      "- Tổng hợp ý kiến của 34 tỉnh, thành phố về dự thảo Quy chế phối hợp.",
      "Nội dung",
      "Số lượng",
      "Tin, bài định hướng tuyên truyền",
      "12",
      "Văn bản hướng dẫn địa phương",
      "03",
    ]);
    expect(html).toContain("Cục ban hành <strong>Kế hoạch số 215/KH-TTĐN</strong> về");
    expect(html).toContain("(<em>vietnam.vn</em>)");
    expect(html).toMatch(/<table><tr><td><p>Nội dung<\/p><\/td><td><p>Số lượng<\/p><\/td><\/tr>/);
    expect(under("4. Tổng hợp, cung cấp thông tin")[0]).toBe("Phòng Truyền thông đối ngoại:");
  });

  it("placeholders stand where a unit has nothing mergeable", () => {
    expect(under("3. Thúc đẩy TTĐN trên báo chí")).toEqual(["[Trung tâm Báo chí và Hợp tác truyền thông quốc tế chưa gửi báo cáo]"]);
    expect(under("7. Công tác tổ chức")).toEqual(["[Văn phòng báo cáo Không đạt, chưa gửi lại]"]);
    expect(lines.filter((l) => l === "[Văn phòng báo cáo Không đạt, chưa gửi lại]")).toHaveLength(3);
    expect(lines.join("\n")).not.toContain("KHÔNG được đưa vào dự thảo");
    // Highlighted so nobody signs a placeholder by mistake.
    expect(documentXml).toMatch(/<w:highlight w:val="yellow"\/>(?:(?!<\/w:r>).)*<w:t[^>]*>\[Văn phòng báo cáo Không đạt/);
  });

  it("section IV: numbered plans in the template's order, ordered lists numbered", () => {
    const iv = lines.indexOf("IV. CÁC NHIỆM VỤ TRỌNG TÂM TRONG TUẦN 48/2026");
    expect(iv).toBeGreaterThan(0);
    expect(under("2. Phòng Nghiệp vụ - Điều phối", iv)).toEqual([
      "1. Hoàn thiện Kế hoạch thông tin đối ngoại năm 2027, trình Lãnh đạo Bộ.",
      "2. Chuẩn bị nội dung Hội nghị giao ban thông tin đối ngoại khu vực phía Bắc.",
    ]);
    expect(under("5. Văn phòng", iv).slice(0, 2)).toEqual(["[Văn phòng báo cáo Không đạt, chưa gửi lại]", "Nơi nhận:"]);
  });

  it("closing and appendices", () => {
    for (const t of ["Nơi nhận:", "- Các Phó Cục trưởng;", "CỤC TRƯỞNG", "Văn bản đính kèm:", "- Phụ lục 01;", "- Phụ lục 02.", "Phụ lục 01", "Phụ lục 02"]) {
      expect(lines, t).toContain(t);
    }
    const app02 = lines.slice(lines.indexOf("Phụ lục 02"));
    expect(app02).toContain("Thời hạn gửi báo cáo: trước 15 giờ 00 ngày 19/11/2026 (Thứ Năm).");
    expect(app02).toContain("Muộn 2 giờ 15 phút");
    expect(html).toContain("<strong><em>Nơi nhận:</em></strong>");
  });

  it("a secret unit's text never reaches the file", async () => {
    const units = mixedUnits(regime, { ttbc: { state: "secret", sections: { ket_qua: [p(SECRET_TEXT)], ke_hoach: [p(SECRET_TEXT)] } } });
    const secretPlan = buildDraftPlan({ regime, period: plan().period, units, skeleton: loadSkeleton(), zone: ZONE, now: new Date("2026-11-23T01:00:00Z"), version: 1 });
    const text = (await mammoth.extractRawText({ buffer: await writeDraftDocx(secretPlan) })).value;
    expect(text).not.toContain(SECRET_TEXT);
    expect(text.split("[Trung tâm Báo chí và Hợp tác truyền thông quốc tế: báo cáo có đóng dấu mật, chuyên viên xử lý thủ công]")).toHaveLength(4);
    expect(text).not.toContain("Bản cập nhật");
  });
});

describe("thể thức (Nghị định 30/2020/NĐ-CP, Phụ lục I) in the XML", () => {
  it("A4 portrait", () => {
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"( w:orient="portrait")?\/>/);
  });

  it.each([
    ["top", 20, 25],
    ["bottom", 20, 25],
    ["left", 30, 35],
    ["right", 15, 20],
  ] as const)("margin %s within %d–%d mm", (side, min, max) => {
    const mm = twipsToMm(attr(documentXml, "w:pgMar", `w:${side}`));
    expect(mm).toBeGreaterThanOrEqual(min);
    expect(mm).toBeLessThanOrEqual(max);
  });

  it("Times New Roman, 14 pt, black, ≥ 6 pt after, single to 1.5 lines by default", () => {
    const defaults = /<w:docDefaults>(.*?)<\/w:docDefaults>/.exec(stylesXml)?.[1] ?? "";
    for (const a of ["ascii", "hAnsi", "cs", "eastAsia"]) expect(defaults).toContain(`w:${a}="Times New Roman"`);
    expect(defaults).toContain('<w:sz w:val="28"/>');
    expect(defaults).toContain('<w:color w:val="000000"/>');
    expect(attr(defaults, "w:spacing", "w:after")).toBeGreaterThanOrEqual(120);
    const line = attr(defaults, "w:spacing", "w:line");
    expect(line).toBeGreaterThanOrEqual(240);
    expect(line).toBeLessThanOrEqual(360);
  });

  it("names no font but Times New Roman and no colour but black in the body", () => {
    const fonts = [...(documentXml + stylesXml).matchAll(/w:(?:ascii|hAnsi|cs|eastAsia)="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(fonts)).toEqual(new Set(["Times New Roman"]));
    const colours = [...documentXml.matchAll(/<w:color w:val="([^"]+)"/g)].map((m) => m[1]);
    expect(colours.every((c) => c === "000000" || c === "auto")).toBe(true);
  });

  it("page numbers centred in the header, none on the first page (titlePg)", async () => {
    expect(documentXml).toMatch(/<w:sectPr>.*<w:titlePg\/>.*<\/w:sectPr>/);
    const rels = await zip.file("word/_rels/document.xml.rels")!.async("string");
    const target = (type: string) => {
      const id = new RegExp(`<w:headerReference w:type="${type}" r:id="([^"]+)"`).exec(documentXml)?.[1];
      return new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
    };
    const def = await zip.file(`word/${target("default")}`)!.async("string");
    const first = await zip.file(`word/${target("first")}`)!.async("string");
    expect(def).toMatch(/<w:instrText[^>]*>\s*PAGE\s*</);
    expect(def).toContain('<w:jc w:val="center"/>');
    expect(first).not.toContain("PAGE");
  });

  it.each([
    ["Quốc hiệu 12 pt bold", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", ["<w:b/>", '<w:sz w:val="24"/>']],
    ["Tiêu ngữ 13 pt bold underlined", "Độc lập - Tự do - Hạnh phúc", ["<w:b/>", '<w:u w:val="single"/>', '<w:sz w:val="26"/>']],
    ["issuing body 12 pt bold", "CỤC THÔNG TIN ĐỐI NGOẠI", ["<w:b/>", '<w:sz w:val="24"/>']],
    ["Số 13 pt", "Số:        /BC-TTĐN", ['<w:sz w:val="26"/>']],
    ["place-date 14 pt italic", "Hà Nội, ngày      tháng      năm 2026", ["<w:i/>", '<w:sz w:val="28"/>']],
    ["BÁO CÁO 14 pt bold", "BÁO CÁO", ["<w:b/>", '<w:sz w:val="28"/>']],
    ["Nơi nhận 12 pt bold italic", "Nơi nhận:", ["<w:b/>", "<w:i/>", '<w:sz w:val="24"/>']],
    ["recipients 11 pt", "- Các Phó Cục trưởng;", ['<w:sz w:val="22"/>']],
    ["signer 14 pt bold", "CỤC TRƯỞNG", ["<w:b/>", '<w:sz w:val="28"/>']],
  ])("%s", (_name, text, props) => {
    const runs = [...documentXml.matchAll(/<w:r>(<w:rPr>.*?<\/w:rPr>)?<w:t[^>]*>([^<]*)<\/w:t><\/w:r>/g)];
    const found = runs.find((m) => m[2] === text);
    expect(found, text).toBeDefined();
    for (const prop of props) expect(found![1] ?? "", `${text} ${prop}`).toContain(prop);
    if (!props.includes("<w:b/>")) expect(found![1] ?? "", `${text} not bold`).not.toContain("<w:b/>");
  });

  it("the parent body is not bold", () => {
    const m = /<w:r>(<w:rPr>.*?<\/w:rPr>)?<w:t[^>]*>BỘ THÔNG TIN VÀ TRUYỀN THÔNG<\/w:t>/.exec(documentXml);
    expect(m).not.toBeNull();
    expect(m![1] ?? "").not.toContain("<w:b/>");
  });
});

describe("LibreOffice renders it", () => {
  let rendered: Rendered;
  beforeAll(async () => {
    rendered = await renderDocx(docx, { dpi: 60, first: 1, last: 1 });
  }, 120_000);
  afterAll(async () => {
    if (rendered) await rm(rendered.dir, { recursive: true, force: true });
  });

  it("converts to PDF and a page-1 PNG", async () => {
    expect(rendered.pages).toBeGreaterThanOrEqual(3);
    expect(rendered.pngs).toHaveLength(1);
    expect((await stat(rendered.pngs[0]!)).size).toBeGreaterThan(5_000);
  });

  it("page 1 has the national title and no page number; page 2 starts with its number", async () => {
    const page = async (n: number) => (await run("pdftotext", ["-f", String(n), "-l", String(n), "-layout", rendered.pdfPath, "-"])).stdout;
    const first = await page(1);
    expect(first).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(first).toContain("Công tác tuần 47/2026 và nhiệm vụ trọng tâm tuần 48/2026");
    expect(first.split("\n").find((l) => l.trim())!.trim()).not.toBe("1");
    const second = await page(2);
    expect(second.split("\n").find((l) => l.trim())!.trim()).toBe("2");
  });

  it("keeps the header block on one line each (no wrapped Quốc hiệu or parent body)", async () => {
    const { stdout } = await run("pdftotext", ["-f", "1", "-l", "1", "-layout", rendered.pdfPath, "-"]);
    const top = stdout.split("\n").filter((l) => l.trim()).slice(0, 2);
    expect(top[0]).toMatch(/BỘ THÔNG TIN VÀ TRUYỀN THÔNG\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    expect(top[1]).toMatch(/CỤC THÔNG TIN ĐỐI NGOẠI\s+Độc lập - Tự do - Hạnh phúc/);
  });
});
