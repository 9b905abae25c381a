// Importing an inventory file: the upload is kept on an ImportBatch from the preview to the import,
// so the governance lead imports exactly the file they checked. The import runs in the app process
// after the request returns, one row per transaction, recording its progress on the batch; the
// page polls it. Re-importing a file finds the cases it created (UseCase.importKey) and changes
// only what the file changes.
import { createHash } from 'node:crypto'
import { type Prisma } from '#app/generated/prisma/client.ts'
import { recordEvent, type Tx } from '#app/modules/audit/record-event.server.ts'
import { enqueueJob, runHereWithoutQueue } from '#app/modules/jobs/job-queue.server.ts'
import { evaluateWithCurrentPack, storeCheckRun } from '#app/modules/policies/packs.server.ts'
import { refreshDatasetCopies } from '#app/modules/use-cases/dataset-copies.server.ts'
import { TRACKING_ID_PATTERN, type UseCaseDocument, UseCaseDocumentSchema } from '#app/modules/use-cases/use-case-document.ts'
import { allocateTrackingId, columnsOf, freezeVersion, isInvolvedIn, isListedOn, toDocument, useCaseSelect } from '#app/modules/use-cases/use-cases.server.ts'
import { independentReviewFromLanes } from '#app/modules/workflow/independent-review.ts'
import { materialChanges } from '#app/modules/workflow/material-change.ts'
import { decideTransition, factsFor, isDecided, type WorkflowStatus } from '#app/modules/workflow/state-machine.ts'
import { applySubmission } from '#app/modules/workflow/submission.server.ts'
import { openReviewLanes } from '#app/modules/workflow/review-round.server.ts'
import { recordStatusChange } from '#app/modules/workflow/status-history.server.ts'
import { type SessionUser } from '#app/utils/auth.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { type RequestInfo } from '#app/utils/request-context.ts'
import {
	countOutcomes,
	decodeCsv,
	type ExistingCase,
	type ImportProblem,
	importKeyFor,
	type ParsedFile,
	parseOmbCsv,
	type PlannedRow,
	planImport,
	resolveBureau,
} from './import-rows.ts'
import { cmsAgency } from './omb-export.ts'

/** Agencies' inventory files run to a few hundred rows and well under 1 MB; 5 MB leaves room. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024
const PROGRESS_EVERY = 5

type Actor = Pick<SessionUser, 'id' | 'email' | 'name' | 'roles'>

function parseContent(content: string): ParsedFile {
	try {
		return parseOmbCsv(content, { agency: cmsAgency.agency })
	} catch (error) {
		throw new AppError('INVALID', error instanceof Error ? error.message : 'The file could not be read.')
	}
}

const existingSelect = { ...useCaseSelect, importKey: true, determinedById: true } as const satisfies Prisma.UseCaseSelect

/** The org units, and every case a row of the file could be: by import key, by tracking id, or by name. */
async function matchingContext(file: ParsedFile) {
	const orgUnits = await prisma.orgUnit.findMany({ select: { id: true, code: true, shortName: true } })
	const keys: Array<string> = []
	for (const row of file.rows) {
		const { orgUnit } = resolveBureau(row.bureau, orgUnits)
		if (orgUnit && row.name) keys.push(importKeyFor(row, orgUnit.code))
	}
	const trackingIds = file.rows.map((row) => row.fileId).filter((id): id is string => id !== null && TRACKING_ID_PATTERN.test(id))
	const names = [...new Set(file.rows.map((row) => row.name).filter(Boolean))]
	const cases = await prisma.useCase.findMany({
		where: {
			OR: [
				{ importKey: { in: keys } },
				{ trackingId: { in: trackingIds } },
				{ name: { in: names, mode: 'insensitive' } },
			],
		},
		select: existingSelect,
	})
	const existing: Array<ExistingCase> = cases.map((useCase) => ({
		id: useCase.id,
		trackingId: useCase.trackingId,
		version: useCase.version,
		importKey: useCase.importKey,
		determinedInTracker: useCase.determinedById !== null,
		independentReviewInTracker: independentReviewFromLanes(useCase.laneReviews) !== undefined,
		document: toDocument(useCase),
	}))
	return { orgUnits, existing }
}

