-- Issue 13 §7: a processing lease per message, so two daemons on one database never ingest the same mail.
ALTER TABLE "Message" ADD COLUMN "leaseUntil" TIMESTAMP(3);
ALTER TABLE "Message" ADD COLUMN "leaseOwner" TEXT;

-- Issue 13 §3: the due retries of a mailbox are read through an index, never by loading the whole ledger.
CREATE INDEX "Message_mailbox_uidValidity_state_nextAttemptAt_idx" ON "Message"("mailbox", "uidValidity", "state", "nextAttemptAt");

-- Issue 13 §3: how far each (mailbox, UIDVALIDITY) has been listed (the UID watermark).
CREATE TABLE "MailboxCursor" (
    "mailbox" TEXT NOT NULL,
    "uidValidity" BIGINT NOT NULL,
    "cursor" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MailboxCursor_pkey" PRIMARY KEY ("mailbox", "uidValidity")
);
