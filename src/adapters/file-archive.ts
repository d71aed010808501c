/**
 * Content-addressed archive under DATA_DIR/archive: every received message is stored here, raw, before anything
 * else is done with it (kept at least 3 years, QT.VP.03 §7). Writes are atomic (temp file + rename) and idempotent.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Archive } from "../app/ports.ts";

export function createFileArchive(root: string): Archive {
  const resolve = (rel: string) => {
    const abs = path.resolve(root, rel);
    if (!abs.startsWith(path.resolve(root) + path.sep)) throw new Error(`archive path escapes the archive: ${rel}`);
    return abs;
  };
  return {
    async put(bytes, ext = "") {
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      const rel = path.join(sha256.slice(0, 2), sha256.slice(2, 4), `${sha256}${ext}`);
      const abs = resolve(rel);
      const exists = await stat(abs).then((s) => s.size === bytes.length, () => false);
      if (!exists) {
        await mkdir(path.dirname(abs), { recursive: true });
        const tmp = `${abs}.${randomBytes(6).toString("hex")}.tmp`;
        await writeFile(tmp, bytes);
        await rename(tmp, abs);
      }
      return { sha256, path: rel };
    },
    get: (rel) => readFile(resolve(rel)),
    resolve,
  };
}
