-- DropIndex
DROP INDEX "UsageEvent_sessionKey_idx";

-- CreateIndex
CREATE INDEX "UsageEvent_sessionKey_articleId_occurredAt_id_idx" ON "UsageEvent"("sessionKey", "articleId", "occurredAt", "id");
