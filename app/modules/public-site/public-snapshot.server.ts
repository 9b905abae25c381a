// The public site's data, held in memory per data version: the rows of the public OMB file (the
// very stream the public export writes, so the site can show nothing the file does not hold), the
// names of the CMS components they name, the published policy pack and the latest certified
// reporting year. Rebuilt when the data version moves; see docs/decisions/029-public-transparency-site.md.
import { performance } from 'node:perf_hooks'
import { createContext, type RouterContextProvider } from 'react-router'
import { type DataVersion, readDataVersion } from '#app/modules/data-version/data-version.server.ts'
import { DEFAULT_PUBLIC_EMAIL } from '#app/modules/omb-exchange/omb-export.ts'
import { currentReportingYear, streamOmbRows } from '#app/modules/omb-exchange/omb-export.server.ts'
import { type PolicyPack } from '#app/modules/policies/policy-pack.ts'
import { currentPolicyPack } from '#app/modules/policies/packs.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import {
	matchPublicCases,
	type PublicCase,
	type PublicMatches,
	type PublicRow,
	type PublicSummaryCounts,
	sortOrders,
	type SortOrders,
	summaryCounts,
	toPublicCase,
} from './public-inventory.ts'
import { type ComponentNames } from './public-labels.ts'
import { type PublicInventoryQuery } from './public-query.ts'

export type PublicSnapshot = {
	/** The data version and reporting year it was built from: the public pages' ETag. */
	key: string
	version: number
	year: number
	builtAt: Date
	/** The public file's rows, in the file's order (tracking id). */
	rows: ReadonlyArray<PublicRow>
	cases: ReadonlyArray<PublicCase>
	byId: ReadonlyMap<string, PublicCase>
	orders: SortOrders
	components: ComponentNames
	pack: PolicyPack
	/** The latest reporting year whose submission was certified, if any. */
	certified: { year: number; certifiedAt: Date } | null
	/** Views already worked out on this snapshot (search, filters, sort), most recent last. */
	views: Map<string, PublicMatches>
	summary: PublicSummaryCounts | null
}

/** The public file's options: template selections, ids kept, the public inbox as contact. */
export const publicFileOptions = {
	values: 'selections',
	audience: 'PUBLIC',
	includeIds: true,
	publicEmail: DEFAULT_PUBLIC_EMAIL,
} as const

export async function buildPublicSnapshot(
	options: { year?: number } = {},
): Promise<PublicSnapshot> {
	const year = options.year ?? currentReportingYear()
	// The version first, then the data it stands for (see readDataVersion).
	const version = await readDataVersion(prisma)
	const rows: Array<PublicRow> = []
	for await (const row of streamOmbRows({ year, ...publicFileOptions })) rows.push(row)
	const [units, pack, certified] = await Promise.all([
		prisma.orgUnit.findMany({ select: { code: true, shortName: true, name: true } }),
		currentPolicyPack(prisma),
		prisma.inventoryCycle.findFirst({
			where: { certifiedAt: { not: null } },
			orderBy: { year: 'desc' },
			select: { year: true, certifiedAt: true },
		}),
	])
	const cases: Array<PublicCase> = []
	const byId = new Map<string, PublicCase>()
	for (const row of rows) {
		const item = toPublicCase(row)
		// Ids are unique among a year's cases; were two rows ever to share one, the first keeps the address.
		if (!item || byId.has(item.id)) continue
		cases.push(item)
		byId.set(item.id, item)
	}
	return {
		key: `${version.token}.${year}`,
		version: version.version,
		year,
		builtAt: new Date(),
		rows,
		cases,
		byId,
		orders: sortOrders(cases),
		components: new Map(
			units.map((unit) => [unit.code, { shortName: unit.shortName, name: unit.name }]),
		),
		pack,
		certified: certified?.certifiedAt
			? { year: certified.year, certifiedAt: certified.certifiedAt }
			: null,
		views: new Map(),
		summary: null,
	}
}

const REMEMBERED_VIEWS = 200

/** The cases a view matches, worked out once per snapshot and view (paging through it is free). */
export function publicMatches(
	snapshot: PublicSnapshot,
	query: PublicInventoryQuery,
): PublicMatches {
	const { page: _page, ...view } = query
	const key = JSON.stringify(view)
	const known = snapshot.views.get(key)
	if (known) {
		snapshot.views.delete(key)
		snapshot.views.set(key, known)
		return known
	}
	const matches = matchPublicCases(snapshot.cases, snapshot.orders, view)
	snapshot.views.set(key, matches)
	if (snapshot.views.size > REMEMBERED_VIEWS)
		snapshot.views.delete(snapshot.views.keys().next().value as string)
	return matches
}

