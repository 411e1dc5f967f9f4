// Pure JATS/NLM → ParsedArticle. Handles JATS 1.x and NLM 2.3/3.0 layouts; never loads DTDs.
import { childAt, childElements, descendants, optionalText, textOf, type Element } from './jats-dom';
import { parseXmlRoot } from './jats-dom';
import { readAuthors, type ParsedAffiliation, type ParsedAuthor } from './jats-authors';
import { readIssue, readJournal, readPublishedOnline, type ParsedIssue, type ParsedJournal } from './jats-front';
import { titleToHtml } from './jats-title-html';
import type { XmlInput } from './jats-xml-input';
import { readAbstracts } from './jats-abstracts';
import { readArticleInfo } from './jats-article-info';
import { backMatterToHtml } from './jats-back-matter';
import { JatsImportError } from './jats-import-error';
import { referencesToHtml } from './jats-references';
import { childrenToHtml, nodeToHtml, unhandledWarnings, type HtmlContext } from './jats-to-html';
import { sanitizeJatsHtml } from './sanitize-jats-html';
import type { AssetViews } from '../assets/asset-views';
import { articlePath } from '../article-path';
import { setFigureRendering } from './jats-figures';
import { readFigureFacts, type FigureFact } from './jats-figure-facts';

export type { ParsedAffiliation, ParsedAuthor, ParsedIssue, ParsedJournal };

export type ParsedArticle = {
  doi: string;
  pmid: string | null;
  articleType: string;
  sectionLabel: string | null;
  /** Plain text, for meta tags and search. */
  title: string;
  /** The same title with its inline formatting (italic, sub/superscripts), as safe HTML. */
  titleHtml: string;
  subtitle: string | null;
  authors: ParsedAuthor[];
  journal: ParsedJournal;
  issue: ParsedIssue | null;
  fpage: string | null;
  lpage: string | null;
  elocationId: string | null;
  publishedOnline: Date | null;
  isFree: boolean;
  /** Public: the main abstract (or, without one, the opening paragraphs). */
  previewHtml: string;
  /** Public: key points, author/editors' summaries, digests, translated abstracts, each titled. */
  summariesHtml: string;
  /** Gated: body, floats, appendices, glossary, other back sections, sub-articles. */
  fullTextHtml: string;
  /** Gated: the reference list. */
  referencesHtml: string;
  /** Public: dates, corrections, licence, correspondence, disclosures, funding, acknowledgments. */
  articleInfoHtml: string;
  keywords: string[];
  topics: string[];
  /**
   * For the person importing: what the import went past (an author without a name, a bad ORCID iD)
   * and what it could not render as such (its text is kept).
   */
  warnings: string[];
  /** Figures and tables with ids: what their slides show. */
  figures: FigureFact[];
};

export type ParseJatsOptions = {
  /**
   * The files of the article's package, as stored (prepare-assets.ts). Without it only the XML is
   * imported and figures show their captions.
   */
  assets?: AssetViews;
};

/**
 * Parses one JATS file, given as bytes (decoded per its BOM or XML declaration), as text, or as its
 * root element already parsed (parseXmlRoot; the package import reads the files it references first).
 * Throws JatsImportError (naming the file and element) on bad input.
 */
