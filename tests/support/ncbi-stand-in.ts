// A local stand-in for NCBI E-utilities (elink neighbor_score + esummary, JSON), for tests.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type StandInArticle = { pmid: string; title: string; journal: string; pubdate: string };
export type NcbiStandIn = { url: string; requests: URL[]; close: () => Promise<void> };

/** Answers every elink with `neighbours` (plus the queried PMID itself, as NCBI does); `delayMs` makes it slow. */
export async function startNcbiStandIn(o: {
  neighbours: StandInArticle[];
  port?: number;
  delayMs?: number;
}): Promise<NcbiStandIn> {
  const requests: URL[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    requests.push(url);
    const answer = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    setTimeout(() => {
      if (url.pathname.endsWith('/elink.fcgi')) {
        const self = url.searchParams.get('id') ?? '';
        const links = [
          { id: self, score: 100000000 },
          ...o.neighbours.map((n, i) => ({ id: n.pmid, score: 9000000 - i })),
        ];
        answer({
          linksets: [
            { dbfrom: 'pubmed', ids: [self], linksetdbs: [{ dbto: 'pubmed', linkname: 'pubmed_pubmed', links }] },
          ],
        });
      } else if (url.pathname.endsWith('/esummary.fcgi')) {
        const ids = (url.searchParams.get('id') ?? '').split(',');
        const found = o.neighbours.filter((n) => ids.includes(n.pmid));
        const result: Record<string, unknown> = { uids: found.map((n) => n.pmid) };
        for (const n of found)
          result[n.pmid] = { uid: n.pmid, title: n.title, fulljournalname: n.journal, pubdate: n.pubdate };
        answer({ header: { type: 'esummary' }, result });
      } else {
        res.writeHead(404).end();
      }
    }, o.delayMs ?? 0);
  });
  await new Promise<void>((resolve) => server.listen(o.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/entrez/eutils`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
