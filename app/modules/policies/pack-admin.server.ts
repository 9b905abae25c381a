// Administering the policy pack: the releases that ship, the draft edition, publishing it and
// re-running every case's checks against it as a background job.
import { type Prisma, type PrismaClient } from '#app/generated/prisma/client.ts'
import { recordEvent } from '#app/modules/audit/record-event.server.ts'
import { type Tx } from '#app/utils/db/tx.ts'
import { prisma } from '#app/utils/db.server.ts'
import { enqueueJob, runHereWithoutQueue } from '#app/modules/jobs/job-queue.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { type RequestInfo } from '#app/utils/request-context.ts'
import { type AuditAction } from '#app/modules/audit/audit-actions.ts'
import { jsonColumn } from '#app/utils/db/json-column.ts'
import { unimplementedCheckIds } from './evaluate.ts'
import { carryOver, diffPacks } from './pack-diff.ts'
import {
	compareVersions,
	type LaneRoute,
	type PolicyCheckDefinition,
	type PolicyPack,
	type PolicyReference,
	parsePolicyPack,
	policyPackSchema,
	releaseOf,
	shippedPolicyPack,
	shippedReleaseVersions,
} from './policy-pack.ts'
import { packFrom } from './packs.server.ts'
import { evaluateStoredUseCases } from './stored-checks.server.ts'

// ── Releases: packs that ship in the repository ──

const SYSTEM_REQUEST: RequestInfo = { requestId: 'startup', ipAddress: 'local', userAgent: null }
const AUTO_PUBLISH_SETTING = 'policyPacks.autoPublishReleases'

type Client = PrismaClient | Tx

const packColumn = jsonColumn<PolicyPack>()
const packJson = packColumn.write

/**
 * Start-up: the newest release in the repository reaches the database. A database with no pack starts
 * on it, published. A database whose pack in force comes from an older release gets it as a proposal an
 * administrator reviews and publishes (or it is published at once when the administrators' setting says
 * so). Safe when two instances start together: every write is conditional or ON CONFLICT DO NOTHING.
 */
export async function ensureShippedPackLoaded(client: PrismaClient = prisma) {
	const release = shippedPolicyPack()
	await renumberEditionsHoldingReleaseNumbers(client)
	const current = await client.policyPackVersion.findFirst({
		where: { status: 'PUBLISHED' },
		orderBy: { publishedAt: 'desc' },
		select: { version: true },
	})
	if (!current) {
		await client.policyPackVersion.createMany({
			data: [
				{
					version: release.version,
					status: 'PUBLISHED',
					origin: 'RELEASE',
					content: packJson(release),
					publishedAt: new Date(),
				},
			],
			skipDuplicates: true,
		})
		return
	}
	if (compareVersions(release.version, releaseOf(current.version)) <= 0) return
	const proposed = await proposeRelease(client, release)
	if (proposed && (await autoPublishReleases(client))) {
		const row = await client.policyPackVersion.findUniqueOrThrow({
			where: { version: release.version },
			select: { revision: true },
		})
		await publishPackVersion(
			null,
			{ version: release.version, revision: row.revision },
			SYSTEM_REQUEST,
			client,
		).catch((error: unknown) => {
			// Another instance published it first.
			if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error
		})
	}
}