/** What importing the file would do now: parsed rows, file-level problems, and each row's plan. */
export async function analyseImport(content: string) {
	const file = parseContent(content)
	const plan = planImport(file, await matchingContext(file))
	return { file, plan, counts: countOutcomes(plan) }
}

function allProblems(file: ParsedFile, plan: ReadonlyArray<PlannedRow>): Array<ImportProblem> {
	return [...file.problems, ...plan.flatMap((row) => row.problems)]
}

/** Reads the upload, keeps it on a new batch in PREVIEW, and audits the upload. */
export async function uploadImport(actor: Actor, upload: { fileName: string; bytes: Uint8Array }, request: RequestInfo) {
	if (upload.bytes.byteLength === 0) throw new AppError('INVALID', 'The file is empty.')
	// PostgreSQL cannot store a NUL; a CSV text file never holds one (a UTF-16 file does).
	if (upload.bytes.includes(0)) throw new AppError('INVALID', 'The file holds NUL bytes, so it is not a CSV text file: save it as “CSV UTF-8” and upload it again.')
	if (upload.bytes.byteLength > MAX_IMPORT_BYTES) {
		throw new AppError('INVALID', `The file is ${(upload.bytes.byteLength / 1024 / 1024).toFixed(1)} MB; at most 5 MB can be imported.`)
	}
	const content = decodeCsv(upload.bytes)
	const { file, plan, counts } = await analyseImport(content)
	if (file.rows.length === 0) throw new AppError('INVALID', 'The file has a header but no use cases.')
	const fileSha256 = createHash('sha256').update(upload.bytes).digest('hex')
	const fileName = upload.fileName.replace(/[\\/]/g, '_').slice(0, 200) || 'inventory.csv'
	return prisma.$transaction(async (tx) => {
		const batch = await tx.importBatch.create({
			data: {
				fileName,
				fileSha256,
				content,
				total: file.rows.length,
				problems: allProblems(file, plan) as unknown as Prisma.InputJsonValue,
				startedById: actor.id,
			},
			select: { id: true },
		})
		await recordEvent(tx, {
			actorId: actor.id,
			action: 'import_batch.uploaded',
			entityType: 'ImportBatch',
			entityId: batch.id,
			after: { fileName, fileSha256, rows: file.rows.length, planned: counts },
			request,
		})
		return batch
	})
}

const batchSelect = {
	id: true,
	fileName: true,
	fileSha256: true,
	status: true,
	total: true,
	processed: true,
	created: true,
	updated: true,
	unchanged: true,
	skipped: true,
	problems: true,
	error: true,
	startedAt: true,
	finishedAt: true,
	startedBy: { select: { name: true } },
} as const satisfies Prisma.ImportBatchSelect

/**
 * A batch as its page shows it. In PREVIEW the plan is worked out again on every view, against the
 * cases as they are now, so the preview never shows a stale plan.
 */
export async function getImportBatch(batchId: string) {
	const batch = await prisma.importBatch.findUnique({ where: { id: batchId }, select: { ...batchSelect, content: true } })
	if (!batch) throw new AppError('NOT_FOUND', 'No import has this id.')
	const { content, ...rest } = batch
	const previousImport = await prisma.importBatch.findFirst({
		where: { fileSha256: batch.fileSha256, status: 'DONE', id: { not: batch.id } },
		orderBy: { finishedAt: 'desc' },
		select: { id: true, finishedAt: true, startedBy: { select: { name: true } } },
	})
	if (batch.status !== 'PREVIEW') {
		return { batch: { ...rest, problems: rest.problems as unknown as Array<ImportProblem> }, preview: null, previousImport }
	}
	const { file, plan, counts } = await analyseImport(content)
	return {
		batch: { ...rest, problems: allProblems(file, plan) },
		preview: {
			counts,
			rows: plan.map((row) => ({
				row: row.row,
				name: row.name,
				outcome: row.outcome,
				useCaseId: row.existing?.id ?? null,
				trackingId: row.existing?.trackingId ?? null,
				orgUnit: row.orgUnit?.code ?? null,
				changed: row.changed,
			})),
		},
		previousImport,
	}
}

