// Summarizes a V8 CPU profile (node --cpu-prof; BENCH_CPU_PROF in `npm run bench -- pages`):
// the functions with the most self time, and the packages (or our own folders) that hold the most
// time inclusive of what they call. `tsx scripts/bench/summarize-cpu-profile.ts file.cpuprofile [top] [last-seconds]`
// last-seconds keeps only the end of the profile (the measured load: the server exits right after
// it), so start-up and warm-up (module loading, the first citeproc run) do not count.
import fs from 'node:fs';

type CallFrame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

const [file, topArg, lastArg] = process.argv.slice(2);
if (!file) throw new Error('Usage: summarize-cpu-profile.ts file.cpuprofile [top] [last-seconds]');
const top = Number(topArg ?? 25);
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;

const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const byId = new Map(profile.nodes.map((node) => [node.id, node]));

/** Where a frame's code lives: a package under node_modules, one of our folders, or Node/V8 itself. */
function placeOf(url: string): string {
  if (!url) return '(native / V8)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return 'node';
  const ours = /\/(\.next[^/]*\/server\/chunks|app|lib|components|scripts)\//.exec(url);
  return ours ? ours[1]! : url.replace(/^.*\//, '');
}
const frameName = (f: CallFrame) =>
  `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(wt-[^/]+)\//, '')}:${f.lineNumber + 1}`;

const self = new Map<string, number>();
const inclusivePlace = new Map<string, number>();
let total = 0;
let elapsed = 0;
const sampledAt = profile.timeDeltas.map((delta) => (elapsed += delta / 1000));
const from = lastArg ? elapsed - Number(lastArg) * 1000 : -Infinity;
profile.samples.forEach((id, i) => {
  if (sampledAt[i]! < from) return;
  const ms = (profile.timeDeltas[i] ?? 0) / 1000;
  total += ms;
  const leaf = byId.get(id)!;
  self.set(frameName(leaf.callFrame), (self.get(frameName(leaf.callFrame)) ?? 0) + ms);
  const places = new Set<string>();
  for (let node: number | undefined = id; node !== undefined; node = parent.get(node))
    places.add(placeOf(byId.get(node)!.callFrame.url));
  for (const place of places) inclusivePlace.set(place, (inclusivePlace.get(place) ?? 0) + ms);
});

const pct = (ms: number) => `${((100 * ms) / total).toFixed(1).padStart(5)}%`;
const idle = [...self].filter(([name]) => /^\((idle|program|garbage collector)\)/.test(name));
console.log(
  `${(total / 1000).toFixed(1)} s sampled; ${idle.map(([n, ms]) => `${n.split(' ')[0]} ${pct(ms)}`).join(', ')}`,
);
console.log('\nself time, top functions:');
for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(ms)}  ${name}`);
console.log('\ninclusive time by package / folder:');
for (const [place, ms] of [...inclusivePlace].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`${pct(ms)}  ${place}`);
