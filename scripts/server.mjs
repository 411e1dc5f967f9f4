// Production HTTP server: Next's request handler behind a Node server of our own, so every
// request carries the socket's address in a header no client can set (Next by itself keeps a
// client-sent X-Forwarded-For). lib/http/client-ip.ts reads it, believing X-Forwarded-For
// only from TRUSTED_PROXIES.
import http from 'node:http';
import next from 'next';

const PEER_IP_HEADER = 'x-journal-peer-ip';
const port = Number(process.env.PORT ?? 3000);
const app = next({ dev: false, dir: process.cwd(), port, hostname: 'localhost' });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((req, res) => {
  req.headers[PEER_IP_HEADER] = req.socket.remoteAddress ?? '';
  void handle(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(port, () => console.log(`Ready on http://localhost:${port}`));

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  });
}
