/**
 * The mail texts' mini-language: office-editable templates (templates/mail/*.txt) → { subject, text }.
 *
 * A template file is a header, a line `---`, then the body:
 * - header: `#` comment lines (never sent), blank lines, and one `Tiêu đề: …` (or `Subject: …`) line;
 * - `{{name}}` is replaced by the value `name` (text or number);
 * - a line holding only `{{name}}` whose value is a list of texts renders one `- item` line per item;
 * - `{{#name}}` … `{{/name}}`, each tag alone on its line: the lines between are kept when `name` is set
 *   (true, non-empty text, non-empty list), or repeated once per record when `name` is a list of records
 *   (whose fields are then placeholders too); `{{^name}}` … `{{/name}}` keeps them when `name` is not set;
 * - runs of blank lines become one; leading and trailing blank lines are dropped.
 * Rendering with a missing or mistyped value is a bug and throws; what the office wrote wrong is returned as
 * problems by `parseMailTemplate` (the loader stops start-up with them).
 */
import { checkAgainstSpec, checkValues, type MailTemplateSpec } from "./mail-text-specs.ts";

export type MailScalar = string | number;
export type MailFieldValue = MailScalar | boolean | readonly string[];
export interface MailRecord {
  readonly [name: string]: MailFieldValue;
}
export type MailValue = MailFieldValue | readonly MailRecord[];
/** The values a template is rendered with; `renderMailTemplate` accepts any record and checks it at run time. */
export type MailValues = Readonly<Record<string, MailValue>>;

export interface RenderedMail {
  subject: string;
  text: string;
}

/** Something wrong in a template as the office wrote it; `line` is the 1-based line of the file. */
export interface TemplateProblem {
  line: number;
  message: string;
}

export type Part = { text: string } | { name: string };
export type Node =
  | { kind: "line"; line: number; parts: Part[] }
  | { kind: "solo"; line: number; indent: string; name: string }
  | { kind: "block"; line: number; name: string; inverted: boolean; children: Node[] };

export interface MailTemplate {
  /** The template's name (file name without extension), e.g. `khong_dat`. */
  name: string;
  subject: { line: number; parts: Part[] };
  body: Node[];
  /** The catalogue entry the template was checked against, if any; rendering then checks values against it. */
  spec: MailTemplateSpec | null;
}

export type ParseResult = { ok: true; template: MailTemplate } | { ok: false; problems: TemplateProblem[] };

/** A rendering bug: a value missing or of the wrong type. Thrown, never shown to units. */
export class MailTemplateError extends Error {
  readonly code = "ETEMPLATE";
  constructor(
    message: string,
    readonly template: string,
  ) {
    super(message);
    this.name = "MailTemplateError";
  }
}

const TAG = /\{\{([^{}]*)\}\}/g;
const NAME = /^[a-z][a-z0-9_]*$/;
const SUBJECT_KEYS = ["tiêu đề", "tieu de", "subject"];

/**
 * Parses a template file's text (UTF-8 already decoded; a BOM and CRLF are tolerated). With a `spec`, also checks
 * that every placeholder is known to the spec and used as its type allows, and that the required ones are used.
 */
