// Institution address ranges held in memory by each server instance, so deciding whether a
// visitor could be entitled costs no database round trip. Every `intervalMs` (1 s) the instance
// reads one number, InstitutionRangeVersion.version, which a trigger bumps on any change to
// InstitutionRange (prisma/migrations/…_institution_range_version); only when it moved are the
// ranges read again. So an admin's change reaches every instance within about a second.
// Being "in a range" only routes a request to the per-reader page, which then asks the one access
// decision (lib/access/decide-access.ts) with the database's own inet/cidr match: a stale or
// missing list can cost an institution reader their text for a second, never open text to anyone.
import ipaddr from 'ipaddr.js';

/**
 * A matcher for CIDR ranges (IPv4 and IPv6). Unparseable entries are skipped (the admin form
 * validates them; a bad row must not stop the others).
 * @param {string[]} cidrs
 */
export function createRangeSet(cidrs) {
  /** @type {[ipaddr.IPv4 | ipaddr.IPv6, number][]} */
  const ranges = [];
  for (const cidr of cidrs) {
    try {
      ranges.push(ipaddr.parseCIDR(cidr));
    } catch {
      // skipped, see above
    }
  }
  return {
    size: ranges.length,
    /** @param {string | null} ip a normalized address (lib/access/resolve-client-ip.mjs) */
    contains(ip) {
      if (!ip || !ipaddr.isValid(ip)) return false;
      const address = ipaddr.parse(ip);
      return ranges.some(([network, bits]) => network.kind() === address.kind() && address.match(network, bits));
    },
  };
}

/**
 * Keeps the ranges current. `query(sql)` runs one statement and resolves to its rows. Until the
 * first load succeeds, `contains` answers true for every address (anyone could be entitled: the
 * per-reader page decides), so an instance that starts while the database is away still serves
 * institution readers correctly, only slower.
 * @param {{ query: (sql: string) => Promise<Record<string, unknown>[]>, intervalMs?: number, log?: (message: string) => void }} options
 */
export function watchInstitutionRanges({ query, intervalMs = 1000, log = console.warn }) {
  /** @type {ReturnType<typeof createRangeSet> | null} */
  let current = null;
  /** @type {string | null} */
  let version = null;
  let isPolling = false;
  let hasWarned = false;

  async function poll() {
    if (isPolling) return; // a slow database: never pile statements up
    isPolling = true;
    try {
      const [row] = await query('SELECT "version"::text AS "version" FROM "InstitutionRangeVersion" WHERE "id" = 1');
      const next = String(row?.version ?? 'none');
      if (next !== version || !current) {
        const rows = await query('SELECT "cidr" FROM "InstitutionRange"');
        current = createRangeSet(rows.map((r) => String(r.cidr)));
        version = next;
      }
      hasWarned = false;
    } catch (error) {
      // The last list stays in use; one line per outage, not one per second.
      if (!hasWarned)
        log(`Institution ranges not refreshed (keeping the last list): ${/** @type {Error} */ (error).message}`);
      hasWarned = true;
    } finally {
      isPolling = false;
    }
  }

  const timer = setInterval(() => void poll(), intervalMs);
  timer.unref();
  const ready = poll();
  return {
    ready,
    /** @param {string | null} ip */
    contains: (ip) => (current ? current.contains(ip) : true),
    isLoaded: () => current !== null,
    stop: () => clearInterval(timer),
  };
}
