// Importing an inventory file: the upload is kept (ImportFile) from the preview to the import, so
// the governance lead imports exactly the file they checked. Reading, matching and planning a file
// of thousands of rows pauses between slices of work, and the import writes its progress to the
// small ImportBatch row a few times a second, so the app keeps answering everyone while it runs.
// `importRows(batchId, fromRow)` is the run itself: it can be called again from the row where a
// stopped run left off. Re-importing a file finds the cases it created and changes only what it changes.
import { createHash } from 'node:crypto'
import { setImmediate as immediate } from 'node:timers/promises'
import { promisify } from 'node:util'
import { gunzip, gzip } from 'node:zlib'
import { type Prisma } from '#app/generated/prisma/client.ts'
import { recordEvent } from '#app/modules/audit/record-event.server.ts'
import { type Tx } from '#app/utils/db/tx.ts'
import { enqueueJob, runHereWithoutQueue } from '#app/modules/jobs/job-queue.server.ts'
import { evaluateUseCase } from '#app/modules/policies/evaluate.ts'
import { currentPolicyPack, storeCheckRun } from '#app/modules/policies/packs.server.ts'
import { type PolicyPack } from '#app/modules/policies/policy-pack.ts'
import { refreshDatasetCopies } from '#app/modules/use-cases/dataset-copies.server.ts'
import {
	type UseCaseDocument,
	UseCaseDocumentSchema,
} from '#app/modules/use-cases/use-case-document.ts'
import {
	allocateTrackingId,
	columnsOf,
	freezeVersion,
	isInvolvedIn,
	isListedOn,
	contactPersonOf,
	listContactPerson,
	toDocument,
	useCaseSelect,
} from '#app/modules/use-cases/use-case-record.server.ts'
import { independentReviewFromLanes } from '#app/modules/workflow/independent-review.ts'
import { materialChanges } from '#app/modules/workflow/material-change.ts'
import {
	decideTransition,
	factsFor,
	isDecided,
	type WorkflowStatus,
} from '#app/modules/workflow/state-machine.ts'
import { applySubmission } from '#app/modules/workflow/submission.server.ts'
import { reopenLanesOfInvolvedReviewers } from '#app/modules/workflow/lane-independence.server.ts'
import { openReviewLanes } from '#app/modules/workflow/review-round.server.ts'
import { recordStatusChange } from '#app/modules/workflow/status-history.server.ts'
import { type SessionUser } from '#app/utils/auth.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { createPause } from '#app/utils/event-loop.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { type RequestInfo } from '#app/utils/request-context.ts'
import {
	type CaseRef,
	countOutcomes,
	createMatcher,
	decodeCsv,
	type ExistingCase,
	type ImportProblem,
	type MatchDecisions,
	type ParsedFile,
	parseOmbCsvInSlices,
	type PlannedRow,
	planRow,
} from './import-rows.ts'
import { MAX_IMPORT_BYTES, tooLargeMessage } from './import-limits.ts'
import { type ImportView, viewProblems, viewRows } from './import-view.ts'
import { cmsAgency } from './omb-export.ts'

/** The progress bar moves a few times a second; writing it more often only slows the import. */
const PROGRESS_EVERY_MS = 500

type Actor = Pick<SessionUser, 'id' | 'email' | 'name' | 'roles'>

const existingSelect = {
	...useCaseSelect,
	importKey: true,
	determinedById: true,
} as const satisfies Prisma.UseCaseSelect

// The stored file and its report are compressed and expanded on libuv's threads, off the event loop.
const gzipAsync = promisify(gzip)
const gunzipAsync = promisify(gunzip)
const packed = async (text: string) => new Uint8Array(await gzipAsync(Buffer.from(text, 'utf8')))
async function unpacked(bytes: Uint8Array, encoding: string) {
	return (encoding === 'gzip' ? await gunzipAsync(bytes) : Buffer.from(bytes)).toString('utf8')
}
const storedProblems = async (file: { problems: Uint8Array; encoding: string } | null) =>
	file ? (JSON.parse(await unpacked(file.problems, file.encoding)) as Array<ImportProblem>) : []
const packedProblems = (problems: ReadonlyArray<ImportProblem>) => packed(JSON.stringify(problems))

