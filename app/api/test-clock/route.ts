// POST /api/test-clock – moves this server's clock, and jobs due by it (end-to-end tests only; 404 unless enabled).
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { env } from '@/lib/env';
import { errorResponse } from '@/lib/http/error-response';
import { moveTestClock } from '@/lib/jobs/move-test-clock';

const body = z.object({
  offsetMs: z
    .number()
    .int()
    .min(0)
    .max(10 * 365 * 24 * 3600_000),
});

export async function POST(request: Request) {
  if (!env.TEST_CLOCK_ENABLED) return NextResponse.json({ error: 'Not found.' }, { status: 404 });
  try {
    // Not JSON → null → a 422 naming the field, as the other JSON routes answer (it was a 500).
    const at = await moveTestClock(body.parse(await request.json().catch(() => null)).offsetMs);
    return NextResponse.json({ now: at.toISOString() });
  } catch (error) {
    return errorResponse(error);
  }
}
