import type { DocumentFacts, MailFacts } from "../domain/message.ts";
import { bodyOutline } from "../domain/document/index.ts";
import { liftLayoutTables } from "../domain/document/index.ts";
import { outlineSecrecy } from "../domain/document/index.ts";
import type { Deps } from "./context.ts";

/** Reads every attachment, plus the body as a document (classification decides which belong to a report). */
export async function readDocuments(deps: Pick<Deps, "documents">, facts: MailFacts): Promise<DocumentFacts[]> {
  // All asked at once: the reader's pool bounds how many are read together (issue 13 §4) and answers each in its
  // place, so a report and its signed copy are read side by side; the order of the attachments is kept.
  const docs: DocumentFacts[] = await Promise.all(
    facts.attachments.map(async (a, i): Promise<DocumentFacts> => {
      const read = await deps.documents.read({ filename: a.filename, contentType: a.contentType, content: a.content });
      return { source: i, filename: a.filename, read: read.ok ? { ...read, outline: liftLayoutTables(read.outline) } : read };
    }),
  );
  const bodyText = (facts.forwarded?.text ? `${facts.text}\n${facts.forwarded.text}` : facts.text).trim();
  if (bodyText) {
    const outline = bodyOutline(bodyText);
    const secret = outlineSecrecy(outline);
    docs.push({ source: "body", filename: null, read: { ok: true, outline, text: bodyText, format: "body", ...(secret ? { secret } : {}) } });
  }
  return docs;
}

