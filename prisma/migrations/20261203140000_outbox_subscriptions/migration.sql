-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "dedupeKey" TEXT,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedUntil" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME
);

-- CreateTable
CREATE TABLE "ThreadSubscription" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "articleId" INTEGER NOT NULL,
    "userId" INTEGER,
    "email" TEXT,
    "confirmedAt" DATETIME,
    "confirmTokenHash" TEXT,
    "unsubscribeKey" TEXT NOT NULL,
    "notifiedThrough" INTEGER NOT NULL DEFAULT 0,
    "lastNotifiedAt" DATETIME,
    "pendingSince" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ThreadSubscription_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ThreadSubscription_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "ThreadSubscription_confirmTokenHash_key" ON "ThreadSubscription"("confirmTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "ThreadSubscription_unsubscribeKey_key" ON "ThreadSubscription"("unsubscribeKey");

-- CreateIndex
CREATE INDEX "ThreadSubscription_pendingSince_idx" ON "ThreadSubscription"("pendingSince");

-- CreateIndex
CREATE UNIQUE INDEX "ThreadSubscription_articleId_userId_key" ON "ThreadSubscription"("articleId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "ThreadSubscription_articleId_email_key" ON "ThreadSubscription"("articleId", "email");

