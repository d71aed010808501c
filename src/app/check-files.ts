/**
 * `intake check FILE…` (issue 11 item 1, contract.md "intake check"): how the bot reads a mail or a document,
 * with nothing recorded and nothing sent. The same reading, classification, section check, verdict and reply
 * composition as the intake (real mail texts), through only the ports it needs: no store, no mailer, no archive.
 * `intake explain` uses the same reading on a recorded message.
 */
import { createHash } from "node:crypto";
import type { DocumentFacts, MailFacts } from "../domain/message.ts";
import type { Evidence, PeriodKind, SectionFinding } from "../domain/model.ts";
import type { Regime } from "../domain/regime.ts";
import { detectNoise, NOISE_TEXT } from "../domain/classify/index.ts";
// As the intake: provinces' and ministries' regimes read their plan/report titles first (issue 10).
import { classifyReports, sectionsOfKind } from "../domain/registry/index.ts";
import { checkSections } from "../domain/document/index.ts";
import { formatInstant } from "../domain/calendar/index.ts";
import { judgeReport } from "../domain/verdict/index.ts";
import { mailContext, type Deps } from "./context.ts";
import { composeReply } from "./compose-reply.ts";
import { BOT_HEADER, botMessageIdDomain } from "./outgoing.ts";
import { readDocuments } from "./read-documents.ts";
import { officeAddresses, replyTarget } from "./reply-target.ts";
import { holdReason } from "./held-replies.ts";
import type { SubmissionRecord } from "./store.ts";
import type { SubmissionJson } from "./submission-view.ts";
import { DecisionError } from "./decide.ts";

/** What checking uses: the settings, the document reader, the MIME parser, the mail texts. Nothing that writes. */
export type CheckDeps = Pick<Deps, "settings" | "documents" | "parse" | "texts" | "skeletonFor">;

/** One file to check: an .eml (a whole mail) or a document (.docx, .doc, .odt, .rtf, .pdf) as if attached alone. */
export interface CheckInput {
  file: string;
  content: Buffer;
  kind: "eml" | "document";
  contentType?: string;
}

export interface SectionEvidence {
  id: string;
  title: string;
  required: boolean;
  found: boolean;
  /** The heading as written in the document. */
  heading: string | null;
  /** Where: the file (or "body") and the block's position in it (1-based). */
  place: { file: string; block: number } | null;
}

export interface CheckEvidence {
  /** What the classification matched, and where (sender, subject, file name, document title, calendar…). */
  classification: Evidence[];
  /** Each section of the regime: found (heading, place) or missing. */
  sections: SectionEvidence[];
  /** Headings of section rank that no section claims (when a required section is missing). */
  unplaced: string[];
  /** The report's document ("body" for the mail's text), null when there is none. */
  reportFile: string | null;
  /** Every document read: its format, what went wrong, its secrecy stamp. */
  documents: { file: string; format: string; ok: boolean; problem: string | null; secret: string | null }[];
  /** Files beside the report: listed, never judged. */
  annexes: string[];
  /** Why the mail is noise, when it is. */
  noise: string | null;
}

/** One report found (contract.md "submissions --json" fields that apply, plus file, evidence, reply). */
/**
 * One verdict of `check`: the fields `submissions --json` shows for a recorded mail (same names, same meaning),
 * plus the file read, why, and the reply that would go. `messageId` is null for a document checked alone.
 */
export interface CheckResult
  extends Pick<
    SubmissionJson,
    "from" | "subject" | "receivedAt" | "regime" | "unit" | "kind" | "period" | "deadline" | "onTime" | "status" | "verdict" | "missingSections" | "attachments" | "reason" | "secret"
  > {
  file: string;
  messageId: string | null;
  evidence: CheckEvidence;
  reply: { subject: string; text: string } | null;
  /** True when the regime's holdReplies would hold this reply for the officer. */
  replyHeld: boolean;
}

/** Bad arguments of `check`, `explain`, `headings` (exit status 2, as every DecisionError). */
export class CheckError extends DecisionError {}

