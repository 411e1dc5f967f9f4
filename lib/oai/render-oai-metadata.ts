// The two metadata formats a record is served in: Dublin Core (oai_dc, required by the protocol)
// and JATS. Pure: a loaded record in, an XML fragment out. Only what every visitor may see goes
// in (the abstract or opening paragraphs, metadata); the full text only when the record carries
// it, which oai-records.ts does only when the access rule lets an anonymous reader read it.
import { articlePath } from '@/lib/articles/article-path';
import { htmlToParagraphs } from '@/lib/articles/html-to-text';
import { articleTypeLabel } from '@/lib/articles/search/article-type-label';
import { xmlAttributes, xmlElement, xmlText } from '@/lib/xml/xml-text';
import type { OaiRecord } from './oai-records';

export type MetadataFormat = { prefix: string; schema: string; namespace: string };

/**
 * JATS has no namespace, and OAI-PMH admits only namespaced metadata (its wildcard is ##other,
 * strict). Crossref publishes the JATS 1.3 Journal Publishing schema in a namespace of its own
 * for the abstracts it takes in deposits: records are written in it, so they validate.
 */
export const JATS_NAMESPACE = 'http://www.ncbi.nlm.nih.gov/JATS1';

export const METADATA_FORMATS: readonly MetadataFormat[] = [
  {
    prefix: 'oai_dc',
    schema: 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd',
    namespace: 'http://www.openarchives.org/OAI/2.0/oai_dc/',
  },
  {
    prefix: 'jats',
    schema: 'https://www.crossref.org/schemas/JATS-journalpublishing1-3d2-mathml3.xsd',
    namespace: JATS_NAMESPACE,
  },
];

export const findMetadataFormat = (prefix: string) => METADATA_FORMATS.find((f) => f.prefix === prefix) ?? null;

type Context = { siteUrl: string; publisher: string };

const fullTitle = (r: OaiRecord) => (r.subtitle ? `${r.title}: ${r.subtitle}` : r.title);
const articleUrl = (r: OaiRecord, siteUrl: string) => new URL(articlePath(r.doi), siteUrl).toString();

function pages(r: OaiRecord): string {
  if (r.fpage) return r.lpage && r.lpage !== r.fpage ? `${r.fpage}-${r.lpage}` : r.fpage;
  return r.elocationId ?? '';
}

function creatorName(a: OaiRecord['authors'][number]): string {
  if (a.collab) return a.collab;
  const family = [a.surname, a.suffix].filter(Boolean).join(' ');
  return [family, a.givenNames].filter(Boolean).join(', ');
}

function sourceLine(r: OaiRecord): string {
  const parts = [r.journal.title];
  if (r.issue) parts.push(`Vol ${r.issue.volume}, No. ${r.issue.number} (${r.issue.year})`);
  const at = pages(r);
  if (at) parts.push(at);
  return parts.join('; ');
}

export function renderOaiDc(r: OaiRecord, { siteUrl, publisher }: Context): string {
  const el = (name: string, value: string | null | undefined) => xmlElement(`dc:${name}`, value);
  const date = r.publishedOnline?.toISOString().slice(0, 10) ?? (r.issue ? String(r.issue.year) : null);
  const subjects = [...new Set([...r.topics.map((t) => t.topic.name), ...r.keywords])];
  return [
    '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    ' xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd">',
    el('title', fullTitle(r)),
    ...r.authors.map((a) => el('creator', creatorName(a))),
    ...subjects.map((s) => el('subject', s)),
    el('description', htmlToParagraphs(r.previewHtml).join('\n\n')),
    el('publisher', r.journal.publisher ?? publisher),
    el('date', date),
    el('type', 'Text'),
    el('type', articleTypeLabel(r.articleType)),
    el('format', 'text/html'),
    el('identifier', `https://doi.org/${r.doi}`),
    el('identifier', articleUrl(r, siteUrl)),
    ...(r.pmid ? [el('identifier', `https://pubmed.ncbi.nlm.nih.gov/${r.pmid}/`)] : []),
    el('source', sourceLine(r)),
    ...[r.journal.issn, r.journal.eissn].map((issn) => (issn ? el('source', `ISSN ${issn}`) : '')),
    el('rights', r.isFree ? 'Free to read' : 'Subscription or purchase required for the full text'),
    '</oai_dc:dc>',
  ].join('');
}

const paragraphs = (html: string) => htmlToParagraphs(html).map((p) => `<p>${xmlText(p)}</p>`);

