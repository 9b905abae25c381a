// The CAIO's records on a high-impact case: waivers of single minimum practices (M-25-21
// §4(a)(ii)), pilot certifications (§4(a)(i)), and the evidence behind each practice. Each change
// freezes a version of the case (its governance record is part of it) and re-runs the checks.
import { recordEvent } from '#app/modules/audit/record-event.server.ts'
import { type Tx } from '#app/utils/db/tx.ts'
import { notify } from '#app/modules/notifications/notify.server.ts'
import {
	freezeVersion,
	INVOLVED_MESSAGE,
	isInvolvedIn,
	isListedOn,
	listedIds,
	toDocument,
	useCaseSelect,
} from '#app/modules/use-cases/use-case-record.server.ts'
import { currentPolicyPack } from '#app/modules/policies/packs.server.ts'
import { releaseOf } from '#app/modules/policies/policy-pack.ts'
import { refreshStoredEvaluation } from '#app/modules/policies/stored-checks.server.ts'
import { type MinimumPractice, minimumPractices } from '#app/modules/use-cases/vocabulary.ts'
import { loadReviewCase, type ReviewCase } from '#app/modules/workflow/review-case.server.ts'
import { type SessionUser } from '#app/utils/auth.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { rolesGrant } from '#app/utils/permissions.ts'
import { type RequestInfo } from '#app/utils/request-context.ts'
import { type PracticeEvidence, trackPractices } from './practice-tracker.ts'

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null)

function requireCaio(actor: SessionUser, useCase: ReviewCase) {
	if (
		!rolesGrant(
			actor.roles.map((r) => r.role),
			'manage:waiver:any',
		)
	) {
		throw new AppError(
			'FORBIDDEN',
			'Only the Chief AI Officer’s office grants waivers and certifies pilots.',
		)
	}
	if (isInvolvedIn(actor, useCase)) {
		throw new AppError(
			'FORBIDDEN',
			`${INVOLVED_MESSAGE} someone independent of it must record the CAIO’s decision.`,
		)
	}
	if (['WITHDRAWN', 'REJECTED', 'RETIRED'].includes(useCase.status)) {
		throw new AppError(
			'CONFLICT',
			'This use case is closed; it takes no new waiver or certification.',
		)
	}
}

/** After a change to the CAIO's records: a new version of the case, frozen, with fresh findings. */
async function recordGovernanceChange(
	tx: Tx,
	actor: SessionUser,
	useCase: ReviewCase,
	expectedVersion: number | null,
	reason: string,
) {
	const written = await tx.useCase.updateMany({
		where: { id: useCase.id, ...(expectedVersion === null ? {} : { version: expectedVersion }) },
		data: { version: { increment: 1 } },
	})
	if (written.count === 0)
		throw new AppError(
			'CONFLICT',
			'The use case changed after you opened it. Reload, read the current version, then record this again.',
		)
	const { evaluation, document } = await refreshStoredEvaluation(tx, useCase.id)
	await freezeVersion(tx, actor.id, useCase.id, document, reason)
	return evaluation
}

export async function grantWaiver(
	actor: SessionUser,
	input: {
		useCaseId: string
		practice: MinimumPractice
		riskAssessment: string
		grantedOn: Date
		expiresOn?: Date
		reportedToOmbOn?: Date
		version: number
	},
	request: RequestInfo,
) {
	return prisma.$transaction(async (tx) => {
		const useCase = await loadReviewCase(tx, input.useCaseId)
		requireCaio(actor, useCase)
		if (useCase.highImpactDetermination !== 'HIGH_IMPACT') {
			throw new AppError(
				'INVALID',
				'Waivers concern high-impact use cases: record the high-impact determination first.',
			)
		}
		const waiver = await tx.waiver.create({
			data: {
				useCaseId: useCase.id,
				practice: input.practice,
				riskAssessment: input.riskAssessment,
				grantedById: actor.id,
				grantedOn: input.grantedOn,
				expiresOn: input.expiresOn,
				reportedToOmbOn: input.reportedToOmbOn,
			},
			select: { id: true },
		})
		const evaluation = await recordGovernanceChange(
			tx,
			actor,
			useCase,
			input.version,
			'WAIVER_CHANGED',
		)
		await recordEvent(tx, {
			actorId: actor.id,
			action: 'waiver.granted',
			entityType: 'UseCase',
			entityId: useCase.id,
			after: {
				waiverId: waiver.id,
				practice: input.practice,
				grantedOn: day(input.grantedOn),
				expiresOn: day(input.expiresOn ?? null),
				reportedToOmbOn: day(input.reportedToOmbOn ?? null),
				riskAssessment: input.riskAssessment,
				blockedAfter: evaluation.blocked,
			},
			request,
		})
		await notify(
			tx,
			listedIds(useCase),
			{
				kind: 'DECIDED',
				title: `${useCase.trackingId}: CAIO waiver of ${minimumPractices[input.practice].label.toLowerCase()}`,
				body: `${actor.name} recorded a CAIO waiver of ${minimumPractices[input.practice].label.toLowerCase()} (${minimumPractices[input.practice].clause}) on ${useCase.trackingId}, granted ${day(input.grantedOn)}.`,
				link: `/use-cases/${useCase.id}/governance`,
				useCaseId: useCase.id,
			},
			{ actorId: actor.id },
		)
		return waiver
	})
}

