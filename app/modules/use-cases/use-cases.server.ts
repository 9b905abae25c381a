import { type Prisma } from '#app/generated/prisma/client.ts'
import { recordEvent } from '#app/modules/audit/record-event.server.ts'
import { type Tx } from '#app/utils/db/tx.ts'
import { type SessionUser } from '#app/utils/auth.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { createOnce } from '#app/utils/form-submission.server.ts'
import { type RequestInfo } from '#app/utils/request-context.ts'
import { evaluateWithCurrentPack, storeCheckRun } from '#app/modules/policies/packs.server.ts'
import { materialChanges } from '#app/modules/workflow/material-change.ts'
import { decideTransition, factsFor, isDecided } from '#app/modules/workflow/state-machine.ts'
import { recordStatusMove } from '#app/modules/workflow/status-history.server.ts'
import {
	refuseListingReviewers,
	reopenLanesOfInvolvedReviewers,
} from '#app/modules/workflow/lane-independence.server.ts'
import { notify } from '#app/modules/notifications/notify.server.ts'
import {
	activeLeadIds,
	applySubmission,
	type SubmissionAction,
} from '#app/modules/workflow/submission.server.ts'
import { describeActivity } from '#app/modules/workflow/activity-wording.ts'
import { type AuditAction } from '#app/modules/audit/audit-actions.ts'
import {
	allocateTrackingId,
	columnsOf,
	freezeVersion,
	contactPersonOf,
	isListedOn,
	listContactPerson,
	type ListedPeople,
	type LoadedUseCase,
	NOT_FOUND_MESSAGE,
	storedAnswers,
	toDocument,
	useCaseSelect,
} from './use-case-record.server.ts'
import { refreshDatasetCopies } from './dataset-copies.server.ts'
import { asWrittenAfterEdit } from './as-written.ts'
import { findLikelyDuplicates } from './duplicate-detection.ts'
import { fieldAnswerText, fieldLabel, submissionProblems } from './field-rules.ts'
import { valueAt } from './question-kinds.ts'
import { changedFields, formToDocument } from './use-case-mapping.ts'
import { type UseCaseFormValues } from './schemas.ts'
import { TRACKING_ID_PATTERN } from './use-case-document.ts'

// The pages under /use-cases read the record layer and the determination through this module.
export {
	INVOLVED_MESSAGE,
	isInvolvedIn,
	isListedOn,
	type LoadedUseCase,
	toDocument,
} from './use-case-record.server.ts'
export { recordDetermination } from '#app/modules/workflow/determination.server.ts'

export const USE_CASES_PAGE_SIZE = 25

// A submitted case may still be amended until review starts; each amendment is a new submission.
// An approved case may be edited: a material change re-opens its review.
const EDITABLE_STATUSES = new Set([
	'DRAFT',
	'SUBMITTED',
	'CHANGES_REQUESTED',
	'APPROVED',
	'APPROVED_WITH_CONDITIONS',
])

/**
 * The case, inside the caller's transaction, for a change only the people listed on it may make.
 * Someone else's draft is "not found", so that ids cannot be probed.
 */
async function loadForChange(
	tx: Tx,
	actor: Pick<SessionUser, 'id'>,
	useCaseId: string,
	change: 'edit' | 'withdraw' | 'delete',
) {
	const current = await tx.useCase.findUnique({ where: { id: useCaseId }, select: useCaseSelect })
	if (!current || (current.status === 'DRAFT' && !isListedOn(actor, current)))
		throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE)
	if (!isListedOn(actor, current))
		throw new AppError('FORBIDDEN', `Only the people listed on this use case can ${change} it.`)
	return current
}

/** The case's id for an id or a tracking id (`CMS-2026-0001`), as the REST API and MCP accept either. */
export async function resolveUseCaseId(idOrTrackingId: string) {
	if (!TRACKING_ID_PATTERN.test(idOrTrackingId)) return idOrTrackingId
	const found = await prisma.useCase.findUnique({
		where: { trackingId: idOrTrackingId },
		select: { id: true },
	})
	return found?.id ?? idOrTrackingId
}

