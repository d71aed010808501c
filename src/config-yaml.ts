/**
 * YAML text → value, for the configuration files. The `yaml` package keeps comments and positions, which makes it
 * slow (~35 ms for a regime template): the build (scripts/build.mjs) parses the shipped files under templates/ once
 * and keeps the values beside dist/, keyed by the SHA-1 of each file's text. A text found there is the same text,
 * so the value is the same; an edited or the office's own file is not found and is parsed as before (issue 9 §6).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

/** Where the build writes the parsed templates: dist/ beside src/ (one level below the project root, as here). */
const CACHE = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "dist", "yaml-cache.json");

let cache: Record<string, unknown> | null = null;

function parsedTemplates(): Record<string, unknown> {
  if (cache) return cache;
  try {
    cache = JSON.parse(readFileSync(CACHE, "utf8")) as Record<string, unknown>;
  } catch {
    cache = {}; // not built (sources run through tsx) or unreadable: every text is parsed
  }
  return cache;
}

export function yamlKey(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}

/** The value of a YAML text; throws the `yaml` package's YAMLParseError when it is not valid YAML. */
export function parseYamlText(text: string): unknown {
  const known = parsedTemplates()[yamlKey(text)];
  // A fresh copy: callers merge into what they get, and the cache is shared by every file of the process.
  return known === undefined ? parse(text) : structuredClone(known);
}