export function parseMailTemplate(name: string, source: string, spec?: MailTemplateSpec): ParseResult {
  const lines = source.replace(/^\uFEFF/, "").normalize("NFC").split(/\r\n|\r|\n/);
  const problems: TemplateProblem[] = [];
  const sep = lines.findIndex((l) => l.trim() === "---");
  if (sep < 0) return { ok: false, problems: [{ line: 1, message: 'no "---" line separating the header (Tiêu đề: …) from the body' }] };

  let subject: MailTemplate["subject"] | null = null;
  lines.slice(0, sep).forEach((raw, i) => {
    const l = raw.trim();
    if (l === "" || l.startsWith("#")) return;
    const colon = l.indexOf(":");
    const key = colon > 0 ? l.slice(0, colon).trim().toLowerCase() : "";
    if (!SUBJECT_KEYS.includes(key)) {
      problems.push({ line: i + 1, message: `unexpected header line "${l}" (expected "Tiêu đề: …" or a "#" comment)` });
    } else if (subject) {
      problems.push({ line: i + 1, message: "a second subject line (Tiêu đề) in the header" });
    } else {
      const parts = parseInline(l.slice(colon + 1).trim(), i + 1, problems, true);
      subject = { line: i + 1, parts };
    }
  });
  if (!subject) problems.push({ line: 1, message: 'no subject line ("Tiêu đề: …") in the header' });
  else if ((subject as MailTemplate["subject"]).parts.length === 0) problems.push({ line: (subject as MailTemplate["subject"]).line, message: "the subject is empty" });

  const body = parseBody(lines, sep + 1, problems);
  if (lines.slice(sep + 1).every((l) => l.trim() === "")) problems.push({ line: sep + 2, message: "the body is empty" });
  if (problems.length > 0 || !subject) return { ok: false, problems };
  const template: MailTemplate = { name, subject, body, spec: spec ?? null };
  if (spec) {
    const specProblems = checkAgainstSpec(template, spec);
    if (specProblems.length > 0) return { ok: false, problems: specProblems };
  }
  return { ok: true, template };
}

