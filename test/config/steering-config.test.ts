/**
 * Issue 11's configuration keys (src/config.ts, src/config-schema.ts): `holdReplies` per regime (default none) and
 * `sectionHeadings`, the office's headings added to a section without rewriting the template's sections.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig, PROJECT_ROOT } from "../../src/config.ts";
import { checkSections } from "../../src/domain/document/index.ts";
import type { Block } from "../../src/domain/model.ts";

const dir = mkdtempSync(path.join(tmpdir(), "intake-steer-config-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

function regimesFile(regimeLines: string): string {
  const file = path.join(dir, `regimes-${++n}.yaml`);
  writeFileSync(
    file,
    [
      "timezone: Asia/Ho_Chi_Minh",
      "office:",
      "  name: Văn phòng Cục Thông tin đối ngoại",
      "  address: tonghop@cuc.example.vn",
      "  chief: { name: Chánh Văn phòng, address: chanhvp@cuc.example.vn }",
      "regimes:",
      "  - id: qt-vp-03",
      "    template: qt-vp-03",
      regimeLines,
    ].join("\n"),
  );
  return file;
}
const regimeOf = (file: string) => loadConfig({ REGIMES_FILE: file, DATA_DIR: dir }, dir).regimes[0]!;
function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error("no error");
}

const heading = (text: string): Block => ({ type: "heading", level: 1, runs: [{ text }] });
const para = (text: string): Block => ({ type: "paragraph", runs: [{ text }] });

describe("holdReplies", () => {
  it.each([
    ["", "none"],
    ["    holdReplies: khong_dat", "khong_dat"],
    ["    holdReplies: all", "all"],
  ])("%j → %s", (lines, expected) => {
    expect(regimeOf(regimesFile(lines)).holdReplies).toBe(expected);
  });

  it("refuses another value, naming the field", () => {
    expect(errorOf(() => regimeOf(regimesFile("    holdReplies: khong")))).toMatch(/holdReplies/);
  });

  it("the shipped example documents it with a comment and the default", () => {
    const example = readFileSync(path.join(PROJECT_ROOT, "templates", "regimes.example.yaml"), "utf8");
    expect(example).toMatch(/# Replies held for the officer's approval[^\n]*\n(\s*#[^\n]*\n)*\s*holdReplies: none\n/);
    expect(regimeOf(path.join(PROJECT_ROOT, "templates", "regimes.example.yaml")).holdReplies).toBe("none");
  });
});

describe("sectionHeadings", () => {
  const outline = { blocks: [para("BÁO CÁO"), heading("I. Tổng hợp hoạt động chuyên môn"), para("Đã tổ chức họp báo."), heading("II. Kế hoạch công tác tuần tới"), para("Chuẩn bị hội nghị.")] };

  it("adds the office's heading to the section, keeping the template's, and a later check reads it", () => {
    const plain = regimeOf(regimesFile(""));
    const taught = regimeOf(regimesFile(["    sectionHeadings:", "      ket_qua:", '        - "Tổng hợp hoạt động chuyên môn"'].join("\n")));
    const before = plain.sections.find((s) => s.id === "ket_qua")!.headings;
    expect(taught.sections.find((s) => s.id === "ket_qua")!.headings).toEqual([...before, "Tổng hợp hoạt động chuyên môn"]);
    expect(taught.sections.map((s) => s.id)).toEqual(plain.sections.map((s) => s.id));
    expect(checkSections(outline, plain.sections).missingRequired).toContain("ket_qua");
    expect(checkSections(outline, taught.sections).missingRequired).toEqual([]);
  });

  it("an unknown section stops start-up naming it", () => {
    const msg = errorOf(() => regimeOf(regimesFile(["    sectionHeadings:", "      ket_qua_tuan:", '        - "Kết quả"'].join("\n"))));
    expect(msg).toContain("regimes.0.sectionHeadings.ket_qua_tuan");
  });
});
