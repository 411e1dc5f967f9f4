// Reads an OAI-PMH 2.0 request (the arguments of a GET query or a POST form) into one typed
// request, or the protocol's own errors (badVerb, badArgument) when it is not one. Pure: the
// route passes the argument pairs in, so every rule of the protocol's section 3 is unit-tested.

export type OaiErrorCode =
  | 'badVerb'
  | 'badArgument'
  | 'badResumptionToken'
  | 'cannotDisseminateFormat'
  | 'idDoesNotExist'
  | 'noRecordsMatch'
  | 'noMetadataFormats'
  | 'noSetHierarchy';

export type OaiError = { code: OaiErrorCode; message: string };

/** A datestamp argument: the instant it names and how it was written (day or second). */
export type OaiDate = { at: Date; isDay: boolean };

export type ListRequest =
  | {
      verb: 'ListIdentifiers' | 'ListRecords';
      metadataPrefix: string;
      from: OaiDate | null;
      until: OaiDate | null;
      set: string | null;
      resumptionToken?: undefined;
    }
  | { verb: 'ListIdentifiers' | 'ListRecords'; resumptionToken: string };

export type OaiRequest =
  | { verb: 'Identify' }
  | { verb: 'ListMetadataFormats'; identifier: string | null }
  | { verb: 'ListSets'; resumptionToken: string | null }
  | { verb: 'GetRecord'; identifier: string; metadataPrefix: string }
  | ListRequest;

export type ParsedOaiRequest =
  { ok: true; request: OaiRequest; arguments: Record<string, string> } | { ok: false; errors: OaiError[] };

type VerbRule = { required: string[]; optional: string[]; exclusive?: string };

const VERBS: Record<OaiRequest['verb'], VerbRule> = {
  Identify: { required: [], optional: [] },
  ListMetadataFormats: { required: [], optional: ['identifier'] },
  ListSets: { required: [], optional: [], exclusive: 'resumptionToken' },
  GetRecord: { required: ['identifier', 'metadataPrefix'], optional: [] },
  ListIdentifiers: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' },
  ListRecords: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' },
};

const isVerb = (verb: string): verb is OaiRequest['verb'] => Object.hasOwn(VERBS, verb);

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const SECOND = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/** A from/until value at the repository's granularity (day or second, UTC), or null. */
export function parseOaiDate(value: string): OaiDate | null {
  const match = DAY.exec(value) ?? SECOND.exec(value);
  if (!match) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00'] = match;
  const at = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
  // Date() rolls 2026-02-30 over to March: a day that does not exist is not a date.
  if (Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== `${y}-${mo}-${d}` || Number(h) > 23) return null;
  return { at, isDay: value.length === 10 };
}

/**
 * The arguments as pairs, in the order given. A repeated argument, an unknown one, a missing
 * required one or an exclusive one beside others is badArgument; a missing, repeated or unknown
 * verb is badVerb (protocol 3.6).
 */
export function parseOaiRequest(pairs: Iterable<[string, string]>): ParsedOaiRequest {
  const args: Record<string, string> = {};
  const repeated = new Set<string>();
  for (const [key, value] of pairs) {
    if (Object.hasOwn(args, key)) repeated.add(key);
    else args[key] = value;
  }
  const verb = args.verb;
  if (verb === undefined) return fail('badVerb', 'The request has no verb argument.');
  if (repeated.has('verb')) return fail('badVerb', 'The verb argument is repeated.');
  if (!isVerb(verb)) return fail('badVerb', `"${verb}" is not an OAI-PMH verb.`);

  const rule = VERBS[verb];
  const given = Object.keys(args).filter((key) => key !== 'verb');
  const errors: OaiError[] = [];
  for (const key of repeated) errors.push({ code: 'badArgument', message: `The argument ${key} is repeated.` });
  const allowed = new Set([...rule.required, ...rule.optional, ...(rule.exclusive ? [rule.exclusive] : [])]);
  for (const key of given.filter((k) => !allowed.has(k))) {
    errors.push({ code: 'badArgument', message: `${verb} takes no argument "${key}".` });
  }
  const isExclusive = rule.exclusive !== undefined && Object.hasOwn(args, rule.exclusive);
  if (isExclusive && given.length > 1) {
    errors.push({ code: 'badArgument', message: `${rule.exclusive} is an exclusive argument: give it alone.` });
  }
  if (!isExclusive) {
    for (const key of rule.required.filter((k) => !Object.hasOwn(args, k))) {
      errors.push({ code: 'badArgument', message: `${verb} needs the argument ${key}.` });
    }
  }
  for (const key of given) {
    if (allowed.has(key) && args[key]!.trim() === '') {
      errors.push({ code: 'badArgument', message: `The argument ${key} is empty.` });
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  const request = buildRequest(verb, args, errors);
  if (!request || errors.length > 0) return { ok: false, errors };
  return { ok: true, request, arguments: args };
}

function buildRequest(verb: OaiRequest['verb'], args: Record<string, string>, errors: OaiError[]): OaiRequest | null {
  switch (verb) {
    case 'Identify':
      return { verb };
    case 'ListMetadataFormats':
      return { verb, identifier: args.identifier ?? null };
    case 'ListSets':
      return { verb, resumptionToken: args.resumptionToken ?? null };
    case 'GetRecord':
      return { verb, identifier: args.identifier!, metadataPrefix: args.metadataPrefix! };
    case 'ListIdentifiers':
    case 'ListRecords': {
      if (args.resumptionToken !== undefined) return { verb, resumptionToken: args.resumptionToken };
      const from = readDate(args, 'from', errors);
      const until = readDate(args, 'until', errors);
      if (from && until) {
        if (from.isDay !== until.isDay) {
          errors.push({ code: 'badArgument', message: 'from and until must have the same granularity.' });
        } else if (from.at > until.at) {
          errors.push({ code: 'badArgument', message: 'from is later than until.' });
        }
      }
      return { verb, metadataPrefix: args.metadataPrefix!, from, until, set: args.set ?? null };
    }
  }
}

function readDate(args: Record<string, string>, key: 'from' | 'until', errors: OaiError[]): OaiDate | null {
  const value = args[key];
  if (value === undefined) return null;
  const date = parseOaiDate(value);
  if (!date) {
    errors.push({
      code: 'badArgument',
      message: `${key} must be a UTC date YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ, not "${value}".`,
    });
  }
  return date;
}

function fail(code: OaiErrorCode, message: string): ParsedOaiRequest {
  return { ok: false, errors: [{ code, message }] };
}
