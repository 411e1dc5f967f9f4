import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { listAssetRefs } from '@/lib/articles/assets/asset-refs';
import type { AssetViews } from '@/lib/articles/assets/asset-views';
import { readZipPackages, unsafeEntryName } from '@/lib/articles/assets/read-zip-package';
import { resolvePackageFile } from '@/lib/articles/assets/resolve-package-file';
import { parseXmlRoot } from '@/lib/articles/jats/jats-dom';
import { parseJats } from '@/lib/articles/jats/parse-jats';
import { readFixture } from '../support/jats-packages';

const plosOne = readFixture('plosone-pmc-pone.0046493.xml').toString('utf8');

describe('resolvePackageFile', () => {
  it('matches an href without extension to the best source, case-insensitively and by basename', () => {
    const files = ['fig1.gif', 'fig1.jpg', 'FIG1.TIF', 'graphics/fig2.png', 'S1.docx'];
    expect(resolvePackageFile('fig1', files)).toBe('FIG1.TIF');
    expect(resolvePackageFile('fig1.jpg', files)).toBe('fig1.jpg');
    expect(resolvePackageFile('fig2', files)).toBe('graphics/fig2.png');
    expect(resolvePackageFile('./S1.docx', files)).toBe('S1.docx');
    expect(resolvePackageFile('fig3', files)).toBeNull();
  });
});

describe('zip entry names', () => {
  it('refuses traversal, absolute paths and backslashes, and keeps ordinary names', () => {
    expect(unsafeEntryName('a/../../b.xml')).toMatch(/outside the package/);
    expect(unsafeEntryName('/etc/passwd')).toMatch(/absolute/);
    expect(unsafeEntryName('C:/x.xml')).toMatch(/absolute/);
    expect(unsafeEntryName('a\\b.xml')).toMatch(/backslash/);
    expect(unsafeEntryName('pone.0046493/pone.0046493.g001.tif')).toBeNull();
  });

  it('gives one package per XML file with the files of its folder', () => {
    const bytes = new TextEncoder().encode('x');
    const zip = zipSync({
      'a/a.nxml': bytes,
      'a/a.g1.jpg': bytes,
      'b/b.xml': bytes,
      'b/b.pdf': bytes,
      '__MACOSX/a/._a.nxml': bytes,
    });
    const packages = readZipPackages(zip, 'two.zip');
    expect(packages.map((p) => [p.name, p.fileNames])).toEqual([
      ['two.zip:a/a.nxml', ['a.g1.jpg']],
      ['two.zip:b/b.xml', ['b.pdf']],
    ]);
  });
});

describe('figures, media and supplementary files in the HTML', () => {
  it('lists every referenced file once with its kind', () => {
    const refs = listAssetRefs(parseXmlRoot(plosOne, 'pone.xml'));
    expect(refs.filter((r) => r.kind === 'graphic')).toHaveLength(7);
    expect(refs.filter((r) => r.kind === 'media').map((r) => r.href)).toEqual(
      [1, 2, 3, 4].map((n) => `pone.0046493.s00${n}.doc`),
    );
  });

  it('keeps an absolute-URL graphic as a link, never as an image', () => {
    const xml = plosOne.replace('xlink:href="pone.0046493.g001"', 'xlink:href="https://journals.plos.org/fig1.png"');
    const html = parseJats(xml, 'pone.xml', { assets: new Map() }).fullTextHtml;
    expect(html).toMatch(
      /<figure class="fig" id="pone-0046493-g001"><p class="asset-external"><a rel="noopener" href="https:\/\/journals\.plos\.org\/fig1\.png">View the image \(at journals\.plos\.org\)<\/a><\/p><figcaption>/,
    );
    expect(html).not.toMatch(/<img[^>]+https:/);
  });

  it('gives a playable video a player, its caption and a download link', () => {
    const xml = plosOne.replace(
      '<media xlink:href="pone.0046493.s001.doc" mimetype="application" mime-subtype="msword">',
      '<media xlink:href="movie1.mp4" mimetype="video" mime-subtype="mp4">',
    );
    const views: AssetViews = new Map([
      [
        'movie1.mp4',
        {
          kind: 'file',
          key: 'abc1234567-movie1.mp4',
          fileName: 'movie1.mp4',
          byteSize: 2_500_000,
          contentType: 'video/mp4',
        },
      ],
    ]);
    const html = parseJats(xml, 'pone.xml', { assets: views }).fullTextHtml;
    expect(html).toContain(
      '<div class="media"><video controls preload="metadata" src="/doi/10.1371/journal.pone.0046493/assets/abc1234567-movie1.mp4"></video><p class="asset-download"><a href="/doi/10.1371/journal.pone.0046493/assets/abc1234567-movie1.mp4" download="movie1.mp4">movie1.mp4</a> (2.4 MB)</p><div><p>Click here for additional data file.</p></div></div>',
    );
  });

  it('puts a slide link in each figure and table, and keeps table cells for the slide', () => {
    const parsed = parseJats(plosOne, 'pone.xml');
    expect(parsed.fullTextHtml.match(/>Download slide<\/a>/g)).toHaveLength(7);
    const table = parsed.figures.find((f) => f.figureId === 'pone-0046493-t001');
    expect(table).toMatchObject({ kind: 'table', label: 'Table 1', imageKey: null });
    expect(table?.table?.[0]?.[1]).toMatchObject({ colspan: 6, header: true });
    expect(table?.licence).toMatch(/Creative Commons Attribution License/);
  });
});
