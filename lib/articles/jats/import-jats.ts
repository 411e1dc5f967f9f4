import 'server-only';
import { db } from '@/lib/db';
import { enqueueJobs } from '@/lib/jobs/enqueue-jobs';
import type { Prisma } from '@/generated/prisma/client';
import type { Element } from './jats-dom';
import type { XmlInput } from './jats-xml-input';
import { findOrCreateJournal } from './find-or-create-journal';
import { parseJats, type ParsedArticle } from './parse-jats';
import { replaceArticleAuthors } from './replace-article-authors';
import type { PreparedAssets } from '../assets/prepare-assets';
import { replaceArticleFiguresAndAssets } from '../assets/replace-article-assets';

export type ImportJatsInput = {
  /** The file's bytes (decoded per its declaration), its text, or its root element (parseXmlRoot). */
  xml: XmlInput | Element;
  fileName: string;
  /** Position in the issue's table of contents; left unchanged on re-import when omitted. */
  position?: number;
  /** The package's files, converted (prepare-assets.ts); omitted when only the XML is imported. */
  assets?: PreparedAssets;
  /** Content hash of the whole package, kept so an unchanged re-run can skip it. */
  sourceSha256?: string;
};

export type ImportJatsResult = {
  articleId: string;
  doi: string;
  created: boolean;
  /**
   * What the import went past but an editor should know: a journal record that disagrees with the
   * file, what it could not render as such (its text is kept).
   */
  warnings: string[];
};

import { slugify } from './slugify';

export { slugify };

type Tx = Prisma.TransactionClient;

/**
 * Parses a JATS file and upserts its journal, issue, article (by DOI), authors and topics in one
 * transaction. Re-importing the same DOI replaces the article's authors and topics, never duplicates.
 * The journal is found by ISSN, then title, and never changed by an article (disagreements are warnings).
 * A file that fails to parse throws JatsImportError before anything is written.
 */
export async function importJats(input: ImportJatsInput): Promise<ImportJatsResult> {
  const [result] = await writeArticles([{ input, parsed: parseForImport(input) }]);
  return result!;
}

export type ImportJatsOutcome = { ok: true; result: ImportJatsResult } | { ok: false; error: unknown };

/**
 * Imports several files as importJats does, in one transaction while all goes well: a batch
 * import's speed (one commit for many articles). Each file has its own outcome, in order. A file
 * that does not parse is refused before anything is written; when writing the batch fails, its
 * files are written again one by one, so only the file at fault fails.
 */
export async function importJatsBatch(inputs: ImportJatsInput[]): Promise<ImportJatsOutcome[]> {
  const outcomes: ImportJatsOutcome[] = [];
  const ready: { at: number; input: ImportJatsInput; parsed: ParsedArticle }[] = [];
  for (const input of inputs) {
    try {
      ready.push({ at: outcomes.length, input, parsed: parseForImport(input) });
      outcomes.push({ ok: false, error: null });
    } catch (error) {
      outcomes.push({ ok: false, error });
    }
  }
  try {
    const results = await writeArticles(ready);
    ready.forEach(({ at }, i) => (outcomes[at] = { ok: true, result: results[i]! }));
  } catch {
    for (const file of ready)
      outcomes[file.at] = await writeArticles([file]).then(
        ([result]) => ({ ok: true as const, result: result! }),
        (error: unknown) => ({ ok: false as const, error }),
      );
  }
  return outcomes;
}

function parseForImport({ xml, fileName, assets }: ImportJatsInput): ParsedArticle {
  return parseJats(xml, fileName, { assets: assets?.views });
}

function writeArticles(files: { input: ImportJatsInput; parsed: ParsedArticle }[]): Promise<ImportJatsResult[]> {
  return db.$transaction(
    async (tx) => {
      // Authors and topics are written after the article: its search vector is computed once, at
      // the end, rather than on each of those writes (migration search_vector_once_per_import).
      await tx.$executeRaw`SELECT set_config('journal.search_vector_deferred', 'on', true)`;
      const results: ImportJatsResult[] = [];
      for (const { input, parsed } of files) results.push(await writeArticle(tx, input, parsed));
      await tx.$executeRaw`SELECT article_search_vector_refresh_articles(${results.map((r) => r.articleId)}::text[])`;
      return results;
    },
    // A package's files (tens of MB of images) take longer to write than Prisma's default 5 s.
    { timeout: 120_000, maxWait: 30_000 },
  );
}

