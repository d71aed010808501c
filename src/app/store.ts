/**
 * The Store port: the ledger, submissions, outbox, scheduled-job records, drafts and people's actions.
 * Every method is safe to call again (re-running anything is safe); writes that belong together go through
 * one call so the adapter can make them one transaction (a verdict and the reply it calls for; a job and its mail).
 */
import type { OutgoingMail } from "./ports.ts";
import type { SubmissionRecord } from "../domain/verdict/index.ts";

export type { SubmissionRecord } from "../domain/verdict/index.ts";

export type MessageState = "received" | "processed" | "ignored" | "failed";

export interface MessageRow {
  id: number;
  mailbox: string;
  uidValidity: number;
  key: string;
  messageId: string;
  sha256: string;
  archivePath: string;
  receivedAt: Date;
  fromAddress: string | null;
  originalFrom: string | null;
  subject: string;
  state: MessageState;
  reason: string | null;
  attempts: number;
  nextAttemptAt: Date | null;
}

export interface SubmissionRow extends SubmissionRecord {
  id: number;
  messageRowId: number;
  messageId: string;
  receivedAt: Date;
  fromAddress: string | null;
  originalFrom: string | null;
  subject: string;
  archivePath: string;
  /** When the bot last recorded its message's outcome (the ledger's clock): a backlog mail is new to the digest then. */
  processedAt?: Date | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
}

export type OutboxPurpose = "receipt" | "khong_dat" | "reminder" | "chase" | "laggards" | "draft" | "digest" | "forward" | "answer" | "tracking" | "request";

export interface OutboxEntry {
  dedupeKey: string;
  purpose: OutboxPurpose;
  mail: OutgoingMail;
  rateLimited: boolean;
  notBefore: Date;
  relatedMessageId?: string | null;
  regime?: string | null;
  unit?: string | null;
  period?: string | null;
  /** Held for the officer's approval (regime holdReplies): why, in Vietnamese; the row waits in state "held". */
  hold?: string | null;
}

