import fc from 'fast-check'
import { expect, test } from 'vitest'
import {
	DUPLICATE_THRESHOLD,
	type DuplicateCandidate,
	findIndexedDuplicates,
	findLikelyDuplicates,
	indexDuplicateCandidates,
	scoreDuplicate,
} from './duplicate-detection.ts'

const existing: Array<DuplicateCandidate> = [
	{
		id: '1',
		trackingId: 'CMS-2026-0001',
		name: 'FFS claims fraud detection model',
		problemSolved:
			'Improper payments on Medicare fee-for-service claims are found only after payment.',
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
		{
			name: 'Medicare claims fraud model',
			datasetIds: ['part-b'],
			vendorNames: ['ACME Analytics'],
		},
		existing,
	)
	expect(matches.map((m) => m.trackingId)).toEqual(['CMS-2026-0001'])
	expect(matches[0]?.reasons).toEqual(
		expect.arrayContaining(['1 dataset in common', 'same vendor: Acme Analytics, Inc.']),
	)
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
	expect(findLikelyDuplicates({ name: 'Provider directory address validation' }, existing)).toEqual(
		[],
	)
})

test('sharing one common dataset alone is not enough to call it a duplicate', () => {
	expect(
		findLikelyDuplicates(
			{ name: 'Hospital readmission risk score', datasetIds: ['part-a'] },
			existing,
		),
	).toEqual([])
})

test('a blank name finds nothing', () => {
	expect(findLikelyDuplicates({ name: '  ' }, existing)).toEqual([])
})

test('the brief’s pair: a Medicare claims fraud model is the FFS claims fraud detection model', () => {
	const match = scoreDuplicate(
		{ name: 'Medicare claims fraud model' },
		{ id: '9', trackingId: 'CMS-2026-0009', name: 'FFS claims fraud detection model' },
	)
	expect(match.score).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD)
	expect(match.reasons).toEqual([expect.stringMatching(/^name \d+% similar$/)])
})

test('the brief’s non-pair: a Part D PDE summarizer is not the HR onboarding chatbot', () => {
	const match = scoreDuplicate({ name: 'Part D PDE summarizer' }, existing[1]!)
	expect(match.score).toBeLessThan(0.1)
	expect(match.reasons).toEqual([])
})

test('the technique named in a title does not make two different problems alike, nor hide the same one', () => {
	const candidates: Array<DuplicateCandidate> = [
		{
			id: 'a',
			trackingId: 'CMS-2026-0101',
			name: '1-800-MEDICARE call summariser (LLM)',
			vendorNames: ['Example Speech Analytics, Inc.'],
		},
		{ id: 'b', trackingId: 'CMS-2026-0102', name: 'LLM contract clause reviewer' },
	]
	const matches = findLikelyDuplicates(
		{
			name: 'Call centre summarization with generative AI',
			vendorNames: ['Example Speech Analytics'],
		},
		candidates,
	)
	expect(matches.map((m) => m.trackingId)).toEqual(['CMS-2026-0101'])
	expect(matches[0]?.reasons).toContain('same vendor: Example Speech Analytics, Inc.')
})

test('the same problem described alike, on the same data, is flagged even under a different name', () => {
	const matches = findLikelyDuplicates(
		{
			name: 'Marketplace identity proofing',
			problemSolved: 'Fraudulent Marketplace applications are submitted with stolen identities.',
			datasetIds: ['ffm-applications', 'experian-idv'],
		},
		[
			{
				id: 'idp',
				trackingId: 'CMS-2026-0201',
				name: 'HealthCare.gov identity verification',
				problemSolved:
					'Applications on the Marketplace are submitted with stolen identities and are fraudulent.',
				datasetIds: ['ffm-applications', 'experian-idv'],
			},
		],
	)
	expect(matches).toHaveLength(1)
	expect(matches[0]?.reasons).toEqual(
		expect.arrayContaining([
			'2 datasets in common',
			expect.stringMatching(/^problem described \d+% alike$/),
		]),
	)
})

test('the same vendor alone does not make two use cases duplicates', () => {
	expect(
		findLikelyDuplicates(
			{ name: 'Provider enrollment screening', vendorNames: ['Acme Analytics'] },
			existing,
		).map((m) => m.trackingId),
	).toEqual([])
})

test('matches are ranked best first, capped by the limit, and the threshold can be raised', () => {
	const candidates: Array<DuplicateCandidate> = [
		{ id: 'x', trackingId: 'CMS-2026-0301', name: 'Claims fraud detection' },
		{
			id: 'y',
			trackingId: 'CMS-2026-0302',
			name: 'Medicare claims fraud detection model',
			datasetIds: ['part-b'],
		},
		{ id: 'z', trackingId: 'CMS-2026-0303', name: 'Medicare Part B claims fraud detection' },
	]
	const probe = { name: 'Medicare claims fraud detection', datasetIds: ['part-b'] }
	const ranked = findLikelyDuplicates(probe, candidates)
	expect(ranked.map((m) => m.trackingId)).toEqual([
		'CMS-2026-0302',
		'CMS-2026-0303',
		'CMS-2026-0301',
	])
	expect(ranked.map((m) => m.score)).toEqual([...ranked.map((m) => m.score)].sort((a, b) => b - a))
	expect(findLikelyDuplicates(probe, candidates, { limit: 1 }).map((m) => m.trackingId)).toEqual([
		'CMS-2026-0302',
	])
	expect(
		findLikelyDuplicates(probe, candidates, { threshold: 0.8 }).map((m) => m.trackingId),
	).toEqual(['CMS-2026-0302'])
})

