// An app instance as an operator runs it: `node server.js` on the production build, its own port,
// its own process (which a test may kill with SIGKILL).
import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { openDatabase } from '#app/utils/db/database.server.ts'
import { seedDemoData } from '#prisma/seed/seed.server.ts'

export type AppInstance = {
	name: string
	port: number
	url: string
	pid: number
	process: ChildProcess
	/** Everything the instance printed, for the report when something fails. */
	output(): string
	/** Resolves with the exit code (or signal) once it stops. */
	exited: Promise<number | string | null>
	kill(signal?: NodeJS.Signals): Promise<number | string | null>
	rssMb(): number
}

const CHAOS_SESSION_SECRET = 'chaos-and-soak-session-secret-0123456789abcdef'

/**
 * The demo data, loaded by the campaign itself once the instances have migrated the throwaway
 * database: production instances on PostgreSQL never load demo accounts (their password is published).
 */
export async function loadDemoData(databaseUrl: string) {
	const database = openDatabase({ databaseUrl })
	try {
		if ((await database.prisma.user.count()) === 0) await seedDemoData(database.prisma)
	} finally {
		await database.close()
	}
}

export async function startAppInstance(options: {
	name: string
	port: number
	env: Record<string, string | undefined>
	waitForHealth?: boolean
}): Promise<AppInstance> {
	const child = spawn(process.execPath, ['server.js'], {
		env: {
			...process.env,
			NODE_ENV: 'production',
			PORT: String(options.port),
			HOST: '127.0.0.1',
			COOKIE_SECURE: 'false',
			SESSION_SECRET: CHAOS_SESSION_SECRET,
			...options.env,
		},
		stdio: ['ignore', 'pipe', 'pipe'],
	})
	let output = ''
	child.stdout!.on('data', (chunk) => (output += chunk))
	child.stderr!.on('data', (chunk) => (output += chunk))
	const exited = new Promise<number | string | null>((resolve) =>
		child.once('exit', (code, signal) => resolve(signal ?? code)),
	)
	const instance: AppInstance = {
		name: options.name,
		port: options.port,
		url: `http://127.0.0.1:${options.port}`,
		pid: child.pid!,
		process: child,
		output: () => output,
		exited,
		async kill(signal = 'SIGTERM') {
			if (child.exitCode === null && child.signalCode === null) child.kill(signal)
			return exited
		},
		rssMb() {
			const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
			return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024
		},
	}
	if (options.waitForHealth !== false) await waitUntilHealthy(instance)
	return instance
}

export async function waitUntilHealthy(instance: AppInstance, timeoutMs = 180_000) {
	const deadline = Date.now() + timeoutMs
	let exitedEarly = false
	void instance.exited.then(() => (exitedEarly = true))
	while (Date.now() < deadline) {
		if (exitedEarly)
			throw new Error(`${instance.name} exited while starting:\n${instance.output()}`)
		try {
			const response = await fetch(`${instance.url}/healthz`, {
				signal: AbortSignal.timeout(2_000),
			})
			if (response.status === 200) return
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 250))
	}
	throw new Error(
		`${instance.name} was not healthy within ${timeoutMs / 1000} s:\n${instance.output()}`,
	)
}
