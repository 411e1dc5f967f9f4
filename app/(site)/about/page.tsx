import type { Metadata } from 'next';
import Link from 'next/link';
import { SamplePage } from '@/components/ui/sample-page';
import { JOURNAL } from '@/lib/site/journal-facts';

export const metadata: Metadata = { title: 'About the Journal' };

export default function AboutPage() {
  return (
    <SamplePage title="About the Journal">
      <p>
        {JOURNAL.title} publishes peer-reviewed research, commentary and continuing medical education for dermatologists
        and the physicians who care for patients with skin disease.
      </p>
      <h2>Publication facts</h2>
      <dl className="facts">
        <dt>Publisher</dt>
        <dd>{JOURNAL.publisher}</dd>
        <dt>ISSN (print)</dt>
        <dd>{JOURNAL.printIssn}</dd>
        <dt>ISSN (online)</dt>
        <dd>{JOURNAL.onlineIssn}</dd>
        <dt>Frequency</dt>
        <dd>Monthly, with articles online first</dd>
      </dl>
      <h2>Access</h2>
      <p>
        Abstracts and free articles are open to everyone. Full text comes with a{' '}
        <Link href="/subscribe">subscription</Link>, 24-hour access to one article, society membership or your
        institution&apos;s licence. <Link href="/cme">CME activities</Link> are open to registered readers.
      </p>
    </SamplePage>
  );
}