export async function listImportBatches() {
	return prisma.importBatch.findMany({
		orderBy: { startedAt: 'desc' },
		take: 20,
		select: { id: true, fileName: true, status: true, total: true, created: true, updated: true, unchanged: true, skipped: true, startedAt: true, finishedAt: true, startedBy: { select: { name: true } } },
	})
}

/** Discards a preview: the kept file goes with it. */
export async function discardImport(actor: Actor, batchId: string, request: RequestInfo) {
	await prisma.$transaction(async (tx) => {
		const batch = await tx.importBatch.findUnique({ where: { id: batchId }, select: { status: true, fileName: true, fileSha256: true } })
		if (!batch) throw new AppError('NOT_FOUND', 'No import has this id.')
		if (batch.status !== 'PREVIEW') throw new AppError('CONFLICT', 'This import has already run; only a preview can be discarded.')
		await tx.importBatch.delete({ where: { id: batchId } })
		await recordEvent(tx, { actorId: actor.id, action: 'import_batch.discarded', entityType: 'ImportBatch', entityId: batchId, before: { fileName: batch.fileName, fileSha256: batch.fileSha256 }, request })
	})
}

/** Starts the import of a previewed file; refused when it has already started. The work runs after the response. */
export async function startImport(actor: Actor, batchId: string, request: RequestInfo) {
	await prisma.$transaction(async (tx) => {
		const started = await tx.importBatch.updateMany({ where: { id: batchId, status: 'PREVIEW' }, data: { status: 'RUNNING', processed: 0 } })
		if (started.count === 0) {
			const exists = await tx.importBatch.findUnique({ where: { id: batchId }, select: { id: true } })
			if (!exists) throw new AppError('NOT_FOUND', 'No import has this id.')
			throw new AppError('CONFLICT', 'This file is already being imported, or has been; its progress is on this page.')
		}
		await recordEvent(tx, { actorId: actor.id, action: 'import_batch.started', entityType: 'ImportBatch', entityId: batchId, request })
		// The import is a background job written with the start: it runs once this commits.
		await enqueueJob(tx, 'omb-import', { batchId, actorId: actor.id, request }, { singletonKey: batchId })
	})
	runHereWithoutQueue(() => runImport(batchId, actor, request).catch((error: unknown) => recordImportFailure(batchId, error)))
}

// ── The import itself ──

/** The columns of UseCase a document fills (the rest of its answers go into `answers`, below). */
function columnsFor(document: UseCaseDocument) {
	const { answers: _answers, ...columns } = columnsOf(document)
	return columns
}

/**
 * The `answers` JSON for a document, over what the case already stores: a key this release does
 * not know is kept rather than dropped. (Waivers and pilot certifications are records of their own.)
 */
function answersOf(document: UseCaseDocument, stored: unknown = {}): Prisma.InputJsonValue {
	const previous = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {}
	return JSON.parse(
		JSON.stringify({
			...previous,
			operationalDate: document.operationalDate,
			hasAto: document.hasAto,
			atoSystemName: document.atoSystemName,
			dataDescription: document.dataDescription,
			linkToData: document.linkToData,
			hasPii: document.hasPii,
			piaUrl: document.piaUrl,
			demographicFeatures: document.demographicFeatures,
			hasCustomCode: document.hasCustomCode,
			codeUrl: document.codeUrl,
			affectedParties: document.affectedParties,
			informedDecisions: document.informedDecisions,
			aiScreen: document.aiScreen,
			practices: document.practices,
			safeguards: document.safeguards,
			highImpact: { ...document.highImpact, determination: undefined },
			previousOmbId: document.previousOmbId,
			cotsTask: document.cotsTask,
			estimatedUsers: document.estimatedUsers,
		}),
	) as Prisma.InputJsonValue
}

type ImportContext = { actor: Actor; batchId: string; fileName: string; request: RequestInfo }

/**
 * A new case from a row: a tracking id of its own, the file's id kept as `previousOmbId`, submitted
 * (round 1) with a frozen version, its checks stored and the review lanes they require opened.
 */
