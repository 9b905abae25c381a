// Reads the conformance table (profiles.yaml + cases.yaml), evaluates every case with the shipped pack,
// compares each outcome with what the table expects, and measures what the table covers. Shared by the
// Vitest suite (conformance.test.ts) and `npm run conformance` (scripts/conformance.ts).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { z } from 'zod'
import { CHECK_STATUSES, type CheckStatus } from '#app/modules/policies/checks/check-types.ts'
import {
	categoryClauseId,
	PRESUMED_CATEGORIES,
	type PresumedCategory,
} from '#app/modules/policies/checks/high-impact.ts'
import { evaluateUseCase, type Evaluation } from '#app/modules/policies/evaluate.ts'
import { type PolicyPack, shippedPolicyPack } from '#app/modules/policies/policy-pack.ts'
import { StrictUseCaseDocumentSchema } from '#app/modules/use-cases/use-case-document.ts'
import { reviewLanes } from '#app/utils/permissions.ts'

const directory = path.resolve(import.meta.dirname)
const isoDay = z.iso.date()
const statusLists = {
	PASS: z.array(z.string()).default([]),
	NEEDS_ATTENTION: z.array(z.string()).default([]),
	FAIL: z.array(z.string()).default([]),
}

const ProfileSchema = z.strictObject({
	description: z.string().min(10),
	document: z.record(z.string(), z.unknown()),
	expect: z.strictObject({
		letters: z.array(z.enum(PRESUMED_CATEGORIES)),
		lanes: z.array(z.enum(reviewLanes)),
		...statusLists,
	}),
})

const CaseSchema = z.strictObject({
	id: z.string().regex(/^[A-Z0-9-]+$/),
	title: z.string().min(10),
	clauses: z.array(z.string()).min(1),
	base: z.string(),
	asOf: isoDay.optional(),
	ambiguity: z.string().min(20).optional(),
	/**
	 * The shipped release the case is judged under, when not the newest: a case that shows an older
	 * release keeps its reading after a later one changed it (decision 019).
	 */
	release: z
		.string()
		.regex(/^\d{4}\.\d+$/)
		.optional(),
	patch: z.record(z.string(), z.unknown()).default({}),
	expect: z.strictObject({
		letters: z.array(z.enum(PRESUMED_CATEGORIES)),
		lanes: z.array(z.enum(reviewLanes)),
		changes: z.record(z.string(), z.enum(CHECK_STATUSES)).default({}),
		/** The clauses a check's finding cites, in full (the pack's own and those the finding adds). */
		cites: z.record(z.string(), z.array(z.string()).min(1)).default({}),
	}),
})

const TableSchema = z.strictObject({ asOf: isoDay, cases: z.array(CaseSchema).min(1) })

export type ConformanceCase = z.infer<typeof CaseSchema> & {
	statuses: Record<string, CheckStatus>
	document: unknown
	asOfDay: string
}

function readYaml(file: string): unknown {
	// Merge keys (`<<: *anchor`) let cases share an expectation and override a field of it.
	return parse(readFileSync(path.join(directory, file), 'utf8'), { merge: true })
}

/** Objects merge key by key, lists are replaced, and null removes an answer. */
function applyPatch(base: unknown, patch: unknown): unknown {
	if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch
	const result: Record<string, unknown> =
		base !== null && typeof base === 'object' && !Array.isArray(base)
			? { ...(base as Record<string, unknown>) }
			: {}
	for (const [key, value] of Object.entries(patch)) {
		if (value === null) delete result[key]
		else result[key] = applyPatch(result[key], value)
	}
	return result
}

/**
 * Every check of the pack with the status a list names, NOT_APPLICABLE when no list names it. A profile
 * is written for the newest release, so a case judged under an older one skips the checks that release
 * does not have (`known`); a name no release has is still an error.
 */
function statusMap(
	pack: PolicyPack,
	lists: { PASS: Array<string>; NEEDS_ATTENTION: Array<string>; FAIL: Array<string> },
	where: string,
	known: ReadonlySet<string> = new Set(),
) {
	const checkIds = new Set(pack.checks.map((check) => check.id))
	const statuses: Record<string, CheckStatus> = Object.fromEntries(
		pack.checks.map((check) => [check.id, 'NOT_APPLICABLE' as CheckStatus]),
	)
	for (const status of ['PASS', 'NEEDS_ATTENTION', 'FAIL'] as const) {
		for (const id of lists[status]) {
			if (!checkIds.has(id)) {
				if (known.has(id)) continue
				throw new Error(`${where}: ${id} is not a check of pack ${pack.version}`)
			}
			statuses[id] = status
		}
	}
	return statuses
}

