import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { env } from '@/lib/env';
import './globals.css';

export const metadata: Metadata = {
  metadataBase: new URL(env.SITE_URL),
  title: { default: 'Archives of Dermatology', template: '%s | Archives of Dermatology' },
  description: 'Archives of Dermatology: peer-reviewed research, commentary and CME for dermatologists.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // data-text-size is set by /text-size.js before paint; React must not fight over it.
    <html lang="en" data-text-size="medium" suppressHydrationWarning>
      <head>
        {/* Blocking on purpose: a tiny, cached script that sets the text size before first paint. */}
        {/* eslint-disable-next-line @next/next/no-sync-scripts */}
        <script src="/text-size.js" />
        {/* Same idea for the Related Content box order (see the comment in the script). */}
        {/* eslint-disable-next-line @next/next/no-sync-scripts */}
        <script src="/related-order.js" />
        {/* Not blocking: remembers this browser's time zone for the next page (see the script). */}
        <script src="/time-zone.js" async />
      </head>
      <body>{children}</body>
    </html>
  );
}
