// The gated part of the back matter: appendices (app-group), glossary, back sections that are
// not disclosures, and sub-articles (translations, replies). Disclosures, notes and
// acknowledgments are public Article Information (jats-article-info.ts); references are apart.
import { childAt, childElements, textOf, type Element } from './jats-dom';
import { referencesToHtml } from './jats-references';
import { childrenToHtml, escapeHtml, nodeToHtml, type HtmlContext } from './jats-to-html';

// Shown elsewhere: the reference list, and what Article Information carries.
const ELSEWHERE = new Set(['ref-list', 'ack', 'fn-group', 'notes', 'title', 'label']);

/** HTML of the back matter that belongs with the full text ('' when there is none). */
export function backMatterToHtml(root: Element, ctx: HtmlContext, moved: Set<Element>): string {
  const back = childElements(childAt(root, 'back'))
    .filter((child) => !ELSEWHERE.has(child.nodeName) && !moved.has(child))
    .map((child) => nodeToHtml(child, ctx))
    .join('');
  const subArticles = [...childElements(root, 'sub-article'), ...childElements(root, 'response')]
    .map((sub) => subArticleToHtml(sub, root, ctx))
    .join('');
  return back + subArticles;
}

/** A translation, reply or decision letter printed after the article, under its own title. */
function subArticleToHtml(sub: Element, root: Element, ctx: HtmlContext): string {
  const front = childAt(sub, 'front-stub') ?? childAt(sub, 'front', 'article-meta');
  const titleEl = childAt(front, 'title-group', 'article-title');
  const type = sub.getAttribute('article-type') ?? sub.getAttribute('response-type') ?? '';
  const lang = sub.getAttribute('xml:lang') ?? '';
  const isTranslation = type === 'translation' && lang && lang !== (root.getAttribute('xml:lang') ?? '');
  const title = titleEl && textOf(titleEl) ? childrenToHtml(titleEl, ctx) : escapeHtml(type || 'Sub-article');
  const heading = `${title}${isTranslation ? ` (translation, ${escapeHtml(lang)})` : ''}`;
  const nested = { ...ctx, depth: ctx.depth + 1 };
  // A translation's own abstract and notes (its conflict-of-interest statement, say) are in its front.
  const frontHtml = childElements(front)
    .filter((child) => ['abstract', 'trans-abstract', 'author-notes'].includes(child.nodeName))
    .map((child) => childrenToHtml(child, nested))
    .join('');
  const body = childAt(sub, 'body');
  const bodyHtml = body ? childrenToHtml(body, nested) : '';
  const back = childAt(sub, 'back');
  const backHtml = childElements(back)
    .filter((child) => child.nodeName !== 'ref-list')
    .map((child) => nodeToHtml(child, nested))
    .join('');
  const refs = referencesToHtml(back, ctx.unhandled);
  if (!frontHtml && !bodyHtml && !backHtml && !refs) return '';
  return `<section class="sub-article"${sub.getAttribute('id') ? ` id="${escapeHtml(sub.getAttribute('id') ?? '')}"` : ''}><h2>${heading}</h2>${frontHtml}${bodyHtml}${backHtml}${refs}</section>`;
}
