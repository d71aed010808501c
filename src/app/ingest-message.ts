/**
 * Ingest one received message: archive it raw before anything else, record it in the ledger, read it, set noise
 * aside, classify, judge each report and queue the reply it calls for, all in one transaction. One bad message
 * never stops the batch: an unexpected failure is recorded with its reason and retried later.
 */
import type { DocumentFacts, MailFacts } from "../domain/message.ts";
import type { Regime } from "../domain/regime.ts";
// Issue 10: provinces' and ministries' regimes read their plan/report titles first, then the general classifier.
import { classifyReports } from "../domain/registry/index.ts";
import { detectNoise, NOISE_TEXT } from "../domain/classify/index.ts";
import { mailContext, type Deps } from "./context.ts";
import type { RawMessage } from "./ports.ts";
import type { DraftStore, JobStore, LedgerStore, OutboxEntry, RequestStore, SubmissionRecord, SubmissionStore } from "./store.ts";
import { requestAnswered, requestCandidate } from "../domain/requests/index.ts";
import { requestTarget } from "./request-targets.ts";
import type { Period } from "../domain/model.ts";
import { BOT_HEADER, botMessageIdDomain } from "./outgoing.ts";
import { judgeReport } from "../domain/verdict/index.ts";
import { composeReply } from "./compose-reply.ts";
import { handleDraftAnswer, type DraftAnswer } from "./draft-answer.ts";
import { readDocuments } from "./read-documents.ts";
import { officeAddresses, replyTarget } from "./reply-target.ts";
import { authenticationFailure } from "./sender-authentication.ts";
import { documentLimitReason, mailLimitReason } from "./limit-outcome.ts";
import { holdReason, supersededHeld } from "./held-replies.ts";
import { handleMailCommand, type MailCommandDeps } from "./mail-command.ts";

export type IngestOutcome = "skipped" | "processed" | "ignored" | "failed" | "duplicate";

const NO_HEADER = "broken_mime: Thư không đúng định dạng (không có phần đầu thư), không xác định được người gửi; chuyển chuyên viên tổng hợp xem bản lưu";

/** Retry delays after a failure: 1 min, 5 min, 30 min, 2 h, 6 h; then a person must look (`failed`, no retry). */
const RETRY_MINUTES = [1, 5, 30, 120, 360];

/** What ingesting a message uses: no draft writer, no mailer (replies are queued, delivery is another use case). */
export type IngestDeps = Pick<Deps, "settings" | "archive" | "documents" | "parse" | "texts" | "skeletonFor" | "clock" | "logger"> & {
  store: LedgerStore & Pick<SubmissionStore, "listSubmissions"> & Pick<DraftStore, "findDraftByEmail"> & Pick<JobStore, "goLive"> & Pick<RequestStore, "listRequests"> & MailCommandDeps["store"];
};

export async function ingestMessage(deps: IngestDeps, raw: RawMessage): Promise<IngestOutcome> {
  return finishIngest(deps, await beginIngest(deps, raw));
}

/**
 * A message ingested up to its reading (issue 13 §4): archived, recorded, claimed, its attempt counted, parsed, and
 * its documents handed to the reader. `finishIngest` judges and commits it. A backlog begins the next messages
 * while an earlier one is finished, so the document workers read ahead and the one writer commits in order.
 */
export type BegunIngest =
  | { kind: "settled"; outcome: IngestOutcome }
  | {
      kind: "claimed";
      raw: RawMessage;
      row: { id: number; attempts: number };
      archived: { sha256: string };
      now: Date;
      answerSince: Date;
      /** The parsed message, or what parsing threw (recorded as the attempt's failure by `finishIngest`). */
      parsed: { facts: MailFacts } | { error: unknown };
      /** The documents' reading, started at once; null when the mail is over a limit (nothing is read). */
      documents: Promise<DocumentFacts[]> | null;
    };