export type WaiverChange =
	| { kind: 'report'; reportedToOmbOn: Date }
	| { kind: 'recertify'; recertifiedOn: Date }
	| { kind: 'revoke'; revokedOn: Date; reason: string }
	| { kind: 'report-revocation'; revocationReportedOn: Date }

/** Reporting to OMB (30 days), the yearly re-certification, and revocation: each recorded, never overwritten. */
export async function changeWaiver(
	actor: SessionUser,
	input: { waiverId: string; revision: number; change: WaiverChange },
	request: RequestInfo,
) {
	return prisma.$transaction(async (tx) => {
		const waiver = await tx.waiver.findUnique({ where: { id: input.waiverId } })
		if (!waiver) throw new AppError('NOT_FOUND', 'No waiver has this id.')
		const useCase = await loadReviewCase(tx, waiver.useCaseId)
		if (
			!rolesGrant(
				actor.roles.map((r) => r.role),
				'manage:waiver:any',
			)
		)
			throw new AppError('FORBIDDEN', 'Only the Chief AI Officer’s office manages waivers.')
		if (isInvolvedIn(actor, useCase))
			throw new AppError(
				'FORBIDDEN',
				`${INVOLVED_MESSAGE} someone independent of it must manage its waivers.`,
			)
		const { change } = input
		if (waiver.revokedOn && change.kind !== 'report-revocation')
			throw new AppError('CONFLICT', 'This waiver was revoked; it can no longer change.')
		if (change.kind === 'report' && waiver.reportedToOmbOn)
			throw new AppError('CONFLICT', 'This waiver’s report to OMB is already recorded.')
		if (change.kind === 'report-revocation' && (!waiver.revokedOn || waiver.revocationReportedOn)) {
			throw new AppError(
				'CONFLICT',
				'Only a revoked waiver whose revocation is not yet reported can be reported.',
			)
		}
		const earliest = change.kind === 'report-revocation' ? waiver.revokedOn! : waiver.grantedOn
		const date =
			change.kind === 'report'
				? change.reportedToOmbOn
				: change.kind === 'recertify'
					? change.recertifiedOn
					: change.kind === 'revoke'
						? change.revokedOn
						: change.revocationReportedOn
		if (date < earliest)
			throw new AppError('INVALID', `The date cannot be before ${day(earliest)}.`)
		const data =
			change.kind === 'report'
				? { reportedToOmbOn: change.reportedToOmbOn }
				: change.kind === 'recertify'
					? { recertifiedOn: change.recertifiedOn }
					: change.kind === 'revoke'
						? {
								revokedOn: change.revokedOn,
								revokedById: actor.id,
								revocationReason: change.reason,
							}
						: { revocationReportedOn: change.revocationReportedOn }
		const written = await tx.waiver.updateMany({
			where: { id: waiver.id, revision: input.revision },
			data: { ...data, revision: { increment: 1 } },
		})
		if (written.count === 0)
			throw new AppError(
				'CONFLICT',
				'Someone changed this waiver after you opened it; reload to see it.',
			)
		const evaluation = await recordGovernanceChange(tx, actor, useCase, null, 'WAIVER_CHANGED')
		await recordEvent(tx, {
			actorId: actor.id,
			action: `waiver.${change.kind === 'report' ? 'reported_to_omb' : change.kind === 'recertify' ? 'recertified' : change.kind === 'revoke' ? 'revoked' : 'revocation_reported_to_omb'}`,
			entityType: 'UseCase',
			entityId: useCase.id,
			before: {
				waiverId: waiver.id,
				practice: waiver.practice,
				reportedToOmbOn: day(waiver.reportedToOmbOn),
				recertifiedOn: day(waiver.recertifiedOn),
				revokedOn: day(waiver.revokedOn),
			},
			after: {
				waiverId: waiver.id,
				practice: waiver.practice,
				...Object.fromEntries(
					Object.entries(data).map(([k, v]) => [k, v instanceof Date ? day(v) : v]),
				),
				blockedAfter: evaluation.blocked,
			},
			request,
		})
		if (change.kind === 'revoke') {
			await notify(
				tx,
				listedIds(useCase),
				{
					kind: 'DECIDED',
					title: `${useCase.trackingId}: CAIO waiver revoked`,
					body: `${actor.name} revoked the waiver of ${minimumPractices[waiver.practice].label.toLowerCase()} on ${useCase.trackingId}: ${change.reason}`,
					link: `/use-cases/${useCase.id}/governance`,
					useCaseId: useCase.id,
				},
				{ actorId: actor.id },
			)
		}
	})
}

