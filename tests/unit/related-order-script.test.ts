import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { BOX_IDS } from '@/lib/related/box-order';

const script = fs.readFileSync(path.join(import.meta.dirname, '../../public/related-order.js'), 'utf8');

/** Runs /related-order.js against a stand-in document: the CSS variables and <html> attributes it set. */
function run(cookie: string): { vars: Record<string, string>; attrs: Record<string, string> } {
  const vars: Record<string, string> = {};
  const attrs: Record<string, string> = {};
  const document = {
    cookie,
    documentElement: {
      style: { setProperty: (k: string, v: string) => (vars[k] = v) },
      setAttribute: (k: string, v: string) => (attrs[k] = v),
    },
  };
  vm.runInNewContext(script, { document });
  return { vars, attrs };
}
const runWithCookie = (cookie: string) => run(cookie).vars;

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

  it('marks the hidden boxes on <html> before first paint', () => {
    expect(run('related-order=pubmed.topics.see-also.by-topic~topics.see-also')).toEqual({
      vars: {
        '--related-order-pubmed': '0',
        '--related-order-topics': '1',
        '--related-order-see-also': '2',
        '--related-order-by-topic': '3',
      },
      attrs: { 'data-related-hidden': 'topics see-also' },
    });
    expect(run('related-order=pubmed.topics.see-also.by-topic').attrs).toEqual({});
    for (const cookie of [
      'related-order=pubmed.topics.see-also.by-topic~ads',
      'related-order=pubmed.topics.see-also.by-topic~topics.topics',
      'related-order=pubmed.topics.see-also.by-topic~topics~pubmed',
    ])
      expect(run(cookie)).toEqual({ vars: {}, attrs: {} });
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