export async function beginIngest(deps: IngestDeps, raw: RawMessage): Promise<BegunIngest> {
  const log = deps.logger.child({ mailbox: raw.mailbox, key: raw.key });
  const settled = (outcome: IngestOutcome): BegunIngest => ({ kind: "settled", outcome });
  const existing = await deps.store.findMessage(raw.mailbox, raw.uidValidity, raw.key);
  // A settled message was archived when first seen (or its archive removed after the retention, issue 10 §7):
  // it is neither archived again nor ingested again.
  if (existing && (existing.state === "processed" || existing.state === "ignored")) return settled("skipped");
  const archived = await deps.archive.put(raw.source, ".eml");
  const now = deps.clock.now();
  if (existing && existing.state === "failed" && existing.nextAttemptAt && existing.nextAttemptAt > now) return settled("skipped");
  // Issue 9 (go-live): established before the first ledger row, so a first start sees an empty database.
  const goLive = await deps.store.goLive(now);
  const answerSince = deps.settings.answerSince ?? goLive;
  const row =
    existing ??
    (await deps.store.recordReceived({
      mailbox: raw.mailbox,
      uidValidity: raw.uidValidity,
      key: raw.key,
      messageId: quickMessageId(raw.source) ?? `<${archived.sha256}@missing>`,
      sha256: archived.sha256,
      archivePath: archived.path,
      receivedAt: raw.internalDate,
      fromAddress: quickFrom(raw.source),
      originalFrom: null,
      subject: "",
    }));
  // Issue 13 §7: a processing lease, so that of two daemons on one database exactly one ingests the message; the
  // other skips it instead of recording a failure.
  if (!(await deps.store.claimMessage(row.id, now))) {
    log.debug({}, "message held by another process: skipped");
    return settled("skipped");
  }

  // Issue 13 §2, no poison message: the attempt is recorded before the work starts, so a message that kills the
  // process (a file that exhausts memory) is not read again at every start: once more at once (the process may have
  // been stopped for another reason), then after 1, 5, 30 min, 2 h, 6 h; then it is set aside for a person.
  if (row.attempts > RETRY_MINUTES.length) {
    const reason = `processing_error: Không xử lý được thư sau ${row.attempts} lần thử (chương trình dừng giữa chừng khi đọc thư), chuyển chuyên viên tổng hợp xem bản lưu`;
    log.error({ attempts: row.attempts }, "message set aside after its attempts: a person must look");
    await deps.store.recordFailure(row.id, reason, null, now);
    return settled("failed");
  }
  await deps.store.recordAttempt(row.id, new Date(now.getTime() + (row.attempts === 0 ? 0 : RETRY_MINUTES[row.attempts - 1]!) * 60_000));

  let parsed: { facts: MailFacts } | { error: unknown };
  try {
    parsed = { facts: await deps.parse(raw.source, raw.internalDate) };
  } catch (error) {
    parsed = { error };
  }
  // The reading starts now, in the reader's workers, and is awaited when the message is judged. A mail over a
  // limit (size, parts, nesting) or without any header is never read. Its rejection is handled where it is awaited;
  // the empty catch only keeps an early rejection from being reported as unhandled meanwhile.
  const facts = "facts" in parsed ? parsed.facts : null;
  const readable = facts !== null && Object.keys(facts.headers).length > 0 && !mailLimitReason(facts.problems);
  const documents = readable ? readDocuments(deps, facts) : null;
  documents?.catch(() => undefined);
  return { kind: "claimed", raw, row, archived, now, answerSince, parsed, documents };
}

