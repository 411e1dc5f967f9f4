import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { db } from '@/lib/db';
import { generateArticleFiles } from '@/lib/articles/generate-article-files';
import { importJats } from '@/lib/articles/jats/import-jats';
import { seedDemoAccounts } from './seed-demo-accounts';
import { seedUsage } from './seed-usage';
import { seedCme } from './seed-cme';
import { seedRelated } from './seed-related';

const jatsDir = path.join(import.meta.dirname, 'jats');

/** Imports every sample JATS file, renders each article's PDF and first page, and marks the issue current. */
export async function seedSampleJournal(): Promise<void> {
  const started = Date.now();
  const files = fs
    .readdirSync(jatsDir)
    .filter((f) => f.endsWith('.xml'))
    .sort();
  const imported = [];
  for (const file of files) {
    const xml = fs.readFileSync(path.join(jatsDir, file));
    imported.push(await importJats({ xml, fileName: file }));
  }
  for (const { articleId, doi } of imported) {
    await generateArticleFiles(articleId);
    console.log(`Seeded ${doi}`);
  }
  await orderIssuesByPage();
  const newest = await db.issue.findFirst({ orderBy: [{ year: 'desc' }, { month: 'desc' }] });
  if (newest) await db.issue.update({ where: { id: newest.id }, data: { isCurrent: true, publishedAt: new Date() } });
  await seedCme();
  await seedRelated();
  await seedDemoAccounts();
  await seedUsage();
  console.log(`Sample journal seeded: ${files.length} articles in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

/** Table-of-contents order follows the printed page numbers. */
async function orderIssuesByPage() {
  const articles = await db.article.findMany({ select: { id: true, issueId: true, fpage: true } });
  const byPage = articles.sort((a, b) => (parseInt(a.fpage ?? '', 10) || 1e9) - (parseInt(b.fpage ?? '', 10) || 1e9));
  await db.$transaction(byPage.map((a, position) => db.article.update({ where: { id: a.id }, data: { position } })));
}
