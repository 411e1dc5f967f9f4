import { describe, expect, it } from 'vitest';
import { parseXmlRoot } from '@/lib/articles/jats/jats-dom';
import { COMMENT_NODE, PROCESSING_INSTRUCTION_NODE, type Element, type Node } from '@/lib/articles/jats/xml-tree';

const children = (el: Element): Node[] => {
  const out: Node[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) out.push(n);
  return out;
};

describe('the JATS converter’s XML tree (saxes)', () => {
  it('keeps elements, attributes in order, text, CDATA, comments and processing instructions', () => {
    const root = parseXmlRoot(
      '<?xml version="1.0"?>\n<article xmlns:mml="http://www.w3.org/1998/Math/MathML" xml:lang="en">' +
        '<p id="a" class="b">x &amp; y &#233;<!-- note --><?supplied-pmid 123?><![CDATA[<raw>]]></p>' +
        '<mml:math><mml:mi>k</mml:mi></mml:math></article>',
      'ok.xml',
    );
    expect(root.nodeName).toBe('article');
    expect(root.getAttribute('xml:lang')).toBe('en');
    expect(root.getAttribute('missing')).toBeNull();
    const [p, math] = children(root) as [Element, Element];
    expect([p.attributes.length, p.attributes.item(0)?.name, p.attributes.item(1)?.value]).toEqual([2, 'id', 'b']);
    const [text, comment, pi, cdata] = children(p);
    expect(text?.nodeValue).toBe('x & y é');
    expect([comment?.nodeType, comment?.nodeValue]).toEqual([COMMENT_NODE, ' note ']);
    expect([pi?.nodeType, pi?.nodeName, pi?.nodeValue]).toEqual([PROCESSING_INSTRUCTION_NODE, 'supplied-pmid', '123']);
    expect([cdata?.nodeName, cdata?.nodeValue]).toEqual(['#cdata-section', '<raw>']);
    expect(cdata?.previousSibling).toBe(pi);
    expect([math.prefix, math.localName, math.namespaceURI]).toEqual([
      'mml',
      'math',
      'http://www.w3.org/1998/Math/MathML',
    ]);
    // One document for every node (the figure renderings are keyed by it).
    expect((math.firstChild as Element).ownerDocument).toBe(root.ownerDocument);
    expect(root.ownerDocument?.documentElement).toBe(root);
    expect(p.parentNode).toBe(root);
  });

  it('refuses what is not well-formed XML, with the line', () => {
    const refusal = (xml: string) => () => parseXmlRoot(xml, 'bad.xml');
    expect(refusal('<article>\n<p>x</q>\n</article>')).toThrow(/^bad\.xml: not well-formed XML at line 2: /);
    expect(refusal('<article><p>x</p 1></article>')).toThrow(/^bad\.xml: not well-formed XML at line 1: /);
    expect(refusal('<a>\n<mml:math/></a>')).toThrow(/line 2: unbound namespace prefix: "mml"/);
    expect(refusal('<a b="1" b="2"/>')).toThrow(/duplicate attribute/);
    expect(refusal('<a></a><b/>')).toThrow(/only one root/);
    expect(refusal('<a>x</a>trailing')).toThrow(/outside of root/);
    expect(refusal('')).toThrow(/not well-formed XML/);
    // A start tag left open is found lines later; its own line is named.
    expect(refusal('<article\n  <front/>\n</article>')).toThrow(/^bad\.xml: not well-formed XML at line 1: /);
    expect(parseXmlRoot('<article><sec><p>é</p ></sec></article>', 'ok.xml').nodeName).toBe('article');
  });
});