export async function finishIngest(deps: IngestDeps, begun: BegunIngest): Promise<IngestOutcome> {
  if (begun.kind === "settled") return begun.outcome;
  const { raw, row, archived, now, answerSince } = begun;
  const log = deps.logger.child({ mailbox: raw.mailbox, key: raw.key });
  try {
    if ("error" in begun.parsed) throw begun.parsed.error;
    const { facts } = begun.parsed;
    const log2 = log.child({ messageId: facts.messageId });
    const duplicate = await deps.store.findSettledDuplicate(facts.messageId, archived.sha256, row.id);
    const outcome = duplicate
      ? {
          state: "ignored" as const,
          reason: `duplicate: Thư trùng với thư đã ghi nhận (${duplicate.mailbox} ${duplicate.key})`,
          submissions: [ignoredRecord(`duplicate: Thư trùng với thư đã ghi nhận`)],
          outbox: [],
          originalFrom: null,
        }
      : await evaluate(deps, facts, now, begun.documents);
    // Mail already in the mailbox when the bot went live is recorded (history, tracking table, KPI) but never
    // answered: a unit is not told today about what it sent last month (issue 9 item 4).
    if (outcome.outbox.length > 0 && raw.internalDate.getTime() < answerSince.getTime()) {
      log2.info({ answerSince: answerSince.toISOString(), replies: outcome.outbox.length }, "received before go-live: recorded, not answered");
      outcome.outbox = [];
    }
    await deps.store.commitIngest({
      messageRowId: row.id,
      state: outcome.state,
      // A mail repaired while parsing (missing boundary, unknown charset) keeps what was wrong in the ledger.
      reason: outcome.reason ?? (facts.problems.length ? `mime_problems: ${facts.problems.join("; ")}`.slice(0, 1000) : null),
      originalFrom: outcome.originalFrom,
      fromAddress: facts.from,
      subject: facts.subject,
      messageId: facts.messageId,
      attachments: facts.attachments.map((a) => ({ filename: a.filename, size: a.size, sha256: a.sha256, contentType: a.contentType })),
      submissions: outcome.submissions,
      outbox: outcome.outbox,
      ...(outcome.draftReview ? { draftReview: outcome.draftReview } : {}),
      ...("dropHeld" in outcome && outcome.dropHeld?.length ? { dropHeld: outcome.dropHeld } : {}),
      now,
    });
    log2.info({ state: outcome.state, reports: outcome.submissions.length, replies: outcome.outbox.length }, "message ingested");
    return duplicate ? "duplicate" : outcome.state === "ignored" ? "ignored" : "processed";
  } catch (err) {
    const attempt = row.attempts;
    const delay = RETRY_MINUTES[attempt];
    const retryAt = delay === undefined ? null : new Date(now.getTime() + delay * 60_000);
    // contract.md: a reason is a short English code plus Vietnamese text for people; the error itself follows.
    const told = retryAt ? "Chưa xử lý được thư, hệ thống sẽ tự thử lại" : "Không xử lý được thư sau nhiều lần thử, chuyển chuyên viên tổng hợp xem bản lưu";
    const reason = `processing_error: ${told} (${err instanceof Error ? err.message : String(err)})`.slice(0, 500);
    log.error({ err, attempt: attempt + 1, retryAt }, "message could not be processed; recorded for retry");
    await deps.store.recordFailure(row.id, reason, retryAt, now);
    return "failed";
  }
}

interface Evaluation {
  state: "processed" | "ignored";
  reason: string | null;
  submissions: SubmissionRecord[];
  outbox: OutboxEntry[];
  originalFrom: string | null;
  /** A chief's review of a draft, recorded in the same transaction as the message's outcome. */
  draftReview?: DraftAnswer["review"];
  /** Held replies to earlier versions that this message's reports supersede (contract.md "Replies to reports"). */
  dropHeld?: { id: number; reason: string }[];
}

function ignoredRecord(reason: string): SubmissionRecord {
  return {
    index: 0, regime: null, unit: null, kind: null, period: null, deadline: null, onTime: null, lateSeconds: null,
    status: "ignored", verdict: null, missingSections: [], findings: [], verdictDetail: {}, evidence: [], confidence: 0,
    attachments: [], outline: null, secret: null, reason,
  };
}

/** A registered unit's address, the chief's, Lãnh đạo Cục's, or the office's and its officers'. */
function knownSender(settings: IngestDeps["settings"], address: string): boolean {
  const a = address.toLowerCase();
  const o = settings.office;
  return unitAddress(settings.regimes, a) || officeAddresses(settings).includes(a) || [o.chief, ...(o.leadership ?? [])].some((p) => p.address.toLowerCase() === a);
}

function unitAddress(regimes: Regime[], address: string | null): boolean {
  if (!address) return false;
  const a = address.toLowerCase();
  return regimes.some((r) => r.units.some((u) => u.addresses.includes(a)));
}

