// Every abstract of an article: the main one is the preview; key points, author and editors'
// summaries, digests and translated abstracts are public sections of their own, each titled.
import { childElements, textOf, type Element } from './jats-dom';
import { escapeHtml, nodeToHtml, type HtmlContext } from './jats-to-html';

const MAIN_TYPES = new Set(['', 'abstract', 'structured', 'unstructured', 'main', 'normal']);
// A table-of-contents teaser repeats the abstract in a sentence for listing pages: not shown.
const SKIPPED_TYPES = new Set(['toc']);
const TITLES: Record<string, string> = {
  'key-points': 'Key Points',
  'editor-summary': 'Editors’ Summary',
  editor: 'Editors’ Summary',
  editors: 'Editors’ Summary',
  summary: 'Author Summary',
  'author-summary': 'Author Summary',
  'executive-summary': 'Summary',
  digest: 'Digest',
  'plain-language-summary': 'Plain Language Summary',
  lay: 'Plain Language Summary',
  teaser: 'In Brief',
  graphical: 'Graphical Abstract',
  precis: 'Précis',
  objectives: 'Objectives',
  short: 'Short Abstract',
};
const LANGUAGES: Record<string, string> = {
  en: 'English',
  es: 'Spanish',
  pt: 'Portuguese',
  fr: 'French',
  de: 'German',
  it: 'Italian',
  zh: 'Chinese',
  ja: 'Japanese',
};

export type Abstracts = { main: Element | null; summariesHtml: string };

function typeOf(abstract: Element): string {
  return (abstract.getAttribute('abstract-type') ?? '').toLowerCase();
}

export function readAbstracts(articleMeta: Element, unhandled?: Map<string, number>): Abstracts {
  const abstracts = childElements(articleMeta, 'abstract');
  const shown = abstracts.filter((a) => !SKIPPED_TYPES.has(typeOf(a)));
  const main = shown.find((a) => MAIN_TYPES.has(typeOf(a))) ?? null;
  const others = shown.filter((a) => a !== main);
  // Key points lead, as in JAMA; the rest keep the file's order.
  others.sort((a, b) => Number(typeOf(b) === 'key-points') - Number(typeOf(a) === 'key-points'));
  const translated = childElements(articleMeta, 'trans-abstract');
  const ctx: HtmlContext = { depth: 2, skip: new Set(), unhandled };
  const sections = [
    ...others.map((a) => sectionOf(a, TITLES[typeOf(a)] ?? 'Summary', ctx)),
    ...translated.map((a) => {
      const lang = (a.getAttribute('xml:lang') ?? '').toLowerCase().split('-')[0] ?? '';
      return sectionOf(a, `Abstract${lang ? ` (${LANGUAGES[lang] ?? lang})` : ''}`, ctx);
    }),
  ];
  return { main, summariesHtml: sections.join('') };
}

/** The abstract's own title when it has one ("eLife digest"), else the title of its type. */
function sectionOf(abstract: Element, fallbackTitle: string, ctx: HtmlContext): string {
  const own = textOf(childElements(abstract, 'title')[0]);
  const body = childElements(abstract)
    .filter((child) => child.nodeName !== 'title' && child.nodeName !== 'label')
    .map((child) => nodeToHtml(child, ctx))
    .join('');
  if (!body.trim()) return '';
  return `<section class="abstract-extra"><h2>${escapeHtml(own || fallbackTitle)}</h2>${body}</section>`;
}