/** Drafts are private to the people on them; everything submitted is readable by every signed-in role. */
export async function getUseCaseForUser(user: SessionUser, useCaseId: string) {
	return openableBy(
		user,
		await prisma.useCase.findUnique({ where: { id: useCaseId }, select: useCaseSelect }),
	)
}

/** The case, when the user may open it; NOT_FOUND when it is missing or someone else's draft. */
export function openableBy<T extends ListedPeople & { status: string }>(
	user: Pick<SessionUser, 'id'>,
	useCase: T | null,
): T {
	if (!useCase || (useCase.status === 'DRAFT' && !isListedOn(user, useCase))) {
		// The same answer for "missing" and "someone else's draft", so ids cannot be probed.
		throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE)
	}
	return useCase
}

export function canEditUseCase(user: SessionUser, useCase: LoadedUseCase) {
	return EDITABLE_STATUSES.has(useCase.status) && isListedOn(user, useCase)
}

export async function createDraft(
	actor: SessionUser,
	values: { name: string; orgUnitId: string; problemSolved?: string; submissionKey?: string },
	request: RequestInfo,
) {
	return prisma.$transaction(async (tx) => {
		const orgUnit = await tx.orgUnit.findUnique({
			where: { id: values.orgUnitId },
			select: { id: true, active: true },
		})
		if (!orgUnit) throw new AppError('INVALID', 'That org unit does not exist.')
		if (!orgUnit.active)
			throw new AppError(
				'INVALID',
				'That org unit is no longer active; choose the unit that took over its work.',
			)
		const { id } = await createOnce(
			tx,
			{ key: values.submissionKey, userId: actor.id },
			async () => (await createDraftIn(tx, actor, orgUnit.id, values, request)).id,
		)
		return tx.useCase.findUniqueOrThrow({ where: { id }, select: { id: true, trackingId: true } })
	})
}

const STALE_SAVE_MESSAGE =
	'Someone saved this use case after you opened it. Your answers are still in the form: compare them with theirs, then save again.'

/** A save over a version someone has since replaced; `describeSaveConflict` says who and what. */
export class StaleSaveError extends AppError {
	constructor() {
		super('CONFLICT', STALE_SAVE_MESSAGE)
	}
}

export type SaveConflict = {
	/** Who saved the version the form did not know, and when; `byYou` when it was the same person elsewhere. */
	savedBy: string
	byYou: boolean
	savedAt: string
	/** The version now stored: saving over it takes the person's own answers. */
	version: number
	/** Each answer changed since the form's version: theirs as saved, and the person's in the form. */
	changes: Array<{ path: string; label: string; theirs: string; yours: string }>
	/** What else happened since (submitted, determination recorded…), in words. */
	events: Array<string>
}

const versionAfter = (facts: Prisma.JsonValue | null) =>
	facts && typeof facts === 'object' && !Array.isArray(facts) && typeof facts.version === 'number'
		? facts.version
		: null

/** A new draft with a tracking id of its own, owned by the person creating it, audited. */
async function createDraftIn(
	tx: Tx,
	actor: SessionUser,
	orgUnitId: string,
	values: { name: string; problemSolved?: string },
	request: RequestInfo,
) {
	const trackingId = await allocateTrackingId(tx, new Date().getUTCFullYear())
	const useCase = await tx.useCase.create({
		data: {
			trackingId,
			name: values.name,
			problemSolved: values.problemSolved || null,
			orgUnitId,
			createdById: actor.id,
			ownerId: actor.id,
			contactEmail: actor.email,
			contacts: { create: { userId: actor.id, role: 'OWNER' } },
		},
		select: { id: true, trackingId: true },
	})
	await recordEvent(tx, {
		actorId: actor.id,
		action: 'use_case.created',
		entityType: 'UseCase',
		entityId: useCase.id,
		after: { trackingId, name: values.name, orgUnitId },
		request,
	})
	return useCase
}

/**
 * Who saved the case after `baseVersion` and what they changed, beside the answers this person's
 * form holds: what the edit page shows when a save is refused as stale.
 */
