-- CreateTable
CREATE TABLE "Admin" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "passwordHash" TEXT NOT NULL,
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SetupCode" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "codeHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Connection" (
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "MandatoryDefault" (
    "connectionId" INTEGER NOT NULL,
    "module" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "label" TEXT,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("connectionId", "module", "field"),
    CONSTRAINT "MandatoryDefault_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