async function evaluate(deps: IngestDeps, facts: MailFacts, now: Date, reading: Promise<DocumentFacts[]> | null): Promise<Evaluation> {
  const { settings } = deps;
  const fromOffice = !!facts.from && officeAddresses(settings).includes(facts.from);
  // contract.md: a report the officer forwards from a registered unit is that unit's report.
  const forwardedUnitReport = fromOffice && !!facts.forwarded && unitAddress(settings.regimes, facts.forwarded.from);
  // contract.md "submissions --json": originalFrom is the original sender of any forwarded report (noise has none).
  const originalFrom = facts.forwarded?.from ?? null;

  const noise = detectNoise(facts, {
    botAddress: settings.mailFrom,
    botMessageIdDomain: botMessageIdDomain(settings.office.address),
    botHeader: BOT_HEADER.toLowerCase(),
    officeAddress: settings.office.address,
    isForwardedUnitReport: forwardedUnitReport,
  });

  // Issue 13 §8: a mail in the name of a unit, the chief or an officer that the office's own server found forged is
  // not attributed: no review, no command, no report, nothing sent to the forged address; a person looks.
  const forged = settings.trustAuthenticationResults && facts.from && knownSender(settings, facts.from)
    ? authenticationFailure(facts.headers, settings.trustAuthenticationResults)
    : null;
  if (forged) {
    const reason = `auth_failed: Thư mang địa chỉ ${facts.from} nhưng máy chủ thư của cơ quan xác định không phải do địa chỉ đó gửi (${forged}); không ghi nhận, chuyển chuyên viên tổng hợp xem`;
    return { state: "processed", reason, submissions: [{ ...ignoredRecord(reason), status: "unclassified" }], outbox: [], originalFrom: null };
  }

  // The chief's answer to a draft (QT.VP.03 §6.2.4) is recorded against that draft version.
  const draftAnswer = await handleDraftAnswer(deps, facts, now);
  if (draftAnswer) {
    return { state: "processed", reason: draftAnswer.reason, submissions: [ignoredRecord(draftAnswer.reason)], outbox: draftAnswer.outbox, originalFrom: null, draftReview: draftAnswer.review };
  }

  // Issue 11: the officer's commands in a reply to the digest ("Duyệt 1", "Hủy 2: …", "Gán 4: …").
  const command = noise && noise.reason !== "officer_mail" ? null : await handleMailCommand(deps, facts, now);
  if (command) {
    return { state: "processed", reason: command.reason, submissions: [ignoredRecord(command.reason)], outbox: command.outbox, originalFrom: null };
  }

  if (noise) {
    const reason = `${noise.reason}: ${NOISE_TEXT[noise.reason]} (${noise.detail})`;
    return { state: "ignored", reason, submissions: [ignoredRecord(reason)], outbox: [], originalFrom: null };
  }

  // RFC 5322 §2.1: a message is header fields, then a body. With no header at all nothing tells who sent it or
  // what it is: a person looks at the archived source (the unit cannot be answered either).
  if (Object.keys(facts.headers).length === 0) {
    return { state: "processed", reason: NO_HEADER, submissions: [{ ...ignoredRecord(NO_HEADER), status: "unclassified" }], outbox: [], originalFrom: null };
  }

  // Issue 13 §1: a mail over a limit (size, parts, nesting) or with a file over one (zip bomb, size, time) is
  // archived and set aside for a person with its reason; the unit is not answered on what could not be read.
  const overMail = mailLimitReason(facts.problems);
  if (overMail) return { state: "processed", reason: overMail, submissions: [{ ...ignoredRecord(overMail), status: "unclassified" }], outbox: [], originalFrom };
  // Begun by `beginIngest` (read ahead in a backlog); a mail evaluated without it is read here.
  const documents = await (reading ?? readDocuments(deps, facts));
  const overFile = documentLimitReason(documents);
  if (overFile) return { state: "processed", reason: overFile, submissions: [{ ...ignoredRecord(overFile), status: "unclassified" }], outbox: [], originalFrom };
  // Issue 10 item 4: an answer to an ad-hoc request (in its thread, or citing its code) is judged against that
  // request: its units, its sections, its deadline; its period is the request's code.
  const answer = await requestAnswer(deps, facts, documents);
  const candidates = answer ? [answer.candidate] : classifyReports({ facts, documents }, settings.regimes, { zone: settings.timezone });
  const judgeRegimes = answer ? [answer.regime] : settings.regimes;
  const submissions: SubmissionRecord[] = [];
  const outbox: OutboxEntry[] = [];
  const replyTo = replyTarget(settings, facts.from, originalFrom);
  const dropHeld: { id: number; reason: string }[] = [];
  const held = candidates.length ? await deps.store.listOutbox({ states: ["held"] }) : [];
  for (const [index, candidate] of candidates.entries()) {
    const judged = judgeReport({
      index, candidate, documents, regimes: judgeRegimes, receivedAt: facts.receivedAt, zone: settings.timezone, ...(answer ? { period: answer.period } : {}),
    });
    submissions.push(judged.record);
    if (!judged.regime || (judged.record.status !== "accepted" && judged.record.status !== "rejected")) continue;
    const earlierAccepted =
      judged.record.verdict === "khong_dat" &&
      (await deps.store.listSubmissions({ regime: judged.regime.id, unit: judged.record.unit ?? "", period: judged.record.period ?? "" })).some(
        (s) => s.status === "accepted" && s.receivedAt.getTime() <= facts.receivedAt.getTime(),
      );
    const reply = composeReply(mailContext(deps), {
      facts, replyTo, record: judged.record, regime: judged.regime, compileDeadline: judged.compileDeadline, earlierAccepted, now,
    });
    // Issue 11: the regime may hold the reply for the officer's approval.
    const hold = reply ? holdReason(judged.regime, reply.purpose) : null;
    if (reply) outbox.push(hold ? { ...reply, hold } : reply);
    if (held.length && judged.record.unit && judged.record.period) {
      const versions = await deps.store.listSubmissions({ regime: judged.regime.id, unit: judged.record.unit, period: judged.record.period });
      dropHeld.push(...supersededHeld(held, versions, { regime: judged.regime.id, unit: judged.record.unit, period: judged.record.period, messageId: facts.messageId, receivedAt: facts.receivedAt }));
    }
  }
  return { state: "processed", reason: null, submissions, outbox, originalFrom, dropHeld };
}