test('words that name properties of JavaScript objects are ordinary words', () => {
	const names = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype']
	const candidates: Array<DuplicateCandidate> = names.map((name, index) => ({
		id: `c${index}`,
		trackingId: `CMS-2026-00${10 + index}`,
		name: `Claims ${name} model`,
		problemSolved: `Our ${name} problem statement mentions ${name} twice.`,
	}))
	for (const name of names) {
		const matches = findLikelyDuplicates(
			{ name: `Claims ${name} model`, problemSolved: `The ${name} problem.` },
			candidates,
		)
		expect(matches[0], name).toMatchObject({ name: `Claims ${name} model` })
		expect(matches[0]!.score).toBeGreaterThan(DUPLICATE_THRESHOLD)
	}
})

// Words of CMS names, with the acronyms, synonyms and filler the scoring treats apart.
const nameWords = fc.constantFrom(
	'medicare',
	'claims',
	'fraud',
	'detection',
	'detector',
	'pde',
	'prescription',
	'drug',
	'event',
	'summarizer',
	'summary',
	'chatbot',
	'assistant',
	'the',
	'model',
	'ffs',
	'eligibility',
	'review',
	'appeals',
	'constructor',
	'2025',
)
const aName = fc.array(nameWords, { minLength: 1, maxLength: 6 }).map((list) => list.join(' '))
const aCase = fc.record({
	name: aName,
	problemSolved: fc.option(aName, { nil: undefined }),
	vendorNames: fc.array(fc.constantFrom('Acme Inc.', 'ACME', 'Helpdesk LLC'), { maxLength: 2 }),
})

test('the index scores a file’s rows exactly as the form scores one case against every case', () => {
	fc.assert(
		fc.property(
			fc.array(aCase, { maxLength: 30 }),
			fc.array(aCase, { minLength: 1, maxLength: 5 }),
			(cases, probes) => {
				const candidates = cases.map((c, i) => ({ ...c, id: `c${i}`, trackingId: `CMS-2026-${i}` }))
				const index = indexDuplicateCandidates(candidates)
				for (const probe of probes) {
					const indexed = findIndexedDuplicates(probe, index, { limit: 100, threshold: 0.2 })
					const everyCase = findLikelyDuplicates(probe, candidates, { limit: 100, threshold: 0.2 })
					for (const match of indexed) {
						const { candidate, ...scored } = match
						expect(scored).toEqual(scoreDuplicate(probe, candidate))
						expect(everyCase).toContainEqual(scored)
					}
					const scores = indexed.map((match) => match.score)
					expect(scores).toEqual([...scores].sort((a, b) => b - a))
				}
			},
		),
		{ numRuns: 200 },
	)
})

test('of equally alike cases the index names the one it holds first, whatever the probe’s word order', () => {
	const twins = [
		{ id: 'a', trackingId: 'CMS-2026-0001', name: 'Medicare claims fraud detection' },
		{ id: 'b', trackingId: 'CMS-2026-0002', name: 'Medicare claims fraud detection' },
	]
	const index = indexDuplicateCandidates(twins)
	for (const name of ['Medicare claims fraud detection', 'detection fraud claims Medicare'])
		expect(findIndexedDuplicates({ name }, index, { limit: 1 }).map((m) => m.trackingId)).toEqual([
			'CMS-2026-0001',
		])
})

test('rows with words no case has leave the index as it was for the rows after them', () => {
	const index = indexDuplicateCandidates(existing)
	const probe = { name: 'Claims fraud detector for fee-for-service' }
	const before = findIndexedDuplicates(probe, index)
	for (let i = 0; i < 500; i++) findIndexedDuplicates({ name: `novel words ${i} zq${i}` }, index)
	expect(findIndexedDuplicates(probe, index)).toEqual(before)
	expect(before.map((match) => match.trackingId)).toEqual(['CMS-2026-0001'])
})

test('a case excluded by the caller is passed over for the next most alike', () => {
	const index = indexDuplicateCandidates(existing)
	const probe = { name: 'FFS claims fraud detection model' }
	expect(findIndexedDuplicates(probe, index, { limit: 1, threshold: 0 })[0]?.trackingId).toBe(
		'CMS-2026-0001',
	)
	const others = findIndexedDuplicates(probe, index, {
		threshold: 0,
		exclude: (candidate) => candidate.id === '1',
	})
	expect(others.map((match) => match.trackingId)).not.toContain('CMS-2026-0001')
})
