-- AlterTable
ALTER TABLE "ArticleFiles" ADD COLUMN     "firstPagePublicPng" BYTEA;
