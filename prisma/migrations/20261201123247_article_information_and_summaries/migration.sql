-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "articleInfoHtml" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "importWarnings" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "summariesHtml" TEXT NOT NULL DEFAULT '';
