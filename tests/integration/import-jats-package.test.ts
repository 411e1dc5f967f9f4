import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { unzipSync, zipSync } from 'fflate';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import sharp from 'sharp';
import { beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { uploadJats } from '@/lib/admin/articles';
import { generateArticleFiles } from '@/lib/articles/generate-article-files';
import { importJatsPackage, MissingAssetsError } from '@/lib/articles/assets/import-jats-package';
import { readZipPackages } from '@/lib/articles/assets/read-zip-package';
import { readAssetForReader, readArticleFigureImage } from '@/lib/articles/assets/read-asset-for-reader';
import { readFigureSlide } from '@/lib/articles/slides/read-figure-slide';
import { JatsImportError } from '@/lib/articles/jats/jats-import-error';
import { ValidationError } from '@/lib/errors/app-error';
import { resetDatabase } from '../support/reset-db';
import { plosOnePackageFiles, zipOf } from '../support/jats-packages';

const DOI = '10.1371/journal.pone.0046493';
const visitor = () => Promise.resolve({ userId: null, ip: null });
let files: Record<string, Uint8Array>;

async function counts() {
  const [articles, assets, figures] = await Promise.all([
    db.article.count(),
    db.articleAsset.count(),
    db.articleFigure.count(),
  ]);
  return { articles, assets, figures };
}

async function admin(): Promise<CurrentUser> {
  const user = await db.user.create({
    data: { email: `admin-${Date.now()}@example.com`, name: 'Admin', role: 'admin', passwordHash: 'x' },
  });
  return { id: user.id, name: user.name, email: user.email, role: 'admin', emailVerified: true, sessionId: 'test' };
}

function without(name: string): Record<string, Uint8Array> {
  return Object.fromEntries(Object.entries(files).filter(([n]) => n !== name));
}

beforeAll(async () => {
  files = await plosOnePackageFiles();
}, 60_000);

describe('article packages', () => {
  beforeEach(resetDatabase);

  it('puts the figures’ images into the article PDF', async () => {
    const [pkg] = readZipPackages(zipOf(files, 'pone.0046493/'), 'pone.0046493.zip');
    await importJatsPackage(pkg!);
    const article = await db.article.findUniqueOrThrow({ where: { doi: DOI }, include: { figures: true } });
    const withImages = article.figures.filter((f) => f.imageKey).length;
    expect(withImages).toBeGreaterThan(0);
    await generateArticleFiles(article.id);
    const { pdf } = await db.articleFiles.findUniqueOrThrow({ where: { articleId: article.id } });
    const doc = await PDFDocument.load(pdf);
    const images = doc.context
      .enumerateIndirectObjects()
      .filter(
        ([, object]) =>
          object instanceof PDFRawStream && object.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'),
      );
    expect(images.length).toBeGreaterThanOrEqual(withImages);
  }, 120_000);

  it('imports a PMC-style zip with every referenced file: images converted, supplements stored', async () => {
    const [pkg] = readZipPackages(zipOf(files, 'pone.0046493/'), 'pone.0046493.zip');
    const result = await importJatsPackage(pkg!);
    expect(result).toMatchObject({ skipped: false, doi: DOI, created: true });

    const article = await db.article.findUniqueOrThrow({
      where: { doi: DOI },
      include: { assets: true, figures: true },
    });
    const keys = article.assets.map((a) => a.key);
    // 7 images (4 figures, 3 table images) in AVIF, WebP and JPEG at each width; the TIFF is the source of g001.
    for (const stem of ['g001', 'g002', 'g003', 'g004', 't001', 't002', 't003']) {
      for (const ext of ['avif', 'webp'])
        expect(keys.some((k) => k.includes(`-${stem}-`) && k.endsWith(`.${ext}`))).toBe(true);
    }
    const g001 = article.assets.filter((a) => a.key.includes('-g001-'));
    expect(Math.max(...g001.map((a) => a.width ?? 0))).toBe(1100); // the 1100 px TIFF, not the 300 px GIF
    expect(g001.find((a) => a.key.endsWith('-w480.jpg'))).toMatchObject({
      contentType: 'image/jpeg',
      width: 480,
      height: 305,
    });
    const png = article.assets.find((a) => a.key.includes('-g003-') && a.key.endsWith('.png'));
    expect(png?.contentType).toBe('image/png'); // transparency kept
    const webp = article.assets.find((a) => a.key.endsWith('.webp'))!;
    expect((await sharp(webp.bytes).metadata()).format).toBe('webp');
    for (const n of [1, 2, 3, 4]) expect(keys.some((k) => k.endsWith(`-pone.0046493.s00${n}.doc`))).toBe(true);

    // The page: a <picture> per figure inside <figure class="fig">, with width/height and alt from the caption.
    expect(article.fullTextHtml).toMatch(
      /<figure class="fig" id="pone-0046493-g001"><picture><source type="image\/avif" srcset="\/doi\/10\.1371\/journal\.pone\.0046493\/assets\/[^"]+-w480\.avif 480w/,
    );
    expect(article.fullTextHtml).toMatch(
      /<img src="[^"]+-w1100\.jpg" srcset="[^"]+" sizes="[^"]+" width="1100" height="700" alt="Figure 1/,
    );
    expect(article.fullTextHtml).toMatch(/download="pone\.0046493\.s001\.doc">pone\.0046493\.s001\.doc<\/a> \(23 B\)/);
    expect(article.fullTextHtml).toContain('>Download slide</a>');
    expect(article.figures.map((f) => f.figureId).sort()).toEqual(
      [
        'pone-0046493-g001',
        'pone-0046493-g002',
        'pone-0046493-g003',
        'pone-0046493-g004',
        'pone-0046493-t001',
        'pone-0046493-t002',
        'pone-0046493-t003',
      ].sort(),
    );
    // For the PDF: the print image of a figure.
    const print = await readArticleFigureImage(article.id, 'pone-0046493-g002');
    expect(print).toMatchObject({ contentType: 'image/jpeg', width: 600, height: 400 });
  });

  it('refuses an article whose package lacks a referenced file, naming it, and writes nothing', async () => {
    const [pkg] = readZipPackages(zipOf(without('pone.0046493.g003.png')), 'pone.zip');
    const error = await importJatsPackage(pkg!).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingAssetsError);
    expect((error as Error).message).toContain('pone.0046493.g003 (graphic)');
    expect(await counts()).toEqual({ articles: 0, assets: 0, figures: 0 });
  });

  it('imports without the missing file when allowed, with a warning naming it', async () => {
    const [pkg] = readZipPackages(zipOf(without('pone.0046493.g003.png')), 'pone.zip');
    const result = await importJatsPackage(pkg!, { allowMissingAssets: true });
    expect(result.skipped).toBe(false);
    if (result.skipped) return;
    expect(result.warnings.join('\n')).toContain('graphic "pone.0046493.g003" is missing from the package');
    const article = await db.article.findUniqueOrThrow({ where: { doi: DOI } });
    expect(article.fullTextHtml).toMatch(/<figure class="fig" id="pone-0046493-g003"><figcaption>/);
    expect(article.fullTextHtml).toMatch(/<figure class="fig" id="pone-0046493-g002"><picture>/);
  });

  it('skips an unchanged package on a re-run and imports a changed one', async () => {
    const load = (f: Record<string, Uint8Array>) => readZipPackages(zipOf(f), 'pone.zip')[0]!;
    await importJatsPackage(load(files), { skipUnchanged: true });
    const again = await importJatsPackage(load(files), { skipUnchanged: true });
    expect(again.skipped).toBe(true);
    const changed = {
      ...files,
      'pone.0046493.g002.jpg': await sharp(files['pone.0046493.g002.jpg']).flip().jpeg().toBuffer(),
    };
    const third = await importJatsPackage(load(changed), { skipUnchanged: true });
    expect(third).toMatchObject({ skipped: false, created: false });
  });

  it('gates figures of the full text like the text, and slides need a signed-in, entitled reader', async () => {
    const [pkg] = readZipPackages(zipOf(files), 'pone.zip');
    await importJatsPackage(pkg!);
    const article = await db.article.update({
      where: { doi: DOI },
      data: { isFree: false },
      include: { assets: true },
    });
    const jpeg = article.assets.find((a) => a.key.endsWith('-w480.jpg'))!;
    expect(jpeg.isPublic).toBe(false);
    expect(await readAssetForReader(DOI, jpeg.key, visitor)).toEqual({ canRead: false });
    expect(await readAssetForReader(DOI, 'no-such-key.jpg', visitor)).toBeNull();
    const figureId = 'pone-0046493-g001';
    expect(await readFigureSlide(DOI, figureId, { userId: null, ip: null })).toEqual({ status: 'sign-in' });
    const reader = await db.user.create({ data: { email: 'reader@example.com', name: 'Reader', passwordHash: 'x' } });
    expect(await readFigureSlide(DOI, figureId, { userId: reader.id, ip: null })).toEqual({ status: 'forbidden' });

    await db.article.update({ where: { doi: DOI }, data: { isFree: true } });
    const served = await readAssetForReader(DOI, jpeg.key, visitor);
    expect(served?.canRead && served.asset.contentType).toBe('image/jpeg');
    const slide = await readFigureSlide(DOI, 'pone-0046493-t001', { userId: reader.id, ip: null });
    expect(slide?.status).toBe('ok');
    if (slide?.status !== 'ok') return;
    const pptx = unzipSync(new Uint8Array(slide.pptx));
    const xml = new TextDecoder().decode(pptx['ppt/slides/slide1.xml']);
    expect(xml).toContain('Table 1');
    expect(xml).toContain(`doi:${DOI}`);
    // The table has real cells (beside its image stand-in): the slide gets a native table, no picture.
    expect(xml).toContain('<a:tbl>');
    expect(Object.keys(pptx).some((n) => /^ppt\/media\/.+\.(jpe?g|png)$/.test(n))).toBe(false);
  });
});

