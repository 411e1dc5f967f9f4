// npm run crossref:deposit -- --issue <id or volume/number> | --article <id or DOI> [--out file.xml]
// Writes the Crossref deposit XML (schema 5.3.1) of an issue or an article to a file, for an
// editor to upload to Crossref. Sends nothing anywhere. Exits 1 with a message when the issue
// or article is unknown or cannot be deposited.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { withDatabase } from './lib/with-database';

const USAGE =
  'usage: npm run crossref:deposit -- --issue <id or volume/number> | --article <id or DOI> [--out file.xml]';

async function main(argv: string[]): Promise<number> {
  let values: { issue?: string; article?: string; out?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { issue: { type: 'string' }, article: { type: 'string' }, out: { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  if (Boolean(values.issue) === Boolean(values.article)) {
    console.error(USAGE);
    return 1;
  }
  return withDatabase(async (url) => {
    // lib/db reads DATABASE_URL when first imported, so it must be set before the import.
    process.env.DATABASE_URL = url;
    const { createCrossrefDeposit } = await import('@/lib/crossref/create-crossref-deposit');
    const { db } = await import('@/lib/db');
    try {
      const target = values.issue ? { issue: values.issue } : { article: values.article! };
      const { fileName, xml } = await createCrossrefDeposit(target);
      const out = path.resolve(values.out ?? fileName);
      fs.writeFileSync(out, xml);
      const articles = xml.split('<journal_article ').length - 1;
      const dois = (xml.match(/<citation key="[^"]*"><doi>/g) ?? []).length;
      console.log(`wrote ${out}: ${articles} article(s), ${dois} reference DOI(s), ${xml.length} bytes`);
      return 0;
    } catch (error) {
      console.error(`crossref:deposit: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    } finally {
      await db.$disconnect();
    }
  });
}

process.exitCode = await main(process.argv.slice(2));