export async function certifyPilot(
	actor: SessionUser,
	input: {
		useCaseId: string
		certifiedOn: Date
		endsOn: Date
		scaleLimit: string
		optOut?: string
		version: number
	},
	request: RequestInfo,
) {
	return prisma.$transaction(async (tx) => {
		const useCase = await loadReviewCase(tx, input.useCaseId)
		requireCaio(actor, useCase)
		if (input.endsOn <= input.certifiedOn)
			throw new AppError('INVALID', 'A pilot ends after it is certified: choose a later end date.')
		// One current certification: a new one replaces the last.
		await tx.pilotCertification.updateMany({
			where: { useCaseId: useCase.id, revokedOn: null },
			data: { revokedOn: input.certifiedOn, revokedById: actor.id },
		})
		const certification = await tx.pilotCertification.create({
			data: {
				useCaseId: useCase.id,
				certifiedById: actor.id,
				certifiedOn: input.certifiedOn,
				endsOn: input.endsOn,
				scaleLimit: input.scaleLimit,
				optOut: input.optOut,
			},
			select: { id: true },
		})
		await recordGovernanceChange(tx, actor, useCase, input.version, 'PILOT_CERTIFICATION_CHANGED')
		await recordEvent(tx, {
			actorId: actor.id,
			action: 'pilot.certified',
			entityType: 'UseCase',
			entityId: useCase.id,
			after: {
				certificationId: certification.id,
				certifiedOn: day(input.certifiedOn),
				endsOn: day(input.endsOn),
				scaleLimit: input.scaleLimit,
				optOut: input.optOut ?? null,
			},
			request,
		})
		return certification
	})
}

export async function revokePilotCertification(
	actor: SessionUser,
	input: { certificationId: string; revokedOn: Date },
	request: RequestInfo,
) {
	return prisma.$transaction(async (tx) => {
		const certification = await tx.pilotCertification.findUnique({
			where: { id: input.certificationId },
		})
		if (!certification) throw new AppError('NOT_FOUND', 'No pilot certification has this id.')
		const useCase = await loadReviewCase(tx, certification.useCaseId)
		if (
			!rolesGrant(
				actor.roles.map((r) => r.role),
				'manage:waiver:any',
			)
		)
			throw new AppError(
				'FORBIDDEN',
				'Only the Chief AI Officer’s office revokes a pilot certification.',
			)
		if (isInvolvedIn(actor, useCase))
			throw new AppError('FORBIDDEN', `${INVOLVED_MESSAGE} someone independent of it must do this.`)
		const written = await tx.pilotCertification.updateMany({
			where: { id: certification.id, revokedOn: null },
			data: { revokedOn: input.revokedOn, revokedById: actor.id },
		})
		if (written.count === 0)
			throw new AppError('CONFLICT', 'This certification was already revoked.')
		await recordGovernanceChange(tx, actor, useCase, null, 'PILOT_CERTIFICATION_CHANGED')
		await recordEvent(tx, {
			actorId: actor.id,
			action: 'pilot.certification_revoked',
			entityType: 'UseCase',
			entityId: useCase.id,
			after: { certificationId: certification.id, revokedOn: day(input.revokedOn) },
			request,
		})
	})
}

/** Evidence for one practice: the people on the case or the CAIO's office record where it is documented. */
export async function savePracticeEvidence(
	actor: SessionUser,
	input: {
		useCaseId: string
		practice: MinimumPractice
		evidenceUrl?: string
		ownerEmail?: string
		documentedOn?: Date
		note?: string
		revision: number
	},
	request: RequestInfo,
): Promise<
	{ status: 'saved' } | { status: 'invalid'; fieldErrors: Record<string, Array<string>> }
