import type { DocumentFacts, MailFacts } from "../domain/message.ts";
import { bodyOutline } from "../domain/document/index.ts";
import { liftLayoutTables } from "../domain/document/index.ts";
import { outlineSecrecy } from "../domain/document/index.ts";
import type { Deps } from "./context.ts";

/** Reads every attachment, plus the body as a document (classification decides which belong to a report). */
export async function readDocuments(deps: Pick<Deps, "documents">, facts: MailFacts): Promise<DocumentFacts[]> {
  const docs: DocumentFacts[] = [];
  for (const [i, a] of facts.attachments.entries()) {
    const read = await deps.documents.read({ filename: a.filename, contentType: a.contentType, content: a.content });
    docs.push({ source: i, filename: a.filename, read: read.ok ? { ...read, outline: liftLayoutTables(read.outline) } : read });
  }
  const bodyText = (facts.forwarded?.text ? `${facts.text}\n${facts.forwarded.text}` : facts.text).trim();
  if (bodyText) {
    const outline = bodyOutline(bodyText);
    const secret = outlineSecrecy(outline);
    docs.push({ source: "body", filename: null, read: { ok: true, outline, text: bodyText, format: "body", ...(secret ? { secret } : {}) } });
  }
  return docs;
}