export async function describeSaveConflict(
	user: SessionUser,
	useCaseId: string,
	baseVersion: number,
	values: UseCaseFormValues,
): Promise<SaveConflict> {
	const current = await loadForChange(prisma, user, useCaseId, 'edit')
	const events = await prisma.auditEvent.findMany({
		where: { entityType: 'UseCase', entityId: useCaseId },
		orderBy: { createdAt: 'desc' },
		take: 100,
		select: {
			actorId: true,
			action: true,
			createdAt: true,
			before: true,
			after: true,
			actor: { select: { name: true } },
		},
	})
	const since = events.filter((event) => (versionAfter(event.after) ?? 0) > baseVersion)
	const latest = since[0]
	const theirs = toDocument(current)
	const yours = await documentFromForm(prisma, current, values, { checkTeam: false }).then(
		(made) => made.after,
		() => null,
	)
	const changedPaths = [
		...new Set(
			since.flatMap((event) => {
				const changed = (event.after as { changed?: unknown } | null)?.changed
				return event.action === 'use_case.updated' && Array.isArray(changed)
					? changed.map(String)
					: []
			}),
		),
	]
	return {
		savedBy: latest?.actor?.name ?? 'Someone',
		byYou: latest !== undefined && latest.actorId === user.id,
		savedAt: (latest?.createdAt ?? current.updatedAt).toISOString(),
		version: current.version,
		changes: changedPaths.map((path) => ({
			path,
			label: fieldLabel(path),
			theirs: fieldAnswerText(path, valueAt(theirs, path)),
			yours: yours ? fieldAnswerText(path, valueAt(yours, path)) : '',
		})),
		events: since
			.filter((event) => event.action !== 'use_case.updated')
			.map((event) => describeActivity(event).summary),
	}
}

export type SaveResult =
	| { status: 'saved'; version: number }
	| { status: 'submitted'; version: number }
	| { status: 'reopened'; version: number; changed: Array<string> }
	| {
			status: 'incomplete'
			saved: boolean
			version: number
			fieldErrors: Record<string, Array<string>>
	  }

/**
 * The document the form's answers make of this case, with the catalogue's facts about the linked
 * datasets: what a save would store, and what the live findings preview evaluates.
 */
