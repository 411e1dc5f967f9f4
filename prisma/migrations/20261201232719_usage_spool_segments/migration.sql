-- CreateTable
CREATE TABLE "UsageSpoolSegment" (
    "name" TEXT NOT NULL,
    "writtenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UsageSpoolSegment_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "UsageSpoolSegment_writtenAt_idx" ON "UsageSpoolSegment"("writtenAt");
