// The long runs people watch on a progress page: re-checking every case after a pack is published,
// and importing an OMB inventory file. Each is a pg-boss job with a heartbeat: if the instance
// running it dies or loses its database, the heartbeat lapses, and the job is retried (on any
// instance) and resumes after the last step it stored. When its retries run out it is marked
// FAILED with its reason, on its page, and can be restarted from there.
import { recordEvent } from '#app/modules/audit/record-event.server.ts'
import {
	queueImportRun,
	recordImportFailure,
	runImport,
} from '#app/modules/omb-exchange/import.server.ts'
import {
	recordReevaluationFailure,
	runReevaluation,
} from '#app/modules/policies/pack-admin.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { type RequestInfo } from '#app/utils/request-context.ts'
import {
	enqueueJob,
	type JobQueue,
	type JobWithMetadata,
	type QueueName,
	runHereWithoutQueue,
} from './job-queue.server.ts'

type RecheckData = { jobId: string }
type ImportData = { batchId: string; actorId: string; request: RequestInfo }

/**
 * Runs one attempt of a job. A failure on the last attempt is recorded on the run for people to
 * see; earlier failures only make pg-boss try again (after a growing delay) from where it stopped.
 */
async function attempt<T>(
	job: JobWithMetadata<T>,
	runId: string,
	run: () => Promise<void>,
	recordFailure: (error: unknown) => Promise<void>,
) {
	console.log(
		`Background job ${job.name} attempt ${job.retryCount + 1} started for ${runId} on this instance`,
	)
	try {
		await run()
	} catch (error) {
		if (job.retryCount >= job.retryLimit) await recordFailure(error)
		else
			console.error(
				`Background job ${job.name} stopped (attempt ${job.retryCount + 1} of ${job.retryLimit + 1}); it resumes by itself:`,
				error instanceof Error ? error.message : error,
			)
		throw error
	}
}

async function importActor(actorId: string) {
	return prisma.user.findUniqueOrThrow({
		where: { id: actorId },
		select: { id: true, email: true, name: true, roles: { select: { role: true, lanes: true } } },
	})
}

export const SWEEP_SCHEDULE = '*/5 * * * *'

/** Registers the workers of the long runs on this instance, and the sweep that finds orphaned ones. */
export async function startRunWorkers(queue: JobQueue) {
	await queue.work<RecheckData>('policy-recheck', { pollingIntervalSeconds: 2 }, (job) =>
		attempt(
			job,
			job.data.jobId,
			() => runReevaluation(job.data.jobId, { signal: job.signal }),
			(error) => recordReevaluationFailure(job.data.jobId, error),
		),
	)
	await queue.work<ImportData>('omb-import', { pollingIntervalSeconds: 2 }, (job) =>
		attempt(
			job,
			job.data.batchId,
			async () =>
				runImport(job.data.batchId, await importActor(job.data.actorId), job.data.request, {
					signal: job.signal,
				}),
			(error) => recordImportFailure(job.data.batchId, error),
		),
	)
	await queue.boss.schedule('job-sweep', SWEEP_SCHEDULE)
	// At start-up: runs left RUNNING by an earlier version, or whose retries ran out while no instance was up.
	await queue.boss.send('job-sweep', {})
	await queue.work('job-sweep', { pollingIntervalSeconds: 10 }, () => sweepOrphanedRuns(queue))
}

const LIVE_STATES = new Set(['created', 'retry', 'active'])

async function hasLiveJob(queue: JobQueue, name: QueueName, key: string) {
	const jobs = await queue.boss.findJobs(name, { key })
	return jobs.some((job) => LIVE_STATES.has(job.state))
}

const ORPHANED =
	'The run stopped when the app or its database went away and could not resume by itself. Start it again to continue from where it stopped.'

/** Runs marked RUNNING with no job left to carry them on are marked FAILED, so that nobody waits on them. */
export async function sweepOrphanedRuns(queue: JobQueue) {
	const [rechecks, imports] = await Promise.all([
		prisma.reevaluationJob.findMany({ where: { status: 'RUNNING' }, select: { id: true } }),
		prisma.importBatch.findMany({ where: { status: 'RUNNING' }, select: { id: true } }),
	])
	for (const { id } of rechecks) {
		if (!(await hasLiveJob(queue, 'policy-recheck', id)))
			await recordReevaluationFailure(id, new Error(ORPHANED))
	}
	for (const { id } of imports) {
		if (!(await hasLiveJob(queue, 'omb-import', id)))
			await recordImportFailure(id, new Error(ORPHANED))
	}
}

/** Starts a re-check that failed again, from where it stopped. */
export async function restartReevaluation(actorId: string, jobId: string, request: RequestInfo) {
	await prisma.$transaction(async (tx) => {
		const restarted = await tx.reevaluationJob.updateMany({
			where: { id: jobId, status: 'FAILED' },
			data: { status: 'RUNNING', error: null, finishedAt: null },
		})
		if (restarted.count === 0)
			throw new AppError(
				'CONFLICT',
				'Only a run that stopped can be started again; this one is running or done.',
			)
		await recordEvent(tx, {
			actorId,
			action: 'policy_pack.recheck_restarted',
			entityType: 'ReevaluationJob',
			entityId: jobId,
			request,
		})
		await enqueueJob(tx, 'policy-recheck', { jobId }, { singletonKey: jobId })
	})
	runHereWithoutQueue(() =>
		runReevaluation(jobId).catch((error: unknown) => recordReevaluationFailure(jobId, error)),
	)
}

/** Starts an import that failed again, from the last row it recorded. */
export async function restartImport(actor: { id: string }, batchId: string, request: RequestInfo) {
	await prisma.$transaction(async (tx) => {
		const restarted = await tx.importBatch.updateMany({
			where: { id: batchId, status: 'FAILED' },
			data: { status: 'RUNNING', error: null, finishedAt: null },
		})
		if (restarted.count === 0)
			throw new AppError(
				'CONFLICT',
				'Only an import that stopped can be started again; this one is running, done, or not started.',
			)
		await queueImportRun(tx, {
			actorId: actor.id,
			batchId,
			action: 'import_batch.restarted',
			request,
		})
	})
	runHereWithoutQueue(async () =>
		runImport(batchId, await importActor(actor.id), request).catch((error: unknown) =>
			recordImportFailure(batchId, error),
		),
	)
}