/** Stores `release` as a proposal; true when it is (still) waiting for publication. */
async function proposeRelease(client: PrismaClient, release: PolicyPack): Promise<boolean> {
	return client.$transaction(async (tx) => {
		// Instances starting together take turns: the second finds the first one's proposal.
		await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('policy-pack-releases'))`
		const existing = await tx.policyPackVersion.findUnique({
			where: { version: release.version },
			select: { status: true },
		})
		if (existing) return existing.status === 'PROPOSED'
		const created = await tx.policyPackVersion.createMany({
			data: [
				{
					version: release.version,
					status: 'PROPOSED',
					origin: 'RELEASE',
					content: packJson(release),
				},
			],
			skipDuplicates: true,
		})
		if (created.count === 0) return true
		const row = await tx.policyPackVersion.findUniqueOrThrow({
			where: { version: release.version },
			select: { id: true },
		})
		// One proposal at a time: older releases nobody published give way to the newest.
		const older = await tx.policyPackVersion.findMany({
			where: { status: 'PROPOSED', id: { not: row.id } },
			select: { id: true, version: true },
		})
		for (const stale of older.filter(
			(candidate) => compareVersions(candidate.version, release.version) < 0,
		)) {
			await tx.policyPackVersion.deleteMany({ where: { id: stale.id, status: 'PROPOSED' } })
			await recordEvent(tx, {
				actorId: null,
				action: 'policy_pack.proposal_withdrawn',
				entityType: 'PolicyPackVersion',
				entityId: stale.id,
				before: { version: stale.version },
				after: { supersededBy: release.version },
				request: SYSTEM_REQUEST,
			})
		}
		await recordEvent(tx, {
			actorId: null,
			action: 'policy_pack.proposed',
			entityType: 'PolicyPackVersion',
			entityId: row.id,
			after: { version: release.version, title: release.title },
			request: SYSTEM_REQUEST,
		})
		return true
	})
}

/**
 * Before releases had numbers of their own, an administrator's edition took the next one (2026.2), which
 * a later release may ship under. Every such edition, published or drafted, gets an edition number of
 * its own release, whichever shipped release it collides with (not only the one being proposed): its
 * number would otherwise read as that release's, and its changes be measured against the wrong one.
 */
async function renumberEditionsHoldingReleaseNumbers(client: PrismaClient) {
	const where = { origin: 'LOCAL' as const, version: { in: [...shippedReleaseVersions()] } }
	if ((await client.policyPackVersion.count({ where })) === 0) return
	await client.$transaction(async (tx) => {
		await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('policy-pack-releases'))`
		const editions = await tx.policyPackVersion.findMany({
			where,
			orderBy: { createdAt: 'asc' },
			select: { id: true, version: true },
		})
		for (const edition of editions) await renumberLocalEdition(tx, edition.id, edition.version)
	})
}

/** Gives a local edition holding a release's number the next free edition number of its own release. */
async function renumberLocalEdition(tx: Tx, id: string, taken: string) {
	const row = await tx.policyPackVersion.findUniqueOrThrow({
		where: { id },
		select: { version: true, basedOnVersion: true, status: true },
	})
	const published = await tx.policyPackVersion.findMany({
		where: { status: 'PUBLISHED', origin: 'RELEASE' },
		select: { version: true },
	})
	const base =
		row.basedOnVersion ??
		published
			.map((p) => p.version)
			.filter((v) => compareVersions(v, taken) < 0)
			.sort(compareVersions)
			.at(-1) ??
		releaseOf(taken)
	const version = await freeEditionNumber(tx, releaseOf(base))
	await tx.policyPackVersion.update({
		where: { id },
		data: {
			version,
			content: packJson({
				...(await packContent(tx, id)),
				version,
				title: `Federal AI policy pack ${version}`,
			}),
		},
	})
	// Check runs name the pack by its version, so they follow the new number.
	await tx.checkRun.updateMany({ where: { packVersion: taken }, data: { packVersion: version } })
	await tx.reevaluationJob.updateMany({
		where: { packVersion: taken },
		data: { packVersion: version },
	})
	await recordEvent(tx, {
		actorId: null,
		action: 'policy_pack.renumbered',
		entityType: 'PolicyPackVersion',
		entityId: id,
		before: { version: taken },
		after: { version, reason: `release ${taken} ships with this version of the tracker` },
		request: SYSTEM_REQUEST,
	})
}

async function packContent(tx: Tx, id: string) {
	const row = await tx.policyPackVersion.findUniqueOrThrow({
		where: { id },
		select: { content: true },
	})
	return packColumn.read(row.content)
}

/** The first `release.N` not yet used. */
async function freeEditionNumber(tx: Client, release: string) {
	const rows = await tx.policyPackVersion.findMany({
		where: { version: { startsWith: `${release}.` } },
		select: { version: true },
	})
	const used = new Set(rows.map((row) => row.version))
	let n = 1
	while (used.has(`${release}.${n}`)) n++
	return `${release}.${n}`
}

export async function autoPublishReleases(client: Client = prisma): Promise<boolean> {
	const setting = await client.appSetting.findUnique({
		where: { key: AUTO_PUBLISH_SETTING },
		select: { value: true },
	})
	return setting?.value === true
}

