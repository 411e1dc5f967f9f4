import { describe, expect, it } from 'vitest';
import { decodeSetValue, encodeSetValue, issueSetSpec, parseSetSpec } from '@/lib/oai/oai-sets';
import { parseOaiDate, parseOaiRequest } from '@/lib/oai/parse-oai-request';
import { decodeResumptionToken, encodeResumptionToken, type TokenPayload } from '@/lib/oai/resumption-token';
import { doiFromOaiIdentifier, oaiIdentifier, repositoryIdentifier } from '@/lib/oai/oai-identifier';

const parse = (query: string) => parseOaiRequest(new URLSearchParams(query).entries());
const codes = (query: string) => {
  const result = parse(query);
  return result.ok ? [] : result.errors.map((e) => e.code);
};

describe('OAI-PMH request arguments', () => {
  it('reads each verb with its arguments', () => {
    expect(parse('verb=GetRecord&identifier=oai:x.org:10.1/a&metadataPrefix=oai_dc')).toMatchObject({
      ok: true,
      request: { verb: 'GetRecord', identifier: 'oai:x.org:10.1/a', metadataPrefix: 'oai_dc' },
    });
    const list = parse('verb=ListRecords&metadataPrefix=jats&from=2026-01-01&until=2026-01-31&set=journal');
    expect(list.ok && list.request).toMatchObject({ verb: 'ListRecords', set: 'journal', from: { isDay: true } });
    expect(parse('verb=ListIdentifiers&resumptionToken=abc')).toMatchObject({
      ok: true,
      request: { resumptionToken: 'abc' },
    });
  });

  it('names badVerb and badArgument as the protocol does', () => {
    expect(codes('')).toEqual(['badVerb']);
    expect(codes('verb=identify')).toEqual(['badVerb']);
    expect(codes('verb=Identify&verb=Identify')).toEqual(['badVerb']);
    expect(codes('verb=Identify&set=journal')).toEqual(['badArgument']);
    expect(codes('verb=ListSets&resumptionToken=a&set=b')).toEqual(['badArgument', 'badArgument']);
    expect(codes('verb=GetRecord&identifier=x')).toEqual(['badArgument']);
    expect(codes('verb=ListRecords&metadataPrefix=')).toEqual(['badArgument']);
    expect(codes('verb=ListRecords&metadataPrefix=oai_dc&until=2026-01-01&from=2026-02-01')).toEqual(['badArgument']);
  });

  it('takes datestamps at day or second granularity, UTC only', () => {
    expect(parseOaiDate('2026-12-01')).toEqual({ at: new Date('2026-12-01T00:00:00Z'), isDay: true });
    expect(parseOaiDate('2026-12-01T10:20:30Z')).toEqual({ at: new Date('2026-12-01T10:20:30Z'), isDay: false });
    for (const bad of ['2026-12-01T10:20:30+01:00', '2026-13-01', '2026-02-29', '2026-12-01T24:00:00Z', '12/01/2026'])
      expect(parseOaiDate(bad), bad).toBeNull();
  });
});

describe('OAI-PMH sets and identifiers', () => {
  it('writes any value in the setSpec alphabet and reads it back', () => {
    for (const value of ['148', 'Suppl 1', 'Étude_clinique', 'a:b~c', '2-3'])
      expect(decodeSetValue(encodeSetValue(value))).toBe(value);
    expect(issueSetSpec('archderm', '148', 'Suppl 2')).toBe('journal:archderm:issue:148_Suppl~202');
    expect(issueSetSpec('archderm', '148', 'Suppl 2')).toMatch(/^([A-Za-z0-9\-_.!~*'()])+(:[A-Za-z0-9\-_.!~*'()]+)*$/);
    expect(parseSetSpec('journal:archderm:issue:148_Suppl~202')).toEqual({
      kind: 'issue',
      slug: 'archderm',
      volume: '148',
      number: 'Suppl 2',
    });
    for (const unknown of ['issue', 'journal:', 'journal:a:volume:1', 'section:~ZZ', 'journal:a:issue:1_2_3'])
      expect(parseSetSpec(unknown), unknown).toBeNull();
  });

  it("identifiers are oai:<host>:<DOI>; another repository's are not ours", () => {
    expect(oaiIdentifier('10.1001/x.1', 'https://journal.example.org:8443')).toBe(
      'oai:journal.example.org:10.1001/x.1',
    );
    expect(doiFromOaiIdentifier('oai:journal.example.org:10.1001/x.1', 'https://journal.example.org')).toBe(
      '10.1001/x.1',
    );
    expect(doiFromOaiIdentifier('oai:other.org:10.1001/x.1', 'https://journal.example.org')).toBeNull();
    expect(doiFromOaiIdentifier('oai:journal.example.org:nodoi', 'https://journal.example.org')).toBeNull();
    expect(repositoryIdentifier('http://localhost:3000')).toBeNull();
  });
});

describe('resumption tokens', () => {
  const payload: TokenPayload = {
    verb: 'ListRecords',
    metadataPrefix: 'jats',
    set: null,
    fromMs: null,
    untilMs: null,
    afterMs: Date.UTC(2026, 0, 1),
    afterId: 'abc',
    cursor: 100,
    completeListSize: 5000,
    expiresMs: Date.UTC(2026, 0, 2),
  };
  const now = new Date(Date.UTC(2026, 0, 1, 12));

  it('round-trips, and refuses an altered, foreign or expired token', () => {
    const token = encodeResumptionToken(payload, 'secret');
    expect(decodeResumptionToken(token, 'secret', now)).toEqual({ ok: true, payload });
    const [body, signature] = token.split('.');
    const altered = Buffer.from(JSON.stringify({ ...payload, cursor: 0 })).toString('base64url');
    expect(decodeResumptionToken(`${altered}.${signature}`, 'secret', now).ok).toBe(false);
    expect(decodeResumptionToken(`${body}.${signature}`, 'other secret', now).ok).toBe(false);
    expect(decodeResumptionToken('garbage', 'secret', now).ok).toBe(false);
    expect(decodeResumptionToken(token, 'secret', new Date(payload.expiresMs))).toEqual({
      ok: false,
      message: 'The resumption token has expired: start the list again.',
    });
  });
});
