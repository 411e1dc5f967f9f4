import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env-schema';
import {
  composeFollowUpEmail,
  DAY_MS,
  FOLLOW_UP_ANSWER_LABELS,
  FOLLOW_UP_ANSWERS,
  followUpDueAt,
} from '@/lib/cme/follow-up-email';

const base = {
  to: 'ada@example.org',
  learnerName: 'Ada Learner, MD',
  activityTitle: 'Atopic Dermatitis in Adults',
  commitment: 'Ask every patient about sleep.\nUse the EASI score.',
  siteUrl: 'https://journal.example',
  token: 'T'.repeat(43),
};

describe('Commitment-to-Change follow-up email', () => {
  it('is due the configured number of days after the commitment, to the millisecond', () => {
    const at = new Date('2026-11-30T23:59:59.250Z');
    expect(followUpDueAt(at, 28).toISOString()).toBe('2026-12-28T23:59:59.250Z');
    expect(followUpDueAt(at, 1).getTime() - at.getTime()).toBe(DAY_MS);
  });

  it('quotes the commitment and gives one link per answer, each to the confirm page with that answer chosen', () => {
    const email = composeFollowUpEmail({ ...base, delayDays: 28 });
    expect(email.to).toBe('ada@example.org');
    expect(email.subject).toBe('Did you make the change? Your commitment from “Atopic Dermatitis in Adults”');
    expect(email.text).toContain('4 weeks ago, after completing the CME activity “Atopic Dermatitis in Adults”');
    expect(email.text).toContain('  > Ask every patient about sleep.\n  > Use the EASI score.');
    for (const answer of FOLLOW_UP_ANSWERS)
      expect(email.text).toContain(
        `${FOLLOW_UP_ANSWER_LABELS[answer]}:\nhttps://journal.example/cme/follow-up?token=${base.token}&answer=${answer}`,
      );
    expect(email.text.match(/https:\/\//g)).toHaveLength(4);
  });

  it('says the delay in words a reader expects', () => {
    expect(composeFollowUpEmail({ ...base, delayDays: 7 }).text).toMatch(/^Hello Ada Learner, MD,\n\nA week ago/);
    expect(composeFollowUpEmail({ ...base, delayDays: 10 }).text).toContain('\n\n10 days ago');
    expect(composeFollowUpEmail({ ...base, delayDays: 1 }).text).toContain('\n\nA day ago');
  });

  it('takes the delay from CME_FOLLOW_UP_DELAY_DAYS (4 weeks by default) and refuses one that is not whole days', () => {
    expect(parseEnv({}).CME_FOLLOW_UP_DELAY_DAYS).toBe(28);
    expect(parseEnv({ CME_FOLLOW_UP_DELAY_DAYS: '42' }).CME_FOLLOW_UP_DELAY_DAYS).toBe(42);
    expect(() => parseEnv({ CME_FOLLOW_UP_DELAY_DAYS: '0' })).toThrow(
      /^Invalid environment: CME_FOLLOW_UP_DELAY_DAYS must be at least 1 \(day\)/,
    );
    expect(() => parseEnv({ CME_FOLLOW_UP_DELAY_DAYS: '2.5' })).toThrow(/CME_FOLLOW_UP_DELAY_DAYS/);
  });
});