function parseInline(text: string, line: number, problems: TemplateProblem[], inSubject: boolean): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const m of text.matchAll(TAG)) {
    const inner = (m[1] ?? "").trim();
    if (m.index > last) parts.push({ text: text.slice(last, m.index) });
    last = m.index + m[0].length;
    if (/^[#^/]/.test(inner)) {
      problems.push({ line, message: inSubject ? `block tag {{${inner}}} is not allowed in the subject` : `block tag {{${inner}}} must stand alone on its line` });
    } else if (!NAME.test(inner)) {
      problems.push({ line, message: `bad placeholder {{${inner}}}: names are lower-case letters, digits and "_"` });
    } else {
      parts.push({ name: inner });
    }
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  const stray = parts.some((p) => "text" in p && (p.text.includes("{{") || p.text.includes("}}")));
  if (stray) problems.push({ line, message: 'unbalanced "{{" or "}}"' });
  return parts;
}

function parseBody(lines: string[], from: number, problems: TemplateProblem[]): Node[] {
  const root: Node[] = [];
  const stack: { name: string; line: number; children: Node[] }[] = [];
  const target = (): Node[] => stack.at(-1)?.children ?? root;
  for (let i = from; i < lines.length; i++) {
    const raw = lines[i] ?? "";
    const lineNo = i + 1;
    const block = /^\s*\{\{\s*([#^/])\s*([^{}]*?)\s*\}\}\s*$/.exec(raw);
    if (block) {
      const [, sigil, name = ""] = block;
      if (!NAME.test(name)) {
        problems.push({ line: lineNo, message: `bad block name {{${sigil}${name}}}` });
      } else if (sigil === "/") {
        const open = stack.pop();
        if (!open) problems.push({ line: lineNo, message: `{{/${name}}} closes no open block` });
        else if (open.name !== name) problems.push({ line: lineNo, message: `{{/${name}}} closes {{#${open.name}}} opened on line ${open.line}` });
      } else {
        const node: Node = { kind: "block", line: lineNo, name, inverted: sigil === "^", children: [] };
        target().push(node);
        stack.push({ name, line: lineNo, children: node.children });
      }
      continue;
    }
    const solo = /^(\s*)\{\{\s*([a-z][a-z0-9_]*)\s*\}\}\s*$/.exec(raw);
    if (solo) {
      target().push({ kind: "solo", line: lineNo, indent: solo[1] ?? "", name: solo[2] ?? "" });
      continue;
    }
    target().push({ kind: "line", line: lineNo, parts: parseInline(raw, lineNo, problems, false) });
  }
  for (const open of stack) problems.push({ line: open.line, message: `{{#${open.name}}} is never closed with {{/${open.name}}}` });
  return root;
}

/** Every placeholder name the template uses (subject and body, block names and record fields), sorted. */
export function placeholdersOf(template: MailTemplate): string[] {
  const names = new Set<string>();
  for (const p of template.subject.parts) if ("name" in p) names.add(p.name);
  const walk = (nodes: Node[]): void => {
    for (const n of nodes) {
      if (n.kind === "line") for (const p of n.parts) if ("name" in p) names.add(p.name);
      if (n.kind === "solo" || n.kind === "block") names.add(n.name);
      if (n.kind === "block") walk(n.children);
    }
  };
  walk(template.body);
  return [...names].sort();
}

type Scope = readonly Readonly<Record<string, unknown>>[];

/**
 * Renders a parsed template. Throws `MailTemplateError` when a value the template (or its spec) needs is missing
 * or of the wrong type: that is a bug of the caller, never something to send. Values the template does not use
 * are ignored.
 */
export function renderMailTemplate(template: MailTemplate, values: Readonly<Record<string, unknown>>): RenderedMail {
  if (template.spec) {
    const issues = checkValues(template.spec, values);
    if (issues.length > 0) throw new MailTemplateError(`template ${template.name}: ${issues.join("; ")}`, template.name);
  }
  const scope: Scope = [values];
  const subject = renderParts(template, template.subject.parts, scope, template.subject.line).replace(/\s+/g, " ").trim();
  const out: string[] = [];
  renderNodes(template, template.body, scope, out);
  return { subject: subject.normalize("NFC"), text: tidy(out).normalize("NFC") };
}

function fail(template: MailTemplate, line: number, message: string): never {
  throw new MailTemplateError(`template ${template.name}, line ${line}: ${message}`, template.name);
}

function lookup(template: MailTemplate, scope: Scope, name: string, line: number): unknown {
  for (let i = scope.length - 1; i >= 0; i--) {
    const frame = scope[i];
    if (frame && Object.hasOwn(frame, name)) {
      const v = frame[name];
      if (v !== undefined && v !== null) return v;
    }
  }
  return fail(template, line, `no value for {{${name}}}`);
}

function asText(template: MailTemplate, v: unknown, name: string, line: number): string {
  if (typeof v === "string") return v;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  const what = typeof v === "boolean" ? "a yes/no value" : Array.isArray(v) ? "a list" : `of type ${typeof v}`;
  return fail(template, line, `{{${name}}} is ${what}, not text`);
}

function renderParts(template: MailTemplate, parts: Part[], scope: Scope, line: number): string {
  return parts.map((p) => ("text" in p ? p.text : asText(template, lookup(template, scope, p.name, line), p.name, line))).join("");
}

function isRecordList(v: unknown): v is readonly Readonly<Record<string, unknown>>[] {
  return Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "object" && x !== null && !Array.isArray(x));
}

function isSet(template: MailTemplate, v: unknown, name: string, line: number): boolean {
  if (typeof v === "boolean") return v;
  if (typeof v === "string") return v.trim() !== "";
  if (typeof v === "number") return v !== 0;
  if (Array.isArray(v)) return v.length > 0;
  return fail(template, line, `{{${name}}} of type ${typeof v} cannot decide a block`);
}

function renderNodes(template: MailTemplate, nodes: Node[], scope: Scope, out: string[]): void {
  for (const n of nodes) {
    if (n.kind === "line") {
      out.push(renderParts(template, n.parts, scope, n.line));
    } else if (n.kind === "solo") {
      const v = lookup(template, scope, n.name, n.line);
      if (!Array.isArray(v)) {
        out.push(n.indent + asText(template, v, n.name, n.line));
        continue;
      }
      for (const item of v as unknown[]) {
        if (typeof item !== "string") fail(template, n.line, `{{${n.name}}} must be a list of texts here; records need {{#${n.name}}} … {{/${n.name}}}`);
        out.push(`${n.indent}- ${item.replace(/\n/g, `\n${n.indent}  `)}`);
      }
    } else {
      const v = lookup(template, scope, n.name, n.line);
      if (!n.inverted && isRecordList(v)) {
        for (const record of v) renderNodes(template, n.children, [...scope, record], out);
      } else if (isSet(template, v, n.name, n.line) !== n.inverted) {
        renderNodes(template, n.children, scope, out);
      }
    }
  }
}

function tidy(lines: string[]): string {
  const text = lines
    .join("\n")
    .split("\n")
    .map((l) => l.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^\n+/, "")
    .replace(/\n+$/, "");
  return `${text}\n`;
}
