// Dates an article went through (history and publication dates) and its related articles
// (corrections, retractions, companions), for Article Information.
import { childElements, textOf, type Element } from './jats-dom';
import { doiUrl, pubmedUrl } from './jats-reference-ids';
import { childrenToHtml, escapeHtml } from './jats-to-html';
import { MONTH_NAMES } from '@/lib/format-date';

const HISTORY_LABELS: Record<string, string> = {
  received: 'Received',
  'rev-recd': 'Revised',
  'rev-request': 'Revision Requested',
  accepted: 'Accepted for Publication',
  corrected: 'Corrected',
  retracted: 'Retracted',
  preprint: 'Preprint',
};

/** "March 17, 2015", "December 2008", "Jul-Sep 2020"; null without a year. */
function formatDate(date: Element): string | null {
  const iso = date.getAttribute('iso-8601-date') ?? '';
  const isoParts = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  const year = textOf(childElements(date, 'year')[0]) || isoParts?.[1] || '';
  if (!/^\d{4}$/.test(year)) return null;
  const month = Number.parseInt(textOf(childElements(date, 'month')[0]) || isoParts?.[2] || '', 10);
  const day = Number.parseInt(textOf(childElements(date, 'day')[0]) || isoParts?.[3] || '', 10);
  const season = textOf(childElements(date, 'season')[0]);
  const monthName = month >= 1 && month <= 12 ? MONTH_NAMES[month - 1] : null;
  if (monthName && day >= 1 && day <= 31) return `${monthName} ${day}, ${year}`;
  if (monthName) return `${monthName} ${year}`;
  return season ? `${season} ${year}` : year;
}

/** Received, accepted… then "Published Online" (electronic) and "Published" (print), once each. */
export function readArticleDates(articleMeta: Element): { label: string; text: string }[] {
  const out: { label: string; text: string }[] = [];
  const history = childElements(childElements(articleMeta, 'history')[0], 'date');
  for (const date of history) {
    const type = (date.getAttribute('date-type') ?? '').toLowerCase();
    const text = formatDate(date);
    if (text) out.push({ label: HISTORY_LABELS[type] ?? (type ? capitalize(type) : 'Date'), text });
  }
  const published = new Map<string, string>();
  for (const date of childElements(articleMeta, 'pub-date')) {
    const type = date.getAttribute('pub-type') ?? date.getAttribute('date-type') ?? '';
    const format = date.getAttribute('publication-format') ?? '';
    const isOnline = type === 'epub' || (type === 'pub' && format === 'electronic');
    const isPrint = type === 'ppub' || (type === 'pub' && format !== 'electronic');
    const label = isOnline ? 'Published Online' : isPrint ? 'Published' : null;
    const text = formatDate(date);
    if (label && text && !published.has(label)) published.set(label, text);
  }
  for (const [label, text] of published) out.push({ label, text });
  return out;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1).replace(/-/g, ' ');
}

const RELATED_LABELS: Record<string, string> = {
  'corrected-article': 'Correction Notice (this article corrects)',
  'correction-forward': 'Correction',
  'retracted-article': 'Retraction Notice (this article retracts)',
  'retraction-forward': 'Retraction',
  'expression-of-concern': 'Expression of Concern',
  'object-of-concern': 'Expression of Concern (this notice concerns)',
  'concern-forward': 'Expression of Concern',
  'commentary-article': 'Commentary on',
  commentary: 'Commentary',
  companion: 'Related Article',
  letter: 'Letter',
  reply: 'Reply',
  'in-this-issue': 'In This Issue',
  addendum: 'Addendum',
  'update-forward': 'Update',
  'updated-article': 'Update of',
};

/** Related articles grouped by kind, each linked to its DOI (or PubMed, or URL) when known. */
export function readRelatedArticles(articleMeta: Element): { label: string; html: string }[] {
  const groups = new Map<string, string[]>();
  for (const rel of childElements(articleMeta, 'related-article')) {
    const type = rel.getAttribute('related-article-type') ?? '';
    const label = RELATED_LABELS[type] ?? 'Related Article';
    const href = hrefOf(rel);
    const title = childrenToHtml(rel, { depth: 3, skip: new Set() }).trim();
    const where = [rel.getAttribute('vol') ? `vol ${rel.getAttribute('vol')}` : '', rel.getAttribute('page') ?? '']
      .filter(Boolean)
      .join(', ');
    const shown = title || escapeHtml(href?.text ?? '');
    if (!shown) continue;
    const html = `${href ? `<a rel="noopener" href="${escapeHtml(href.url)}">${shown}</a>` : shown}${where ? ` (${escapeHtml(where)})` : ''}`;
    const list = groups.get(label) ?? [];
    if (!list.includes(html)) list.push(html);
    groups.set(label, list);
  }
  return [...groups].map(([label, list]) => ({ label, html: list.join('; ') }));
}

function hrefOf(rel: Element): { url: string; text: string } | null {
  const raw = (rel.getAttribute('xlink:href') ?? '').trim();
  const type = (rel.getAttribute('ext-link-type') ?? '').toLowerCase();
  const doi = raw.replace(/^(?:info:doi\/|doi:|https?:\/\/(?:dx\.)?doi\.org\/)/i, '');
  if ((type === 'doi' || raw !== doi || /^10\.\d{4,9}\//.test(raw)) && /^10\.\d{4,9}\/\S+$/.test(doi))
    return { url: doiUrl(doi), text: `doi:${doi}` };
  if ((type === 'pubmed' || type === 'pmid') && /^\d{1,9}$/.test(raw))
    return { url: pubmedUrl(raw), text: `PMID: ${raw}` };
  if (/^https?:\/\//i.test(raw)) return { url: raw, text: raw };
  return null;
}
