import type { IncomingMessage, ServerResponse } from 'node:http';

export const RECORD_USAGE: unique symbol;
export const FLUSH_USAGE: unique symbol;
export function recordSharedArticleView(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  ip: string | null,
): void;