export function publicSummary(snapshot: PublicSnapshot) {
	snapshot.summary ??= summaryCounts(snapshot.cases)
	return snapshot.summary
}

// ── The snapshot this process serves ──

/**
 * Whether a request waits for a rebuild or is answered from the previous snapshot meanwhile
 * (stale-while-revalidate, on the server): a projection that rebuilds quickly (a few hundred use
 * cases) is waited for, so what a person just changed shows at once; one that takes longer (tens
 * of thousands) keeps answering from the previous data until the new one is ready. A rebuild that
 * runs past twice its usual time (the database busy with an import, say) is not waited for either.
 */
const QUICK_REBUILD_MS = 500
/** The longest a request waits for a quick rebuild before it takes the previous data after all. */
const MAX_REBUILD_WAIT_MS = 5_000

let current: PublicSnapshot | null = null
let rebuilding: { key: string; done: Promise<PublicSnapshot>; started: number } | null = null
let lastBuildMs = 0

/** Until when a request may wait for the rebuild under way: never past twice a usual build. */
function waitUntil(build: { started: number }) {
	if (lastBuildMs > QUICK_REBUILD_MS) return 0
	const patience = Math.min(MAX_REBUILD_WAIT_MS, Math.max(2 * lastBuildMs, QUICK_REBUILD_MS))
	return build.started + patience
}

function startRebuild(key: string, year: number) {
	const started = performance.now()
	const done = buildPublicSnapshot({ year }).then((snapshot) => {
		lastBuildMs = performance.now() - started
		if (!current || snapshot.version >= current.version || snapshot.year !== current.year)
			current = snapshot
		return snapshot
	})
	const entry = { key, done, started }
	rebuilding = entry
	const clear = () => {
		if (rebuilding === entry) rebuilding = null
	}
	done.then(clear, clear)
	return entry
}

let versionRead: Promise<DataVersion> | null = null

/**
 * The data version, read once for all the requests that ask while a read is under way: under load
 * one query answers many requests. A request can thus miss a write committed during the read it
 * joined (a millisecond or so); the next request sees it.
 */
function sharedVersionRead() {
	versionRead ??= readDataVersion(prisma).finally(() => {
		versionRead = null
	})
	return versionRead
}

/**
 * The snapshot of the current data version: one indexed single-row read when nothing changed; a
 * rebuild (shared by every request that arrives meanwhile) when something did.
 */
export async function currentPublicSnapshot(): Promise<PublicSnapshot> {
	const year = currentReportingYear()
	const key = `${(await sharedVersionRead()).token}.${year}`
	const giveUpAt = performance.now() + MAX_REBUILD_WAIT_MS
	for (;;) {
		if (current?.key === key) return current
		const build = rebuilding ?? startRebuild(key, year)
		if (!current) return await build.done
		const remaining = Math.min(waitUntil(build), giveUpAt) - performance.now()
		if (remaining <= 0) return current
		let timer: NodeJS.Timeout | undefined
		const finished = await Promise.race([
			build.done.then(
				() => true,
				(error: unknown) => {
					console.error('Rebuilding the public inventory failed; serving the previous one.', error)
					return false
				},
			),
			new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), remaining))),
		])
		clearTimeout(timer)
		if (!finished) return current
		// The build that finished may have been for an older version than this request read: go round.
	}
}

/** Forgets the snapshot (tests that swap databases). */
export function forgetPublicSnapshot() {
	current = null
	rebuilding = null
	versionRead = null
	lastBuildMs = 0
}

/** The snapshot the HTTP layer (server/public-site.ts) read for this request, whose version is the response's ETag. */
export const publicSnapshotContext = createContext<PublicSnapshot | null>(null)

/** The request's snapshot: the one its ETag names, or (without the HTTP layer, as in tests) the current one. */
export async function publicSnapshotOf(
	context: Readonly<RouterContextProvider>,
): Promise<PublicSnapshot> {
	return context.get(publicSnapshotContext) ?? (await currentPublicSnapshot())
}
