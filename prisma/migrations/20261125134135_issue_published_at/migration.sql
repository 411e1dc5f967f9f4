-- AlterTable
ALTER TABLE "Issue" ADD COLUMN     "publishedAt" TIMESTAMP(3);