/** The org units an import may file a row under: the active ones, with every name a file may use for them. */
export async function importOrgUnits() {
	return prisma.orgUnit.findMany({
		where: { active: true },
		orderBy: { code: 'asc' },
		select: { id: true, code: true, shortName: true, name: true, aliases: true },
	})
}

/**
 * Every case but the drafts, by the little the matcher needs: names, ids and keys, never the
 * answers. A draft is its own people's until they submit it: a file may neither update it, nor
 * name it as a look-alike, nor tell from its preview what the draft answers.
 */
async function caseRefs(): Promise<Array<CaseRef>> {
	const rows = await prisma.$queryRaw<
		Array<{
			id: string
			trackingId: string
			version: number
			name: string
			importKey: string | null
			orgUnitCode: string
			problemSolved: string | null
			vendorNames: Array<string>
			previousOmbId: string | null
			formerOmbIds: unknown
		}>
	>`SELECT u."id", u."trackingId", u."version", u."name", u."importKey", o."code" AS "orgUnitCode", left(u."problemSolved", 400) AS "problemSolved",
	         u."vendorNames", u."answers"->>'previousOmbId' AS "previousOmbId", u."answers"->'formerOmbIds' AS "formerOmbIds"
	  FROM "UseCase" u JOIN "OrgUnit" o ON o."id" = u."orgUnitId"
	  WHERE u."status" <> 'DRAFT'
	  ORDER BY u."trackingId"`
	return rows.map((row) => ({
		...row,
		formerOmbIds: Array.isArray(row.formerOmbIds)
			? row.formerOmbIds.filter((id): id is string => typeof id === 'string')
			: [],
	}))
}

/** The matched cases in full, a page at a time. */
async function loadCases(ids: ReadonlyArray<string>, pause: () => Promise<void>) {
	const documents = new Map<string, ExistingCase>()
	for (let start = 0; start < ids.length; start += 200) {
		const cases = await prisma.useCase.findMany({
			where: { id: { in: ids.slice(start, start + 200) } },
			select: existingSelect,
		})
		for (const useCase of cases) {
			documents.set(useCase.id, {
				id: useCase.id,
				trackingId: useCase.trackingId,
				version: useCase.version,
				importKey: useCase.importKey,
				determinedInTracker: useCase.determinedById !== null,
				independentReviewInTracker: independentReviewFromLanes(useCase.laneReviews) !== undefined,
				inReview: useCase.status === 'IN_REVIEW',
				document: toDocument(useCase),
			})
			await pause()
		}
	}
	return documents
}

export type ImportAnalysis = {
	file: ParsedFile
	plan: Array<PlannedRow>
	counts: ReturnType<typeof countOutcomes>
	problems: Array<ImportProblem>
	/** What the plan does to which version of each case: the preview a person confirms, to compare at Import. */
	stamp: string
}

function planStamp(plan: ReadonlyArray<PlannedRow>) {
	const hash = createHash('sha256')
	for (const row of plan)
		hash.update(
			`${row.row}|${row.outcome}|${row.existing?.id ?? ''}|${row.existing?.version ?? ''}|${row.changed.join(',')}\n`,
		)
	return hash.digest('hex')
}

/** What importing the file would do now: parsed rows, each row's plan, and every problem, file-wide lines first. */
export async function analyseImport(
	content: string,
	decisions: MatchDecisions = {},
): Promise<ImportAnalysis> {
	const pause = createPause()
	let file: ParsedFile
	try {
		file = await parseOmbCsvInSlices(content, { agency: cmsAgency.agency }, pause)
	} catch (error) {
		throw new AppError(
			'INVALID',
			error instanceof Error ? error.message : 'The file could not be read.',
		)
	}
	const [orgUnits, cases] = await Promise.all([importOrgUnits(), caseRefs()])
	const matcher = createMatcher({ orgUnits, cases, decisions })
	const matches = []
	for (const row of file.rows) {
		matches.push(matcher.match(row))
		await pause()
	}
	const documents = await loadCases(
		[
			...new Set(
				matches.flatMap((match) => (match.existing && !match.outcome ? [match.existing.id] : [])),
			),
		],
		pause,
	)
	const plan: Array<PlannedRow> = []
	for (const match of matches) {
		plan.push(planRow(match, documents))
		await pause()
	}
	const problems = [
		...file.problems,
		...matcher.summaries(),
		...plan.flatMap((row) => row.problems),
	]
	return { file, plan, counts: countOutcomes(plan), problems, stamp: planStamp(plan) }
}

