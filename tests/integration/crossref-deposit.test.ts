// Crossref deposit XML for the seed's issue and for real publishers' JATS articles, validated
// against Crossref's published schema 5.3.1 (with the schemas it imports) by xmllint, and checked
// against what the source files say: every reference DOI, ORCID iD and ROR id reaches the file.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importJats } from '@/lib/articles/jats/import-jats';
import { createCrossrefDeposit } from '@/lib/crossref/create-crossref-deposit';
import { db } from '@/lib/db';
import { readFixture } from '../support/jats-packages';
import { resetDatabase } from '../support/reset-db';
import { validateXml } from '../support/validate-xml';

const seedDir = path.resolve(import.meta.dirname, '../../prisma/seed/jats');
const REAL_FILES = ['peerj-mathml-1000.xml', 'scielo-bragantia-ror-orcid-2022.xml', 'elife-orcid-e09853.xml'];

/** Each reference's DOI as the source file writes it in a pub-id. */
function referenceDoisOf(xml: string): string[] {
  const refList = xml.slice(xml.indexOf('<ref-list'));
  return [...refList.matchAll(/<pub-id pub-id-type="doi">\s*([^<\s]+)\s*<\/pub-id>/g)].map((m) => m[1]!);
}

const deposits: Record<string, string> = {};

describe('Crossref deposit', () => {
  beforeAll(async () => {
    await resetDatabase();
    for (const file of fs.readdirSync(seedDir).filter((f) => f.endsWith('.xml'))) {
      await importJats({ xml: fs.readFileSync(path.join(seedDir, file)), fileName: file });
    }
    for (const file of REAL_FILES) await importJats({ xml: readFixture(file), fileName: file });
  });

  it("deposits the seed's issue (by volume/number): journal, issue, every article with its DOI and address", async () => {
    const { fileName, xml } = await createCrossrefDeposit({ issue: '148/4' });
    deposits['seed-issue'] = xml;
    expect(fileName).toMatch(/^crossref-vol148-no4-\d{4}-\d\d-\d\d\.xml$/);
    const issue = await db.issue.findFirstOrThrow({
      where: { volume: '148', number: '4' },
      include: { articles: true },
    });
    expect(xml.split('<journal_article ').length - 1).toBe(issue.articles.length);
    expect(xml).toContain('<full_title>Archives of Dermatology</full_title>');
    expect(xml).toContain('<journal_volume><volume>148</volume></journal_volume><issue>4</issue>');
    for (const article of issue.articles) {
      expect(xml).toContain(`<doi>${article.doi}</doi><resource>http://localhost:`);
    }
    // The same issue by its id gives the same articles.
    const byId = await createCrossrefDeposit({ issue: issue.id });
    expect(byId.xml.split('<journal_article ').length).toBe(xml.split('<journal_article ').length);
  });

  it.each(REAL_FILES)('deposits %s with every reference DOI, ORCID iD and ROR id of the file', async (file) => {
    const source = readFixture(file).toString('utf8');
    const doi = /<article-id pub-id-type="doi">([^<]+)<\/article-id>/.exec(source)![1]!;
    const { xml } = await createCrossrefDeposit({ article: doi });
    deposits[file] = xml;
    const citationList = xml.slice(xml.indexOf('<citation_list>'));
    const expected = referenceDoisOf(source);
    expect(expected.length).toBeGreaterThan(0);
    for (const refDoi of expected) expect(citationList).toContain(`<doi>${refDoi.replace(/[.,;]+$/, '')}</doi>`);
    const orcids = [...source.matchAll(/orcid\.org\/(\d{4}-\d{4}-\d{4}-\d{3}[\dX])/g)].map((m) => m[1]!);
    for (const orcid of orcids) expect(xml).toContain(`<ORCID>https://orcid.org/${orcid}</ORCID>`);
    const rors = [...source.matchAll(/ror\.org\/([0-9a-z]{9})\b/g)].map((m) => m[1]!);
    for (const ror of rors) expect(xml).toContain(`<institution_id type="ror">https://ror.org/${ror}</institution_id>`);
  });

  it('refuses what it cannot deposit with a message, and names an unknown issue or article', async () => {
    await expect(createCrossrefDeposit({ issue: '999/9' })).rejects.toThrow('No issue "999/9"');
    await expect(createCrossrefDeposit({ article: '10.1/nothing' })).rejects.toThrow('No article "10.1/nothing"');
    const journal = await db.journal.findFirstOrThrow();
    await db.article.create({
      data: {
        doi: '10.5555/undated',
        journalId: journal.id,
        articleType: 'letter',
        title: 'Undated',
        previewHtml: '',
        fullTextHtml: '',
      },
    });
    await expect(createCrossrefDeposit({ article: '10.5555/undated' })).rejects.toThrow('has no publication date');
  });

  it('every deposit is valid against crossref5.3.1.xsd (and a broken one is not)', async () => {
    expect(Object.keys(deposits)).toHaveLength(1 + REAL_FILES.length);
    const broken = deposits['seed-issue']!.replace('<timestamp>', '<timestamp>not-a-number');
    const verdicts = await validateXml('crossref/crossref5.3.1.xsd', { ...deposits, broken });
    expect(verdicts.filter((v) => !v.isValid).map((v) => v.name)).toEqual(['broken']);
    expect(verdicts.filter((v) => !v.isValid && v.name !== 'broken')).toEqual([]);
  }, 180_000);
});
