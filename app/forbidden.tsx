import Link from 'next/link';
import './globals.css';

export default function Forbidden() {
  return (
    <main id="main" className="page not-found">
      <h1>Not allowed</h1>
      <p>Your account does not have access to this page. If you think it should, please contact the journal office.</p>
      <p>
        <Link href="/">Go to the current issue</Link>
      </p>
    </main>
  );
}
