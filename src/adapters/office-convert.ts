/**
 * Document conversion with LibreOffice (`soffice --headless --convert-to`). Each call gets its own temporary
 * directory and user profile (`-env:UserInstallation`), so parallel conversions don't share a locked profile.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export interface ConvertOptions {
  sofficePath?: string;
  timeoutMs?: number;
  /** LibreOffice import filter, e.g. "HTML (StarWriter)" to open HTML in Writer rather than Writer/Web. */
  inFilter?: string;
}

export type ConvertResult = { ok: true; output: Buffer } | { ok: false; error: string };

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  spawnError?: string;
}

/**
 * Runs a command in its own process group and kills the whole group on timeout (soffice forks soffice.bin,
 * which would outlive a plain kill of the wrapper).
 */
export function runCommand(cmd: string, args: string[], timeoutMs: number, cwd?: string): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      resolve({ code: null, stdout, stderr, timedOut, spawnError: err.message });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

/**
 * Converts `content` (a file with extension `fromExt`, e.g. "doc", "odt", "rtf", "html") to `toFormat`
 * ("docx", "pdf", "doc", "odt" or a full "ext:Filter" spec). Never throws.
 */
export async function convertWithSoffice(
  content: Buffer,
  fromExt: string,
  toFormat: string,
  opts: ConvertOptions = {},
): Promise<ConvertResult> {
  const dir = await mkdtemp(join(tmpdir(), "intake-soffice-"));
  try {
    const input = join(dir, `input.${fromExt.replace(/^\./, "")}`);
    const outDir = join(dir, "out");
    await writeFile(input, content);
    const args = [
      `-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`,
      "--headless",
      "--norestore",
      "--nologo",
      "--nolockcheck",
      ...(opts.inFilter ? [`--infilter=${opts.inFilter}`] : []),
      "--convert-to",
      toFormat,
      "--outdir",
      outDir,
      input,
    ];
    const run = await runCommand(opts.sofficePath ?? "soffice", args, opts.timeoutMs ?? 60_000, dir);
    if (run.spawnError) return { ok: false, error: `soffice not available: ${run.spawnError}` };
    if (run.timedOut) return { ok: false, error: `soffice timed out after ${opts.timeoutMs ?? 60_000} ms` };
    const ext = toFormat.split(":")[0]!;
    const produced = (await readdir(outDir).catch(() => [] as string[])).find((f) => f.endsWith(`.${ext}`));
    if (!produced) return { ok: false, error: `soffice produced no .${ext} (exit ${run.code}): ${run.stderr.trim().slice(0, 300)}` };
    return { ok: true, output: await readFile(join(outDir, produced)) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
