/**
 * Issue 9 §5: what start-up warns about, in Vietnamese, from a real regimes file through loadConfig: a unit without
 * an address (never reminded), example addresses (RFC 2606 example.* domains), no SMTP (mail stays in files). A
 * clean configuration gets no warning at all.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { isExampleAddress, startupWarnings } from "../../src/startup-warnings.ts";

const dir = mkdtempSync(path.join(tmpdir(), "intake-warnings-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

function configWith(office: string, units: string[], env: Record<string, string> = {}) {
  const file = path.join(dir, `regimes-${++n}.yaml`);
  writeFileSync(
    file,
    [
      "timezone: Asia/Ho_Chi_Minh",
      "office:",
      "  name: Văn phòng Cục Thông tin đối ngoại",
      `  address: ${office}`,
      "  chief: { name: Chánh Văn phòng, address: chanhvp@cuc.gov.vn }",
      "regimes:",
      "  - id: qt-vp-03",
      "    template: qt-vp-03",
      "    units:",
      ...units.map((u) => `      - ${u}`),
    ].join("\n"),
  );
  return loadConfig({ REGIMES_FILE: file, DATA_DIR: dir, SMTP_HOST: "smtp.cuc.gov.vn", ...env }, dir);
}

const ALL_ADDRESSED = ["{ id: nvdp, addresses: [nvdp@cuc.gov.vn] }", "{ id: ttdn, addresses: [ttdn@cuc.gov.vn] }", "{ id: ttbc, addresses: [ttbc@cuc.gov.vn] }", "{ id: vp, addresses: [vp@cuc.gov.vn] }"];

describe("start-up warnings", () => {
  it("a clean configuration: none", () => {
    expect(startupWarnings(configWith("tonghop@cuc.gov.vn", ALL_ADDRESSED))).toEqual([]);
  });

  it("units without an address are named, with what it means and where to fix it", () => {
    const config = configWith("tonghop@cuc.gov.vn", ALL_ADDRESSED.slice(0, 2));
    const w = startupWarnings(config);
    expect(w).toHaveLength(1);
    expect(w[0]).toContain("2 đơn vị chưa có địa chỉ thư (ttbc, vp)");
    expect(w[0]).toContain("không bao giờ được nhắc hạn");
    expect(w[0]).toContain(config.regimesFile);
  });

  it("example addresses still in use are named, the office's and the units'", () => {
    const w = startupWarnings(configWith("tonghop@cuc.example.vn", ["{ id: nvdp, addresses: [nvdp@cuc.example.vn] }", ...ALL_ADDRESSED.slice(1)]));
    expect(w).toHaveLength(1);
    expect(w[0]).toContain("địa chỉ ví dụ");
    expect(w[0]).toContain("tonghop@cuc.example.vn");
    expect(w[0]).toContain("nvdp@cuc.example.vn");
    expect(w[0]).not.toContain("ttdn@cuc.gov.vn");
  });

  it("no SMTP: mail is written to the outbox folder, which is named", () => {
    const config = configWith("tonghop@cuc.gov.vn", ALL_ADDRESSED, { SMTP_HOST: "" });
    const w = startupWarnings(config);
    expect(w).toHaveLength(1);
    expect(w[0]).toContain("Chưa cấu hình SMTP");
    expect(w[0]).toContain(config.outboxDir);
  });

  it("the shipped example regimes file (no REGIMES_FILE) is named", () => {
    const config = loadConfig({ DATA_DIR: dir, SMTP_HOST: "smtp.cuc.gov.vn" }, dir);
    const w = startupWarnings(config);
    expect(w.some((x) => x.includes("tệp cấu hình mẫu") && x.includes(config.regimesFile))).toBe(true);
    expect(startupWarnings(config, { exampleRegimes: false }).some((x) => x.includes("tệp cấu hình mẫu"))).toBe(false);
  });

  it.each([
    ["tonghop@cuc.example.vn", true],
    ["a@example.com", true],
    ["x@sub.example.org", true],
    ["tonghop@cuc.gov.vn", false],
    ["example@cuc.gov.vn", false],
    ["a@examples.vn", false],
  ])("isExampleAddress(%s) = %s", (address, expected) => {
    expect(isExampleAddress(address)).toBe(expected);
  });
});
