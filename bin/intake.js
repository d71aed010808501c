#!/usr/bin/env node
// Entry point of `intake` (package.json "bin"). Installed, the sources are compiled ahead of time to dist/
// (scripts/build.mjs with esbuild, run by postinstall) and run with plain Node: no TypeScript compiled at each start
// (issue 9 §6). When dist/ is missing or older than src/ (a developer editing src/), the TypeScript sources run
// through tsx instead, so nobody ever runs stale code.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { srcFingerprint } from "./fingerprint.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// .env in the working directory, as README says; variables already set in the environment take precedence.
if (process.env.INTAKE_ENV_FILE !== "none" && existsSync(".env")) process.loadEnvFile(".env");

// INTAKE_RUN=src forces the sources, INTAKE_RUN=dist the build (to test or time the build itself).
function builtAndFresh() {
  if (process.env.INTAKE_RUN === "src") return false;
  if (process.env.INTAKE_RUN === "dist") return true;
  try {
    const stamp = readFileSync(path.join(root, "dist", ".src-fingerprint"), "utf8").trim();
    return stamp === srcFingerprint(path.join(root, "src"));
  } catch {
    return false;
  }
}

// Prisma's query compiler is wasm. V8 compiles wasm with its baseline compiler (Liftoff) and then optimises hot
// functions in the background, and Node waits for that work before it exits: about 100 ms of every short command.
// The daemon gains nothing from the optimised code either: measured on a backlog (bench g, 2,000 messages) and on
// reports with .docx files (bench f), baseline code alone ingests as fast, and the process's RSS is 25–30 MB lower
// without the optimised copy (issue 13 §5: a backlog's peak under 300 MB). So every command runs on Liftoff.
(await import("node:v8")).setFlagsFromString("--liftoff-only");

let runCli;
if (builtAndFresh()) {
  // Compiling Prisma's query compiler (wasm, scripts/build.mjs) takes ~20 ms; WebAssembly.compile does it on a V8
  // background thread, so it starts now and overlaps loading the configuration. The generated client's loader
  // takes the promise from this symbol. A failure here surfaces where the database is opened, as before.
  const command = process.argv[2] ?? "";
  if (command !== "" && !command.startsWith("-") && command !== "help") {
    const provider = /^postgres(ql)?:/.test(process.env.DATABASE_URL ?? "") ? "postgresql" : "sqlite";
    const wasm = path.join(root, "dist", `query_compiler_bg.${provider}.wasm`);
    if (existsSync(wasm)) {
      const compiling = WebAssembly.compile(readFileSync(wasm));
      compiling.catch(() => undefined); // not an unhandled rejection when the command never opens the database
      globalThis[Symbol.for(`bao-cao-intake.prisma-wasm.${provider}`)] = compiling;
    }
  }
  ({ runCli } = await import("../dist/cli.js"));
} else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ runCli } = await import("../src/cli.ts"));
}
process.exitCode = await runCli(process.argv);
