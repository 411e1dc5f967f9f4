'use client';

import { useActionState, type ReactNode } from 'react';
import { saveLearnerProfileAction } from '@/lib/cme/profile-actions';
import { FormField, FormMessage } from '@/components/ui/form-field';
import styles from './cme.module.css';
import { MONTH_NAMES } from '@/lib/format-date';
import { REPORTING_BOARDS } from '@/lib/cme/reporting-boards';

export type LearnerProfileValues = {
  npi: string;
  npiConsent: boolean;
  boardName: string;
  boardId: string;
  boardConsent: boolean;
  birthMonth: number;
  birthDay: number;
  birthConsent: boolean;
  licencesConsent: boolean;
  licences: { stateCode: string; number: string }[];
};

type Props = { values: LearnerProfileValues; states: { code: string; name: string }[]; licenceRows: number };

/** Board-reporting details; each group has its own consent box and is only kept with it ticked. */
export function LearnerProfileForm({ values, states, licenceRows }: Props) {
  const [state, formAction, isPending] = useActionState(saveLearnerProfileAction, { ok: false, message: '' });
  const error = (name: string) => state.fieldErrors?.[name];
  return (
    <form action={formAction} className="form">
      <FormMessage ok={state.ok} message={state.message} />
      <Group
        legend="National Provider Identifier"
        consentName="npiConsent"
        consent={values.npiConsent}
        consentLabel="I consent to my NPI being reported with my credit"
      >
        <FormField
          label="NPI (10 digits)"
          name="npi"
          inputMode="numeric"
          maxLength={10}
          defaultValue={values.npi}
          error={error('npi')}
        />
      </Group>
      <Group
        legend="State medical licences"
        consentName="licencesConsent"
        consent={values.licencesConsent}
        consentLabel="I consent to my licence numbers being reported to these states' boards"
      >
        {Array.from({ length: licenceRows }, (_, i) => (
          <div key={i} className="form-field">
            <label htmlFor={`licenceState${i}`}>Licence {i + 1}: state</label>
            <select
              id={`licenceState${i}`}
              name={`licenceState${i}`}
              defaultValue={values.licences[i]?.stateCode ?? ''}
              className={styles.select}
            >
              <option value="">No state</option>
              {states.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.name}
                </option>
              ))}
            </select>
            <FormField
              label={`Licence ${i + 1}: number`}
              name={`licenceNumber${i}`}
              maxLength={40}
              defaultValue={values.licences[i]?.number ?? ''}
            />
          </div>
        ))}
      </Group>
      <Group
        legend="Certifying board"
        consentName="boardConsent"
        consent={values.boardConsent}
        consentLabel="I consent to my board identifier being reported with my credit"
      >
        <FormField
          label="Board name"
          name="boardName"
          maxLength={120}
          defaultValue={values.boardName}
          list="reporting-boards"
          hint="We report MOC credit to ABIM, ABP, ABS, ABPath and ABOHNS (through ACCME's PARS)."
        />
        <datalist id="reporting-boards">
          {REPORTING_BOARDS.map((b) => (
            <option key={b.code} value={b.code}>
              {b.name}
            </option>
          ))}
        </datalist>
        <FormField
          label="Board ID"
          name="boardId"
          maxLength={40}
          defaultValue={values.boardId}
          hint="Your diplomate id, e.g. your six-digit ABIM id."
        />
      </Group>
      <Group
        legend="Month and day of birth"
        consentName="birthConsent"
        consent={values.birthConsent}
        consentLabel="I consent to my month and day of birth being used to match my board record"
      >
        <div className="form-field">
          <label htmlFor="birthMonth">Month</label>
          <select id="birthMonth" name="birthMonth" defaultValue={String(values.birthMonth)} className={styles.select}>
            <option value="0">Not given</option>
            {MONTH_NAMES.map((m, i) => (
              <option key={m} value={String(i + 1)}>
                {m}
              </option>
            ))}
          </select>
        </div>
        <FormField
          label="Day"
          name="birthDay"
          type="number"
          min={0}
          max={31}
          defaultValue={values.birthDay || ''}
          error={error('birthDay')}
        />
      </Group>
      <button type="submit" className="button" disabled={isPending}>
        Save profile
      </button>
    </form>
  );
}

function Group(props: {
  legend: string;
  consentName: string;
  consent: boolean;
  consentLabel: string;
  children: ReactNode;
}) {
  return (
    <fieldset className={styles.question}>
      <legend>{props.legend}</legend>
      {props.children}
      <label className={styles.option}>
        <input type="checkbox" name={props.consentName} defaultChecked={props.consent} />
        <span>{props.consentLabel}</span>
      </label>
    </fieldset>
  );
}
