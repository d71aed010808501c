/** What every use case is wired with. Built once by the composition root (src/main.ts). */
import type { Regime } from "../domain/regime.ts";
import type { MailFacts } from "../domain/message.ts";
import type { DraftSkeleton } from "../domain/draft/index.ts";
import type { Archive, Clock, DocumentReader, DraftWriter, Logger, Mailer, MailTexts, OriginalFiles, OutgoingAttachment, SentFolder } from "./ports.ts";
import type { Store } from "./store.ts";

export interface Person {
  name: string;
  address: string;
}

export interface Settings {
  timezone: string;
  office: {
    name: string;
    address: string;
    chief: Person;
    leadership?: Person[];
    officers?: Person[];
  };
  regimes: Regime[];
  /** From header of what the bot sends. */
  mailFrom: string;
  /**
   * Issue 13 §8: the authserv-id of the office's own mail server (regimes file `trustAuthenticationResults`). When
   * set, a mail in the name of a unit, the chief or an officer that this server found forged is not attributed.
   */
  trustAuthenticationResults?: string;
  /**
   * Go-live line set in the regimes file (`answerSince`): mail received before it is not answered, jobs due before
   * it are skipped. Absent: the first start, recorded in the database (JobStore.goLive).
   */
  answerSince?: Date;
}

/**
 * What composing the bot's mail needs, as plain values: the zone, the addresses, the office's mail texts and the
 * report skeletons. Built from Deps by `mailContext`; pure planners take this, not Deps.
 */
export interface MailContext {
  zone: string;
  mailFrom: string;
  officeAddress: string;
  texts: MailTexts;
  skeletonFor: (kind: string) => OutgoingAttachment | null;
}

export function mailContext(deps: Pick<Deps, "settings" | "texts" | "skeletonFor">): MailContext {
  return { zone: deps.settings.timezone, mailFrom: deps.settings.mailFrom, officeAddress: deps.settings.office.address, texts: deps.texts, skeletonFor: deps.skeletonFor };
}

export interface Deps {
  settings: Settings;
  store: Store;
  archive: Archive;
  documents: DocumentReader;
  parse: (raw: Buffer, receivedAt: Date) => Promise<MailFacts>;
  texts: MailTexts;
  /** The unit report skeleton for a period kind (templates/skeletons), attached to Không đạt replies. */
  skeletonFor: (kind: string) => OutgoingAttachment | null;
  /** The office-editable draft skeleton of a regime (templates/draft), loaded and checked at start. */
  draftSkeleton: (regimeId: string) => DraftSkeleton;
  draftWriter: DraftWriter;
  originalFiles: OriginalFiles;
  clock: Clock;
  logger: Logger;
  /** Absent when SMTP is not configured: mail stays queued. */
  mailer?: Mailer;
  sentFolder?: SentFolder;
}
