import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils'
// Node 24 imports the engine's .wasm module natively (Node 20 needed a flag or hand instantiation).
import { SchemaEngine } from '@prisma/schema-engine-wasm'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { type Migration, migrationsDirectory, readMigrations } from './migrations.server.ts'

const schemaPath = path.resolve('prisma/schema.prisma')
export const EMPTY_MIGRATION = '-- This is an empty migration.'

async function withEngine<T>(schema: string, work: (engine: SchemaEngine) => Promise<T>) {
	// A throwaway in-memory database: the engine replays the migrations there to learn their result.
	const scratch = new PGlite()
	const factory = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(scratch))
	const engine = await SchemaEngine.new(
		{ datamodels: [['schema.prisma', schema]] },
		() => {},
		factory,
	)
	try {
		return await work(engine)
	} finally {
		engine.free()
		await scratch.close()
	}
}

function migrationList(migrations: Array<Migration>) {
	return {
		baseDir: migrationsDirectory,
		lockfile: { path: 'migration_lock.toml', content: 'provider = "postgresql"\n' },
		shadowDbInitScript: '',
		migrationDirectories: migrations.map((migration) => ({
			path: migration.name,
			migrationFile: {
				path: 'migration.sql',
				content: { tag: 'ok' as const, value: migration.sql },
			},
		})),
	}
}

const noFilters = { externalTables: [], externalEnums: [] }

/**
 * The SQL that takes a database from the state the migrations leave to the state schema.prisma
 * describes. `EMPTY_MIGRATION` means the two agree.
 */
export async function diffSchemaAgainstMigrations(options?: {
	schema?: string
	migrations?: Array<Migration>
}): Promise<string> {
	const schema = options?.schema ?? (await readFile(schemaPath, 'utf8'))
	const migrations = options?.migrations ?? (await readMigrations())
	return withEngine(schema, async (engine) => {
		const result = await engine.diff({
			from: migrations.length
				? { tag: 'migrations', ...migrationList(migrations) }
				: { tag: 'empty' },
			to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] },
			script: true,
			shadowDatabaseUrl: null,
			exitCode: null,
			filters: noFilters,
		} as Parameters<SchemaEngine['diff']>[0])
		return (result.stdout ?? '').trim()
	})
}

/** Applies migrations the way `prisma migrate deploy` does, for comparison in tests. */
export async function applyWithPrismaEngine(pglite: PGlite, migrations: Array<Migration>) {
	const schema = await readFile(schemaPath, 'utf8')
	const factory = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(pglite))
	const engine = await SchemaEngine.new(
		{ datamodels: [['schema.prisma', schema]] },
		() => {},
		factory,
	)
	try {
		return await engine.applyMigrations({
			migrationsList: migrationList(migrations),
			filters: noFilters,
		})
	} finally {
		engine.free()
	}
}