async function createFromRow(tx: Tx, planned: PlannedRow, context: ImportContext) {
	const now = new Date()
	const trackingId = await allocateTrackingId(tx, now.getUTCFullYear())
	// The owner is the active user the file names as contact; otherwise the person importing.
	const contact = planned.document?.contactEmail
		? await tx.user.findFirst({ where: { email: planned.document.contactEmail, active: true }, select: { id: true, email: true } })
		: null
	const owner = contact ?? context.actor
	const document = UseCaseDocumentSchema.parse({ ...planned.document, trackingId, ownerEmail: owner.email })
	const useCase = await tx.useCase.create({
		data: {
			trackingId,
			...columnsFor(document),
			answers: answersOf(document),
			highImpactDetermination: document.highImpact.determination ?? null,
			orgUnitId: planned.orgUnit!.id,
			// The case is the owner's; the import itself is on the audit trail and the frozen version.
			createdById: owner.id,
			ownerId: owner.id,
			status: 'SUBMITTED',
			submittedAt: now,
			reviewRound: 1,
			source: 'IMPORT',
			importKey: planned.importKey,
			contacts: { create: { userId: owner.id, role: 'OWNER' } },
		},
		select: { id: true },
	})
	await freezeVersion(tx, context.actor.id, useCase.id, document, 'IMPORTED')
	const evaluation = await evaluateWithCurrentPack(document, tx)
	await storeCheckRun(tx, useCase.id, 1, evaluation)
	await openReviewLanes(tx, { useCaseId: useCase.id, round: 1, lanes: evaluation.requiredLanes })
	await recordStatusChange(tx, { useCaseId: useCase.id, from: 'DRAFT', to: 'SUBMITTED', actorId: context.actor.id, at: now })
	await refreshDatasetCopies(tx, { useCaseIds: [useCase.id] })
	await recordEvent(tx, {
		actorId: context.actor.id,
		action: 'use_case.imported',
		entityType: 'UseCase',
		entityId: useCase.id,
		after: {
			trackingId,
			previousOmbId: document.previousOmbId ?? null,
			importKey: planned.importKey,
			importBatchId: context.batchId,
			fileName: context.fileName,
			row: planned.row,
			ownerId: owner.id,
			status: 'SUBMITTED',
			requiredLanes: evaluation.requiredLanes,
		},
		request: context.request,
	})
}

/** The row's changes to an existing case: a new version, frozen and checked, under the version the plan read. */
async function updateFromRow(tx: Tx, planned: PlannedRow, context: ImportContext) {
	const existing = planned.existing!
	const current = await tx.useCase.findUnique({ where: { id: existing.id }, select: existingSelect })
	if (!current) throw new AppError('NOT_FOUND', `${existing.trackingId} no longer exists.`)
	const stale = new AppError('CONFLICT', `${existing.trackingId} was changed while the import ran; import the file again to apply this row.`)
	if (current.version !== existing.version) throw stale
	const document = planned.document!
	const nextVersion = current.version + 1
	// A material change to an approved case re-opens its review, as an edit in the tracker would.
	const material = isDecided(current.status) ? materialChanges(toDocument(current), document) : []
	let reopenedTo: WorkflowStatus | null = null
	if (material.length) {
		const verdict = decideTransition(
			'reopen',
			{ roles: context.actor.roles.map((r) => r.role), listed: isListedOn(context.actor, current), involved: isInvolvedIn(context.actor, current), holdsOpenLane: false },
			factsFor(current.status),
		)
		if (!verdict.allowed) throw new AppError(verdict.code, `${existing.trackingId} is approved and the file changes ${material.join(', ')}: ${verdict.reason}`)
		reopenedTo = verdict.to
	}
	const round = reopenedTo ? current.reviewRound + 1 : current.reviewRound
	const updated = await tx.useCase.updateMany({
		where: { id: current.id, version: current.version },
		data: {
			...columnsFor(document),
			answers: answersOf(document, current.answers),
			// A determination the governance lead recorded in the tracker is never replaced (see planImport).
			...(current.determinedById ? {} : { highImpactDetermination: document.highImpact.determination ?? null }),
			orgUnitId: planned.orgUnit!.id,
			version: nextVersion,
			...(reopenedTo ? { status: reopenedTo, reviewRound: round, decidedAt: null } : {}),
		},
	})
	if (updated.count === 0) throw stale
	await freezeVersion(tx, context.actor.id, current.id, document, reopenedTo ? 'MATERIAL_CHANGE' : 'IMPORT_UPDATED')
	const evaluation = await evaluateWithCurrentPack(document, tx)
	await storeCheckRun(tx, current.id, nextVersion, evaluation)
	if (reopenedTo) {
		await recordEvent(tx, {
			actorId: context.actor.id,
			action: 'use_case.reopened',
			entityType: 'UseCase',
			entityId: current.id,
			before: { status: current.status, round: current.reviewRound },
			after: { status: reopenedTo, version: nextVersion, round, materialChanges: material, importBatchId: context.batchId },
			request: context.request,
		})
		await applySubmission(tx, {
			action: 'reopen',
			actor: context.actor,
			useCase: { id: current.id, trackingId: current.trackingId, name: document.name },
			from: current.status,
			to: reopenedTo,
			round,
			requiredLanes: evaluation.requiredLanes,
			changedFields: material,
		})
	}
	await recordEvent(tx, {
		actorId: context.actor.id,
		action: 'use_case.import_updated',
		entityType: 'UseCase',
		entityId: current.id,
		before: { version: current.version, changed: planned.changed },
		after: { version: nextVersion, changed: planned.changed, importBatchId: context.batchId, fileName: context.fileName, row: planned.row },
		request: context.request,
	})
}

