import type { Metadata } from 'next';
import { SamplePage } from '@/components/ui/sample-page';
import { JOURNAL } from '@/lib/site/journal-facts';

export const metadata: Metadata = { title: 'Accessibility Statement' };

export default function AccessibilityPage() {
  return (
    <SamplePage title="Accessibility Statement">
      <p>
        We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA on every page: articles, the
        paywall, accounts, purchases, CME quizzes and certificates.
      </p>
      <ul>
        <li>Every page is checked automatically with axe in our test suite, at phone and desktop widths.</li>
        <li>Articles can be read without JavaScript, at three text sizes, and with a screen reader.</li>
        <li>Touch targets are at least 44 pixels; forms name every field and explain every error.</li>
      </ul>
      <p>
        If something is hard to use, write to <a href={`mailto:${JOURNAL.accessibility}`}>{JOURNAL.accessibility}</a>{' '}
        and we will send the content in another format.
      </p>
    </SamplePage>
  );
}
