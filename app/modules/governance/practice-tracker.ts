// The minimum-practice tracker for a high-impact case: for each of the seven practices of M-25-21
// §4(b), where it stands (from the case's OMB hi_* answers and the CAIO's waivers), its evidence,
// and whether it is late against the 3 Apr 2026 compliance date.
import {
	isPastDeadline,
	MINIMUM_PRACTICES_DEADLINE,
} from '#app/modules/policies/checks/case-facts.ts'
import { type Reading } from '#app/modules/policies/checks/check-types.ts'
import { treatedAsHighImpact } from '#app/modules/policies/checks/high-impact.ts'
import {
	assessPractice,
	pilotCertificationValid,
	waiverStanding,
} from '#app/modules/policies/checks/minimum-practices.ts'
import { type UseCaseDocument } from '#app/modules/use-cases/use-case-document.ts'
import {
	type MinimumPractice,
	minimumPracticeKeys,
	minimumPractices,
} from '#app/modules/use-cases/vocabulary.ts'
import { keysOf } from '#app/utils/keys-of.ts'

export const practiceStatusLabels = {
	YES: 'Yes, documented',
	IN_PROGRESS: 'In progress',
	WAIVED: 'Waived by the CAIO',
	NOT_APPLICABLE: 'Not applicable (as OMB allows)',
	MISSING: 'Not documented',
} as const
export const practiceStatuses = keysOf(practiceStatusLabels)
export type PracticeStatus = (typeof practiceStatuses)[number]

export type PracticeEvidence = {
	evidenceUrl: string | null
	ownerName: string | null
	documentedOn: string | null
	note: string | null
}

export type TrackedPractice = {
	practice: MinimumPractice
	label: string
	clause: string
	status: PracticeStatus
	/** The answers behind the status, in words. */
	answer: string
	waiverUntil: string | null
	/** Past the compliance date, in use (deployed, or a pilot without a current CAIO certification), and neither met nor waived. */
	late: boolean
	evidence: PracticeEvidence | null
}

// Answers OMB allows as "not applicable" for these practices only.
const notApplicableAnswers: Partial<Record<MinimumPractice, (doc: UseCaseDocument) => boolean>> = {
	FAILSAFE: (doc) => doc.practices.failsafe === 'NOT_APPLICABLE',
	APPEAL: (doc) =>
		doc.practices.appeal === 'NOT_APPLICABLE' || doc.practices.appeal === 'PRECLUDED_BY_LAW',
}

const inProgressAnswers: Record<MinimumPractice, (doc: UseCaseDocument) => boolean> = {
	TESTING: (doc) => doc.practices.testing === 'IN_PROGRESS',
	IMPACT_ASSESSMENT: (doc) =>
		doc.practices.impactAssessment === 'IN_PROGRESS' ||
		doc.practices.independentReview === 'IN_PROGRESS',
	MONITORING: (doc) => doc.practices.monitoring === 'IN_PROGRESS',
	TRAINING: (doc) => doc.practices.training === 'IN_PROGRESS',
	FAILSAFE: (doc) => doc.practices.failsafe === 'IN_PROGRESS',
	APPEAL: (doc) => doc.practices.appeal === 'IN_PROGRESS',
	PUBLIC_CONSULTATION: (doc) => doc.practices.publicConsultation.includes('IN_PROGRESS'),
}

/** Whether the practices bind the case now: high-impact, in use, and not an exempt (CAIO-certified) pilot. */
function inUse(doc: UseCaseDocument, asOf: Date) {
	if (doc.stage === 'DEPLOYED') return true
	return doc.stage === 'PILOT' && !pilotCertificationValid(doc, asOf)
}

/**
 * `reading` is the release of the pack in force: whether the practices bind turns on the presumption and
 * the AI screen, which read as the checks of that release do, so the tracker and the findings agree.
 */
export function trackPractices(
	doc: UseCaseDocument,
	evidence: Partial<Record<MinimumPractice, PracticeEvidence>>,
	asOf: Date,
	reading: Reading,
): { applies: boolean; deadline: string; practices: Array<TrackedPractice> } {
	const applies = treatedAsHighImpact(doc, reading)
	const pastDeadline = isPastDeadline(asOf)
	const practices = minimumPracticeKeys.map((practice): TrackedPractice => {
		const assessment = assessPractice(doc, practice)
		const waiver = waiverStanding(doc, practice, asOf)
		let status: PracticeStatus
		if (notApplicableAnswers[practice]?.(doc)) status = 'NOT_APPLICABLE'
		else if (assessment.met) status = 'YES'
		else if (waiver.valid) status = 'WAIVED'
		else if (inProgressAnswers[practice](doc)) status = 'IN_PROGRESS'
		else status = 'MISSING'
		const settled = status === 'YES' || status === 'WAIVED' || status === 'NOT_APPLICABLE'
		return {
			practice,
			label: minimumPractices[practice].label,
			clause: minimumPractices[practice].clause,
			status,
			answer: assessment.answer,
			waiverUntil: waiver.valid ? waiver.until : null,
			late: applies && pastDeadline && inUse(doc, asOf) && !settled,
			evidence: evidence[practice] ?? null,
		}
	})
	return { applies, deadline: MINIMUM_PRACTICES_DEADLINE, practices }
}
