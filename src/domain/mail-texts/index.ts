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
import { checkValues } from "./specs.ts";
import type { MailTemplate, Node, Part } from "./template-parse.ts";

export {
  type MailTemplate,
  type Node,
  type ParseResult,
  type Part,
  type TemplateProblem,
  parseMailTemplate,
  placeholdersOf,
} from "./template-parse.ts";

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

export { MAIL_TEMPLATE_NAMES, MAIL_TEMPLATE_SPECS, type MailTemplateName, type MailTemplateSpec } from "./specs.ts";
