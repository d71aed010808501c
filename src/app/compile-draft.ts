/**
 * Compile the draft of a period (QT.VP.03 §6.2.3) from each unit's latest Đạt version, in the Cục's template,
 * and (with `send`) email it to the Chánh Văn phòng with the compiling officer in copy. Each sent version is
 * recorded; a new version is made only when what the units sent has changed ("bản cập nhật"), so a draft is
 * never sent twice.
 */
import { DateTime } from "luxon";
import { formatDurationVi, nextPeriod } from "../domain/calendar/index.ts";
import { draftSlots } from "../domain/draft/index.ts";
import { fillSlots } from "../domain/draft/index.ts";
import { buildDraftPlan, draftMailKey, unitDraftKey, type DraftInput, type DraftSkeleton, type UnitReportForDraft } from "../domain/draft/index.ts";
import type { Block, Outline, Period, PeriodKind, SectionFinding } from "../domain/model.ts";
import type { Regime } from "../domain/regime.ts";
import { sectionContents } from "../domain/document/index.ts";
import { coverEmail } from "../domain/draft/index.ts";
import type { Deps } from "./context.ts";
import { DecisionError } from "./decide.ts";
import { buildMail } from "./outgoing.ts";
import type { OutgoingAttachment } from "./ports.ts";
import type { DraftRow, DraftStore, JobRecord, OutboxEntry, RequestStore, SubmissionRow, SubmissionStore } from "./store.ts";
import { resolvePeriod } from "./request-targets.ts";
import { inPeriod, periodKey, periodStatuses } from "../domain/versions/index.ts";

export interface CompileResult {
  docx: Buffer;
  description: string;
  draft: DraftRow | null;
  /** Where the .docx is kept (the archive's copy). */
  file: string;
  /** How many units' Đạt reports the draft holds (a MẬT one counts: it is listed, never merged). */
  reports: number;
}

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

function unitSections(row: SubmissionRow): Record<string, Block[]> {
  const outline = row.outline as Outline | null;
  if (!outline) return {};
  const findings = (row.findings ?? []) as SectionFinding[];
  return sectionContents(outline, { findings, missingRequired: row.missingSections });
}

/** Each unit of the regime as it stands for the draft of `period`. */
export function unitsForDraft(regime: Regime, period: Period, rows: SubmissionRow[]): UnitReportForDraft[] {
  const statuses = periodStatuses(regime, period, rows);
  return statuses.map((st) => {
    const unit = regime.units.find((u) => u.id === st.unit)!;
    const versions = rows
      .filter((r) => r.unit === unit.id && inPeriod(r, period) && (r.status === "accepted" || r.status === "rejected"))
      .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.id - b.id);
    const accepted = versions.find((r) => r.id === st.acceptedId) ?? null;
    const state = accepted ? (accepted.secret ? "secret" : "accepted") : versions.length ? "rejected" : "missing";
    return {
      unit,
      state,
      sections: accepted && !accepted.secret ? unitSections(accepted) : {},
      receivedAt: st.receivedAt,
      onTime: accepted ? st.state === "on_time" : null,
      lateMs: st.state === "late" && st.lateSeconds != null ? st.lateSeconds * 1000 : null,
      version: accepted ? versions.indexOf(accepted) + 1 : versions.length,
      attachments: accepted?.attachments ?? [],
    } satisfies UnitReportForDraft;
  });
}

/** The units' original files of their accepted versions (never a MẬT one), taken from the archived mail. */
async function originals(
  deps: CompileDeps,
  regime: Regime,
  period: Period,
  rows: SubmissionRow[],
  onUnit: () => void = () => undefined,
): Promise<{ unit: string; size: number; attachment: OutgoingAttachment }[]> {
  const out: { unit: string; size: number; attachment: OutgoingAttachment }[] = [];
  for (const st of periodStatuses(regime, period, rows)) {
    onUnit();
    const row = rows.find((r) => r.id === st.acceptedId);
    if (!row || row.secret || row.attachments.length === 0) continue;
    for (const f of await deps.originalFiles.of(row.archivePath, row.receivedAt, row.attachments)) {
      out.push({ unit: st.unit, size: f.size, attachment: { filename: f.filename, contentType: f.contentType, path: f.path } });
    }
  }
  return out;
}

