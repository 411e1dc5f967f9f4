// @ts-check
import { tsImport } from 'tsx/esm/api';
import { MAX_UPLOAD_ACTION_BODY_BYTES } from './scripts/lib/request-guard.mjs';

// Loading the env validates it: a bad setting fails `next build` and `next start` at once, with one
// line naming the key. lib/env.ts is TypeScript, which Node does not load on its own: tsx does.
await tsImport('./lib/env.ts', import.meta.url);

// Next's App Router streams its page data in inline <script> tags, so a script-src without
// 'unsafe-inline' would need a per-request nonce, which would make every page dynamic and
// uncacheable. Everything else is locked down: no plugins, no framing, no foreign forms.
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  // HSTS is not here: these headers are fixed when the site is built, and one build may be served
  // on http and on https. scripts/server.mjs adds it from SITE_URL when it starts.
];

/** @type {import('next').NextConfig} */
const config = {
  // The e2e suite builds into its own folder so it never disturbs a running `npm start`.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  poweredByHeader: false,
  // `npm test` runs `tsc` (npm run typecheck) once, and `npm start` runs it before it builds
  // (scripts/start.ts); checking again in every build only costs time.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  typedRoutes: false,
  // forbidden() answers 403 with app/forbidden.tsx (signed-in readers on admin pages).
  experimental: {
    authInterrupts: true,
    // Turbopack keeps a build cache in distDir for the next build; CI builds a clean clone once,
    // so writing it there only costs time (about 20-30 s of CPU on 2 cores).
    turbopackFileSystemCacheForBuild: !process.env.CI,
    // Next loads every route's code when the server starts; an instance then holds the admin
    // console's spreadsheet, slide and PDF code while it only serves readers. Loaded on first use
    // instead (README, Load and faults: peak memory per instance).
    preloadEntriesOnStart: false,
    // The admin article import sends a zip package of up to 30 MB as a server action. Our server
    // keeps every other page at 1 MB (scripts/lib/request-guard.mjs); this is Next's own backstop.
    serverActions: { bodySizeLimit: MAX_UPLOAD_ACTION_BODY_BYTES },
  },
  headers: () => Promise.resolve([{ source: '/:path*', headers: securityHeaders }]),
  serverExternalPackages: ['@napi-rs/canvas', 'pdfjs-dist', '@electric-sql/pglite', 'pptxgenjs', 'graphile-worker'],
};

export default config;