// The preview is worked out again when the inventory, the org units or the lead's decisions have
// changed since; otherwise paging and filtering it reuse the last analysis. Each process keeps a few.
const analyses = new Map<string, { stamp: string; analysis: Promise<ImportAnalysis> }>()
const KEPT_ANALYSES = 4

async function inventoryStamp() {
	const [row] = await prisma.$queryRaw<Array<{ stamp: string }>>`
		SELECT concat_ws(':', (SELECT count(*) FROM "UseCase"), (SELECT max("updatedAt") FROM "UseCase"),
		                      (SELECT count(*) FROM "OrgUnit"), (SELECT max("updatedAt") FROM "OrgUnit")) AS "stamp"`
	return row?.stamp ?? ''
}

async function cachedAnalysis(
	batchId: string,
	content: () => Promise<string>,
	decisions: MatchDecisions,
) {
	const stamp = `${await inventoryStamp()}|${JSON.stringify(decisions)}`
	const kept = analyses.get(batchId)
	if (kept && kept.stamp === stamp) return kept.analysis
	const analysis = content().then((text) => analyseImport(text, decisions))
	analyses.delete(batchId)
	analyses.set(batchId, { stamp, analysis })
	analysis.catch(() => analyses.delete(batchId))
	while (analyses.size > KEPT_ANALYSES) analyses.delete(analyses.keys().next().value!)
	return analysis
}

const fileContent = (batchId: string) => async () => {
	const file = await prisma.importFile.findUniqueOrThrow({
		where: { batchId },
		select: { content: true, encoding: true },
	})
	return unpacked(file.content, file.encoding)
}

/** Reads the upload, keeps it (with its problems) on a new batch in PREVIEW, and audits the upload. */
export async function uploadImport(
	actor: Actor,
	upload: { fileName: string; bytes: Uint8Array },
	request: RequestInfo,
) {
	if (upload.bytes.byteLength === 0) throw new AppError('INVALID', 'The file is empty.')
	// PostgreSQL cannot store a NUL; a CSV text file never holds one (a UTF-16 file does).
	if (upload.bytes.includes(0))
		throw new AppError(
			'INVALID',
			'The file holds NUL bytes, so it is not a CSV text file: save it as “CSV UTF-8” and upload it again.',
		)
	if (upload.bytes.byteLength > MAX_IMPORT_BYTES)
		throw new AppError('INVALID', tooLargeMessage(upload.bytes.byteLength))
	const content = decodeCsv(upload.bytes)
	const analysis = await analyseImport(content)
	const { file, counts, problems } = analysis
	if (file.rows.length === 0 && file.otherAgencies.length === 0)
		throw new AppError('INVALID', 'The file has a header but no use cases.')
	const fileSha256 = createHash('sha256').update(upload.bytes).digest('hex')
	const fileName = upload.fileName.replace(/[\\/]/g, '_').slice(0, 200) || 'inventory.csv'
	const [packedContent, packedReport] = await Promise.all([
		packed(content),
		packedProblems(problems),
	])
	const batch = await prisma.$transaction(async (tx) => {
		const created = await tx.importBatch.create({
			data: {
				fileName,
				fileSha256,
				total: file.rows.length,
				problemCount: problems.length,
				startedById: actor.id,
				file: { create: { content: packedContent, problems: packedReport } },
			},
			select: { id: true },
		})
		await recordEvent(tx, {
			actorId: actor.id,
			action: 'import_batch.uploaded',
			entityType: 'ImportBatch',
			entityId: created.id,
			after: {
				fileName,
				fileSha256,
				rows: file.rows.length,
				otherAgencyRows: file.otherAgencies.reduce((sum, other) => sum + other.rows, 0),
				planned: counts,
			},
			request,
		})
		return created
	})
	// The preview that follows reads this analysis instead of working it out again.
	analyses.set(batch.id, {
		stamp: `${await inventoryStamp()}|{}`,
		analysis: Promise.resolve(analysis),
	})
	return batch
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
	problemCount: true,
	matchDecisions: true,
	error: true,
	startedAt: true,
	finishedAt: true,
	startedBy: { select: { name: true } },
} as const satisfies Prisma.ImportBatchSelect

