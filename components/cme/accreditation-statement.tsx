import { ACCREDITATION_STATEMENT, abimMocStatement, designationStatement } from '@/lib/cme/accreditation';

type Props = { maxCreditQuarters: number; passingPercent: number; abimMocPoints: number | null };

/** The accreditation and credit designation statements (AMA wording), ABIM's MOC statement, the pass mark. */
export function AccreditationStatement({ maxCreditQuarters, passingPercent, abimMocPoints }: Props) {
  return (
    <>
      <p>{ACCREDITATION_STATEMENT}</p>
      <p>{designationStatement(maxCreditQuarters)}</p>
      {abimMocPoints !== null && abimMocPoints > 0 && <p>{abimMocStatement(abimMocPoints)}</p>}
      <p>
        Physicians who complete the activity, score at least {passingPercent}% correct on the quiz and complete the
        evaluation are eligible for credit.
      </p>
    </>
  );
}
