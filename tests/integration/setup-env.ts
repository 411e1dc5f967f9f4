import { inject } from 'vitest';

// Must run before lib/env and lib/db are imported by a test file.
process.env.DATABASE_URL = inject('databaseUrl');
