-- CreateEnum
CREATE TYPE "CmeRole" AS ENUM ('faculty', 'planner');

-- AlterTable
ALTER TABLE "CmeActivity" ADD COLUMN     "abimMocPoints" INTEGER,
ADD COLUMN     "estimatedMinutes" INTEGER NOT NULL DEFAULT 60,
ADD COLUMN     "targetAudience" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "CmeActivityPerson" (
    "id" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "role" "CmeRole" NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "affiliation" TEXT NOT NULL DEFAULT '',
    "relationships" TEXT[],

    CONSTRAINT "CmeActivityPerson_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CmeEvaluation" (
    "id" TEXT NOT NULL,
    "attemptId" TEXT NOT NULL,
    "objectivesMet" INTEGER NOT NULL,
    "isRelevant" BOOLEAN NOT NULL,
    "isFreeOfBias" BOOLEAN NOT NULL,
    "biasComment" TEXT,
    "intendedChange" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CmeEvaluation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CmeActivityPerson_activityId_role_position_key" ON "CmeActivityPerson"("activityId", "role", "position");

-- CreateIndex
CREATE UNIQUE INDEX "CmeEvaluation_attemptId_key" ON "CmeEvaluation"("attemptId");

-- AddForeignKey
ALTER TABLE "CmeActivityPerson" ADD CONSTRAINT "CmeActivityPerson_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "CmeActivity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CmeEvaluation" ADD CONSTRAINT "CmeEvaluation_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "CmeAttempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;
