import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import { afterEach, describe, expect, it } from "vitest";
import { IntakeError } from "../../src/adapters/errors.ts";
import { loadMailTexts, mailTemplatePath } from "../../src/adapters/template-loader.ts";
import { MAIL_TEMPLATE_NAMES } from "../../src/domain/mail-texts/index.ts";
import { MailTemplateError } from "../../src/domain/mail-texts/index.ts";

const SHIPPED = path.join(import.meta.dirname, "..", "..", "templates", "mail");
const dirs: string[] = [];

/** A copy of the shipped templates the test may break. */
function copy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "mail-templates-"));
  dirs.push(dir);
  cpSync(SHIPPED, dir, { recursive: true });
  return dir;
}

function edit(dir: string, name: string, change: (text: string) => string): string {
  const file = path.join(dir, `${name}.txt`);
  writeFileSync(file, change(readFileSync(file, "utf8")));
  return file;
}

function loadError(dir: string): IntakeError {
  try {
    loadMailTexts(dir);
  } catch (err) {
    if (err instanceof IntakeError) return err;
    throw err;
  }
  throw new Error("loadMailTexts did not fail");
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const RECEIPT = {
  unit_name: "Phòng Nghiệp vụ - Điều phối",
  report_label: "báo cáo tuần 47/2026 (từ 16/11/2026 đến 22/11/2026)",
  received_at: "10 giờ 12 ngày 18/11/2026 (Thứ Tư)",
  deadline: "15 giờ 00 ngày 19/11/2026 (Thứ Năm)",
  on_time: true,
  late_by: "",
};

describe("loadMailTexts", () => {
  it("loads every shipped template and renders through the MailTexts port", () => {
    const texts = loadMailTexts(SHIPPED);
    expect([...texts.templates.keys()]).toEqual([...MAIL_TEMPLATE_NAMES]);
    const r = texts.render("receipt", RECEIPT);
    expect(r.subject).toBe("Xác nhận tiếp nhận báo cáo tuần 47/2026 (từ 16/11/2026 đến 22/11/2026) - Phòng Nghiệp vụ - Điều phối (Đạt)");
    expect(r.text).toContain("Kính gửi: Lãnh đạo Phòng Nghiệp vụ - Điều phối\n");
  });

  it("fails loudly on an unknown template name or a missing value (a bug, not a mail)", () => {
    const texts = loadMailTexts(SHIPPED);
    expect(() => texts.render("reciept", RECEIPT)).toThrow(MailTemplateError);
    expect(() => texts.render("reciept", RECEIPT)).toThrow('unknown mail template "reciept"');
    const { unit_name: _, ...noUnit } = RECEIPT;
    expect(() => texts.render("receipt", noUnit)).toThrow("no value for {{unit_name}}");
  });

  it("a missing file stops start-up with ECONFIG naming the file", () => {
    const dir = copy();
    unlinkSync(path.join(dir, "chase.txt"));
    const err = loadError(dir);
    expect(err.code).toBe("ECONFIG");
    expect(err.message).toContain(`Mail template ${path.join(dir, "chase.txt")}:\n  - file missing`);
    expect(err.message).toContain("needs one file per mail: receipt.txt, khong_dat.txt");
    expect(err.details.path).toBe(mailTemplatePath(dir, "chase"));
  });

  it("an unknown placeholder stops start-up with the file, the line and the known names", () => {
    const dir = copy();
    const file = edit(dir, "khong_dat", (t) => t.replace("Kính gửi: Lãnh đạo {{unit_name}}", "Kính gửi: Lãnh đạo {{ten_don_vi}}"));
    const line = readFileSync(file, "utf8").split("\n").findIndex((l) => l.includes("{{ten_don_vi}}")) + 1;
    const err = loadError(dir);
    expect(err.code).toBe("ECONFIG");
    expect(err.details.path).toBe(file);
    expect(err.message).toContain(`Mail template ${file}:\n  - line ${line}: unknown placeholder {{ten_don_vi}}; this template knows {{unit_name}}, {{report_label}}`);
  });

  it("lists every broken file at once", () => {
    const dir = copy();
    edit(dir, "reminder", (t) => t.replace("{{/rejected_before}}\n", ""));
    edit(dir, "digest", (t) => t.replace("\nTiêu đề:", "\nTieu de"));
    const err = loadError(dir);
    expect(err.message).toMatch(/reminder\.txt:\n {2}- line \d+: \{\{#rejected_before\}\} is never closed/);
    expect(err.message).toContain(`${path.join(dir, "digest.txt")}:\n  - line `);
    expect(err.message).toContain("no subject line");
    expect((err.details.files as unknown[]).length).toBe(2);
  });

  it("a file saved in a legacy encoding (windows-1258) is refused, not sent as mojibake", () => {
    const dir = copy();
    const file = path.join(dir, "receipt.txt");
    writeFileSync(file, iconv.encode("Tiêu đề: Xác nhận\n---\nKính gửi: {{unit_name}}\n", "windows-1258"));
    const err = loadError(dir);
    expect(err.message).toContain(`${file}:\n  - not UTF-8 text: open it and save it again as UTF-8`);
  });

  it("a file saved by Notepad (BOM, CRLF) loads and renders the same", () => {
    const dir = copy();
    edit(dir, "receipt", (t) => `\uFEFF${t.replace(/\n/g, "\r\n")}`);
    expect(loadMailTexts(dir).render("receipt", RECEIPT)).toEqual(loadMailTexts(SHIPPED).render("receipt", RECEIPT));
  });

  it("a missing folder stops start-up with ECONFIG", () => {
    const missing = path.join(tmpdir(), "no-such-mail-templates-dir");
    const err = loadError(missing);
    expect(err.code).toBe("ECONFIG");
    expect(err.message).toBe(`Mail template folder not found: ${missing}`);
  });

  it("an office edit of the wording is what gets sent", () => {
    const dir = copy();
    edit(dir, "receipt", (t) => t.replace("Văn phòng Cục xin thông báo đã tiếp nhận", "Văn phòng Cục trân trọng thông báo đã nhận được"));
    expect(loadMailTexts(dir).render("receipt", RECEIPT).text).toContain(
      "Văn phòng Cục trân trọng thông báo đã nhận được báo cáo tuần 47/2026 (từ 16/11/2026 đến 22/11/2026) của Phòng Nghiệp vụ - Điều phối",
    );
  });
});
