import 'server-only';
import { now as clockNow } from '@/lib/clock';
import { env } from '@/lib/env';
import { JOURNAL } from '@/lib/site/journal-facts';
import { xmlAttributes, xmlText } from '@/lib/xml/xml-text';
import { oaiIdentifier, repositoryIdentifier, doiFromOaiIdentifier } from './oai-identifier';
import {
  countRecords,
  findEarliestDatestamp,
  findRecordByDoi,
  listSets,
  loadRecordBatch,
  recordSetSpecs,
  type OaiRecord,
  type RecordRange,
} from './oai-records';
import { parseSetSpec } from './oai-sets';
import { parseOaiRequest, type ListRequest, type OaiError } from './parse-oai-request';
import { findMetadataFormat, METADATA_FORMATS, renderJats, renderOaiDc } from './render-oai-metadata';
import { decodeResumptionToken, encodeResumptionToken, TOKEN_LIFETIME_MS, type TokenPayload } from './resumption-token';

/** Records per response; a harvester asks for the next page with the resumption token. */
export const PAGE_SIZE = { ListRecords: 100, ListIdentifiers: 500 } as const;
/** Records read from the database at a time while a page streams out. */
const BATCH = 50;

export type OaiOptions = {
  /** Overrides PAGE_SIZE (the bench serves 5,000 records in one response to measure streaming). */
  pageSize?: number;
  now?: Date;
};

// Signs resumption tokens. Every instance of a deployment shares NEXTAUTH_SECRET; without one
// (a single development server) a fixed key will do: a token grants nothing a request can't.
const tokenSecret = () => `oai-resumption:${env.NEXTAUTH_SECRET ?? 'development'}`;

const HEADERS = {
  'Content-Type': 'text/xml; charset=utf-8',
  // Public metadata only, the same for everyone.
  'Cache-Control': 'public, max-age=60',
};

const datestamp = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;

function envelopeStart(now: Date, requestAttributes: Record<string, string> | null): string {
  const baseUrl = new URL('/oai', env.SITE_URL).toString();
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
    ' xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd">' +
    `<responseDate>${datestamp(now)}</responseDate>` +
    `<request${xmlAttributes(requestAttributes ?? {})}>${xmlText(baseUrl)}</request>`
  );
}
const ENVELOPE_END = '</OAI-PMH>\n';

function xmlResponse(xml: string): Response {
  return new Response(xml, { headers: HEADERS });
}

/**
 * The protocol's errors answer with 200 and an <error> element (OAI-PMH 3.6). After badVerb or
 * badArgument the request element carries no attributes: the request was not understood.
 */
function errorResponse(now: Date, errors: OaiError[], requestAttributes: Record<string, string> | null): Response {
  const isUnderstood = !errors.some((e) => e.code === 'badVerb' || e.code === 'badArgument');
  const body = errors.map((e) => `<error code="${e.code}">${xmlText(e.message)}</error>`).join('');
  return xmlResponse(envelopeStart(now, isUnderstood ? requestAttributes : null) + body + ENVELOPE_END);
}

/** Answers one OAI-PMH request given as its argument pairs (query string or POST form). */
export async function answerOaiRequest(pairs: Iterable<[string, string]>, options: OaiOptions = {}): Promise<Response> {
  const now = options.now ?? clockNow();
  const parsed = parseOaiRequest(pairs);
  if (!parsed.ok) return errorResponse(now, parsed.errors, null);
  const { request, arguments: args } = parsed;
  const fail = (code: OaiError['code'], message: string) => errorResponse(now, [{ code, message }], args);
  const start = () => envelopeStart(now, args);

  switch (request.verb) {
    case 'Identify':
      return xmlResponse(start() + (await identifyXml(now)) + ENVELOPE_END);

    case 'ListMetadataFormats': {
      if (request.identifier !== null && !(await findRecord(request.identifier, false, now))) {
        return fail('idDoesNotExist', `No record has the identifier "${request.identifier}".`);
      }
      const formats = METADATA_FORMATS.map(
        (f) =>
          `<metadataFormat><metadataPrefix>${f.prefix}</metadataPrefix><schema>${xmlText(f.schema)}</schema>` +
          `<metadataNamespace>${xmlText(f.namespace)}</metadataNamespace></metadataFormat>`,
      );
      return xmlResponse(`${start()}<ListMetadataFormats>${formats.join('')}</ListMetadataFormats>${ENVELOPE_END}`);
    }

    case 'ListSets': {
      if (request.resumptionToken !== null) {
        return fail('badResumptionToken', 'ListSets answers in one response; this repository issued no such token.');
      }
      const sets = await listSets();
      if (sets.length === 0) return fail('noSetHierarchy', 'The repository holds no journal yet, so it has no sets.');
      const body = sets.map(
        (s) => `<set><setSpec>${xmlText(s.spec)}</setSpec><setName>${xmlText(s.name)}</setName></set>`,
      );
      return xmlResponse(`${start()}<ListSets>${body.join('')}</ListSets>${ENVELOPE_END}`);
    }

    case 'GetRecord': {
      const format = findMetadataFormat(request.metadataPrefix);
      const record = await findRecord(request.identifier, format?.prefix === 'jats', now);
      if (!record) return fail('idDoesNotExist', `No record has the identifier "${request.identifier}".`);
      if (!format) return cannotDisseminate(fail, request.metadataPrefix);
      return xmlResponse(`${start()}<GetRecord>${recordXml(record, format.prefix, true)}</GetRecord>${ENVELOPE_END}`);
    }

    case 'ListIdentifiers':
    case 'ListRecords':
      return answerList(request, options.pageSize ?? PAGE_SIZE[request.verb], now, start, fail);
  }
}

