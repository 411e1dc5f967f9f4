// Every U.S. state and DC, and the CME topic requirements the demo knows for a handful of them
// (summarised; a real deployment loads each board's current rules).
export const US_STATES: [code: string, name: string][] = [
  ['AL', 'Alabama'], ['AK', 'Alaska'], ['AZ', 'Arizona'], ['AR', 'Arkansas'], ['CA', 'California'], ['CO', 'Colorado'],
  ['CT', 'Connecticut'], ['DE', 'Delaware'], ['DC', 'District of Columbia'], ['FL', 'Florida'], ['GA', 'Georgia'],
  ['HI', 'Hawaii'], ['ID', 'Idaho'], ['IL', 'Illinois'], ['IN', 'Indiana'], ['IA', 'Iowa'], ['KS', 'Kansas'],
  ['KY', 'Kentucky'], ['LA', 'Louisiana'], ['ME', 'Maine'], ['MD', 'Maryland'], ['MA', 'Massachusetts'],
  ['MI', 'Michigan'], ['MN', 'Minnesota'], ['MS', 'Mississippi'], ['MO', 'Missouri'], ['MT', 'Montana'],
  ['NE', 'Nebraska'], ['NV', 'Nevada'], ['NH', 'New Hampshire'], ['NJ', 'New Jersey'], ['NM', 'New Mexico'],
  ['NY', 'New York'], ['NC', 'North Carolina'], ['ND', 'North Dakota'], ['OH', 'Ohio'], ['OK', 'Oklahoma'],
  ['OR', 'Oregon'], ['PA', 'Pennsylvania'], ['RI', 'Rhode Island'], ['SC', 'South Carolina'], ['SD', 'South Dakota'],
  ['TN', 'Tennessee'], ['TX', 'Texas'], ['UT', 'Utah'], ['VT', 'Vermont'], ['VA', 'Virginia'], ['WA', 'Washington'],
  ['WV', 'West Virginia'], ['WI', 'Wisconsin'], ['WY', 'Wyoming'],
];

/** `counts`: which seeded activities (by key) count toward the requirement. */
export type SeedRequirement = { state: string; topic: string; detail: string; counts: ('dermatology' | 'heartFailure')[] };

export const STATE_REQUIREMENTS: SeedRequirement[] = [
  { state: 'CA', topic: 'Pain management and the treatment of terminally ill patients', detail: '12 hours, once, within 4 years of licensure.', counts: [] },
  { state: 'CA', topic: 'Implicit bias', detail: 'Every accredited CME course must include implicit-bias content.', counts: [] },
  { state: 'FL', topic: 'Prevention of medical errors', detail: '2 hours every biennial renewal, including root-cause analysis and medication safety.', counts: ['dermatology'] },
  { state: 'FL', topic: 'Controlled-substance prescribing', detail: '2 hours every renewal for prescribers registered with the DEA.', counts: [] },
  { state: 'FL', topic: 'Domestic violence', detail: '2 hours every third renewal.', counts: [] },
  { state: 'MA', topic: 'Risk management', detail: '10 hours every 2-year cycle.', counts: ['dermatology', 'heartFailure'] },
  { state: 'MA', topic: 'Opioid education and pain management', detail: '3 hours every renewal for prescribers.', counts: [] },
  { state: 'MA', topic: 'Implicit bias in health care', detail: '2 hours every renewal.', counts: [] },
  { state: 'MI', topic: 'Implicit bias', detail: '1 hour every renewal and 2 hours at first licensure.', counts: [] },
  { state: 'MI', topic: 'Pain and symptom management', detail: '3 hours every 3-year cycle.', counts: [] },
  { state: 'NY', topic: 'Infection control', detail: 'Every 4 years, through an approved provider.', counts: [] },
  { state: 'NY', topic: 'Pain management, palliative care and addiction', detail: '3 hours every 3 years for DEA registrants.', counts: [] },
  { state: 'TX', topic: 'Medical ethics and professional responsibility', detail: '2 of the 48 biennial hours.', counts: [] },
  { state: 'TX', topic: 'Pain management and opioid prescribing', detail: '2 hours every renewal for those who prescribe opioids.', counts: [] },
];
