import 'server-only';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { NotFoundError, ValidationError } from '@/lib/errors/app-error';
import { forgetArticleParts } from '@/lib/articles/article-page-cache';
import { articlePath } from '@/lib/articles/article-path';
import { generateArticleFiles } from '@/lib/articles/generate-article-files';
import { importJatsPackage } from '@/lib/articles/assets/import-jats-package';
import type { JatsPackage } from '@/lib/articles/assets/jats-package';
import { readZipPackages } from '@/lib/articles/assets/read-zip-package';
import { JatsImportError } from '@/lib/articles/jats/jats-import-error';
import { slugify } from '@/lib/articles/jats/import-jats';
import { recordAudit } from './record-audit';
import { assertFresh } from './stale-edit';

export const MAX_JATS_BYTES = 1_500_000;

export async function listArticlesForAdmin() {
  return db.article.findMany({
    orderBy: [{ issueId: 'asc' }, { position: 'asc' }],
    select: {
      id: true,
      doi: true,
      title: true,
      isFree: true,
      updatedAt: true,
      topics: { select: { topic: { select: { name: true } } } },
      seeAlsoFrom: { select: { to: { select: { doi: true } } } },
      seeAlsoTo: { select: { from: { select: { doi: true } } } },
    },
  });
}

export async function listIssuesForAdmin() {
  return db.issue.findMany({
    orderBy: [{ year: 'desc' }, { month: 'desc' }],
    select: {
      id: true,
      volume: true,
      number: true,
      dateLabel: true,
      isCurrent: true,
      publishedAt: true,
      _count: { select: { articles: true } },
    },
  });
}

/** The pages that show an article: refreshed at once after an edit (the per-reader page's cache too). */
function refreshArticlePages(doi: string) {
  forgetArticleParts({ doi });
  try {
    revalidatePath(articlePath(doi));
    revalidatePath('/');
  } catch {
    // Outside a Next request (CLI import, tests) there is no page cache to refresh.
  }
}

/** A zip package (the XML with its figure images and supplementary files) may be this large. */
export const MAX_PACKAGE_BYTES = 30 * 1024 * 1024;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const uploadJatsSchema = z
  .object({
    fileName: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(/\.(xml|nxml|zip)$/i, 'Upload a .xml file or a .zip package.'),
    /** The file as text (already decoded by the sender) … */
    xml: z.string().min(1, 'The file is empty.').max(MAX_JATS_BYTES, 'The file is larger than 1.5 MB.').optional(),
    /** … or its bytes in base64 (the admin page sends this): an XML file, decoded here per its own declaration, or a zip. */
    xmlBase64: z
      .string()
      .min(1, 'The file is empty.')
      .max(Math.ceil(MAX_PACKAGE_BYTES / 3) * 4, 'The file is larger than 30 MB.')
      .regex(BASE64, 'The file did not arrive intact; try again.')
      .optional(),
    /** Import even when the package lacks files the XML references (each is listed as a warning). */
    allowMissingAssets: z.boolean().optional(),
  })
  .refine((v) => v.xml !== undefined || v.xmlBase64 !== undefined, { message: 'The file is empty.', path: ['xml'] });

function packagesOf(input: z.infer<typeof uploadJatsSchema>): JatsPackage[] {
  const bytes = input.xmlBase64 !== undefined ? Buffer.from(input.xmlBase64, 'base64') : Buffer.from(input.xml ?? '');
  if (/\.zip$/i.test(input.fileName)) return readZipPackages(bytes, input.fileName);
  if (bytes.length > MAX_JATS_BYTES) throw new ValidationError('The file is larger than 1.5 MB. Nothing was imported.');
  // A lone XML file is a package without files: what it references must be allowed to be missing.
  const xml = input.xmlBase64 !== undefined ? bytes : (input.xml ?? '');
  return [
    { name: input.fileName, xml: typeof xml === 'string' ? Buffer.from(xml) : xml, fileNames: [], readFile: noFile },
  ];
}

function noFile(name: string): never {
  throw new Error(`${name} is not in the package`);
}

/**
 * Imports (or updates) the articles of an uploaded XML file or zip package with their files,
 * renders each one's PDF and first page, and logs it. A package that cannot be imported changes nothing.
 */
