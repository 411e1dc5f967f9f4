// The preview of a paste as the portal's form shows it: plain data only (it crosses from the
// server action to the browser). Pure.
import type { RangePreview } from './institution-ranges';

export type PreviewLineView = {
  line: number;
  text: string;
  error: string | null;
  /** e.g. "IPv4 range", "IPv6 address" */
  readAs: string;
  cidrs: string[];
  addressCount: string;
  toAdd: string[];
  notes: string[];
  warnings: string[];
};

const KIND_LABEL = { address: 'address', cidr: 'CIDR range', range: 'range', wildcard: 'wildcard' } as const;

export function viewPreview(preview: RangePreview): PreviewLineView[] {
  return preview.lines.map((l) =>
    l.ok
      ? {
          line: l.line,
          text: l.text,
          error: null,
          readAs: `${l.family === 'ipv4' ? 'IPv4' : 'IPv6'} ${KIND_LABEL[l.kind]}`,
          cidrs: l.ranges.map((r) => r.cidr),
          addressCount: l.addressCount,
          toAdd: l.toAdd,
          notes: l.notes,
          warnings: [...l.warnings, ...l.overlaps],
        }
      : {
          line: l.line,
          text: l.text,
          error: l.error,
          readAs: '',
          cidrs: [],
          addressCount: '0',
          toAdd: [],
          notes: [],
          warnings: [],
        },
  );
}
