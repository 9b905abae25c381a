// `npm start`: generate the Prisma client and build the app when the sources are newer than the
// build, then serve it in production mode. One command on a fresh clone.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const builtServer = path.join(root, 'build/server/index.js')
const generatedClient = path.join(root, 'app/generated/prisma/client.ts')
const sources = [
	'app',
	'server',
	'prisma/schema.prisma',
	'package-lock.json',
	'vite.config.ts',
	'react-router.config.ts',
]

function newestChange(target) {
	if (!existsSync(target)) return 0
	const stats = statSync(target)
	if (!stats.isDirectory()) return stats.mtimeMs
	let newest = stats.mtimeMs
	for (const entry of readdirSync(target)) {
		if (entry === 'generated' || entry.startsWith('.')) continue
		newest = Math.max(newest, newestChange(path.join(target, entry)))
	}
	return newest
}

function run(command, args, env = {}) {
	const result = spawnSync(command, args, {
		cwd: root,
		stdio: 'inherit',
		env: { ...process.env, ...env },
	})
	if (result.status !== 0) process.exit(result.status ?? 1)
}

if (
	!existsSync(generatedClient) ||
	statSync(generatedClient).mtimeMs < newestChange(path.join(root, 'prisma/schema.prisma'))
) {
	run('npx', ['prisma', 'generate'], {
		PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? '/bin/true',
	})
}

const buildTime = existsSync(builtServer) ? statSync(builtServer).mtimeMs : 0
const sourceTime = Math.max(...sources.map((source) => newestChange(path.join(root, source))))
if (buildTime < sourceTime) {
	console.log('Building the app…')
	run('npx', ['react-router', 'build'], { NODE_ENV: 'production' })
}

run(process.execPath, ['server.js'], { NODE_ENV: 'production' })
