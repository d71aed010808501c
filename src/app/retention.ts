/**
 * Records kept (§7 of every procedure, issue 10 item 7): the archived raw mail is kept at least 3 years
 * (`retentionYears` of the regimes file, default 5, never below 3). `intake retention` lists what is older than
 * that and, without --dry-run, removes the archived file and the document outlines kept for drafts; the ledger row
 * and its submissions stay, with a tombstone, so the message is never ingested again and the tracking table and
 * the KPI keep their history. "Older than" = received strictly before now minus the retention, in the office's zone.
 */
import { DateTime } from "luxon";
import { formatInstant } from "../domain/calendar/index.ts";

/** Retention below this is refused (QT.VP.03 §7: "lưu trữ … ít nhất 03 năm"). */
export const MIN_RETENTION_YEARS = 3;

export interface ArchivedMessage {
  id: number;
  messageId: string;
  receivedAt: Date;
  archivePath: string;
  subject: string;
  fromAddress: string | null;
}

/** What retention needs of the ledger. */
export interface RetentionStore {
  /** Ledger rows received strictly before `before` whose raw mail is still archived. */
  listArchivedBefore(before: Date): Promise<ArchivedMessage[]>;
  /** Other rows (not in `ids`) whose raw mail is this archive file (the archive is content-addressed). */
  sharesArchive(archivePath: string, ids: number[]): Promise<boolean>;
  /** The tombstone: archive path replaced by "removed:<ISO instant>", the submissions' outlines dropped. */
  tombstone(id: number, at: Date): Promise<void>;
}

/** Removes one archived file; false when it was already gone. */
export interface ArchiveRemover {
  remove(archivePath: string): Promise<boolean>;
}

export interface RetentionResult {
  cutoff: Date;
  years: number;
  dryRun: boolean;
  messages: (ArchivedMessage & { removed: boolean })[];
}

export class RetentionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** The instant before which records may go: `now` minus `years` calendar years in `zone`. */
export function retentionCutoff(now: Date, years: number, zone: string): Date {
  if (!Number.isInteger(years) || years < MIN_RETENTION_YEARS) throw new RetentionError(`retentionYears: ${years} năm — thời hạn lưu trữ không được dưới ${MIN_RETENTION_YEARS} năm (QT.VP.03 mục 7)`);
  return DateTime.fromJSDate(now, { zone }).minus({ years }).toJSDate();
}

export async function applyRetention(
  deps: { store: RetentionStore; archive: ArchiveRemover },
  opts: { now: Date; years: number; zone: string; dryRun: boolean },
): Promise<RetentionResult> {
  const cutoff = retentionCutoff(opts.now, opts.years, opts.zone);
  const old = await deps.store.listArchivedBefore(cutoff);
  const ids = old.map((m) => m.id);
  const messages: RetentionResult["messages"] = [];
  for (const m of old) {
    // Defensive: the store's filter already holds; a younger row is never touched.
    if (m.receivedAt.getTime() >= cutoff.getTime()) continue;
    if (opts.dryRun) {
      messages.push({ ...m, removed: false });
      continue;
    }
    // A file also used by a younger message (the same mail received twice) stays for it.
    if (!(await deps.store.sharesArchive(m.archivePath, ids))) await deps.archive.remove(m.archivePath);
    await deps.store.tombstone(m.id, opts.now);
    messages.push({ ...m, removed: true });
  }
  return { cutoff, years: opts.years, dryRun: opts.dryRun, messages };
}

/** Lines for people. */
export function retentionText(r: RetentionResult, zone: string): string {
  const head = `Thời hạn lưu trữ ${r.years} năm: hồ sơ nhận trước ${formatInstant(r.cutoff, zone)}.`;
  if (r.messages.length === 0) return `${head}\nKhông có thư nào quá thời hạn lưu trữ.`;
  const verb = r.dryRun ? "Sẽ xóa bản lưu của" : "Đã xóa bản lưu của";
  return [head, `${verb} ${r.messages.length} thư (sổ theo dõi vẫn giữ dòng ghi nhận, thư không được xử lý lại):`, ...r.messages.map((m) => `- ${formatInstant(m.receivedAt, zone)} ${m.fromAddress ?? ""} ${m.subject} ${m.messageId}`)].join("\n");
}
