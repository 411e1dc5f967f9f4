import type { Metadata } from 'next';
import { SamplePage } from '@/components/ui/sample-page';
import { JOURNAL } from '@/lib/site/journal-facts';

export const metadata: Metadata = { title: 'Contact' };

export default function ContactPage() {
  return (
    <SamplePage title="Contact">
      <dl className="facts">
        <dt>Editorial office (manuscripts, corrections)</dt>
        <dd>
          <a href={`mailto:${JOURNAL.editorialOffice}`}>{JOURNAL.editorialOffice}</a>
        </dd>
        <dt>Subscriptions, purchases and institutional access</dt>
        <dd>
          <a href={`mailto:${JOURNAL.subscriptions}`}>{JOURNAL.subscriptions}</a>
        </dd>
        <dt>Accessibility</dt>
        <dd>
          <a href={`mailto:${JOURNAL.accessibility}`}>{JOURNAL.accessibility}</a>
        </dd>
      </dl>
      <p>We answer within two working days.</p>
    </SamplePage>
  );
}
