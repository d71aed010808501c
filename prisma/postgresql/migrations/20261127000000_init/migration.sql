-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Message" (
    "id" SERIAL NOT NULL,
    "mailbox" TEXT NOT NULL,
    "uidValidity" BIGINT NOT NULL,
    "uid" BIGINT NOT NULL,
    "key" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "archivePath" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "fromAddress" TEXT,
    "originalFrom" TEXT,
    "subject" TEXT NOT NULL DEFAULT '',
    "state" TEXT NOT NULL DEFAULT 'received',
    "reason" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "attachments" TEXT NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Submission" (
    "id" SERIAL NOT NULL,
    "messageRowId" INTEGER NOT NULL,
    "index" INTEGER NOT NULL DEFAULT 0,
    "messageId" TEXT NOT NULL,
    "regime" TEXT,
    "unit" TEXT,
    "kind" TEXT,
    "period" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "deadline" TIMESTAMP(3),
    "onTime" BOOLEAN,
    "lateSeconds" INTEGER,
    "status" TEXT NOT NULL,
    "verdict" TEXT,
    "missingSections" TEXT NOT NULL DEFAULT '[]',
    "findings" TEXT NOT NULL DEFAULT '[]',
    "verdictDetail" TEXT NOT NULL DEFAULT '{}',
    "evidence" TEXT NOT NULL DEFAULT '[]',
    "confidence" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "attachments" TEXT NOT NULL DEFAULT '[]',
    "outline" TEXT,
    "secret" TEXT,
    "reason" TEXT,
    "decidedBy" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Submission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Outbox" (
    "id" SERIAL NOT NULL,
    "messageId" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "rateLimited" BOOLEAN NOT NULL DEFAULT false,
    "mail" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "notBefore" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "relatedMessageId" TEXT,
    "regime" TEXT,
    "unit" TEXT,
    "period" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "Outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobRun" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "ranAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "detail" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Draft" (
    "id" SERIAL NOT NULL,
    "regime" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archivePath" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "included" TEXT NOT NULL DEFAULT '{}',
    "summary" TEXT NOT NULL DEFAULT '[]',
    "emailMessageId" TEXT,
    "sentAt" TIMESTAMP(3),
    "reviewState" TEXT NOT NULL DEFAULT 'pending',
    "reviewNote" TEXT,
    "reviewedBy" TEXT,
    "reviewedAt" TIMESTAMP(3),

    CONSTRAINT "Draft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Action" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "by" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "Action_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Message_messageId_idx" ON "Message"("messageId");

-- CreateIndex
CREATE INDEX "Message_state_idx" ON "Message"("state");

-- CreateIndex
CREATE UNIQUE INDEX "Message_mailbox_uidValidity_key_key" ON "Message"("mailbox", "uidValidity", "key");

-- CreateIndex
CREATE INDEX "Submission_regime_period_unit_idx" ON "Submission"("regime", "period", "unit");

-- CreateIndex
CREATE INDEX "Submission_messageId_idx" ON "Submission"("messageId");

-- CreateIndex
CREATE UNIQUE INDEX "Submission_messageRowId_index_key" ON "Submission"("messageRowId", "index");

-- CreateIndex
CREATE UNIQUE INDEX "Outbox_messageId_key" ON "Outbox"("messageId");

-- CreateIndex
CREATE UNIQUE INDEX "Outbox_dedupeKey_key" ON "Outbox"("dedupeKey");

-- CreateIndex
CREATE INDEX "Outbox_state_notBefore_idx" ON "Outbox"("state", "notBefore");

-- CreateIndex
CREATE INDEX "Outbox_recipient_sentAt_idx" ON "Outbox"("recipient", "sentAt");

-- CreateIndex
CREATE UNIQUE INDEX "JobRun_key_key" ON "JobRun"("key");

-- CreateIndex
CREATE UNIQUE INDEX "Draft_regime_period_version_key" ON "Draft"("regime", "period", "version");

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_messageRowId_fkey" FOREIGN KEY ("messageRowId") REFERENCES "Message"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

