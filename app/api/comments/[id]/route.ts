// DELETE /api/comments/:id – the author withdraws their own comment while it is pending.
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/current-user';
import { AppError } from '@/lib/errors/app-error';
import { errorResponse } from '@/lib/http/error-response';
import { withdrawComment } from '@/lib/comments/withdraw-comment';

const params = z.object({ id: z.string().min(1).max(64) });

export async function DELETE(_request: Request, { params: p }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = params.parse(await p);
    const user = await getCurrentUser();
    if (!user)
      throw new AppError('Please sign in again: your session has ended.', 'unauthenticated', 'unauthenticated');
    await withdrawComment(user.id, id);
    return NextResponse.json({ withdrawn: true }, { headers: { 'Cache-Control': 'private, no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
}
