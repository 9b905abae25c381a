// Times the policy checks: `npm run bench:checks`. Generates 20,000 varied use cases from a fixed
// seed (so runs compare), validates them with the document schema (timed apart), then evaluates each
// against the shipped pack. The last line is machine-read: checks_ms_per_case=<number>.
import { performance } from 'node:perf_hooks'
import { datasetCategories, datasetSensitivities } from '#app/modules/datasets/schemas.ts'
import { evaluateUseCase } from '#app/modules/policies/evaluate.ts'
import { shippedPolicyPack } from '#app/modules/policies/policy-pack.ts'
import {
	type UseCaseDocument,
	type UseCaseDocumentInput,
	UseCaseDocumentSchema,
} from '#app/modules/use-cases/use-case-document.ts'
import {
	appealAnswers,
	classifications,
	contractingUsages,
	decisionRoles,
	failsafeAnswers,
	highImpactDeterminations,
	hostingOptions,
	independentReviewAnswers,
	informedDecisions,
	minimumPracticeKeys,
	monitoringAnswers,
	practiceProgressAnswers,
	publicConsultationSteps,
	stages,
	topicAreas,
	trainingAnswers,
} from '#app/modules/use-cases/vocabulary.ts'

const CASES = 20_000
const SEED = 2026

// mulberry32: tiny, fast and reproducible, which is all a benchmark generator needs.
function random(seed: number) {
	let state = seed >>> 0
	return () => {
		state = (state + 0x6d2b79f5) >>> 0
		let t = state
		t = Math.imul(t ^ (t >>> 15), t | 1)
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296
	}
}

const next = random(SEED)
const pick = <T>(items: ReadonlyArray<T>): T => items[Math.floor(next() * items.length)] as T
const maybe = <T>(value: T, chance = 0.5): T | undefined => (next() < chance ? value : undefined)
const triState = () => pick([true, false, undefined])
const some = <T>(items: ReadonlyArray<T>, max: number): Array<T> => {
	const chosen = new Set<T>()
	const count = Math.floor(next() * (max + 1))
	for (let i = 0; i < count; i++) chosen.add(pick(items))
	return [...chosen]
}
const day = (from: number, span: number) =>
	new Date(Date.UTC(2025, 0, 1) + (from + Math.floor(next() * span)) * 86_400_000)
		.toISOString()
		.slice(0, 10)

