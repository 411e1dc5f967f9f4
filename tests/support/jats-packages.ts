// Builds real article packages for tests: a corpus XML file with real image bytes (made by sharp:
// JPEG, TIFF as typesetters send, PNG with transparency, GIF) and real zip bytes (fflate).
import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import sharp from 'sharp';

export const fixturesDir = path.resolve(import.meta.dirname, '../fixtures/jats');

export function readFixture(file: string): Buffer {
  return fs.readFileSync(path.join(fixturesDir, file));
}

/** A noisy picture (so encoders have real work) in the given format. */
export async function makeImage(format: 'jpeg' | 'tiff' | 'png' | 'gif', width = 900, height = 600): Promise<Buffer> {
  const image = sharp({
    create: {
      width,
      height,
      channels: format === 'png' ? 4 : 3,
      background: { r: 40, g: 90, b: 160, alpha: 0.8 },
      noise: { type: 'gaussian', mean: 120, sigma: 40 },
    },
  });
  return image[format]().toBuffer();
}

/**
 * The PLOS ONE article pone.0046493 as PMC ships it: 4 figures and 3 table images named without
 * extensions in the XML ("pone.0046493.g001"), and 4 supplementary Word files.
 */
export async function plosOnePackageFiles(): Promise<Record<string, Uint8Array>> {
  const files: Record<string, Uint8Array> = {
    'pone.0046493.nxml': readFixture('plosone-pmc-pone.0046493.xml'),
    'pone.0046493.g001.tif': await makeImage('tiff', 1100, 700),
    'pone.0046493.g001.gif': await makeImage('gif', 300, 200),
    'pone.0046493.g002.jpg': await makeImage('jpeg', 600, 400),
    'pone.0046493.g003.png': await makeImage('png', 400, 300),
    'pone.0046493.g004.gif': await makeImage('gif', 300, 200),
    'pone.0046493.t001.jpg': await makeImage('jpeg', 400, 200),
    'pone.0046493.t002.jpg': await makeImage('jpeg', 400, 200),
    'pone.0046493.t003.jpg': await makeImage('jpeg', 400, 200),
  };
  for (const n of [1, 2, 3, 4])
    files[`pone.0046493.s00${n}.doc`] = new TextEncoder().encode(`Supplementary table S${n}\n`);
  return files;
}

export function zipOf(files: Record<string, Uint8Array>, folder = ''): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, bytes]) => [folder + name, bytes])));
}
