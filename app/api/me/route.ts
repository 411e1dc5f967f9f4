// GET /api/me – who is signed in, for the header on cached pages (per reader: never cached).
import { NextResponse } from 'next/server';
import { getCurrentUser } from '@/lib/auth/current-user';
import { errorResponse } from '@/lib/errors';

export async function GET() {
  try {
    const user = await getCurrentUser();
    return NextResponse.json(
      user ? { name: user.name, role: user.role, isLibrarian: user.isLibrarian ?? false } : null,
      {
        headers: { 'Cache-Control': 'private, no-store' },
      },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
