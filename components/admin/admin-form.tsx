'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition, type FormEvent } from 'react';
import { errorReplySchema } from '@/lib/http/error-reply';

export type AdminField =
  | { kind: 'text' | 'email' | 'date'; name: string; label: string; defaultValue?: string; required?: boolean }
  | { kind: 'select'; name: string; label: string; options: { value: string; label: string }[]; defaultValue?: string }
  | { kind: 'checkbox'; name: string; label: string; defaultChecked?: boolean }
  /** One entry per line (or comma), sent as an array. */
  | { kind: 'list'; name: string; label: string; defaultValue?: string[]; hint?: string }
  /**
   * A text file read in the browser and sent as `name`, its file name as `fileName`. With `binary`,
   * its bytes go as base64 in `${name}Base64`, so the server decodes them (an XML file's own encoding).
   */
  | { kind: 'file'; name: string; label: string; accept: string; maxBytes: number; binary?: boolean };

type Props = {
  endpoint: string;
  fields: AdminField[];
  submitLabel: string;
  hidden?: Record<string, string>;
  /** Asks before sending (for destructive actions). */
  confirm?: string;
  compact?: boolean;
};

type Result = { ok: boolean; message: string; details: string[] };

/** The server's refusal with each field named by its label ("Ends on: Enter a valid date."), never its key. */
function describeRefusal(body: unknown, status: number, fields: AdminField[]): Result {
  const reply = errorReplySchema.safeParse(body);
  const issues = reply.success ? (reply.data.issues ?? []) : [];
  const labelOf = (key: string) => fields.find((f) => f.name === key)?.label;
  if (issues.length > 0 && issues.every((i) => labelOf(i.field)))
    return {
      ok: false,
      message: issues.length === 1 ? 'Please correct this field.' : 'Please correct these fields.',
      details: issues.map((i) => `${labelOf(i.field)}: ${i.message}`),
    };
  return {
    ok: false,
    message: reply.success ? reply.data.error : `The server answered ${status}.`,
    details: [],
  };
}

function describeSuccess(body: Record<string, unknown>): Result {
  const details = [
    ...((body.warnings as string[] | undefined) ?? []).map((w) => `Warning: ${w}`),
    ...((body.problems as { line: number; reason: string }[] | undefined) ?? []).map(
      (p) => `Line ${p.line}: ${p.reason}`,
    ),
  ];
  const counts =
    typeof body.imported === 'number'
      ? ` ${body.imported} imported, ${typeof body.updated === 'number' ? body.updated : 0} updated, ${details.length} rejected.`
      : '';
  return { ok: true, message: `Saved.${counts}`, details };
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A small admin form that posts JSON to an admin route and shows the outcome; the page then refreshes. */
export function AdminForm({ endpoint, fields, submitLabel, hidden = {}, confirm, compact }: Props) {
  const router = useRouter();
  const id = useId();
  const [result, setResult] = useState<Result | null>(null);
  const [isPending, startTransition] = useTransition();

  async function collect(form: HTMLFormElement): Promise<Record<string, unknown> | string> {
    const data: Record<string, unknown> = { ...hidden };
    for (const f of fields) {
      const el = form.elements.namedItem(f.name) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null;
      if (!el) continue;
      if (f.kind === 'checkbox') data[f.name] = (el as HTMLInputElement).checked;
      else if (f.kind === 'list')
        data[f.name] = el.value
          .split(/[\n,]/)
          .map((s) => s.trim())
          .filter(Boolean);
      else if (f.kind === 'file') {
        const file = (el as HTMLInputElement).files?.[0];
        if (!file) return `Choose a file for “${f.label}”.`;
        if (file.size > f.maxBytes)
          return `The file is larger than ${Math.round(f.maxBytes / 1024)} KB. Nothing was sent.`;
        if (f.binary) data[`${f.name}Base64`] = toBase64(new Uint8Array(await file.arrayBuffer()));
        else data[f.name] = await file.text();
        data.fileName = file.name;
      } else data[f.name] = el.value;
    }
    return data;
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (confirm && !window.confirm(confirm)) return;
    const form = event.currentTarget;
    startTransition(async () => {
      const data = await collect(form);
      if (typeof data === 'string') return setResult({ ok: false, message: data, details: [] });
      const res = await fetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(data),
      });
      const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
      if (!res.ok) return setResult(describeRefusal(body, res.status, fields));
      setResult(describeSuccess(body));
      router.refresh();
    });
  }

  return (
    <form className={compact ? 'admin-form admin-form--compact' : 'admin-form'} onSubmit={onSubmit} noValidate>
      {fields.map((f) => {
        const fid = `${id}-${f.name}`;
        return (
          <div key={f.name} className={f.kind === 'checkbox' ? 'form-field form-field--checkbox' : 'form-field'}>
            {f.kind !== 'checkbox' && <label htmlFor={fid}>{f.label}</label>}
            {f.kind === 'select' ? (
              <select id={fid} name={f.name} defaultValue={f.defaultValue}>
                {f.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : f.kind === 'checkbox' ? (
              <label>
                <input id={fid} type="checkbox" name={f.name} defaultChecked={f.defaultChecked} /> {f.label}
              </label>
            ) : f.kind === 'list' ? (
              <textarea
                id={fid}
                name={f.name}
                rows={3}
                defaultValue={f.defaultValue?.join('\n')}
                aria-describedby={f.hint ? `${fid}-hint` : undefined}
              />
            ) : f.kind === 'file' ? (
              <input id={fid} type="file" name={f.name} accept={f.accept} />
            ) : (
              <input id={fid} type={f.kind} name={f.name} defaultValue={f.defaultValue} required={f.required} />
            )}
            {f.kind === 'list' && f.hint && (
              <p id={`${fid}-hint`} className="form-field__hint">
                {f.hint}
              </p>
            )}
          </div>
        );
      })}
      <button type="submit" className="button" disabled={isPending}>
        {isPending ? 'Saving…' : submitLabel}
      </button>
      {result && (
        <div
          className={result.ok ? 'form-message form-message--ok' : 'form-message form-message--error'}
          role={result.ok ? 'status' : 'alert'}
        >
          <p>{result.message}</p>
          {result.details.length > 0 && (
            <ul>
              {result.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
