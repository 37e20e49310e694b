-- CreateTable
CREATE TABLE "InboxEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "connectionId" INTEGER NOT NULL,
    "eventId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "entityKey" TEXT NOT NULL,
    "payloadJson" TEXT NOT NULL,
    "bodySha256" TEXT NOT NULL,
    "occurredAt" DATETIME NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "lastError" TEXT,
    "appliedAt" DATETIME,
    CONSTRAINT "InboxEvent_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CurrencyLink" (
    "connectionId" INTEGER NOT NULL,
    "shopCurrencyId" INTEGER NOT NULL,
    "shopIsoCode" TEXT NOT NULL,
    "crmCurrencyId" TEXT,
    "automatic" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("connectionId", "shopCurrencyId"),
    CONSTRAINT "CurrencyLink_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OrderStateMapping" (
    "connectionId" INTEGER NOT NULL,
    "shopStateId" INTEGER NOT NULL,
    "shopStateName" TEXT NOT NULL,
    "salesOrderStatus" TEXT NOT NULL,
    "invoiceStatus" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("connectionId", "shopStateId"),
    CONSTRAINT "OrderStateMapping_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Connection" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL DEFAULT 'Default',
    "crmUrl" TEXT NOT NULL DEFAULT '',
    "crmUsername" TEXT NOT NULL DEFAULT '',
    "crmAccessKeyEnc" TEXT NOT NULL DEFAULT '',
    "crmLastTestJson" TEXT,
    "crmLastTestAt" DATETIME,
    "crmLastTestOk" BOOLEAN,
    "recordOwnerId" TEXT NOT NULL DEFAULT '',
    "createAccount" BOOLEAN NOT NULL DEFAULT true,
    "createPotential" BOOLEAN NOT NULL DEFAULT false,
    "salesOrderPrefix" TEXT NOT NULL DEFAULT 'Sales order no',
    "potentialPrefix" TEXT NOT NULL DEFAULT 'Shop order no',
    "shopUrl" TEXT NOT NULL DEFAULT '',
    "shopKeyEnc" TEXT NOT NULL DEFAULT '',
    "shopLastTestJson" TEXT,
    "shopLastTestAt" DATETIME,
    "shopLastTestOk" BOOLEAN,
    "publicBaseUrl" TEXT NOT NULL DEFAULT '',
    "webhookSecretEnc" TEXT NOT NULL DEFAULT '',
    "webhookPreviousSecretEnc" TEXT,
    "webhookPreviousSecretUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Connection" ("createAccount", "createPotential", "createdAt", "crmAccessKeyEnc", "crmLastTestAt", "crmLastTestJson", "crmLastTestOk", "crmUrl", "crmUsername", "id", "name", "potentialPrefix", "recordOwnerId", "salesOrderPrefix", "updatedAt") SELECT "createAccount", "createPotential", "createdAt", "crmAccessKeyEnc", "crmLastTestAt", "crmLastTestJson", "crmLastTestOk", "crmUrl", "crmUsername", "id", "name", "potentialPrefix", "recordOwnerId", "salesOrderPrefix", "updatedAt" FROM "Connection";
DROP TABLE "Connection";
ALTER TABLE "new_Connection" RENAME TO "Connection";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "InboxEvent_connectionId_status_nextAttemptAt_idx" ON "InboxEvent"("connectionId", "status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "InboxEvent_connectionId_entityKey_id_idx" ON "InboxEvent"("connectionId", "entityKey", "id");

-- CreateIndex
CREATE INDEX "InboxEvent_connectionId_receivedAt_idx" ON "InboxEvent"("connectionId", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "InboxEvent_connectionId_eventId_key" ON "InboxEvent"("connectionId", "eventId");

