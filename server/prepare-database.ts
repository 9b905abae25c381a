import { type PrismaClient } from '#app/generated/prisma/client.ts'
import { ensureShippedPackLoaded } from '#app/modules/policies/pack-admin.server.ts'
import { ensureInitialAdministrator } from '#app/modules/users/invitations.server.ts'
import { seedDemoData } from '#prisma/seed/seed.server.ts'
import { database as appDatabase } from '#app/utils/db.server.ts'
import { appUrlOf, demoDataRefused, getEnv } from '#app/utils/env.server.ts'
import { type Database } from '#app/utils/db/database.server.ts'
import { explainedStartFailure } from './free-space.ts'

type StartupStep = {
	name: string
	run(prisma: PrismaClient, options: { seedDemoData: boolean }): Promise<void>
}

/**
 * What start-up does after the migrations, in order, under the start-up advisory lock: instances
 * starting together take turns, so each step runs against the database the one before it left and
 * a step that finds its work done does nothing. Anything start-up writes belongs in this list.
 */
const startupSteps: Array<StartupStep> = [
	// Reference data every environment needs, not demo data.
	{ name: 'shipped policy pack', run: (prisma) => ensureShippedPackLoaded(prisma) },
	{
		name: 'demo data',
		async run(prisma, options) {
			if (!options.seedDemoData || (await prisma.user.count()) > 0) return
			await seedDemoData(prisma)
			console.log('Loaded the demo data: sign in with the demo accounts listed in the README.')
		},
	},
	{
		// A new deployment's first administrator, prepared while there is none.
		name: 'first administrator',
		async run() {
			const env = getEnv()
			if (!env.INITIAL_ADMIN_EMAIL) return
			const prepared = await ensureInitialAdministrator(
				env.INITIAL_ADMIN_EMAIL,
				env.INITIAL_ADMIN_NAME,
			)
			if (prepared?.invitationPath) {
				console.log(
					`First administrator ${env.INITIAL_ADMIN_EMAIL}: choose a password within 7 days at ${appUrlOf(env)}${prepared.invitationPath}`,
				)
			} else if (prepared) {
				console.log(
					`First administrator ${env.INITIAL_ADMIN_EMAIL}: sign in with that CMS account.`,
				)
			}
		},
	},
]

/** Migrations, then every start-up step, holding the start-up lock throughout. */
export async function startUp(database: Database, options: { seedDemoData: boolean }) {
	return database.underStartupLock(async () => {
		const applied = await database.migrate()
		if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`)
		for (const step of startupSteps) await step.run(database.prisma, options)
		return applied
	})
}

/**
 * Start-up of the app: migrations, the shipped pack, and the demo data into an empty embedded
 * database (or into any empty database when SEED_DEMO_DATA=true). A real PostgreSQL is otherwise
 * seeded only by `npm run db:seed`.
 */
export async function prepareDatabase() {
	const env = getEnv()
	const seedWanted =
		!demoDataRefused(env) &&
		(env.SEED_DEMO_DATA ? env.SEED_DEMO_DATA === 'true' : appDatabase.kind === 'embedded')
	try {
		await startUp(appDatabase, { seedDemoData: seedWanted })
	} catch (error) {
		throw appDatabase.kind === 'embedded' ? explainedStartFailure(error, env.DATA_DIR) : error
	}
}
