import 'server-only';
import { db } from '@/lib/db';
import { enqueueJobs } from '@/lib/jobs/enqueue-jobs';
import type { Prisma } from '@/generated/prisma/client';
import type { Element } from './jats-dom';
import type { XmlInput } from './jats-xml-input';
import { findOrCreateJournal, type JournalsSeen } from './find-or-create-journal';
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
      const written: WrittenArticle[] = [];
      const seen: SeenInBatch = { journals: new Map(), issues: new Map() };
      for (const { input, parsed } of files) written.push(await writeArticle(tx, input, parsed, seen));
      await writeArticleParts(tx, written);
      await tx.$executeRaw`SELECT article_search_vector_refresh_articles(${written.map((w) => w.result.articleId)}::text[])`;
      return written.map((w) => w.result);
    },
    // A package's files (tens of MB of images) take longer to write than Prisma's default 5 s.
    { timeout: 120_000, maxWait: 30_000 },
  );
}

type WrittenArticle = {
  result: ImportJatsResult;
  input: ImportJatsInput;
  parsed: ParsedArticle;
  /** Whether the article was stored before this import (its authors, topics … are replaced). */
  existed: boolean;
  /** Whether readers' saved searches are matched against it now (else when its issue is published). */
  alertsNow: boolean;
};

/** Journals and issues a batch has written already: its files mostly share them. */
type SeenInBatch = {
  journals: JournalsSeen;
  issues: Map<string, { facts: string; issue: { id: string; publishedAt: Date | null } }>;
};

/** The journal, issue and article row of one file; the rest is written for the batch at once. */
async function writeArticle(
  tx: Tx,
  input: ImportJatsInput,
  parsed: ParsedArticle,
  seen: SeenInBatch,
): Promise<WrittenArticle> {
  const { fileName, position } = input;
  const warnings = [...parsed.warnings];
  const journal = await findOrCreateJournal(tx, parsed.journal, warnings, seen.journals);
  const issue = parsed.issue ? await upsertIssue(tx, journal.id, parsed.issue, seen.issues) : null;
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
  // A new article readers can now see (online first, or in an issue already published) goes to
  // readers' saved searches; one in an unpublished issue goes when the issue is published.
  const alertsNow = !existing && (issue ? issue.publishedAt !== null : true);
  return {
    result: {
      articleId: article.id,
      doi: parsed.doi,
      created: !existing,
      warnings: warnings.map((w) => `${fileName}: ${w}`),
    },
    input,
    parsed,
    existed: existing !== null,
    alertsNow,
  };
}

/** The article's issue, its dates as this file gives them; once per batch for the same facts. */
async function upsertIssue(
  tx: Tx,
  journalId: string,
  issue: NonNullable<ParsedArticle['issue']>,
  seen: SeenInBatch['issues'],
): Promise<{ id: string; publishedAt: Date | null }> {
  // The last write of this issue stands: the same facts again need no statement.
  const key = JSON.stringify([journalId, issue.volume, issue.number]);
  const facts = JSON.stringify(issue);
  const known = seen.get(key);
  if (known?.facts === facts) return known.issue;
  const stored = await tx.issue.upsert({
    where: { journalId_volume_number: { journalId, volume: issue.volume, number: issue.number } },
    create: { journalId, ...issue },
    update: { year: issue.year, month: issue.month, dateLabel: issue.dateLabel },
    select: { id: true, publishedAt: true },
  });
  seen.set(key, { facts, issue: stored });
  return stored;
}

/**
 * The batch's authors, topics, figures, files and import sources, a statement each rather than one
 * per article. A DOI twice in a batch is one article: the last file's parts are the ones stored.
 */
async function writeArticleParts(tx: Tx, written: WrittenArticle[]) {
  const byArticle = new Map(written.map((w) => [w.result.articleId, w]));
  const articles = [...byArticle.values()];
  const replacing = articles.filter((w) => w.existed).map((w) => w.result.articleId);
  await replaceArticleAuthors(
    tx,
    articles.map((w) => ({ articleId: w.result.articleId, authors: w.parsed.authors })),
    { replacing },
  );
  await replaceArticleTopics(
    tx,
    articles.map((w) => ({ articleId: w.result.articleId, names: w.parsed.topics })),
    { replacing },
  );
  await replaceArticleFiguresAndAssets(
    tx,
    articles.map((w) => ({ articleId: w.result.articleId, parsed: w.parsed, stored: w.input.assets?.stored ?? [] })),
    { replacing },
  );
  const importedAt = new Date();
  const sourced = articles.filter((w) => w.input.sourceSha256);
  const sourcesToReplace = sourced.filter((w) => w.existed).map((w) => w.result.articleId);
  if (sourcesToReplace.length > 0)
    await tx.articleImportSource.deleteMany({ where: { articleId: { in: sourcesToReplace } } });
  if (sourced.length > 0)
    await tx.articleImportSource.createMany({
      data: sourced.map(({ result, input }) => ({
        articleId: result.articleId,
        sha256: input.sourceSha256!,
        fileName: input.fileName,
        importedAt,
      })),
    });
  const alerted = new Set(written.filter((w) => w.alertsNow).map((w) => w.result.articleId));
  await enqueueJobs(
    tx,
    articles
      .filter((w) => alerted.has(w.result.articleId))
      .map(({ result: { articleId } }) => ({
        task: 'match-saved-searches',
        payload: { articleIds: [articleId] },
        key: `search-alerts:article:${articleId}`,
      })),
  );
}

/** The articles' topics, by slug; a topic not stored yet is created with the name the first file gives it. */
async function replaceArticleTopics(
  tx: Tx,
  articles: { articleId: string; names: string[] }[],
  { replacing }: { replacing: string[] },
) {
  if (replacing.length > 0) await tx.articleTopic.deleteMany({ where: { articleId: { in: replacing } } });
  const nameBySlug = new Map<string, string>();
  const articleIds: string[] = [];
  const slugs: string[] = [];
  for (const { articleId, names } of articles) {
    const own = new Set<string>();
    for (const name of names) {
      const slug = slugify(name);
      if (!slug || own.has(slug)) continue;
      own.add(slug);
      if (!nameBySlug.has(slug)) nameBySlug.set(slug, name);
      articleIds.push(articleId);
      slugs.push(slug);
    }
  }
  if (slugs.length === 0) return;
  await tx.topic.createMany({ data: [...nameBySlug].map(([slug, name]) => ({ slug, name })), skipDuplicates: true });
  await tx.$executeRaw`
    INSERT INTO "ArticleTopic" ("articleId", "topicId")
    SELECT u."articleId", t."id" FROM unnest(${articleIds}::text[], ${slugs}::text[]) AS u("articleId", "slug")
      JOIN "Topic" t ON t."slug" = u."slug"`;
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
