import { expect, test } from 'vitest'
import { type DuplicateCandidate, findLikelyDuplicates } from './duplicate-detection.ts'

const existing: Array<DuplicateCandidate> = [
	{
		id: '1',
		trackingId: 'CMS-2026-0001',
		name: 'FFS claims fraud detection model',
		problemSolved: 'Improper payments on Medicare fee-for-service claims are found only after payment.',
		datasetIds: ['part-a', 'part-b'],
		vendorNames: ['Acme Analytics, Inc.'],
	},
	{
		id: '2',
		trackingId: 'CMS-2026-0002',
		name: 'HR onboarding chatbot',
		problemSolved: 'New hires wait days for answers about benefits enrollment and IT accounts.',
		datasetIds: ['personnel'],
		vendorNames: ['HelpDesk AI LLC'],
	},
	{
		id: '3',
		trackingId: 'CMS-2026-0003',
		name: 'Part D prescription drug event summarizer',
		problemSolved: 'Analysts read thousands of PDE records to explain spending spikes.',
		datasetIds: ['pde'],
		vendorNames: [],
	},
]

test('a differently worded name for the same fraud model is found, with the reasons', () => {
	const matches = findLikelyDuplicates(
		{ name: 'Medicare claims fraud model', datasetIds: ['part-b'], vendorNames: ['ACME Analytics'] },
		existing,
	)
	expect(matches.map((m) => m.trackingId)).toEqual(['CMS-2026-0001'])
	expect(matches[0]?.reasons).toEqual(expect.arrayContaining(['1 dataset in common', 'same vendor: Acme Analytics, Inc.']))
	expect(matches[0]?.reasons.some((r) => r.startsWith('name '))).toBe(true)
})

test('a similar name alone is enough, as when someone types a new registration', () => {
	const matches = findLikelyDuplicates({ name: 'Medicare claims fraud model' }, existing)
	expect(matches.map((m) => m.trackingId)).toEqual(['CMS-2026-0001'])
})

test('spelling variants match: summariser and summarizer, PDE spelled out or not', () => {
	const matches = findLikelyDuplicates({ name: 'Part D PDE summariser' }, existing)
	expect(matches.map((m) => m.trackingId)).toEqual(['CMS-2026-0003'])
})

test('unrelated use cases do not match', () => {
	expect(findLikelyDuplicates({ name: 'Part D PDE summarizer' }, [existing[1]!])).toEqual([])
	expect(findLikelyDuplicates({ name: 'Provider directory address validation' }, existing)).toEqual([])
})

test('sharing one common dataset alone is not enough to call it a duplicate', () => {
	expect(findLikelyDuplicates({ name: 'Hospital readmission risk score', datasetIds: ['part-a'] }, existing)).toEqual([])
})

test('a blank name finds nothing', () => {
	expect(findLikelyDuplicates({ name: '  ' }, existing)).toEqual([])
})
