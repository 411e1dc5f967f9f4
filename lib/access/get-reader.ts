import 'server-only';
import type { NextRequest } from 'next/server';
import type { Reader } from './load-access-facts';

/** Who is asking: the signed-in user and the client address (accounts come with issue 3). */
export function getReader(_request: NextRequest): Promise<Reader> {
  return Promise.resolve({ userId: null, ip: null });
}
