// Importing real publishers' files into the real database: authors with their affiliations and ORCID
// iDs, the journal found by ISSN and never rewritten, and hostile files refused with nothing written,
// through the library, the CLI (npm run import:jats) and the admin upload.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { uploadJats } from '@/lib/admin/articles';
import { importJats } from '@/lib/articles/jats/import-jats';
import { JatsImportError } from '@/lib/articles/jats/jats-import-error';
import { resetDatabase } from '../support/reset-db';

const corpus = path.resolve(import.meta.dirname, '../fixtures/jats');
const bytesOf = (file: string) => fs.readFileSync(path.join(corpus, file));
const root = path.resolve(import.meta.dirname, '../..');

async function countRows() {
  const [journals, issues, articles, authors, affiliations, links, topics] = await Promise.all([
    db.journal.count(),
    db.issue.count(),
    db.article.count(),
    db.articleAuthor.count(),
    db.articleAffiliation.count(),
    db.articleAuthorAffiliation.count(),
    db.articleTopic.count(),
  ]);
  return { journals, issues, articles, authors, affiliations, links, topics };
}

const HOSTILE: [file: string, message: RegExp][] = [
  ['hostile/external-entity-system.xml', /^external-entity-system\.xml: declares the external entity &secret;/],
  [
    'hostile/external-parameter-entity-public.xml',
    /^external-parameter-entity-public\.xml: declares the external entity %remote;/,
  ],
  ['hostile/billion-laughs.xml', /^billion-laughs\.xml: the entity &lol5; expands to more than 100,000 characters/],
  ['hostile/latin1-bytes-without-declaration.xml', /^latin1-bytes-without-declaration\.xml: is not valid UTF-8/],
];

describe('importing authors, affiliations and ORCID iDs', () => {
  beforeEach(resetDatabase);

  it('stores each author with several affiliations (shared rows), ROR ids and a normalised ORCID iD', async () => {
    const file = 'scielo-bragantia-ror-orcid-2022.xml';
    const { articleId } = await importJats({ xml: bytesOf(file), fileName: file });
    const authors = await db.articleAuthor.findMany({
      where: { articleId },
      orderBy: { position: 'asc' },
      include: { affiliations: { orderBy: { position: 'asc' }, include: { affiliation: true } } },
    });
    expect(authors).toHaveLength(8);
    expect(authors[0]).toMatchObject({ surname: 'Callili', orcid: 'https://orcid.org/0000-0001-8130-0918' });
    expect(authors.every((a) => a.orcid?.startsWith('https://orcid.org/'))).toBe(true);
    const first = authors[0]?.affiliations[0]?.affiliation;
    expect(first).toMatchObject({ position: 0, ror: 'https://ror.org/00987cb86' });
    expect(first?.text).toMatch(/^Universidade Estadual Paulista “Júlio de Mesquita Filho” – Faculdade/);
    expect(first?.text).not.toContain('00987cb86');
    expect(await db.articleAffiliation.count({ where: { articleId } })).toBe(2);
  });

  it('keeps the title formatting and re-imports without duplicating authors or affiliations', async () => {
    const file = 'plosone-pmc-pone.0046493.xml';
    await importJats({ xml: bytesOf(file), fileName: file });
    const before = await countRows();
    await importJats({ xml: bytesOf(file), fileName: file });
    expect(await countRows()).toEqual(before);
    const article = await db.article.findUniqueOrThrow({ where: { doi: '10.1371/journal.pone.0046493' } });
    expect(article.title).toMatch(/^MmPPOX Inhibits Mycobacterium tuberculosis Lipolytic/);
    expect(article.titleHtml).toMatch(/^M<i>m<\/i>PPOX Inhibits <i>Mycobacterium tuberculosis<\/i> Lipolytic/);
  });

  it('an ISO-8859-1 file is stored with its accents intact', async () => {
    const file = 'derived/scielo-errata-rbee-2020-iso-8859-1.xml';
    const { articleId } = await importJats({ xml: bytesOf(file), fileName: 'latin1.xml' });
    const article = await db.article.findUniqueOrThrow({ where: { id: articleId }, include: { journal: true } });
    expect(article.journal.title).toBe('Revista Brasileira de Educação Especial');
    expect(article.fullTextHtml + article.previewHtml).not.toContain('\uFFFD');
  });
});

describe('the journal of an imported article', () => {
  beforeEach(resetDatabase);

  it('is found by ISSN and never overwritten by a later article (the print ISSN used to become NULL)', async () => {
    await importJats({ xml: bytesOf('plosmed-ioannidis-essay-nlm30-pmed.0020124.xml'), fileName: 'a.xml' });
    const second = await importJats({ xml: bytesOf('plosmed-prisma-guideline-pmed.1000097.xml'), fileName: 'b.xml' });
    expect(await db.journal.findMany({ select: { issn: true, eissn: true } })).toEqual([
      { issn: '1549-1277', eissn: '1549-1676' },
    ]);
    expect(second.warnings.filter((w) => w.includes('journal'))).toEqual([]);
  });

  it('matches by ISSN under another name, keeps the record and warns about each disagreement', async () => {
    const original = bytesOf('plosmed-ioannidis-essay-nlm30-pmed.0020124.xml').toString('utf8');
    await importJats({ xml: original, fileName: 'a.xml' });
    const renamed = original
      .replace(
        '<journal-id journal-id-type="nlm-ta">PLoS Med</journal-id>',
        '<journal-id journal-id-type="nlm-ta">PLOS Medicine</journal-id>',
      )
      .replace(/<journal-title>[^<]*<\/journal-title>/, '<journal-title>PLOS Medicine Journal</journal-title>')
      .replace('<issn pub-type="ppub">1549-1277</issn>', '<issn pub-type="ppub">1549-9999</issn>')
      .replace('10.1371/journal.pmed.0020124', '10.1371/journal.pmed.0029999');
    const result = await importJats({ xml: renamed, fileName: 'renamed.xml' });
    const journals = await db.journal.findMany();
    expect(journals).toHaveLength(1);
    expect(journals[0]).toMatchObject({ title: 'PLoS Medicine', abbreviation: 'PLoS Med', issn: '1549-1277' });
    expect(result.warnings.filter((w) => w.includes(': journal '))).toEqual([
      'renamed.xml: journal PLoS Med: the file gives the title "PLOS Medicine Journal", the stored journal has "PLoS Medicine"; the stored journal was kept',
      'renamed.xml: journal PLoS Med: the file gives the print ISSN "1549-9999", the stored journal has "1549-1277"; the stored journal was kept',
    ]);
  });
});

