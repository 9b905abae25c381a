import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils'
import * as engineGlue from '@prisma/schema-engine-wasm/schema_engine_bg'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { type Migration, migrationsDirectory, readMigrations } from './migrations.server.ts'

export const schemaPath = path.resolve('prisma/schema.prisma')
export const EMPTY_MIGRATION = '-- This is an empty migration.'

type SchemaEngine = engineGlue.SchemaEngine

let wasmLoaded: Promise<void> | undefined

// The package's entry imports its .wasm file as an ES module, which Node 20 only allows behind
// --experimental-wasm-modules; instantiating the bytes ourselves needs no flag.
function loadEngineWasm() {
	wasmLoaded ??= (async () => {
		const require = createRequire(import.meta.url)
		const packageDir = path.dirname(require.resolve('@prisma/schema-engine-wasm'))
		const bytes = await readFile(path.join(packageDir, 'schema_engine_bg.wasm'))
		const { instance } = await WebAssembly.instantiate(bytes, {
			'./schema_engine_bg.js': engineGlue as unknown as WebAssembly.ModuleImports,
		})
		const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start: () => void }
		engineGlue.__wbg_set_wasm(exports)
		exports.__wbindgen_start()
	})()
	return wasmLoaded
}

async function withEngine<T>(schema: string, work: (engine: SchemaEngine) => Promise<T>) {
	await loadEngineWasm()
	// A throwaway in-memory database: the engine replays the migrations there to learn their result.
	const scratch = new PGlite()
	const factory = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(scratch))
	const engine = await engineGlue.SchemaEngine.new(
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
	await loadEngineWasm()
	const schema = await readFile(schemaPath, 'utf8')
	const factory = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(pglite))
	const engine = await engineGlue.SchemaEngine.new({ datamodels: [['schema.prisma', schema]] }, () => {}, factory)
	try {
		return await engine.applyMigrations({ migrationsList: migrationList(migrations), filters: noFilters })
	} finally {
		engine.free()
	}
}
