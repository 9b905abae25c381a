import { type Prisma, type PrismaClient } from '#app/generated/prisma/client.ts'
import { recordEvent, type Tx } from '#app/modules/audit/record-event.server.ts'
import { type UseCaseDocument } from '#app/modules/use-cases/use-case-document.ts'
import { prisma } from '#app/utils/db.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { type RequestInfo } from '#app/utils/request-context.ts'
import { evaluateUseCase, type Evaluation, unimplementedCheckIds } from './evaluate.ts'
import {
	type PolicyCheckDefinition,
	type PolicyPack,
	type PolicyReference,
	parsePolicyPack,
	policyPackSchema,
	shippedPolicyPack,
} from './policy-pack.ts'

/** Loads the pack that ships with this release, once; a published pack is never changed. */
export async function ensureShippedPackLoaded(client: PrismaClient) {
	const shipped = shippedPolicyPack()
	const existing = await client.policyPackVersion.findUnique({ where: { version: shipped.version }, select: { id: true } })
	if (existing) return
	await client.policyPackVersion.create({
		data: { version: shipped.version, status: 'PUBLISHED', content: shipped as unknown as Prisma.InputJsonValue, publishedAt: new Date() },
	})
}

const parsedPacks = new Map<string, PolicyPack>()
const packKey = (row: { id: string; updatedAt: Date }) => `${row.id}:${row.updatedAt.getTime()}`

function packFrom(row: { id: string; content: unknown; updatedAt: Date }) {
	const key = packKey(row)
	let pack = parsedPacks.get(key)
	if (!pack) {
		pack = parsePolicyPack(row.content)
		parsedPacks.set(key, pack)
	}
	return pack
}

/**
 * The newest published pack: every evaluation uses it. Which pack that is costs a small read; its
 * content (tens of kilobytes of JSON) is read and parsed only the first time that pack is seen.
 */
export async function currentPolicyPack(client: PrismaClient | Tx = prisma): Promise<PolicyPack> {
	const where = { status: 'PUBLISHED' } as const
	const orderBy = { publishedAt: 'desc' } as const
	const latest = await client.policyPackVersion.findFirst({ where, orderBy, select: { id: true, updatedAt: true } })
	if (!latest) return shippedPolicyPack()
	const known = parsedPacks.get(packKey(latest))
	if (known) return known
	const row = await client.policyPackVersion.findUnique({ where: { id: latest.id }, select: { id: true, content: true, updatedAt: true } })
	return row ? packFrom(row) : shippedPolicyPack()
}

export async function evaluateWithCurrentPack(doc: UseCaseDocument, client: PrismaClient | Tx = prisma) {
	return evaluateUseCase(doc, { pack: await currentPolicyPack(client), asOf: new Date() })
}

/** Stores one evaluation of one use-case version; evaluating the same pair again replaces it. */
export async function storeCheckRun(tx: Tx, useCaseId: string, useCaseVersion: number, evaluation: Evaluation) {
	const data = {
		presumedHighImpact: evaluation.presumedHighImpact,
		requiredLanes: evaluation.requiredLanes,
		blocked: evaluation.blocked,
		results: evaluation as unknown as Prisma.InputJsonValue,
		evaluatedAt: new Date(),
	}
	await tx.checkRun.upsert({
		where: { useCaseId_useCaseVersion_packVersion: { useCaseId, useCaseVersion, packVersion: evaluation.packVersion } },
		create: { useCaseId, useCaseVersion, packVersion: evaluation.packVersion, ...data },
		update: data,
	})
}

/** The stored evaluation of a use-case version against the current pack, if it has been run. */
export async function storedEvaluation(useCaseId: string, useCaseVersion: number) {
	const pack = await currentPolicyPack()
	const run = await prisma.checkRun.findUnique({
		where: { useCaseId_useCaseVersion_packVersion: { useCaseId, useCaseVersion, packVersion: pack.version } },
		select: { results: true },
	})
	return run ? (run.results as unknown as Evaluation) : null
}

// ── Editing and publishing (administrators) ──

