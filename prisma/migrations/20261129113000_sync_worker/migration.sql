-- AlterTable
ALTER TABLE "InboxEvent" ADD COLUMN "errorKind" TEXT;
ALTER TABLE "InboxEvent" ADD COLUMN "fix" TEXT;
ALTER TABLE "InboxEvent" ADD COLUMN "notesJson" TEXT;
ALTER TABLE "InboxEvent" ADD COLUMN "touchedJson" TEXT;

-- CreateTable
CREATE TABLE "Link" (
    "connectionId" INTEGER NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" INTEGER NOT NULL,
    "crmModule" TEXT NOT NULL,
    "crmId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("connectionId", "entityType", "entityId", "crmModule"),
    CONSTRAINT "Link_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "KeyLock" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "owner" TEXT NOT NULL,
    "leaseUntil" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "WorkerState" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "lastHeartbeat" DATETIME NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "PollWatermark" (
    "connectionId" INTEGER NOT NULL,
    "resource" TEXT NOT NULL,
    "lastDate" TEXT NOT NULL,
    "lastId" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("connectionId", "resource")
);

-- CreateIndex
CREATE INDEX "Link_connectionId_crmModule_crmId_idx" ON "Link"("connectionId", "crmModule", "crmId");

