import Link from 'next/link';
import './globals.css';

export default function NotFound() {
  return (
    <main id="main" className="page not-found">
      <h1>Page not found</h1>
      <p>We could not find that page. The article may have moved, or the DOI may be mistyped.</p>
      <p>
        <Link href="/">Go to the current issue</Link>
      </p>
    </main>
  );
}