/** Whether a new release is published at start-up without waiting for an administrator. */
export async function setAutoPublishReleases(
	actorId: string,
	enabled: boolean,
	request: RequestInfo,
) {
	await prisma.$transaction(async (tx) => {
		const before = await autoPublishReleases(tx)
		if (before === enabled) return
		await tx.appSetting.upsert({
			where: { key: AUTO_PUBLISH_SETTING },
			create: { key: AUTO_PUBLISH_SETTING, value: enabled, updatedById: actorId },
			update: { value: enabled, updatedById: actorId },
		})
		await recordEvent(tx, {
			actorId,
			action: 'setting.changed',
			entityType: 'AppSetting',
			entityId: AUTO_PUBLISH_SETTING,
			before: { value: before },
			after: { value: enabled },
			request,
		})
	})
}

// ── Editing and publishing (administrators) ──

const draftSelect = {
	id: true,
	version: true,
	content: true,
	revision: true,
	updatedAt: true,
	basedOnVersion: true,
} as const

/**
 * The open draft, started from the pack in force when there is none. Two administrators opening the
 * editor at once get the same draft: the second insert finds the one draft slot taken and reads it.
 */
export async function getDraftPack(actorId: string) {
	const open = await prisma.policyPackVersion.findFirst({
		where: { openDraft: true },
		select: draftSelect,
	})
	if (open) return { ...open, pack: packColumn.read(open.content) }
	const current = await currentPackRow(prisma)
	const version = await freeEditionNumber(prisma, releaseOf(current.pack.version))
	const content = { ...current.pack, version, title: `Federal AI policy pack ${version}` }
	await prisma.policyPackVersion.createMany({
		data: [
			{
				version,
				status: 'DRAFT',
				openDraft: true,
				origin: 'LOCAL',
				basedOnVersion: current.pack.version,
				content: packJson(content),
				editedById: actorId,
			},
		],
		skipDuplicates: true,
	})
	const created = await prisma.policyPackVersion.findFirst({
		where: { openDraft: true },
		select: draftSelect,
	})
	if (!created)
		throw new AppError(
			'CONFLICT',
			'The draft pack was published or discarded while it was being opened. Open the editor again.',
		)
	return { ...created, pack: packColumn.read(created.content) }
}

async function currentPackRow(client: Client) {
	const row = await client.policyPackVersion.findFirst({
		where: { status: 'PUBLISHED' },
		orderBy: { publishedAt: 'desc' },
		select: { id: true, version: true, content: true, updatedAt: true },
	})
	return row ? { id: row.id, pack: packFrom(row) } : { id: null, pack: shippedPolicyPack() }
}

export type DraftChange =
	| { kind: 'reference'; reference: PolicyReference; isNew: boolean }
	| {
			kind: 'check'
			checkId: string
			settings: Pick<PolicyCheckDefinition, 'enabled' | 'severity' | 'lane'>
	  }
	| { kind: 'route'; routeId: string; settings: Pick<LaneRoute, 'enabled' | 'lanes'> }

function applyChange(
	pack: PolicyPack,
	change: DraftChange,
): { next: PolicyPack; before: unknown; after: unknown; action: AuditAction } {
	switch (change.kind) {
		case 'reference': {
			const index = pack.references.findIndex((r) => r.id === change.reference.id)
			if (change.isNew && index >= 0)
				throw new AppError(
					'INVALID',
					`A reference with the id ${change.reference.id} already exists.`,
				)
			if (!change.isNew && index < 0)
				throw new AppError('NOT_FOUND', `The draft has no reference ${change.reference.id}.`)
			const references = change.isNew
				? [...pack.references, change.reference]
				: pack.references.map((r) => (r.id === change.reference.id ? change.reference : r))
			return {
				next: { ...pack, references },
				before: index >= 0 ? pack.references[index] : null,
				after: change.reference,
				action: change.isNew ? 'policy_pack.reference_added' : 'policy_pack.reference_edited',
			}
		}
		case 'check': {
			const check = pack.checks.find((c) => c.id === change.checkId)
			if (!check) throw new AppError('NOT_FOUND', `The draft has no check ${change.checkId}.`)
			return {
				next: {
					...pack,
					checks: pack.checks.map((c) =>
						c.id === change.checkId ? { ...c, ...change.settings } : c,
					),
				},
				before: {
					checkId: check.id,
					enabled: check.enabled,
					severity: check.severity,
					lane: check.lane,
				},
				after: { checkId: change.checkId, ...change.settings },
				action: 'policy_pack.check_changed',
			}
		}
		case 'route': {
			const route = pack.routes.find((r) => r.id === change.routeId)
			if (!route)
				throw new AppError('NOT_FOUND', `The draft has no routing rule ${change.routeId}.`)
			return {
				next: {
					...pack,
					routes: pack.routes.map((r) =>
						r.id === change.routeId ? { ...r, ...change.settings } : r,
					),
				},
				before: { routeId: route.id, enabled: route.enabled, lanes: route.lanes },
				after: { routeId: change.routeId, ...change.settings },
				action: 'policy_pack.route_changed',
			}
		}
	}
}

