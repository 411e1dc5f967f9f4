// Runs `fn` with a database URL: DATABASE_URL when set, otherwise the embedded database in
// .data/ (started for the duration of `fn`).
import { loadEnv } from './load-env';
import { embeddedDataDir, startEmbeddedDatabase } from './embedded-db';

export async function withDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  loadEnv();
  if (process.env.DATABASE_URL) return fn(process.env.DATABASE_URL);
  const embedded = await startEmbeddedDatabase({ dataDir: embeddedDataDir });
  try {
    return await fn(embedded.url);
  } finally {
    await embedded.stop();
  }
}