describe('hostile files', () => {
  beforeEach(resetDatabase);

  it.each(HOSTILE)('%s is refused, naming the file, and nothing is written', async (file, message) => {
    await importJats({ xml: bytesOf('critcare-meeting-abstract-cc11003.xml'), fileName: 'ok.xml' });
    const before = await countRows();
    const attempt = importJats({ xml: bytesOf(file), fileName: path.basename(file) });
    await expect(attempt).rejects.toThrow(JatsImportError);
    await expect(attempt).rejects.toThrow(message);
    expect(await countRows()).toEqual(before);
  });

  it('scripts and javascript: links are stored only as harmless text', async () => {
    const { articleId } = await importJats({
      xml: bytesOf('hostile/script-and-javascript-links.xml'),
      fileName: 'x.xml',
    });
    const article = await db.article.findUniqueOrThrow({ where: { id: articleId }, include: { authors: true } });
    const html = article.titleHtml + article.previewHtml + article.fullTextHtml;
    expect(html).not.toMatch(/<script|javascript:|<img|onclick|onerror=alert\(2\)"/i);
    expect(article.titleHtml).toBe("Scripted alert('title')<i>title</i> &lt;img src=x onerror=alert(2)&gt;");
    expect(article.authors[0]?.orcid).toBe('https://orcid.org/0000-0002-1825-0097');
  });
});

describe('npm run import:jats and the admin upload', () => {
  beforeEach(resetDatabase);

  it('the CLI prints each warning under its file, the refusal with the file name, and exits 1', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jats-cli-'));
    const noName = bytesOf('critcare-meeting-abstract-cc11003.xml')
      .toString('utf8')
      .replace(
        '<contrib contrib-type="author" corresp="yes" id="A1">',
        '<contrib contrib-type="author"><role>Data</role></contrib><contrib contrib-type="author" corresp="yes" id="A1">',
      );
    fs.writeFileSync(path.join(dir, 'unnamed-author.xml'), noName);
    const args = [
      '--conditions=react-server',
      'scripts/import-jats.ts',
      path.join(dir, 'unnamed-author.xml'),
      path.join(corpus, 'hostile/billion-laughs.xml'),
    ];
    const run = promisify(execFile)(path.join(root, 'node_modules/.bin/tsx'), args, {
      cwd: root,
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
    });
    const failure = (await run.catch((e: unknown) => e)) as { code: number; stdout: string; stderr: string };
    expect(failure.code).toBe(1);
    expect(failure.stdout).toMatch(
      /^\[1\/2\] unnamed-author\.xml: imported 10\.1186\/cc11003 \(created, 0 files, \d+ ms\)\n {2}warning: unnamed-author\.xml: author 1 has no name \(no <name>, <string-name> or <collab>\) and was left out\ndone: 1 imported, 0 unchanged, 1 failed\n$/,
    );
    expect(failure.stderr).toMatch(
      /^\[2\/2\] billion-laughs\.xml: failed: billion-laughs\.xml: the entity &lol5; expands to more than 100,000 characters/,
    );
    expect(await db.articleAuthor.count()).toBe(5);
    expect(await db.article.count()).toBe(1);
  }, 60_000);

  it('the admin upload decodes the bytes per the file, and returns the warnings', async () => {
    const user = await db.user.create({
      data: { email: 'admin@example.org', name: 'Admin', passwordHash: 'x', role: 'admin' },
    });
    const admin: CurrentUser = {
      id: user.id,
      name: user.name,
      email: user.email,
      role: 'admin',
      emailVerified: true,
      sessionId: 'test-session',
    };
    const latin1 = bytesOf('derived/scielo-errata-rbee-2020-iso-8859-1.xml');
    const result = await uploadJats(admin, { fileName: 'latin1.xml', xmlBase64: latin1.toString('base64') });
    expect(result).toMatchObject({ doi: '10.1590/1980-54702020v26e0188', created: true, warnings: [] });
    const journal = await db.journal.findFirstOrThrow();
    expect(journal.title).toBe('Revista Brasileira de Educação Especial');
    await expect(
      uploadJats(admin, { fileName: 'lol.xml', xmlBase64: bytesOf('hostile/billion-laughs.xml').toString('base64') }),
    ).rejects.toThrow(/^lol\.xml: the entity &lol5; expands to more than 100,000 characters.*Nothing was imported\.$/);
    expect(await db.article.count()).toBe(1);
  }, 60_000);
});
