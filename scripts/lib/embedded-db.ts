// The embedded database: PGlite (PostgreSQL in WASM) behind a PostgreSQL wire-protocol server,
// so the app always speaks PostgreSQL through DATABASE_URL, whether or not a server is installed.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { keepBatchesWhole, sendBatchesWhole } from './keep-batches-whole';
import { isProcessAlive } from '../../lib/is-process-alive';

export type EmbeddedDatabase = {
  url: string;
  stop: () => Promise<void>;
  /** Statements run so far (Execute and simple Query messages), when started with `countStatements`. */
  statements: () => number;
};

const EXECUTE = 0x45;
const SIMPLE_QUERY = 0x51;

/** Execute and Query messages in a run of whole protocol messages (a startup message has none). */
function countStatementMessages(bytes: Uint8Array): number {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let count = 0;
  for (let at = 0; at + 5 <= view.length; at += 1 + view.readInt32BE(at + 1)) {
    if (view.readInt32BE(at + 1) < 4) return count; // not a typed message
    if (view[at] === EXECUTE || view[at] === SIMPLE_QUERY) count++;
  }
  return count;
}

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
  /** Count the statements clients run (the bench's statements per page view). */
  countStatements?: boolean;
}): Promise<EmbeddedDatabase> {
  const port = options.port ?? DEFAULT_PORT;
  if (port === 5432)
    throw new Error('EMBEDDED_DB_PORT: 5432 is reserved for a real PostgreSQL; pick another port or 0.');
  const isInMemory = options.dataDir.startsWith('memory://');
  if (!isInMemory) fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
  const unlock = isInMemory ? () => {} : lockDataDir(options.dataDir);
  let db: PGlite;
  try {
    db = await PGlite.create({ dataDir: options.dataDir });
  } catch (error) {
    unlock();
    throw error;
  }
  let statements = 0;
  if (options.countStatements) {
    const run = db.execProtocolRawStream.bind(db);
    db.execProtocolRawStream = (message, streamOptions) => {
      statements += countStatementMessages(message);
      return run(message, streamOptions);
    };
  }
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: options.maxConnections ?? 100 });
  keepBatchesWhole(server);
  sendBatchesWhole();
  await server.start();
  const address = server.getServerConn(); // "127.0.0.1:<port>"
  const url = `postgresql://postgres:postgres@${address}/postgres?sslmode=disable`;
  return {
    url,
    statements: () => statements,
    stop: async () => {
      await server.stop();
      await db.close();
      unlock();
    },
  };
}

export const embeddedDataDir = path.resolve(import.meta.dirname, '../../.data/pglite');

// PGlite opens a folder another process has open without a word, and two writers corrupt it. So
// whoever opens it (npm start, db:migrate, db:backup, db:restore) first takes <folder>.pid.
const lockFile = (dataDir: string) => `${path.resolve(dataDir)}.pid`;

/** The process that has the data folder open, or null. */
export function embeddedDatabaseHolder(dataDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(lockFile(dataDir), 'utf8'));
    return Number.isInteger(pid) && pid > 0 && isProcessAlive(pid) ? pid : null;
  } catch {
    return null;
  }
}

/** Takes the data folder for this process; throws when another has it. Returns the release. */
export function lockDataDir(dataDir: string): () => void {
  const file = lockFile(dataDir);
  const inUse = (holder: number | null) => {
    const where = path.relative(process.cwd(), path.resolve(dataDir)) || dataDir;
    return new Error(
      `The embedded database in ${where} is in use by process ${holder ?? '?'} (npm start?). Stop it first` +
        ` (or delete ${path.basename(file)} if no such process is running).`,
    );
  };
  const holder = embeddedDatabaseHolder(dataDir);
  if (holder !== null) throw inUse(holder);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.rmSync(file, { force: true }); // left by a process that ended without closing it
  try {
    fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch {
    throw inUse(embeddedDatabaseHolder(dataDir)); // another process took it just now
  }
  return () => fs.rmSync(file, { force: true });
}
