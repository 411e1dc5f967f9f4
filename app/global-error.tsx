'use client';

export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'Georgia, serif', maxWidth: '40rem', margin: '4rem auto', padding: '0 1rem' }}>
        <h1>Something went wrong</h1>
        <p>The journal is having trouble right now. Please try again in a moment.</p>
        <button type="button" onClick={reset}>
          Try again
        </button>
      </body>
    </html>
  );
}
