// Validates XML documents against a schema with xmllint (Debian's libxml2-utils), offline: the
// schemas' absolute imports resolve to the copies in tests/fixtures/xsd through its catalog.
// Every document goes through one xmllint run, so the large schemas are compiled once.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export const XSD_DIR = path.join(import.meta.dirname, '../fixtures/xsd');

export type XmlVerdict = { name: string; isValid: boolean; errors: string[] };

/** Each named document with whether it validates and xmllint's messages about it. */
export async function validateXml(schema: string, documents: Record<string, string>): Promise<XmlVerdict[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xsd-check-'));
  const files = Object.entries(documents).map(([name, xml], i) => {
    const file = path.join(dir, `${i}-${name.replace(/[^A-Za-z0-9_-]+/g, '_')}.xml`);
    fs.writeFileSync(file, xml);
    return { name, file };
  });
  let output = '';
  try {
    const result = await promisify(execFile)(
      'xmllint',
      ['--nonet', '--noout', '--schema', path.join(XSD_DIR, schema), ...files.map((f) => f.file)],
      { env: { ...process.env, XML_CATALOG_FILES: path.join(XSD_DIR, 'catalog.xml') }, maxBuffer: 64 * 1024 * 1024 },
    );
    output = result.stderr;
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') throw new Error('xmllint is missing: apt-get install libxml2-utils (.ci/run does).');
    output = e.stderr ?? String(error);
  } finally {
    setTimeout(() => fs.rmSync(dir, { recursive: true, force: true }), 0);
  }
  const lines = output.split('\n');
  return files.map(({ name, file }) => ({
    name,
    isValid: lines.includes(`${file} validates`),
    errors: lines.filter((line) => line.startsWith(file) && !line.endsWith(' validates')),
  }));
}
