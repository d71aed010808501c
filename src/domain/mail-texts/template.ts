/**
 * The shapes of the mail texts: a parsed template (templates/mail/*.txt) and the catalogue entry it is checked
 * against. Types only, shared by the parser, the catalogue and the renderer.
 */
export const MAIL_TEMPLATE_NAMES = [
  "receipt",
  "khong_dat",
  "khong_dat_kept",
  "reminder",
  "chase",
  "laggards",
  "digest",
  "draft_review_forward",
  "command_answer",
  "request",
] as const;
export type MailTemplateName = (typeof MAIL_TEMPLATE_NAMES)[number];

export type FieldType = "text" | "flag" | "list";
export type PlaceholderType = FieldType | { records: Record<string, FieldType> };

export interface PlaceholderSpec {
  type: PlaceholderType;
  /** What the value is, with an example (English, for people reading errors and code). */
  about: string;
}

export interface MailTemplateSpec {
  name: MailTemplateName;
  /** Who gets the mail and when. */
  about: string;
  placeholders: Readonly<Record<string, PlaceholderSpec>>;
  /** Placeholders the template must use: without them the mail would not say what it is for. */
  required: readonly string[];
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
