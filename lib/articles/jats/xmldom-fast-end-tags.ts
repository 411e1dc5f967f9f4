// @xmldom/xmldom 0.9 builds its end-tag RegExp anew for every end tag (`g.reg('^', QName_group,
// S_OPT, '$')` in lib/sax.js): a Unicode pattern thousands of characters long, compiled each time.
// It was 13–19% of an import's CPU and much of its garbage (README, Performance). The parts are
// always the same grammar objects, so the RegExp is made once per combination and reused: `reg`
// gives non-global, non-sticky expressions (flags '' or 'u'), which keep no state between uses.
// sax.js reads `g.reg` from the module object at each call, so replacing the export is enough.
import grammar from '@xmldom/xmldom/lib/grammar';

type Reg = (...parts: (RegExp | string)[]) => RegExp;
const MARK = Symbol.for('journal.xmldomRegCached');
const MAX_ENTRIES = 256;

const target: { reg: Reg & { [MARK]?: true } } = grammar;
if (!target.reg[MARK]) {
  const original = target.reg;
  const ids = new WeakMap<RegExp, number>();
  const cache = new Map<string, RegExp>();
  let nextId = 0;
  const idOf = (re: RegExp) => {
    let id = ids.get(re);
    if (id === undefined) ids.set(re, (id = nextId++));
    return id;
  };
  const cached = function (this: unknown, ...parts: (RegExp | string)[]): RegExp {
    const key = parts.map((p) => (typeof p === 'string' ? `s${p.length}:${p}` : `r${idOf(p)}`)).join('\u0000');
    let re = cache.get(key);
    if (!re) {
      re = original.apply(this, parts);
      if (cache.size < MAX_ENTRIES) cache.set(key, re);
    }
    return re;
  } as Reg & { [MARK]?: true };
  cached[MARK] = true;
  target.reg = cached;
}
