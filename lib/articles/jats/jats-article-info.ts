// "Article Information" as JAMA shows it: dates, corrections and related articles, licence,
// corresponding author, author notes, contributions, conflict of interest disclosures, funding,
// data sharing, ethics, additional contributions. Public metadata (disclosures are legally
// required to be visible with the abstract), so it is stored apart from the gated full text.
import { childAt, childElements, descendants, textOf, type Element } from './jats-dom';
import {
  DISCLOSURE_LABELS,
  disclosureKindOf,
  isDisclosureSection,
  kindFromWords,
  type DisclosureKind,
} from './jats-disclosures';
import { readArticleDates, readRelatedArticles } from './jats-article-dates';
import { childrenToHtml, escapeHtml, nodeToHtml, type HtmlContext } from './jats-to-html';

export type ArticleInfo = {
  /** Sanitized by the caller; '' when the file has none of it. */
  html: string;
  /** Body and back sections moved here, which the full text must leave out. */
  moved: Set<Element>;
};

type Entry = { kind: DisclosureKind; html: string };

/** Collects every disclosure and note of the article, each under its heading, in JAMA's order. */
export function readArticleInfo(root: Element, articleMeta: Element, unhandled?: Map<string, number>): ArticleInfo {
  const ctx: HtmlContext = { depth: 3, skip: new Set(), unhandled };
  const moved = new Set<Element>();
  const entries: Entry[] = [];
  const add = (kind: DisclosureKind, html: string) => {
    if (html.trim()) entries.push({ kind, html });
  };

  const authorNotes = childAt(articleMeta, 'author-notes');
  for (const note of childElements(authorNotes)) {
    if (note.nodeName === 'corresp') add('correspondence', blocksOf(note, ctx, { dropLeadingMark: true }));
    else if (note.nodeName === 'fn') add(noteKind(note, null, 'author-note'), blocksOf(note, ctx));
    else if (note.nodeName !== 'label' && note.nodeName !== 'title') add('author-note', blocksOf(note, ctx));
  }
  add('contributions', creditRoles(articleMeta));
  for (const group of childElements(articleMeta, 'funding-group')) add('funding', fundingOf(group, ctx));
  for (const meta of descendants(articleMeta, 'custom-meta')) {
    const name = textOf(childAt(meta, 'meta-name'));
    const kind = kindFromWords(name);
    if (kind === 'data' || kind === 'conflict' || kind === 'funding' || kind === 'ethics' || kind === 'trial')
      add(kind, paragraph(childrenToHtml(childAt(meta, 'meta-value') ?? meta, ctx)));
  }

  const back = childAt(root, 'back');
  for (const child of childElements(back)) {
    if (child.nodeName === 'ack') {
      add('ack', blocksOf(child, ctx));
    } else if (child.nodeName === 'fn-group' || child.nodeName === 'notes') {
      for (const fn of child.nodeName === 'fn-group' ? childElements(child, 'fn') : [child]) {
        add(noteKind(fn, child, 'note'), blocksOf(fn, ctx));
      }
    } else if (child.nodeName === 'sec' && isDisclosureSection(child)) {
      moved.add(child);
      add(disclosureKindOf(child) ?? 'note', blocksOf(child, ctx));
    }
  }
  // Disclosure sections some publishers put at the end of the body.
  for (const sec of childElements(childAt(root, 'body'), 'sec').filter(isDisclosureSection)) {
    moved.add(sec);
    add(disclosureKindOf(sec) ?? 'note', blocksOf(sec, ctx));
  }

  const items = [
    ...readArticleDates(articleMeta).map(({ label, text }) => labelled(label, escapeHtml(text))),
    ...readRelatedArticles(articleMeta).map(({ label, html }) => labelled(label, html)),
    ...permissionsOf(articleMeta, ctx),
    ...conferenceOf(articleMeta),
    ...DISCLOSURE_LABELS.flatMap(([kind, label]) => {
      const parts = entries.filter((e) => e.kind === kind).map((e) => e.html);
      return parts.length > 0 ? [withLabel(label, parts.join(''))] : [];
    }),
  ];
  const html = items.length > 0 ? `<section id="article-information-content">${items.join('')}</section>` : '';
  return { html, moved };
}

function noteKind(fn: Element, group: Element | null, fallback: DisclosureKind): DisclosureKind {
  const marked = disclosureKindOf(fn, group);
  if (marked) return marked;
  const guessed = kindFromWords(textOf(fn));
  // An author note that mentions the acknowledgments is still an author note.
  return guessed && !(fallback === 'author-note' && guessed === 'ack') ? guessed : fallback;
}

/** The note's paragraphs; a heading it repeats ("Competing Interests:") is ours to give. */
function blocksOf(el: Element, ctx: HtmlContext, options: { dropLeadingMark?: boolean } = {}): string {
  const children = childElements(el).filter((c) => c.nodeName !== 'title' && c.nodeName !== 'label');
  const hasBlocks = children.some((c) => ['p', 'sec', 'list', 'def-list', 'table-wrap'].includes(c.nodeName));
  let html = hasBlocks
    ? children.map((c) => nodeToHtml(c, { ...ctx, depth: 4 })).join('')
    : paragraph(childrenToHtmlWithout(el, ctx, ['title', 'label']));
  // "* E-mail: …", "Corresponding Author: …": the mark and the repeated heading are ours to give.
  if (options.dropLeadingMark)
    html = html.replace(/^<p>\s*[*†‡§]*\s*(?:(?:Corresponding authors?|Correspondence)\s*:\s*)?/i, '<p>');
  return html.replace(/^<p>\s*<strong>([^<]{1,60}?):?\s*<\/strong>:?\s*/, (whole, label: string) =>
    kindFromWords(label) || /^(competing|conflicts?|funding|financial|author contributions?)/i.test(label)
      ? '<p>'
      : whole,
  );
}

