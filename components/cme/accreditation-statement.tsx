import { formatCredits } from '@/lib/cme/format-credits';

type Props = { maxCreditQuarters: number; passingPercent: number };

/** The seed's accreditation statement, verbatim, with the activity's credit designation and pass mark. */
export function AccreditationStatement({ maxCreditQuarters, passingPercent }: Props) {
  return (
    <p>
      The American Medical Association is accredited by the Accreditation Council for Continuing Medical Education to
      provide continuing medical education for physicians. The AMA designates this journal-based CME activity for a
      maximum of {formatCredits(maxCreditQuarters)} <i>AMA PRA Category 1 Credit</i>™ per course. Physicians should
      claim only the credit commensurate with the extent of their participation in the activity. Physicians who complete
      the CME course and score at least {passingPercent}% correct on the quiz are eligible for{' '}
      <i>AMA PRA Category 1 Credit</i>™.
    </p>
  );
}