> {
	return prisma.$transaction(async (tx) => {
		const useCase = await loadReviewCase(tx, input.useCaseId)
		const isCaio = rolesGrant(
			actor.roles.map((r) => r.role),
			'manage:waiver:any',
		)
		if (!isListedOn(actor, useCase) && !isCaio)
			throw new AppError(
				'FORBIDDEN',
				'Only the people on this use case and the CAIO’s office record practice evidence.',
			)
		const owner = input.ownerEmail
			? await tx.user.findFirst({
					where: { email: input.ownerEmail.trim().toLowerCase(), active: true },
					select: { id: true },
				})
			: null
		if (input.ownerEmail && !owner)
			return {
				status: 'invalid',
				fieldErrors: { ownerEmail: [`No active user has the e-mail ${input.ownerEmail}.`] },
			}
		const existing = await tx.practiceRecord.findUnique({
			where: { useCaseId_practice: { useCaseId: useCase.id, practice: input.practice } },
		})
		const data = {
			evidenceUrl: input.evidenceUrl ?? null,
			ownerId: owner?.id ?? null,
			documentedOn: input.documentedOn ?? null,
			note: input.note ?? null,
			updatedById: actor.id,
		}
		if (existing) {
			const written = await tx.practiceRecord.updateMany({
				where: { useCaseId: useCase.id, practice: input.practice, revision: input.revision },
				data: { ...data, revision: { increment: 1 } },
			})
			if (written.count === 0)
				throw new AppError(
					'CONFLICT',
					'Someone saved this practice’s evidence after you opened it; reload to see it.',
				)
		} else {
			if (input.revision !== 0)
				throw new AppError(
					'CONFLICT',
					'Someone changed this practice’s evidence after you opened it; reload to see it.',
				)
			// Two first saves at once: the one whose row is inserted wins, the other is told.
			const created = await tx.practiceRecord.createMany({
				data: [{ useCaseId: useCase.id, practice: input.practice, ...data }],
				skipDuplicates: true,
			})
			if (created.count === 0)
				throw new AppError(
					'CONFLICT',
					'Someone saved this practice’s evidence at the same moment; reload to see it.',
				)
		}
		// Evidence documents the practice: the findings, the decision page and the export read it from the new version.
		await recordGovernanceChange(tx, actor, useCase, null, 'PRACTICE_EVIDENCE_RECORDED')
		await recordEvent(tx, {
			actorId: actor.id,
			action: 'practice.evidence_recorded',
			entityType: 'UseCase',
			entityId: useCase.id,
			before: existing
				? {
						practice: input.practice,
						evidenceUrl: existing.evidenceUrl,
						ownerId: existing.ownerId,
						documentedOn: day(existing.documentedOn),
					}
				: null,
			after: {
				practice: input.practice,
				evidenceUrl: data.evidenceUrl,
				ownerId: data.ownerId,
				documentedOn: day(data.documentedOn),
				note: data.note,
			},
			request,
		})
		return { status: 'saved' }
	})
}

/** Everything the CAIO page shows for one case. */
export async function governanceRecord(useCaseId: string, asOf = new Date()) {
	const loaded = await prisma.useCase.findUnique({
		where: { id: useCaseId },
		select: useCaseSelect,
	})
	if (!loaded || loaded.status === 'DRAFT')
		throw new AppError('NOT_FOUND', 'No submitted use case has this id.')
	const [records, waivers, pilots, pack] = await Promise.all([
		prisma.practiceRecord.findMany({
			where: { useCaseId },
			select: {
				practice: true,
				evidenceUrl: true,
				documentedOn: true,
				note: true,
				revision: true,
				owner: { select: { name: true, email: true } },
			},
		}),
		prisma.waiver.findMany({
			where: { useCaseId },
			orderBy: { grantedOn: 'desc' },
			select: {
				id: true,
				practice: true,
				riskAssessment: true,
				grantedOn: true,
				expiresOn: true,
				reportedToOmbOn: true,
				recertifiedOn: true,
				revokedOn: true,
				revocationReason: true,
				revocationReportedOn: true,
				revision: true,
				grantedBy: { select: { name: true } },
				revokedBy: { select: { name: true } },
			},
		}),
		prisma.pilotCertification.findMany({
			where: { useCaseId },
			orderBy: { certifiedOn: 'desc' },
			select: {
				id: true,
				certifiedOn: true,
				endsOn: true,
				scaleLimit: true,
				optOut: true,
				revokedOn: true,
				certifiedBy: { select: { name: true } },
			},
		}),
		// The tracker reads the case as the findings do: under the release of the pack in force.
		currentPolicyPack(),
	])
	const document = toDocument(loaded)
	const evidence = Object.fromEntries(
		records.map((record) => [
			record.practice,
			{
				evidenceUrl: record.evidenceUrl,
				ownerName: record.owner?.name ?? null,
				documentedOn: day(record.documentedOn),
				note: record.note,
			} satisfies PracticeEvidence,
		]),
	)
	return {
		useCase: loaded,
		document,
		tracker: trackPractices(document, evidence, asOf, { release: releaseOf(pack.version) }),
		records: Object.fromEntries(
			records.map((record) => [
				record.practice,
				{ revision: record.revision, ownerEmail: record.owner?.email ?? null },
			]),
		),
		waivers,
		pilots,
	}
}
