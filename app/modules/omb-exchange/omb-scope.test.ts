import { expect, test } from 'vitest'
import { UseCaseDocumentSchema } from '#app/modules/use-cases/use-case-document.ts'
import { type UseCaseStatus, useCaseStatuses } from '#app/modules/use-cases/vocabulary.ts'
import { needsPresumption, reportedStatuses, reportingDecision } from './omb-scope.ts'

const deployed = UseCaseDocumentSchema.parse({
	name: 'Claims anomaly detection',
	stage: 'DEPLOYED',
})
const retired = UseCaseDocumentSchema.parse({ name: 'Text network analysis', stage: 'RETIRED' })
const copilot = UseCaseDocumentSchema.parse({
	name: 'Copilot',
	stage: 'DEPLOYED',
	cotsTask: 'L',
	contractingUsage: 'PURCHASED',
})

const decide = (
	status: UseCaseStatus,
	document = deployed,
	extra: { presumedHighImpact?: boolean; retiredAlreadyReported?: boolean } = {},
) =>
	reportingDecision({
		status,
		document,
		presumedHighImpact: extra.presumedHighImpact ?? false,
		retiredAlreadyReported: extra.retiredAlreadyReported ?? false,
	})

test('every case past its draft is reported, decided or not; drafts, withdrawn and rejected cases are not', () => {
	expect(reportedStatuses).toEqual([
		'SUBMITTED',
		'IN_REVIEW',
		'CHANGES_REQUESTED',
		'APPROVED',
		'APPROVED_WITH_CONDITIONS',
		'RETIRED',
	])
	for (const status of useCaseStatuses) {
		expect(decide(status).reported, status).toBe(reportedStatuses.includes(status))
	}
	expect(decide('WITHDRAWN')).toEqual({ reported: false, reason: 'It was withdrawn.' })
})

test('a retired case is reported once: not again after an earlier inventory held it as retired', () => {
	expect(decide('APPROVED', retired)).toEqual({ reported: true, file: 'INDIVIDUAL' })
	expect(decide('APPROVED', retired, { retiredAlreadyReported: true })).toMatchObject({
		reported: false,
	})
	expect(decide('RETIRED', deployed, { retiredAlreadyReported: true })).toMatchObject({
		reported: false,
	})
	// Only retirement is reported once; an active case stays in every year's inventory.
	expect(decide('APPROVED', deployed, { retiredAlreadyReported: true })).toEqual({
		reported: true,
		file: 'INDIVIDUAL',
	})
})

test('a qualifying common commercial task goes to the consolidated file; a presumed one without a determination stays individual', () => {
	expect(needsPresumption(copilot)).toBe(true)
	expect(needsPresumption(deployed)).toBe(false)
	expect(decide('APPROVED', copilot)).toEqual({ reported: true, file: 'CONSOLIDATED' })
	expect(decide('APPROVED', copilot, { presumedHighImpact: true })).toEqual({
		reported: true,
		file: 'INDIVIDUAL',
	})
})