/** What a draft of `period` would merge now, unit id → key ("accepted@2"); compared with a sent version's. */
export function draftKeys(regime: Regime, period: Period, rows: SubmissionRow[]): Record<string, string> {
  return Object.fromEntries(unitsForDraft(regime, period, rows).map((u) => [u.unit.id, unitDraftKey(u)]));
}

/** What compiling a draft uses. */
export type CompileDeps = Pick<Deps, "settings" | "clock" | "archive" | "draftSkeleton" | "draftWriter" | "originalFiles"> & {
  store: Pick<SubmissionStore, "listSubmissions"> & Pick<DraftStore, "listDrafts" | "commitDraft"> & Pick<RequestStore, "listRequests">;
};

/**
 * Compiles (and with `send`, queues) the draft of a period. With `job`, the scheduled job that asked for it is
 * recorded in the same transaction as the draft and its email; the result's `draft` is null when another process
 * recorded that job first.
 */
export async function compileDraft(
  deps: CompileDeps,
  input: {
    regime: Regime;
    period: string;
    kind?: PeriodKind;
    send: boolean;
    job?: JobRecord;
    /**
     * Issue 9: a person's `compile --send` refuses a draft with no Đạt report unless asked (`--allow-empty`): a typo
     * in the period would otherwise mail the chief an empty draft. The scheduler's draft at the draft time keeps
     * going (it tells the chief who has not reported).
     */
    allowEmpty?: boolean;
    /**
     * Issue 9 §6: called as the work advances (reading the reports, writing the draft, each unit's originals for the
     * mail), with how many steps are done of how many; a 34-report draft takes a while.
     */
    onProgress?: (done: number, total: number) => void;
  },
): Promise<CompileResult> {
  const zone = deps.settings.timezone;
  // Issue 10 item 4: `--period YC-2026-001` is an ad-hoc request: its units, its sections, its own period.
  const { regime, period } = await resolvePeriod(deps, input.regime, input.period, input.kind);
  // Issue 10: the draft is recorded under the period's key ("report-2026" for a province's summary report), so a
  // plan's and a report's drafts of one year are separate versions with separate mails.
  const draftPeriod = periodKey(period);
  const now = deps.clock.now();
  const rows = await deps.store.listSubmissions({ regime: regime.id, period: period.id, withOutline: true });
  const units = unitsForDraft(regime, period, rows);
  const reports = units.filter((u) => u.state === "accepted" || u.state === "secret").length;
  const steps = 2 + (input.send ? units.length : 0);
  let done = 0;
  const step = () => input.onProgress?.(++done, steps);
  step();
  if (input.send && reports === 0 && input.allowEmpty === false) {
    throw new DecisionError(
      `Kỳ ${period.id} chưa có báo cáo nào Đạt: không gửi dự thảo rỗng cho Chánh Văn phòng. Kiểm tra lại kỳ (--period), hoặc thêm --allow-empty nếu vẫn muốn gửi.`,
    );
  }
  const drafts = await deps.store.listDrafts({ regime: regime.id, period: draftPeriod });
  const previous = drafts[drafts.length - 1] ?? null;
  const keys = draftKeys(regime, period, rows);
  // Nothing changed since the last recorded version: that version is the draft (also for --out without --send,
  // which would otherwise label an unsent file "bản cập nhật").
  const mailKey = draftMailKey(regime.id, draftPeriod, keys);
  if (previous && draftMailKey(regime.id, draftPeriod, previous.included) === mailKey) {
    const docx = await deps.archive.get(previous.archivePath);
    // Whether that version's email has gone is the outbox's to say (`intake drafts`), not this message's.
    const description = input.send
      ? `Dự thảo ${period.id} không thay đổi so với bản ${previous.version} đã lập (${reports} báo cáo Đạt); không lập, không gửi lại.`
      : `Dự thảo ${period.id} không thay đổi so với bản ${previous.version} đã lập (${reports} báo cáo Đạt).`;
    return { docx, draft: previous, description, file: deps.archive.resolve(previous.archivePath), reports };
  }
  const version = (previous?.version ?? 0) + 1;
  const skeleton = deps.draftSkeleton(regime.id);
  const draftInput: DraftInput = {
    regime, period, units, skeleton, zone, now, version,
    ...(previous ? { previous: { units: previous.included } } : {}),
  };
  const plan = buildDraftPlan(draftInput);
  const docx = await deps.draftWriter.write(plan);
  const stored = await deps.archive.put(docx, ".docx");
  step();
  const filename = draftFilename(skeleton, period, version, draftInput);
  if (!input.send) {
    return { docx, draft: null, description: `Đã lập dự thảo ${period.id} gồm ${reports} báo cáo Đạt (chưa gửi).`, file: deps.archive.resolve(stored.path), reports };
  }

  const office = deps.settings.office;
  const files = await originals(deps, regime, period, rows, step);
  const cover = coverEmail({ draft: draftInput, draftFilename: filename, originals: files.map((f) => ({ unit: f.unit, filename: f.attachment.filename, size: f.size })) });
  const attach = files.filter((f) => cover.attachOriginals.some((a) => a.unit === f.unit && a.filename === f.attachment.filename)).map((f) => f.attachment);
  const dedupeKey = mailKey;
  const officers = office.officers?.length ? office.officers.map((p) => p.address) : [office.address];
  const mail = buildMail({
    dedupeKey, purpose: "draft", from: deps.settings.mailFrom, officeAddress: office.address, to: [office.chief.address], cc: officers,
    subject: cover.subject, text: cover.text, date: now,
    attachments: [{ filename, contentType: DOCX, path: deps.archive.resolve(stored.path) }, ...attach],
  });
  const outbox: OutboxEntry[] = [{ dedupeKey, purpose: "draft", mail, rateLimited: false, notBefore: now, regime: regime.id, period: period.id }];
  const draft = await deps.store.commitDraft(
    { regime: regime.id, period: draftPeriod, version, archivePath: stored.path, sha256: stored.sha256, included: keys,
      summary: units.map((u) => ({ unit: u.unit.id, state: u.state, onTime: u.onTime, late: u.lateMs ? formatDurationVi(u.lateMs) : null })),
      emailMessageId: mail.messageId },
    outbox,
    input.job,
  );
  if (!draft) return { docx, draft: null, description: `Dự thảo ${period.id} đã do tiến trình khác lập; không gửi lại.`, file: deps.archive.resolve(stored.path), reports };
  return {
    docx,
    draft,
    description: `Đã lập dự thảo ${period.id} bản ${version} gồm ${reports} báo cáo Đạt và đưa vào hàng chờ gửi Chánh Văn phòng (${office.chief.address}).`,
    file: deps.archive.resolve(stored.path),
    reports,
  };
}

/**
 * The attached draft's name, as the chief sees it in the mail: the cover email's subject ("Dự thảo báo cáo công tác
 * tuần 47/2026 (bản cập nhật lần 1)") with the characters file systems refuse replaced by "-".
 */
function draftFilename(skeleton: DraftSkeleton, period: Period, version: number, input: DraftInput): string {
  const slots = draftSlots(period, nextPeriod(period, input.zone), skeleton, DateTime.fromJSDate(input.now, { zone: input.zone }).year);
  const name = fillSlots(skeleton.coverEmail.subject, slots) + (version > 1 ? fillSlots(skeleton.coverEmail.subjectUpdate, { n: version - 1 }) : "");
  return `${name.replace(/[\\/:*?"<>|]+/g, "-").trim()}.docx`;
}
