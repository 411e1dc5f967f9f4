import type { IncomingMessage, ServerResponse } from 'node:http';

export declare const UNAVAILABLE_MESSAGE: string;
export declare const RETRY_AFTER_SECONDS: number;
export declare const UNAVAILABLE_PAGE: string;
export declare function noteDatabaseUnavailable(now?: number): void;
export declare function isDatabaseRecentlyUnavailable(now?: number): boolean;
export declare function answerUnavailableInsteadOf500(req: IncomingMessage, res: ServerResponse): void;
