/** What every use case is wired with. Built once by the composition root (src/main.ts). */
import type { Regime } from "../domain/regime.ts";
import type { MailFacts } from "../domain/message.ts";
import type { Archive, Clock, DocumentReader, Logger, Mailer, MailTexts, OutgoingAttachment, SentFolder } from "./ports.ts";
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
  clock: Clock;
  logger: Logger;
  /** Absent when SMTP is not configured: mail stays queued. */
  mailer?: Mailer;
  sentFolder?: SentFolder;
}
