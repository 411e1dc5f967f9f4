-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "searchTextFull" text,
ADD COLUMN     "searchTextPublic" text;

-- Plain text for search snippets: ts_headline over the stored HTML stripped it per result row,
-- the costliest part of a results page. Block-level tags become spaces and inline ones vanish,
-- so "<i>Staph</i>ylococcus" stays one word and a snippet never starts in the middle of one.
CREATE FUNCTION article_plain_text(html text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT regexp_replace(regexp_replace(coalesce(html, ''),
           '</?(p|div|h[1-6]|li|ul|ol|tr|td|th|br|hr|section|table|blockquote|figcaption|caption|sec|title)\y[^>]*>', ' ', 'gi'),
         '<[^>]*>', '', 'g')
$$;

-- As in migration search_vector, plus the two snippet sources: the public abstract and summaries
-- (every reader's snippet) and the gated full text (only for readers who may read it).
CREATE OR REPLACE FUNCTION article_search_vector_on_write() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVectorOwn" := article_search_vector_own(NEW);
  NEW."searchVector" := NEW."searchVectorOwn" || article_search_vector_related(NEW."id");
  NEW."searchTextPublic" := article_plain_text(coalesce(NEW."previewHtml", '') || ' ' || coalesce(NEW."summariesHtml", ''));
  NEW."searchTextFull" := article_plain_text(NEW."fullTextHtml");
  RETURN NEW;
END
$$;

UPDATE "Article" SET
  "searchTextPublic" = article_plain_text(coalesce("previewHtml", '') || ' ' || coalesce("summariesHtml", '')),
  "searchTextFull" = article_plain_text("fullTextHtml");

-- Without autovacuum (the embedded database has none) new entries stay in the GIN index's
-- pending list, which every search then reads through: 85 ms of a search on 5,000 articles
-- just stored. Articles are written seldom and searched often, so they go into the index at once.
ALTER INDEX "Article_searchVector_idx" SET (fastupdate = off);
SELECT gin_clean_pending_list('"Article_searchVector_idx"'::regclass);

-- An author's name as search results show it, lower-cased: /search?author=… finds their articles
-- through an index instead of reading every author row. (concat_ws is only STABLE because of
-- non-text arguments; over text it never changes.)
CREATE FUNCTION article_author_search_name(given_names text, surname text, suffix text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$ SELECT lower(concat_ws(' ', given_names, surname, suffix)) $$;

CREATE INDEX "ArticleAuthor_searchName_idx" ON "ArticleAuthor" (article_author_search_name("givenNames", "surname", "suffix"));
CREATE INDEX "ArticleAuthor_searchCollab_idx" ON "ArticleAuthor" (lower("collab"));
