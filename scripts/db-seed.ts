// `npm run db:seed`: applies migrations and loads the demo data into the configured database.
import { database } from '#app/utils/db.server.ts'
import { demoDataRefused, getEnv } from '#app/utils/env.server.ts'
import { ensureShippedPackLoaded } from '#app/modules/policies/pack-admin.server.ts'
import { seedDemoData } from '#prisma/seed/seed.server.ts'

if (demoDataRefused(getEnv())) {
	console.error(
		'Refused: demo accounts (with their published password) are never loaded into a production PostgreSQL database (NODE_ENV=production with DATABASE_URL).',
	)
	process.exit(1)
}

try {
	// Under the start-up lock, so that an app instance starting meanwhile waits for the seed.
	await database.underStartupLock(async () => {
		const applied = await database.migrate()
		if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`)
		await ensureShippedPackLoaded(database.prisma)
		await seedDemoData(database.prisma)
	})
	console.log('Demo data loaded.')
} finally {
	await database.close()
}
