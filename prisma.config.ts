import { defineConfig } from 'prisma/config'

// The app applies migrations itself (see app/utils/db/migrate.server.ts); this file serves the
// Prisma CLI, e.g. `prisma migrate deploy` wherever its engines can be downloaded.
export default defineConfig({
	schema: 'prisma/schema.prisma',
	migrations: { path: 'prisma/migrations' },
	datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/ai_governance' },
})
