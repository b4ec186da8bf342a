import { defineConfig } from 'prisma/config';

// Prisma's CLI is used here only for `prisma generate`; migrations are applied
// by src/migrate.ts. DATABASE_URL is read directly because env() throws when it
// is unset, and generate needs no database.
export default defineConfig({
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/bazaar' },
});
