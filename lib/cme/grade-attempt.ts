import { ValidationError } from '@/lib/errors/app-error';

export type QuizKey = {
  passingPercent: number;
  questions: { id: string; options: { id: string; isPreferred: boolean }[] }[];
};

export type SubmittedAnswer = { questionId: string; optionId: string };

export type GradedAttempt = {
  kind: 'graded';
  isPassed: boolean;
  correctCount: number;
  questionCount: number;
  /** whole percent, rounded down so a failing score never displays as the pass mark */
  scorePercent: number;
  answers: (SubmittedAnswer & { isCorrect: boolean })[];
  /** in quiz order */
  wrongQuestionIds: string[];
};

export type Grading = { kind: 'incomplete'; unansweredQuestionIds: string[] } | GradedAttempt;

/** The fewest correct answers that pass: "at least N of the M". */
export function countNeededToPass(questionCount: number, passingPercent: number): number {
  return Math.ceil((questionCount * passingPercent) / 100);
}

/**
 * Grades a submission against the quiz key. Pass or fail is decided in integers
 * (correct × 100 ≥ percent × total), so 80% is exactly 80%. Anything the quiz did not ask
 * (an unknown question or option, a question answered twice) throws a ValidationError: a form
 * cannot produce it, so the submission is refused rather than guessed at. Unanswered questions
 * give `incomplete`, never a score.
 */
export function gradeAttempt(key: QuizKey, submitted: SubmittedAnswer[]): Grading {
  if (key.questions.length === 0) throw new ValidationError('This quiz has no questions, so it cannot be graded.');
  const questions = new Map(key.questions.map((q) => [q.id, q]));
  const chosen = new Map<string, string>();
  for (const { questionId, optionId } of submitted) {
    const question = questions.get(questionId);
    if (!question) throw new ValidationError(`Question ${questionId} is not part of this quiz.`);
    if (chosen.has(questionId)) throw new ValidationError(`Question ${questionId} was answered more than once.`);
    if (!question.options.some((o) => o.id === optionId)) {
      throw new ValidationError(`Option ${optionId} is not an answer to question ${questionId}.`);
    }
    chosen.set(questionId, optionId);
  }
  const unansweredQuestionIds = key.questions.filter((q) => !chosen.has(q.id)).map((q) => q.id);
  if (unansweredQuestionIds.length > 0) return { kind: 'incomplete', unansweredQuestionIds };

  const answers = key.questions.map((q) => {
    const optionId = chosen.get(q.id) as string;
    return { questionId: q.id, optionId, isCorrect: q.options.some((o) => o.id === optionId && o.isPreferred) };
  });
  const correctCount = answers.filter((a) => a.isCorrect).length;
  const questionCount = key.questions.length;
  return {
    kind: 'graded',
    isPassed: correctCount * 100 >= key.passingPercent * questionCount,
    correctCount,
    questionCount,
    scorePercent: Math.floor((correctCount * 100) / questionCount),
    answers,
    wrongQuestionIds: answers.filter((a) => !a.isCorrect).map((a) => a.questionId),
  };
}
