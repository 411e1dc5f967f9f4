-- An import writes an article, then its authors and topics. Each of those writes recomputed the
-- article's search vector and rewrote its row, and with the GIN index's fastupdate off every
-- rewrite inserts all the article's lexemes again: three times per imported article. A
-- transaction that sets journal.search_vector_deferred to 'on' (set_config(…, true), so it ends
-- with the transaction) leaves searchVector unset until it calls
-- article_search_vector_refresh_articles once for the articles it wrote.
CREATE FUNCTION search_vector_deferred() RETURNS boolean
LANGUAGE sql STABLE AS $$ SELECT coalesce(current_setting('journal.search_vector_deferred', true), '') = 'on' $$;

CREATE FUNCTION article_search_vector_refresh_articles(article_ids text[]) RETURNS void
LANGUAGE sql AS $$
  UPDATE "Article" a SET "searchVector" = coalesce(a."searchVectorOwn", ''::tsvector) || article_search_vector_related(a."id")
   WHERE a."id" = ANY(article_ids)
$$;

-- As in migration search_snippet_text, but searchVector waits for the refresh when deferred.
CREATE OR REPLACE FUNCTION article_search_vector_on_write() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVectorOwn" := article_search_vector_own(NEW);
  NEW."searchVector" := CASE WHEN search_vector_deferred() THEN NULL
                             ELSE NEW."searchVectorOwn" || article_search_vector_related(NEW."id") END;
  NEW."searchTextPublic" := article_plain_text(coalesce(NEW."previewHtml", '') || ' ' || coalesce(NEW."summariesHtml", ''));
  NEW."searchTextFull" := article_plain_text(NEW."fullTextHtml");
  RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION article_search_vector_refresh() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT search_vector_deferred() THEN
    PERFORM article_search_vector_refresh_articles(ARRAY(SELECT DISTINCT c."articleId" FROM changed c));
  END IF;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION topic_search_vector_refresh() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT search_vector_deferred() THEN
    PERFORM article_search_vector_refresh_articles(ARRAY(SELECT at."articleId" FROM "ArticleTopic" at WHERE at."topicId" = NEW."id"));
  END IF;
  RETURN NULL;
END
$$;
