// npm run import:jats -- <file.xml | folder | package.zip> … [--allow-missing-assets] [--force]
// Imports article packages (the XML and the files it references) into the database, one line per
// file with its progress, and one per warning. A re-run skips packages that have not changed
// (content hash), so an interrupted batch resumes where it stopped; --force imports them again.
// Exits 1 when any file failed.
import path from 'node:path';
import type { JatsPackage } from '@/lib/articles/assets/jats-package';
import { withDatabase } from './lib/with-database';

const USAGE =
  'usage: npm run import:jats -- <file.xml | folder | package.zip> [more …] [--allow-missing-assets] [--force]';

async function main(args: string[]): Promise<number> {
  const flags = new Set(args.filter((a) => a.startsWith('--')));
  const paths = args.filter((a) => !a.startsWith('--'));
  const unknown = [...flags].filter((f) => !['--allow-missing-assets', '--force'].includes(f));
  if (paths.length === 0 || unknown.length > 0) {
    console.error(unknown.length > 0 ? `unknown option ${unknown.join(', ')}\n${USAGE}` : USAGE);
    return 1;
  }
  return withDatabase(async (url) => {
    // lib/db reads DATABASE_URL when first imported, so it must be set before the import.
    process.env.DATABASE_URL = url;
    const { collectPackageSources } = await import('@/lib/articles/assets/collect-packages');
    const { importJatsPackages, IMPORT_BATCH_FILES } = await import('@/lib/articles/assets/import-jats-package');
    const { db } = await import('@/lib/db');
    const counts = { imported: 0, skipped: 0, failed: 0 };
    const report = (step: string, error: unknown) => {
      counts.failed += 1;
      console.error(`${step}: failed: ${error instanceof Error ? error.message : String(error)}`);
    };
    let sources;
    try {
      sources = collectPackageSources(paths.map((p) => path.resolve(p)));
    } catch (error) {
      report('import', error);
      return 1;
    }
    // Packages are imported IMPORT_BATCH_FILES at a time, each batch in one transaction (one commit for
    // many articles); every file still gets its own line, once its batch is written.
    let batch: { step: string; pkg: JatsPackage }[] = [];
    const writeBatch = async () => {
      const started = Date.now();
      const outcomes = await importJatsPackages(
        batch.map((b) => b.pkg),
        { allowMissingAssets: flags.has('--allow-missing-assets'), skipUnchanged: !flags.has('--force') },
      );
      const ms = Math.round((Date.now() - started) / batch.length);
      batch.forEach(({ step }, i) => {
        const outcome = outcomes[i]!;
        if (!outcome.ok) return report(step, outcome.error);
        const result = outcome.result;
        if (result.skipped) {
          counts.skipped += 1;
          console.log(`${step}: unchanged since the last import, skipped`);
          return;
        }
        counts.imported += 1;
        const files = result.assetCount === 1 ? '1 file' : `${result.assetCount} files`;
        console.log(`${step}: imported ${result.doi} (${result.created ? 'created' : 'updated'}, ${files}, ${ms} ms)`);
        for (const warning of result.warnings) console.log(`  warning: ${warning}`);
      });
      batch = [];
    };
    for (const [index, source] of sources.entries()) {
      const step = `[${index + 1}/${sources.length}] ${source.name}`;
      let packages;
      try {
        packages = source.load();
      } catch (error) {
        report(step, error);
        continue;
      }
      for (const pkg of packages) {
        batch.push({ step: packages.length > 1 ? `${step} (${pkg.name})` : step, pkg });
        if (batch.length >= IMPORT_BATCH_FILES) await writeBatch();
      }
    }
    if (batch.length > 0) await writeBatch();
    console.log(`done: ${counts.imported} imported, ${counts.skipped} unchanged, ${counts.failed} failed`);
    await db.$disconnect();
    return counts.failed > 0 ? 1 : 0;
  });
}

process.exitCode = await main(process.argv.slice(2));
