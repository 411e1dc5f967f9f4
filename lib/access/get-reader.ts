import 'server-only';
import type { NextRequest } from 'next/server';
import type { Reader } from './load-access-facts';

/** Who is asking: the signed-in user and the client address (accounts come with issue 3). */
export async function getReader(_request: NextRequest): Promise<Reader> {
  return { userId: null, ip: null };
}
