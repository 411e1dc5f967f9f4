// OAI-PMH 2.0 at /oai: every verb and every error the protocol names, each response validated
// against the protocol's XSD with the oai_dc, oai-identifier and JATS schemas (xmllint), through
// the real route handler (GET and POST) on the real database.
import { XMLParser } from 'fast-xml-parser';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { db as Db } from '@/lib/db';
import type { answerOaiRequest as AnswerOaiRequest } from '@/lib/oai/oai-response';
import { validateXml } from '../support/validate-xml';

// The identifiers and Identify's oai-identifier description take the site's host name.
process.env.SITE_URL = 'https://journal.example.org';

const GATED = 'zanubrutinib-only-in-the-gated-text';
const FREE_BODY = 'Paragraph of the free article body';

const parser = new XMLParser({
  ignoreAttributes: false,
  removeNSPrefix: true,
  isArray: (name) => ['record', 'header', 'set', 'error', 'metadataFormat', 'setSpec', 'creator'].includes(name),
});

type Modules = {
  GET: (request: NextRequest) => Promise<Response>;
  POST: (request: Request) => Promise<Response>;
  answerOaiRequest: typeof AnswerOaiRequest;
  db: typeof Db;
};
let m: Modules;
/** Every response body a test read, validated together at the end (one schema compilation). */
const responses: Record<string, string> = {};

async function get(name: string, query: string): Promise<{ xml: string; doc: unknown }> {
  const response = await m.GET(new NextRequest(`https://journal.example.org/oai?${query}`));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/xml; charset=utf-8');
  const xml = await response.text();
  responses[name] = xml;
  return { xml, doc: at(parser.parse(xml), 'OAI-PMH') };
}

async function paged(name: string, args: Record<string, string>, pageSize: number) {
  const response = await m.answerOaiRequest(Object.entries(args), { pageSize });
  const xml = await response.text();
  responses[name] = xml;
  return { xml, doc: at(parser.parse(xml), 'OAI-PMH') };
}

/** The node at a dotted path of the parsed document (array items by index), or undefined. */
function at(node: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (n, key) => (n !== null && typeof n === 'object' ? (n as Record<string, unknown>)[key] : undefined),
      node,
    );
}

const errorCodes = (doc: unknown) => (at(doc, 'error') as { '@_code': string }[]).map((e) => e['@_code']);

