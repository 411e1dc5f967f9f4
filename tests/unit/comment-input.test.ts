import { describe, expect, it } from 'vitest';
import { commentInput, stripMarkup } from '@/lib/comments/comment-input';

const DOI = '10.1001/archdermatol.2011.3156';

describe('comment input', () => {
  it('keeps plain text and strips markup, scripts included', () => {
    expect(stripMarkup('<p>Good <b>point</b></p><script>alert(1)</script>')).toBe('Good point');
    expect(stripMarkup('Dose < 2 g/kg & > 1 g/kg')).toBe('Dose < 2 g/kg & > 1 g/kg');
  });

  it('requires a disclosure and a comment of sensible length, with clear messages', () => {
    const messages = (input: object) =>
      commentInput.safeParse({ doi: DOI, ...input }).error?.issues.map((i) => i.message) ?? [];
    expect(messages({ body: 'A thoughtful remark.', disclosure: 'None' })).toEqual([]);
    expect(messages({ body: 'A thoughtful remark.', disclosure: '  ' })).toEqual([
      'Please state any conflict of interest, or write "None".',
    ]);
    expect(messages({ body: '<i>short</i>', disclosure: 'None' })).toEqual(['Please write at least 10 characters.']);
    expect(messages({ body: 'x'.repeat(4001), disclosure: 'None' })).toEqual([
      'Please keep your comment under 4000 characters.',
    ]);
    expect(messages({ body: 'A thoughtful remark.', disclosure: 'y'.repeat(501) })).toEqual([
      'Please keep the disclosure under 500 characters.',
    ]);
  });
});