function decisionsOf(value: Prisma.JsonValue): MatchDecisions {
	return value && typeof value === 'object' && !Array.isArray(value)
		? (value as Record<string, string>)
		: {}
}

/**
 * A batch as its page shows it, one page of rows and problems at a time. In PREVIEW the plan is
 * the inventory's as it is now; while RUNNING only the progress is read (the page polls it).
 */
export async function getImportBatch(batchId: string, view: ImportView = {}) {
	const found = await prisma.importBatch.findUnique({ where: { id: batchId }, select: batchSelect })
	if (!found) throw new AppError('NOT_FOUND', 'No import has this id.')
	const { matchDecisions, ...batch } = found
	const decisions = decisionsOf(matchDecisions)
	const previousImport = await prisma.importBatch.findFirst({
		where: { fileSha256: batch.fileSha256, status: 'DONE', id: { not: batch.id } },
		orderBy: { finishedAt: 'desc' },
		select: { id: true, finishedAt: true, startedBy: { select: { name: true } } },
	})
	if (batch.status === 'RUNNING')
		return { batch, decisions, preview: null, problems: null, previousImport }
	if (batch.status !== 'PREVIEW') {
		const stored = await prisma.importFile.findUnique({
			where: { batchId },
			select: { problems: true, encoding: true },
		})
		return {
			batch,
			decisions,
			preview: null,
			problems: viewProblems(await storedProblems(stored), view),
			previousImport,
		}
	}
	const analysis = await cachedAnalysis(batchId, fileContent(batchId), decisions)
	return {
		batch: { ...batch, total: analysis.file.rows.length, problemCount: analysis.problems.length },
		decisions,
		preview: {
			stamp: analysis.stamp,
			counts: analysis.counts,
			otherAgencies: analysis.file.otherAgencies,
			...viewRows(analysis.plan, view),
		},
		problems: viewProblems(analysis.problems, view),
		previousImport,
	}
}

/** Every problem of a batch, filtered as on its page, for the problems CSV. */
export async function importProblemsOf(batchId: string, view: ImportView = {}) {
	const found = await prisma.importBatch.findUnique({
		where: { id: batchId },
		select: { status: true, fileName: true, matchDecisions: true },
	})
	if (!found) throw new AppError('NOT_FOUND', 'No import has this id.')
	const problems =
		found.status === 'PREVIEW'
			? (await cachedAnalysis(batchId, fileContent(batchId), decisionsOf(found.matchDecisions)))
					.problems
			: await storedProblems(
					await prisma.importFile.findUnique({
						where: { batchId },
						select: { problems: true, encoding: true },
					}),
				)
	return {
		fileName: found.fileName,
		problems: viewProblems(problems, { ...view, page: undefined }, { all: true }).list,
	}
}

export async function listImportBatches() {
	return prisma.importBatch.findMany({
		orderBy: { startedAt: 'desc' },
		take: 20,
		select: {
			id: true,
			fileName: true,
			status: true,
			total: true,
			created: true,
			updated: true,
			unchanged: true,
			skipped: true,
			startedAt: true,
			finishedAt: true,
			startedBy: { select: { name: true } },
		},
	})
}

/**
 * Records the lead's answer for rows that may be a case the tracker has: the case they are, or
 * "NEW". Only while the batch is a preview, and only for a case that exists.
 */
