-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "searchVector" tsvector,
ADD COLUMN     "searchVectorOwn" tsvector;

-- CreateIndex
CREATE INDEX "Article_searchVector_idx" ON "Article" USING GIN ("searchVector");

-- The search document of one article, weighted: title A, authors, keywords and topics B, the
-- public abstract and summaries C, the gated full text D (it may make an article match, but
-- snippets for readers who may not read it never come from it: lib/articles/search/). HTML
-- tags and entities are token types the 'english' configuration skips, so the HTML columns go
-- in as they are. Authors and topics live in other tables: the triggers below keep it current,
-- recomputing the article's own part only when its own columns change.
CREATE FUNCTION article_search_vector_own(a "Article") RETURNS tsvector
LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector('english', coalesce(a."title", '') || ' ' || coalesce(a."subtitle", '')), 'A')
      || setweight(to_tsvector('english', coalesce(array_to_string(a."keywords", ' '), '')), 'B')
      || setweight(to_tsvector('english', coalesce(a."previewHtml", '') || ' ' || coalesce(a."summariesHtml", '')), 'C')
      || setweight(to_tsvector('english', coalesce(a."fullTextHtml", '')), 'D')
$$;

-- Authors and topic names, weight B: small, so recomputing them on every change is cheap.
CREATE FUNCTION article_search_vector_related(article_id text) RETURNS tsvector
LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector('english', coalesce((
           SELECT string_agg(concat_ws(' ', au."givenNames", au."prefix", au."surname", au."suffix", au."collab"), ' ')
             FROM "ArticleAuthor" au WHERE au."articleId" = article_id), '') || ' ' || coalesce((
           SELECT string_agg(t."name", ' ')
             FROM "ArticleTopic" at JOIN "Topic" t ON t."id" = at."topicId" WHERE at."articleId" = article_id), '')), 'B')
$$;

CREATE FUNCTION article_search_vector_on_write() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVectorOwn" := article_search_vector_own(NEW);
  NEW."searchVector" := NEW."searchVectorOwn" || article_search_vector_related(NEW."id");
  RETURN NEW;
END
$$;

CREATE TRIGGER "Article_searchVector"
  BEFORE INSERT OR UPDATE OF "title", "subtitle", "keywords", "previewHtml", "summariesHtml", "fullTextHtml"
  ON "Article" FOR EACH ROW EXECUTE FUNCTION article_search_vector_on_write();

-- Statement-level, so an import that writes ten authors recomputes each article once.
CREATE FUNCTION article_search_vector_refresh() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Article" a SET "searchVector" = coalesce(a."searchVectorOwn", ''::tsvector) || article_search_vector_related(a."id")
   WHERE a."id" IN (SELECT DISTINCT c."articleId" FROM changed c);
  RETURN NULL;
END
$$;

CREATE TRIGGER "ArticleAuthor_searchVector_insert" AFTER INSERT ON "ArticleAuthor"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION article_search_vector_refresh();
CREATE TRIGGER "ArticleAuthor_searchVector_update" AFTER UPDATE ON "ArticleAuthor"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION article_search_vector_refresh();
CREATE TRIGGER "ArticleAuthor_searchVector_delete" AFTER DELETE ON "ArticleAuthor"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION article_search_vector_refresh();
CREATE TRIGGER "ArticleTopic_searchVector_insert" AFTER INSERT ON "ArticleTopic"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION article_search_vector_refresh();
CREATE TRIGGER "ArticleTopic_searchVector_delete" AFTER DELETE ON "ArticleTopic"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION article_search_vector_refresh();

CREATE FUNCTION topic_search_vector_refresh() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Article" a SET "searchVector" = coalesce(a."searchVectorOwn", ''::tsvector) || article_search_vector_related(a."id")
   WHERE a."id" IN (SELECT at."articleId" FROM "ArticleTopic" at WHERE at."topicId" = NEW."id");
  RETURN NULL;
END
$$;

CREATE TRIGGER "Topic_searchVector" AFTER UPDATE OF "name" ON "Topic"
  FOR EACH ROW EXECUTE FUNCTION topic_search_vector_refresh();

-- Articles stored before this migration.
UPDATE "Article" a SET "searchVectorOwn" = article_search_vector_own(a);
UPDATE "Article" a SET "searchVector" = a."searchVectorOwn" || article_search_vector_related(a."id");