function generateCase(index: number): UseCaseDocumentInput {
	const stage = pick(stages)
	const decisions = some(
		informedDecisions.filter((d) => d !== 'NONE'),
		2,
	)
	return {
		trackingId: `CMS-2026-${String(index + 1).padStart(5, '0')}`,
		name: `Generated use case ${index + 1}`,
		orgUnit: pick(['HHS/CMS/OIT', 'HHS/CMS/CCIIO', 'HHS/CMS/CPI', 'HHS/CMS/CM', 'HHS/CMS/CCSQ']),
		contactEmail: maybe('ai-governance@cms.hhs.gov', 0.9),
		isWithheld: maybe('NO', 0.9),
		stage: maybe(stage, 0.95),
		topicArea: maybe(pick(topicAreas), 0.8),
		classification: maybe(pick(classifications), 0.8),
		problemSolved: maybe(
			'Manual review of incoming records takes staff several days per batch.',
			0.8,
		),
		benefits: maybe(
			pick(['Faster.', 'Cuts review time from days to hours and frees staff for complex cases.']),
			0.85,
		),
		systemOutputs: maybe('A score and the features that drove it.', 0.8),
		operationalDate: maybe(day(0, 500), 0.6),
		contractingUsage: maybe(pick(contractingUsages), 0.8),
		vendorNames: next() < 0.4 ? ['Example Vendor, Inc.'] : [],
		hasAto: triState(),
		atoSystemName: maybe('Integrated Data Repository (IDR)', 0.6),
		dataDescription: maybe('Two years of records from the linked datasets.', 0.7),
		hasPii: triState(),
		piaUrl: maybe('https://www.hhs.gov/pia/example.pdf', 0.2),
		demographicFeatures: next() < 0.7 ? ['NONE_OF_THE_ABOVE'] : [],
		hasCustomCode: triState(),
		codeUrl: maybe('https://github.com/CMSgov/example', 0.1),
		highImpact: {
			determination: maybe(pick(highImpactDeterminations), 0.7),
			justification: maybe(
				'Staff review every flag against the full record before any action is taken.',
				0.5,
			),
			determinedBy: maybe('Avery Chen, CAIO office', 0.6),
			determinedOn: maybe(day(200, 300), 0.6),
			principalBasisRationale: maybe(
				'The output orders a work queue; reviewers decide on the full record.',
				0.5,
			),
		},
		practices: {
			testing: maybe(pick(practiceProgressAnswers), 0.8),
			impactAssessment: maybe(pick(practiceProgressAnswers), 0.8),
			potentialImpacts: maybe(
				'Wrong outputs could delay benefits; privacy impacts are covered by the PIA.',
				0.7,
			),
			independentReview: maybe(pick(independentReviewAnswers), 0.8),
			monitoring: maybe(pick(monitoringAnswers), 0.8),
			training: maybe(pick(trainingAnswers), 0.8),
			failsafe: maybe(pick(failsafeAnswers), 0.8),
			appeal: maybe(pick(appealAnswers), 0.8),
			publicConsultation: some(publicConsultationSteps, 2),
		},
		decisionRole: maybe(pick(decisionRoles), 0.9),
		affectedParties: next() < 0.5 ? ['BENEFICIARIES'] : ['INTERNAL_ONLY'],
		informedDecisions: decisions.length > 0 ? decisions : ['NONE'],
		publicFacing: triState(),
		generativeAi: triState(),
		hosting: maybe(pick(hostingOptions), 0.9),
		aiScreen: { ruleBasedOnly: maybe(next() < 0.05, 0.9) },
		safeguards: {
			piaCompleted: triState(),
			retrievedByPersonalIdentifier: triState(),
			sornNumber: maybe('09-70-0558', 0.4),
			computerMatching: triState(),
			businessAssociateAgreement: triState(),
			part2ConsentBasis: maybe(
				pick(['PATIENT_CONSENT', 'QSOA', 'AUDIT_EVALUATION', 'NONE'] as const),
				0.3,
			),
			sudRecordsExcluded: triState(),
			fedrampAuthorized: triState(),
			generativeOutputsReviewed: triState(),
			publicFeedbackChannel: maybe('Feedback form on Medicare.gov', 0.3),
			codeSharingDecision: maybe(
				pick(['SHARED_PUBLICLY', 'SHARED_GOVERNMENT', 'EXEMPT'] as const),
				0.4,
			),
			vendorAiContractTerms: triState(),
		},
		waivers: Array.from({ length: next() < 0.2 ? 1 + Math.floor(next() * 3) : 0 }, () => ({
			practice: pick(minimumPracticeKeys),
			grantedOn: day(300, 200),
			expiresOn: maybe(day(450, 300), 0.6),
			revokedOn: maybe(day(500, 200), 0.1),
			reportedToOmbOn: maybe(day(320, 200), 0.7),
			recertifiedOn: maybe(day(500, 100), 0.2),
		})),
		pilotCertification:
			next() < 0.15
				? {
						certifiedOn: day(300, 150),
						endsOn: day(450, 300),
						scaleLimit: 'one region, 2,000 cases',
					}
				: undefined,
		datasets: Array.from({ length: Math.floor(next() * 5) }, (_, d) => ({
			name: `Dataset ${d + 1}`,
			category: pick(datasetCategories),
			sensitivities: some(datasetSensitivities, 3),
			sornNumber: maybe('09-70-0558', 0.3),
			piaUrl: maybe('https://www.hhs.gov/pia/dataset.pdf', 0.2),
			usage: [pick(['TRAINING', 'EVALUATION', 'OPERATION'] as const)],
			minimumNecessaryJustification: maybe('Only the fields the model reads.', 0.6),
		})),
	}
}

const asOfDays = ['2026-01-15', '2026-04-03', '2026-05-01', '2026-11-22'].map(
	(d) => new Date(`${d}T00:00:00Z`),
)
const pack = shippedPolicyPack()

let started = performance.now()
const inputs = Array.from({ length: CASES }, (_, index) => generateCase(index))
const generatedMs = performance.now() - started

started = performance.now()
const documents: Array<UseCaseDocument> = inputs.map((input) => UseCaseDocumentSchema.parse(input))
const validatedMs = performance.now() - started

const tally: Record<string, number> = { PASS: 0, NEEDS_ATTENTION: 0, FAIL: 0, NOT_APPLICABLE: 0 }
let presumed = 0
let blocked = 0
started = performance.now()
for (let index = 0; index < documents.length; index++) {
	const evaluation = evaluateUseCase(documents[index] as UseCaseDocument, {
		pack,
		asOf: asOfDays[index % asOfDays.length] as Date,
	})
	if (evaluation.presumedHighImpact) presumed++
	if (evaluation.blocked) blocked++
	for (const result of evaluation.results) tally[result.status] = (tally[result.status] ?? 0) + 1
}
const evaluatedMs = performance.now() - started
const perCase = evaluatedMs / CASES

console.log(
	`Generated ${CASES} cases (seed ${SEED}) in ${generatedMs.toFixed(1)} ms; schema validation took ${validatedMs.toFixed(1)} ms (not counted below).`,
)
console.log(
	`Evaluated ${CASES} cases × ${pack.checks.length} checks against pack ${pack.version} in ${evaluatedMs.toFixed(1)} ms.`,
)
console.log(
	`Results: ${Object.entries(tally)
		.map(([status, count]) => `${status} ${count}`)
		.join(', ')}; ${presumed} presumed high-impact; ${blocked} blocked.`,
)
console.log(`checks_ms_per_case=${perCase.toFixed(4)}`)
