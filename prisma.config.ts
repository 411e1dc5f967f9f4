// Prisma CLI configuration. Only `prisma generate` runs through the CLI here: migrations go
// through Prisma's schema engine in WASM (scripts/db.ts), because the native engine cannot be
// downloaded on our machines (see README, "Database").
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema',
  migrations: { path: 'prisma/migrations' },
});
