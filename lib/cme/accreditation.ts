import { describeCreditAmount } from './format-credits';

// The accredited provider named on certificates and in the accreditation statement.
export const CME_PROVIDER = 'American Medical Association';

export const ACCREDITATION_STATEMENT = `The ${CME_PROVIDER} is accredited by the Accreditation Council for Continuing Medical Education (ACCME) to provide continuing medical education for physicians.`;

export const CREDIT_TYPE = 'AMA PRA Category 1 Credit™';

/** The AMA credit designation statement, in the AMA's required wording. */
export function designationStatement(maxCreditQuarters: number): string {
  return `The ${CME_PROVIDER} designates this enduring material for a maximum of ${describeCreditAmount(maxCreditQuarters, CREDIT_TYPE)}. Physicians should claim only the credit commensurate with the extent of their participation in the activity.`;
}

/** ABIM's required MOC statement, for activities that carry MOC points. */
export function abimMocStatement(points: number): string {
  return `Successful completion of this CME activity, which includes participation in the evaluation component, enables the participant to earn up to ${points} MOC ${points === 1 ? 'point' : 'points'} in the American Board of Internal Medicine's (ABIM) Maintenance of Certification (MOC) program. It is the CME activity provider's responsibility to submit participant completion information to ACCME for the purpose of granting ABIM MOC credit.`;
}

export const NO_RELATIONSHIPS = 'No relevant financial relationships';

export const MITIGATION_STATEMENT = 'All relevant financial relationships have been mitigated.';
