// Writes the next migration from prisma/schema.prisma, offline: `npm run db:migration -- <name>`.
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { EMPTY_MIGRATION, diffSchemaAgainstMigrations } from '#app/utils/db/schema-diff.server.ts'
import { migrationsDirectory } from '#app/utils/db/migrations.server.ts'

const name = process.argv[2]
if (!name || !/^[a-z0-9_]+$/.test(name)) {
	console.error(
		'Usage: npm run db:migration -- <name>   (lower-case letters, digits and underscores)',
	)
	process.exit(2)
}

const sql = await diffSchemaAgainstMigrations()
if (sql === EMPTY_MIGRATION || sql === '') {
	console.log('schema.prisma and the migrations agree: no migration written.')
	process.exit(0)
}

const timestamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14)
const directory = path.join(migrationsDirectory, `${timestamp}_${name}`)
await mkdir(directory, { recursive: true })
await writeFile(path.join(directory, 'migration.sql'), `${sql}\n`)
await writeFile(path.join(migrationsDirectory, 'migration_lock.toml'), 'provider = "postgresql"\n')
console.log(`Wrote ${path.relative(process.cwd(), directory)}/migration.sql`)