function childrenToHtmlWithout(el: Element, ctx: HtmlContext, names: string[]): string {
  let out = '';
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && names.includes(n.nodeName)) continue;
    out += nodeToHtml(n, ctx);
  }
  return out;
}

function paragraph(inner: string): string {
  return inner.trim() ? `<p>${inner.trim()}</p>` : '';
}

function labelled(label: string, html: string): string {
  return `<p><strong>${escapeHtml(label)}:</strong> ${html}</p>`;
}

/** Puts "Label:" at the start of the first paragraph (or before the first block). */
function withLabel(label: string, html: string): string {
  const strong = `<strong>${escapeHtml(label)}:</strong> `;
  return html.startsWith('<p>') ? `<p>${strong}${html.slice(3)}` : `<p>${strong}</p>${html}`;
}

/** CRediT roles of each author: "Moher D: Conceptualization, Writing – original draft." */
function creditRoles(articleMeta: Element): string {
  const lines = childElements(articleMeta, 'contrib-group')
    .flatMap((g) => childElements(g, 'contrib'))
    .filter((c) => (c.getAttribute('contrib-type') ?? 'author') === 'author')
    .flatMap((contrib) => {
      const roles = childElements(contrib, 'role')
        .filter((r) =>
          /credit/i.test(
            `${r.getAttribute('vocab') ?? ''} ${r.getAttribute('vocab-identifier') ?? ''} ${r.getAttribute('content-type') ?? ''}`,
          ),
        )
        .map((r) => textOf(r) || (r.getAttribute('vocab-term') ?? ''))
        .filter(Boolean);
      if (roles.length === 0) return [];
      const name = childElements(contrib, 'name', 'string-name')[0];
      const who = name
        ? `${textOf(childAt(name, 'given-names'))} ${textOf(childAt(name, 'surname'))}`.trim() || textOf(name)
        : textOf(childAt(contrib, 'collab'));
      return [`${escapeHtml(who)}: ${escapeHtml(roles.join(', '))}.`];
    });
  return lines.length > 0 ? `<p>${lines.join(' ')}</p>` : '';
}

/** Awards ("Funder (award 123) to A. Author") and the funding statement, both as written. */
function fundingOf(group: Element, ctx: HtmlContext): string {
  const awards = childElements(group, 'award-group').map((award) => {
    const sources = childElements(award, 'funding-source')
      .map((s) => textOf(s, ['institution-id']))
      .filter(Boolean);
    const ids = childElements(award, 'award-id')
      .map((a) => textOf(a))
      .filter(Boolean);
    const recipients = childElements(award, 'principal-award-recipient', 'principal-investigator')
      .map((r) => textOf(r))
      .filter(Boolean);
    const desc = childElements(award, 'award-desc', 'award-name')
      .map((d) => textOf(d))
      .filter(Boolean);
    let text = sources.join(', ') || 'Award';
    if (desc.length) text += `, ${desc.join(', ')}`;
    if (ids.length) text += ` (${ids.length > 1 ? 'awards' : 'award'} ${ids.join(', ')})`;
    if (recipients.length) text += ` to ${recipients.join(', ')}`;
    return escapeHtml(text);
  });
  const statements = childElements(group, 'funding-statement').map((s) => paragraph(childrenToHtml(s, ctx)));
  const awardsHtml = awards.length > 0 ? `<p>${awards.join('; ')}.</p>` : '';
  return statements.join('') + awardsHtml;
}

/** Copyright line and licence (with its link), as the file states them. */
function permissionsOf(articleMeta: Element, ctx: HtmlContext): string[] {
  const permissions = childAt(articleMeta, 'permissions');
  if (!permissions) return [];
  const out: string[] = [];
  const statement = textOf(childAt(permissions, 'copyright-statement'));
  const year = textOf(childAt(permissions, 'copyright-year'));
  const holder = textOf(childAt(permissions, 'copyright-holder'));
  const copyright = statement || (year || holder ? `© ${[year, holder].filter(Boolean).join(' ')}` : '');
  if (copyright) out.push(labelled('Copyright', escapeHtml(copyright)));
  for (const license of childElements(permissions, 'license')) {
    const href =
      (license.getAttribute('xlink:href') ?? '').trim() ||
      textOf(descendants(license, 'ali:license_ref')[0]) ||
      textOf(descendants(license, 'license_ref')[0]);
    const text = childElements(license, 'license-p', 'p')
      .map((p) => childrenToHtml(p, ctx).trim())
      .join(' ');
    const linksItself = /^https?:\/\//i.test(href) && text.includes(`href="${escapeHtml(href)}"`);
    const link =
      /^https?:\/\//i.test(href) && !linksItself
        ? ` <a rel="license noopener" href="${escapeHtml(href)}">${escapeHtml(href)}</a>`
        : '';
    if (text || link) out.push(labelled('License', `${text}${link}`));
  }
  return out;
}

function conferenceOf(articleMeta: Element): string[] {
  return childElements(articleMeta, 'conference').map((conf) => {
    const parts = ['conf-name', 'conf-loc', 'conf-date'].map((name) => textOf(childAt(conf, name))).filter(Boolean);
    return labelled('Conference', escapeHtml(parts.join(', ')));
  });
}
