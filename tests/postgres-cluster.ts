// Starts and stops a private, throwaway PostgreSQL cluster from the installed server binaries.
// Tests and benchmarks use it; it never touches a server it did not start.
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

export type PostgresCluster = {
	url: string
	port: number
	/** The cluster's data directory and the server binaries, for fault injection (tests/chaos). */
	dataDir: string
	binDir: string
	/** Starts the server again after `stopServer`, on the same port. */
	startServer(): void
	/** Stops the server: `fast` as an operator would, `immediate` as a crash would (recovery on the next start). */
	stopServer(mode: 'fast' | 'immediate'): void
	stop(): void
}

export function findPostgresBinaries(): string | null {
	const candidates = [
		...(process.env.PG_BIN_DIR ? [process.env.PG_BIN_DIR] : []),
		...listVersionedBinDirs('/usr/lib/postgresql'),
		'/usr/local/bin',
		'/usr/bin',
	]
	return (
		candidates.find(
			(dir) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl')),
		) ?? null
	)
}

function listVersionedBinDirs(root: string) {
	if (!existsSync(root)) return []
	return readdirSync(root)
		.sort((a, b) => Number(b) - Number(a))
		.map((version) => path.join(root, version, 'bin'))
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer()
		server.unref()
		server.on('error', reject)
		server.listen(0, '127.0.0.1', () => {
			const address = server.address()
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
		})
	})
}

// initdb refuses to run as root; as root the cluster belongs to the `postgres` system user.
function runAsClusterOwner(binary: string, args: Array<string>) {
	const isRoot = process.getuid?.() === 0
	if (!isRoot) return execFileSync(binary, args, { stdio: 'pipe' })
	const command = [binary, ...args].map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join(' ')
	return execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', command], { stdio: 'pipe' })
}

export async function startPostgresCluster(): Promise<PostgresCluster | null> {
	const binDir = findPostgresBinaries()
	if (!binDir) return null
	const root = mkdtempSync(path.join(os.tmpdir(), 'ai-governance-pg-'))
	const dataDir = path.join(root, 'data')
	if (process.getuid?.() === 0) {
		const owner = execFileSync('id', ['-u', 'postgres']).toString().trim()
		const group = execFileSync('id', ['-g', 'postgres']).toString().trim()
		chownSync(root, Number(owner), Number(group))
		chmodSync(root, 0o700)
	}
	const port = await freePort()
	runAsClusterOwner(path.join(binDir, 'initdb'), [
		'-D',
		dataDir,
		'-A',
		'trust',
		'-U',
		'postgres',
		'--no-sync',
		'-E',
		'UTF8',
	])
	const startArgs = [
		'-D',
		dataDir,
		'-o',
		`-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
		'-l',
		path.join(root, 'server.log'),
		'-w',
		'start',
	]
	runAsClusterOwner(path.join(binDir, 'pg_ctl'), startArgs)
	let stopped = false
	return {
		url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
		port,
		dataDir,
		binDir,
		startServer() {
			runAsClusterOwner(path.join(binDir, 'pg_ctl'), startArgs)
		},
		stopServer(mode) {
			runAsClusterOwner(path.join(binDir, 'pg_ctl'), ['-D', dataDir, '-m', mode, '-w', 'stop'])
		},
		stop() {
			if (stopped) return
			stopped = true
			spawnSync(
				'su',
				[
					'postgres',
					'-s',
					'/bin/sh',
					'-c',
					`'${path.join(binDir, 'pg_ctl')}' -D '${dataDir}' -m fast -w stop`,
				],
				{
					stdio: 'ignore',
				},
			)
			if (process.getuid?.() !== 0) {
				spawnSync(path.join(binDir, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', 'stop'], {
					stdio: 'ignore',
				})
			}
			rmSync(root, { recursive: true, force: true })
		},
	}
}

/** A fresh, empty database on the cluster, so tests never share state. */
export async function createScratchDatabase(clusterUrl: string, name: string) {
	const { default: pg } = await import('pg')
	const client = new pg.Client({ connectionString: clusterUrl })
	await client.connect()
	try {
		await client.query(`CREATE DATABASE "${name}"`)
	} finally {
		await client.end()
	}
	const url = new URL(clusterUrl)
	url.pathname = `/${name}`
	return url.toString()
}