/** The pack a case is judged under: its named release, or the one the table runs. */
function packFor(entry: { release?: string }, pack: PolicyPack): PolicyPack {
	return entry.release === undefined ? pack : shippedPolicyPack(entry.release)
}

export function loadConformanceTable(pack: PolicyPack = shippedPolicyPack()) {
	const profiles = z.record(z.string(), ProfileSchema).parse(readYaml('profiles.yaml'))
	const table = TableSchema.parse(readYaml('cases.yaml'))
	const ids = new Set<string>()
	const cases: Array<ConformanceCase> = table.cases.map((entry) => {
		if (ids.has(entry.id)) throw new Error(`case ${entry.id} appears twice`)
		ids.add(entry.id)
		const profile = profiles[entry.base]
		if (!profile) throw new Error(`case ${entry.id}: no profile ${entry.base}`)
		const casePack = packFor(entry, pack)
		const statuses = statusMap(
			casePack,
			profile.expect,
			`profile ${entry.base}`,
			new Set(pack.checks.map((check) => check.id)),
		)
		for (const [id, status] of Object.entries(entry.expect.changes)) {
			if (!(id in statuses))
				throw new Error(`case ${entry.id}: ${id} is not a check of pack ${casePack.version}`)
			if (statuses[id] === status)
				throw new Error(
					`case ${entry.id}: ${id} is already ${status} in profile ${entry.base}; drop the change`,
				)
			statuses[id] = status
		}
		return {
			...entry,
			statuses,
			document: applyPatch(profile.document, entry.patch),
			asOfDay: entry.asOf ?? table.asOf,
		}
	})
	return { profiles, cases }
}

export type CaseOutcome = { evaluation: Evaluation; mismatches: Array<string> }

const sorted = <T extends string>(values: ReadonlyArray<T>) => [...values].sort()

/** Evaluates a case and lists every way the outcome differs from the expectation (empty when it conforms). */
export function runCase(
	entry: ConformanceCase,
	pack: PolicyPack = shippedPolicyPack(),
): CaseOutcome {
	const parsed = StrictUseCaseDocumentSchema.safeParse(entry.document)
	if (!parsed.success) {
		const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
		throw new Error(`case ${entry.id}: the document is not valid (${problems.join('; ')})`)
	}
	const evaluation = evaluateUseCase(parsed.data, {
		pack: packFor(entry, pack),
		asOf: new Date(`${entry.asOfDay}T00:00:00Z`),
	})
	const mismatches: Array<string> = []
	if (
		evaluation.presumedHighImpact !== entry.expect.letters.length > 0 ||
		sorted(evaluation.presumedCategories).join() !== sorted(entry.expect.letters).join()
	) {
		mismatches.push(
			`presumed under [${evaluation.presumedCategories.join(', ')}], expected [${entry.expect.letters.join(', ')}]`,
		)
	}
	if (sorted(evaluation.requiredLanes).join() !== sorted(entry.expect.lanes).join()) {
		mismatches.push(
			`lanes [${evaluation.requiredLanes.join(', ')}], expected [${entry.expect.lanes.join(', ')}]`,
		)
	}
	for (const result of evaluation.results) {
		const expected = entry.statuses[result.checkId]
		if (result.status !== expected)
			mismatches.push(
				`${result.checkId} is ${result.status}, expected ${expected}: ${result.reason}`,
			)
	}
	for (const [checkId, clauses] of Object.entries(entry.expect.cites)) {
		const result = evaluation.results.find((candidate) => candidate.checkId === checkId)
		if (!result)
			mismatches.push(`${checkId} did not run, expected it to cite ${clauses.join(', ')}`)
		else if (result.clauseIds.join() !== clauses.join())
			mismatches.push(
				`${checkId} cites [${result.clauseIds.join(', ')}], expected [${clauses.join(', ')}]`,
			)
	}
	return { evaluation, mismatches }
}

