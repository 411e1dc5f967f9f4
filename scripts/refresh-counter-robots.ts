// npm run counter:robots – refreshes lib/usage/counter-robots.json, COUNTER's list of robots and
// crawlers (Code of Practice §7.8), from its published source. Without a route out it says so and
// changes nothing; a list that does not parse, or whose patterns do not compile, is refused.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const SOURCE =
  process.env.COUNTER_ROBOTS_URL ??
  'https://raw.githubusercontent.com/atmire/COUNTER-Robots/master/COUNTER_Robots_list.json';
const target = path.resolve(import.meta.dirname, '../lib/usage/counter-robots.json');
const listSchema = z
  .array(z.object({ pattern: z.string().min(1) }).passthrough())
  .min(100, 'the list has fewer than 100 patterns: refusing it');

async function main() {
  let text: string;
  try {
    const response = await fetch(SOURCE, { signal: AbortSignal.timeout(15_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    text = await response.text();
  } catch (error) {
    console.log(
      `COUNTER robots list not refreshed (${SOURCE} unreachable: ${(error as Error).message}); the kept list stays.`,
    );
    return;
  }
  const list = listSchema.parse(JSON.parse(text));
  for (const { pattern } of list) new RegExp(pattern, 'i'); // throws on a pattern we could not use
  const before = (JSON.parse(fs.readFileSync(target, 'utf8')) as { pattern: string }[]).map((r) => r.pattern);
  const after = list.map((r) => r.pattern);
  fs.writeFileSync(target, text.endsWith('\n') ? text : `${text}\n`);
  const added = after.filter((p) => !before.includes(p)).length;
  const removed = before.filter((p) => !after.includes(p)).length;
  console.log(
    `COUNTER robots list: ${after.length} patterns (${added} new, ${removed} gone). Commit lib/usage/counter-robots.json.`,
  );
}

main().catch((error: unknown) => {
  console.error(`COUNTER robots list not changed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
