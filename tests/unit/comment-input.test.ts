import { describe, expect, it } from 'vitest';
import { commentInput, stripMarkup } from '@/lib/comments/comment-input';
import { formatCommentCount } from '@/lib/comments/comment-limits';

const DOI = '10.1001/archdermatol.2011.3156';

describe('comment input', () => {
  it('counts characters the way the form shows them', () => {
    expect(formatCommentCount(3812)).toBe('3,812 of 4,000 characters');
    expect(formatCommentCount(0)).toBe('0 of 4,000 characters');
  });

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
    expect(messages({ body: 'x'.repeat(4212), disclosure: 'None' })).toEqual([
      'Your comment is 4,212 characters; the limit is 4,000. Please shorten it by 212 characters and submit again.',
    ]);
    expect(messages({ body: 'x'.repeat(9000), disclosure: 'None' })[0]).toMatch(/^Your comment is 9,000 characters/);
    expect(messages({ body: 'x'.repeat(4000), disclosure: 'None' })).toEqual([]);
    expect(messages({ body: 'A thoughtful remark.', disclosure: 'y'.repeat(501) })).toEqual([
      'Please keep the disclosure under 500 characters.',
    ]);
  });
});