export async function decideMatches(
	actor: Actor,
	batchId: string,
	answers: Record<string, string>,
	request: RequestInfo,
) {
	await prisma.$transaction(async (tx) => {
		const batch = await tx.importBatch.findUnique({
			where: { id: batchId },
			select: { status: true, matchDecisions: true },
		})
		if (!batch) throw new AppError('NOT_FOUND', 'No import has this id.')
		if (batch.status !== 'PREVIEW')
			throw new AppError(
				'CONFLICT',
				'This file is being imported, or has been; its matches can no longer change.',
			)
		const caseIds = Object.values(answers).filter((answer) => answer !== 'NEW')
		const known = await tx.useCase.count({ where: { id: { in: caseIds } } })
		if (known !== new Set(caseIds).size)
			throw new AppError('INVALID', 'A use case you chose no longer exists; reload the page.')
		const before = decisionsOf(batch.matchDecisions)
		const after = { ...before, ...answers }
		// Conditional on the decisions read: two leads answering at once never lose an answer unseen.
		const written = await tx.importBatch.updateMany({
			where: { id: batchId, status: 'PREVIEW', matchDecisions: { equals: before } },
			data: { matchDecisions: after },
		})
		if (written.count === 0)
			throw new AppError(
				'CONFLICT',
				'Someone answered for this file at the same moment; reload the page and answer again.',
			)
		await recordEvent(tx, {
			actorId: actor.id,
			action: 'import_batch.matches_decided',
			entityType: 'ImportBatch',
			entityId: batchId,
			before: { decisions: before },
			after: { decisions: after },
			request,
		})
	})
}

/** Discards a preview: the kept file goes with it. */
export async function discardImport(actor: Actor, batchId: string, request: RequestInfo) {
	await prisma.$transaction(async (tx) => {
		const batch = await tx.importBatch.findUnique({
			where: { id: batchId },
			select: { status: true, fileName: true, fileSha256: true },
		})
		if (!batch) throw new AppError('NOT_FOUND', 'No import has this id.')
		if (batch.status !== 'PREVIEW')
			throw new AppError(
				'CONFLICT',
				'This import has already run; only a preview can be discarded.',
			)
		await tx.importBatch.delete({ where: { id: batchId } })
		await recordEvent(tx, {
			actorId: actor.id,
			action: 'import_batch.discarded',
			entityType: 'ImportBatch',
			entityId: batchId,
			before: { fileName: batch.fileName, fileSha256: batch.fileSha256 },
			request,
		})
	})
	analyses.delete(batchId)
}

/** Starts the import of a previewed file; refused when it has already started. The rows are imported after the response. */
/**
 * Records who set an import going and queues its run as a background job written in the same
 * transaction, so it runs once that commits (and only if it does).
 */
export async function queueImportRun(
	tx: Tx,
	run: {
		actorId: string
		batchId: string
		action: 'import_batch.started' | 'import_batch.restarted'
		request: RequestInfo
	},
) {
	const { actorId, batchId, action, request } = run
	await recordEvent(tx, { actorId, action, entityType: 'ImportBatch', entityId: batchId, request })
	await enqueueJob(tx, 'omb-import', { batchId, actorId, request }, { singletonKey: batchId })
}

/**
 * Starts the import the person confirmed: `previewStamp` is the stamp of the preview they read. When
 * the file would now do something else (a case it updates was edited since, a use case was added
 * that a row now matches), nothing starts, so a preview read earlier never overwrites newer answers.
 */
export async function startImport(
	actor: Actor,
	batchId: string,
	request: RequestInfo,
	previewStamp: string,
) {
	const batch = await prisma.importBatch.findUnique({
		where: { id: batchId },
		select: { status: true, matchDecisions: true },
	})
	if (batch?.status === 'PREVIEW') {
		const now = await cachedAnalysis(
			batchId,
			fileContent(batchId),
			decisionsOf(batch.matchDecisions),
		)
		if (now.stamp !== previewStamp)
			throw new AppError(
				'CONFLICT',
				'The tracker changed since this preview was worked out (a use case the file touches was edited, or one was added), so nothing was imported. The preview below shows what the file would do now: check it, then import.',
			)
	}
	await prisma.$transaction(async (tx) => {
		const started = await tx.importBatch.updateMany({
			where: { id: batchId, status: 'PREVIEW' },
			data: { status: 'RUNNING', processed: 0, nextRow: 0, importedById: actor.id },
		})
		if (started.count === 0) {
			const exists = await tx.importBatch.findUnique({
				where: { id: batchId },
				select: { id: true },
			})
			if (!exists) throw new AppError('NOT_FOUND', 'No import has this id.')
			throw new AppError(
				'CONFLICT',
				'This file is already being imported, or has been; its progress is on this page.',
			)
		}
		await queueImportRun(tx, {
			actorId: actor.id,
			batchId,
			action: 'import_batch.started',
			request,
		})
	})
	analyses.delete(batchId)
	runHereWithoutQueue(() =>
		runImport(batchId, actor, request).catch((error: unknown) =>
			recordImportFailure(batchId, error),
		),
	)
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
			formerOmbIds: document.formerOmbIds,
			asWritten: document.asWritten,
			cotsTask: document.cotsTask,
			estimatedUsers: document.estimatedUsers,
		}),
	) as Prisma.InputJsonValue
}

