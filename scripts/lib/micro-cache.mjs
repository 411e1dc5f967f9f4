// A small in-memory cache in front of Next for pages Next itself marks as shared-cacheable
// (`Cache-Control: s-maxage=…`, no Set-Cookie): the same bytes for every visitor, so serving
// them again for a few seconds is safe. Only plain document GETs of allow-listed paths are
// candidates; RSC/router requests and everything per reader (APIs, account pages) pass through.

/** @typedef {{ status: number, headers: Record<string, string | string[] | number>, body: Buffer, expiresAt: number }} Entry */

export function createMicroCache({ isCandidatePath, ttlMs = 10_000, maxEntries = 500, now = () => Date.now() }) {
  /** @type {Map<string, Entry>} */
  const entries = new Map();

  /** The cache key, or null when this request must go to Next. */
  function keyOf(req) {
    if (req.method !== 'GET') return null;
    const url = req.url ?? '';
    if (!isCandidatePath(url.split('?')[0])) return null;
    const h = req.headers;
    if (h['rsc'] || h['next-router-state-tree'] || h['next-router-prefetch'] || h['next-action'] || h['range'])
      return null;
    const gzip = /\bgzip\b/.test(String(h['accept-encoding'] ?? ''));
    return `${gzip ? 'gz' : 'id'} ${url}`;
  }

  function lookup(key) {
    const entry = entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= now()) {
      entries.delete(key);
      return null;
    }
    return entry;
  }

  function isShareable(status, headers) {
    const cacheControl = String(headers['cache-control'] ?? '');
    return (
      status === 200 &&
      /\bs-maxage=\d+/.test(cacheControl) &&
      !/\b(private|no-store)\b/.test(cacheControl) &&
      !headers['set-cookie']
    );
  }

  /** Wraps `res` so that what Next writes is recorded, and stored if it turns out shareable. */
  function record(key, res) {
    const chunks = [];
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    const keep = (chunk, encoding) => {
      if (chunk)
        chunks.push(
          Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8'),
        );
    };
    res.write = (chunk, encoding, cb) => {
      keep(chunk, encoding);
      return write(chunk, encoding, cb);
    };
    res.end = (chunk, encoding, cb) => {
      if (typeof chunk !== 'function') keep(chunk, encoding);
      return end(chunk, encoding, cb);
    };
    res.once('finish', () => {
      const headers = res.getHeaders();
      if (!isShareable(res.statusCode, headers)) return;
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value);
      entries.set(key, { status: res.statusCode, headers, body: Buffer.concat(chunks), expiresAt: now() + ttlMs });
    });
  }

  return {
    /** Serves from the cache and returns true, or prepares to record and returns false. */
    handle(req, res) {
      const key = keyOf(req);
      if (!key) return false;
      const hit = lookup(key);
      if (hit) {
        res.writeHead(hit.status, { ...hit.headers, 'x-micro-cache': 'HIT' });
        res.end(hit.body);
        return true;
      }
      record(key, res);
      return false;
    },
    size: () => entries.size,
  };
}
