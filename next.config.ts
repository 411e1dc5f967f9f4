import type { NextConfig } from 'next';
// Importing the env validates it: a bad setting fails `next build` and `next start` at once.
import './lib/env';

const config: NextConfig = {
  // The e2e suite builds into its own folder so it never disturbs a running `npm start`.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  poweredByHeader: false,
  // `npm test` runs `tsc` (npm run typecheck) once; checking again in every build only costs time.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  typedRoutes: false,
  // forbidden() answers 403 with app/forbidden.tsx (signed-in readers on admin pages).
  experimental: { authInterrupts: true },
  serverExternalPackages: ['@napi-rs/canvas', 'pdfjs-dist', '@electric-sql/pglite'],
};

export default config;
