import { describe, expect, it } from 'vitest';
import {
  BOX_IDS,
  boxOrderSchema,
  formatBoxOrderCookie,
  moveBox,
  parseBoxOrderCookie,
  sidebarLayoutSchema,
} from '@/lib/related/box-order';

describe('box order', () => {
  it('accepts every known box once, in any order', () => {
    expect(boxOrderSchema.parse(['pubmed', 'topics', 'by-topic', 'see-also'])).toEqual([
      'pubmed',
      'topics',
      'by-topic',
      'see-also',
    ]);
  });

  it('rejects unknown, repeated and missing boxes with a readable message', () => {
    expect(boxOrderSchema.safeParse(['pubmed', 'topics', 'by-topic', 'ads']).error?.issues[0]?.message).toMatch(
      /Unknown box/,
    );
    expect(boxOrderSchema.safeParse(['pubmed', 'pubmed', 'by-topic', 'see-also']).error?.issues[0]?.message).toBe(
      'Each box may appear only once.',
    );
    expect(boxOrderSchema.safeParse(['pubmed']).success).toBe(false);
  });

  it('round-trips through the cookie and ignores a tampered cookie', () => {
    const order = moveBox(BOX_IDS, 'pubmed', 'see-also');
    expect(order).toEqual(['pubmed', 'see-also', 'by-topic', 'topics']);
    expect(parseBoxOrderCookie(formatBoxOrderCookie({ order, hidden: [] }))).toEqual({ order, hidden: [] });
    // An order-only cookie (written before boxes could stay hidden) still reads.
    expect(parseBoxOrderCookie('pubmed.see-also.by-topic.topics')).toEqual({ order, hidden: [] });
    expect(parseBoxOrderCookie('pubmed.pubmed.topics.see-also')).toBeNull();
    expect(parseBoxOrderCookie('<script>')).toBeNull();
    expect(parseBoxOrderCookie(undefined)).toBeNull();
  });

  it('keeps hidden boxes with the order, and refuses unknown or repeated hidden boxes', () => {
    const layout = { order: [...BOX_IDS], hidden: ['topics' as const, 'pubmed' as const] };
    expect(formatBoxOrderCookie(layout)).toBe('see-also.by-topic.topics.pubmed~topics.pubmed');
    expect(parseBoxOrderCookie(formatBoxOrderCookie(layout))).toEqual(layout);
    expect(parseBoxOrderCookie('see-also.by-topic.topics.pubmed~ads')).toBeNull();
    expect(parseBoxOrderCookie('see-also.by-topic.topics.pubmed~topics.topics')).toBeNull();
    expect(parseBoxOrderCookie('see-also.by-topic.topics.pubmed~topics~pubmed')).toBeNull();
    expect(sidebarLayoutSchema.safeParse({ order: BOX_IDS, hidden: ['ads'] }).error?.issues[0]?.message).toMatch(
      /Unknown box/,
    );
  });

  it('moves a box down and up like a drop', () => {
    expect(moveBox(BOX_IDS, 'see-also', 'topics')).toEqual(['by-topic', 'topics', 'see-also', 'pubmed']);
    expect(moveBox(BOX_IDS, 'pubmed', 'by-topic')).toEqual(['see-also', 'pubmed', 'by-topic', 'topics']);
    expect(moveBox(BOX_IDS, 'pubmed', 'pubmed')).toEqual([...BOX_IDS]);
  });
});