async function documentFromForm(
	tx: Tx,
	current: LoadedUseCase,
	values: UseCaseFormValues,
	options: { checkTeam: boolean } = { checkTeam: true },
) {
	const orgUnit = await tx.orgUnit.findUnique({
		where: { code: values.orgUnit },
		select: { id: true, code: true, active: true },
	})
	if (!orgUnit) throw new AppError('INVALID', 'That org unit does not exist.')
	if (!orgUnit.active && orgUnit.id !== current.orgUnitId)
		throw new AppError(
			'INVALID',
			'That org unit is no longer active; choose the unit that took over its work.',
		)

	const teamEmails = [
		...new Set(
			(values.teamEmails ?? '')
				.split(/[;,\s]+/)
				.map((email) => email.trim().toLowerCase())
				.filter(Boolean),
		),
	]
	const team = await tx.user.findMany({
		where: { email: { in: teamEmails }, active: true },
		select: { id: true, email: true, name: true },
	})
	const unknownEmails = teamEmails.filter((email) => !team.some((member) => member.email === email))
	if (unknownEmails.length && options.checkTeam) {
		throw new AppError(
			'INVALID',
			`Nobody with an account here has the e-mail ${unknownEmails.map((email) => `“${email}”`).join(', ')}. List people who use the tracker, separated by semicolons; an administrator can invite someone new.`,
			'teamEmails',
		)
	}

	const kept = values.datasets.filter((link) => !link.remove)
	const addId =
		values.addDatasetId && !kept.some((link) => link.datasetId === values.addDatasetId)
			? values.addDatasetId
			: null
	const wantedIds = [...kept.map((link) => link.datasetId), ...(addId ? [addId] : [])]
	const catalogue = await tx.dataset.findMany({
		where: { id: { in: wantedIds } },
		select: {
			id: true,
			name: true,
			category: true,
			sensitivities: true,
			sornNumber: true,
			piaUrl: true,
			dataUseAgreementRequired: true,
			fismaSystem: true,
		},
	})
	const byId = new Map(catalogue.map((d) => [d.id, d]))
	const unknown = wantedIds.filter((id) => !byId.has(id))
	if (unknown.length)
		throw new AppError('INVALID', 'A linked dataset is not in the catalogue; reload the page.')

	// In catalogue-name order, as the form lists them, so that errors point at the right row.
	const links = [
		...kept.map((link) => ({
			datasetId: link.datasetId,
			usages: link.usages,
			justification: link.minimumNecessaryJustification || undefined,
		})),
		...(addId
			? [
					{
						datasetId: addId,
						usages: [] as (typeof kept)[number]['usages'],
						justification: undefined,
					},
				]
			: []),
	].sort((a, b) => byId.get(a.datasetId)!.name.localeCompare(byId.get(b.datasetId)!.name))
	const before = toDocument(current)
	const after = formToDocument(
		{ ...values, orgUnit: orgUnit.code },
		{
			trackingId: current.trackingId,
			highImpact: before.highImpact,
			independentReview: before.practices.independentReview,
			ownerEmail: current.owner.email,
			preserved: storedAnswers(current),
		},
		links.map((link) => {
			const dataset = byId.get(link.datasetId)!
			return {
				id: dataset.id,
				name: dataset.name,
				category: dataset.category,
				sensitivities: dataset.sensitivities,
				sornNumber: dataset.sornNumber ?? undefined,
				piaUrl: dataset.piaUrl ?? undefined,
				dataUseAgreementRequired: dataset.dataUseAgreementRequired,
				fismaSystem: dataset.fismaSystem ?? undefined,
				usage: link.usages.length ? link.usages : ['OPERATION'],
				minimumNecessaryJustification: link.justification,
			}
		}),
	)
	// An answer given in the form replaces what an imported file left as written.
	after.asWritten = asWrittenAfterEdit(before, after)
	if (!after.asWritten) delete after.asWritten
	return { orgUnit, team, links, before, after }
}

/**
 * The findings the form's unsaved answers would give: nothing is written. The edit page calls it
 * as the person answers, so they see the consequences before saving.
 */
export async function previewEvaluation(
	user: SessionUser,
	useCaseId: string,
	values: UseCaseFormValues,
) {
	const current = await loadForChange(prisma, user, useCaseId, 'edit')
	const { after } = await documentFromForm(prisma, current, values, { checkTeam: false })
	return evaluateWithCurrentPack(after)
}

/**
 * Saves the form over the version it was loaded from (refused with CONFLICT when someone saved
 * since), and with intent "submit" also checks completeness, freezes a version and submits.
 */
