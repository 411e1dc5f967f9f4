// A recorder process for tests/integration/usage-spool-restart.test.ts: records COUNTER uses of
// one article from an address of the test's institution (one session each, so none is a
// double-click), says "recorded", then waits to be
// stopped: SIGTERM writes what it holds and exits, as scripts/server.mjs does; SIGKILL is a crash.
import { flushUsageEvents, recordUsage } from '@/lib/usage/usage-event-buffer';

const [articleId = '', count = '0'] = process.argv.slice(2);
for (let i = 0; i < Number(count); i++)
  recordUsage({
    kind: 'request',
    target: 'page',
    articleId,
    ip: '198.51.100.23',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/133.0',
    userId: null,
    sessionId: `restart-test-${process.pid}-${i}`,
  });
process.on('SIGTERM', () => {
  void flushUsageEvents().then(() => process.exit(0));
});
console.log('recorded');
setInterval(() => {}, 1000);
