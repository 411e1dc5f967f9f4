import grammar from '@xmldom/xmldom/lib/grammar';
import { describe, expect, it } from 'vitest';
import { parseXmlRoot } from '@/lib/articles/jats/jats-dom';

describe('xmldom end-tag expressions, made once', () => {
  it('gives the same RegExp for the same grammar parts, and its own for other parts', () => {
    parseXmlRoot('<article><p>x</p></article>', 'warm.xml');
    const first = grammar.reg('^', /a/, '$');
    expect(grammar.reg('^', /a/, '$')).not.toBe(first); // another RegExp object: another key
    const part = /[a-z]+/;
    const again = grammar.reg('^', part, '$');
    expect(grammar.reg('^', part, '$')).toBe(again);
    expect(grammar.reg('^', part)).not.toBe(again);
    expect(again.flags).not.toContain('g'); // stateless, so sharing it is safe
    expect(again.test('abc')).toBe(true);
    expect(again.test('abc')).toBe(true);
  });

  it('still refuses mismatched and malformed end tags, with the line', () => {
    expect(() => parseXmlRoot('<article>\n<p>x</q>\n</article>', 'bad.xml')).toThrow(
      /^bad\.xml: not well-formed XML at line 2: Opening and ending tag mismatch/,
    );
    expect(() => parseXmlRoot('<article><p>x</p 1></article>', 'bad.xml')).toThrow(/end tag name contains invalid/);
    expect(parseXmlRoot('<article><sec><p>é</p ></sec></article>', 'ok.xml').nodeName).toBe('article');
  });
});
