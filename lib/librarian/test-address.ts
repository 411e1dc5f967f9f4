import 'server-only';
import ipaddr from 'ipaddr.js';
import { decideAccess } from '@/lib/access/decide-access';
import { db } from '@/lib/db';
import { NotFoundError } from '@/lib/errors/app-error';
import { describeSpecialRange } from './special-ranges';
import { parseRange } from '@/lib/admin/ip-ranges';

export type AddressTest =
  | { ok: false; input: string; error: string }
  | {
      ok: true;
      /** The address as readers' requests carry it (IPv4-mapped IPv6 read as IPv4). */
      address: string;
      /** The institution's ranges that contain it (PostgreSQL's own `cidr >>= inet`, as the access decision). */
      matches: string[];
      /** In a range and the institution's access is open now: its readers at this address read the full text. */
      isRecognised: boolean;
      isAccessOpen: boolean;
      warning: string | null;
    };

/** "Is 203.0.113.7 recognised?" for the librarian's own institution, answered by the access rule itself. */
export async function testAddress(institutionId: string, input: string, now: Date): Promise<AddressTest> {
  const text = input.trim();
  if (!text) return { ok: false, input: text, error: 'Enter an IPv4 or IPv6 address, e.g. 203.0.113.7.' };
  if (text.length > 60 || !ipaddr.isValid(text) || (!text.includes(':') && !ipaddr.IPv4.isValidFourPartDecimal(text)))
    return {
      ok: false,
      input: text.slice(0, 60),
      error: `“${text.slice(0, 60)}” is not an IPv4 or IPv6 address (e.g. 203.0.113.7 or 2001:db8::7).`,
    };
  const parsed = ipaddr.parse(text);
  const address = (
    parsed instanceof ipaddr.IPv6 && parsed.isIPv4MappedAddress() ? parsed.toIPv4Address() : parsed
  ).toString();
  const [institution, matches] = await Promise.all([
    db.institution.findUnique({
      where: { id: institutionId },
      select: { name: true, activeFrom: true, activeUntil: true },
    }),
    db.$queryRaw<{ cidr: string }[]>`
      SELECT "cidr" FROM "InstitutionRange"
      WHERE "institutionId" = ${institutionId} AND "cidr"::cidr >>= ${address}::inet
      ORDER BY masklen("cidr"::cidr) DESC`,
  ]);
  if (!institution) throw new NotFoundError('This institution no longer exists.');
  // The one access rule decides, as for a reader arriving from this address (a paywalled article).
  const decision = decideAccess({
    now,
    article: { id: 'address-test', isFree: false },
    subscriptions: [],
    purchases: [],
    institutions: [institution],
  });
  const isAccessOpen = decision.source === 'institution';
  const single = parseRange(address);
  return {
    ok: true,
    address,
    matches: matches.map((m) => m.cidr),
    isAccessOpen,
    isRecognised: isAccessOpen && matches.length > 0,
    warning: typeof single === 'string' ? null : describeSpecialRange(single),
  };
}
