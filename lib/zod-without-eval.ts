// Zod 4 tries `new Function("")` once to see whether it may compile faster object parsers. Our
// Content-Security-Policy forbids eval, so in a browser that try is a CSP violation (Chromium's
// Issues panel, Lighthouse's best practices) although nothing breaks. The few replies a browser
// parses need no compiled parsers; the server keeps them. Imported by every schema a client
// component parses with.
import { z } from 'zod';

if (typeof window !== 'undefined') z.config({ jitless: true });
