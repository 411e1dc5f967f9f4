import { z } from 'zod';

// The post-activity evaluation (ACCME/AMA core questions), as the form and the JSON body send it.
const yesNo = z.enum(['yes', 'no'], { error: 'Answer yes or no.' });

export const EVALUATION_QUESTIONS = {
  objectivesMet: 'The learning objectives of this activity were met.',
  isRelevant: 'The content was relevant to my practice.',
  isFreeOfBias: 'The activity was free of commercial bias.',
  biasComment: 'If not, describe the commercial bias you saw.',
  intendedChange: 'What, if anything, do you intend to change in your practice? (optional)',
} as const;

export const LIKERT_LABELS = ['Strongly disagree', 'Disagree', 'Neutral', 'Agree', 'Strongly agree'] as const;

const evaluationFields = z.object({
  attemptId: z.string().min(1).max(64),
  objectivesMet: z.coerce
    .number({ error: 'Rate how well the objectives were met, from 1 to 5.' })
    .int('Rate how well the objectives were met, from 1 to 5.')
    .min(1, 'Rate how well the objectives were met, from 1 to 5.')
    .max(5, 'Rate how well the objectives were met, from 1 to 5.'),
  isRelevant: yesNo,
  isFreeOfBias: yesNo,
  biasComment: z.string().trim().max(2000, 'Keep the comment under 2,000 characters.').optional().default(''),
  intendedChange: z.string().trim().max(4000, 'Keep the answer under 4,000 characters.').optional().default(''),
});

const biasFields = evaluationFields.pick({ isFreeOfBias: true, biasComment: true });

export const evaluationInputSchema = evaluationFields
  // A "no" on commercial bias is only useful to the provider with what the learner saw.
  .refine((v) => v.isFreeOfBias === 'yes' || v.biasComment.length > 0, {
    path: ['biasComment'],
    message: 'Tell us what commercial bias you saw.',
    // Checked even when another answer is missing, so the learner hears of every problem at once.
    when: (payload) => biasFields.safeParse(payload.value).success,
  });

export type EvaluationInput = z.input<typeof evaluationInputSchema>;

/** The stored shape of a valid evaluation: booleans, and null for what was left empty. */
export function toEvaluationRecord(input: z.output<typeof evaluationInputSchema>) {
  return {
    objectivesMet: input.objectivesMet,
    isRelevant: input.isRelevant === 'yes',
    isFreeOfBias: input.isFreeOfBias === 'yes',
    biasComment: input.isFreeOfBias === 'no' ? input.biasComment : null,
    intendedChange: input.intendedChange || null,
  };
}
