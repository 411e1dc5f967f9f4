// Builds the reference list in the journal's AMA-like style ("Roca O, Riera J, Torres F, et al.
// Title. <em>Source</em>. 2006;30:6-12. doi:… PMID: …") from any of the four JATS/NLM citation
// elements, with every identifier linked and the inline markup (italics, sub/superscripts) kept.
import { childElements, collapse, descendants, isElement, isText, textOf, type Element, type Node } from './jats-dom';
import { doiUrl, isIdentifierLink, pmcUrl, pubmedUrl, readReferenceIds, type ReferenceIds } from './jats-reference-ids';
import { childrenToHtml, escapeHtml, nodeToHtml, type HtmlContext } from './jats-to-html';

const CITATION_ELEMENTS = ['element-citation', 'mixed-citation', 'citation', 'nlm-citation'];
// AMA: list every author up to six; with more, the first three and "et al".
const MAX_AUTHORS = 6;
const SHOWN_WHEN_MORE = 3;

// Parts the formatter places itself; any other child is appended in order, so none is lost.
const PLACED = new Set([
  'person-group',
  'name',
  'string-name',
  'collab',
  'etal',
  'article-title',
  'chapter-title',
  'part-title',
  'source',
  'year',
  'month',
  'day',
  'season',
  'volume',
  'issue',
  'fpage',
  'lpage',
  'elocation-id',
  'page-range',
  'publisher-loc',
  'publisher-name',
  'edition',
  'pub-id',
  'object-id',
  'label',
  'page-count',
]);

/** `<ol class="references">` of every ref in `back` (empty string when there are none). */
export function referencesToHtml(back: Element | null, unhandled?: Map<string, number>): string {
  const refs = descendants(back, 'ref');
  if (refs.length === 0) return '';
  const items = refs.map((ref) => {
    const id = ref.getAttribute('id');
    return `<li${id ? ` id="${escapeHtml(id)}"` : ''}>${referenceToHtml(ref, unhandled)}</li>`;
  });
  return `<ol class="references">${items.join('')}</ol>`;
}

function referenceToHtml(ref: Element, unhandled?: Map<string, number>): string {
  const ids = readReferenceIds(ref);
  const citations = childElements(ref, ...CITATION_ELEMENTS);
  const alternatives = childElements(ref, 'citation-alternatives')[0];
  const citation = citations[0] ?? childElements(alternatives, ...CITATION_ELEMENTS)[0];
  const ctx: HtmlContext = { depth: 3, skip: new Set(), unhandled };
  const body = citation ? citationToHtml(citation, ids, ctx) : inlineHtml(ref, ids, ctx, ['label']);
  return `${body}${identifierLinks(ids)}`;
}

/** The citation's own markup, minus labels, identifiers and links that only spell an identifier. */
function inlineHtml(el: Element, ids: ReferenceIds, ctx: HtmlContext, leaveOut: string[] = []): string {
  let out = '';
  for (let n: Node | null = el.firstChild; n; n = n.nextSibling) {
    if (isElement(n)) {
      if (['pub-id', 'object-id', ...leaveOut].includes(n.nodeName) || isIdentifierLink(n, ids)) continue;
      out += n.nodeName === 'comment' ? commentHtml(n, ids, ctx) : nodeToHtml(n, ctx);
    } else out += nodeToHtml(n, ctx);
  }
  return collapse(out).replace(/^[\s.;,]+|[\s;,]+$/g, '');
}

/** A comment without the identifier links it held; what is left of "doi: <link>" goes too. */
function commentHtml(comment: Element, ids: ReferenceIds, ctx: HtmlContext): string {
  const html = inlineHtml(comment, ids, ctx);
  const hadLink = childElements(comment, 'ext-link', 'uri').some((link) => isIdentifierLink(link, ids));
  if (!hadLink) return html;
  return html.replace(/\s*(?:\b(?:doi|PMID|PMCID)|\bAvailable(?: (?:at|from|online))?)\s*:?\s*$/i, '').trim();
}

