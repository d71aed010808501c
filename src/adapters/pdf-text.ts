/**
 * PDF text with poppler's pdftotext. Reading order without `-layout`: two-column header tables come out as
 * separate lines and justified paragraphs keep single spaces, which suits the line heuristics of
 * `bodyOutline`; a stamp on a line of its own stays on its own line.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCommand } from "./office-convert.ts";

export type PdfText =
  | { ok: true; text: string }
  | { ok: false; problem: "encrypted" | "corrupt" | "unsupported" | "scanned"; detail: string };

/** Extracts the text of a PDF. No text at all → `scanned`; a user password → `encrypted`. Never throws. */
export async function pdfToText(
  content: Buffer,
  opts: { pdftotextPath?: string; timeoutMs?: number } = {},
): Promise<PdfText> {
  const dir = await mkdtemp(join(tmpdir(), "intake-pdf-"));
  try {
    const input = join(dir, "input.pdf");
    await writeFile(input, content);
    const run = await runCommand(opts.pdftotextPath ?? "pdftotext", ["-enc", "UTF-8", "-q", input, "-"], opts.timeoutMs ?? 30_000);
    if (run.spawnError) return { ok: false, problem: "unsupported", detail: `pdftotext not available: ${run.spawnError}` };
    if (run.timedOut) return { ok: false, problem: "corrupt", detail: "pdftotext timed out" };
    // pdftotext exit codes: 1 error opening the file (also a wrong password), 3 permission error.
    if (run.code !== 0) {
      // -q silences the message, so ask again without it to tell a password from a broken file.
      const loud = await runCommand(opts.pdftotextPath ?? "pdftotext", [input, "-"], opts.timeoutMs ?? 30_000);
      const why = loud.stderr.trim();
      if (run.code === 3 || /password/i.test(why)) return { ok: false, problem: "encrypted", detail: why || `exit ${run.code}` };
      return { ok: false, problem: "corrupt", detail: why || `exit ${run.code}` };
    }
    const text = run.stdout.normalize("NFC");
    if (text.replace(/[\s\f]/g, "") === "") return { ok: false, problem: "scanned", detail: "no text layer" };
    return { ok: true, text };
  } catch (err) {
    return { ok: false, problem: "corrupt", detail: err instanceof Error ? err.message : String(err) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
