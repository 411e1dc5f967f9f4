'use client';

import { useActionState, useId } from 'react';
import type { ActionState } from '@/lib/http/action';
import { FormMessage } from '@/components/ui/form-field';

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  hidden?: Record<string, string>;
  current: { scopes: string[]; allowedAffiliations: string[]; entitlement: string | null } | null;
};

/**
 * The identity provider's metadata, pasted or uploaded (a server action: works without
 * JavaScript too), and the rules that map its attributes to the institution's access.
 */
export function IdpSettingsForm({ action, hidden = {}, current }: Props) {
  const [state, formAction, isPending] = useActionState(action, { ok: false, message: '' });
  const id = useId();
  return (
    <form action={formAction} className="form">
      <FormMessage ok={state.ok} message={state.message} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="form-field">
        <label htmlFor={`${id}-xml`}>Identity provider metadata (paste the XML)</label>
        <textarea id={`${id}-xml`} name="metadataXml" rows={8} spellCheck={false} aria-describedby={`${id}-xml-hint`} />
        <p id={`${id}-xml-hint`} className="form-field__hint">
          The &lt;md:EntityDescriptor&gt; your Shibboleth or OpenAthens identity provider publishes: its entityID,
          signing certificate and sign-in address are read from it.
        </p>
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-file`}>…or upload the metadata file</label>
        <input
          id={`${id}-file`}
          type="file"
          name="metadataFile"
          accept=".xml,application/xml,text/xml,application/samlmetadata+xml"
        />
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-scopes`}>Scopes (empty: those in the metadata)</label>
        <textarea id={`${id}-scopes`} name="scopes" rows={2} defaultValue={current?.scopes.join('\n')} />
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-aff`}>
          Affiliations that give access (empty: member, faculty, staff, student, employee)
        </label>
        <textarea
          id={`${id}-aff`}
          name="allowedAffiliations"
          rows={2}
          defaultValue={current?.allowedAffiliations.join('\n')}
        />
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-ent`}>Entitlement that gives access by itself (optional)</label>
        <input
          id={`${id}-ent`}
          name="entitlement"
          defaultValue={current?.entitlement ?? ''}
          placeholder="urn:mace:dir:entitlement:common-lib-terms"
        />
      </div>
      <button type="submit" className="button" disabled={isPending}>
        {isPending ? 'Saving…' : 'Save identity provider'}
      </button>
    </form>
  );
}
