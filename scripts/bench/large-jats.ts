// Builds JATS files of a given size from a corpus file by repeating its body, for benchmarks.
import fs from 'node:fs';
import path from 'node:path';

export const corpusDir = path.resolve(import.meta.dirname, '../../tests/fixtures/jats');

/** The corpus's top-level files (typical articles from several publishers), as text. */
export function readCorpus(): { name: string; xml: string }[] {
  return fs
    .readdirSync(corpusDir)
    .filter((name) => name.endsWith('.xml'))
    .sort()
    .map((name) => ({ name, xml: fs.readFileSync(path.join(corpusDir, name), 'utf8') }));
}

/** The same article under another DOI, so each import creates an article rather than updating one. */
export function withDoi(xml: string, suffix: string): string {
  return xml.replace(/(<article-id pub-id-type="doi">)([^<]+)(<\/article-id>)/, `$1$2.${suffix}$3`);
}

/** The article with its body's sections repeated until the file is at least `bytes` long. */
export function repeatBody(xml: string, bytes: number): string {
  const start = xml.indexOf('<body>');
  const end = xml.indexOf('</body>');
  if (start < 0 || end < 0) throw new Error('The file has no <body> to repeat.');
  const body = xml.slice(start + '<body>'.length, end);
  const copies = Math.max(1, Math.ceil((bytes - (xml.length - body.length)) / body.length));
  return xml.slice(0, start + '<body>'.length) + body.repeat(copies) + xml.slice(end);
}

export const LARGE_SOURCE = 'plosone-pmc-pone.0046493.xml';
