-- AlterTable
ALTER TABLE "ReceivedStripeEvent" ADD COLUMN     "body" TEXT,
ADD COLUMN     "sequence" BIGSERIAL NOT NULL;

-- CreateTable
CREATE TABLE "StripeEventDrain" (
    "objectId" TEXT NOT NULL,
    "claimedBy" TEXT NOT NULL,
    "claimedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StripeEventDrain_pkey" PRIMARY KEY ("objectId")
);

-- CreateIndex
CREATE INDEX "ReceivedStripeEvent_objectId_sequence_idx" ON "ReceivedStripeEvent"("objectId", "sequence");
