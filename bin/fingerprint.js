// The state of src/ as one string: how many files, the newest modification and the total size. The build records
// it beside dist/; bin/intake.js runs dist/ only while src/ still has the same fingerprint, so a developer editing
// src/ never runs stale code (issue 9 §6). About 200 stat calls: a few milliseconds.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

export function srcFingerprint(dir) {
  let count = 0;
  let newest = 0;
  let size = 0;
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) {
        walk(p);
        continue;
      }
      const st = statSync(p);
      count += 1;
      size += st.size;
      if (st.mtimeMs > newest) newest = st.mtimeMs;
    }
  };
  walk(dir);
  return `${count}:${Math.floor(newest)}:${size}`;
}
