import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { BOX_IDS } from '@/lib/related/box-order';

const script = fs.readFileSync(path.join(import.meta.dirname, '../../public/related-order.js'), 'utf8');

/** Runs /related-order.js against a stand-in document and returns the CSS variables it set. */
function runWithCookie(cookie: string): Record<string, string> {
  const set: Record<string, string> = {};
  const document = { cookie, documentElement: { style: { setProperty: (k: string, v: string) => (set[k] = v) } } };
  vm.runInNewContext(script, { document });
  return set;
}

describe('the blocking box-order script', () => {
  it('knows the same boxes as the server rule', () => {
    const known = /var known = (\[[^\]]*\])/.exec(script)?.[1] ?? '[]';
    expect(JSON.parse(known.replace(/'/g, '"')) as unknown).toEqual(BOX_IDS);
  });

  it('sets one order variable per box from a valid cookie', () => {
    expect(runWithCookie('text-size=large; related-order=pubmed.topics.see-also.by-topic')).toEqual({
      '--related-order-pubmed': '0',
      '--related-order-topics': '1',
      '--related-order-see-also': '2',
      '--related-order-by-topic': '3',
    });
  });

  it('ignores a missing, repeated, unknown or short cookie (the default order stays)', () => {
    for (const cookie of [
      '',
      'related-order=pubmed.pubmed.topics.see-also',
      'related-order=ads.topics.see-also.by-topic',
      'related-order=pubmed',
    ]) {
      expect(runWithCookie(cookie)).toEqual({});
    }
  });
});
