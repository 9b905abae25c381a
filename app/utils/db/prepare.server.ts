import { ensureShippedPackLoaded } from '#app/modules/policies/packs.server.ts'
import { ensureInitialAdministrator } from '#app/modules/users/invitations.server.ts'
import { seedDemoData } from '#prisma/seed/seed.server.ts'
import { database } from '../db.server.ts'
import { appUrlOf, demoDataRefused, getEnv } from '../env.server.ts'

/**
 * Start-up: apply pending migrations, then load the demo data into an empty embedded database
 * (or into any empty database when SEED_DEMO_DATA=true). A real PostgreSQL is otherwise seeded
 * only by `npm run db:seed`.
 */
export async function prepareDatabase() {
	const applied = await database.migrate()
	if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`)
	// Reference data every environment needs, not demo data.
	await ensureShippedPackLoaded(database.prisma)
	const env = getEnv()
	const seedWanted = !demoDataRefused(env) && (env.SEED_DEMO_DATA ? env.SEED_DEMO_DATA === 'true' : database.kind === 'embedded')
	if (seedWanted && (await database.prisma.user.count()) === 0) {
		await seedDemoData(database.prisma)
		console.log('Loaded the demo data: sign in with the demo accounts listed in the README.')
	}
	if (env.INITIAL_ADMIN_EMAIL) {
		const prepared = await ensureInitialAdministrator(env.INITIAL_ADMIN_EMAIL, env.INITIAL_ADMIN_NAME)
		if (prepared?.invitationPath) {
			console.log(`First administrator ${env.INITIAL_ADMIN_EMAIL}: choose a password within 7 days at ${appUrlOf(env)}${prepared.invitationPath}`)
		} else if (prepared) {
			console.log(`First administrator ${env.INITIAL_ADMIN_EMAIL}: sign in with that CMS account.`)
		}
	}
}
