-- Answers move onto their attempt (one row per submission, see the schema comment). Existing
-- answers are copied over before their table goes, so no learner's record is lost. No semicolons
-- in comments: the migration runner splits the script on them.

-- AlterTable
ALTER TABLE "CmeAttempt" ADD COLUMN     "answers" JSONB NOT NULL DEFAULT '[]';

-- Backfill, in quiz order
UPDATE "CmeAttempt" t SET "answers" = s.answers FROM (SELECT a."attemptId", jsonb_agg(jsonb_build_object('questionId', a."questionId", 'optionId', a."optionId", 'isCorrect', a."isCorrect") ORDER BY q."position") AS answers FROM "CmeAnswer" a JOIN "CmeQuestion" q ON q."id" = a."questionId" GROUP BY a."attemptId") s WHERE s."attemptId" = t."id";

-- DropForeignKey
ALTER TABLE "CmeAnswer" DROP CONSTRAINT "CmeAnswer_attemptId_fkey";

-- DropForeignKey
ALTER TABLE "CmeAnswer" DROP CONSTRAINT "CmeAnswer_optionId_fkey";

-- DropForeignKey
ALTER TABLE "CmeAnswer" DROP CONSTRAINT "CmeAnswer_questionId_fkey";

-- DropTable
DROP TABLE "CmeAnswer";