type ImportContext = {
	actor: Actor
	batchId: string
	fileName: string
	request: RequestInfo
	pack: PolicyPack
}

/**
 * A new case from a row: a tracking id of its own, the file's id kept as `previousOmbId`, submitted
 * (round 1) with a frozen version, its checks stored and the review lanes they require opened.
 */
async function createFromRow(tx: Tx, planned: PlannedRow, context: ImportContext) {
	const now = new Date()
	const trackingId = await allocateTrackingId(tx, now.getUTCFullYear())
	// The owner is the active user the file names as contact; otherwise the person importing.
	const contact = planned.document?.contactEmail
		? await tx.user.findFirst({
				where: { email: planned.document.contactEmail, active: true },
				select: { id: true, email: true },
			})
		: null
	const owner = contact ?? context.actor
	const document = UseCaseDocumentSchema.parse({
		...planned.document,
		trackingId,
		ownerEmail: owner.email,
	})
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
	const evaluation = evaluateUseCase(document, { pack: context.pack, asOf: now })
	await storeCheckRun(tx, useCase.id, 1, evaluation)
	await openReviewLanes(tx, { useCaseId: useCase.id, round: 1, lanes: evaluation.requiredLanes })
	await recordStatusChange(tx, {
		useCaseId: useCase.id,
		from: 'DRAFT',
		to: 'SUBMITTED',
		actorId: context.actor.id,
		at: now,
	})
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
	const current = await tx.useCase.findUnique({
		where: { id: existing.id },
		select: existingSelect,
	})
	if (!current || current.status === 'DRAFT')
		throw new AppError('NOT_FOUND', `${existing.trackingId} no longer exists.`)
	const stale = new AppError(
		'CONFLICT',
		`${existing.trackingId} was changed while the import ran; import the file again to apply this row.`,
	)
	if (current.version !== existing.version) throw stale
	if (current.status === 'IN_REVIEW')
		throw new AppError(
			'CONFLICT',
			`${existing.trackingId} went into review while the import ran, and its reviewers decide on the answers it has; import the file again once it is decided.`,
		)
	const document = planned.document!
	const nextVersion = current.version + 1
	// A material change to an approved case re-opens its review, as an edit in the tracker would.
	const evaluation = evaluateUseCase(document, { pack: context.pack, asOf: new Date() })
	const stored = toDocument(current)
	const material = isDecided(current.status)
		? materialChanges(stored, document, {
				before: evaluateUseCase(stored, { pack: context.pack, asOf: new Date() }),
				after: evaluation,
			})
		: []
	let reopenedTo: WorkflowStatus | null = null
	if (material.length) {
		const verdict = decideTransition(
			'reopen',
			{
				roles: context.actor.roles.map((r) => r.role),
				listed: isListedOn(context.actor, current),
				involved: isInvolvedIn(context.actor, current),
				holdsOpenLane: false,
			},
			factsFor(current.status),
		)
		if (!verdict.allowed)
			throw new AppError(
				verdict.code,
				`${existing.trackingId} is approved and the file changes ${material.join(', ')}: ${verdict.reason}`,
			)
		reopenedTo = verdict.to
	}
	const round = reopenedTo ? current.reviewRound + 1 : current.reviewRound
	const updated = await tx.useCase.updateMany({
		where: { id: current.id, version: current.version },
		data: {
			...columnsFor(document),
			// The determination is not written: a file never changes an existing case's (see planImport).
			answers: answersOf(document, current.answers),
			orgUnitId: planned.orgUnit!.id,
			version: nextVersion,
			...(reopenedTo ? { status: reopenedTo, reviewRound: round, decidedAt: null } : {}),
		},
	})
	if (updated.count === 0) throw stale
	await listContactPerson(
		tx,
		{ id: current.id, ownerId: current.ownerId },
		await contactPersonOf(tx, document.contactEmail),
	)
	await reopenLanesOfInvolvedReviewers(
		tx,
		{ id: current.id, status: reopenedTo ?? current.status, reviewRound: round },
		{ actorId: context.actor.id, request: context.request },
	)
	await freezeVersion(
		tx,
		context.actor.id,
		current.id,
		document,
		reopenedTo ? 'MATERIAL_CHANGE' : 'IMPORT_UPDATED',
	)
	await storeCheckRun(tx, current.id, nextVersion, evaluation)
	if (reopenedTo) {
		await recordEvent(tx, {
			actorId: context.actor.id,
			action: 'use_case.reopened',
			entityType: 'UseCase',
			entityId: current.id,
			before: { status: current.status, round: current.reviewRound },
			after: {
				status: reopenedTo,
				version: nextVersion,
				round,
				materialChanges: material,
				importBatchId: context.batchId,
			},
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
		after: {
			version: nextVersion,
			changed: planned.changed,
			importBatchId: context.batchId,
			fileName: context.fileName,
			row: planned.row,
		},
		request: context.request,
	})
}

const jobRequest = (batchId: string): RequestInfo => ({
	requestId: `import:${batchId}`,
	ipAddress: 'background job',
	userAgent: null,
})

type Counts = { created: number; updated: number; unchanged: number; skipped: number }

/**
 * Imports the rows of a started batch, each in its own transaction: a row that fails is reported and
 * the rest go on. A row that creates or updates a case records the progress (the counts, the next
 * row) in its own transaction; rows that write nothing are recorded at most every PROGRESS_EVERY_MS.
 * Runs as a background job (app/modules/jobs/runs.server.ts): a run that stopped part-way (a crash, a
 * database blip) resumes from the next row it recorded, so every row is counted once, and a row
 * re-run is found by its import key and changes nothing. Between rows the event loop serves other requests. Stops
 * when `signal` aborts (its job was taken over) and throws; a batch no longer running is left alone.
 */
export async function runImport(
	batchId: string,
	actor: Actor,
	request: RequestInfo = jobRequest(batchId),
	options: { signal?: AbortSignal } = {},
) {
	const batch = await prisma.importBatch.findUniqueOrThrow({
		where: { id: batchId },
		select: {
			status: true,
			fileName: true,
			matchDecisions: true,
			processed: true,
			nextRow: true,
			created: true,
			updated: true,
			unchanged: true,
			skipped: true,
			file: { select: { content: true, problems: true, encoding: true } },
		},
	})
	if (batch.status !== 'RUNNING') return
	if (!batch.file) throw new Error('The batch has no file.')
	const fromRow = batch.processed > 0 ? (batch.nextRow ?? 0) : 0
	const { plan, problems } = await analyseImport(
		await unpacked(batch.file.content, batch.file.encoding),
		decisionsOf(batch.matchDecisions),
	)
	// A resumed run keeps the failures the earlier run reported.
	const earlierFailures =
		fromRow > 0
			? (await storedProblems(batch.file)).filter((problem) => problem.kind === 'IMPORT_FAILED')
			: []
	// One policy pack for the whole run: the pack published when it started.
	const pack = await currentPolicyPack()
	const report = [...problems, ...earlierFailures]
	const counts: Counts =
		fromRow > 0
			? {
					created: batch.created,
					updated: batch.updated,
					unchanged: batch.unchanged,
					skipped: batch.skipped,
				}
			: { created: 0, updated: 0, unchanged: 0, skipped: 0 }
	let processed = fromRow > 0 ? batch.processed : 0
	const context: ImportContext = { actor, batchId, fileName: batch.fileName, request, pack }
	let lastWrite = performance.now()
	for (const [index, planned] of plan.entries()) {
		if (planned.row < fromRow) continue
		options.signal?.throwIfAborted()
		const nextRow = plan[index + 1]?.row ?? planned.row + 1
		// A row that writes records the run's progress in its own transaction: a run resumed after a
		// crash starts after the last row written and counts every row once.
		const withProgress = (tally: keyof Counts) => (tx: Tx) =>
			tx.importBatch.updateMany({
				where: { id: batchId, status: 'RUNNING' },
				data: { processed: processed + 1, nextRow, ...counts, [tally]: counts[tally] + 1 },
			})
		try {
			if (planned.outcome === 'CREATE') {
				await prisma.$transaction(async (tx) => {
					await createFromRow(tx, planned, context)
					await withProgress('created')(tx)
				})
				counts.created++
				lastWrite = performance.now()
			} else if (planned.outcome === 'UPDATE') {
				await prisma.$transaction(async (tx) => {
					await updateFromRow(tx, planned, context)
					await withProgress('updated')(tx)
				})
				counts.updated++
				lastWrite = performance.now()
			} else if (planned.outcome === 'UNCHANGED') counts.unchanged++
			else counts.skipped++
		} catch (error) {
			const message =
				error instanceof AppError
					? error.message
					: isUniqueViolation(error)
						? 'Another import created this use case at the same moment; import the file again.'
						: null
			if (message === null) throw error
			report.push({
				row: planned.row,
				name: planned.name,
				column: null,
				severity: 'ERROR',
				kind: 'IMPORT_FAILED',
				message,
			})
			counts.skipped++
		}
		processed++
		if (performance.now() - lastWrite >= PROGRESS_EVERY_MS) {
			// Only the few numbers the page polls: the file and its report stay where they are.
			await prisma.importBatch.updateMany({
				where: { id: batchId, status: 'RUNNING' },
				data: { processed, nextRow, ...counts },
			})
			lastWrite = performance.now()
		}
		// Let other requests in between rows.
		await immediate()
	}
	const stored = batch.file
	const packedReport = await packedProblems(report)
	// A file stored before compression is compressed now, with its report.
	const packedContent =
		stored.encoding === 'gzip'
			? null
			: await packed(await unpacked(stored.content, stored.encoding))
	await prisma.$transaction(async (tx) => {
		await tx.importFile.update({
			where: { batchId },
			data: {
				problems: packedReport,
				...(packedContent ? { content: packedContent, encoding: 'gzip' } : {}),
			},
			select: { batchId: true },
		})
		await tx.importBatch.update({
			where: { id: batchId },
			data: {
				status: 'DONE',
				processed,
				nextRow: (plan.at(-1)?.row ?? 0) + 1,
				total: plan.length,
				problemCount: report.length,
				...counts,
				finishedAt: new Date(),
			},
			select: { id: true },
		})
		await recordEvent(tx, {
			actorId: actor.id,
			action: 'import_batch.finished',
			entityType: 'ImportBatch',
			entityId: batchId,
			after: { rows: plan.length, ...counts },
			request,
		})
	})
}

/** An import that will not be retried: FAILED with its reason, on its page, where it can be restarted. */
export async function recordImportFailure(batchId: string, error: unknown) {
	console.error('Import failed', error)
	await prisma.importBatch.updateMany({
		where: { id: batchId, status: 'RUNNING' },
		data: {
			status: 'FAILED',
			finishedAt: new Date(),
			error: error instanceof Error ? error.message.slice(0, 1000) : 'unknown error',
		},
	})
}

function isUniqueViolation(error: unknown) {
	return (
		typeof error === 'object' &&
		error !== null &&
		'code' in error &&
		(error as { code: unknown }).code === 'P2002'
	)
}

/** Answers every row still waiting for a decision at once: each is the case suggested, or each is new. */
export async function decideAllMatches(
	actor: Actor,
	batchId: string,
	choice: 'SUGGESTED' | 'NEW',
	request: RequestInfo,
) {
	const { preview } = await getImportBatch(batchId)
	if (!preview)
		throw new AppError(
			'CONFLICT',
			'This file is being imported, or has been; its matches can no longer change.',
		)
	const answers = Object.fromEntries(
		preview.awaitingDecision.map((row) => [
			String(row.row),
			choice === 'SUGGESTED' && row.candidate ? row.candidate.id : 'NEW',
		]),
	)
	if (Object.keys(answers).length) await decideMatches(actor, batchId, answers, request)
}
