// The two seeded CME activities. Each question lists its options with the preferred one first;
// the seed shuffles nothing, so the order here is the order shown, and `preferred` says which.
export type SeedQuestion = { stem: string; options: string[]; preferred: number; rationale: string };
export type SeedPerson = { name: string; affiliation: string; relationships: string[] };
export type SeedActivity = {
  key: 'dermatology' | 'heartFailure';
  title: string;
  doi: string | null;
  objectives: string[];
  // Sample facts (names, affiliations, relationships are invented for the demo, and say so).
  estimatedMinutes: number;
  targetAudience: string;
  abimMocPoints: number | null;
  faculty: SeedPerson[];
  planners: SeedPerson[];
  questions: SeedQuestion[];
};

export const CME_ACTIVITIES: SeedActivity[] = [
  {
    key: 'dermatology',
    title: 'Intravenous Immunoglobulin Therapy in Severe Cutaneous Adverse Reactions',
    doi: '10.1001/archdermatol.2011.3156',
    objectives: [
      'Name the severe cutaneous adverse reactions and their expected mortality.',
      'Weigh the evidence for and against intravenous immunoglobulin in DRESS and TEN.',
    ],
    estimatedMinutes: 60,
    targetAudience: 'Dermatologists, internists, hospitalists and emergency physicians who treat drug reactions.',
    abimMocPoints: null,
    faculty: [
      {
        name: 'Robin Sample, MD (sample faculty)',
        affiliation: 'Department of Dermatology, Example University Hospital (sample text)',
        relationships: [],
      },
    ],
    planners: [
      {
        name: 'Dana Placeholder, MD (sample planner)',
        affiliation: 'CME Planning Committee (sample text)',
        relationships: ['Advisory board: Sample Pharma Inc. (sample text)'],
      },
      {
        name: 'Lee Demo, PharmD (sample planner)',
        affiliation: 'CME Planning Committee (sample text)',
        relationships: [],
      },
    ],
    questions: [
      {
        stem: 'Which of the following is NOT usually classed as a severe cutaneous adverse reaction (SCAR)?',
        options: [
          'Stevens-Johnson syndrome',
          'Toxic epidermal necrolysis',
          'Drug rash with eosinophilia and systemic symptoms',
          'Fixed drug eruption',
        ],
        preferred: 3,
        rationale:
          'SCARs include DRESS, SJS and TEN. A fixed drug eruption recurs at the same site and is rarely life-threatening.',
      },
      {
        stem: 'Mortality in toxic epidermal necrolysis has been reported as high as approximately:',
        options: ['1%', '5%', '30%', '75%'],
        preferred: 2,
        rationale: 'The commentary cites mortality up to 10% in DRESS and as high as 30% in TEN.',
      },
      {
        stem: 'The first-line treatment most often used for DRESS is:',
        options: ['Systemic corticosteroids', 'Intravenous immunoglobulin', 'Plasmapheresis', 'Cyclosporine'],
        preferred: 0,
        rationale: 'DRESS is most often treated with systemic steroids; IVIG was studied as an alternative.',
      },
      {
        stem: 'In the trial of IVIG for DRESS discussed in the commentary, how many of the 6 patients had an adverse reaction?',
        options: ['None', '1', '3', '5'],
        preferred: 3,
        rationale:
          'Five of 6 patients had an adverse reaction, with only 1 complete and 1 partial response: a poor benefit/risk ratio.',
      },
      {
        stem: 'Based on the small study discussed, the commentary recommends that IVIG in DRESS should be:',
        options: [
          'Used first line in every patient',
          'Avoided, pending further research',
          'Reserved for children',
          'Combined with systemic steroids',
        ],
        preferred: 1,
        rationale:
          'Given the poor benefit/risk balance, IVIG should be avoided in DRESS until further research shows otherwise.',
      },
    ],
  },
  {
    key: 'heartFailure',
    title: 'A Proposed Model for Initial Assessment and Management of Acute Heart Failure Syndromes',
    doi: null,
    objectives: [
      'Stratify patients with acute heart failure syndromes in the first hours of care.',
      'Choose initial therapy by blood pressure, congestion and perfusion.',
      'Plan the transition from hospital to outpatient care.',
    ],
    estimatedMinutes: 75,
    targetAudience: 'Cardiologists, internists, hospitalists and emergency physicians.',
    abimMocPoints: 1,
    faculty: [
      {
        name: 'Sam Example, MD (sample faculty)',
        affiliation: 'Division of Cardiology, Example Medical Center (sample text)',
        relationships: [
          'Consultant: Sample Devices LLC (sample text)',
          'Research grant: Example Biotech (sample text)',
        ],
      },
    ],
    planners: [
      {
        name: 'Dana Placeholder, MD (sample planner)',
        affiliation: 'CME Planning Committee (sample text)',
        relationships: [],
      },
    ],
    questions: [
      {
        stem: 'In most patients hospitalized with acute heart failure syndromes (AHFS), the dominant presenting problem is:',
        options: [
          'Congestion rather than low cardiac output',
          'Cardiogenic shock',
          'Ventricular tachycardia',
          'Pulmonary embolism',
        ],
        preferred: 0,
        rationale: 'Most patients present with signs of congestion; fewer than 10% present with low output or shock.',
      },
      {
        stem: 'Which finding at presentation is most strongly associated with higher in-hospital mortality in AHFS?',
        options: [
          'Systolic blood pressure above 160 mm Hg',
          'Low systolic blood pressure',
          'Preserved ejection fraction',
          'Female sex',
        ],
        preferred: 1,
        rationale:
          'Low systolic blood pressure at admission predicts higher mortality; hypertensive presentations carry lower risk.',
      },
      {
        stem: 'For a patient with AHFS, systolic pressure of 170 mm Hg and pulmonary congestion, the preferred initial therapy is:',
        options: [
          'Intravenous inotropes',
          'A vasodilator with a loop diuretic',
          'Beta-blocker loading dose',
          'Fluid challenge',
        ],
        preferred: 1,
        rationale:
          'Hypertensive AHFS with congestion responds to vasodilators (eg, nitrates) and diuretics; inotropes are for low output.',
      },
      {
        stem: 'An elevated cardiac troponin level in a patient with AHFS without acute coronary syndrome indicates:',
        options: ['A laboratory artifact', 'Higher risk of death', 'Need for thrombolysis', 'Renal failure only'],
        preferred: 1,
        rationale: 'Troponin release reflects ongoing myocardial injury and independently predicts worse outcomes.',
      },
      {
        stem: 'Which natriuretic peptide result best supports a diagnosis of heart failure in a patient with acute dyspnea?',
        options: [
          'BNP below 100 pg/mL',
          'BNP above 400 pg/mL',
          'Any detectable BNP',
          'BNP is not useful in acute dyspnea',
        ],
        preferred: 1,
        rationale: 'BNP above 400 pg/mL makes heart failure likely; below 100 pg/mL makes it unlikely.',
      },
      {
        stem: 'Inotropic agents such as milrinone in AHFS should be reserved for patients with:',
        options: [
          'Hypertension and congestion',
          'Low output with signs of hypoperfusion',
          'Atrial fibrillation',
          'Any ejection fraction below 40%',
        ],
        preferred: 1,
        rationale:
          'Routine inotrope use increases arrhythmia and hypotension; they are for low-output states with hypoperfusion.',
      },
      {
        stem: 'Worsening renal function during treatment of AHFS is associated with:',
        options: [
          'Better long-term outcomes',
          'Longer stays and higher mortality',
          'No prognostic value',
          'Lower readmission rates',
        ],
        preferred: 1,
        rationale:
          'Worsening renal function (cardiorenal syndrome) predicts longer hospitalization and higher mortality.',
      },
      {
        stem: 'Which evidence-based therapy should be started or continued before discharge in a stable patient with reduced ejection fraction?',
        options: [
          'A beta-blocker',
          'A nondihydropyridine calcium channel blocker',
          'A nonsteroidal anti-inflammatory drug',
          'A thiazolidinedione',
        ],
        preferred: 0,
        rationale:
          'Beta-blockers (with ACE inhibitors) reduce mortality; initiation before discharge improves long-term use.',
      },
      {
        stem: 'Early after discharge from an AHFS hospitalization, the risk of death or rehospitalization within 60 to 90 days is approximately:',
        options: ['Under 5%', 'About 10%', 'Up to 30% to 50%', 'Over 80%'],
        preferred: 2,
        rationale:
          'The post-discharge "vulnerable phase" carries 60- to 90-day rehospitalization or death rates up to 30% to 50%.',
      },
      {
        stem: 'Which is the most important measure of persistent congestion at discharge?',
        options: [
          'Orthopnea and elevated jugular venous pressure',
          'Heart rate below 60/min',
          'Normal serum sodium',
          'A third heart sound alone',
        ],
        preferred: 0,
        rationale: 'Residual orthopnea and raised jugular venous pressure at discharge predict early readmission.',
      },
    ],
  },
];
