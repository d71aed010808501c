/**
 * The units' original files for the draft's cover email: read from the archived raw mail (the archive is the
 * record, QT.VP.03 §7) and stored content-addressed beside it, so the outbox can attach them by path.
 */
import path from "node:path";
import type { Archive, OriginalFiles } from "../app/ports.ts";
import type { MailFacts } from "../domain/message.ts";

export function createArchivedAttachments(archive: Archive, parse: (raw: Buffer, receivedAt: Date) => Promise<MailFacts>): OriginalFiles {
  return {
    async of(archivePath, receivedAt, filenames) {
      const facts = await parse(await archive.get(archivePath), receivedAt);
      const out = [];
      for (const a of facts.attachments) {
        if (!filenames.includes(a.filename) || a.size === 0) continue;
        const stored = await archive.put(a.content, path.extname(a.filename));
        out.push({ filename: a.filename, contentType: a.contentType, size: a.size, path: archive.resolve(stored.path) });
      }
      return out;
    },
  };
}
