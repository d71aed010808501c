// Compiles src/ (the generated Prisma clients included) ahead of time into dist/, so `intake` starts with plain
// Node instead of compiling TypeScript at each start (issue 9 §6). esbuild (tsx's own compiler) bundles the
// sources into a few ES modules: the CLI entry, the document worker's child entry (started as its own process,
// document-worker.ts) and shared chunks, all directly in dist/ so that `import.meta.url` sits one level below the
// project root, as in src/ (config.ts PROJECT_ROOT). Packages stay in node_modules (not bundled). esbuild only
// transpiles: `npm run typecheck` checks the types.
// It records the fingerprint of src/ as it was when the build began: bin/intake.js runs dist/ only while src/
// still matches, else the sources through tsx. A failed build leaves no dist/ and does not fail the install.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { srcFingerprint } from "../bin/fingerprint.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, "dist");
const started = Date.now();
const fingerprint = srcFingerprint(path.join(root, "src"));
rmSync(dist, { recursive: true, force: true });
try {
  const { build } = await import("esbuild");
  await build({
    absWorkingDir: root,
    entryPoints: { cli: "src/cli.ts", "document-worker-child": "src/adapters/document-worker-child.ts" },
    outdir: dist,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    chunkNames: "[name]-[hash]",
    logLevel: "warning",
  });
  mkdirSync(dist, { recursive: true });
  writeFileSync(path.join(dist, ".src-fingerprint"), `${fingerprint}\n`);
  console.log(`build: dist/ written in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (err) {
  rmSync(dist, { recursive: true, force: true });
  // An install must not fail for this: the sources still run through tsx, only slower to start.
  console.error(`build: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}; no dist/, intake will run the sources through tsx.`);
}
