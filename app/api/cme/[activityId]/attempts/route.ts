// POST /api/cme/<activityId>/attempts – grade and store a quiz attempt (the same path as the quiz form).
import { NextResponse } from 'next/server';
import { getCurrentUser } from '@/lib/auth/current-user';
import { now } from '@/lib/clock';
import { parseCmeId } from '@/lib/cme/cme-id';
import { submitAttempt } from '@/lib/cme/submit-attempt';
import { AppError, NotFoundError, ValidationError } from '@/lib/errors/app-error';
import { errorResponse } from '@/lib/http/error-response';

export async function POST(request: Request, { params }: { params: Promise<{ activityId: string }> }) {
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError('Please sign in to take CME quizzes.', 'unauthenticated', 'unauthorized');
    const activityId = parseCmeId((await params).activityId);
    if (!activityId) throw new NotFoundError('There is no such CME activity.');
    // Only JSON: a cross-site form cannot send it without a CORS preflight, so no CSRF.
    if (!request.headers.get('content-type')?.startsWith('application/json')) {
      throw new AppError('Send the answers as application/json.', 'unsupported_media_type', 'unsupported_media_type');
    }
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      throw new ValidationError('The request body must be JSON: { "answers": [{ "questionId", "optionId" }] }.');
    }
    const result = await submitAttempt({ userId: user.id, activityId, input: body, now: now() });
    if (result.kind === 'incomplete') {
      return NextResponse.json(
        {
          error: 'You have not filled in all the answers to complete this quiz',
          code: 'incomplete',
          unansweredQuestionIds: result.unansweredQuestionIds,
        },
        { status: 422 },
      );
    }
    return NextResponse.json(result, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
}
