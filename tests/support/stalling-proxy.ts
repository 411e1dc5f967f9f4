// A TCP proxy on loopback in front of a database, to play a network partition: it passes traffic
// until `stall()`, then accepts connections and reads what arrives but forwards nothing either way
// (held, as a stalled network holds it), until `pass()` lets everything through again. A client
// that gives up and closes its connection takes the upstream connection with it.
import net from 'node:net';

export type StallingProxy = {
  /** postgresql://… URL `databaseUrl` with host and port replaced by the proxy's. */
  url: string;
  port: number;
  stall: () => void;
  pass: () => void;
  /** Client connections open right now, and the most open at once since the last reset. */
  openConnections: () => number;
  peakConnections: () => number;
  resetPeak: () => void;
  close: () => Promise<void>;
};

export async function startStallingProxy(databaseUrl: string, port = 0): Promise<StallingProxy> {
  const target = new URL(databaseUrl);
  const upstreamPort = Number(target.port || 5432);
  const upstreamHost = target.hostname;
  let isStalled = false;
  let open = 0;
  let peak = 0;
  const pumps = new Set<() => void>(); // flush held data, per direction
  const sockets = new Set<net.Socket>();

  const server = net.createServer((client) => {
    open++;
    peak = Math.max(peak, open);
    sockets.add(client);
    const upstream = net.connect(upstreamPort, upstreamHost);
    sockets.add(upstream);
    // Each direction holds what it read while stalled, and its end (FIN) behind that.
    const pipe = (from: net.Socket, to: net.Socket) => {
      const held: Buffer[] = [];
      let isEnded = false;
      const flush = () => {
        if (isStalled || to.destroyed) return;
        while (held.length) to.write(held.shift()!);
        if (isEnded) to.end();
      };
      pumps.add(flush);
      from.on('data', (chunk: Buffer) => {
        held.push(chunk);
        flush();
      });
      from.on('close', () => {
        isEnded = true;
        flush();
      });
      to.on('close', () => pumps.delete(flush));
    };
    pipe(client, upstream);
    pipe(upstream, client);
    // An upstream that refuses (the database is down) looks to the client like a reset connection.
    upstream.on('error', () => {
      if (!isStalled) client.resetAndDestroy();
    });
    client.on('error', () => upstream.destroy());
    upstream.on('close', () => sockets.delete(upstream));
    // A client that gave up (or closed) needs nothing more from the database.
    client.on('close', () => {
      sockets.delete(client);
      open--;
      upstream.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actualPort = (server.address() as net.AddressInfo).port;
  const url = Object.assign(new URL(databaseUrl), { hostname: '127.0.0.1', port: String(actualPort) }).toString();

  return {
    url,
    port: actualPort,
    stall: () => {
      isStalled = true;
    },
    pass: () => {
      isStalled = false;
      for (const flush of pumps) flush();
    },
    openConnections: () => open,
    peakConnections: () => peak,
    resetPeak: () => {
      peak = open;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