export async function saveUseCase(
	actor: SessionUser,
	useCaseId: string,
	values: UseCaseFormValues,
	request: RequestInfo,
): Promise<SaveResult> {
	return prisma.$transaction(async (tx) => {
		const current = await loadForChange(tx, actor, useCaseId, 'edit')
		if (!EDITABLE_STATUSES.has(current.status)) {
			throw new AppError(
				'CONFLICT',
				`This use case is ${current.status.toLowerCase().replace(/_/g, ' ')} and cannot be edited now.`,
			)
		}
		if (current.version !== (values.overwriteVersion ?? values.version)) {
			throw new StaleSaveError()
		}
		const { orgUnit, team, links, before, after } = await documentFromForm(tx, current, values)
		const contactPerson = await contactPersonOf(tx, after.contactEmail)
		await refuseListingReviewers(tx, current, [
			...team.map((member) => ({ ...member, field: 'teamEmails' as const })),
			...(contactPerson ? [{ ...contactPerson, field: 'contactEmail' as const }] : []),
		])

		// Checked on every save and submission, and stored against this version and the current pack.
		const evaluation = await evaluateWithCurrentPack(after, tx)
		// What this save does to the review: a submission of some kind, or none.
		const material = isDecided(current.status)
			? materialChanges(before, after, {
					before: await evaluateWithCurrentPack(before, tx),
					after: evaluation,
				})
			: []
		const action: SubmissionAction | null =
			current.status === 'DRAFT' && values.intent === 'submit'
				? 'submit'
				: current.status === 'SUBMITTED'
					? 'amend'
					: current.status === 'CHANGES_REQUESTED' && values.intent === 'submit'
						? 'resubmit'
						: material.length > 0
							? 'reopen'
							: null
		// A case under review or approved must stay complete; a draft may be saved half-done.
		const mustStayComplete = current.status === 'SUBMITTED' || isDecided(current.status)
		let incomplete: Record<string, Array<string>> | null = null
		if (action !== null || mustStayComplete) {
			const problems = submissionProblems(
				after,
				links.map((link) => link.usages),
			)
			if (Object.keys(problems).length) incomplete = problems
		}
		if (incomplete && mustStayComplete)
			return {
				status: 'incomplete',
				saved: false,
				version: current.version,
				fieldErrors: incomplete,
			}
		const transition = action !== null && !incomplete ? action : null
		let nextStatus = current.status
		if (transition) {
			const verdict = decideTransition(
				transition,
				{
					roles: actor.roles.map((r) => r.role),
					listed: true,
					involved: true,
					holdsOpenLane: false,
				},
				factsFor(current.status),
			)
			if (!verdict.allowed) throw new AppError(verdict.code, verdict.reason)
			nextStatus = verdict.to
		}
		const round =
			transition === 'submit' || transition === 'reopen'
				? current.reviewRound + 1
				: current.reviewRound

		const nextVersion = current.version + 1
		// Conditional on the version read, so that of two concurrent saves exactly one is kept.
		const written = await tx.useCase.updateMany({
			where: { id: useCaseId, version: current.version },
			data: {
				...columnsOf(after),
				orgUnitId: orgUnit.id,
				version: nextVersion,
				status: nextStatus,
				reviewRound: round,
				...(transition && transition !== 'reopen' ? { submittedAt: new Date() } : {}),
				...(transition === 'reopen' ? { decidedAt: null } : {}),
			},
		})
		if (written.count === 0) throw new StaleSaveError()
		await tx.useCaseContact.deleteMany({ where: { useCaseId, role: 'DEVELOPER' } })
		const developers = team.filter((member) => member.id !== current.ownerId)
		if (developers.length) {
			await tx.useCaseContact.createMany({
				data: developers.map((member) => ({
					useCaseId,
					userId: member.id,
					role: 'DEVELOPER' as const,
				})),
			})
		}
		await listContactPerson(tx, { id: useCaseId, ownerId: current.ownerId }, contactPerson)
		await reopenLanesOfInvolvedReviewers(
			tx,
			{ id: useCaseId, status: nextStatus, reviewRound: round },
			{ actorId: actor.id, request },
		)
		await tx.useCaseDataset.deleteMany({ where: { useCaseId } })
		if (links.length) {
			await tx.useCaseDataset.createMany({
				data: links.map((link) => ({
					useCaseId,
					datasetId: link.datasetId,
					usages: link.usages,
					minimumNecessaryJustification: link.justification ?? null,
				})),
			})
		}
		await refreshDatasetCopies(tx, { useCaseIds: [useCaseId] })
		await storeCheckRun(tx, useCaseId, nextVersion, evaluation)
		const changed = changedFields(before, after)
		await recordEvent(tx, {
			actorId: actor.id,
			action: 'use_case.updated',
			entityType: 'UseCase',
			entityId: useCaseId,
			before: { version: current.version, changed },
			after: { version: nextVersion, changed },
			request,
		})
		if (transition) {
			await freezeVersion(tx, actor.id, useCaseId, after, versionReasons[transition])
			await recordEvent(tx, {
				actorId: actor.id,
				action: auditActions[transition],
				entityType: 'UseCase',
				entityId: useCaseId,
				before: { status: current.status, round: current.reviewRound },
				after: {
					status: nextStatus,
					version: nextVersion,
					round,
					...(transition === 'reopen' ? { materialChanges: material } : {}),
				},
				request,
			})
			await applySubmission(tx, {
				action: transition,
				actor,
				useCase: { id: useCaseId, trackingId: current.trackingId, name: after.name },
				from: current.status,
				to: nextStatus,
				round,
				requiredLanes: evaluation.requiredLanes,
				changedFields: transition === 'reopen' ? material : changed,
			})
			return transition === 'reopen'
				? { status: 'reopened', version: nextVersion, changed: material }
				: { status: 'submitted', version: nextVersion }
		}
		if (isDecided(current.status))
			await freezeVersion(tx, actor.id, useCaseId, after, 'EDITED_AFTER_APPROVAL')
		if (incomplete)
			return { status: 'incomplete', saved: true, version: nextVersion, fieldErrors: incomplete }
		return { status: 'saved', version: nextVersion }
	})
}

