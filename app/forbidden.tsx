// forbidden() is called inside layouts that already have the site's header, footer and <main>.
import Link from 'next/link';

export default function Forbidden() {
  return (
    <div className="page">
      <h1>Not allowed</h1>
      <p>Your account does not have access to this page. If you think it should, please contact the journal office.</p>
      <p>
        <Link href="/">Go to the current issue</Link>
      </p>
    </div>
  );
}
