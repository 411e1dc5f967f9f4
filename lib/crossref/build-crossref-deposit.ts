// A Crossref metadata deposit (schema 5.3.1, https://www.crossref.org/schemas/crossref5.3.1.xsd)
// for an issue or an article: journal, issue, and per article its titles, contributors (ORCID
// iDs and affiliations with ROR/ISNI ids), abstract, dates, pages, access indicators (free to
// read, licence), DOI with its address on this site, and the reference list with DOIs. Pure: the
// loaded content in, the XML out; nothing is sent to Crossref (an editor uploads the file).
import { articlePath } from '@/lib/articles/article-path';
import { htmlToParagraphs } from '@/lib/articles/html-to-text';
import { ValidationError } from '@/lib/errors/app-error';
import { xmlAttributes, xmlElement, xmlText } from '@/lib/xml/xml-text';
import type { DepositArticle, DepositContent, DepositIssue, DepositJournal } from './load-deposit';
import { readReferenceList } from './read-reference-list';

export const CROSSREF_SCHEMA_VERSION = '5.3.1';

export type DepositOptions = {
  siteUrl: string;
  now: Date;
  depositor: { name: string; email: string };
  /** The publisher as registrant when the journal names none. */
  registrant: string;
};

const LICENCE_LINK = /<a rel="license[^"]*" href="([^"]+)"/;

/** yyyyMMddHHmmssSSS: Crossref keeps a deposit only when its timestamp is newer than the last. */
function timestamp(now: Date): string {
  return now.toISOString().replace(/[-:TZ.]/g, '');
}

function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}

function onlineDate(date: Date): string {
  return (
    `<publication_date media_type="online"><month>${twoDigits(date.getUTCMonth() + 1)}</month>` +
    `<day>${twoDigits(date.getUTCDate())}</day><year>${date.getUTCFullYear()}</year></publication_date>`
  );
}

function printDate(issue: DepositIssue): string {
  const month = issue.month ? `<month>${twoDigits(issue.month)}</month>` : '';
  return `<publication_date media_type="print">${month}<year>${issue.year}</year></publication_date>`;
}

function journalMetadata(journal: DepositJournal): string {
  return (
    `<journal_metadata>${xmlElement('full_title', journal.title)}${xmlElement('abbrev_title', journal.abbreviation)}` +
    `${xmlElement('issn', journal.issn, { media_type: 'print' })}${xmlElement('issn', journal.eissn, { media_type: 'electronic' })}` +
    '</journal_metadata>'
  );
}

function journalIssue(issue: DepositIssue): string {
  return (
    `<journal_issue>${printDate(issue)}<journal_volume>${xmlElement('volume', issue.volume)}</journal_volume>` +
    `${xmlElement('issue', issue.number)}</journal_issue>`
  );
}

function affiliations(author: DepositArticle['authors'][number]): string {
  const institutions = author.affiliations.map(({ affiliation: a }) => {
    const ids = [
      a.ror ? xmlElement('institution_id', a.ror, { type: 'ror' }) : '',
      a.isni
        ? xmlElement('institution_id', `https://isni.org/isni/${a.isni.replace(/\s+/g, '')}`, { type: 'isni' })
        : '',
    ];
    return `<institution>${xmlElement('institution_name', a.text.slice(0, 1024))}${ids.join('')}</institution>`;
  });
  return institutions.length > 0 ? `<affiliations>${institutions.join('')}</affiliations>` : '';
}

function contributors(article: DepositArticle): string {
  const people = article.authors.map((author, i) => {
    const atts = xmlAttributes({ sequence: i === 0 ? 'first' : 'additional', contributor_role: 'author' });
    if (author.collab) return `<organization${atts}>${xmlText(author.collab)}</organization>`;
    // Crossref requires a surname: a mononymous author's one name is it.
    const surname = author.surname || author.givenNames || '';
    return (
      `<person_name${atts}>${author.surname ? xmlElement('given_name', author.givenNames) : ''}` +
      `${xmlElement('surname', surname)}${xmlElement('suffix', author.suffix)}${affiliations(author)}` +
      `${xmlElement('ORCID', author.orcid)}</person_name>`
    );
  });
  return people.length > 0 ? `<contributors>${people.join('')}</contributors>` : '';
}

function abstract(article: DepositArticle): string {
  const paragraphs = htmlToParagraphs(article.previewHtml).map((p) => `<jats:p>${xmlText(p)}</jats:p>`);
  return paragraphs.length > 0 ? `<jats:abstract>${paragraphs.join('')}</jats:abstract>` : '';
}

function pages(article: DepositArticle): string {
  if (article.fpage) {
    return `<pages>${xmlElement('first_page', article.fpage)}${xmlElement('last_page', article.lpage)}</pages>`;
  }
  if (article.elocationId) {
    return `<publisher_item>${xmlElement('item_number', article.elocationId, { item_number_type: 'article_number' })}</publisher_item>`;
  }
  return '';
}

function accessIndicators(article: DepositArticle): string {
  const href = LICENCE_LINK.exec(article.articleInfoHtml)?.[1]?.replace(/&amp;/g, '&');
  const licence = href ? xmlElement('ai:license_ref', href, { applies_to: 'vor' }) : '';
  const free = article.isFree ? '<ai:free_to_read/>' : '';
  return free || licence ? `<ai:program name="AccessIndicators">${free}${licence}</ai:program>` : '';
}

function citationList(article: DepositArticle): string {
  const references = readReferenceList(article.referencesHtml);
  if (references.length === 0) return '';
  const citations = references.map(
    (r) =>
      `<citation key="${xmlText(r.key)}">${xmlElement('doi', r.doi)}${xmlElement('unstructured_citation', r.text)}</citation>`,
  );
  return `<citation_list>${citations.join('')}</citation_list>`;
}

function journalArticle(article: DepositArticle, issue: DepositIssue | null, options: DepositOptions): string {
  const dates = [article.publishedOnline ? onlineDate(article.publishedOnline) : '', issue ? printDate(issue) : ''];
  if (!dates.some(Boolean)) {
    throw new ValidationError(
      `${article.doi} has no publication date (neither online nor an issue's): Crossref needs one.`,
    );
  }
  const resource = new URL(articlePath(article.doi), options.siteUrl).toString();
  return (
    '<journal_article publication_type="full_text">' +
    `<titles>${xmlElement('title', article.title)}${xmlElement('subtitle', article.subtitle)}</titles>` +
    contributors(article) +
    abstract(article) +
    dates.join('') +
    pages(article) +
    accessIndicators(article) +
    `<doi_data>${xmlElement('doi', article.doi)}${xmlElement('resource', resource)}</doi_data>` +
    citationList(article) +
    '</journal_article>'
  );
}

/** The deposit file for the content; ValidationError when there is nothing Crossref could take. */
export function buildCrossrefDeposit(content: DepositContent, options: DepositOptions): string {
  if (content.articles.length === 0) throw new ValidationError('The issue has no articles to deposit.');
  const stamp = timestamp(options.now);
  const batchId = content.issue ? `issue-${content.issue.volume}-${content.issue.number}-${stamp}` : `article-${stamp}`;
  const articles = content.articles.map((a) => journalArticle(a, content.issue, options)).join('');
  const ns = CROSSREF_SCHEMA_VERSION;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<doi_batch version="${ns}" xmlns="http://www.crossref.org/schema/${ns}"` +
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:jats="http://www.ncbi.nlm.nih.gov/JATS1"' +
    ' xmlns:ai="http://www.crossref.org/AccessIndicators.xsd"' +
    ` xsi:schemaLocation="http://www.crossref.org/schema/${ns} https://www.crossref.org/schemas/crossref${ns}.xsd">` +
    `<head>${xmlElement('doi_batch_id', batchId.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 100))}<timestamp>${stamp}</timestamp>` +
    `<depositor>${xmlElement('depositor_name', options.depositor.name)}${xmlElement('email_address', options.depositor.email)}</depositor>` +
    `${xmlElement('registrant', content.journal.publisher ?? options.registrant)}</head>` +
    `<body><journal>${journalMetadata(content.journal)}${content.issue ? journalIssue(content.issue) : ''}${articles}</journal></body>` +
    '</doi_batch>\n'
  );
}