export function parseJats(xml: XmlInput | Element, fileName: string, options: ParseJatsOptions = {}): ParsedArticle {
  const root = typeof xml === 'string' || xml instanceof Uint8Array ? parseXmlRoot(xml, fileName) : xml;
  const warnings: string[] = [];
  const missing = (what: string, where: string) =>
    new JatsImportError(`${fileName}: missing required element ${what} in <${where}>`);
  if (root.nodeName !== 'article')
    throw new JatsImportError(`${fileName}: root element is <${root.nodeName}>, expected <article>`);
  const front = childAt(root, 'front');
  if (!front) throw missing('<front>', 'article');
  const articleMeta = childAt(front, 'article-meta');
  if (!articleMeta) throw missing('<article-meta>', 'front');
  const journalMeta = childAt(front, 'journal-meta');
  if (!journalMeta) throw missing('<journal-meta>', 'front');

  const articleId = (type: string) =>
    optionalText(childElements(articleMeta, 'article-id').find((id) => id.getAttribute('pub-id-type') === type));
  const doi = articleId('doi');
  if (!doi) throw missing('<article-id pub-id-type="doi">', 'article-meta');
  const titleGroup = childAt(articleMeta, 'title-group');
  const titleElement = childAt(titleGroup, 'article-title');
  const title = textOf(titleElement, ['xref', 'fn']);
  if (!title) throw missing('<article-title>', 'title-group');
  const journalTitle = textOf(
    childAt(journalMeta, 'journal-title-group', 'journal-title') ?? childAt(journalMeta, 'journal-title'),
  );
  if (!journalTitle) throw missing('<journal-title>', 'journal-meta');

  const { sectionLabel, topics } = readCategories(articleMeta);
  const views: AssetViews = options.assets ?? new Map<string, never>();
  const base = articlePath(doi);
  setFigureRendering(root, { views, assetBase: `${base}/assets/`, slideBase: `${base}/slides/` });
  const unhandled = new Map<string, number>();
  const content = readContent(root, articleMeta, unhandled);
  return {
    doi,
    pmid: articleId('pmid'),
    articleType: root.getAttribute('article-type') || 'research-article',
    sectionLabel,
    title,
    titleHtml: titleToHtml(titleElement),
    subtitle: optionalText(childAt(titleGroup, 'subtitle')),
    authors: readAuthors(articleMeta, warnings),
    journal: readJournal(journalMeta, journalTitle),
    issue: readIssue(articleMeta),
    fpage: optionalText(childAt(articleMeta, 'fpage')),
    lpage: optionalText(childAt(articleMeta, 'lpage')),
    elocationId: optionalText(childAt(articleMeta, 'elocation-id')),
    publishedOnline: readPublishedOnline(articleMeta),
    isFree: readIsFree(articleMeta),
    previewHtml: content.previewHtml,
    summariesHtml: content.summariesHtml,
    fullTextHtml: content.fullTextHtml,
    referencesHtml: sanitizeJatsHtml(referencesToHtml(childAt(root, 'back'), unhandled)),
    articleInfoHtml: content.articleInfoHtml,
    keywords: unique(descendants(articleMeta, 'kwd').map((k) => textOf(k))),
    topics,
    warnings: [...warnings, ...unhandledWarnings(unhandled), ...structureWarnings(root, options.assets !== undefined)],
    figures: readFigureFacts(root, views),
  };
}

const KNOWN_PARTS = new Set(['front', 'body', 'back', 'floats-group', 'sub-article', 'response']);

function structureWarnings(root: Element, hasPackage: boolean): string[] {
  const warnings = childElements(root)
    .filter((child) => !KNOWN_PARTS.has(child.nodeName))
    .map((child) => `<${child.nodeName}> at the top of <article> is not imported`);
  const images = [childAt(root, 'body'), childAt(root, 'back'), childAt(root, 'floats-group')].reduce(
    (n, part) => n + descendants(part, 'graphic').length,
    0,
  );
  // Only the XML is imported: figures keep their captions, the image files are not part of it.
  // (A package import reports each missing file by name instead.)
  if (images > 0 && !hasPackage)
    warnings.push(
      `${images} figure or table image${images > 1 ? 's are' : ' is'} not shown: only the XML was imported, so figures show their captions`,
    );
  return warnings;
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}

function readCategories(articleMeta: Element): { sectionLabel: string | null; topics: string[] } {
  const groups = descendants(childAt(articleMeta, 'article-categories'), 'subj-group');
  const subjectsOf = (group: Element) => childElements(group, 'subject').map((s) => textOf(s));
  const headings = groups.filter((g) => g.getAttribute('subj-group-type') === 'heading').flatMap(subjectsOf);
  // display-channel repeats the article type ("Research article"); it is not a topic.
  const others = groups
    .filter((g) => !['heading', 'display-channel'].includes(g.getAttribute('subj-group-type') ?? ''))
    .flatMap(subjectsOf);
  return { sectionLabel: headings[0] || null, topics: unique([...headings.slice(1), ...others]) };
}

