// Which use cases go into a year's OMB inventory, and in which file. Pure; the exports and the
// inventory cycles share it. The reasoning is in docs/decisions/010-omb-export-import-and-cycles.md.
import { type UseCaseDocument } from '#app/modules/use-cases/use-case-document.ts'
import { type UseCaseStatus, useCaseStatuses } from '#app/modules/use-cases/vocabulary.ts'
import { consolidationBlocker } from './omb-export.ts'

/**
 * OMB's 2025 guidance inventories AI in pre-deployment, pilot, deployed or retired status, and says
 * "when unsure, include it": every case past its draft is reported, whether or not its review has
 * finished. A draft is not yet a use case the agency has put forward; a withdrawn or rejected case
 * is one the agency will not pursue.
 */
export const unreportedStatuses = [
	'DRAFT',
	'WITHDRAWN',
	'REJECTED',
] as const satisfies ReadonlyArray<UseCaseStatus>
export const reportedStatuses = useCaseStatuses.filter(
	(status) => !(unreportedStatuses as ReadonlyArray<UseCaseStatus>).includes(status),
) as Array<UseCaseStatus>

export function isRetired(useCase: { status: UseCaseStatus; stage?: string | null }) {
	return useCase.status === 'RETIRED' || useCase.stage === 'RETIRED'
}

export type ReportingDecision =
	{ reported: true; file: 'INDIVIDUAL' | 'CONSOLIDATED' } | { reported: false; reason: string }

const statusReasons: Record<(typeof unreportedStatuses)[number], string> = {
	DRAFT: 'It is a draft that has not been submitted.',
	WITHDRAWN: 'It was withdrawn.',
	REJECTED: 'It was rejected.',
}

/**
 * Whether and where a case is reported. A retired case is reported once, in the first inventory
 * after it retired (OMB: "report a retired case once… never reuse its ID"): `retiredAlreadyReported`
 * says whether an earlier year's snapshot already holds it as retired. A case on one of the 20
 * common commercial tasks that qualifies for consolidated reporting goes to the COTS file instead
 * of the individual one.
 */
export function reportingDecision(input: {
	status: UseCaseStatus
	document: UseCaseDocument
	presumedHighImpact: boolean
	retiredAlreadyReported: boolean
}): ReportingDecision {
	const { status, document } = input
	if ((unreportedStatuses as ReadonlyArray<UseCaseStatus>).includes(status)) {
		return { reported: false, reason: statusReasons[status as (typeof unreportedStatuses)[number]] }
	}
	if (isRetired({ status, stage: document.stage }) && input.retiredAlreadyReported) {
		return {
			reported: false,
			reason: 'It retired and was already reported as retired in an earlier year’s inventory.',
		}
	}
	if (document.cotsTask && consolidationBlocker(document, input.presumedHighImpact) === null) {
		return { reported: true, file: 'CONSOLIDATED' }
	}
	return { reported: true, file: 'INDIVIDUAL' }
}

/** Whether the case needs the policy checks' presumption to decide its file (only possible COTS cases do). */
export function needsPresumption(document: UseCaseDocument) {
	return (
		Boolean(document.cotsTask) &&
		document.contractingUsage === 'PURCHASED' &&
		document.highImpact.determination === undefined
	)
}