export interface OutboxRow extends OutboxEntry {
  id: number;
  messageId: string;
  recipient: string;
  /** "held": waits for the officer's release; "dropped": a held reply never sent (dropped by a person, or superseded). */
  state: "pending" | "sending" | "sent" | "failed" | "held" | "dropped";
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export interface DraftRow {
  id: number;
  regime: string;
  period: string;
  version: number;
  createdAt: Date;
  archivePath: string;
  sha256: string;
  /** Unit id → its state in this draft ("accepted@2"), compared by the next version. */
  included: Record<string, string>;
  summary: unknown;
  emailMessageId: string | null;
  reviewState: "pending" | "dat" | "khong_dat";
  reviewNote: string | null;
  reviewedBy: string | null;
  reviewedAt: Date | null;
}

export interface SubmissionFilter {
  regime?: string;
  period?: string;
  unit?: string;
  messageId?: string;
  /** Only these periods (issue 13 §3: the scheduler reads the active periods, not the regime's whole history). */
  periods?: string[];
  /** Only these statuses, these messages, received in [receivedFrom, receivedBefore) (the digest, issue 13 §3). */
  statuses?: SubmissionRow["status"][];
  messageIds?: string[];
  receivedFrom?: Date;
  receivedBefore?: Date;
  /**
   * Load each report's outline (its document's blocks, for the draft). Off by default: the scheduler and the
   * listings read every row of a regime each minute, and outlines are the bulk of the table.
   */
  withOutline?: boolean;
}

/** The ledger: one row per message seen, its state, its attempts (paperless-ngx's ProcessedMail). */
export interface LedgerStore {
  findMessage(mailbox: string, uidValidity: number, key: string): Promise<MessageRow | null>;
  /** Keys of (mailbox, uidValidity) that need no more work: processed or ignored, or failed and not yet due again. */
  settledKeys(mailbox: string, uidValidity: number, now: Date): Promise<Set<string>>;
  /** The same, asked only about `keys` (issue 13 §3: one query per chunk of new keys, never the whole ledger). */
  settledAmong(mailbox: string, uidValidity: number, keys: string[], now: Date): Promise<Set<string>>;
  /**
   * Keys that need work again (issue 13 §3), read by index: failed and due, or received and left by a process that
   * died (its lease expired or its process gone). Ascending by ledger row.
   */
  dueKeys(mailbox: string, uidValidity: number, now: Date): Promise<string[]>;
  /** How far (mailbox, uidValidity) has been listed (the mailbox adapter's cursor), or null before the first pass. */
  mailboxCursor(mailbox: string, uidValidity: number): Promise<string | null>;
  saveMailboxCursor(mailbox: string, uidValidity: number, cursor: string, now: Date): Promise<void>;
  /**
   * The processing lease (issue 13 §7): true when this process now holds the message (not settled, no live lease
   * held by another process); false when another daemon holds it — that one ingests it, this one skips it.
   * The lease runs on the machine's real time (not INTAKE_NOW) and ends with commitIngest or recordFailure.
   */
  claimMessage(messageRowId: number, now: Date): Promise<boolean>;
  /** Creates the ledger row in state "received" (or returns the existing one). */
  recordReceived(row: Omit<MessageRow, "id" | "state" | "reason" | "attempts" | "nextAttemptAt">): Promise<MessageRow>;
  /** Another ledger row, already settled, for the same Message-ID and bytes (a copy of the same mail). */
  findSettledDuplicate(messageId: string, sha256: string, exceptId: number): Promise<MessageRow | null>;
  /**
   * One transaction for one decision: the message's outcome, its submissions (replacing earlier rows of this
   * message), a chief's review of a draft when the message is one, and the mail it calls for. Outbox entries whose
   * dedupeKey exists already are skipped.
   */
  commitIngest(input: {
    messageRowId: number;
    state: MessageState;
    reason: string | null;
    originalFrom: string | null;
    fromAddress: string | null;
    subject: string;
    messageId: string;
    attachments: unknown;
    submissions: SubmissionRecord[];
    outbox: OutboxEntry[];
    draftReview?: { draftId: number; state: "dat" | "khong_dat"; note: string | null; by: string; at: Date };
    /** Held replies of earlier versions this message supersedes: dropped with the reason, in the same transaction. */
    dropHeld?: { id: number; reason: string }[];
    now: Date;
  }): Promise<void>;
  /**
   * Issue 13 §2, no poison message: an attempt is on record before the work starts (attempts + 1, the next attempt
   * not before `retryAt`), so a message that kills the process mid-work is tried again only after its backoff, and
   * the other mail is read meanwhile. A successful outcome clears it; a caught failure keeps the count.
   */
  recordAttempt(messageRowId: number, retryAt: Date | null): Promise<void>;
  /** Records a processing failure: state failed, next attempt at `retryAt` (null: given up), a `failed` submission row. The attempt itself was counted by recordAttempt. */
  recordFailure(messageRowId: number, reason: string, retryAt: Date | null, now: Date): Promise<void>;
}

/** The reports as recorded, and people's decisions on them. */
export interface SubmissionStore {
  listSubmissions(filter?: SubmissionFilter): Promise<SubmissionRow[]>;
  getSubmission(id: number): Promise<SubmissionRow | null>;
  /** Updates a submission after a person's decision (assign, review) with the mail that follows, in one transaction. */
  updateSubmission(
    id: number,
    patch: Partial<SubmissionRecord> & { decidedBy?: string; decidedAt?: Date; decisionNote?: string | null },
    outbox: OutboxEntry[],
    action: { kind: string; by: string; at: Date; detail: unknown },
  ): Promise<void>;
}

/** The transactional outbox: every mail the bot sends, under a stable key unique per intended mail. */
export interface OutboxStore {
  enqueue(entries: OutboxEntry[]): Promise<number>;
  dueOutbox(now: Date, limit: number): Promise<OutboxRow[]>;
  /** Marks a row as being sent; false when another process took it first. */
  claimOutbox(id: number, now: Date): Promise<boolean>;
  markSent(id: number, now: Date): Promise<void>;
  markRetry(id: number, error: string, retryAt: Date): Promise<void>;
  markFailed(id: number, error: string): Promise<void>;
  /** Sending rows left by a process that died: back to pending, with `note` as their lastError. */
  releaseStale(before: Date, note: string): Promise<number>;
  countRateLimitedSent(recipient: string, since: Date): Promise<{ count: number; oldest: Date | null }>;
  /** `purposes` and `sentFrom` narrow the rows read (the digest: the Không đạt sent since the last one). */
  listOutbox(opts?: { states?: OutboxRow["state"][]; purposes?: string[]; sentFrom?: Date }): Promise<OutboxRow[]>;
  /** How many rows are in these states, without reading them (a backlog may queue thousands). */
  countOutbox(states: OutboxRow["state"][]): Promise<number>;
}

/** Scheduled jobs (reminders, chases, drafts, summaries, digests): each recorded once under its key. */
export interface JobStore {
  jobDone(key: string): Promise<boolean>;
  /** Which of `keys` are recorded: one query for a tick's jobs instead of one each (issue 13 §3, no N+1). */
  jobsDone(keys: string[]): Promise<Set<string>>;
  /** When the latest job of `kind` recorded before `before` was due (the previous digest), or null. */
  lastJobDue(kind: string, before: Date): Promise<Date | null>;
  /** Records the job and queues its mail in one transaction; false when the key was already recorded (by anyone). */
  commitJob(job: JobRecord, outbox: OutboxEntry[]): Promise<boolean>;
  /**
   * The go-live instant (issue 9 item 4), recorded once by the first process that acts on the database: `now` on an
   * empty database (no ledger row, no job row); the epoch on one that already holds earlier work (an upgrade, whose
   * behaviour stays as it was). With `record: false` it is only read — what it is, or would be — for dry runs.
   */
  goLive(now: Date, opts?: { record?: boolean }): Promise<Date>;
}

/** A scheduled job as recorded. */
export interface JobRecord {
  key: string;
  kind: string;
  dueAt: Date;
  detail: unknown;
}

/** The compiled drafts, their versions and the chief's review. */
export interface DraftStore {
  listDrafts(filter?: { regime?: string; period?: string; periods?: string[] }): Promise<DraftRow[]>;
  /**
   * Records a new draft version and queues its email in one transaction; with `job`, the scheduled job that made it
   * is recorded in that same transaction (false-y result when the job was already recorded by another process).
   */
  commitDraft(draft: Omit<DraftRow, "id" | "createdAt" | "reviewState" | "reviewNote" | "reviewedBy" | "reviewedAt">, outbox: OutboxEntry[], job?: JobRecord): Promise<DraftRow | null>;
  findDraftByEmail(messageIds: string[]): Promise<DraftRow | null>;
}

/** Everything the store adapter offers; each use case takes only the parts it uses. */
/** An ad-hoc (đột xuất) request to units (issue 10 item 4); its answers are submissions whose period is `code`. */
export interface RequestRow {
  id: number;
  /** "YC-2026-001". */
  code: string;
  regime: string;
  title: string;
  deadline: Date;
  units: string[];
  /** Section ids an answer must contain. */
  sections: string[];
  /** Message-IDs of the request mails (one per unit): answers in their thread name one. */
  messageIds: string[];
  attachmentName: string | null;
  attachmentPath: string | null;
  requestedBy: string;
  createdAt: Date;
}

export interface RequestStore {
  /** Every request code issued (the next one is numbered after them, per year). */
  requestCodes(): Promise<string[]>;
  /** Records the request and queues its mails in one transaction; null when its code was taken meanwhile. */
  commitRequest(request: Omit<RequestRow, "id" | "createdAt">, outbox: OutboxEntry[]): Promise<RequestRow | null>;
  listRequests(filter?: { regime?: string; code?: string }): Promise<RequestRow[]>;
}

export interface Store extends LedgerStore, SubmissionStore, OutboxStore, JobStore, DraftStore, HeldStore, ActionStore, RequestStore {
  close(): Promise<void>;
}

/** A person's recorded action (assign, review, release, drop, a mail command): who and when. */
export interface ActionRow {
  id: number;
  kind: string;
  /** The message the action is about (a unit's Message-ID), or the outbox mail's own Message-ID. */
  messageId: string;
  by: string;
  at: Date;
  detail: unknown;
}

/** Held replies (issue 11 item 3): released or dropped exactly once, each recorded with who. */
export interface HeldStore {
  /**
   * Moves a held row to "pending" (release, due at `action.at`) or "dropped" (with `note` as its reason), and records
   * the action, in one transaction. False when the row is not held (any more): released or dropped already.
   */
  settleHeld(id: number, to: "pending" | "dropped", note: string | null, action: { kind: string; by: string; at: Date; detail: unknown }): Promise<boolean>;
  /** The daily digest whose mail has one of these Message-IDs (a reply's In-Reply-To/References), with its detail. */
  findDigest(messageIds: string[]): Promise<{ key: string; detail: unknown } | null>;
}

export interface ActionStore {
  listActions(filter?: { messageId?: string; kind?: string }): Promise<ActionRow[]>;
}