/**
 * Imports every row of a started batch, each in its own transaction (a row that fails is reported
 * and the rest go on), writing progress to the batch as it goes. Runs as a background job
 * (app/modules/jobs/runs.server.ts): a run that stopped part-way resumes after the last progress it
 * wrote (rows imported since then are found again by their import key and come out unchanged).
 * Stops when `signal` aborts (its job was taken over) and throws; a batch no longer running is left alone.
 */
export async function runImport(batchId: string, actor: Actor, request: RequestInfo, options: { signal?: AbortSignal } = {}) {
	const batch = await prisma.importBatch.findUniqueOrThrow({
		where: { id: batchId },
		select: { content: true, fileName: true, status: true, processed: true, created: true, updated: true, unchanged: true, skipped: true },
	})
	if (batch.status !== 'RUNNING') return
	const { file, plan } = await analyseImport(batch.content)
	const problems = allProblems(file, plan)
	const counts = { created: batch.created, updated: batch.updated, unchanged: batch.unchanged, skipped: batch.skipped }
	const context: ImportContext = { actor, batchId, fileName: batch.fileName, request }
	let processed = batch.processed
	for (const planned of plan.slice(processed)) {
		options.signal?.throwIfAborted()
		try {
			if (planned.outcome === 'CREATE') {
				await prisma.$transaction((tx) => createFromRow(tx, planned, context))
				counts.created++
			} else if (planned.outcome === 'UPDATE') {
				await prisma.$transaction((tx) => updateFromRow(tx, planned, context))
				counts.updated++
			} else if (planned.outcome === 'UNCHANGED') counts.unchanged++
			else counts.skipped++
		} catch (error) {
			const message = error instanceof AppError ? error.message : isUniqueViolation(error) ? 'Another import created this use case at the same moment; import the file again.' : null
			if (message === null) throw error
			problems.push({ row: planned.row, name: planned.name, column: null, severity: 'ERROR', message })
			counts.skipped++
		}
		processed++
		if (processed % PROGRESS_EVERY === 0) {
			await prisma.importBatch.update({ where: { id: batchId }, data: { processed, ...counts } })
		}
	}
	await prisma.$transaction(async (tx) => {
		await tx.importBatch.update({
			where: { id: batchId },
			data: { status: 'DONE', processed, ...counts, problems: problems as unknown as Prisma.InputJsonValue, finishedAt: new Date() },
		})
		await recordEvent(tx, { actorId: actor.id, action: 'import_batch.finished', entityType: 'ImportBatch', entityId: batchId, after: { rows: plan.length, ...counts }, request })
	})
}

/** An import that will not be retried: FAILED with its reason, on its page, where it can be restarted. */
export async function recordImportFailure(batchId: string, error: unknown) {
	console.error('Import failed', error)
	await prisma.importBatch.updateMany({
		where: { id: batchId, status: 'RUNNING' },
		data: { status: 'FAILED', finishedAt: new Date(), error: error instanceof Error ? error.message.slice(0, 1000) : 'unknown error' },
	})
}

function isUniqueViolation(error: unknown) {
	return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === 'P2002'
}
