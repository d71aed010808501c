/**
 * The parsed-templates cache (src/config-yaml.ts, written by scripts/build.mjs): a shipped file's text gives the same
 * value as parsing it, an edited text is parsed, a broken one still fails with the YAML error, and what a caller
 * does to its value never reaches the next caller.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse, YAMLParseError } from "yaml";
import { describe, expect, it } from "vitest";
import { parseYamlText, yamlKey } from "../../src/config-yaml.ts";
import { ROOT } from "../support/intake.ts";

const shipped = (readdirSync(path.join(ROOT, "templates"), { recursive: true }) as string[])
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => path.join(ROOT, "templates", f));
const cacheFile = path.join(ROOT, "dist", "yaml-cache.json");

describe("parseYamlText", () => {
  it.each(shipped.map((f) => [path.relative(ROOT, f), f]))("%s: the same value as the yaml package gives", (_name, file) => {
    const text = readFileSync(file, "utf8");
    expect(parseYamlText(text)).toEqual(parse(text));
  });

  it.skipIf(!existsSync(cacheFile))("the build keeps every shipped file, keyed by its text", () => {
    const cache = JSON.parse(readFileSync(cacheFile, "utf8")) as Record<string, unknown>;
    for (const file of shipped) expect(Object.keys(cache), file).toContain(yamlKey(readFileSync(file, "utf8")));
  });

  it("an edited text is parsed, not looked up", () => {
    const text = readFileSync(path.join(ROOT, "templates", "regimes", "qt-vp-03.yaml"), "utf8").replace(/^name: .*$/m, 'name: "Quy trình đã sửa"');
    expect((parseYamlText(text) as { name: string }).name).toBe("Quy trình đã sửa");
  });

  it("a broken text fails with the YAML error that start-up reports", () => {
    expect(() => parseYamlText("regimes: [\n  - id: qt-vp-03\n  template: : x")).toThrow(YAMLParseError);
  });

  it("a caller changing its value does not change the next caller's", () => {
    const text = readFileSync(path.join(ROOT, "templates", "regimes", "qt-vp-03.yaml"), "utf8");
    const first = parseYamlText(text) as Record<string, unknown>;
    first.name = "đổi";
    expect((parseYamlText(text) as Record<string, unknown>).name).not.toBe("đổi");
  });
});
