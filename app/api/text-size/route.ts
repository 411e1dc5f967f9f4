// POST /api/text-size – the text size buttons without JavaScript: sets the reader's text-size
// cookie and sends them back to the page they were reading (303), which then renders in that size.
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { TEXT_SIZE_COOKIE, TEXT_SIZES } from '@/lib/articles/text-size';
import { safeReturnTo } from '@/lib/auth/safe-return-to';
import { errorResponse } from '@/lib/http/error-response';

const textSizeForm = z.object({
  size: z.enum(TEXT_SIZES, { message: 'Choose small, medium or large text.' }),
  returnTo: z.string().max(500).optional(),
});

export async function POST(request: NextRequest) {
  try {
    const form = await request.formData().catch(() => null);
    const input = textSizeForm.parse({
      size: form?.get('size') ?? undefined,
      returnTo: form?.get('returnTo') ?? undefined,
    });
    // A relative Location: the browser resolves it against the address it used.
    const response = new NextResponse(null, {
      status: 303,
      headers: { Location: safeReturnTo(input.returnTo, '/'), 'Cache-Control': 'private, no-store' },
    });
    // Not httpOnly: the buttons write the same cookie from the page when JavaScript runs.
    response.cookies.set(TEXT_SIZE_COOKIE, input.size, { path: '/', maxAge: 31_536_000, sameSite: 'lax' });
    return response;
  } catch (error) {
    return errorResponse(error);
  }
}
