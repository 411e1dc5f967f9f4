// JATS import: articles/s for the corpus's typical files (no assets) into the embedded database,
// each under a new DOI, after an untimed warm-up, imported as `npm run import:jats` does (packages
// IMPORT_BATCH_FILES at a time, unchanged ones looked up by hash); and a 10 MB file (a corpus article's body
// repeated) imported in a child process of its own, whose peak resident memory (VmHWM) is read.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startEmbeddedDatabase } from '../lib/embedded-db';
import { applyMigrations } from '../lib/schema-engine';
import { LARGE_SOURCE, readCorpus, repeatBody, withDoi } from './large-jats';

const ROUNDS = Number(process.env.BENCH_IMPORT_ROUNDS ?? 5);
const LARGE_BYTES = 10 * 1024 * 1024;

export type ImportFigures = {
  files: number;
  imported: number;
  perSecond: number;
  /** The median batch's time per article. */
  p50: number;
  large: { bytes: number; ms: number; peakMb: number; baselineMb: number; error: string | null };
};

export async function benchImport(): Promise<ImportFigures> {
  const database = await startEmbeddedDatabase({ dataDir: 'memory://' });
  try {
    await applyMigrations(database.url);
    Object.assign(process.env, { DATABASE_URL: database.url });
    const { importJatsPackages, IMPORT_BATCH_FILES } = await import('@/lib/articles/assets/import-jats-package');
    const corpus = readCorpus();
    const importRound = async (suffix: string) => {
      const packages = corpus.map(({ name, xml }) => ({
        name,
        xml: Buffer.from(withDoi(xml, suffix)),
        fileNames: [],
        readFile: (file: string): never => {
          throw new Error(`${file} is not in the package`);
        },
      }));
      const perArticle: number[] = [];
      for (let at = 0; at < packages.length; at += IMPORT_BATCH_FILES) {
        const batch = packages.slice(at, at + IMPORT_BATCH_FILES);
        const t = performance.now();
        const outcomes = await importJatsPackages(batch, { allowMissingAssets: true, skipUnchanged: true });
        const failed = outcomes.find((o) => !o.ok);
        if (failed && !failed.ok) throw failed.error;
        perArticle.push((performance.now() - t) / batch.length);
      }
      return perArticle;
    };
    await importRound('warm');
    const times: number[] = [];
    const started = performance.now();
    for (let round = 0; round < ROUNDS; round += 1) times.push(...(await importRound(`bench${round}`)));
    const seconds = (performance.now() - started) / 1000;
    times.sort((a, b) => a - b);
    const imported = corpus.length * ROUNDS;

    const source = corpus.find((c) => c.name === LARGE_SOURCE)!;
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-import-'));
    const file = path.join(folder, 'large.xml');
    fs.writeFileSync(file, repeatBody(withDoi(source.xml, 'large'), LARGE_BYTES));
    try {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [...process.execArgv, path.join(import.meta.dirname, 'import-large-child.ts'), file],
        { env: { ...process.env, DATABASE_URL: database.url }, maxBuffer: 16 * 1024 * 1024 },
      );
      const large = JSON.parse(stdout.trim().split('\n').at(-1)!) as ImportFigures['large'];
      return {
        files: corpus.length,
        imported,
        perSecond: imported / seconds,
        p50: times[Math.floor(times.length / 2)]!,
        large,
      };
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  } finally {
    await database.stop();
  }
}
