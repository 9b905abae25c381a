import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { inheritedSensitivities, strictestSensitivity, UseCaseDocumentSchema } from './use-case-document.ts'

test('the documented example parses', () => {
	const example = JSON.parse(readFileSync('docs/examples/call-centre-summariser.json', 'utf8'))
	const parsed = UseCaseDocumentSchema.parse(example)
	expect(parsed.stage).toBe('PILOT')
	expect(parsed.datasets).toHaveLength(2)
	expect(strictestSensitivity(parsed.datasets)).toBe('PHI')
})

test('a draft needs only a name; lists and groups default to empty', () => {
	const parsed = UseCaseDocumentSchema.parse({ name: 'Prior authorization document triage' })
	expect(parsed).toMatchObject({ vendorNames: [], datasets: [], waivers: [], highImpact: {}, practices: { publicConsultation: [] } })
})

test('wrong enum values, over-long text and bad links are reported by path', () => {
	const result = UseCaseDocumentSchema.safeParse({
		name: 'x'.repeat(201),
		stage: 'Deployed',
		piaUrl: 'javascript:alert(1)',
		datasets: [{ name: 'Claims', category: 'MEDICARE_CLAIMS', usage: [] }],
	})
	expect(result.success).toBe(false)
	const paths = result.error?.issues.map((issue) => issue.path.join('.'))
	expect(paths).toEqual(expect.arrayContaining(['name', 'stage', 'piaUrl', 'datasets.0.usage']))
})

test('a case inherits every sensitivity of its datasets, strictest first', () => {
	const datasets = [{ sensitivities: ['PII' as const] }, { sensitivities: ['PHI' as const, 'PART2' as const] }]
	expect(inheritedSensitivities(datasets)).toEqual(['PART2', 'PHI', 'PII'])
	expect(strictestSensitivity([{ sensitivities: [] }])).toBeNull()
})
