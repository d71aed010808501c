/**
 * Parsing a mail template file (the mini-language described in index.ts) into a MailTemplate: the header's
 * subject line, the body's lines, list placeholders and blocks; what the office wrote wrong comes back as
 * problems with their line, never as an exception.
 */
import { checkAgainstSpec } from "./specs.ts";
import type { MailTemplate, MailTemplateSpec, Node, ParseResult, Part, TemplateProblem } from "./template.ts";

export type { MailTemplate, Node, ParseResult, Part, TemplateProblem } from "./template.ts";

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
