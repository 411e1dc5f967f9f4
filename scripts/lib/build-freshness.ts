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
  'next.config.js',
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

const STAMP = 'sources-mtime';

function newestSourceMtime(): number {
  return Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
}

/**
 * Whether `distDir` was built from the sources as they are now. The build records the newest
 * source time it started from: a file saved while a build runs is newer than that, so the next
 * start builds again (comparing with BUILD_ID, written at the end, missed such edits).
 */
export function isBuildCurrent(distDir = process.env.NEXT_DIST_DIR ?? '.next'): boolean {
  const stamp = path.join(root, distDir, STAMP);
  if (!fs.existsSync(path.join(root, distDir, 'BUILD_ID')) || !fs.existsSync(stamp)) return false;
  return newestSourceMtime() <= Number(fs.readFileSync(stamp, 'utf8'));
}

/**
 * The environment a build runs in. Prerendering queues every page's statements on the database at
 * once; the embedded database answers one at a time, so on a busy machine the serving timeout
 * (DATABASE_STATEMENT_TIMEOUT_MS, 5 s) failed builds that would have finished, and so did the wait
 * for a free pooled connection (DATABASE_CONNECT_TIMEOUT_MS, 3 s: "timeout exceeded when trying
 * to connect" at load 10-17).
 */
function buildEnv(): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_STATEMENT_TIMEOUT_MS: '120000', DATABASE_CONNECT_TIMEOUT_MS: '120000' };
}

/** Runs `build` (in the build's environment) and, when it succeeds, records which sources it was built from. */
export async function buildRecordingSources(
  distDir: string,
  build: (env: NodeJS.ProcessEnv) => Promise<number | null>,
): Promise<number | null> {
  const startedFrom = newestSourceMtime();
  const code = await build(buildEnv());
  if (code === 0) fs.writeFileSync(path.join(root, distDir, STAMP), String(startedFrom));
  return code;
}
