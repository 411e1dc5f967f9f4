import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../scripts/lib/embedded-db';

// Raw PostgreSQL wire protocol, so the test controls exactly where one client pauses.
const cstr = (s: string) => Buffer.from(`${s}\0`);
function msg(type: string, body: Buffer) {
  const head = Buffer.alloc(5);
  head.write(type, 0);
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}
const int16 = (n: number) => Buffer.from([n >> 8, n & 255]);
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const parse = (sql: string) => msg('P', Buffer.concat([cstr(''), cstr(sql), int16(0)]));
const bind = (value: string) =>
  msg(
    'B',
    Buffer.concat([
      cstr(''),
      cstr(''),
      int16(0),
      int16(1),
      int32(Buffer.byteLength(value)),
      Buffer.from(value),
      int16(0),
    ]),
  );
const describePortal = msg('D', Buffer.concat([Buffer.from('P'), cstr('')]));
const execute = msg('E', Buffer.concat([cstr(''), int32(0)]));
const sync = msg('S', Buffer.alloc(0));

class Client {
  private data = Buffer.alloc(0);
  constructor(private socket: net.Socket) {
    socket.on('data', (d: Buffer) => (this.data = Buffer.concat([this.data, d])));
  }
  static async connect(port: number) {
    const socket = net.connect(port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    const client = new Client(socket);
    const params = Buffer.concat([
      cstr('user'),
      cstr('postgres'),
      cstr('database'),
      cstr('postgres'),
      Buffer.from([0]),
    ]);
    const startup = Buffer.concat([int32(params.length + 8), int32(196608), params]);
    socket.write(startup);
    await client.readUntilReady();
    return client;
  }
  send(...messages: Buffer[]) {
    this.socket.write(Buffer.concat(messages));
  }
  /** Everything up to and including ReadyForQuery ('Z', length 5). */
  async readUntilReady(): Promise<string> {
    for (let i = 0; i < 500; i++) {
      const at = this.data.indexOf(Buffer.from([0x5a, 0, 0, 0, 5]));
      if (at !== -1) {
        const out = this.data.subarray(0, at + 6).toString('latin1');
        this.data = this.data.subarray(at + 6);
        return out;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('no ReadyForQuery');
  }
  close() {
    this.socket.destroy();
  }
}

describe('embedded database with many connections', () => {
  let embedded: EmbeddedDatabase;
  beforeAll(async () => {
    embedded = await startEmbeddedDatabase({ dataDir: 'memory://', maxConnections: 10 });
  });
  afterAll(async () => embedded.stop());

  it('keeps one connection’s Parse/Bind/Execute batch whole while another connection runs its own', async () => {
    const port = Number(new URL(embedded.url).port);
    const a = await Client.connect(port);
    const b = await Client.connect(port);
    a.send(parse("SELECT 'A:' || $1::text AS v"), bind('first'));
    await new Promise((r) => setTimeout(r, 50)); // A pauses mid-batch
    b.send(parse("SELECT 'B:' || $1::text || $1::text AS v"), bind('second'), describePortal, execute, sync);
    await new Promise((r) => setTimeout(r, 50));
    a.send(describePortal, execute, sync);
    const [fromA, fromB] = await Promise.all([a.readUntilReady(), b.readUntilReady()]);
    expect(fromA).toContain('A:first');
    expect(fromB).toContain('B:secondsecond');
    expect(fromA + fromB).not.toMatch(/portal "" does not exist|prepared statement/);
    a.close();
    b.close();
  });

  it('does not stall when a connection drops in the middle of a batch', async () => {
    const port = Number(new URL(embedded.url).port);
    const a = await Client.connect(port);
    const b = await Client.connect(port);
    a.send(parse('SELECT 1'), bind('x'));
    await new Promise((r) => setTimeout(r, 50));
    a.close();
    await new Promise((r) => setTimeout(r, 50));
    b.send(parse("SELECT 'alive' || $1::text AS v"), bind('!'), describePortal, execute, sync);
    expect(await b.readUntilReady()).toContain('alive!');
    b.close();
  });
});
