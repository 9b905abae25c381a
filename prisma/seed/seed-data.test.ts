import { describe, expect, test } from 'vitest'
import {
	datasetCategories,
	datasetSensitivities,
	SORN_PATTERN,
} from '#app/modules/datasets/schemas.ts'
import { cmsDatasets, type DatasetSeed } from './cms-datasets.ts'
import { orgUnits, type OrgUnitSeed } from './org-units.ts'

const datasets: readonly DatasetSeed[] = cmsDatasets
const units: readonly OrgUnitSeed[] = orgUnits

const CATEGORIES: ReadonlyArray<string> = datasetCategories
const SENSITIVITIES: ReadonlyArray<string> = datasetSensitivities
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/

function duplicates(values: readonly string[]) {
	return values.filter((value, index) => values.indexOf(value) !== index)
}

function httpsHost(url: string) {
	const parsed = new URL(url)
	expect(parsed.protocol).toBe('https:')
	return parsed.hostname
}

describe('org units', () => {
	test('codes are unique', () => {
		expect(duplicates(units.map((u) => u.code))).toEqual([])
	})

	test('there is exactly one root, HHS', () => {
		expect(units.filter((u) => u.parentCode === null).map((u) => u.code)).toEqual(['HHS'])
	})

	test('every parent exists and is listed before its child (the seeder relies on the order)', () => {
		units.forEach((unit, index) => {
			if (unit.parentCode === null) return
			const parentIndex = units.findIndex((u) => u.code === unit.parentCode)
			expect(parentIndex, `${unit.code} → ${unit.parentCode}`).toBeGreaterThanOrEqual(0)
			expect(parentIndex, `${unit.code} comes before its parent`).toBeLessThan(index)
		})
	})

	test('each code is the parent code plus the short name', () => {
		for (const unit of units) {
			const expected =
				unit.parentCode === null ? unit.shortName : `${unit.parentCode}/${unit.shortName}`
			expect(unit.code).toBe(expected)
		}
	})

	test('full names are present and distinct from short names', () => {
		for (const unit of units) {
			expect(unit.name.length, unit.code).toBeGreaterThan(unit.shortName.length)
		}
		expect(duplicates(units.map((u) => u.name))).toEqual([])
	})

	test('includes the centers and offices the catalogue and the demo accounts use', () => {
		const codes = units.map((u) => u.code)
		for (const short of [
			'OIT',
			'CM',
			'CMCS',
			'CCIIO',
			'CCSQ',
			'CPI',
			'CMMI',
			'OFM',
			'OEDA',
			'OAGM',
			'OHC',
		]) {
			expect(codes).toContain(`HHS/CMS/${short}`)
		}
	})
})