describe('hostile zips', () => {
  beforeEach(resetDatabase);

  async function uploadZip(bytes: Uint8Array) {
    return uploadJats(await admin(), { fileName: 'package.zip', xmlBase64: Buffer.from(bytes).toString('base64') });
  }

  it('refuses path traversal before reading anything, and writes nothing', async () => {
    const evil = zipSync({
      'pone.0046493.nxml': files['pone.0046493.nxml']!,
      '../../etc/evil.jpg': files['pone.0046493.g002.jpg']!,
    });
    await expect(uploadZip(evil)).rejects.toThrow(/"\.\.\/\.\.\/etc\/evil\.jpg" points outside the package/);
    expect(() => readZipPackages(zipSync({ '/abs/a.xml': new Uint8Array(1) }), 'a.zip')).toThrow(JatsImportError);
    expect(await counts()).toEqual({ articles: 0, assets: 0, figures: 0 });
  });

  it('refuses a zip bomb (and a file larger than the zip declares), and writes nothing', async () => {
    const bomb = zipSync({
      'pone.0046493.nxml': files['pone.0046493.nxml']!,
      'pone.0046493.g001.tif': new Uint8Array(64 * 1024 * 1024),
    });
    await expect(uploadZip(bomb)).rejects.toThrow(/inflates \d+-fold \(a zip bomb\?\)/);
    const lying = Buffer.from(zipSync({ 'a.xml': new Uint8Array(100_000) }, { level: 0 }));
    lying.writeUInt32LE(10, 22);
    lying.writeUInt32LE(10, lying.indexOf(Buffer.from([0x50, 0x4b, 1, 2])) + 24);
    await expect(uploadZip(lying)).rejects.toThrow(ValidationError);
    expect(await counts()).toEqual({ articles: 0, assets: 0, figures: 0 });
  });
});

