-- CreateTable
CREATE TABLE "ArticleAsset" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticleAsset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArticleFigure" (
    "articleId" TEXT NOT NULL,
    "figureId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "caption" TEXT NOT NULL,
    "licence" TEXT NOT NULL,
    "imageKey" TEXT,
    "table" JSONB,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ArticleFigure_pkey" PRIMARY KEY ("articleId","figureId")
);

-- CreateTable
CREATE TABLE "ArticleImportSource" (
    "articleId" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticleImportSource_pkey" PRIMARY KEY ("articleId")
);

-- CreateIndex
CREATE UNIQUE INDEX "ArticleAsset_articleId_key_key" ON "ArticleAsset"("articleId", "key");

-- CreateIndex
CREATE INDEX "ArticleImportSource_sha256_idx" ON "ArticleImportSource"("sha256");

-- AddForeignKey
ALTER TABLE "ArticleAsset" ADD CONSTRAINT "ArticleAsset_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleFigure" ADD CONSTRAINT "ArticleFigure_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleImportSource" ADD CONSTRAINT "ArticleImportSource_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
