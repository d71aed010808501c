/** Finds an executable on PATH (for optional tools: soffice, pdftotext); null when absent. */
import { accessSync, constants } from "node:fs";
import path from "node:path";

export function which(name: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return null;
}
