// The accredited provider named on certificates and in the seed's accreditation statement.
export const CME_PROVIDER = 'American Medical Association';
