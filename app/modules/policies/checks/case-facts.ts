// Facts several checks derive from the same answers, worded once so every reason names them alike.
import { type DatasetSensitivityKey } from '#app/modules/datasets/schemas.ts'
import {
	type DatasetInUse,
	type UseCaseDocument,
} from '#app/modules/use-cases/use-case-document.ts'
import { type Hosting } from '#app/modules/use-cases/vocabulary.ts'
import { briefAnswerText, type FieldPath, fieldLabel } from '#app/modules/use-cases/field-rules.ts'
import { compareVersions } from '#app/modules/policies/policy-pack.ts'
import { type CheckContext, type CheckOutcome, type Reading } from './check-types.ts'

/** M-25-21 §4(a)(i): 365 days from 3 Apr 2025; the 2025 inventory guidance confirms the date. */
export const MINIMUM_PRACTICES_DEADLINE = '2026-04-03'
export const MINIMUM_PRACTICES_DEADLINE_LABEL = '3 Apr 2026'

let lastTime = Number.NaN
let lastDay = ''

/** The UTC calendar day of `date`; ISO days compare correctly as strings. */
export function isoDay(date: Date): string {
	// Every check of one evaluation asks for the same asOf, so remembering the last answer saves the work.
	const time = date.getTime()
	if (time !== lastTime) {
		lastDay = date.toISOString().slice(0, 10)
		lastTime = time
	}
	return lastDay
}

/** `isoDate` plus whole months, clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(isoDate: string, months: number): string {
	const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number]
	const target = new Date(Date.UTC(year, month - 1 + months, 1))
	const lastOfMonth = new Date(
		Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
	).getUTCDate()
	target.setUTCDate(Math.min(day, lastOfMonth))
	return target.toISOString().slice(0, 10)
}

export function addDays(isoDate: string, days: number): string {
	const date = new Date(`${isoDate}T00:00:00Z`)
	date.setUTCDate(date.getUTCDate() + days)
	return date.toISOString().slice(0, 10)
}

export function isPastDeadline(asOf: Date): boolean {
	return isoDay(asOf) > MINIMUM_PRACTICES_DEADLINE
}

export const hostingPhrases: Record<Hosting, string> = {
	CMS_DATA_CENTER: 'a CMS data centre',
	CONTRACTOR_DATA_CENTER: 'a contractor’s data centre',
	FEDRAMP_CLOUD: 'a FedRAMP-authorized cloud',
	VENDOR_API: 'a vendor’s hosted model or API',
}

/**
 * A question of the case and its answer, as the form labels and shows them ("Stage: Pilot", "Role in
 * decisions: Assists a person who decides", "Authorization to Operate: not answered"): people chose
 * the answer by those words, so a reason names it by them, never by its stored value.
 */
export function stated(path: FieldPath, value: unknown): string {
	return `${fieldLabel(path)}: ${briefAnswerText(path, value) || 'not answered'}`
}

function quoted(items: ReadonlyArray<string>): string {
	return listPhrase(items.map((item) => `'${item}'`))
}

