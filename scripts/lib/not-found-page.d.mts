import type { IncomingMessage, ServerResponse } from 'node:http';

export declare const UNMATCHED_PATH: string;

export function notFoundPageFor(path: string): { source: string; status: number };

export function createNotFoundPageSource(origin: string): (path: string) => Promise<string>;

export function replaceNotFoundErrorShell(
  req: IncomingMessage,
  res: ServerResponse,
  notFoundPage: (path: string) => Promise<string>,
): void;