/**
 * Applies one change to the draft, only if nobody changed it since `revision` was read: the write is
 * conditional on the revision, so of several administrators saving at once exactly one is stored and
 * the others are refused (409) without losing what they typed.
 */
export async function changeDraftPack(
	actorId: string,
	revision: number,
	change: DraftChange,
	request: RequestInfo,
) {
	return prisma.$transaction(async (tx) => {
		const draft = await tx.policyPackVersion.findFirst({
			where: { openDraft: true },
			select: { id: true, content: true, revision: true },
		})
		if (!draft)
			throw new AppError('NOT_FOUND', 'There is no draft pack; open the policy pack editor again.')
		const stale = new AppError(
			'CONFLICT',
			'Another administrator changed the draft pack after you opened it. Your change is below: reload the draft, then apply it again.',
		)
		if (draft.revision !== revision) throw stale
		const { next, before, after, action } = applyChange(parsePolicyPack(draft.content), change)
		const validated = policyPackSchema.safeParse(next)
		if (!validated.success) {
			throw new AppError(
				'INVALID',
				validated.error.issues
					.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
					.join('; '),
			)
		}
		const updated = await tx.policyPackVersion.updateMany({
			where: { id: draft.id, openDraft: true, revision },
			data: { content: packJson(validated.data), revision: { increment: 1 }, editedById: actorId },
		})
		if (updated.count !== 1) throw stale
		await recordEvent(tx, {
			actorId,
			action,
			entityType: 'PolicyPackVersion',
			entityId: draft.id,
			before: before as Prisma.InputJsonValue,
			after: after as Prisma.InputJsonValue,
			request,
		})
	})
}

/** A version waiting for publication (the open draft or a proposed release), what it changes and what publishing it re-checks. */
export async function publicationPreview(version: string) {
	const row = await prisma.policyPackVersion.findUnique({
		where: { version },
		select: {
			id: true,
			version: true,
			status: true,
			origin: true,
			revision: true,
			content: true,
			updatedAt: true,
			basedOnVersion: true,
		},
	})
	if (!row || (row.status !== 'DRAFT' && row.status !== 'PROPOSED'))
		throw new AppError('NOT_FOUND', `No draft or proposed pack has version ${version}.`)
	const [current, useCasesToRecheck] = await Promise.all([
		currentPackRow(prisma),
		prisma.useCase.count({ where: { status: { not: 'RETIRED' } } }),
	])
	const pack = parsePolicyPack(row.content)
	return {
		version: row.version,
		status: row.status,
		origin: row.origin,
		revision: row.revision,
		title: pack.title,
		description: pack.description ?? null,
		current: current.pack.version,
		diff: diffPacks(current.pack, pack),
		useCasesToRecheck,
		missingImplementations: unimplementedCheckIds(pack),
	}
}

/**
 * Publishes the open draft or a proposed release as the pack in force and starts re-checking every
 * non-retired use case. The write is conditional on the version still waiting at `revision`, so a
 * double submit (or two instances auto-publishing) creates one version, one audit event and one job.
 * Publishing a release carries an administrator's own changes (an open draft, or the local edition in
 * force) into a new draft on top of it, for them to review and publish.
 */
