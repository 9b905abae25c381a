// The record layer: how a use case is stored (its row, the `answers` JSON, its frozen versions) and read
// back as the use-case document, and who is on it. Which answer sits in which column follows the
// question registry (use-case-mapping.ts). Commands (use-cases.server.ts), the workflow,
// the policy checks and the OMB exchange build on it; it imports none of them.
import { type Prisma } from '#app/generated/prisma/client.ts'
import { independentReviewFromLanes } from '#app/modules/workflow/independent-review.ts'
import { type SessionUser } from '#app/utils/auth.server.ts'
import { type Tx } from '#app/utils/db/tx.ts'
import { jsonColumn } from '#app/utils/db/json-column.ts'
import { setValueAt, valueAt } from './question-kinds.ts'
import { type UseCaseDocument, UseCaseDocumentSchema } from './use-case-document.ts'
import { answersOfRecord } from './use-case-mapping.ts'

/** A frozen version of a use case: the document as it stood. */
const snapshotColumn = jsonColumn<UseCaseDocument>()

export const useCaseSelect = {
	id: true,
	trackingId: true,
	status: true,
	name: true,
	version: true,
	createdAt: true,
	updatedAt: true,
	submittedAt: true,
	createdById: true,
	ownerId: true,
	contactEmail: true,
	isWithheld: true,
	stage: true,
	topicArea: true,
	classification: true,
	problemSolved: true,
	benefits: true,
	systemOutputs: true,
	contractingUsage: true,
	vendorNames: true,
	decisionRole: true,
	generativeAi: true,
	publicFacing: true,
	hosting: true,
	highImpactDetermination: true,
	answers: true,
	orgUnitId: true,
	orgUnit: { select: { code: true, name: true, shortName: true } },
	owner: { select: { name: true, email: true } },
	determinedAt: true,
	determinedBy: { select: { name: true } },
	reviewRound: true,
	decidedAt: true,
	nextReviewDue: true,
	waivers: {
		orderBy: [{ grantedOn: 'asc' }, { createdAt: 'asc' }],
		select: {
			practice: true,
			grantedOn: true,
			expiresOn: true,
			reportedToOmbOn: true,
			recertifiedOn: true,
			revokedOn: true,
		},
	},
	pilotCertifications: {
		where: { revokedOn: null },
		orderBy: { certifiedOn: 'desc' },
		take: 1,
		select: { certifiedOn: true, endsOn: true, scaleLimit: true },
	},
	laneReviews: {
		orderBy: [{ round: 'asc' }, { lane: 'asc' }],
		select: { lane: true, status: true, assigneeId: true },
	},
	practiceRecords: {
		orderBy: { practice: 'asc' },
		select: { practice: true, evidenceUrl: true, documentedOn: true },
	},
	contacts: { select: { userId: true, role: true, user: { select: { name: true, email: true } } } },
	participants: { select: { userId: true } },
	datasets: {
		orderBy: { dataset: { name: 'asc' } },
		select: {
			usages: true,
			minimumNecessaryJustification: true,
			dataset: {
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
			},
		},
	},
} as const satisfies Prisma.UseCaseSelect

export type LoadedUseCase = Prisma.UseCaseGetPayload<{ select: typeof useCaseSelect }>

export { columnsOf, storedAnswers } from './use-case-mapping.ts'

const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : undefined)

/**
 * The case as the use-case document every check and export reads. CAIO waivers and pilot
 * certifications come from their own records, and OMB's hi_independent_review from who reviewed.
 */
export function toDocument(useCase: Omit<LoadedUseCase, 'participants'>): UseCaseDocument {
	const document = answersOfRecord(useCase)
	const pilot = useCase.pilotCertifications[0]
	setValueAt(
		document,
		'practices.independentReview',
		independentReviewFromLanes(useCase.laneReviews) ??
			valueAt(document, 'practices.independentReview'),
	)
	return UseCaseDocumentSchema.parse({
		...document,
		orgUnit: useCase.orgUnit.code,
		ownerEmail: useCase.owner.email,
		waivers: useCase.waivers.map((waiver) => ({
			practice: waiver.practice,
			grantedOn: isoDay(waiver.grantedOn),
			expiresOn: isoDay(waiver.expiresOn),
			reportedToOmbOn: isoDay(waiver.reportedToOmbOn),
			recertifiedOn: isoDay(waiver.recertifiedOn),
			revokedOn: isoDay(waiver.revokedOn),
		})),
		pilotCertification: pilot
			? {
					certifiedOn: isoDay(pilot.certifiedOn),
					endsOn: isoDay(pilot.endsOn),
					scaleLimit: pilot.scaleLimit,
				}
			: undefined,
		practiceEvidence: useCase.practiceRecords
			.filter((record) => record.evidenceUrl !== null || record.documentedOn !== null)
			.map((record) => ({
				practice: record.practice,
				evidenceUrl: record.evidenceUrl ?? undefined,
				documentedOn: isoDay(record.documentedOn),
			})),
		datasets: useCase.datasets.map((link) => ({
			id: link.dataset.id,
			name: link.dataset.name,
			category: link.dataset.category,
			sensitivities: link.dataset.sensitivities,
			sornNumber: link.dataset.sornNumber ?? undefined,
			piaUrl: link.dataset.piaUrl ?? undefined,
			dataUseAgreementRequired: link.dataset.dataUseAgreementRequired,
			fismaSystem: link.dataset.fismaSystem ?? undefined,
			usage: link.usages.length ? link.usages : ['OPERATION'],
			minimumNecessaryJustification: link.minimumNecessaryJustification ?? undefined,
		})),
	})
}

