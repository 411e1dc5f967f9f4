-- A huge article (a 10 MB file: an issue's worth of text in one article) took seconds to index in
-- the embedded database (to_tsvector and the snippet text's regular expressions over all of it)
-- and its import outlasted the statement timeout. Only the first 1,000,000 characters of the
-- full text go into the search document and its snippet text, cut before an unfinished tag. A
-- tsvector keeps no word position past 16,383 and holds at most 1 MB, so past that length the
-- rest added little but time. Every article under the limit (all the corpus's) indexes as before.
CREATE FUNCTION article_search_full_text(html text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN length(coalesce(html, '')) <= 1000000 THEN coalesce(html, '')
              ELSE regexp_replace(left(html, 1000000), '<[^>]*$', '') END
$$;

-- As in migration search_vector, with the full text limited.
CREATE OR REPLACE FUNCTION article_search_vector_own(a "Article") RETURNS tsvector
LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector('english', coalesce(a."title", '') || ' ' || coalesce(a."subtitle", '')), 'A')
      || setweight(to_tsvector('english', coalesce(array_to_string(a."keywords", ' '), '')), 'B')
      || setweight(to_tsvector('english', coalesce(a."previewHtml", '') || ' ' || coalesce(a."summariesHtml", '')), 'C')
      || setweight(to_tsvector('english', article_search_full_text(a."fullTextHtml")), 'D')
$$;

-- As in migration search_vector_once_per_import, with the full text's snippet text limited.
CREATE OR REPLACE FUNCTION article_search_vector_on_write() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVectorOwn" := article_search_vector_own(NEW);
  NEW."searchVector" := CASE WHEN search_vector_deferred() THEN NULL
                             ELSE NEW."searchVectorOwn" || article_search_vector_related(NEW."id") END;
  NEW."searchTextPublic" := article_plain_text(coalesce(NEW."previewHtml", '') || ' ' || coalesce(NEW."summariesHtml", ''));
  NEW."searchTextFull" := article_plain_text(article_search_full_text(NEW."fullTextHtml"));
  RETURN NEW;
END
$$;

-- Articles stored before this migration with more full text than that (the trigger recomputes them).
UPDATE "Article" SET "fullTextHtml" = "fullTextHtml" WHERE length("fullTextHtml") > 1000000;
