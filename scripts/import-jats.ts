// npm run import:jats -- file.xml [more.xml]: imports JATS files into the database,
// one line per file; exits 1 when any file failed.
import fs from 'node:fs';
import path from 'node:path';
import { withDatabase } from './lib/with-database';

async function main(files: string[]): Promise<number> {
  if (files.length === 0) {
    console.error('usage: npm run import:jats -- path.xml [more.xml]');
    return 1;
  }
  return withDatabase(async (url) => {
    // lib/db reads DATABASE_URL when first imported, so it must be set before the import.
    process.env.DATABASE_URL = url;
    const { importJats } = await import('@/lib/articles/jats/import-jats');
    const { db } = await import('@/lib/db');
    let failures = 0;
    for (const file of files) {
      try {
        const xml = fs.readFileSync(file, 'utf8');
        const result = await importJats({ xml, fileName: path.basename(file) });
        console.log(`imported ${result.doi} (${result.created ? 'created' : 'updated'})`);
        for (const warning of result.warnings) console.log(`  warning: ${warning}`);
      } catch (error) {
        failures += 1;
        console.error(error instanceof Error ? error.message : String(error));
      }
    }
    await db.$disconnect();
    return failures > 0 ? 1 : 0;
  });
}

process.exitCode = await main(process.argv.slice(2));
