// GET /api/me – who is signed in, for the header on pages cached for everyone (per reader: never
// cached). The shape: lib/auth/account-summary.ts, which the header reads it through.
import { NextResponse } from 'next/server';
import { summarizeAccount, type AccountSummary } from '@/lib/auth/account-summary';
import { getCurrentUser } from '@/lib/auth/current-user';
import { errorResponse } from '@/lib/http/error-response';

export async function GET() {
  try {
    const user = await getCurrentUser();
    return NextResponse.json<AccountSummary>(summarizeAccount(user), {
      headers: { 'Cache-Control': 'private, no-store' },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
