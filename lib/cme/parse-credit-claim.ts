import { ValidationError } from '@/lib/errors/app-error';
import { describeCredits } from './format-credits';

/**
 * Turns a claimed amount ("0.75") into quarter credits (3), the unit credit is stored in.
 * Credit is claimed in steps of 0.25, more than 0 and at most the activity's maximum.
 */
export function parseCreditClaim(amount: string, maxQuarters: number): number {
  const text = amount.trim();
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(text)) throw new ValidationError('Enter the credit as a number, e.g. 0.75.');
  const [whole = '0', fraction = ''] = text.split('.');
  const fractionQuarters: Record<string, number> = { '': 0, '0': 0, '00': 0, '25': 1, '5': 2, '50': 2, '75': 3 };
  const quarter = fractionQuarters[fraction];
  if (quarter === undefined) throw new ValidationError('Credit is claimed in steps of 0.25.');
  const quarters = Number(whole) * 4 + quarter;
  if (quarters <= 0) throw new ValidationError('Claim at least 0.25 credit.');
  if (quarters > maxQuarters) {
    throw new ValidationError(`This activity offers at most ${describeCredits(maxQuarters)}.`);
  }
  return quarters;
}
