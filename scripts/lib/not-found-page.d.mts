import type { IncomingMessage, ServerResponse } from 'node:http';

export declare const UNMATCHED_PATH: string;

export function createNotFoundPageSource(origin: string): () => Promise<string>;

export function replaceNotFoundErrorShell(
  req: IncomingMessage,
  res: ServerResponse,
  notFoundPage: () => Promise<string>,
): void;
