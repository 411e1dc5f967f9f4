-- CreateEnum
CREATE TYPE "CmeFollowUpAnswer" AS ENUM ('implemented', 'partly', 'not_yet', 'barriers');

-- CreateTable
CREATE TABLE "CmeCommitmentFollowUp" (
    "id" TEXT NOT NULL,
    "attemptId" TEXT NOT NULL,
    "commitment" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,
    "answer" "CmeFollowUpAnswer",
    "barriers" TEXT,
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "CmeCommitmentFollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CmeCommitmentFollowUp_attemptId_key" ON "CmeCommitmentFollowUp"("attemptId");

-- CreateIndex
CREATE UNIQUE INDEX "CmeCommitmentFollowUp_tokenHash_key" ON "CmeCommitmentFollowUp"("tokenHash");

-- AddForeignKey
ALTER TABLE "CmeCommitmentFollowUp" ADD CONSTRAINT "CmeCommitmentFollowUp_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "CmeAttempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;