type Fail = (code: OaiError['code'], message: string) => Response;

function cannotDisseminate(fail: Fail, prefix: string): Response {
  const known = METADATA_FORMATS.map((f) => f.prefix).join(', ');
  return fail('cannotDisseminateFormat', `The metadata format "${prefix}" is not served here; choose ${known}.`);
}

async function findRecord(identifier: string, withFullText: boolean, now: Date): Promise<OaiRecord | null> {
  const doi = doiFromOaiIdentifier(identifier, env.SITE_URL);
  return doi ? findRecordByDoi(doi, { withFullText, now }) : null;
}

async function identifyXml(now: Date): Promise<string> {
  const earliest = (await findEarliestDatestamp()) ?? now;
  const repository = repositoryIdentifier(env.SITE_URL);
  const baseUrl = new URL('/oai', env.SITE_URL).toString();
  // The oai-identifier description needs a domain name (the schema's pattern has a dot): none
  // on a bare "localhost".
  const description = repository
    ? '<description><oai-identifier xmlns="http://www.openarchives.org/OAI/2.0/oai-identifier"' +
      ' xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai-identifier http://www.openarchives.org/OAI/2.0/oai-identifier.xsd">' +
      `<scheme>oai</scheme><repositoryIdentifier>${xmlText(repository)}</repositoryIdentifier><delimiter>:</delimiter>` +
      `<sampleIdentifier>${xmlText(oaiIdentifier('10.1001/archdermatol.2011.3156', env.SITE_URL))}</sampleIdentifier>` +
      '</oai-identifier></description>'
    : '';
  return (
    `<Identify><repositoryName>${xmlText(JOURNAL.title)}</repositoryName><baseURL>${xmlText(baseUrl)}</baseURL>` +
    `<protocolVersion>2.0</protocolVersion><adminEmail>${xmlText(JOURNAL.editorialOffice)}</adminEmail>` +
    `<earliestDatestamp>${datestamp(earliest)}</earliestDatestamp>` +
    // Articles are corrected in place and never withdrawn from the site, so no deletions are kept.
    '<deletedRecord>no</deletedRecord><granularity>YYYY-MM-DDThh:mm:ssZ</granularity>' +
    `${description}</Identify>`
  );
}

function recordXml(record: OaiRecord, prefix: string, withMetadata: boolean): string {
  const header =
    `<header><identifier>${xmlText(oaiIdentifier(record.doi, env.SITE_URL))}</identifier>` +
    `<datestamp>${datestamp(record.updatedAt)}</datestamp>` +
    recordSetSpecs(record)
      .map((spec) => `<setSpec>${xmlText(spec)}</setSpec>`)
      .join('') +
    '</header>';
  if (!withMetadata) return header;
  const context = { siteUrl: env.SITE_URL, publisher: JOURNAL.publisher };
  const metadata = prefix === 'jats' ? renderJats(record, context) : renderOaiDc(record, context);
  return `<record>${header}<metadata>${metadata}</metadata></record>`;
}

/** The range a list request names, from its arguments or its resumption token. */
type ListPlan = { range: RecordRange; prefix: string; setSpec: string | null; token: TokenPayload | null };

