import { expect, test } from 'vitest'
import {
	type UseCaseDocumentInput,
	UseCaseDocumentSchema,
} from '#app/modules/use-cases/use-case-document.ts'
import { materialChanges } from './material-change.ts'

const approved: UseCaseDocumentInput = {
	name: 'Medicare claims outlier review',
	stage: 'PILOT',
	decisionRole: 'ASSISTIVE',
	contractingUsage: 'PURCHASED',
	vendorNames: ['Acme Analytics'],
	informedDecisions: ['FRAUD_IMPROPER_PAYMENT'],
	benefits: 'Fewer improper payments.',
	datasets: [
		{
			id: 'ds-claims',
			name: 'Medicare FFS claims',
			category: 'MEDICARE_CLAIMS',
			usage: ['OPERATION'],
		},
	],
}
const doc = (changes: Partial<UseCaseDocumentInput> = {}) =>
	UseCaseDocumentSchema.parse({ ...approved, ...changes })

test('wording, benefits and contacts are cosmetic: the approval stands', () => {
	expect(
		materialChanges(
			doc(),
			doc({ benefits: 'Fewer improper payments, faster reviews.', name: 'Claims outlier review' }),
		),
	).toEqual([])
	expect(materialChanges(doc(), doc({ vendorNames: [' acme analytics '] }))).toEqual([])
})

test('each material fact re-opens review, and is named', () => {
	expect(materialChanges(doc(), doc({ stage: 'DEPLOYED' }))).toEqual(['stage'])
	expect(materialChanges(doc(), doc({ decisionRole: 'PRINCIPAL_BASIS' }))).toEqual(['decisionRole'])
	expect(materialChanges(doc(), doc({ vendorNames: ['Other Vendor'] }))).toEqual(['vendorNames'])
	expect(materialChanges(doc(), doc({ contractingUsage: 'IN_HOUSE', vendorNames: [] }))).toEqual([
		'contractingUsage',
		'vendorNames',
	])
	expect(
		materialChanges(
			doc(),
			doc({ informedDecisions: ['FRAUD_IMPROPER_PAYMENT', 'COVERAGE_PAYMENT'] }),
		),
	).toEqual(['informedDecisions'])
})

test('a dataset added, removed, or used in a new way is material; the same datasets in another order are not', () => {
	const second = {
		id: 'ds-enrollment',
		name: 'Medicare enrollment',
		category: 'ENROLLMENT_ELIGIBILITY' as const,
		usage: ['OPERATION' as const],
	}
	expect(materialChanges(doc(), doc({ datasets: [...approved.datasets!, second] }))).toEqual([
		'datasets',
	])
	expect(materialChanges(doc(), doc({ datasets: [] }))).toEqual(['datasets'])
	expect(
		materialChanges(
			doc(),
			doc({ datasets: [{ ...approved.datasets![0]!, usage: ['OPERATION', 'TRAINING'] }] }),
		),
	).toEqual(['datasets'])
	expect(
		materialChanges(
			doc({ datasets: [second, ...approved.datasets!] }),
			doc({ datasets: [...approved.datasets!, second] }),
		),
	).toEqual([])
})
