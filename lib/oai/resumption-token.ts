// Stateless resumption tokens: the list's filters and where the last page ended, signed so a
// token that was cut short or altered is refused (badResumptionToken) instead of answering
// some other list. Nothing is stored, so a token works on every app instance and costs nothing
// when a harvester walks away; it expires after a day, as the token's expirationDate says.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export const TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

const payloadSchema = z.object({
  verb: z.enum(['ListIdentifiers', 'ListRecords']),
  metadataPrefix: z.string(),
  set: z.string().nullable(),
  /** Inclusive lower and exclusive upper bound of the datestamps, epoch ms. */
  fromMs: z.number().nullable(),
  untilMs: z.number().nullable(),
  /** The last record of the previous page: its updatedAt (epoch ms) and id. */
  afterMs: z.number(),
  afterId: z.string(),
  /** Records sent before this page, and the list's size when it was first asked. */
  cursor: z.number().int().min(0),
  completeListSize: z.number().int().min(0),
  expiresMs: z.number(),
});

export type TokenPayload = z.infer<typeof payloadSchema>;

const SIGNATURE_BYTES = 18;

function sign(body: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(body).digest().subarray(0, SIGNATURE_BYTES);
}

export function encodeResumptionToken(payload: TokenPayload, secret: string): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${sign(body, secret).toString('base64url')}`;
}

export type DecodedToken = { ok: true; payload: TokenPayload } | { ok: false; message: string };

export function decodeResumptionToken(token: string, secret: string, now: Date): DecodedToken {
  const [body, signature, extra] = token.split('.');
  const refused = { ok: false, message: 'The resumption token is not one this repository issued.' } as const;
  if (!body || !signature || extra !== undefined) return refused;
  const given = Buffer.from(signature, 'base64url');
  const expected = sign(body, secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return refused;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return refused;
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) return refused;
  if (parsed.data.expiresMs <= now.getTime()) {
    return { ok: false, message: 'The resumption token has expired: start the list again.' };
  }
  return { ok: true, payload: parsed.data };
}
