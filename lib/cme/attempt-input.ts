import { z } from 'zod';
import { ValidationError } from '@/lib/errors/app-error';
import { describeZodError } from '@/lib/errors/plain-zod-issues';

const id = z.string().trim().min(1, 'An id is required.').max(64, 'An id is at most 64 characters.');

/** A quiz submission, as the JSON API takes it and the quiz form is turned into. */
export const attemptInputSchema = z.object({
  answers: z.array(z.object({ questionId: id, optionId: id })).max(200, 'Too many answers.'),
  /** when the learner opened the quiz; informational, clamped on the server */
  startedAt: z.iso.datetime({ offset: true }).optional(),
});

export type AttemptInput = z.infer<typeof attemptInputSchema>;

/**
 * Reads the quiz form: each radio group is named `answer:<questionId>`. Reads every entry rather
 * than Object.fromEntries, so a doctored form that answers a question twice is seen and refused.
 * Throws a ValidationError (422) for malformed input.
 */
export function readQuizForm(formData: FormData): AttemptInput {
  const answers: AttemptInput['answers'] = [];
  for (const [name, value] of formData.entries()) {
    if (name.startsWith('answer:') && typeof value === 'string')
      answers.push({ questionId: name.slice(7), optionId: value });
  }
  const startedAt = formData.get('startedAt');
  const parsed = attemptInputSchema.safeParse({
    answers,
    startedAt: typeof startedAt === 'string' && startedAt ? startedAt : undefined,
  });
  if (!parsed.success) throw new ValidationError(describeZodError(parsed.error));
  return parsed.data;
}