export async function publishPackVersion(
	actorId: string | null,
	input: { version: string; revision: number },
	request: RequestInfo,
	client: PrismaClient = prisma,
) {
	const result = await client.$transaction(async (tx) => {
		const row = await tx.policyPackVersion.findUnique({
			where: { version: input.version },
			select: {
				id: true,
				version: true,
				status: true,
				origin: true,
				revision: true,
				content: true,
				basedOnVersion: true,
			},
		})
		if (!row) throw new AppError('NOT_FOUND', `No pack has version ${input.version}.`)
		if (row.status === 'PUBLISHED')
			throw new AppError('CONFLICT', `Pack ${row.version} is already published.`)
		if (row.revision !== input.revision) {
			throw new AppError(
				'CONFLICT',
				'Another administrator changed this pack after you opened it. Reload and review it before publishing.',
			)
		}
		const pack = parsePolicyPack(row.content)
		const missing = unimplementedCheckIds(pack)
		if (missing.length)
			throw new AppError(
				'INVALID',
				`These checks have no implementation in this release: ${missing.join(', ')}.`,
			)
		const previous = await tx.policyPackVersion.findFirst({
			where: { status: 'PUBLISHED' },
			orderBy: { publishedAt: 'desc' },
			select: { id: true, version: true, origin: true, content: true, basedOnVersion: true },
		})
		if (previous && row.status === 'DRAFT' && row.basedOnVersion !== previous.version) {
			throw new AppError(
				'CONFLICT',
				`This draft was started from pack ${row.basedOnVersion}, but pack ${previous.version} is in force now. Reload the editor.`,
			)
		}
		if (
			previous &&
			row.status === 'PROPOSED' &&
			compareVersions(row.version, releaseOf(previous.version)) <= 0
		) {
			throw new AppError(
				'CONFLICT',
				`Release ${row.version} is not newer than pack ${previous.version}, which is in force.`,
			)
		}
		const now = new Date()
		const published = await tx.policyPackVersion.updateMany({
			where: { id: row.id, status: row.status, revision: input.revision },
			data: {
				status: 'PUBLISHED',
				openDraft: null,
				publishedAt: now,
				...(actorId ? { editedById: actorId } : {}),
				content: packJson({ ...pack, publishedDate: now.toISOString().slice(0, 10) }),
			},
		})
		if (published.count !== 1)
			throw new AppError(
				'CONFLICT',
				`Pack ${row.version} was published or changed by someone else a moment ago.`,
			)
		const total = await tx.useCase.count({ where: { status: { not: 'RETIRED' } } })
		const job = await tx.reevaluationJob.create({
			data: { packVersion: row.version, total, startedById: actorId },
			select: { id: true },
		})
		const carried =
			row.status === 'PROPOSED' && previous
				? await carryLocalChanges(tx, previous, pack, actorId, request)
				: null
		await recordEvent(tx, {
			actorId,
			action: 'policy_pack.published',
			entityType: 'PolicyPackVersion',
			entityId: row.id,
			before: previous ? { version: previous.version } : null,
			after: {
				version: row.version,
				origin: row.origin,
				reevaluationJobId: job.id,
				useCasesToReevaluate: total,
				carriedIntoDraft: carried?.version ?? null,
			},
			request,
		})
		// The re-check is a background job written with the publication: it runs once this commits.
		await enqueueJob(tx, 'policy-recheck', { jobId: job.id }, { singletonKey: job.id })
		return { jobId: job.id, version: row.version, carriedIntoDraft: carried }
	})
	runHereWithoutQueue(() =>
		runReevaluation(result.jobId).catch((error: unknown) =>
			recordReevaluationFailure(result.jobId, error),
		),
	)
	return result
}

/**
 * When a release is published: the open draft's changes (from the version it started from), or else
 * the changes of a local edition that was in force (from its release), become a new draft on the
 * release. A draft with no change is simply discarded.
 */
