// GET /api/sidebar-layout – the signed-in reader's saved { order, hidden } (null: default or visitor).
// PUT /api/sidebar-layout – saves { order, hidden } for the signed-in reader; 422 for unknown or repeated ids.
import { NextResponse, type NextRequest } from 'next/server';
import { getCurrentUser } from '@/lib/auth/current-user';
import { AppError } from '@/lib/errors/app-error';
import { errorResponse } from '@/lib/http/error-response';
import { sidebarLayoutInput } from '@/lib/related/box-order';
import { getSidebarLayout, saveSidebarLayout } from '@/lib/related/sidebar-layout';

const PRIVATE = { 'Cache-Control': 'private, no-store' };

export async function GET() {
  try {
    const user = await getCurrentUser();
    const layout = user ? await getSidebarLayout(user.id) : null;
    return NextResponse.json({ isSignedIn: Boolean(user), layout }, { headers: PRIVATE });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function PUT(request: NextRequest) {
  try {
    // Validated before anything else, so a bad order is a 422 whoever sends it.
    const layout = sidebarLayoutInput.parse(await request.json().catch(() => ({})));
    const user = await getCurrentUser();
    if (!user)
      throw new AppError(
        'Sign in to keep your layout on every device; this browser keeps it meanwhile.',
        'unauthenticated',
        'unauthenticated',
      );
    return NextResponse.json({ layout: await saveSidebarLayout(user.id, layout) }, { headers: PRIVATE });
  } catch (error) {
    return errorResponse(error);
  }
}
