-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('queued', 'sent', 'logged', 'failed');

-- AlterTable
ALTER TABLE "Issue" ADD COLUMN     "alertsQueuedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "status" "EmailStatus" NOT NULL DEFAULT 'queued';

-- Emails written before the queue were already sent inline, printed to the log, or given up.
UPDATE "OutboxEmail" SET "status" = CASE
  WHEN "sentAt" IS NOT NULL THEN 'sent'::"EmailStatus"
  WHEN "error" IS NOT NULL THEN 'failed'::"EmailStatus"
  ELSE 'logged'::"EmailStatus" END;