describe('npm run import:jats', () => {
  beforeEach(resetDatabase);

  it('imports a folder of packages with progress, per-file report and a resumable re-run', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jats-batch-'));
    fs.writeFileSync(path.join(dir, 'pone.zip'), zipOf(files));
    const incomplete = path.join(dir, 'ehp');
    fs.mkdirSync(incomplete);
    fs.copyFileSync(
      path.resolve(import.meta.dirname, '../fixtures/jats/ehp-public-domain-research-ehp-116-1694.xml'),
      path.join(incomplete, 'ehp.xml'),
    );
    const run = (...args: string[]) =>
      promisify(execFile)('npx', ['tsx', '--conditions=react-server', 'scripts/import-jats.ts', ...args], {
        env: { ...process.env, DATABASE_URL: inject('databaseUrl') },
        cwd: path.resolve(import.meta.dirname, '../..'),
      }).then(
        (r) => ({ code: 0, out: r.stdout + r.stderr }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
      );
    const first = await run(dir);
    expect(first.code).toBe(1);
    expect(first.out).toContain('[1/2] ehp.xml');
    expect(first.out).toMatch(/ehp-116-1694f1 \(graphic\)/);
    expect(first.out).toMatch(/\[2\/2\] pone\.zip: imported 10\.1371\/journal\.pone\.0046493 \(created, \d+ files/);
    expect(first.out).toContain('done: 1 imported, 0 unchanged, 1 failed');

    const second = await run(dir, '--allow-missing-assets');
    expect(second.out).toContain('[2/2] pone.zip: unchanged since the last import, skipped');
    expect(second.out).toMatch(/\[1\/2\] ehp\.xml: imported 10\.1289\/ehp\.11570 \(created/);
    expect(second.out).toContain('done: 1 imported, 1 unchanged, 0 failed');
    expect(second.code).toBe(0);
  }, 120_000);
});