async function writeArticle(
  tx: Tx,
  { fileName, position, assets, sourceSha256 }: ImportJatsInput,
  parsed: ParsedArticle,
): Promise<ImportJatsResult> {
  const warnings = [...parsed.warnings];
  const journal = await findOrCreateJournal(tx, parsed.journal, warnings);
  const issue = parsed.issue
    ? await tx.issue.upsert({
        where: {
          journalId_volume_number: {
            journalId: journal.id,
            volume: parsed.issue.volume,
            number: parsed.issue.number,
          },
        },
        create: { journalId: journal.id, ...parsed.issue },
        update: { year: parsed.issue.year, month: parsed.issue.month, dateLabel: parsed.issue.dateLabel },
      })
    : null;
  const existing = await tx.article.findUnique({ where: { doi: parsed.doi }, select: { id: true } });
  const data = {
    ...articleFields(parsed, fileName),
    // Everything the import has to say, the journal's disagreements too, kept with the article.
    importWarnings: warnings,
    journalId: journal.id,
    issueId: issue?.id ?? null,
  };
  const article = existing
    ? await tx.article.update({
        where: { id: existing.id },
        data: { ...data, ...(position === undefined ? {} : { position }) },
        select: { id: true },
      })
    : await tx.article.create({ data: { ...data, position: position ?? 0 }, select: { id: true } });

  // A new article has no rows of its own to replace.
  const replacing = existing !== null;
  await replaceArticleAuthors(tx, article.id, parsed.authors, { replacing });
  await replaceArticleTopics(tx, article.id, parsed.topics, { replacing });
  await replaceArticleFiguresAndAssets(tx, article.id, parsed, assets?.stored ?? [], { replacing });
  if (sourceSha256) {
    const source = { sha256: sourceSha256, fileName, importedAt: new Date() };
    await tx.articleImportSource.upsert({
      where: { articleId: article.id },
      create: { articleId: article.id, ...source },
      update: source,
      select: { articleId: true },
    });
  }
  // A new article readers can now see (online first, or in an issue already published) goes to
  // readers' saved searches; one in an unpublished issue goes when the issue is published.
  if (!existing && (issue ? issue.publishedAt !== null : true))
    await enqueueJobs(tx, [
      {
        task: 'match-saved-searches',
        payload: { articleIds: [article.id] },
        key: `search-alerts:article:${article.id}`,
      },
    ]);
  return {
    articleId: article.id,
    doi: parsed.doi,
    created: !existing,
    warnings: warnings.map((w) => `${fileName}: ${w}`),
  };
}

/** The article's topics, by slug; a topic not stored yet is created with the name this file gives it. */
async function replaceArticleTopics(tx: Tx, articleId: string, names: string[], { replacing }: { replacing: boolean }) {
  if (replacing) await tx.articleTopic.deleteMany({ where: { articleId } });
  const bySlug = new Map<string, string>();
  for (const name of names) {
    const slug = slugify(name);
    if (slug && !bySlug.has(slug)) bySlug.set(slug, name);
  }
  if (bySlug.size === 0) return;
  await tx.topic.createMany({ data: [...bySlug].map(([slug, name]) => ({ slug, name })), skipDuplicates: true });
  const slugs = [...bySlug.keys()];
  await tx.$executeRaw`
    INSERT INTO "ArticleTopic" ("articleId", "topicId")
    SELECT ${articleId}, t."id" FROM "Topic" t WHERE t."slug" = ANY(${slugs}::text[])`;
}

function articleFields(parsed: ParsedArticle, fileName: string) {
  return {
    doi: parsed.doi,
    articleType: parsed.articleType,
    sectionLabel: parsed.sectionLabel,
    title: parsed.title,
    titleHtml: parsed.titleHtml,
    subtitle: parsed.subtitle,
    fpage: parsed.fpage,
    lpage: parsed.lpage,
    elocationId: parsed.elocationId,
    pmid: parsed.pmid,
    publishedOnline: parsed.publishedOnline,
    isFree: parsed.isFree,
    previewHtml: parsed.previewHtml,
    fullTextHtml: parsed.fullTextHtml,
    referencesHtml: parsed.referencesHtml,
    summariesHtml: parsed.summariesHtml,
    articleInfoHtml: parsed.articleInfoHtml,
    keywords: parsed.keywords,
    sourceFile: fileName,
  };
}
