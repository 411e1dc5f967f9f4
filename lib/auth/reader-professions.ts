/** What registration offers for "Profession" (optional; CME reports and learner profiles use it). */
export const READER_PROFESSIONS = [
  'Physician',
  'Resident or fellow',
  'Medical student',
  'Nurse practitioner',
  'Physician assistant',
  'Nurse',
  'Pharmacist',
  'Researcher',
  'Other health professional',
  'Other',
] as const;