async function carryLocalChanges(
	tx: Tx,
	previous: {
		version: string
		origin: 'RELEASE' | 'LOCAL'
		content: unknown
		basedOnVersion: string | null
	},
	release: PolicyPack,
	actorId: string | null,
	request: RequestInfo,
) {
	const draft = await tx.policyPackVersion.findFirst({
		where: { openDraft: true },
		select: { id: true, version: true, content: true, basedOnVersion: true },
	})
	let edited: PolicyPack | null = null
	let baseVersion: string | null = null
	if (draft) {
		await tx.policyPackVersion.delete({ where: { id: draft.id } })
		edited = parsePolicyPack(draft.content)
		baseVersion = draft.basedOnVersion
	} else if (previous.origin === 'LOCAL') {
		edited = parsePolicyPack(previous.content)
		baseVersion = previous.basedOnVersion
	}
	if (!edited || !baseVersion) return null
	const baseRow = await tx.policyPackVersion.findUnique({
		where: { version: baseVersion },
		select: { content: true },
	})
	if (!baseRow) return null
	const { pack, carried } = carryOver(parsePolicyPack(baseRow.content), edited, release)
	if (draft) {
		await recordEvent(tx, {
			actorId,
			action: 'policy_pack.draft_discarded',
			entityType: 'PolicyPackVersion',
			entityId: draft.id,
			before: { version: draft.version },
			after: { reason: `release ${release.version} published`, changesCarried: carried },
			request,
		})
	}
	if (carried === 0) return null
	const version = await freeEditionNumber(tx, release.version)
	const created = await tx.policyPackVersion.create({
		data: {
			version,
			status: 'DRAFT',
			openDraft: true,
			origin: 'LOCAL',
			basedOnVersion: release.version,
			content: packJson({ ...pack, version, title: `Federal AI policy pack ${version}` }),
			editedById: actorId,
		},
		select: { id: true },
	})
	await recordEvent(tx, {
		actorId,
		action: 'policy_pack.changes_carried_over',
		entityType: 'PolicyPackVersion',
		entityId: created.id,
		before: { from: edited.version },
		after: { version, basedOn: release.version, changes: carried },
		request,
	})
	return { version, changes: carried }
}

const REEVALUATION_BATCH = 100

/**
 * Re-runs the checks for every non-retired use case against the job's pack, in batches, recording
 * progress on the job. Runs as a background job (app/modules/jobs/runs.server.ts); a run that
 * stopped part-way (a crash, a database blip) resumes after the last batch it stored. Stops when
 * `signal` aborts (its job was taken over) and throws; a job that is no longer running is left alone.
 */
export async function runReevaluation(jobId: string, options: { signal?: AbortSignal } = {}) {
	const job = await prisma.reevaluationJob.findUniqueOrThrow({
		where: { id: jobId },
		select: { status: true, packVersion: true, done: true, resumeAfterId: true },
	})
	if (job.status !== 'RUNNING') return
	const packRow = await prisma.policyPackVersion.findUniqueOrThrow({
		where: { version: job.packVersion },
		select: { id: true, content: true, updatedAt: true },
	})
	const pack = packFrom(packRow)
	let cursor = job.resumeAfterId ?? undefined
	let done = job.done
	for (;;) {
		options.signal?.throwIfAborted()
		const ids = await prisma.useCase.findMany({
			where: { status: { not: 'RETIRED' }, ...(cursor ? { id: { gt: cursor } } : {}) },
			orderBy: { id: 'asc' },
			take: REEVALUATION_BATCH,
			select: { id: true },
		})
		if (ids.length === 0) break
		await evaluateStoredUseCases(
			ids.map((row) => row.id),
			pack,
		)
		done += ids.length
		cursor = ids.at(-1)?.id
		await prisma.reevaluationJob.update({
			where: { id: jobId },
			data: { done, resumeAfterId: cursor },
		})
	}
	await prisma.reevaluationJob.update({
		where: { id: jobId },
		data: { status: 'DONE', finishedAt: new Date(), done },
	})
}

/** A re-check that will not be retried: FAILED with its reason, on the page that shows its progress. */
export async function recordReevaluationFailure(jobId: string, error: unknown) {
	console.error('Re-evaluation failed', error)
	await prisma.reevaluationJob.updateMany({
		where: { id: jobId, status: 'RUNNING' },
		data: {
			status: 'FAILED',
			finishedAt: new Date(),
			error: error instanceof Error ? error.message.slice(0, 1000) : 'unknown error',
		},
	})
}

export async function getReevaluationJob(jobId: string) {
	const job = await prisma.reevaluationJob.findUnique({
		where: { id: jobId },
		select: {
			id: true,
			packVersion: true,
			status: true,
			total: true,
			done: true,
			error: true,
			startedAt: true,
			finishedAt: true,
			startedBy: { select: { name: true } },
		},
	})
	if (!job) throw new AppError('NOT_FOUND', 'No re-evaluation job has this id.')
	return job
}

export async function listPackVersions() {
	const rows = await prisma.policyPackVersion.findMany({
		orderBy: [{ publishedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }],
		select: {
			id: true,
			version: true,
			status: true,
			origin: true,
			revision: true,
			publishedAt: true,
			basedOnVersion: true,
			editedBy: { select: { name: true } },
		},
	})
	return rows
}
