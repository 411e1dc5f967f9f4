// Finds a reference's identifiers wherever publishers put them: pub-id and object-id elements,
// ext-links typed or pointing at doi.org/PubMed/PMC, a <?supplied-pmid?> processing instruction,
// or plain text such as "doi:10.1000/x" or "PMID: 123".
import { descendants, isElement, textOf, type Element, type Node } from './jats-dom';

export type ReferenceIds = { doi: string | null; pmid: string | null; pmcid: string | null };

const PROCESSING_INSTRUCTION_NODE = 7;
const COMMENT_NODE = 8;
const DOI_IN_TEXT = /\bdoi:?\s*(10\.\d{4,9}\/[^\s<>"]+)/i;
const DOI_IN_URL = /^https?:\/\/(?:dx\.)?doi\.org\/(10\.\d{4,9}\/\S+)$/i;
const PMID_IN_TEXT = /\bPMID:?\s*(\d{1,9})\b/;
const PMID_IN_URL = /(?:pubmed\.ncbi\.nlm\.nih\.gov\/|ncbi\.nlm\.nih\.gov\/pubmed\/)(\d{1,9})/i;
const PMCID_IN_TEXT = /\bPMC\d{1,9}\b/;

/** DOIs end where prose resumes: a trailing full stop or bracket is punctuation, not DOI. */
function cleanDoi(doi: string): string {
  let out = doi.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|info:doi\/|doi:\s*)/i, '');
  out = out.replace(/[.,;:]+$/, '');
  // Keep a closing bracket only when the DOI opened one: 10.1016/S0210-5691(06)74455-2.
  while (/[)\]]$/.test(out) && count(out, '(') + count(out, '[') < count(out, ')') + count(out, ']')) {
    out = out.slice(0, -1);
  }
  return /^10\.\d{4,9}\/\S+$/.test(out) ? out : '';
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

function cleanPmcid(value: string): string {
  const digits = value.trim().replace(/^PMC/i, '');
  return /^\d{1,9}$/.test(digits) ? `PMC${digits}` : '';
}

function typeOf(el: Element): string {
  return (el.getAttribute('pub-id-type') ?? el.getAttribute('ext-link-type') ?? '').toLowerCase();
}

/** Every identifier in `ref` (the first of each kind wins). */
export function readReferenceIds(ref: Element): ReferenceIds {
  const ids: ReferenceIds = { doi: null, pmid: null, pmcid: null };
  const set = (key: keyof ReferenceIds, value: string) => {
    if (value && !ids[key]) ids[key] = value;
  };
  for (const el of [...descendants(ref, 'pub-id'), ...descendants(ref, 'object-id')]) {
    const type = typeOf(el);
    const value = textOf(el);
    if (type === 'doi') set('doi', cleanDoi(value));
    else if (type === 'pmid') set('pmid', /^\d{1,9}$/.test(value) ? value : '');
    else if (type === 'pmc' || type === 'pmcid') set('pmcid', cleanPmcid(value));
  }
  for (const el of [...descendants(ref, 'ext-link'), ...descendants(ref, 'uri')]) {
    const href = (el.getAttribute('xlink:href') ?? '').trim();
    const type = typeOf(el);
    const target = href || textOf(el);
    if (type === 'doi') set('doi', cleanDoi(target));
    else if (type === 'pmid' || type === 'pubmed') set('pmid', /^\d{1,9}$/.test(target) ? target : '');
    else if (type === 'pmc' || type === 'pmcid') set('pmcid', cleanPmcid(target));
    set('doi', cleanDoi(DOI_IN_URL.exec(target)?.[1] ?? ''));
    set('pmid', PMID_IN_URL.exec(target)?.[1] ?? '');
  }
  walk(ref, (node) => {
    if (node.nodeType === PROCESSING_INSTRUCTION_NODE && node.nodeName === 'supplied-pmid') {
      set('pmid', /^\s*(\d{1,9})\s*$/.exec(node.nodeValue ?? '')?.[1] ?? '');
    }
  });
  const text = textOf(ref);
  set('doi', cleanDoi(DOI_IN_TEXT.exec(text)?.[1] ?? ''));
  set('pmid', PMID_IN_TEXT.exec(text)?.[1] ?? '');
  set('pmcid', cleanPmcid(PMCID_IN_TEXT.exec(text)?.[0] ?? ''));
  return ids;
}

function walk(node: Node, visit: (node: Node) => void) {
  for (let n = node.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === COMMENT_NODE) continue;
    visit(n);
    if (isElement(n)) walk(n, visit);
  }
}

/** Is this link only a way of writing one of the identifiers (shown as our own links instead)? */
export function isIdentifierLink(el: Element, ids: ReferenceIds): boolean {
  if (el.nodeName !== 'ext-link' && el.nodeName !== 'uri') return false;
  const type = typeOf(el);
  if (['doi', 'pmid', 'pubmed', 'pmc', 'pmcid'].includes(type)) return true;
  const target = (el.getAttribute('xlink:href') ?? '').trim() || textOf(el);
  const doi = cleanDoi(DOI_IN_URL.exec(target)?.[1] ?? '');
  const pmid = PMID_IN_URL.exec(target)?.[1] ?? '';
  return (doi !== '' && doi === ids.doi) || (pmid !== '' && pmid === ids.pmid);
}

export function doiUrl(doi: string): string {
  return `https://doi.org/${encodeURI(doi)}`;
}

export function pubmedUrl(pmid: string): string {
  return `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`;
}

export function pmcUrl(pmcid: string): string {
  return `https://www.ncbi.nlm.nih.gov/pmc/articles/${pmcid}/`;
}
