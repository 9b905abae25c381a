// Values derived from many use cases, kept in this process's memory and brought up to a data version
// by re-reading only the use cases written since: the change log ("UseCaseChange", written by
// database triggers as the version moves) says which. See
// docs/decisions/036-inventory-facts-kept-in-memory.md.
import { Prisma, type PrismaClient } from '#app/generated/prisma/client.ts'
import { type DataVersion, readDataVersion } from './data-version.server.ts'

/** Log rows older than this many versions are removed (see the use_case_change_log migration). */
export const CHANGE_LOG_VERSIONS = 20_000

/**
 * A full read goes in pages of this many use cases: each page's rows are turned into the kept value
 * in one go, and at 500 that holds the event loop for a few milliseconds at a time.
 */
export const FULL_READ_PAGE = 500

/** How a kept value is read whole, and how the use cases that changed are read again into it. */
export type FollowedValue<T> = {
	readAll(client: PrismaClient): Promise<T>
	/**
	 * Reads what the value holds of these use cases (some may be gone) and returns the change to
	 * make, which runs synchronously, so a reader never sees half of it.
	 */
	readCases(client: PrismaClient, ids: ReadonlyArray<string>): Promise<(value: T) => void>
}

export type Kept<T> = {
	/** Every use case is at least as new as this version. */
	version: number
	value: T
	/** How many use cases the last catch-up read (all of them after a full read). */
	lastRead: number | 'all'
}

/**
 * One value of one database, kept by one process. `at(version)` answers with the value at least as
 * new as `version`, or null while the first full read is under way or after a read failed (the
 * caller reads the database itself meanwhile): that read is never made to hold a request, and a
 * failure never fails one. After a failure the value is dropped (a change may have been half
 * applied) and read whole again, at most once per `retryAfterMs`.
 */
export function followChanges<T>(
	client: PrismaClient,
	followed: FollowedValue<T>,
	{ retryAfterMs = 30_000 }: { retryAfterMs?: number } = {},
) {
	let kept: Kept<T> | null = null
	let reading: Promise<Kept<T>> | null = null
	let failedAt = Number.NEGATIVE_INFINITY

	async function readAll(): Promise<Kept<T>> {
		// The version first: a write committed meanwhile is then re-read at the next version, never missed.
		const { version } = await readDataVersion(client)
		return { version, value: await followed.readAll(client), lastRead: 'all' }
	}

	/** The log since the kept version, or everything again when it says so or no longer reaches back. */
	async function catchUp(current: Kept<T>): Promise<Kept<T>> {
		const { version } = await readDataVersion(client)
		if (version === current.version) return current
		if (version < current.version || version - current.version > CHANGE_LOG_VERSIONS)
			return readAll()
		const changes = await client.$queryRaw<Array<{ useCaseId: string | null }>>(
			Prisma.sql`SELECT DISTINCT "useCaseId" FROM "UseCaseChange" WHERE "version" > ${current.version}`,
		)
		if (changes.some((change) => change.useCaseId === null)) return readAll()
		const ids = changes.map((change) => change.useCaseId as string)
		const apply = await followed.readCases(client, ids)
		apply(current.value)
		return { version, value: current.value, lastRead: ids.length }
	}

	function refresh() {
		reading ??= (kept ? catchUp(kept) : readAll())
			.then(
				(fresh) => {
					// Reads never go backwards: only a newer value replaces the kept one.
					if (!kept || fresh.version >= kept.version) kept = fresh
					return kept
				},
				(error: unknown) => {
					kept = null
					failedAt = Date.now()
					throw error
				},
			)
			.finally(() => {
				reading = null
			})
		return reading
	}

	return {
		/** Reads the value (or catches it up) now; resolves when it is kept. */
		read: refresh,
		/** Whether the first full read has finished. */
		isRead: () => kept !== null,
		async at(wanted: Pick<DataVersion, 'version'>): Promise<Kept<T> | null> {
			if (kept && kept.version >= wanted.version) return kept
			if (Date.now() - failedAt < retryAfterMs) return null
			if (!kept) {
				refresh().catch(reportFailure)
				return null
			}
			// Behind: catch up first. The version is read again, so the answer may be newer than asked.
			try {
				let fresh = await refresh()
				if (fresh.version < wanted.version) fresh = await refresh()
				return fresh
			} catch (error) {
				reportFailure(error)
				return null
			}
		},
	}
}

function reportFailure(error: unknown) {
	console.error('Reading a value kept in memory failed; counting in SQL meanwhile:', error)
}

export type Follower<T> = ReturnType<typeof followChanges<T>>