function dateParts(date: Date): string {
  const iso = date.toISOString();
  return `<day>${iso.slice(8, 10)}</day><month>${iso.slice(5, 7)}</month><year>${iso.slice(0, 4)}</year>`;
}

function contributor(a: OaiRecord['authors'][number]): string {
  const id = a.orcid ? xmlElement('contrib-id', a.orcid, { 'contrib-id-type': 'orcid' }) : '';
  if (a.collab) return `<contrib contrib-type="author">${id}${xmlElement('collab', a.collab)}</contrib>`;
  // JATS wants a surname; a mononymous author is written as one.
  const surname = a.surname || a.givenNames || '';
  const name = `<name>${xmlElement('surname', surname)}${a.surname ? xmlElement('given-names', a.givenNames) : ''}${xmlElement('suffix', a.suffix)}</name>`;
  return `<contrib contrib-type="author">${id}${name}</contrib>`;
}

/**
 * The record as a JATS article: journal and article metadata, the abstract (or opening
 * paragraphs), keywords; the body as plain paragraphs only when the record carries its full text.
 */
export function renderJats(r: OaiRecord, { siteUrl, publisher }: Context): string {
  const j = r.journal;
  const meta = [
    xmlElement('article-id', r.doi, { 'pub-id-type': 'doi' }),
    r.pmid ? xmlElement('article-id', r.pmid, { 'pub-id-type': 'pmid' }) : '',
    r.sectionLabel
      ? `<article-categories><subj-group subj-group-type="heading">${xmlElement('subject', r.sectionLabel)}</subj-group></article-categories>`
      : '',
    `<title-group>${xmlElement('article-title', r.title)}${xmlElement('subtitle', r.subtitle)}</title-group>`,
    r.authors.length > 0 ? `<contrib-group>${r.authors.map(contributor).join('')}</contrib-group>` : '',
    r.publishedOnline
      ? `<pub-date publication-format="electronic" date-type="pub">${dateParts(r.publishedOnline)}</pub-date>`
      : '',
    r.issue
      ? `<pub-date publication-format="print" date-type="collection">${r.issue.month ? `<month>${String(r.issue.month).padStart(2, '0')}</month>` : ''}<year>${r.issue.year}</year></pub-date>`
      : '',
    r.issue ? `${xmlElement('volume', r.issue.volume)}${xmlElement('issue', r.issue.number)}` : '',
    r.fpage
      ? `${xmlElement('fpage', r.fpage)}${xmlElement('lpage', r.lpage)}`
      : xmlElement('elocation-id', r.elocationId),
    `<self-uri${xmlAttributes({ 'xlink:href': articleUrl(r, siteUrl) })}/>`,
    abstractOf(r),
    r.keywords.length > 0 ? `<kwd-group>${r.keywords.map((k) => xmlElement('kwd', k)).join('')}</kwd-group>` : '',
  ];
  const journalMeta = [
    xmlElement('journal-id', j.slug, { 'journal-id-type': 'publisher-id' }),
    `<journal-title-group>${xmlElement('journal-title', j.title)}${xmlElement('abbrev-journal-title', j.abbreviation)}</journal-title-group>`,
    xmlElement('issn', j.issn, { 'publication-format': 'print' }),
    xmlElement('issn', j.eissn, { 'publication-format': 'electronic' }),
    `<publisher>${xmlElement('publisher-name', j.publisher ?? publisher)}</publisher>`,
  ];
  const body = r.fullTextHtml === null ? [] : paragraphs(r.fullTextHtml);
  return [
    `<article xmlns="${JATS_NAMESPACE}" xmlns:xlink="http://www.w3.org/1999/xlink"`,
    ` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"${xmlAttributes({ 'article-type': r.articleType })} dtd-version="1.3d2"`,
    ` xsi:schemaLocation="${JATS_NAMESPACE} https://www.crossref.org/schemas/JATS-journalpublishing1-3d2-mathml3.xsd">`,
    `<front><journal-meta>${journalMeta.join('')}</journal-meta><article-meta>${meta.join('')}</article-meta></front>`,
    body.length > 0 ? `<body>${body.join('')}</body>` : '',
    '</article>',
  ].join('');
}

function abstractOf(r: OaiRecord): string {
  const ps = paragraphs(r.previewHtml);
  return ps.length > 0 ? `<abstract>${ps.join('')}</abstract>` : '';
}
