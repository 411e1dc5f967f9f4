-- CreateEnum
CREATE TYPE "UsageKind" AS ENUM ('investigation', 'request', 'no_license', 'search');

-- CreateEnum
CREATE TYPE "CounterAccessType" AS ENUM ('Controlled', 'Open');

-- CreateTable
CREATE TABLE "UsageEvent" (
    "id" BIGSERIAL NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "institutionId" TEXT,
    "userId" TEXT,
    "sessionKey" TEXT NOT NULL,
    "articleId" TEXT,
    "journalId" TEXT,
    "yop" INTEGER,
    "accessType" "CounterAccessType",
    "kind" "UsageKind" NOT NULL,
    "target" TEXT NOT NULL,
    "isCounted" BOOLEAN NOT NULL DEFAULT true,
    "isUniqueItem" BOOLEAN NOT NULL DEFAULT false,
    "isUniqueRequest" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "UsageEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CounterCredential" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "requestorId" TEXT NOT NULL,
    "apiKeyHash" TEXT NOT NULL,
    "apiKeyHint" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "CounterCredential_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UsageEvent_institutionId_occurredAt_idx" ON "UsageEvent"("institutionId", "occurredAt");

-- CreateIndex
CREATE INDEX "UsageEvent_sessionKey_idx" ON "UsageEvent"("sessionKey");

-- CreateIndex
CREATE INDEX "UsageEvent_articleId_kind_idx" ON "UsageEvent"("articleId", "kind");

-- CreateIndex
CREATE INDEX "UsageEvent_occurredAt_idx" ON "UsageEvent"("occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "CounterCredential_requestorId_key" ON "CounterCredential"("requestorId");

-- CreateIndex
CREATE UNIQUE INDEX "CounterCredential_apiKeyHash_key" ON "CounterCredential"("apiKeyHash");

-- CreateIndex
CREATE INDEX "CounterCredential_institutionId_idx" ON "CounterCredential"("institutionId");
