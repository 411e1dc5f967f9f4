import type { IncomingMessage, ServerResponse } from 'node:http';

export declare const RECORD_USAGE: unique symbol;
export declare const FLUSH_USAGE: unique symbol;
export declare function recordSharedArticleView(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  ip: string | null,
): void;