describe('CMS datasets', () => {
	test('there are 18 to 22 of them', () => {
		expect(datasets.length).toBeGreaterThanOrEqual(18)
		expect(datasets.length).toBeLessThanOrEqual(22)
	})

	test('slugs are unique kebab-case and names are unique', () => {
		expect(duplicates(datasets.map((d) => d.slug))).toEqual([])
		expect(duplicates(datasets.map((d) => d.name))).toEqual([])
		for (const d of datasets) expect(d.slug).toMatch(KEBAB)
	})

	test('every owner org unit exists and is a CMS center or office', () => {
		const codes = new Set(units.map((u) => u.code))
		for (const d of datasets) {
			expect(codes.has(d.ownerOrgUnit), `${d.slug}: ${d.ownerOrgUnit}`).toBe(true)
			expect(d.ownerOrgUnit.startsWith('HHS/CMS/'), d.slug).toBe(true)
		}
	})

	test('categories and sensitivities use the vocabulary keys, without repeats', () => {
		for (const d of datasets) {
			expect(CATEGORIES, d.slug).toContain(d.category)
			for (const s of d.sensitivities) expect(SENSITIVITIES, d.slug).toContain(s)
			expect(duplicates(d.sensitivities), d.slug).toEqual([])
		}
	})

	test('every PHI dataset also lists PII', () => {
		for (const d of datasets.filter((d) => d.sensitivities.includes('PHI'))) {
			expect(d.sensitivities, d.slug).toContain('PII')
		}
	})

	test('42 CFR Part 2 data are also PHI, and FTI is also PII', () => {
		for (const d of datasets) {
			if (d.sensitivities.includes('PART2')) expect(d.sensitivities, d.slug).toContain('PHI')
			if (d.sensitivities.includes('FTI')) expect(d.sensitivities, d.slug).toContain('PII')
		}
	})

	test('SORN numbers, when present, have the HHS or government-wide form', () => {
		for (const d of datasets) {
			if (d.sornNumber !== null) expect(d.sornNumber, d.slug).toMatch(SORN_PATTERN)
		}
	})

	test('a dataset with personal data but no SORN number explains why in sornNote', () => {
		for (const d of datasets) {
			if (d.sornNumber === null && d.sensitivities.length > 0) {
				expect(d.sornNote?.trim().length ?? 0, d.slug).toBeGreaterThan(20)
			}
		}
	})

	test('PHI datasets need a data use agreement; public ones do not', () => {
		for (const d of datasets) {
			if (d.sensitivities.includes('PHI')) expect(d.dataUseAgreementRequired, d.slug).toBe(true)
			if (d.federalDataCatalogUrl !== null) expect(d.dataUseAgreementRequired, d.slug).toBe(false)
		}
	})

	test('catalogue links are https on a .gov host, and only public datasets have one', () => {
		for (const d of datasets) {
			if (d.federalDataCatalogUrl === null) continue
			expect(httpsHost(d.federalDataCatalogUrl), d.slug).toMatch(/(^|\.)(cms|data)\.gov$/)
			expect(['PUBLIC_OPEN_DATA', 'QUALITY_MEASURES'], d.slug).toContain(d.category)
			expect(d.sensitivities, d.slug).not.toContain('PHI')
		}
		for (const d of datasets.filter((d) => d.category === 'PUBLIC_OPEN_DATA')) {
			expect(d.federalDataCatalogUrl, d.slug).not.toBeNull()
		}
	})

	test('PIA links point at CMS or HHS', () => {
		for (const d of datasets) {
			if (d.piaUrl === null) continue
			expect(httpsHost(d.piaUrl), d.slug).toMatch(/^(security\.cms\.gov|www\.hhs\.gov)$/)
		}
	})

	test('descriptions are a few full sentences and every dataset names its FISMA system', () => {
		for (const d of datasets) {
			expect(d.description.length, d.slug).toBeGreaterThanOrEqual(150)
			expect(d.description.length, d.slug).toBeLessThanOrEqual(800)
			expect(d.description.trim().endsWith('.'), d.slug).toBe(true)
			expect(d.fismaSystem.trim().length, d.slug).toBeGreaterThan(3)
		}
	})

	test('covers the data families the governance reviews need', () => {
		const bySlug = new Map(datasets.map((d) => [d.slug, d]))
		const expectations: Array<[string, DatasetSeed['category']]> = [
			['medicare-ffs-part-a-claims', 'MEDICARE_CLAIMS'],
			['medicare-ffs-part-b-claims', 'MEDICARE_CLAIMS'],
			['medicare-part-d-prescription-drug-events', 'MEDICARE_CLAIMS'],
			['medicare-advantage-encounter-data', 'MEDICARE_CLAIMS'],
			['t-msis-analytic-files', 'MEDICAID_CHIP_CLAIMS'],
			['medicare-enrollment-database', 'ENROLLMENT_ELIGIBILITY'],
			['ffe-marketplace-eligibility-enrollment', 'MARKETPLACE'],
			['pecos-provider-enrollment', 'PROVIDER_DATA'],
			['nppes-npi-records', 'PROVIDER_DATA'],
			['mds-nursing-home-assessments', 'MEDICAL_RECORDS_CLINICAL'],
			['oasis-home-health-assessments', 'MEDICAL_RECORDS_CLINICAL'],
			['care-compare-hospital-quality-measures', 'QUALITY_MEASURES'],
			['cms-acquisition-contract-records', 'CONTRACTS_ACQUISITION'],
			['cms-budget-execution', 'BUDGET_FINANCIAL'],
			['cms-personnel-records', 'ADMINISTRATIVE_HR'],
			['medicare-physician-other-practitioners-puf', 'PUBLIC_OPEN_DATA'],
			['open-payments', 'PUBLIC_OPEN_DATA'],
		]
		for (const [slug, category] of expectations) {
			expect(bySlug.get(slug)?.category, slug).toBe(category)
		}
		expect(datasets.some((d) => d.sensitivities.includes('PART2'))).toBe(true)
		expect(datasets.some((d) => d.sensitivities.includes('FTI'))).toBe(true)
		expect(
			datasets.some((d) => d.category === 'VENDOR_EXTERNAL' && !d.sensitivities.includes('FTI')),
		).toBe(true)
		expect(bySlug.get('fraud-prevention-system-alerts')?.ownerOrgUnit).toBe('HHS/CMS/CPI')
	})

	test('SORN numbers checked against published notices stay as recorded', () => {
		const sorn = (slug: string) => datasets.find((d) => d.slug === slug)?.sornNumber
		expect(sorn('medicare-ffs-part-a-claims')).toBe('09-70-0558')
		expect(sorn('medicare-enrollment-database')).toBe('09-70-0502')
		expect(sorn('t-msis-analytic-files')).toBe('09-70-0541')
		expect(sorn('medicare-part-d-prescription-drug-events')).toBe('09-70-0553')
		expect(sorn('medicare-advantage-encounter-data')).toBe('09-70-0506')
		expect(sorn('medicare-beneficiary-summary-file')).toBe('09-70-0573')
		expect(sorn('ffe-marketplace-eligibility-enrollment')).toBe('09-70-0560')
		expect(sorn('nppes-npi-records')).toBe('09-70-0555')
		expect(sorn('mds-nursing-home-assessments')).toBe('09-70-0528')
		expect(sorn('oasis-home-health-assessments')).toBe('09-70-0522')
	})
})