/** "a", "a and b", "a, b and c" */
export function listPhrase(items: ReadonlyArray<string>): string {
	if (items.length <= 1) return items[0] ?? ''
	return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

/** "Stage: Pilot", "Stage: not answered". */
export function stagePhrase(doc: UseCaseDocument): string {
	return stated('stage', doc.stage)
}

/** Pilot and deployed cases are in use: what is "to do" before deployment becomes a failure once live. */
export function isLive(doc: UseCaseDocument): boolean {
	return doc.stage === 'PILOT' || doc.stage === 'DEPLOYED'
}

/**
 * Whether a reading a pack release introduced applies to the evaluation: from that release on, and
 * whenever no release is given (the newest reading).
 */
export function readsFrom(reading: Reading, release: string): boolean {
	return reading.release === undefined || compareVersions(reading.release, release) >= 0
}

/** Whether the case's data is in use now, and the words and fields that say so. */
export type DataInUse = { now: boolean; because: string; fields: Array<string> }

/**
 * Pack 2026.4: the data an obligation attaches to is in use now when the case is piloted or deployed,
 * or, during development, when one of those datasets is used to train or evaluate the model: the data
 * already flows, so its safeguard is owed now, not before deployment. Earlier packs read the stage alone.
 */
export function dataInUse(
	doc: UseCaseDocument,
	refs: ReadonlyArray<DatasetRef>,
	ctx: CheckContext,
): DataInUse {
	if (isLive(doc)) return { now: true, because: '', fields: [] }
	if (!readsFrom(ctx, '2026.4') || doc.stage === 'RETIRED')
		return { now: false, because: '', fields: [] }
	const developing = refs.filter((ref) =>
		ref.dataset.usage.some((usage) => usage === 'TRAINING' || usage === 'EVALUATION'),
	)
	if (developing.length === 0) return { now: false, because: '', fields: [] }
	return {
		now: true,
		because: ` ${datasetsVerb(developing, 'are')} already used to train or evaluate the model, so the data flows now.`,
		fields: developing.map((ref) => `datasets.${ref.index}.usage`),
	}
}

/** Every case but a retired one: the obligations that follow a system's use end with its retirement. */
export function isNotRetired(doc: UseCaseDocument): boolean {
	return doc.stage !== 'RETIRED'
}

/** A retired case: the obligations that follow a system's use ended with it. */
export function retiredCase(reason = 'The case is retired.'): CheckOutcome {
	return { status: 'NOT_APPLICABLE', reason, drivingFields: ['stage'], nextStep: null }
}

/**
 * The finding of a safeguard answered yes or no once its check applies: yes passes; no fails once the
 * data is in use (by default, once the case is piloted or deployed; before that it is still to do);
 * unanswered needs an answer.
 */
export function yesNoSafeguard(
	doc: UseCaseDocument,
	answer: boolean | undefined,
	words: {
		facts: string
		/** The safeguard's question on the form: the reason names its answer, and the next step asks for it. */
		field: FieldPath
		passed: string
		passedNextStep: string | null
		nextStep: string
	},
	drivingFields: Array<string>,
	inUse: DataInUse = { now: isLive(doc), because: '', fields: [] },
): CheckOutcome {
	if (answer === true) {
		return {
			status: 'PASS',
			reason: `${words.facts}, and ${words.passed}.`,
			drivingFields,
			nextStep: words.passedNextStep,
		}
	}
	return {
		status: answer === false && inUse.now ? 'FAIL' : 'NEEDS_ATTENTION',
		reason: `${words.facts}; ${stated(words.field, answer)}. ${stagePhrase(doc)}.${inUse.because}`,
		drivingFields: [...drivingFields, ...inUse.fields],
		nextStep: words.nextStep,
		nextQuestion: words.field,
	}
}

export type VendorInvolvement = { involved: boolean; because: Array<string>; fields: Array<string> }

/** A vendor is involved when it built, sells or hosts the AI; each answer that says so is named. */
export function vendorInvolvement(doc: UseCaseDocument): VendorInvolvement {
	const because: Array<string> = []
	const fields: Array<string> = []
	if (doc.contractingUsage === 'PURCHASED') {
		because.push('it was purchased from a vendor')
		fields.push('contractingUsage')
	} else if (doc.contractingUsage === 'CONTRACT_AND_IN_HOUSE') {
		because.push('it was developed with contractor resources')
		fields.push('contractingUsage')
	}
	if (doc.hosting === 'VENDOR_API') {
		because.push('it runs on a vendor’s hosted model or API')
		fields.push('hosting')
	}
	if (doc.vendorNames.length > 0) {
		because.push(`vendors are named (${listPhrase(doc.vendorNames)})`)
		fields.push('vendorNames')
	}
	return { involved: because.length > 0, because, fields }
}

/**
 * Parties other than CMS that create, receive, maintain or transmit the case's data for CMS: a vendor
 * that built or sells the AI, or anyone but CMS hosting the model or its data (a cloud service, a
 * vendor's model API, a contractor's data centre). HIPAA makes each of them a business associate.
 */
export function partiesOutsideCms(doc: UseCaseDocument): VendorInvolvement {
	const vendor = vendorInvolvement(doc)
	const because = [...vendor.because]
	const fields = [...vendor.fields]
	if (doc.hosting === 'FEDRAMP_CLOUD' || doc.hosting === 'CONTRACTOR_DATA_CENTER') {
		because.push(`it runs in ${hostingPhrases[doc.hosting]}, whose operator holds the data for CMS`)
		fields.push('hosting')
	}
	return { involved: because.length > 0, because, fields }
}

export type DatasetRef = { index: number; dataset: DatasetInUse }

export function datasetsWith(
	doc: UseCaseDocument,
	kinds: ReadonlyArray<DatasetSensitivityKey>,
): Array<DatasetRef> {
	const found: Array<DatasetRef> = []
	doc.datasets.forEach((dataset, index) => {
		if (dataset.sensitivities.some((s) => kinds.includes(s))) found.push({ index, dataset })
	})
	return found
}

/** Sensitivities that make records personally identifiable; PHI, Part 2 and tax records are all PII too. */
export const PII_KINDS: ReadonlyArray<DatasetSensitivityKey> = ['PII', 'PHI', 'PART2', 'FTI']
/** Part 2 records held by CMS as a health plan are PHI as well. */
export const PHI_KINDS: ReadonlyArray<DatasetSensitivityKey> = ['PHI', 'PART2']

export function datasetNames(refs: ReadonlyArray<DatasetRef>): string {
	return quoted(refs.map((ref) => ref.dataset.name))
}

const singular: Record<string, string> = {
	hold: 'holds',
	are: 'is',
	have: 'has',
	require: 'requires',
}

/** "Dataset 'A' holds" or "Datasets 'A' and 'B' hold". */
export function datasetsVerb(
	refs: ReadonlyArray<DatasetRef>,
	verb: 'hold' | 'are' | 'have' | 'require',
): string {
	return refs.length === 1
		? `Dataset ${datasetNames(refs)} ${singular[verb]}`
		: `Datasets ${datasetNames(refs)} ${verb}`
}

export function sensitivityFields(refs: ReadonlyArray<DatasetRef>): Array<string> {
	return refs.map((ref) => `datasets.${ref.index}.sensitivities`)
}

export function hasText(value: string | undefined): value is string {
	return value !== undefined && value.trim().length > 0
}

/** The shortest written reason the checks take for more than a placeholder. */
const MIN_WRITTEN_REASON_LENGTH = 40

type Finding = { reason: string; nextStep: string; nextQuestion?: string }

/**
 * A written reason a decision rests on (a screen-out rationale, a "not high-impact" justification):
 * none fails, one too short to explain anything needs attention. Null when it is written out, and
 * the check goes on to what else it asks.
 */
export function judgeWrittenReason(
	text: string | undefined,
	drivingFields: Array<string>,
	findings: { missing: Finding; tooShort: (length: number) => Finding },
): CheckOutcome | null {
	if (!hasText(text)) return { status: 'FAIL', drivingFields, ...findings.missing }
	const length = text.trim().length
	if (length < MIN_WRITTEN_REASON_LENGTH)
		return { status: 'NEEDS_ATTENTION', drivingFields, ...findings.tooShort(length) }
	return null
}
