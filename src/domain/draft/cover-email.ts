/**
 * The cover email of the compiled draft to the Chánh Văn phòng (QT.VP.03 §6.2.3–6.2.4): the period, how each
 * unit stands, what changed since the previous version, the laggards summary (contract.md: at the draft time,
 * QT.VP.03 §8 risk 1), the files, and how to answer (Đạt / Không đạt). Every text comes from the skeleton.
 */
import { DateTime } from "luxon";
import { formatDurationVi, nextPeriod } from "../calendar/index.ts";
import { formatReceivedVi, recordGroups } from "./appendices.ts";
import { draftSlots } from "./labels.ts";
import { fillSlots } from "./skeleton.ts";
import { unitsInRegimeOrder } from "./merge-plan.ts";
import { parseUnitDraftKey, type DraftInput, type UnitReportForDraft } from "./plan.ts";

/** One original file of a unit, with its size (bytes). */
export interface OriginalFile {
  unit: string;
  filename: string;
  size: number;
}

export interface CoverEmailInput {
  /** The same input the draft was built from. */
  draft: DraftInput;
  /** File name of the attached draft, e.g. "Dự thảo báo cáo công tác tuần 47-2026 (bản cập nhật lần 1).docx". */
  draftFilename: string;
  /** Sizes of the accepted units' files; without it every listed file counts as small. */
  originals?: OriginalFile[];
}

export interface CoverEmail {
  subject: string;
  text: string;
  /** The units' original files to attach (empty when their total is above `regime.attachOriginalsUpTo`). */
  attachOriginals: { unit: string; filename: string }[];
}

/** "9,5 MB", "820 KB": decimal comma, as Vietnamese writes numbers. */
export function formatSizeVi(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1).replace(".", ",").replace(/,0$/, "")} MB`;
  return `${Math.max(1, Math.round(bytes / 1000))} KB`;
}

function unitStatus(u: UnitReportForDraft, input: CoverEmailInput): string {
  const s = input.draft.skeleton.coverEmail.unitStatus;
  const zone = input.draft.zone;
  const received = u.receivedAt ? formatReceivedVi(u.receivedAt, zone) : "";
  let line: string;
  if (u.state === "accepted" && u.onTime === false) {
    line = fillSlots(s.late, { duration: u.lateMs && u.lateMs > 0 ? formatDurationVi(u.lateMs) : "", received });
  } else if (u.state === "accepted") line = fillSlots(s.onTime, { received });
  else line = s[u.state];
  if (u.state === "accepted" && u.version > 1) line += fillSlots(s.resent, { n: u.version });
  return line;
}

/** What changed per unit since the previous draft (from `previous.units` keys); empty when nothing did. */
export function draftChanges(input: DraftInput, units: UnitReportForDraft[]): string[] {
  const c = input.skeleton.coverEmail.changes;
  const prev = input.previous?.units ?? {};
  const out: string[] = [];
  for (const u of units) {
    const before = prev[u.unit.id];
    const was = before === undefined ? { state: "missing" as const, version: 0 } : parseUnitDraftKey(before);
    const now = { state: u.state, version: u.state === "missing" ? 0 : u.version };
    const slots = { unit: u.unit.name, n: now.version };
    if (was === null) {
      // A key this code did not write: say only that the unit's content may differ.
      if (now.state === "accepted") out.push(fillSlots(c.updated, slots));
    } else if (was.state !== "accepted" && now.state === "accepted") out.push(fillSlots(c.added, slots));
    else if (was.state === "accepted" && now.state !== "accepted") out.push(fillSlots(c.removed, slots));
    else if (was.state === "accepted" && now.version !== was.version) out.push(fillSlots(c.updated, slots));
  }
  return out;
}

/** Laggards (QT.VP.03 §8 risk 1): late, Không đạt not resent, not sent; one line per group, or the "none" line. */
export function laggardLines(units: UnitReportForDraft[], input: DraftInput): string[] {
  const l = input.skeleton.coverEmail.laggards;
  const g = recordGroups(units);
  const names = (us: UnitReportForDraft[]) => us.map((u) => u.unit.name).join(", ");
  const lines = (["late", "rejected", "missing"] as const).filter((k) => g[k].length > 0).map((k) => fillSlots(l[k], { units: names(g[k]) }));
  return lines.length > 0 ? lines : [l.none];
}

/**
 * The cover email of a draft: subject "Dự thảo báo cáo công tác tuần 47/2026 (bản cập nhật lần 1)" and a formal
 * Vietnamese body. The units' original files are attached up to `regime.attachOriginalsUpTo` bytes in total,
 * listed above it; a secret (MẬT) unit's files are never attached.
 */
export function coverEmail(input: CoverEmailInput): CoverEmail {
  const d = input.draft;
  const e = d.skeleton.coverEmail;
  const slots = draftSlots(d.period, nextPeriod(d.period, d.zone), d.skeleton, DateTime.fromJSDate(d.now, { zone: d.zone }).year);
  const update = d.version > 1 ? d.version - 1 : 0;
  const { units } = unitsInRegimeOrder(d.regime, d.units);

  const subject = fillSlots(e.subject, slots) + (update > 0 ? fillSlots(e.subjectUpdate, { n: update }) : "");
  const out: string[] = [e.greeting, ""];
  out.push(fillSlots(e.intro, { ...slots, file: input.draftFilename }) + (update > 0 ? ` ${fillSlots(e.introUpdate, { n: update })}` : ""), "");

  let n = 0;
  const heading = (text: string) => out.push(`${++n}. ${text}`);
  heading(e.unitsHeading);
  for (const u of units) out.push(`- ${u.unit.name}: ${unitStatus(u, input)}.`);
  out.push("");

  if (update > 0 || d.previous) {
    heading(e.changesHeading);
    const changes = draftChanges(d, units);
    out.push(...(changes.length > 0 ? changes.map((c) => `- ${c}.`) : [`- ${e.changes.none}`]), "");
  }

  heading(e.laggardsHeading);
  out.push(...laggardLines(units, d).map((l) => `- ${l}`), "");

  const accepted = units.filter((u) => u.state === "accepted");
  const files: OriginalFile[] =
    input.originals?.filter((f) => accepted.some((u) => u.unit.id === f.unit)) ??
    accepted.flatMap((u) => u.attachments.map((filename) => ({ unit: u.unit.id, filename, size: 0 })));
  const total = files.reduce((s, f) => s + f.size, 0);
  const attach = total <= d.regime.attachOriginalsUpTo;
  heading(e.filesHeading);
  out.push(`- ${fillSlots(e.draftFile, { file: input.draftFilename })}`);
  if (files.length > 0) {
    out.push(`- ${attach ? e.originalsAttached : fillSlots(e.originalsListed, { size: formatSizeVi(d.regime.attachOriginalsUpTo) })}`);
    const nameOf = (id: string) => units.find((u) => u.unit.id === id)?.unit.name ?? id;
    for (const f of files) out.push(`  + ${f.filename} (${nameOf(f.unit)}${f.size > 0 ? `, ${formatSizeVi(f.size)}` : ""})`);
  }
  const secret = units.filter((u) => u.state === "secret");
  if (secret.length > 0) out.push(`- ${fillSlots(e.originalsWithheld, { units: secret.map((u) => u.unit.name).join(", ") })}`);
  out.push("", e.answer, "", e.closing, ...e.signature);

  return {
    subject,
    text: out.join("\n"),
    attachOriginals: attach ? files.map((f) => ({ unit: f.unit, filename: f.filename })) : [],
  };
}
