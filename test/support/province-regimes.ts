/**
 * The regimes of the province tests, loaded through the configuration loader as the office's file would be: the
 * shipped qt-nvdp-04 template and registries, and QT.VP.03 beside it. The file lives only while it is loaded.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadRegimes } from "../../src/config.ts";
import type { Regime } from "../../src/domain/regime.ts";

/** `provinces`: the YAML lines of the province regime after its `template:` line (units, formerUnits…). */
export function provinceRegimes(provinces: string[]): { provinces: Regime; weekly: Regime; regimes: Regime[] } {
  const dir = mkdtempSync(path.join(tmpdir(), "intake-province-regimes-"));
  try {
    const file = path.join(dir, "regimes.yaml");
    writeFileSync(
      file,
      [
        "office: { name: Văn phòng Cục, address: tonghop@cuc.example.vn, chief: { name: Chánh Văn phòng, address: chanhvp@cuc.example.vn } }",
        "regimes:",
        "  - id: tinh-thanh",
        "    template: qt-nvdp-04",
        ...provinces.map((l) => `    ${l}`),
        "  - id: qt-vp-03",
        "    template: qt-vp-03",
        "    units: [{ id: nvdp, addresses: [nvdp@cuc.example.vn] }]",
      ].join("\n"),
    );
    const { regimes } = loadRegimes(file);
    return { provinces: regimes[0]!, weekly: regimes[1]!, regimes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
