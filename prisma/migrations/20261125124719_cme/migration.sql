-- CreateEnum
CREATE TYPE "CmeAttemptResult" AS ENUM ('passed', 'failed');

-- CreateTable
CREATE TABLE "CmeActivity" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "objectives" TEXT[],
    "releaseAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "creditType" TEXT NOT NULL DEFAULT 'AMA PRA Category 1 Credit™',
    "maxCreditQuarters" INTEGER NOT NULL DEFAULT 4,
    "passingPercent" INTEGER NOT NULL DEFAULT 80,
    "maxAttempts" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CmeActivity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CmeActivityArticle" (
    "activityId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,

    CONSTRAINT "CmeActivityArticle_pkey" PRIMARY KEY ("activityId","articleId")
);

-- CreateTable
CREATE TABLE "CmeQuestion" (
    "id" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "stem" TEXT NOT NULL,
    "rationale" TEXT NOT NULL,

    CONSTRAINT "CmeQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CmeOption" (
    "id" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "isPreferred" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "CmeOption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CmeAttempt" (
    "id" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "result" "CmeAttemptResult" NOT NULL,
    "correctCount" INTEGER NOT NULL,
    "questionCount" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3),
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "commitment" TEXT,
    "commitmentAt" TIMESTAMP(3),

    CONSTRAINT "CmeAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CmeAnswer" (
    "attemptId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "optionId" TEXT NOT NULL,
    "isCorrect" BOOLEAN NOT NULL,

    CONSTRAINT "CmeAnswer_pkey" PRIMARY KEY ("attemptId","questionId")
);

-- CreateTable
CREATE TABLE "CmeCreditClaim" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "attemptId" TEXT NOT NULL,
    "creditQuarters" INTEGER NOT NULL,
    "attestedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CmeCreditClaim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CmeCertificate" (
    "id" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "learnerName" TEXT NOT NULL,
    "activityTitle" TEXT NOT NULL,
    "creditType" TEXT NOT NULL,
    "creditQuarters" INTEGER NOT NULL,
    "completedAt" TIMESTAMP(3) NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "CmeCertificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CmeState" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "CmeState_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "CmeStateRequirement" (
    "id" TEXT NOT NULL,
    "stateCode" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "detail" TEXT NOT NULL,

    CONSTRAINT "CmeStateRequirement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CmeRequirementActivity" (
    "requirementId" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,

    CONSTRAINT "CmeRequirementActivity_pkey" PRIMARY KEY ("requirementId","activityId")
);

-- CreateTable
CREATE TABLE "CmeLearnerProfile" (
    "userId" TEXT NOT NULL,
    "npi" TEXT,
    "npiConsent" BOOLEAN NOT NULL DEFAULT false,
    "boardName" TEXT,
    "boardId" TEXT,
    "boardConsent" BOOLEAN NOT NULL DEFAULT false,
    "birthMonth" INTEGER,
    "birthDay" INTEGER,
    "birthConsent" BOOLEAN NOT NULL DEFAULT false,
    "licencesConsent" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CmeLearnerProfile_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "CmeStateLicence" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "stateCode" TEXT NOT NULL,
    "number" TEXT NOT NULL,

    CONSTRAINT "CmeStateLicence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CmeActivityArticle_articleId_idx" ON "CmeActivityArticle"("articleId");

-- CreateIndex
CREATE UNIQUE INDEX "CmeQuestion_activityId_position_key" ON "CmeQuestion"("activityId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "CmeOption_questionId_position_key" ON "CmeOption"("questionId", "position");

-- CreateIndex
CREATE INDEX "CmeAttempt_userId_idx" ON "CmeAttempt"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "CmeAttempt_activityId_userId_number_key" ON "CmeAttempt"("activityId", "userId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "CmeCreditClaim_attemptId_key" ON "CmeCreditClaim"("attemptId");

-- CreateIndex
CREATE UNIQUE INDEX "CmeCreditClaim_userId_activityId_key" ON "CmeCreditClaim"("userId", "activityId");

-- CreateIndex
CREATE UNIQUE INDEX "CmeCertificate_claimId_key" ON "CmeCertificate"("claimId");

-- CreateIndex
CREATE INDEX "CmeStateRequirement_stateCode_idx" ON "CmeStateRequirement"("stateCode");

-- CreateIndex
CREATE UNIQUE INDEX "CmeStateLicence_userId_stateCode_key" ON "CmeStateLicence"("userId", "stateCode");

-- AddForeignKey
ALTER TABLE "CmeActivityArticle" ADD CONSTRAINT "CmeActivityArticle_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "CmeActivity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CmeActivityArticle" ADD CONSTRAINT "CmeActivityArticle_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CmeQuestion" ADD CONSTRAINT "CmeQuestion_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "CmeActivity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CmeOption" ADD CONSTRAINT "CmeOption_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "CmeQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CmeAttempt" ADD CONSTRAINT "CmeAttempt_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "CmeActivity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CmeAttempt" ADD CONSTRAINT "CmeAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CmeAnswer" ADD CONSTRAINT "CmeAnswer_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "CmeAttempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CmeAnswer" ADD CONSTRAINT "CmeAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "CmeQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CmeAnswer" ADD CONSTRAINT "CmeAnswer_optionId_fkey" FOREIGN KEY ("optionId") REFERENCES "CmeOption"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CmeCreditClaim" ADD CONSTRAINT "CmeCreditClaim_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CmeCreditClaim" ADD CONSTRAINT "CmeCreditClaim_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "CmeActivity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CmeCreditClaim" ADD CONSTRAINT "CmeCreditClaim_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "CmeAttempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CmeCertificate" ADD CONSTRAINT "CmeCertificate_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "CmeCreditClaim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CmeStateRequirement" ADD CONSTRAINT "CmeStateRequirement_stateCode_fkey" FOREIGN KEY ("stateCode") REFERENCES "CmeState"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CmeRequirementActivity" ADD CONSTRAINT "CmeRequirementActivity_requirementId_fkey" FOREIGN KEY ("requirementId") REFERENCES "CmeStateRequirement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CmeRequirementActivity" ADD CONSTRAINT "CmeRequirementActivity_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "CmeActivity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CmeLearnerProfile" ADD CONSTRAINT "CmeLearnerProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CmeStateLicence" ADD CONSTRAINT "CmeStateLicence_userId_fkey" FOREIGN KEY ("userId") REFERENCES "CmeLearnerProfile"("userId") ON DELETE CASCADE ON UPDATE CASCADE;
