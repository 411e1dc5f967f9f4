import { ALERT_FREQUENCIES, FREQUENCY_LABELS, type AlertFrequency } from '@/lib/alerts/saved-search-input';

/** How often a saved search emails: as published, a weekly digest, or never. */
export function FrequencySelect({ id, defaultValue }: { id: string; defaultValue: AlertFrequency }) {
  return (
    <span className="alert-form__field">
      <label htmlFor={id}>Email me</label>
      <select id={id} name="frequency" defaultValue={defaultValue}>
        {ALERT_FREQUENCIES.map((f) => (
          <option key={f} value={f}>
            {FREQUENCY_LABELS[f]}
          </option>
        ))}
      </select>
    </span>
  );
}