const versionReasons: Record<SubmissionAction, string> = {
	submit: 'SUBMITTED',
	amend: 'RESUBMITTED',
	resubmit: 'CHANGES_ANSWERED',
	reopen: 'MATERIAL_CHANGE',
}

const auditActions: Record<SubmissionAction, AuditAction> = {
	submit: 'use_case.submitted',
	amend: 'use_case.resubmitted',
	resubmit: 'use_case.changes_answered',
	reopen: 'use_case.reopened',
}

const STALE_WITHDRAW_MESSAGE =
	'The use case changed while you were withdrawing it; reload and try again.'

/** Withdraws the case; with `expectedVersion`, only if it is still that version (optimistic lock). */
export async function withdrawUseCase(
	actor: SessionUser,
	useCaseId: string,
	request: RequestInfo,
	expectedVersion?: number,
) {
	return prisma.$transaction(async (tx) => {
		const current = await loadForChange(tx, actor, useCaseId, 'withdraw')
		if (expectedVersion !== undefined && current.version !== expectedVersion)
			throw new AppError('CONFLICT', STALE_WITHDRAW_MESSAGE)
		const verdict = decideTransition(
			'withdraw',
			{ roles: actor.roles.map((r) => r.role), listed: true, involved: true, holdsOpenLane: false },
			factsFor(current.status),
		)
		if (!verdict.allowed) throw new AppError(verdict.code, verdict.reason)
		const written = await tx.useCase.updateMany({
			where: { id: useCaseId, status: current.status, version: current.version },
			data: { status: 'WITHDRAWN', version: { increment: 1 } },
		})
		if (written.count === 0) throw new AppError('CONFLICT', STALE_WITHDRAW_MESSAGE)
		await recordStatusMove(tx, {
			useCaseId,
			from: current.status,
			to: 'WITHDRAWN',
			actorId: actor.id,
			action: 'use_case.withdrawn',
			request,
		})
		if (current.status !== 'DRAFT') {
			const reviewers = await tx.laneReview.findMany({
				where: { useCaseId, round: current.reviewRound, assigneeId: { not: null } },
				select: { assigneeId: true },
			})
			await notify(
				tx,
				[...(await activeLeadIds(tx)), ...reviewers.map((lane) => lane.assigneeId!)],
				{
					kind: 'DECIDED',
					title: `${current.trackingId} withdrawn: ${current.name}`,
					body: `${actor.name} withdrew ${current.trackingId} before a decision; its review has stopped.`,
					link: `/use-cases/${useCaseId}`,
					useCaseId,
				},
				{ actorId: actor.id },
			)
		}
		return { version: current.version + 1 }
	})
}

/** A draft nobody has filled in yet (no datasets, no answers) may be deleted; its tracking id is not reused. */
export function isEmptyDraft(useCase: LoadedUseCase) {
	const answers = storedAnswers(useCase)
	const answered = Object.values(answers).some(
		(value) => value !== undefined && !(Array.isArray(value) && value.length === 0),
	)
	return (
		useCase.status === 'DRAFT' &&
		useCase.datasets.length === 0 &&
		!answered &&
		!useCase.stage &&
		!useCase.benefits
	)
}

const ONLY_EMPTY_DRAFTS_DELETE = 'Only an empty draft can be deleted; withdraw this one instead.'

