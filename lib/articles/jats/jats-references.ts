// Builds the reference list as readable plain citations ("Roca O, et al. Title. Source. 2006;30:6–12.")
// from any of the four JATS/NLM citation elements.
import { childElements, collapse, descendants, textOf, type Element } from './jats-dom';
import { escapeHtml } from './jats-to-html';

const CITATION_ELEMENTS = ['element-citation', 'mixed-citation', 'citation', 'nlm-citation'];
const MAX_AUTHORS = 6;

/** `<ol class="references">` of every ref in `back` (empty string when there are none). */
export function referencesToHtml(back: Element | null): string {
  const refs = descendants(back, 'ref');
  if (refs.length === 0) return '';
  const items = refs.map((ref) => {
    const id = ref.getAttribute('id');
    const citation = CITATION_ELEMENTS.map((name) => childElements(ref, name)[0]).find(Boolean);
    const body = citation ? citationToHtml(citation) : escapeHtml(textOf(ref, ['label']));
    return `<li${id ? ` id="${escapeHtml(id)}"` : ''}>${body}</li>`;
  });
  return `<ol class="references">${items.join('')}</ol>`;
}

function citationToHtml(citation: Element): string {
  const part = (name: string) => textOf(childElements(citation, name)[0]);
  const title = part('article-title') || part('chapter-title');
  const source = part('source');
  const year = part('year');
  const doi = textOf(childElements(citation, 'pub-id').find((p) => p.getAttribute('pub-id-type') === 'doi'));
  const authors = formatAuthors(citation);
  // Free-text citations (no structured parts) are shown as written.
  if (!title && !source && !year) {
    return escapeHtml(textOf(citation, ['pub-id'])) + doiLink(doi);
  }
  const sentences: string[] = [];
  if (authors) sentences.push(authors);
  if (title) sentences.push(title);
  if (source) sentences.push(source);
  const publisher = [part('publisher-loc'), part('publisher-name')].filter(Boolean).join(': ');
  if (publisher) sentences.push(publisher);
  sentences.push(formatLocation(year, part('volume'), part('issue'), part('fpage'), part('lpage')));
  const text = sentences
    .filter(Boolean)
    .map((s) => s.replace(/[.\s]+$/, ''))
    .join('. ');
  return `${escapeHtml(text)}.${doiLink(doi)}`;
}

function formatAuthors(citation: Element): string {
  const group =
    childElements(citation, 'person-group').find(
      (g) => (g.getAttribute('person-group-type') ?? 'author') === 'author',
    ) ?? citation;
  const names = childElements(group, 'name', 'string-name', 'collab').map((n) => {
    if (n.nodeName !== 'name') return textOf(n);
    const given = textOf(childElements(n, 'given-names')[0]);
    // Given names become initials, the usual Vancouver style: "John P. A." → "JPA".
    const initials = given.length <= 3 && !given.includes('.') ? given : initialsOf(given);
    return collapse(`${textOf(childElements(n, 'surname')[0])} ${initials}`);
  });
  const hasEtal = childElements(group, 'etal').length > 0 || names.length > MAX_AUTHORS;
  const shown = names.filter(Boolean).slice(0, MAX_AUTHORS);
  if (shown.length === 0) return '';
  return hasEtal ? `${shown.join(', ')}, et al` : shown.join(', ');
}

function initialsOf(given: string): string {
  return given
    .split(/[\s.-]+/)
    .filter(Boolean)
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('');
}

function formatLocation(year: string, volume: string, issue: string, fpage: string, lpage: string): string {
  let out = year;
  if (volume) out += `${out ? ';' : ''}${volume}`;
  if (issue) out += `(${issue})`;
  if (fpage) out += `${out ? ':' : ''}${fpage}${lpage && lpage !== fpage ? `–${lpage}` : ''}`;
  return out;
}

function doiLink(doi: string): string {
  if (!doi) return '';
  const href = `https://doi.org/${encodeURI(doi)}`;
  return ` <a rel="noopener" href="${escapeHtml(href)}">doi:${escapeHtml(doi)}</a>`;
}