function citationToHtml(citation: Element, ids: ReferenceIds, ctx: HtmlContext): string {
  const part = (name: string) => childElements(citation, name)[0];
  const html = (name: string) => {
    const el = part(name);
    return el ? collapse(childrenToHtml(el, ctx)) : '';
  };
  const hasStructure = ['article-title', 'chapter-title', 'source', 'year'].some((name) => part(name));
  // A citation written as free text (or with wording between its parts) is shown as written.
  if (!hasStructure || (citation.nodeName === 'mixed-citation' && hasWordsBetweenParts(citation))) {
    return finish(inlineHtml(citation, ids, ctx, ['label']));
  }
  const type = (
    citation.getAttribute('publication-type') ??
    citation.getAttribute('citation-type') ??
    ''
  ).toLowerCase();
  const title = html('article-title') || html('chapter-title') || html('part-title');
  const source = html('source');
  const isChapter = Boolean(title && source && (type === 'book' || part('publisher-name')));
  const sentences: string[] = [];
  const authors = formatNames(citation, 'author');
  const editors = formatNames(citation, 'editor');
  // Without authors, the editors lead (AMA: "Green S, Higgins J, eds.").
  const editorsLead = !authors && editors !== '';
  if (authors) sentences.push(escapeHtml(authors));
  else if (editorsLead) sentences.push(`${escapeHtml(editors)}, eds`);
  if (title) sentences.push(title);
  if (isChapter)
    sentences.push(`In: ${editors && !editorsLead ? `${escapeHtml(editors)}, eds. ` : ''}<em>${source}</em>`);
  else if (source) sentences.push(`<em>${source}</em>`);
  const edition = textOf(part('edition'));
  if (edition) sentences.push(escapeHtml(/\bed\b/i.test(edition) ? edition : `${edition} ed`));
  const location = formatLocation(citation);
  const publisher = [textOf(part('publisher-loc')), textOf(part('publisher-name'))].filter(Boolean).join(': ');
  if (publisher) sentences.push(`${escapeHtml(publisher)}${location ? `; ${escapeHtml(location)}` : ''}`);
  else if (location) sentences.push(escapeHtml(location));
  const extras = childElements(citation).filter(
    (child) => !PLACED.has(child.nodeName) && !isIdentifierLink(child, ids),
  );
  for (const extra of extras) {
    const text = extra.nodeName === 'comment' ? commentHtml(extra, ids, ctx) : collapse(nodeToHtml(extra, ctx));
    if (text) sentences.push(text);
  }
  return finish(sentences.map(trimEnd).filter(Boolean).join('. '));
}

/** Loose text in a mixed-citation beyond punctuation ("In:", "Available from") carries meaning. */
function hasWordsBetweenParts(citation: Element): boolean {
  let loose = '';
  for (let n: Node | null = citation.firstChild; n; n = n.nextSibling) if (isText(n)) loose += n.nodeValue ?? '';
  return /[A-Za-z]{2,}/.test(loose.replace(/\b(?:et al|eds?|pp?|doi|In)\b\.?/gi, ''));
}

function trimEnd(sentence: string): string {
  return sentence.replace(/[\s.]+$/, '');
}

/** Ends the citation with a full stop unless it already ends with one (or ?, !). */
function finish(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return '';
  return /[.?!]$/.test(trimmed.replace(/<[^>]+>$/, '')) ? trimmed : `${trimmed}.`;
}

function formatNames(citation: Element, role: 'author' | 'editor'): string {
  const groups = childElements(citation, 'person-group').filter(
    (g) => (g.getAttribute('person-group-type') ?? 'author') === role,
  );
  // Without a person-group, names sit directly in the citation (mixed-citation, NLM 2.3): authors.
  const holders = groups.length > 0 ? groups : role === 'author' ? [citation] : [];
  const nameEls = holders.flatMap((g) => childElements(g, 'name', 'string-name', 'collab'));
  const names = nameEls.map(formatName).filter(Boolean);
  if (names.length === 0) return '';
  const hasEtal = holders.some((g) => childElements(g, 'etal').length > 0);
  if (names.length > MAX_AUTHORS) return `${names.slice(0, SHOWN_WHEN_MORE).join(', ')}, et al`;
  return hasEtal ? `${names.join(', ')}, et al` : names.join(', ');
}

function formatName(n: Element): string {
  if (n.nodeName !== 'name') return textOf(n);
  const given = textOf(childElements(n, 'given-names')[0]);
  // Given names become initials (AMA/Vancouver): "John P. A." → "JPA"; "ST" and "PhB" stay.
  const initials = given.length <= 3 && !/[\s.]/.test(given) ? given : initialsOf(given);
  const suffix = textOf(childElements(n, 'suffix')[0]);
  return collapse(`${textOf(childElements(n, 'surname')[0])} ${initials} ${suffix}`);
}

function initialsOf(given: string): string {
  return given
    .split(/[\s.-]+/)
    .filter(Boolean)
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('');
}

function formatLocation(citation: Element): string {
  const text = (name: string) => textOf(childElements(citation, name)[0]);
  const [year, volume, issue, fpage, lpage] = ['year', 'volume', 'issue', 'fpage', 'lpage'].map(text) as [
    string,
    string,
    string,
    string,
    string,
  ];
  const pages = text('page-range') || (fpage ? `${fpage}${lpage && lpage !== fpage ? `-${lpage}` : ''}` : '');
  const elocation = text('elocation-id');
  let out = year;
  if (volume) out += `${out ? ';' : ''}${volume}`;
  if (issue) out += `(${issue})`;
  const at = pages || elocation;
  if (at) out += `${out ? ':' : ''}${at}`;
  return out;
}

function identifierLinks(ids: ReferenceIds): string {
  const links: string[] = [];
  if (ids.doi) links.push(`<a rel="noopener" href="${escapeHtml(doiUrl(ids.doi))}">doi:${escapeHtml(ids.doi)}</a>`);
  if (ids.pmid) links.push(`<a rel="noopener" href="${escapeHtml(pubmedUrl(ids.pmid))}">PMID: ${ids.pmid}</a>`);
  if (ids.pmcid) links.push(`<a rel="noopener" href="${escapeHtml(pmcUrl(ids.pmcid))}">${ids.pmcid}</a>`);
  return links.length > 0 ? ` ${links.join(' ')}` : '';
}