async function planList(request: ListRequest, now: Date, fail: Fail): Promise<ListPlan | Response> {
  if (request.resumptionToken !== undefined) {
    const decoded = decodeResumptionToken(request.resumptionToken, tokenSecret(), now);
    if (!decoded.ok) return fail('badResumptionToken', decoded.message);
    const token = decoded.payload;
    if (token.verb !== request.verb) {
      return fail('badResumptionToken', `The resumption token belongs to a ${token.verb} list.`);
    }
    const set = token.set === null ? { kind: 'all' as const } : parseSetSpec(token.set);
    if (!set) return fail('badResumptionToken', 'The resumption token names no set of this repository.');
    return {
      range: { set, fromMs: token.fromMs, untilMs: token.untilMs },
      prefix: token.metadataPrefix,
      setSpec: token.set,
      token,
    };
  }
  if (!findMetadataFormat(request.metadataPrefix)) return cannotDisseminate(fail, request.metadataPrefix);
  const set = parseSetSpec(request.set ?? 'journal');
  if (request.set !== null && (await listSets()).length === 0) {
    return fail('noSetHierarchy', 'The repository holds no journal yet, so it has no sets.');
  }
  if (!set) return fail('noRecordsMatch', `No set "${request.set}" exists here, so no record is in it.`);
  // until is inclusive at its granularity: until=2026-12-01 takes in the whole day.
  const untilMs = request.until
    ? request.until.at.getTime() + (request.until.isDay ? 24 * 60 * 60 * 1000 : 1000)
    : null;
  return {
    range: { set, fromMs: request.from?.at.getTime() ?? null, untilMs },
    prefix: request.metadataPrefix,
    setSpec: request.set,
    token: null,
  };
}

async function answerList(
  request: ListRequest,
  pageSize: number,
  now: Date,
  start: () => string,
  fail: Fail,
): Promise<Response> {
  const plan = await planList(request, now, fail);
  if (plan instanceof Response) return plan;
  const { range, prefix, token } = plan;
  const withMetadata = request.verb === 'ListRecords';
  const load = (after: { ms: number; id: string } | null, take: number) =>
    loadRecordBatch(range, after, take, { withFullText: withMetadata && prefix === 'jats', now });

  const startAfter = token ? { ms: token.afterMs, id: token.afterId } : null;
  // The first batch is read before answering, so an empty list can still be the noRecordsMatch error.
  let batch = await load(startAfter, Math.min(BATCH, pageSize));
  // (A token's list can also have emptied since: its records changed after it was issued.)
  if (batch.length === 0) return fail('noRecordsMatch', 'No record matches the arguments.');
  const completeListSize = token ? token.completeListSize : await countRecords(range);
  const cursor = token?.cursor ?? 0;
  const encoder = new TextEncoder();
  let sent = 0;
  let last: OaiRecord | null = null;
  let isHeadSent = false;

  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!isHeadSent) {
          isHeadSent = true;
          controller.enqueue(encoder.encode(`${start()}<${request.verb}>`));
        }
        if (batch.length > 0) {
          const xml = batch.map((record) => recordXml(record, prefix, withMetadata)).join('');
          sent += batch.length;
          last = batch.at(-1)!;
          controller.enqueue(encoder.encode(xml));
          const remaining = pageSize - sent;
          batch = remaining > 0 ? await load(afterOf(last), Math.min(BATCH, remaining)) : [];
          if (batch.length > 0) return;
        }
        const hasMore = last !== null && sent >= pageSize && (await load(afterOf(last), 1)).length > 0;
        controller.enqueue(
          encoder.encode(
            `${tokenXml(plan, request.verb, last, hasMore, cursor, sent, completeListSize, now)}</${request.verb}>${ENVELOPE_END}`,
          ),
        );
        controller.close();
      } catch (error) {
        console.error('OAI-PMH list failed while streaming:', error);
        controller.error(error);
      }
    },
  });
  return new Response(stream, { headers: HEADERS });
}

const afterOf = (record: OaiRecord) => ({ ms: record.updatedAt.getTime(), id: record.id });

function tokenXml(
  plan: ListPlan,
  verb: ListRequest['verb'],
  last: OaiRecord | null,
  hasMore: boolean,
  cursor: number,
  sent: number,
  completeListSize: number,
  now: Date,
): string {
  // A list answered whole carries no token; the last page of a split list an empty one (3.5).
  if (!hasMore && !plan.token) return '';
  const size = Math.max(completeListSize, cursor + sent);
  if (!hasMore || !last) return `<resumptionToken completeListSize="${size}" cursor="${cursor}"/>`;
  const expiresMs = now.getTime() + TOKEN_LIFETIME_MS;
  const token = encodeResumptionToken(
    {
      verb,
      metadataPrefix: plan.prefix,
      set: plan.setSpec,
      fromMs: plan.range.fromMs,
      untilMs: plan.range.untilMs,
      afterMs: last.updatedAt.getTime(),
      afterId: last.id,
      cursor: cursor + sent,
      completeListSize: size,
      expiresMs,
    },
    tokenSecret(),
  );
  return (
    `<resumptionToken expirationDate="${datestamp(new Date(expiresMs))}" completeListSize="${size}" cursor="${cursor}">` +
    `${token}</resumptionToken>`
  );
}
