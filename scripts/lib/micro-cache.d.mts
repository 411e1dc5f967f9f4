import type { IncomingMessage, ServerResponse } from 'node:http';

export type MicroCacheOptions = {
  isCandidatePath: (path: string) => boolean;
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
};

export type MicroCache = {
  handle: (req: IncomingMessage, res: ServerResponse) => boolean;
  size: () => number;
};

export function createMicroCache(options: MicroCacheOptions): MicroCache;
