/**
 * Reads the office-editable mail texts (templates/mail/<name>.txt, one per mail the bot sends) at start-up.
 * A missing, unreadable or broken template stops start-up with an ECONFIG error naming the file and what is
 * wrong; every file is checked first, so the office sees all mistakes at once.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { MailTexts } from "../app/ports.ts";
import { MAIL_TEMPLATE_NAMES, MAIL_TEMPLATE_SPECS, type MailTemplateName } from "../domain/mail-texts/index.ts";
import { MailTemplateError, parseMailTemplate, renderMailTemplate, type MailTemplate, type RenderedMail } from "../domain/mail-texts/index.ts";
import { IntakeError } from "./errors.ts";

export const MAIL_TEMPLATE_EXT = ".txt";

export interface LoadedMailTexts extends MailTexts {
  /** Absolute folder the templates were read from. */
  readonly dir: string;
  readonly templates: ReadonlyMap<MailTemplateName, MailTemplate>;
  /** Renders one of the bot's mails; throws `MailTemplateError` for an unknown name or a missing/mistyped value. */
  render(name: string, values: Readonly<Record<string, unknown>>): RenderedMail;
}

interface FileFailure {
  path: string;
  problems: string[];
}

/** The path of a template file in `dir`. */
export function mailTemplatePath(dir: string, name: MailTemplateName): string {
  return path.join(path.resolve(dir), `${name}${MAIL_TEMPLATE_EXT}`);
}

function readTemplate(file: string): { ok: true; text: string } | { ok: false; problem: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { ok: false, problem: "file missing" };
    return { ok: false, problem: `cannot be read (${code ?? (err as Error).message})` };
  }
  try {
    // Office editors on Windows may save as ANSI/windows-1258: reject rather than send mojibake.
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, problem: "not UTF-8 text: open it and save it again as UTF-8" };
  }
}

function loadOne(dir: string, name: MailTemplateName): { template: MailTemplate } | FileFailure {
  const file = mailTemplatePath(dir, name);
  const read = readTemplate(file);
  if (!read.ok) return { path: file, problems: [read.problem] };
  const parsed = parseMailTemplate(name, read.text, MAIL_TEMPLATE_SPECS[name]);
  if (!parsed.ok) return { path: file, problems: parsed.problems.map((p) => `line ${p.line}: ${p.message}`) };
  return { template: parsed.template };
}

/**
 * Reads and checks every mail template in `dir` (templates/mail). Throws `IntakeError` code ECONFIG, with the
 * failing file's path in the message and in `details.path` (all failing files in `details.files`).
 */
export function loadMailTexts(dir: string): LoadedMailTexts {
  const abs = path.resolve(dir);
  let isDir = false;
  try {
    isDir = statSync(abs).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) {
    throw new IntakeError("ECONFIG", `Mail template folder not found: ${abs}`, { details: { path: abs } });
  }
  const templates = new Map<MailTemplateName, MailTemplate>();
  const failures: FileFailure[] = [];
  for (const name of MAIL_TEMPLATE_NAMES) {
    const r = loadOne(abs, name);
    if ("template" in r) templates.set(name, r.template);
    else failures.push(r);
  }
  if (failures.length > 0) {
    const lines = failures.map((f) => `Mail template ${f.path}:\n${f.problems.map((p) => `  - ${p}`).join("\n")}`);
    const expected = MAIL_TEMPLATE_NAMES.map((n) => n + MAIL_TEMPLATE_EXT).join(", ");
    const hint = failures.some((f) => f.problems.includes("file missing")) ? `\n(${abs} needs one file per mail: ${expected})` : "";
    throw new IntakeError("ECONFIG", `Invalid mail template${failures.length > 1 ? "s" : ""}:\n${lines.join("\n")}${hint}`, {
      details: { path: failures[0]?.path, files: failures },
    });
  }
  return {
    dir: abs,
    templates,
    render(name, values) {
      const template = templates.get(name as MailTemplateName);
      if (!template) throw new MailTemplateError(`unknown mail template "${name}" (known: ${MAIL_TEMPLATE_NAMES.join(", ")})`, name);
      return renderMailTemplate(template, values);
    },
  };
}
