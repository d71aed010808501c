-- Issue 10 item 4: ad-hoc (đột xuất) requests: their answers are submissions of kind "request" whose period is the code.
CREATE TABLE "Request" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "regime" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "deadline" TIMESTAMP(3) NOT NULL,
    "units" TEXT NOT NULL DEFAULT '[]',
    "sections" TEXT NOT NULL DEFAULT '[]',
    "messageIds" TEXT NOT NULL DEFAULT '[]',
    "attachmentName" TEXT,
    "attachmentPath" TEXT,
    "requestedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Request_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "Request_code_key" ON "Request"("code");
CREATE INDEX "Request_regime_idx" ON "Request"("regime");
