import type { IncomingMessage, ServerResponse } from 'node:http';

export type Refusal = { status: number; message: string };

export declare const MAX_ACTION_BODY_BYTES: number;
export declare const MAX_UPLOAD_ACTION_BODY_BYTES: number;

export function refuseRequest(req: IncomingMessage): Refusal | null;

export function sendRefusal(req: IncomingMessage, res: ServerResponse, refusal: Refusal): void;
