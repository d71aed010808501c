/**
 * Resource limits on hostile or broken input (issue 13 §1), in one place so that the configuration can feed them.
 * A mail or a file over a limit is an expected outcome with a specific reason, never a crash: a zip bomb that
 * exhausted the heap, or a 1,000-deep MIME nesting, must cost one worker or one message, not the daemon.
 */

export interface ResourceLimits {
  /** Whole message as the server stores it (IMAP RFC822.SIZE), read before the body is fetched. */
  messageBytes: number;
  /** One attachment, decoded. */
  attachmentBytes: number;
  /** Attachments in one message, forwarded mails' attachments included. */
  attachmentsPerMessage: number;
  /** Nesting of multipart / message parts. */
  mimeDepth: number;
  /** Sum of the uncompressed sizes in a ZIP container (.docx, .xlsx, .odt) as its central directory states them. */
  zipUncompressedBytes: number;
  /** Uncompressed / compressed over the whole archive; checked once the archive holds more than `zipRatioFloorBytes`. */
  zipRatio: number;
  /**
   * Below this much uncompressed data the ratio is not checked: a short, repetitive XML part compresses far
   * beyond 100:1 and costs nothing to read.
   */
  zipRatioFloorBytes: number;
  /** Wall-clock time to read one document (conversion included); the worker reading it is killed after it. */
  documentMs: number;
  /** V8 old-generation heap of a document worker. */
  workerHeapMb: number;
}

const MB = 1024 * 1024;

/** The shipped defaults (issue 13): 30 MB mail, 25 MB attachment, 50 attachments, depth 20, 200 MB / 100:1 zips, 20 s. */
export const DEFAULT_LIMITS: Readonly<ResourceLimits> = Object.freeze({
  messageBytes: 30 * MB,
  attachmentBytes: 25 * MB,
  attachmentsPerMessage: 50,
  mimeDepth: 20,
  zipUncompressedBytes: 200 * MB,
  zipRatio: 100,
  zipRatioFloorBytes: 10 * MB,
  // LibreOffice starts afresh for each conversion (its own profile): a cold start on a busy two-core server took
  // 30 s; a file that takes longer still goes to a person (timeout), never to the unit as broken.
  documentMs: 60_000,
  workerHeapMb: 256,
});

/** Defaults overridden by whatever the configuration sets. */
export function resolveLimits(overrides: Partial<ResourceLimits> = {}): ResourceLimits {
  const out: ResourceLimits = { ...DEFAULT_LIMITS };
  for (const [key, value] of Object.entries(overrides) as [keyof ResourceLimits, number | undefined][]) {
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** Reasons a mail or a file is set aside for a person because of a limit (stable codes, English). */
export type LimitReason = "too_large" | "too_many_parts" | "zip_bomb" | "timeout";

/**
 * Written by the IMAP mailbox at the top of the header-only stub of a message it did not fetch because the server
 * stated a size over the limit (imap-mailbox.ts): `X-Intake-Body-Omitted: size=104857600; limit=31457280`.
 */
export const BODY_OMITTED_HEADER = "X-Intake-Body-Omitted";
