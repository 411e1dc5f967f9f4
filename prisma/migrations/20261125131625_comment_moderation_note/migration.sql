-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "moderationNote" TEXT;
