-- Issue 10 item 4: ad-hoc (đột xuất) requests: their answers are submissions of kind "request" whose period is the code.
CREATE TABLE "Request" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "regime" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "deadline" DATETIME NOT NULL,
    "units" TEXT NOT NULL DEFAULT '[]',
    "sections" TEXT NOT NULL DEFAULT '[]',
    "messageIds" TEXT NOT NULL DEFAULT '[]',
    "attachmentName" TEXT,
    "attachmentPath" TEXT,
    "requestedBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE UNIQUE INDEX "Request_code_key" ON "Request"("code");
CREATE INDEX "Request_regime_idx" ON "Request"("regime");
