-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "titleHtml" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "ArticleAuthor" ADD COLUMN     "orcid" TEXT,
ADD COLUMN     "prefix" TEXT,
ADD COLUMN     "suffix" TEXT;

-- CreateTable
CREATE TABLE "ArticleAffiliation" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "ror" TEXT,
    "isni" TEXT,
    "ringgold" TEXT,

    CONSTRAINT "ArticleAffiliation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArticleAuthorAffiliation" (
    "authorId" TEXT NOT NULL,
    "affiliationId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "ArticleAuthorAffiliation_pkey" PRIMARY KEY ("authorId","affiliationId")
);

-- CreateIndex
CREATE UNIQUE INDEX "ArticleAffiliation_articleId_position_key" ON "ArticleAffiliation"("articleId", "position");

-- CreateIndex
CREATE INDEX "ArticleAuthorAffiliation_affiliationId_idx" ON "ArticleAuthorAffiliation"("affiliationId");

-- AddForeignKey
ALTER TABLE "ArticleAffiliation" ADD CONSTRAINT "ArticleAffiliation_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleAuthorAffiliation" ADD CONSTRAINT "ArticleAuthorAffiliation_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "ArticleAuthor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleAuthorAffiliation" ADD CONSTRAINT "ArticleAuthorAffiliation_affiliationId_fkey" FOREIGN KEY ("affiliationId") REFERENCES "ArticleAffiliation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Keep the affiliations already stored (one joined text per author) as one affiliation each.
INSERT INTO "ArticleAffiliation" ("id", "articleId", "position", "text")
SELECT md5(a."articleId" || ':' || a."affiliation"), a."articleId",
       (ROW_NUMBER() OVER (PARTITION BY a."articleId" ORDER BY MIN(a."position"))) - 1, a."affiliation"
FROM "ArticleAuthor" a
WHERE a."affiliation" IS NOT NULL AND a."affiliation" <> ''
GROUP BY a."articleId", a."affiliation";

INSERT INTO "ArticleAuthorAffiliation" ("authorId", "affiliationId", "position")
SELECT a."id", md5(a."articleId" || ':' || a."affiliation"), 0
FROM "ArticleAuthor" a
WHERE a."affiliation" IS NOT NULL AND a."affiliation" <> '';

ALTER TABLE "ArticleAuthor" DROP COLUMN "affiliation";
