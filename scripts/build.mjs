// Compiles src/ (the generated Prisma clients included) ahead of time into dist/, so `intake` starts with plain
// Node instead of compiling TypeScript at each start (issue 9 §6). esbuild (tsx's own compiler) bundles the
// sources into a few ES modules: the CLI entry, the document worker's child entry (started as its own process,
// document-worker.ts) and shared chunks, all directly in dist/ so that `import.meta.url` sits one level below the
// project root, as in src/ (config.ts PROJECT_ROOT). The pure-JS packages every command loads (zod, luxon, yaml,
// commander, Prisma's client runtime and driver adapters) are bundled in: zod alone is 226 ES modules, and
// resolving, linking and lexing them was a third of `intake status`'s start-up. The others stay in node_modules:
// native parts (better-sqlite3, pg), Prisma's wasm query compiler glue, pino (its transports are resolved by path),
// and the heavy readers and mailers, loaded only by the commands that use them. esbuild only transpiles:
// `npm run typecheck` checks the types.
// It records the fingerprint of src/ as it was when the build began: bin/intake.js runs dist/ only while src/
// still matches, else the sources through tsx. A failed build leaves no dist/ and does not fail the install.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { srcFingerprint } from "../bin/fingerprint.js";

/** Packages left in node_modules; everything else an import names is bundled into dist/. */
const EXTERNAL = [
  "@prisma/client/runtime/query_compiler_bg.*",
  "better-sqlite3",
  "pg",
  "pino",
  "imapflow",
  "nodemailer",
  "nodemailer/*",
  "mailparser",
  "mammoth",
  "docx",
  "exceljs",
  "jszip",
  "iconv-lite",
  "node-cron",
  "esbuild",
  "tsx",
];

const PROVIDERS = ["sqlite", "postgresql"];

/**
 * Prisma's query compiler ships as a 2.5 MB ES module holding the wasm as one base64 string: parsing that module
 * was 70 ms of every command that opens the database, and decoding it 15 ms more. The build writes the wasm's bytes
 * beside dist/ and changes the generated client's loader to compile them from the file (the same bytes, checked:
 * the build fails when the loader's text is not the one it expects). Kept for any other importer: a module that
 * reads the same base64 text from a file.
 */
const LOADER = /const \{ wasm \} = await import\("@prisma\/client\/runtime\/query_compiler_bg\.(sqlite|postgresql)\.wasm-base64\.mjs"\)\s*\n\s*return await decodeBase64AsWasm\(wasm\)/;
const wasmAsFile = {
  name: "prisma-wasm-as-file",
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]generated[\\/](sqlite|postgresql)[\\/]internal[\\/]class\.ts$/ }, (args) => {
      const text = readFileSync(args.path, "utf8");
      if (!LOADER.test(text)) throw new Error(`${args.path}: Prisma's wasm loader is not the one this build knows (Prisma upgraded?); see scripts/build.mjs`);
      const contents = text.replace(LOADER, (_m, provider) => `return await (await import("prisma-wasm-file:${provider}")).compile()`);
      return { contents, loader: "ts", resolveDir: path.dirname(args.path) };
    });
    b.onResolve({ filter: /^prisma-wasm-file:/ }, (args) => ({ path: args.path.slice("prisma-wasm-file:".length), namespace: "prisma-wasm-file" }));
    b.onLoad({ filter: /.*/, namespace: "prisma-wasm-file" }, (args) => ({
      // bin/intake.js may have started this compile already, on a V8 background thread while the configuration
      // loads; it leaves the promise under this symbol.
      contents: `import { readFileSync } from "node:fs";\nconst started = Symbol.for("bao-cao-intake.prisma-wasm.${args.path}");\nexport const compile = () => (globalThis[started] ??= WebAssembly.compile(readFileSync(new URL("./query_compiler_bg.${args.path}.wasm", import.meta.url))));\n`,
      loader: "js",
    }));
    b.onResolve({ filter: /^@prisma\/client\/runtime\/query_compiler_bg\.(sqlite|postgresql)\.wasm-base64\.mjs$/ }, (args) => ({
      path: args.path.match(/\.(sqlite|postgresql)\./)[1],
      namespace: "prisma-wasm-text",
    }));
    b.onLoad({ filter: /.*/, namespace: "prisma-wasm-text" }, (args) => ({
      contents: `import { readFileSync } from "node:fs";\nexport const wasm = readFileSync(new URL("./query_compiler_bg.${args.path}.wasm", import.meta.url)).toString("base64");\n`,
      loader: "js",
    }));
  },
};

/**
 * The shipped YAML files under templates/, parsed once here, keyed by the SHA-1 of their text (src/config-yaml.ts
 * looks a text up before parsing it). Only values that survive JSON unchanged are kept.
 */
async function parsedTemplates() {
  const { parse } = await import("yaml");
  const out = {};
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(entry.name)) {
        const text = readFileSync(p, "utf8");
        try {
          const value = parse(text);
          if (isDeepStrictEqual(JSON.parse(JSON.stringify(value)), value)) out[createHash("sha1").update(text).digest("hex")] = value;
        } catch {
          // An invalid file is left to start-up, which names it.
        }
      }
    }
  };
  walk(path.join(root, "templates"));
  return out;
}

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
    external: EXTERNAL,
    // Bundled CommonJS (commander, yaml's CJS parts) calls require(): give each ES module one of its own.
    banner: { js: 'import { createRequire as __intakeCreateRequire } from "node:module"; const require = __intakeCreateRequire(import.meta.url);' },
    chunkNames: "[name]-[hash]",
    logLevel: "warning",
    plugins: [wasmAsFile],
  });
  // The wasm the loader compiles, decoded from Prisma's own module at build time (same bytes, same version).
  for (const provider of PROVIDERS) {
    const { wasm } = await import(`@prisma/client/runtime/query_compiler_bg.${provider}.wasm-base64.mjs`);
    writeFileSync(path.join(dist, `query_compiler_bg.${provider}.wasm`), Buffer.from(wasm, "base64"));
  }
  mkdirSync(dist, { recursive: true });
  writeFileSync(path.join(dist, "yaml-cache.json"), JSON.stringify(await parsedTemplates()));
  writeFileSync(path.join(dist, ".src-fingerprint"), `${fingerprint}\n`);
  console.log(`build: dist/ written in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (err) {
  rmSync(dist, { recursive: true, force: true });
  // An install must not fail for this: the sources still run through tsx, only slower to start.
  console.error(`build: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}; no dist/, intake will run the sources through tsx.`);
}
