// The references of an article as a Crossref citation_list needs them: a key, the DOI when the
// file gave one, and the citation as text. Read from our stored reference HTML (written by
// lib/articles/jats/jats-references.ts: `<li id>` per reference, the identifiers as trailing
// links "doi:…", "PMID: …", "PMC…"), so every DOI the import kept is deposited.
import { parseDocument } from 'htmlparser2';
import { isTag, isText, type ChildNode, type Element } from 'domhandler';

export type DepositReference = { key: string; doi: string | null; text: string };

const IDENTIFIER_LINK = /^(?:doi:|PMID: |PMC\d)/;
// Crossref's doi type: 10.<4-9 digits>/<up to 200 characters>.
const CROSSREF_DOI = /^10\.\d{4,9}\/.{1,200}$/;

const isElement = (node: ChildNode): node is Element => isTag(node);

function textOf(node: ChildNode): string {
  if (isText(node)) return node.data;
  if (!isElement(node)) return '';
  return node.children.map(textOf).join('');
}

function findItems(nodes: ChildNode[], out: Element[] = []): Element[] {
  for (const node of nodes) {
    if (!isElement(node)) continue;
    if (node.name === 'li') out.push(node);
    else findItems(node.children, out);
  }
  return out;
}

export function readReferenceList(referencesHtml: string): DepositReference[] {
  if (!referencesHtml.trim()) return [];
  const document = parseDocument(referencesHtml, { decodeEntities: true });
  const used = new Set<string>();
  return findItems(document.children).flatMap((item, index) => {
    let doi: string | null = null;
    const parts: string[] = [];
    for (const child of item.children) {
      const text = textOf(child);
      if (isElement(child) && child.name === 'a' && IDENTIFIER_LINK.test(text)) {
        if (text.startsWith('doi:') && !doi) doi = text.slice(4).trim();
        continue;
      }
      parts.push(text);
    }
    const citation = parts.join('').replace(/\s+/g, ' ').trim();
    if (!citation && !doi) return [];
    // Keys are unique within the list, at most 128 characters (Crossref's citation_key).
    let key = (item.attribs.id ?? '').trim().slice(0, 120) || `ref${index + 1}`;
    while (used.has(key)) key = `${key}-${index + 1}`;
    used.add(key);
    return [{ key, doi: doi && CROSSREF_DOI.test(doi) ? doi : null, text: citation }];
  });
}
