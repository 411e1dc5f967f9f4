// Parses the JATS corpus repeatedly without a database: the CPU side of an import, for profiling
// (`node --cpu-prof --import tsx scripts/bench/parse-jats-profile.ts [rounds]`) and for a quick
// articles/s figure of the parse alone.
import { parseJats } from '../../lib/articles/jats/parse-jats';
import { readCorpus, withDoi } from './large-jats';

const rounds = Number(process.argv[2] ?? 5);
const corpus = readCorpus();
for (const { name, xml } of corpus) parseJats(withDoi(xml, 'warm'), name);
const started = performance.now();
for (let round = 0; round < rounds; round += 1)
  for (const { name, xml } of corpus) parseJats(withDoi(xml, `r${round}`), name);
const seconds = (performance.now() - started) / 1000;
console.log(
  `parsed ${corpus.length * rounds} articles in ${seconds.toFixed(2)} s: ${((corpus.length * rounds) / seconds).toFixed(1)} articles/s`,
);