function readIsFree(articleMeta: Element): boolean {
  const licenses = descendants(childAt(articleMeta, 'permissions'), 'license');
  const isOpenLicense = licenses.some((license) => {
    const href = license.getAttribute('xlink:href') ?? '';
    const type = (license.getAttribute('license-type') ?? '').toLowerCase();
    // Older PLOS files name the CC licence only in prose, without an href or type.
    const saysCreativeCommons = /creative commons/i.test(textOf(license));
    return (
      /creativecommons\.org|public-?domain/i.test(href) ||
      ['open-access', 'open', 'public-domain'].includes(type) ||
      saysCreativeCommons
    );
  });
  const hasFreeFlag = descendants(articleMeta, 'custom-meta').some(
    (meta) =>
      textOf(childAt(meta, 'meta-name')).toLowerCase() === 'free-access' &&
      ['yes', 'true'].includes(textOf(childAt(meta, 'meta-value')).toLowerCase()),
  );
  return isOpenLicense || hasFreeFlag;
}

const NOT_PARAGRAPH_CONTAINERS = [
  'fig',
  'table-wrap',
  'boxed-text',
  'disp-quote',
  'list',
  'fn',
  'table',
  'supplementary-material',
  'caption',
];

type Content = { previewHtml: string; summariesHtml: string; fullTextHtml: string; articleInfoHtml: string };

/**
 * Preview is the main abstract, or (without one) the first two body paragraphs, which the full
 * text then leaves out. Disclosure sections move from the body to Article Information.
 */
function readContent(root: Element, articleMeta: Element, unhandled: Map<string, number>): Content {
  const { main: abstract, summariesHtml } = readAbstracts(articleMeta, unhandled);
  const info = readArticleInfo(root, articleMeta, unhandled);
  const body = childAt(root, 'body');
  const skip = new Set<Element>(info.moved);
  let previewHtml = '';
  if (abstract) {
    previewHtml = abstractToHtml(abstract, unhandled);
  } else if (body) {
    const paragraphs = descendants(body, 'p', NOT_PARAGRAPH_CONTAINERS)
      .filter((p) => ![...info.moved].some((sec) => isInside(p, sec)))
      .slice(0, 2);
    paragraphs.forEach((p) => skip.add(p));
    previewHtml = paragraphs.map((p) => nodeToHtml(p, { depth: 1, skip: new Set(), unhandled })).join('');
  }
  const ctx: HtmlContext = { depth: 1, skip, unhandled };
  // Figures and tables kept apart in <floats-group> belong after the body text.
  const bodyHtml = body ? childrenToHtml(body, ctx) : '';
  const floats = childElements(childAt(root, 'floats-group')).map((f) => nodeToHtml(f, ctx));
  const fullTextHtml = bodyHtml + floats.join('') + backMatterToHtml(root, ctx, info.moved);
  return {
    previewHtml: sanitizeJatsHtml(previewHtml),
    summariesHtml: sanitizeJatsHtml(summariesHtml),
    fullTextHtml: sanitizeJatsHtml(fullTextHtml),
    articleInfoHtml: sanitizeJatsHtml(info.html),
  };
}

function isInside(node: Element, ancestor: Element): boolean {
  for (let n: Element | null = node; n; n = n.parentNode) if (n === ancestor) return true;
  return false;
}

function abstractToHtml(abstract: Element, unhandled: Map<string, number>): string {
  const ctx: HtmlContext = { depth: 2, skip: new Set(), unhandled };
  return childElements(abstract)
    .filter((child) => child.nodeName !== 'title' && child.nodeName !== 'label')
    .map((child) => nodeToHtml(child, ctx))
    .join('');
}