export async function deleteEmptyDraft(
	actor: SessionUser,
	useCaseId: string,
	request: RequestInfo,
) {
	return prisma.$transaction(async (tx) => {
		const current = await loadForChange(tx, actor, useCaseId, 'delete')
		if (!isEmptyDraft(current)) throw new AppError('CONFLICT', ONLY_EMPTY_DRAFTS_DELETE)
		await tx.useCase.delete({ where: { id: useCaseId } })
		await recordEvent(tx, {
			actorId: actor.id,
			action: 'use_case.deleted',
			entityType: 'UseCase',
			entityId: useCaseId,
			before: { trackingId: current.trackingId, name: current.name },
			request,
		})
		return `${current.trackingId} “${current.name}”`
	})
}

export async function listUseCases(
	user: SessionUser,
	query: {
		q: string
		status?: LoadedUseCase['status']
		stage?: LoadedUseCase['stage']
		page: number
		mine?: boolean
	},
) {
	const visibility: Prisma.UseCaseWhereInput = query.mine
		? {
				OR: [
					{ createdById: user.id },
					{ ownerId: user.id },
					{ contacts: { some: { userId: user.id } } },
				],
			}
		: {
				OR: [
					{ status: { not: 'DRAFT' } },
					{ createdById: user.id },
					{ ownerId: user.id },
					{ contacts: { some: { userId: user.id } } },
				],
			}
	const where: Prisma.UseCaseWhereInput = {
		AND: [
			visibility,
			query.q
				? {
						OR: [
							{ name: { contains: query.q, mode: 'insensitive' } },
							{ trackingId: { contains: query.q, mode: 'insensitive' } },
							{ problemSolved: { contains: query.q, mode: 'insensitive' } },
						],
					}
				: {},
			query.status ? { status: query.status } : {},
			query.stage ? { stage: query.stage } : {},
		],
	}
	const [total, useCases] = await Promise.all([
		prisma.useCase.count({ where }),
		prisma.useCase.findMany({
			where,
			orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
			skip: (query.page - 1) * USE_CASES_PAGE_SIZE,
			take: USE_CASES_PAGE_SIZE,
			select: {
				id: true,
				trackingId: true,
				name: true,
				status: true,
				stage: true,
				highImpactDetermination: true,
				updatedAt: true,
				orgUnit: { select: { shortName: true } },
				owner: { select: { name: true } },
			},
		}),
	])
	return { total, useCases }
}

/** Registered cases that look like this one (drafts of others excluded). */
export async function findDuplicatesFor(
	user: SessionUser,
	probe: {
		name: string
		problemSolved?: string
		datasetIds?: Array<string>
		vendorNames?: Array<string>
		excludeId?: string
	},
) {
	const candidates = await prisma.useCase.findMany({
		where: {
			id: probe.excludeId ? { not: probe.excludeId } : undefined,
			status: { notIn: ['WITHDRAWN'] },
			OR: [{ status: { not: 'DRAFT' } }, { createdById: user.id }],
		},
		select: {
			id: true,
			trackingId: true,
			name: true,
			problemSolved: true,
			vendorNames: true,
			datasets: { select: { datasetId: true } },
		},
		take: 5000,
	})
	return findLikelyDuplicates(
		probe,
		candidates.map((c) => ({ ...c, datasetIds: c.datasets.map((d) => d.datasetId) })),
	)
}

export async function listVersions(useCaseId: string) {
	return prisma.useCaseVersion.findMany({
		where: { useCaseId },
		orderBy: { number: 'asc' },
		select: {
			number: true,
			reason: true,
			createdAt: true,
			snapshot: true,
			createdBy: { select: { name: true } },
		},
	})
}

export async function listDatasetOptions() {
	return prisma.dataset.findMany({
		orderBy: { name: 'asc' },
		// The SORN and the DUA flag decide, before a newly linked dataset is saved, which safeguards
		// the form asks about (the Privacy Act contract clauses, the data use agreement).
		select: {
			id: true,
			name: true,
			category: true,
			sensitivities: true,
			sornNumber: true,
			dataUseAgreementRequired: true,
		},
	})
}
