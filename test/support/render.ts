/**
 * Test helper: renders a .docx the way a person would see it, LibreOffice (`soffice --headless --convert-to pdf`)
 * then poppler (`pdftoppm -png`), so a test can prove the file opens and a developer can look at the page.
 * Needs Debian `libreoffice-writer-nogui` and `poppler-utils`; a missing tool fails the test, never skips it.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface Rendered {
  dir: string;
  docxPath: string;
  pdfPath: string;
  /** Number of pages of the PDF (pdfinfo). */
  pages: number;
  /** PNG files of the requested pages, in page order. */
  pngs: string[];
}

export interface RenderOptions {
  /** Resolution of the PNGs (default 60 dpi). */
  dpi?: number;
  first?: number;
  last?: number;
  /** Where to write (default a fresh temp dir). */
  dir?: string;
  name?: string;
  timeoutMs?: number;
}

/** Converts the .docx to PDF with LibreOffice (own throw-away profile, so parallel runs do not clash). */
export async function docxToPdf(docx: Buffer, dir: string, name = "draft", timeoutMs = 120_000): Promise<{ docxPath: string; pdfPath: string }> {
  const docxPath = join(dir, `${name}.docx`);
  await writeFile(docxPath, docx);
  const profile = pathToFileURL(join(dir, "lo-profile")).href;
  await run("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", dir, docxPath], {
    timeout: timeoutMs,
  });
  return { docxPath, pdfPath: join(dir, `${name}.pdf`) };
}

/** Page count of a PDF, from poppler's pdfinfo. */
export async function pdfPages(pdfPath: string): Promise<number> {
  const { stdout } = await run("pdfinfo", [pdfPath]);
  const m = /^Pages:\s+(\d+)/m.exec(stdout);
  if (!m) throw new Error(`pdfinfo: no page count for ${pdfPath}`);
  return Number(m[1]);
}

/** PNGs of pages first..last of a PDF (pdftoppm), returned in page order. */
export async function pdfToPngs(pdfPath: string, dir: string, dpi = 60, first = 1, last = first): Promise<string[]> {
  const prefix = join(dir, "page");
  await run("pdftoppm", ["-png", "-r", String(dpi), "-f", String(first), "-l", String(last), pdfPath, prefix]);
  return (await readdir(dir))
    .filter((f) => f.startsWith("page") && f.endsWith(".png"))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * The draft names Times New Roman (NĐ 30/2020). On Debian, LibreOffice renders it with the metric-compatible
 * Liberation Serif of `fonts-liberation2` (2.1.x); without it a wider serif is used and the header block wraps,
 * so layout assertions would fail for a reason the test could not name. Says which package is missing instead.
 */
export async function requireTimesCompatibleFont(): Promise<void> {
  const { stdout } = await run("fc-match", ["Times New Roman:style=Regular", "family"]).catch(() => ({ stdout: "" }));
  if (!/Liberation Serif|Times New Roman/i.test(stdout)) {
    throw new Error(
      `No Times New Roman-compatible font: fc-match "Times New Roman" gives "${stdout.trim() || "nothing"}". ` +
        "Install Debian's fonts-liberation2 (2.1.x; the older fonts-liberation 1.07 is not enough): apt-get install fonts-liberation2",
    );
  }
}

/** .docx → PDF → PNG of the requested pages (default page 1 at 60 dpi). Fails, naming the package, without the font. */
export async function renderDocx(docx: Buffer, opts: RenderOptions = {}): Promise<Rendered> {
  await requireTimesCompatibleFont();
  const dir = opts.dir ?? (await mkdtemp(join(tmpdir(), "draft-render-")));
  const { docxPath, pdfPath } = await docxToPdf(docx, dir, opts.name, opts.timeoutMs);
  const pages = await pdfPages(pdfPath);
  const first = opts.first ?? 1;
  const last = Math.min(opts.last ?? first, pages);
  const pngs = await pdfToPngs(pdfPath, dir, opts.dpi ?? 60, first, last);
  return { dir, docxPath, pdfPath, pages, pngs };
}