/** The regimes to check against: all, or the one named (unknown → CheckError, exit 2). */
export function regimesFor(deps: Pick<Deps, "settings">, regimeId: string | undefined): Regime[] {
  const all = deps.settings.regimes;
  if (!regimeId) return all;
  const r = all.find((x) => x.id === regimeId);
  if (!r) throw new CheckError(`Unknown regime "${regimeId}" (configured: ${all.map((x) => x.id).join(", ")}).`);
  return [r];
}

/**
 * Reads each file as the intake would; `at` is the receipt time (default: an .eml's Date header, else `now`).
 * `onProgress` is called after each file with how many are done (issue 9 §6: `check` of a folder shows progress).
 */
export async function checkFiles(
  deps: CheckDeps,
  inputs: CheckInput[],
  opts: { regime?: string; at?: Date; now: Date; onProgress?: (done: number, total: number) => void },
): Promise<CheckResult[]> {
  const regimes = regimesFor(deps, opts.regime);
  const out: CheckResult[] = [];
  for (const [i, input] of inputs.entries()) {
    const facts = input.kind === "eml" ? await emlFacts(deps, input, opts.at, opts.now) : documentFacts(input, opts.at ?? opts.now);
    out.push(...(await checkFacts(deps, facts, { file: input.file, regimes, isDocument: input.kind === "document" })));
    opts.onProgress?.(i + 1, inputs.length);
  }
  return out;
}

async function emlFacts(deps: CheckDeps, input: CheckInput, at: Date | undefined, now: Date): Promise<MailFacts> {
  const first = await deps.parse(input.content, at ?? now);
  if (at || !first.date) return first;
  return deps.parse(input.content, first.date);
}

function documentFacts(input: CheckInput, at: Date): MailFacts {
  const sha256 = createHash("sha256").update(input.content).digest("hex");
  const filename = input.file.split(/[\\/]/).pop() ?? input.file;
  return {
    messageId: `<${sha256}@check>`, from: null, fromName: null, to: [], cc: [], replyTo: [], subject: "", date: null, receivedAt: at,
    headers: {}, contentType: "multipart/mixed", inReplyTo: null, references: [], text: "",
    attachments: [{ filename, contentType: input.contentType ?? "application/octet-stream", size: input.content.length, sha256, content: input.content, fromForwarded: false }],
    forwarded: null, problems: [],
  };
}

const EMPTY_EVIDENCE = (noise: string | null, documents: CheckEvidence["documents"] = []): CheckEvidence => ({
  classification: [], sections: [], unplaced: [], reportFile: null, documents, annexes: [], noise,
});

