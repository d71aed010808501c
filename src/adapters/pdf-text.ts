/**
 * PDF text with poppler's pdftotext, read with its layout (issue 12 item 3): `-layout` keeps each printed line as a
 * line, so a heading's capitals, its numbering ("I.", "1.", "a)") and where a line starts survive as they do in a
 * .docx, and `bodyOutline` sees headings. Without `-layout` pdftotext reorders blocks: a two-column header comes out
 * interleaved ("PHÒNG TRUYỀN THÔNG ĐỐI" / "VIỆT NAM" / "NGOẠI") and a heading may join the paragraph after it.
 * The columns `-layout` puts side by side (the agency | Quốc hiệu header, Nơi nhận | the signer) are split into
 * lines of their own, left column first; the indentation of centred lines is dropped.
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
    const run = await runCommand(opts.pdftotextPath ?? "pdftotext", ["-layout", "-enc", "UTF-8", "-q", input, "-"], opts.timeoutMs ?? 30_000);
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
    const text = layoutLines(run.stdout.normalize("NFC"));
    if (text.replace(/[\s\f]/g, "") === "") return { ok: false, problem: "scanned", detail: "no text layer" };
    return { ok: true, text };
  } catch (err) {
    return { ok: false, problem: "corrupt", detail: err instanceof Error ? err.message : String(err) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A gap of this many spaces inside a `-layout` line separates two columns (justified text widens gaps by one or two). */
const COLUMN_GAP = /\S {5,}(?=\S)/g;

/**
 * `pdftotext -layout` output as lines for `bodyOutline`: each side-by-side column fragment on a line of its own (the
 * left one first), leading indentation dropped, page breaks kept as line breaks.
 */
export function layoutLines(text: string): string {
  const out: string[] = [];
  for (const raw of text.replace(/\r\n?/g, "\n").split(/[\n\f]/)) {
    const line = raw.replace(/\s+$/, "");
    if (line.trim() === "") {
      out.push("");
      continue;
    }
    let from = line.search(/\S/);
    COLUMN_GAP.lastIndex = 0;
    for (let m = COLUMN_GAP.exec(line); m; m = COLUMN_GAP.exec(line)) {
      out.push(line.slice(from, m.index + 1).trim());
      from = m.index + m[0].length;
    }
    out.push(line.slice(from).trim());
  }
  return out.join("\n");
}
