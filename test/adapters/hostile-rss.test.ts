/**
 * Issue 13 "Done when", at the adapter level: a 4 GiB-uncompressed .docx bomb, a 100 MB message, 1,000
 * attachments, MIME nesting 1,000 deep (and a forward chain 25 deep) are each recognised with their reason, the
 * honest report after them is read, and the peak RSS of the process doing it stays under 400 MB. Run in a child
 * process so that the figure is that process's own (getrusage maxrss), not the test runner's.
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const CHILD = fileURLToPath(new URL("../support/hostile-child.ts", import.meta.url));

describe("hostile input, measured", () => {
  it("each is recognised with its reason, the honest report is read, peak RSS under 400 MB", async () => {
    const { stdout } = await run(process.execPath, ["--import", "tsx", CHILD], {
      cwd: fileURLToPath(new URL("../..", import.meta.url)),
      // tsx would otherwise cache its transforms in the run's temp folder (nothing is left behind, issue 9 §9).
      env: { ...process.env, TSX_DISABLE_CACHE: "1" },
      maxBuffer: 1024 * 1024,
      timeout: 240_000,
    });
    const result = JSON.parse(stdout.trim().split("\n").pop()!) as { outcomes: Record<string, { problems: string[]; reads: string[] }>; maxRssMb: number };
    expect(result.outcomes).toEqual({
      bomb4g: { problems: [], reads: ["zip_bomb"] },
      message100mb: { problems: ["too_large"], reads: [] },
      attachments1000: { problems: ["too_many_parts"], reads: [] },
      nesting1000: { problems: ["too_many_parts"], reads: [] },
      forward25: { problems: ["too_many_parts"], reads: [] },
      honest: { problems: [], reads: ["ok"] },
    });
    expect(result.maxRssMb).toBeLessThan(400);
  }, 300_000);
});