/** How the intake reads one mail (or a lone document): one result per report found, at least one. */
export async function checkFacts(deps: CheckDeps, facts: MailFacts, ctx: { file: string; regimes: Regime[]; isDocument: boolean }): Promise<CheckResult[]> {
  const { settings } = deps;
  const zone = settings.timezone;
  const head = {
    file: ctx.file, messageId: ctx.isDocument ? null : facts.messageId, from: facts.from, subject: facts.subject, receivedAt: formatInstant(facts.receivedAt, zone),
  };
  const blank = (status: CheckResult["status"], reason: string | null, evidence: CheckEvidence): CheckResult => ({
    ...head, regime: null, unit: null, kind: null, period: null, deadline: null, onTime: null, status, verdict: null, missingSections: [],
    attachments: facts.attachments.map((a) => a.filename), reason, secret: null, evidence, reply: null, replyHeld: false,
  });

  if (!ctx.isDocument) {
    const fromOffice = !!facts.from && officeAddresses(settings).includes(facts.from);
    const unitAddress = (a: string | null) => !!a && settings.regimes.some((r) => r.units.some((u) => u.addresses.includes(a.toLowerCase())));
    const noise = detectNoise(facts, {
      botAddress: settings.mailFrom, botMessageIdDomain: botMessageIdDomain(settings.office.address), botHeader: BOT_HEADER.toLowerCase(),
      officeAddress: settings.office.address, isForwardedUnitReport: fromOffice && !!facts.forwarded && unitAddress(facts.forwarded.from),
    });
    if (noise) {
      const reason = `${noise.reason}: ${NOISE_TEXT[noise.reason]} (${noise.detail})`;
      return [blank("ignored", reason, EMPTY_EVIDENCE(reason))];
    }
    if (Object.keys(facts.headers).length === 0) return [blank("unclassified", "broken_mime: Thư không có phần đầu thư", EMPTY_EVIDENCE(null))];
  }

  const documents = await readDocuments(deps, facts);
  const docEvidence = documents.map((d) => ({
    file: d.filename ?? "body", format: d.read.format, ok: d.read.ok,
    problem: d.read.ok ? null : `${d.read.problem}${d.read.detail ? `: ${d.read.detail}` : ""}`, secret: d.read.ok ? (d.read.secret ?? null) : null,
  }));
  const candidates = classifyReports({ facts, documents }, ctx.regimes, { zone });
  if (candidates.length === 0) return [blank("unclassified", "no_report_evidence: Không thấy dấu hiệu báo cáo", EMPTY_EVIDENCE(null, docEvidence))];
  const originalFrom = facts.forwarded?.from ?? null;
  const results: CheckResult[] = [];
  for (const [index, candidate] of candidates.entries()) {
    const judged = judgeReport({ index, candidate, documents, regimes: ctx.regimes, receivedAt: facts.receivedAt, zone });
    const r = judged.record;
    const evidence = evidenceOf(r, judged.regime, documents, docEvidence);
    const unit = judged.regime?.units.find((u) => u.id === r.unit);
    // A lone document has no sender: the reply is shown as it would go to the unit's registered address.
    const replyTo = ctx.isDocument ? (unit?.addresses[0] ?? (unit ? `${unit.id}@don-vi` : null)) : replyTarget(settings, facts.from, originalFrom);
    const reply =
      judged.regime && (r.status === "accepted" || r.status === "rejected")
        ? composeReply(mailContext(deps), { facts, replyTo, record: r, regime: judged.regime, compileDeadline: judged.compileDeadline, earlierAccepted: false, now: facts.receivedAt })
        : null;
    results.push({
      ...head,
      regime: r.regime, unit: r.unit, kind: r.kind, period: r.period,
      deadline: r.deadline ? formatInstant(r.deadline, zone) : null, onTime: r.onTime, status: r.status, verdict: r.verdict,
      missingSections: r.missingSections, attachments: r.attachments, reason: r.reason, secret: r.secret, evidence,
      // A lone document answers no mail: its reply's subject is the template's own, without "Re: ".
      reply: reply ? { subject: ctx.isDocument ? reply.mail.subject.replace(/^Re: /, "") : reply.mail.subject, text: reply.mail.text } : null,
      replyHeld: !!(reply && judged.regime && holdReason(judged.regime, reply.purpose)),
    });
  }
  return results;
}

function evidenceOf(r: SubmissionRecord, regime: Regime | null, documents: DocumentFacts[], docEvidence: CheckEvidence["documents"]): CheckEvidence {
  const reportDoc = r.outline ? documents.find((d) => d.read.ok && d.read.outline === r.outline) : undefined;
  const reportFile = reportDoc ? (reportDoc.filename ?? "body") : null;
  const findings = (Array.isArray(r.findings) ? r.findings : []) as SectionFinding[];
  const regimeSections = regime ? sectionsOfKind(regime, r.kind as PeriodKind | null) : [];
  const sections: SectionEvidence[] = regimeSections.map((s) => {
    const f = findings.find((x) => x.id === s.id);
    const found = !!f?.found && !r.missingSections.includes(s.id);
    return {
      id: s.id, title: s.title, required: s.required, found,
      heading: f?.heading ?? null,
      place: f?.blockIndex != null && reportFile ? { file: reportFile, block: f.blockIndex + 1 } : null,
    };
  });
  const unplaced = regime && reportDoc?.read.ok ? (checkSections(reportDoc.read.outline, regimeSections).unplaced ?? []) : [];
  const annexes = r.attachments.filter((a) => a !== reportFile);
  return { classification: (r.evidence as Evidence[]) ?? [], sections, unplaced, reportFile, documents: docEvidence, annexes, noise: null };
}
