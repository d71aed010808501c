/**
 * The layers' rules, read from the imports themselves (docs/architecture.md):
 * - src/domain is pure: it imports only itself and the pure libraries luxon, zod and yaml;
 * - a domain module (a folder of src/domain) is entered through its index.ts from anywhere outside it;
 * - src/app talks to ports: no adapter, no file system, no scheduler library, no `process`;
 * - no import circle anywhere in src/.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SRC = path.join(ROOT, "src");
const DOMAIN = path.join(SRC, "domain");
const APP = path.join(SRC, "app");

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (name === "generated") return [];
    return statSync(p).isDirectory() ? walk(p) : p.endsWith(".ts") ? [p] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s*"([^"]+)"|\bimport\(\s*"([^"]+)"\s*\)|(?:^|\n)\s*import\s*"([^"]+)"/g;

/** Every module specifier a file names (static imports, re-exports, dynamic imports), type-only ones included. */
export function specifiers(source: string): string[] {
  const noComments = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
  return [...noComments.matchAll(IMPORT)].map((m) => (m[1] ?? m[2] ?? m[3])!);
}

const files = walk(SRC);
const graph = new Map<string, { file: string; spec: string; target: string | null }[]>();
for (const file of files) {
  graph.set(
    file,
    specifiers(readFileSync(file, "utf8")).map((spec) => ({
      file,
      spec,
      target: spec.startsWith(".") ? path.resolve(path.dirname(file), spec) : null,
    })),
  );
}
const rel = (p: string) => path.relative(ROOT, p);
const moduleOf = (p: string): string | null => {
  const r = path.relative(DOMAIN, p);
  if (r.startsWith("..")) return null;
  const parts = r.split(path.sep);
  return parts.length > 1 ? parts[0]! : null;
};

describe("architecture: the imports", () => {
  it("finds the source files and their imports", () => {
    expect(files.length).toBeGreaterThan(50);
    expect([...graph.values()].flat().length).toBeGreaterThan(200);
  });

  it("src/domain imports only src/domain and the pure libraries luxon, zod, yaml", () => {
    const bad = [...graph.entries()]
      .filter(([f]) => f.startsWith(DOMAIN + path.sep))
      .flatMap(([, imps]) => imps)
      .filter((i) => (i.target ? !i.target.startsWith(DOMAIN + path.sep) : !["luxon", "zod", "yaml"].includes(i.spec)))
      .map((i) => `${rel(i.file)} → ${i.spec}`);
    expect(bad).toEqual([]);
  });

  it("a domain module is entered only through its index.ts", () => {
    const bad = [...graph.values()]
      .flat()
      .filter((i) => {
        if (!i.target) return false;
        const m = moduleOf(i.target);
        return m !== null && moduleOf(i.file) !== m && path.basename(i.target) !== "index.ts";
      })
      .map((i) => `${rel(i.file)} → ${i.spec}`);
    expect(bad).toEqual([]);
  });

  it("src/app imports no adapter, no node:fs, no node-cron, and never reads `process`", () => {
    const appFiles = files.filter((f) => f.startsWith(APP + path.sep));
    const bad = appFiles.flatMap((f) =>
      graph
        .get(f)!
        .filter((i) => (i.target ? !i.target.startsWith(DOMAIN) && !i.target.startsWith(APP) : ["node:fs", "fs", "node:fs/promises", "fs/promises", "node-cron", "node:process", "process"].includes(i.spec)))
        .map((i) => `${rel(f)} → ${i.spec}`),
    );
    const processUse = appFiles.filter((f) => /\bprocess\.\w/.test(readFileSync(f, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, ""))).map(rel);
    expect([...bad, ...processUse]).toEqual([]);
  });

  it("has no import circle in src/", () => {
    // Tarjan's strongly connected components over the file graph.
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const circles: string[][] = [];
    let n = 0;
    const strong = (v: string) => {
      index.set(v, n);
      low.set(v, n++);
      stack.push(v);
      onStack.add(v);
      for (const { target } of graph.get(v) ?? []) {
        if (!target || !graph.has(target)) continue;
        if (!index.has(target)) {
          strong(target);
          low.set(v, Math.min(low.get(v)!, low.get(target)!));
        } else if (onStack.has(target)) low.set(v, Math.min(low.get(v)!, index.get(target)!));
      }
      if (low.get(v) === index.get(v)) {
        const scc: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          scc.push(rel(w));
        } while (w !== v);
        if (scc.length > 1) circles.push(scc.sort());
      }
    };
    for (const f of graph.keys()) if (!index.has(f)) strong(f);
    expect(circles).toEqual([]);
  });
});
