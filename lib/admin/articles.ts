import 'server-only';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { articlePath } from '@/lib/articles/article-path';
import { generateArticleFiles } from '@/lib/articles/generate-article-files';
import { importJats } from '@/lib/articles/jats/import-jats';
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

/** The static pages that show an article: refreshed at once after an edit. */
function refreshArticlePages(doi: string) {
  try {
    revalidatePath(articlePath(doi));
    revalidatePath('/');
  } catch {
    // Outside a Next request (CLI import, tests) there is no page cache to refresh.
  }
}

export const uploadJatsSchema = z
  .object({
    fileName: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(/\.xml$/i, 'Upload a .xml file.'),
    /** The file as text (already decoded by the sender) … */
    xml: z.string().min(1, 'The file is empty.').max(MAX_JATS_BYTES, 'The file is larger than 1.5 MB.').optional(),
    /** … or its bytes in base64, decoded here per the file's own XML declaration (the admin page sends this). */
    xmlBase64: z
      .string()
      .min(1, 'The file is empty.')
      .max(Math.ceil(MAX_JATS_BYTES / 3) * 4, 'The file is larger than 1.5 MB.')
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file did not arrive intact; try again.')
      .optional(),
  })
  .refine((v) => v.xml !== undefined || v.xmlBase64 !== undefined, { message: 'The file is empty.', path: ['xml'] });

/** Imports (or updates) an article from JATS XML, renders its PDF and first page, and logs it. */
export async function uploadJats(actor: CurrentUser, input: z.infer<typeof uploadJatsSchema>) {
  const xml = input.xmlBase64 !== undefined ? Buffer.from(input.xmlBase64, 'base64') : (input.xml ?? '');
  if (xml.length > MAX_JATS_BYTES) throw new ValidationError('The file is larger than 1.5 MB. Nothing was imported.');
  let result;
  try {
    result = await importJats({ xml, fileName: input.fileName });
  } catch (error) {
    if (error instanceof JatsImportError) throw new ValidationError(`${error.message}. Nothing was imported.`);
    throw error;
  }
  await generateArticleFiles(result.articleId);
  await db.$transaction((tx) =>
    recordAudit(tx, actor, {
      action: result.created ? 'article.import' : 'article.reimport',
      targetType: 'Article',
      targetId: result.articleId,
      summary: `${result.created ? 'Imported' : 'Re-imported'} ${result.doi} from ${input.fileName}`,
      after: { doi: result.doi },
    }),
  );
  refreshArticlePages(result.doi);
  return result;
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
