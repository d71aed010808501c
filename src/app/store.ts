/**
 * The Store port: the ledger, submissions, outbox, scheduled-job records, drafts and people's actions.
 * Every method is safe to call again (re-running anything is safe); writes that belong together go through
 * one call so the adapter can make them one transaction (a verdict and the reply it calls for; a job and its mail).
 */
import type { OutgoingMail } from "./ports.ts";

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

export interface SubmissionRecord {
  index: number;
  regime: string | null;
  unit: string | null;
  kind: string | null;
  period: string | null;
  deadline: Date | null;
  onTime: boolean | null;
  lateSeconds: number | null;
  status: "accepted" | "rejected" | "unclassified" | "ignored" | "failed";
  verdict: "dat" | "khong_dat" | null;
  missingSections: string[];
  findings: unknown;
  verdictDetail: unknown;
  evidence: unknown;
  confidence: number;
  attachments: string[];
  outline: unknown | null;
  secret: string | null;
  reason: string | null;
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
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
}

export type OutboxPurpose = "receipt" | "khong_dat" | "reminder" | "chase" | "laggards" | "draft" | "digest" | "forward";

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
}

export interface OutboxRow extends OutboxEntry {
  id: number;
  messageId: string;
  recipient: string;
  state: "pending" | "sending" | "sent" | "failed";
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
  sentAt: Date | null;
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
  /**
   * Load each report's outline (its document's blocks, for the draft). Off by default: the scheduler and the
   * listings read every row of a regime each minute, and outlines are the bulk of the table.
   */
  withOutline?: boolean;
}

export interface Store {
  // Ledger
  findMessage(mailbox: string, uidValidity: number, key: string): Promise<MessageRow | null>;
  /** Keys of (mailbox, uidValidity) that need no more work: processed or ignored, or failed and not yet due again. */
  settledKeys(mailbox: string, uidValidity: number, now: Date): Promise<Set<string>>;
  /** Creates the ledger row in state "received" (or returns the existing one). */
  recordReceived(row: Omit<MessageRow, "id" | "state" | "reason" | "attempts" | "nextAttemptAt">): Promise<MessageRow>;
  /** Another ledger row, already settled, for the same Message-ID and bytes (a copy of the same mail). */
  findSettledDuplicate(messageId: string, sha256: string, exceptId: number): Promise<MessageRow | null>;
  /**
   * One transaction: the message's outcome, its submissions (replacing earlier rows of this message), and the mail
   * it calls for. Outbox entries whose dedupeKey exists already are skipped.
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
    now: Date;
  }): Promise<void>;
  /** Records a processing failure: state failed, attempts+1, next attempt at `retryAt` (null: given up), a `failed` submission row. */
  recordFailure(messageRowId: number, reason: string, retryAt: Date | null, now: Date): Promise<void>;

  // Submissions
  listSubmissions(filter?: SubmissionFilter): Promise<SubmissionRow[]>;
  getSubmission(id: number): Promise<SubmissionRow | null>;
  /** Updates a submission after a person's decision (assign, review) with the mail that follows, in one transaction. */
  updateSubmission(
    id: number,
    patch: Partial<SubmissionRecord> & { decidedBy?: string; decidedAt?: Date; decisionNote?: string | null },
    outbox: OutboxEntry[],
    action: { kind: string; by: string; at: Date; detail: unknown },
  ): Promise<void>;

  // Outbox
  enqueue(entries: OutboxEntry[]): Promise<number>;
  dueOutbox(now: Date, limit: number): Promise<OutboxRow[]>;
  /** Marks a row as being sent; false when another process took it first. */
  claimOutbox(id: number, now: Date): Promise<boolean>;
  markSent(id: number, now: Date): Promise<void>;
  markRetry(id: number, error: string, retryAt: Date): Promise<void>;
  markFailed(id: number, error: string): Promise<void>;
  /** Sending rows left by a process that died: back to pending. */
  releaseStale(before: Date): Promise<number>;
  countRateLimitedSent(recipient: string, since: Date): Promise<{ count: number; oldest: Date | null }>;
  listOutbox(opts?: { states?: OutboxRow["state"][] }): Promise<OutboxRow[]>;
  outboxExists(dedupeKey: string): Promise<boolean>;

  // Scheduled jobs
  jobDone(key: string): Promise<boolean>;
  /** Records the job and queues its mail in one transaction; false when the key was already recorded (by anyone). */
  commitJob(job: { key: string; kind: string; dueAt: Date; detail: unknown }, outbox: OutboxEntry[]): Promise<boolean>;

  // Drafts
  listDrafts(filter?: { regime?: string; period?: string }): Promise<DraftRow[]>;
  /** Records a new draft version and queues its email in one transaction. */
  commitDraft(draft: Omit<DraftRow, "id" | "createdAt" | "reviewState" | "reviewNote" | "reviewedBy" | "reviewedAt" | "sentAt">, outbox: OutboxEntry[]): Promise<DraftRow>;
  findDraftByEmail(messageIds: string[]): Promise<DraftRow | null>;
  reviewDraft(id: number, review: { state: "dat" | "khong_dat"; note: string | null; by: string; at: Date }, outbox: OutboxEntry[]): Promise<void>;

  close(): Promise<void>;
}