function nextVersion(version: string) {
	const [year, release] = version.split('.').map(Number)
	const thisYear = new Date().getUTCFullYear()
	return year === thisYear ? `${year}.${(release ?? 0) + 1}` : `${thisYear}.1`
}

/** The draft of the next pack version, started from the current published pack when there is none. */
export async function getDraftPack(actorId: string) {
	const draft = await prisma.policyPackVersion.findFirst({ where: { status: 'DRAFT' }, select: { id: true, version: true, content: true, revision: true, updatedAt: true } })
	if (draft) return { ...draft, pack: draft.content as unknown as PolicyPack }
	const current = await currentPolicyPack()
	const version = nextVersion(current.version)
	const content = { ...current, version, title: `Federal AI policy pack ${version}` }
	const created = await prisma.policyPackVersion.create({
		data: { version, status: 'DRAFT', content: content as unknown as Prisma.InputJsonValue, editedById: actorId },
		select: { id: true, version: true, content: true, revision: true, updatedAt: true },
	})
	return { ...created, pack: created.content as unknown as PolicyPack }
}

type DraftChange =
	| { kind: 'reference'; reference: PolicyReference; isNew: boolean }
	| { kind: 'check'; checkId: string; settings: Pick<PolicyCheckDefinition, 'enabled' | 'severity' | 'lane'> }