/** The request a mail answers (by thread, by the code in its subject, or in its body), as a report candidate. */
async function requestAnswer(
  deps: IngestDeps,
  facts: MailFacts,
  documents: Parameters<typeof requestCandidate>[0]["documents"],
): Promise<{ candidate: ReturnType<typeof requestCandidate>; regime: Regime; period: Period } | null> {
  const requests = await deps.store.listRequests();
  if (requests.length === 0) return null;
  const fwd = facts.forwarded;
  const found = requestAnswered(
    {
      subject: fwd?.subject ? `${facts.subject}\n${fwd.subject}` : facts.subject,
      inReplyTo: facts.inReplyTo,
      references: facts.references,
      text: fwd ? `${facts.text}\n${fwd.text}` : facts.text,
    },
    requests,
  );
  if (!found) return null;
  const row = requests.find((r) => r.code === found.request.code)!;
  const target = requestTarget(deps.settings.regimes, row, deps.settings.timezone);
  if (!target) return null;
  return { candidate: requestCandidate({ facts, documents }, target.regime, target.base, { code: row.code, by: found.by }), regime: target.regime, period: target.period };
}

/** The Message-ID header, read cheaply before parsing so the ledger row has it even if parsing fails. */
function headerBlock(source: Buffer): string {
  const head = source.subarray(0, 64 * 1024).toString("latin1");
  const end = head.search(/\r?\n\r?\n/);
  return end >= 0 ? head.slice(0, end) : head;
}

function quickMessageId(source: Buffer): string | null {
  const m = /^message-id:\s*(<[^>\r\n]+>)/im.exec(headerBlock(source));
  return m?.[1] ?? null;
}

/** The bare From address read from the raw header block, so a message that fails before parsing still shows its sender. */
function quickFrom(source: Buffer): string | null {
  const field = /^from:[ \t]*(.*(?:\r?\n[ \t].*)*)/im.exec(headerBlock(source))?.[1];
  if (!field) return null;
  const m = /<([^<>\s@]+@[^<>\s@]+)>/.exec(field) ?? /([^\s<>"',;:()]+@[^\s<>"',;:()]+\.[A-Za-z]{2,})/.exec(field);
  return m ? m[1]!.toLowerCase() : null;
}