describe('OAI-PMH', () => {
  beforeAll(async () => {
    const { resetDatabase } = await import('../support/reset-db');
    const route = await import('@/app/oai/route');
    const { answerOaiRequest } = await import('@/lib/oai/oai-response');
    const { db } = await import('@/lib/db');
    m = { GET: route.GET, POST: route.POST, answerOaiRequest, db };
    await resetDatabase();
  });

  it('answers noSetHierarchy and noRecordsMatch while the repository is empty', async () => {
    expect(errorCodes((await get('empty-sets', 'verb=ListSets')).doc)).toEqual(['noSetHierarchy']);
    expect(errorCodes((await get('empty-list', 'verb=ListRecords&metadataPrefix=oai_dc')).doc)).toEqual([
      'noRecordsMatch',
    ]);
    const set = await get('empty-set', 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=journal');
    expect(errorCodes(set.doc)).toEqual(['noSetHierarchy']);
  });

  describe('with articles', () => {
    beforeAll(async () => {
      const { db } = m;
      const journal = await db.journal.create({
        data: { slug: 'archderm', title: 'Archives of Testing', abbreviation: 'Arch Test', issn: '0003-987X' },
      });
      const issue = await db.issue.create({
        data: { journalId: journal.id, volume: '148', number: '4', year: 2012, month: 4, dateLabel: 'April 2012' },
      });
      const base = {
        journalId: journal.id,
        previewHtml: '<p>The public abstract &amp; its <em>findings</em>.</p>',
        publishedOnline: new Date('2011-12-19'),
      };
      await db.article.create({
        data: {
          ...base,
          doi: '10.1001/paid.1',
          issueId: issue.id,
          articleType: 'research-article',
          sectionLabel: 'Study',
          title: 'IVIG in DRESS',
          subtitle: 'A cohort',
          fpage: '543',
          lpage: '550',
          keywords: ['drug reaction'],
          fullTextHtml: `<p>The ${GATED} result.</p>`,
          updatedAt: new Date('2026-11-01T10:00:00Z'),
          authors: {
            create: [
              { position: 0, givenNames: 'Pascal', surname: 'Joly', orcid: 'https://orcid.org/0000-0002-1825-0097' },
              { position: 1, collab: 'The DRESS Group' },
            ],
          },
        },
      });
      await db.article.create({
        data: {
          ...base,
          doi: '10.1001/free.1',
          issueId: issue.id,
          articleType: 'case-report',
          title: 'A free case',
          isFree: true,
          fullTextHtml: `<h2>Report</h2><p>${FREE_BODY}.</p>`,
          updatedAt: new Date('2026-11-02T10:00:00Z'),
        },
      });
      for (let i = 0; i < 5; i++) {
        await db.article.create({
          data: {
            ...base,
            doi: `10.1001/online.${i}`,
            articleType: 'letter',
            title: `Letter ${i}`,
            fullTextHtml: `<p>${GATED}</p>`,
            updatedAt: new Date(`2026-11-1${i}T10:00:00Z`),
          },
        });
      }
    });

    it('Identify names the journal, its address, the earliest datestamp and the policies', async () => {
      const { doc } = await get('identify', 'verb=Identify');
      expect(at(doc, 'Identify')).toMatchObject({
        repositoryName: 'Archives of Dermatology',
        baseURL: 'https://journal.example.org/oai',
        protocolVersion: 2,
        adminEmail: 'editorial-office@example.com',
        earliestDatestamp: '2026-11-01T10:00:00Z',
        deletedRecord: 'no',
        granularity: 'YYYY-MM-DDThh:mm:ssZ',
      });
      expect(at(doc, 'Identify.description.oai-identifier.repositoryIdentifier')).toBe('journal.example.org');
      expect(at(doc, 'request')).toMatchObject({ '@_verb': 'Identify', '#text': 'https://journal.example.org/oai' });
    });

    it('ListMetadataFormats offers oai_dc and jats, for the repository and for one record', async () => {
      const all = await get('formats', 'verb=ListMetadataFormats');
      const prefixes = (at(all.doc, 'ListMetadataFormats.metadataFormat') as { metadataPrefix: string }[]).map(
        (f) => f.metadataPrefix,
      );
      expect(prefixes).toEqual(['oai_dc', 'jats']);
      const one = await get(
        'formats-one',
        'verb=ListMetadataFormats&identifier=oai:journal.example.org:10.1001/paid.1',
      );
      expect(at(one.doc, 'ListMetadataFormats.metadataFormat')).toHaveLength(2);
      const unknown = await get(
        'formats-unknown',
        'verb=ListMetadataFormats&identifier=oai:journal.example.org:10.1/x',
      );
      expect(errorCodes(unknown.doc)).toEqual(['idDoesNotExist']);
    });

    it('ListSets lists the journal, its issue and the sections', async () => {
      const { doc } = await get('sets', 'verb=ListSets');
      const specs = (at(doc, 'ListSets.set') as { setSpec: string[] }[]).map((s) => s.setSpec[0]);
      expect(specs).toEqual([
        'journal',
        'journal:archderm',
        'journal:archderm:issue:148_4',
        'section',
        'section:case~2Dreport',
        'section:letter',
        'section:Study',
      ]);
    });

    it('GetRecord in oai_dc carries the public metadata and never the gated text', async () => {
      const { xml, doc } = await get(
        'get-dc',
        'verb=GetRecord&identifier=oai:journal.example.org:10.1001/paid.1&metadataPrefix=oai_dc',
      );
      const record = at(doc, 'GetRecord.record.0');
      expect(at(record, 'header.0')).toMatchObject({
        identifier: 'oai:journal.example.org:10.1001/paid.1',
        datestamp: '2026-11-01T10:00:00Z',
        setSpec: ['journal:archderm', 'journal:archderm:issue:148_4', 'section:Study'],
      });
      const dc = at(record, 'metadata.dc');
      expect(at(dc, 'title')).toBe('IVIG in DRESS: A cohort');
      expect(at(dc, 'creator')).toEqual(['Joly, Pascal', 'The DRESS Group']);
      expect(at(dc, 'description')).toBe('The public abstract & its findings.');
      expect(at(dc, 'identifier')).toContain('https://doi.org/10.1001/paid.1');
      expect(at(dc, 'identifier')).toContain('https://journal.example.org/doi/10.1001/paid.1');
      expect(xml).not.toContain(GATED);
    });

    it("a paid article's JATS is its front matter and abstract only; a free one's has its body", async () => {
      const paid = await get(
        'get-jats-paid',
        'verb=GetRecord&identifier=oai:journal.example.org:10.1001/paid.1&metadataPrefix=jats',
      );
      const article = at(paid.doc, 'GetRecord.record.0.metadata.article');
      expect(at(article, 'front.article-meta.title-group.article-title')).toBe('IVIG in DRESS');
      expect(at(article, 'front.article-meta.abstract.p')).toBe('The public abstract & its findings.');
      expect(at(article, 'front.article-meta.contrib-group.contrib.0.contrib-id.#text')).toBe(
        'https://orcid.org/0000-0002-1825-0097',
      );
      expect(at(article, 'body')).toBeUndefined();
      expect(paid.xml).not.toContain(GATED);

      const free = await get(
        'get-jats-free',
        'verb=GetRecord&identifier=oai:journal.example.org:10.1001/free.1&metadataPrefix=jats',
      );
      expect(at(free.doc, 'GetRecord.record.0.metadata.article.body.p')).toEqual(['Report', `${FREE_BODY}.`]);
    });

    it('ListRecords pages with resumption tokens (cursor, completeListSize) to the end', async () => {
      const seen: string[] = [];
      let page = await paged('list-page-1', { verb: 'ListRecords', metadataPrefix: 'jats' }, 3);
      const cursors: string[] = [];
      for (let i = 2; ; i++) {
        for (const r of at(page.doc, 'ListRecords.record') as unknown[])
          seen.push(at(r, 'header.0.identifier') as string);
        const token = at(page.doc, 'ListRecords.resumptionToken') as Record<string, string>;
        cursors.push(`${token['@_cursor']}/${token['@_completeListSize']}`);
        if (!token['#text']) break;
        expect(token['@_expirationDate']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
        page = await paged(`list-page-${i}`, { verb: 'ListRecords', resumptionToken: token['#text'] }, 3);
      }
      expect(cursors).toEqual(['0/7', '3/7', '6/7']);
      expect(seen).toEqual([
        'oai:journal.example.org:10.1001/paid.1',
        'oai:journal.example.org:10.1001/free.1',
        ...[0, 1, 2, 3, 4].map((i) => `oai:journal.example.org:10.1001/online.${i}`),
      ]);
      // The whole harvest, jats included, never carries a paid article's gated text.
      for (const [name, xml] of Object.entries(responses))
        if (name.startsWith('list-page')) expect(xml).not.toContain(GATED);
    });

    it('ListIdentifiers filters by from, until (inclusive, either granularity) and set', async () => {
      const ids = (doc: unknown) =>
        (at(doc, 'ListIdentifiers.header') as { identifier: string }[]).map((h) => h.identifier);
      const byDay = await get(
        'ids-days',
        'verb=ListIdentifiers&metadataPrefix=oai_dc&from=2026-11-02&until=2026-11-10',
      );
      expect(ids(byDay.doc)).toEqual([
        'oai:journal.example.org:10.1001/free.1',
        'oai:journal.example.org:10.1001/online.0',
      ]);
      const bySecond = await get(
        'ids-seconds',
        'verb=ListIdentifiers&metadataPrefix=oai_dc&from=2026-11-01T10:00:01Z&until=2026-11-02T10:00:00Z',
      );
      expect(ids(bySecond.doc)).toEqual(['oai:journal.example.org:10.1001/free.1']);
      const issue = await get(
        'ids-issue',
        'verb=ListIdentifiers&metadataPrefix=oai_dc&set=journal:archderm:issue:148_4',
      );
      expect(ids(issue.doc)).toHaveLength(2);
      const section = await get('ids-section', 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=section:letter');
      expect(ids(section.doc)).toHaveLength(5);
      expect(at(byDay.doc, 'ListIdentifiers.resumptionToken')).toBeUndefined();
    });

    it('answers POST as GET', async () => {
      const response = await m.POST(
        new Request('https://journal.example.org/oai', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'verb=GetRecord&metadataPrefix=oai_dc&identifier=oai%3Ajournal.example.org%3A10.1001%2Ffree.1',
        }),
      );
      const xml = await response.text();
      responses['post'] = xml;
      expect(at(parser.parse(xml), 'OAI-PMH.GetRecord.record.0.metadata.dc.title')).toBe('A free case');
    });

    it.each([
      ['no-verb', 'metadataPrefix=oai_dc', 'badVerb'],
      ['unknown-verb', 'verb=ListEverything', 'badVerb'],
      ['repeated-verb', 'verb=Identify&verb=ListSets', 'badVerb'],
      ['extra-argument', 'verb=Identify&metadataPrefix=oai_dc', 'badArgument'],
      ['missing-prefix', 'verb=ListRecords', 'badArgument'],
      ['missing-identifier', 'verb=GetRecord&metadataPrefix=oai_dc', 'badArgument'],
      ['repeated-argument', 'verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=jats', 'badArgument'],
      ['bad-date', 'verb=ListRecords&metadataPrefix=oai_dc&from=2026-02-30', 'badArgument'],
      [
        'mixed-granularity',
        'verb=ListRecords&metadataPrefix=oai_dc&from=2026-01-01&until=2026-12-01T00:00:00Z',
        'badArgument',
      ],
      ['token-with-others', 'verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=abc', 'badArgument'],
      ['forged-token', 'verb=ListRecords&resumptionToken=eyJ2ZXJiIjoiTGlzdFJlY29yZHMifQ.AAAA', 'badResumptionToken'],
      ['sets-token', 'verb=ListSets&resumptionToken=anything', 'badResumptionToken'],
      ['unknown-format', 'verb=ListRecords&metadataPrefix=marc21', 'cannotDisseminateFormat'],
      [
        'unknown-format-get',
        'verb=GetRecord&metadataPrefix=mods&identifier=oai:journal.example.org:10.1001/free.1',
        'cannotDisseminateFormat',
      ],
      [
        'unknown-id',
        'verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:elsewhere.org:10.1001/free.1',
        'idDoesNotExist',
      ],
      ['no-match-dates', 'verb=ListRecords&metadataPrefix=oai_dc&from=2030-01-01', 'noRecordsMatch'],
      ['no-match-set', 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=journal:nosuch', 'noRecordsMatch'],
    ])('%s: %s → %s', async (name, query, code) => {
      const { doc } = await get(`error-${name}`, query);
      expect(errorCodes(doc)).toContain(code);
      // After badVerb or badArgument the request element carries the base URL alone.
      if (code === 'badVerb' || code === 'badArgument')
        expect(at(doc, 'request')).toBe('https://journal.example.org/oai');
      else expect(at(doc, 'request.@_verb')).toBeDefined();
    });

    it('an expired or other-verb token is refused', async () => {
      const first = await paged('token-source', { verb: 'ListIdentifiers', metadataPrefix: 'oai_dc' }, 2);
      const token = at(first.doc, 'ListIdentifiers.resumptionToken.#text') as string;
      const other = await get('token-other-verb', `verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`);
      expect(errorCodes(other.doc)).toEqual(['badResumptionToken']);
      const later = new Date(Date.now() + 25 * 60 * 60 * 1000);
      const response = await m.answerOaiRequest(
        [
          ['verb', 'ListIdentifiers'],
          ['resumptionToken', token],
        ],
        { now: later },
      );
      const xml = await response.text();
      responses['token-expired'] = xml;
      expect(xml).toContain('has expired');
    });
  });

  it('every response above is valid against OAI-PMH.xsd and the schemas of what it carries', async () => {
    expect(Object.keys(responses).length).toBeGreaterThan(30);
    // A response with an error code the protocol does not have must fail, or the check proves nothing.
    const wrong = responses['error-no-verb']!.replace('code="badVerb"', 'code="noSuchVerb"');
    const verdicts = await validateXml('oai-response.xsd', { ...responses, 'invented-error-code': wrong });
    expect(verdicts.filter((v) => !v.isValid).map((v) => v.name)).toEqual(['invented-error-code']);
    expect(verdicts.filter((v) => !v.isValid && v.name !== 'invented-error-code')).toEqual([]);
  }, 180_000);
});
