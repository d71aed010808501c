/**
 * vitest globalSetup (issue 9 §9): tests leave nothing behind in the system temp folder.
 *
 * The run gets a private temp folder: TMPDIR, which os.tmpdir() reads at each call and every child inherits (the
 * CLI, Dovecot, PostgreSQL, soffice, pandoc). Other processes on the machine keep writing to the system temp
 * folder, so their names are never mistaken for ours. At the end, whatever is still in the private folder was left
 * by this run: the run fails with those names (the folder itself is then removed, so even a failing run leaves
 * nothing). INTAKE_TEMP_GUARD=off turns the check off (to look at what a test leaves).
 */
import { chmodSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export default function setup(): (() => void) | undefined {
  if (process.env.INTAKE_TEMP_GUARD === "off") return undefined;
  const system = tmpdir();
  const dir = mkdtempSync(path.join(system, "intake-test-run-"));
  // Like /tmp itself (sticky, writable by all): Dovecot's mail processes and PostgreSQL run as unprivileged users
  // and must reach their folders inside it.
  chmodSync(dir, 0o1777);
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    const left = readdirSync(dir).sort();
    rmSync(dir, { recursive: true, force: true });
    if (left.length > 0) {
      // vitest reports an error thrown here but keeps exit status 0; CI judges by the status, so set it too.
      process.exitCode = 1;
      throw new Error(`Tests left ${left.length} entr${left.length === 1 ? "y" : "ies"} in the temp folder (clean up in afterAll): ${left.join(", ")}`);
    }
  };
}