export async function uploadJats(actor: CurrentUser, input: z.infer<typeof uploadJatsSchema>) {
  const results = [];
  try {
    for (const pkg of packagesOf(input)) {
      const result = await importJatsPackage(pkg, { allowMissingAssets: input.allowMissingAssets });
      if (!result.skipped) results.push(result);
    }
  } catch (error) {
    if (error instanceof JatsImportError) {
      const already = results.length > 0 ? ` (${results.map((r) => r.doi).join(', ')} imported before it)` : '';
      throw new ValidationError(
        `${error.message.replace(/; nothing was imported$/, '')}. Nothing was imported${already}.`,
      );
    }
    throw error;
  }
  for (const result of results) {
    await generateArticleFiles(result.articleId);
    await db.$transaction((tx) =>
      recordAudit(tx, actor, {
        action: result.created ? 'article.import' : 'article.reimport',
        targetType: 'Article',
        targetId: result.articleId,
        summary: `${result.created ? 'Imported' : 'Re-imported'} ${result.doi} from ${input.fileName}`,
        after: { doi: result.doi, files: result.assetCount },
      }),
    );
    refreshArticlePages(result.doi);
  }
  const [first] = results;
  if (!first) throw new ValidationError('The package held no article to import.');
  return {
    ...first,
    warnings: results.flatMap((r) => r.warnings),
    articles: results.map((r) => ({ doi: r.doi, created: r.created })),
  };
}

export const articleEditSchema = z.object({
  articleId: z.string().min(1).max(40),
  expectedUpdatedAt: z.string().min(1).max(40),
  isFree: z.boolean(),
  topics: z.array(z.string().trim().min(1).max(80)).max(30),
  /** DOIs of the "See Also" articles (a link shows on both articles). */
  seeAlso: z.array(z.string().trim().min(3).max(300)).max(20).default([]),
});

/** Marks an article free or paid and sets its topics. */
export async function editArticle(actor: CurrentUser, input: z.infer<typeof articleEditSchema>) {
  const after = await db.$transaction(async (tx) => {
    const before = await tx.article.findUnique({
      where: { id: input.articleId },
      select: { doi: true, isFree: true, updatedAt: true, topics: { select: { topic: { select: { name: true } } } } },
    });
    if (!before) throw new NotFoundError('No article has this id.');
    assertFresh('article', before.updatedAt, input.expectedUpdatedAt);
    const seeAlsoDois = [...new Set(input.seeAlso)].filter((doi) => doi !== before.doi);
    const linked = await tx.article.findMany({ where: { doi: { in: seeAlsoDois } }, select: { id: true, doi: true } });
    const unknown = seeAlsoDois.filter((doi) => !linked.some((l) => l.doi === doi));
    if (unknown.length) throw new ValidationError(`No article has the DOI ${unknown.join(', ')}. Nothing was changed.`);
    await tx.articleLink.deleteMany({
      where: { OR: [{ fromArticleId: input.articleId }, { toArticleId: input.articleId }] },
    });
    await tx.articleLink.createMany({
      data: linked.map((l) => ({ fromArticleId: input.articleId, toArticleId: l.id })),
    });
    const names = [...new Set(input.topics)];
    const topics = await Promise.all(
      names.map((name) =>
        tx.topic.upsert({ where: { slug: slugify(name) }, create: { slug: slugify(name), name }, update: {} }),
      ),
    );
    await tx.articleTopic.deleteMany({ where: { articleId: input.articleId } });
    await tx.articleTopic.createMany({ data: topics.map((t) => ({ articleId: input.articleId, topicId: t.id })) });
    const updated = await tx.article.update({
      where: { id: input.articleId },
      data: { isFree: input.isFree },
      select: { doi: true, isFree: true, updatedAt: true },
    });
    await recordAudit(tx, actor, {
      action: 'article.edit',
      targetType: 'Article',
      targetId: input.articleId,
      summary: `Edited ${before.doi}: ${updated.isFree ? 'free' : 'paid'}, topics ${names.join(', ') || 'none'}, see also ${seeAlsoDois.join(', ') || 'none'}`,
      before: { isFree: before.isFree, topics: before.topics.map((t) => t.topic.name) },
      after: { isFree: updated.isFree, topics: names, seeAlso: seeAlsoDois },
    });
    return updated;
  });
  refreshArticlePages(after.doi);
  return after;
}
