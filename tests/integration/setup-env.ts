import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';

// Must run before lib/env and lib/db are imported by a test file.
process.env.DATABASE_URL = inject('databaseUrl');
// Signs known-device cookies (lib/auth/known-device.ts), as NEXTAUTH_SECRET does on a server.
process.env.NEXTAUTH_SECRET ??= 'integration-tests-only-secret-0123456789abcdef';
// COUNTER usage waits in a spool folder of this file's own: nothing another run left is replayed here.
process.env.USAGE_SPOOL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'usage-spool-'));