export type ListedPeople = {
	createdById: string
	ownerId: string
	contacts: ReadonlyArray<{ userId: string }>
}
type InvolvedPeople = ListedPeople & { participants: ReadonlyArray<{ userId: string }> }

/** The case's submitter, owner and everyone listed on it now: the people who work on it (and hear of its review). */
export function listedIds(useCase: ListedPeople) {
	return [
		...new Set([
			useCase.createdById,
			useCase.ownerId,
			...useCase.contacts.map((contact) => contact.userId),
		]),
	]
}

/** Whether this person is the case's submitter, owner or listed on it now. */
export function isListedOn(user: Pick<SessionUser, 'id'>, useCase: ListedPeople) {
	return listedIds(useCase).includes(user.id)
}

/**
 * Whether this person was ever listed on the case, on any version, or created or edited it: such a
 * person may never review or decide it, whatever roles they hold (the UseCaseParticipant rows the
 * database keeps, and whoever is listed now).
 */
export function isInvolvedIn(user: Pick<SessionUser, 'id'>, useCase: InvolvedPeople) {
	return (
		isListedOn(user, useCase) ||
		useCase.participants.some((participant) => participant.userId === user.id)
	)
}

/** The person with an account whose address the inventory's contact e-mail is, if anyone's. */
export async function contactPersonOf(tx: Tx, contactEmail: string | null | undefined) {
	const email = contactEmail?.trim()
	if (!email) return null
	return tx.user.findFirst({
		where: { email: { equals: email, mode: 'insensitive' }, active: true },
		select: { id: true, name: true },
	})
}

/**
 * The inventory's contact e-mail, when it is the address of someone with an account (`person`, from
 * contactPersonOf), lists that person on the case as its program contact: they answer for it, so
 * they work on it (and may never review it). A shared inbox lists nobody.
 */
export async function listContactPerson(
	tx: Tx,
	useCase: { id: string; ownerId: string },
	person: { id: string } | null,
) {
	await tx.useCaseContact.deleteMany({ where: { useCaseId: useCase.id, role: 'PROGRAM_CONTACT' } })
	if (!person || person.id === useCase.ownerId) return
	const listed = await tx.useCaseContact.count({
		where: { useCaseId: useCase.id, userId: person.id },
	})
	if (listed > 0) return
	await tx.useCaseContact.create({
		data: { useCaseId: useCase.id, userId: person.id, role: 'PROGRAM_CONTACT' },
	})
}

export const NOT_FOUND_MESSAGE = 'No use case has this id, or it is a draft you are not listed on.'

/** The start of every refusal on independence grounds. */
export const INVOLVED_MESSAGE = 'You are or were listed on this use case, or wrote part of it, so'

export async function allocateTrackingId(tx: Tx, year: number) {
	const counter = await tx.trackingIdCounter.upsert({
		where: { year },
		create: { year, lastNumber: 1 },
		update: { lastNumber: { increment: 1 } },
	})
	return `CMS-${year}-${String(counter.lastNumber).padStart(4, '0')}`
}

/** An immutable snapshot of the whole document, numbered per case. */
export async function freezeVersion(
	tx: Tx,
	actorId: string,
	useCaseId: string,
	doc: UseCaseDocument,
	reason: string,
) {
	const previous = await tx.useCaseVersion.count({ where: { useCaseId } })
	return tx.useCaseVersion.create({
		data: {
			useCaseId,
			number: previous + 1,
			reason,
			snapshot: snapshotColumn.write(doc),
			createdById: actorId,
		},
		select: { number: true },
	})
}