/** Applies one change to the draft under its revision (a stale form is refused) and audits it. */
export async function changeDraftPack(actorId: string, revision: number, change: DraftChange, request: RequestInfo) {
	return prisma.$transaction(async (tx) => {
		const draft = await tx.policyPackVersion.findFirst({ where: { status: 'DRAFT' }, select: { id: true, content: true, revision: true } })
		if (!draft) throw new AppError('NOT_FOUND', 'There is no draft pack; open the policy pack editor again.')
		if (draft.revision !== revision) {
			throw new AppError('CONFLICT', 'Another administrator changed the draft pack after you opened it. Reload and apply your change again.')
		}
		const pack = draft.content as unknown as PolicyPack
		let next: PolicyPack
		let before: unknown = null
		if (change.kind === 'reference') {
			const index = pack.references.findIndex((r) => r.id === change.reference.id)
			if (change.isNew && index >= 0) throw new AppError('INVALID', `A reference with the id ${change.reference.id} already exists.`)
			if (!change.isNew && index < 0) throw new AppError('NOT_FOUND', `The draft has no reference ${change.reference.id}.`)
			before = index >= 0 ? pack.references[index] : null
			const references = change.isNew
				? [...pack.references, change.reference]
				: pack.references.map((r) => (r.id === change.reference.id ? change.reference : r))
			next = { ...pack, references }
		} else {
			const check = pack.checks.find((c) => c.id === change.checkId)
			if (!check) throw new AppError('NOT_FOUND', `The draft has no check ${change.checkId}.`)
			before = { enabled: check.enabled, severity: check.severity, lane: check.lane }
			next = { ...pack, checks: pack.checks.map((c) => (c.id === change.checkId ? { ...c, ...change.settings } : c)) }
		}
		const validated = policyPackSchema.safeParse(next)
		if (!validated.success) {
			throw new AppError('INVALID', validated.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '))
		}
		await tx.policyPackVersion.update({
			where: { id: draft.id },
			data: { content: validated.data as unknown as Prisma.InputJsonValue, revision: { increment: 1 }, editedById: actorId },
		})
		await recordEvent(tx, {
			actorId,
			action: change.kind === 'reference' ? (change.isNew ? 'policy_pack.reference_added' : 'policy_pack.reference_edited') : 'policy_pack.check_changed',
			entityType: 'PolicyPackVersion',
			entityId: draft.id,
			before: before as Prisma.InputJsonValue,
			after: (change.kind === 'reference' ? change.reference : { checkId: change.checkId, ...change.settings }) as Prisma.InputJsonValue,
			request,
		})
	})
}

/** Publishes the draft as the current pack and starts re-running every non-retired use case. */
export async function publishDraftPack(actorId: string, revision: number, request: RequestInfo) {
	const { jobId, version } = await prisma.$transaction(async (tx) => {
		const draft = await tx.policyPackVersion.findFirst({ where: { status: 'DRAFT' }, select: { id: true, version: true, content: true, revision: true } })
		if (!draft) throw new AppError('NOT_FOUND', 'There is no draft pack to publish.')
		if (draft.revision !== revision) {
			throw new AppError('CONFLICT', 'Another administrator changed the draft pack after you opened it. Reload and review it before publishing.')
		}
		const pack = parsePolicyPack(draft.content)
		const missing = unimplementedCheckIds(pack)
		if (missing.length) throw new AppError('INVALID', `These checks have no implementation in this release: ${missing.join(', ')}.`)
		await tx.policyPackVersion.update({
			where: { id: draft.id },
			data: { status: 'PUBLISHED', publishedAt: new Date(), content: { ...pack, publishedDate: new Date().toISOString().slice(0, 10) } as unknown as Prisma.InputJsonValue },
		})
		const total = await tx.useCase.count({ where: { status: { not: 'RETIRED' } } })
		const job = await tx.reevaluationJob.create({ data: { packVersion: draft.version, total, startedById: actorId }, select: { id: true } })
		await recordEvent(tx, {
			actorId,
			action: 'policy_pack.published',
			entityType: 'PolicyPackVersion',
			entityId: draft.id,
			after: { version: draft.version, reevaluationJobId: job.id, useCasesToReevaluate: total },
			request,
		})
		return { jobId: job.id, version: draft.version }
	})
	void runReevaluation(jobId, version)
	return { jobId, version }
}

const REEVALUATION_BATCH = 100

/**
 * Re-runs the checks for every non-retired use case against the new pack, in batches, recording
 * progress on the job. Runs in the app process after publishing; the page polls the job.
 */
export async function runReevaluation(jobId: string, packVersion: string) {
	// Imported here to keep the module graph acyclic (use-cases imports this module).
	const { evaluateStoredUseCases } = await import('#app/modules/use-cases/use-cases.server.ts')
	try {
		const packRow = await prisma.policyPackVersion.findUniqueOrThrow({ where: { version: packVersion }, select: { id: true, content: true, updatedAt: true } })
		const pack = packFrom(packRow)
		let cursor: string | undefined
		let done = 0
		for (;;) {
			const ids = await prisma.useCase.findMany({
				where: { status: { not: 'RETIRED' } },
				orderBy: { id: 'asc' },
				take: REEVALUATION_BATCH,
				...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
				select: { id: true },
			})
			if (ids.length === 0) break
			await evaluateStoredUseCases(
				ids.map((row) => row.id),
				pack,
			)
			done += ids.length
			cursor = ids.at(-1)?.id
			await prisma.reevaluationJob.update({ where: { id: jobId }, data: { done } })
		}
		await prisma.reevaluationJob.update({ where: { id: jobId }, data: { status: 'DONE', finishedAt: new Date(), done } })
	} catch (error) {
		console.error('Re-evaluation failed', error)
		await prisma.reevaluationJob.update({
			where: { id: jobId },
			data: { status: 'FAILED', finishedAt: new Date(), error: error instanceof Error ? error.message.slice(0, 1000) : 'unknown error' },
		})
	}
}

export async function getReevaluationJob(jobId: string) {
	const job = await prisma.reevaluationJob.findUnique({
		where: { id: jobId },
		select: { id: true, packVersion: true, status: true, total: true, done: true, error: true, startedAt: true, finishedAt: true, startedBy: { select: { name: true } } },
	})
	if (!job) throw new AppError('NOT_FOUND', 'No re-evaluation job has this id.')
	return job
}

export async function listPackVersions() {
	return prisma.policyPackVersion.findMany({
		orderBy: [{ publishedAt: { sort: 'desc', nulls: 'first' } }],
		select: { id: true, version: true, status: true, publishedAt: true, editedBy: { select: { name: true } } },
	})
}
