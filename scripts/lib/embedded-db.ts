// The embedded database: PGlite (PostgreSQL in WASM) behind a PostgreSQL wire-protocol server,
// so the app always speaks PostgreSQL through DATABASE_URL, whether or not a server is installed.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { keepBatchesWhole, sendBatchesWhole } from './keep-batches-whole';

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

/** Never 5432: that port belongs to a real PostgreSQL when one runs on the machine. */
const DEFAULT_PORT = 0;

/**
 * Starts PGlite behind a socket server on 127.0.0.1. `dataDir` 'memory://' keeps nothing;
 * a folder persists (one process may hold it at a time). Port 0 picks a free port.
 */
export async function startEmbeddedDatabase(options: {
  dataDir: string;
  port?: number;
  maxConnections?: number;
}): Promise<EmbeddedDatabase> {
  const port = options.port ?? DEFAULT_PORT;
  if (port === 5432)
    throw new Error('EMBEDDED_DB_PORT: 5432 is reserved for a real PostgreSQL; pick another port or 0.');
  if (!options.dataDir.startsWith('memory://')) fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
  const db = await PGlite.create({ dataDir: options.dataDir });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: options.maxConnections ?? 100 });
  keepBatchesWhole(server);
  sendBatchesWhole();
  await server.start();
  const address = server.getServerConn(); // "127.0.0.1:<port>"
  const url = `postgresql://postgres:postgres@${address}/postgres?sslmode=disable`;
  return {
    url,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}

export const embeddedDataDir = path.resolve(import.meta.dirname, '../../.data/pglite');
