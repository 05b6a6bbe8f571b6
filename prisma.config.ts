import { defineConfig } from 'prisma/config';

// Prisma's CLI is used here for `generate`, `validate` and `format` only: migrations are applied by
// scripts/migrate.ts (see docs/architecture.md, "Migrations"). The URL matters only where the schema
// engine exists (e.g. `prisma migrate status` on a machine with internet).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/studio' },
});
