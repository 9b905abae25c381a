// Faults for a throwaway cluster this run started (tests/postgres-cluster.ts): a hung server
// (every process of the cluster stopped with SIGSTOP), a restart, a crash. Never touches a server
// it did not start: every PID comes from the cluster's own postmaster.pid.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { type PostgresCluster } from '#tests/postgres-cluster.ts'

function postmasterPid(cluster: PostgresCluster) {
	const pid = Number(
		readFileSync(path.join(cluster.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0],
	)
	if (!Number.isInteger(pid) || pid <= 0)
		throw new Error(`No postmaster is running in ${cluster.dataDir}.`)
	return pid
}

/** The postmaster and every process it started (backends, background workers). */
function clusterPids(cluster: PostgresCluster) {
	const postmaster = postmasterPid(cluster)
	const children: Array<number> = []
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
			const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
			if (parent === postmaster) children.push(Number(entry))
		} catch {
			// The process ended while we looked.
		}
	}
	return [postmaster, ...children]
}

/** The server stops answering but keeps every connection open: what a hung host or a full disk looks like. */
export function hang(cluster: PostgresCluster) {
	const pids = clusterPids(cluster)
	for (const pid of pids) process.kill(pid, 'SIGSTOP')
	return {
		resume() {
			for (const pid of pids) {
				try {
					process.kill(pid, 'SIGCONT')
				} catch {
					// Ended meanwhile.
				}
			}
		},
	}
}

/** Stopped and started again, cleanly, as an operator restarting it would. */
export function restart(cluster: PostgresCluster) {
	cluster.stopServer('fast')
	cluster.startServer()
}

/** Killed without a clean shutdown (recovery runs on the next start), and left down until `startServer`. */
export function crash(cluster: PostgresCluster) {
	cluster.stopServer('immediate')
}
