// Whether .next holds a production build of the current sources, so `npm start` builds only
// when something changed.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const SOURCES = [
  'app',
  'components',
  'lib',
  'public',
  'generated',
  'next.config.ts',
  'instrumentation.ts',
  'package-lock.json',
  'tsconfig.json',
];

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  // public/bench-*.html come and go during `npm run bench` and are not part of the site.
  if (!stat.isDirectory()) return path.basename(p).startsWith('bench-') ? 0 : stat.mtimeMs;
  // Files only: a folder's own time changes when a benchmark drops a file into public/ and removes it.
  return fs.readdirSync(p).reduce((max, name) => Math.max(max, newestMtime(path.join(p, name))), 0);
}

export function isBuildCurrent(distDir = process.env.NEXT_DIST_DIR ?? '.next'): boolean {
  const buildId = path.join(root, distDir, 'BUILD_ID');
  if (!fs.existsSync(buildId)) return false;
  const built = fs.statSync(buildId).mtimeMs;
  return SOURCES.every((s) => newestMtime(path.join(root, s)) <= built);
}