export type Coverage = {
	cases: number
	clauses: { covered: Array<string>; uncovered: Array<string>; total: number }
	checks: {
		covered: Array<string>
		uncovered: Array<{ id: string; missing: Array<'PASS' | 'FAIL'> }>
		total: number
	}
	letters: {
		covered: Array<PresumedCategory>
		uncovered: Array<{ letter: PresumedCategory; missing: Array<'PASS' | 'FAIL'> }>
	}
	ambiguities: number
}

/**
 * What the table exercises: the pack's references some case names; the checks with at least one case
 * expected to pass and one expected not to (FAIL or NEEDS_ATTENTION: an open finding); the §6 letters
 * with a presumed case whose presumption check passes and one whose check does not.
 */
export function coverage(
	cases: ReadonlyArray<ConformanceCase>,
	pack: PolicyPack = shippedPolicyPack(),
): Coverage {
	const named = new Set(cases.flatMap((entry) => entry.clauses))
	const references = pack.references.map((reference) => reference.id)
	const unknown = [...named].filter((id) => !references.includes(id))
	if (unknown.length)
		throw new Error(
			`cases name clauses that are not references of pack ${pack.version}: ${unknown.join(', ')}`,
		)
	// An older release's case shows that release's reading, not the pack's: it covers nothing here.
	const current = cases.filter((entry) => entry.release === undefined)
	const checkCoverage = pack.checks.map((check) => {
		const statuses = current.map((entry) => entry.statuses[check.id])
		const missing: Array<'PASS' | 'FAIL'> = []
		if (!statuses.includes('PASS')) missing.push('PASS')
		if (!statuses.some((status) => status === 'FAIL' || status === 'NEEDS_ATTENTION'))
			missing.push('FAIL')
		return { id: check.id, missing }
	})
	const letterCoverage = PRESUMED_CATEGORIES.map((letter) => {
		const presumed = current.filter((entry) => entry.expect.letters.includes(letter))
		const missing: Array<'PASS' | 'FAIL'> = []
		if (
			!presumed.some(
				(entry) =>
					entry.statuses['M2521-4A-C1'] === 'PASS' &&
					entry.clauses.includes(categoryClauseId(letter)),
			)
		)
			missing.push('PASS')
		if (
			!presumed.some(
				(entry) =>
					entry.statuses['M2521-4A-C1'] !== 'PASS' &&
					entry.clauses.includes(categoryClauseId(letter)),
			)
		)
			missing.push('FAIL')
		return { letter, missing }
	})
	return {
		cases: cases.length,
		clauses: {
			covered: references.filter((id) => named.has(id)),
			uncovered: references.filter((id) => !named.has(id)),
			total: references.length,
		},
		checks: {
			covered: checkCoverage.filter((check) => check.missing.length === 0).map((check) => check.id),
			uncovered: checkCoverage.filter((check) => check.missing.length > 0),
			total: pack.checks.length,
		},
		letters: {
			covered: letterCoverage
				.filter((entry) => entry.missing.length === 0)
				.map((entry) => entry.letter),
			uncovered: letterCoverage.filter((entry) => entry.missing.length > 0),
		},
		ambiguities: cases.filter((entry) => entry.ambiguity).length,
	}
}

/** The report `npm run conformance` prints. */
export function coverageReport(result: Coverage): Array<string> {
	const lines = [
		`cases=${result.cases} clauses_covered=${result.clauses.covered.length}/${result.clauses.total} checks_covered=${result.checks.covered.length}/${result.checks.total} letters_covered=${result.letters.covered.length}/${PRESUMED_CATEGORIES.length} ambiguous_readings=${result.ambiguities}`,
	]
	if (result.checks.uncovered.length) {
		lines.push(
			`checks without a passing and a failing case: ${result.checks.uncovered.map((check) => `${check.id} (no ${check.missing.join(', no ')})`).join('; ')}`,
		)
	}
	if (result.letters.uncovered.length) {
		lines.push(
			`§6 letters without a passing and a failing case: ${result.letters.uncovered.map((entry) => `${entry.letter} (no ${entry.missing.join(', no ')})`).join('; ')}`,
		)
	}
	lines.push(
		`clauses no case exercises (${result.clauses.uncovered.length}): ${result.clauses.uncovered.join(', ')}`,
	)
	return lines
}
