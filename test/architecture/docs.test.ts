/**
 * docs/architecture.md names the real files (issue 8): every path or file name it quotes exists in the tree, so the
 * page cannot silently drift from the code it describes.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const page = readFileSync(path.join(ROOT, "docs", "architecture.md"), "utf8");

function names(dir: string, out = new Set<string>()): Set<string> {
  for (const n of readdirSync(dir)) {
    if (n === "node_modules" || n === "generated" || n.startsWith(".")) continue;
    const p = path.join(dir, n);
    out.add(n);
    if (statSync(p).isDirectory()) names(p, out);
  }
  return out;
}

describe("docs/architecture.md", () => {
  const quoted = [...page.matchAll(/`([^`\s]+\.(?:ts|yaml|txt|md))`/g)].map((m) => m[1]!).filter((q) => !q.includes("*") && !q.includes("<"));
  const inTree = names(path.join(ROOT, "src"));
  for (const n of names(path.join(ROOT, "templates"))) inTree.add(n);
  for (const n of names(path.join(ROOT, "test"))) inTree.add(n);

  it("quotes files", () => {
    expect(quoted.length).toBeGreaterThan(30);
  });

  it("every quoted path exists, every quoted file name is a file of the tree", () => {
    // A path is from the repository root, or (module tables) from src/domain.
    const exists = (q: string) => existsSync(path.join(ROOT, q)) || existsSync(path.join(ROOT, "src", "domain", q));
    const missing = quoted.filter((q) => (q.includes("/") ? !exists(q) : !inTree.has(q)));
    expect(missing).toEqual([]);
  });
});
