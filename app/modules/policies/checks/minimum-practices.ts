// M-25-21 §4(a)(i)–(ii) and §4(b)(i)–(vii): the seven minimum practices for high-impact AI, the
// 3 Apr 2026 deadline, the CAIO pilot exemption and CAIO waivers.
import {
	affectsIndividuals,
	briefAnswerText,
	type FieldPath,
} from '#app/modules/use-cases/field-rules.ts'
import { type UseCaseDocument, type Waiver } from '#app/modules/use-cases/use-case-document.ts'
import {
	type MinimumPractice,
	minimumPracticeKeys,
	minimumPractices,
} from '#app/modules/use-cases/vocabulary.ts'
import { type CheckContext, type CheckOutcome, type PolicyCheck } from './check-types.ts'
import {
	addDays,
	addMonths,
	hasText,
	isoDay,
	isPastDeadline,
	listPhrase,
	MINIMUM_PRACTICES_DEADLINE_LABEL,
	readsFrom,
	stagePhrase,
	stated,
} from './case-facts.ts'
import { highImpactBasisPhrase, treatedAsHighImpact } from './high-impact.ts'

type Assessment = {
	met: boolean
	/** An answer of the practice says it is not met (in progress, no, waived…), as opposed to unanswered. */
	answeredOtherwise: boolean
	markedWaived: boolean
	/** The answers as the form shows them, e.g. "Ongoing monitoring: Development of monitoring protocols is in-progess". */
	answer: string
	/** The answers alone, for lists of gaps. */
	short: string
	fields: Array<string>
}

/** An answer of a practice in brief, as the form shows it ("In-progress"). */
function answerPhrase(field: FieldPath, value: unknown): string {
	return briefAnswerText(field, value) || 'not answered'
}

function single(
	value: string | undefined,
	field: FieldPath,
	metValues: ReadonlyArray<string>,
): Assessment {
	const met = value !== undefined && metValues.includes(value)
	return {
		met,
		answeredOtherwise: value !== undefined && !met,
		markedWaived: value === 'CAIO_WAIVED',
		answer: stated(field, value),
		short: answerPhrase(field, value),
		fields: [field],
	}
}

const CONSULTATION_METHODS = ['USABILITY_TESTING', 'PUBLIC_FEEDBACK', 'PUBLIC_HEARINGS', 'OTHER']

const assessors: Record<MinimumPractice, (doc: UseCaseDocument) => Assessment> = {
	TESTING: (doc) => single(doc.practices.testing, 'practices.testing', ['YES']),
	IMPACT_ASSESSMENT: (doc) => {
		const { impactAssessment, independentReview, potentialImpacts } = doc.practices
		const reviewed = independentReview !== undefined && independentReview.startsWith('YES_')
		const described = hasText(potentialImpacts)
		return {
			// §4(b)(ii)(C) and (F): the assessment counts only with its impacts described and an independent review.
			met: impactAssessment === 'YES' && reviewed && described,
			answeredOtherwise:
				(impactAssessment !== undefined && impactAssessment !== 'YES') ||
				(independentReview !== undefined && !reviewed),
			markedWaived: impactAssessment === 'CAIO_WAIVED' || independentReview === 'CAIO_WAIVED',
			answer: `${stated('practices.impactAssessment', impactAssessment)}; ${stated('practices.independentReview', independentReview)}; potential impacts are ${described ? 'described' : 'not described'}`,
			short: `${stated('practices.impactAssessment', impactAssessment)}; ${stated('practices.independentReview', independentReview)}; impacts ${described ? 'described' : 'not described'}`,
			fields: [
				'practices.impactAssessment',
				'practices.independentReview',
				'practices.potentialImpacts',
			],
		}
	},
	MONITORING: (doc) => single(doc.practices.monitoring, 'practices.monitoring', ['YES']),
	TRAINING: (doc) => single(doc.practices.training, 'practices.training', ['YES']),
	FAILSAFE: (doc) =>
		single(doc.practices.failsafe, 'practices.failsafe', ['YES', 'NOT_APPLICABLE']),
	APPEAL: (doc) =>
		single(doc.practices.appeal, 'practices.appeal', ['YES', 'NOT_APPLICABLE', 'PRECLUDED_BY_LAW']),
	PUBLIC_CONSULTATION: (doc) => {
		const steps = doc.practices.publicConsultation
		const short = answerPhrase('practices.publicConsultation', steps)
		const met = steps.some((step) => CONSULTATION_METHODS.includes(step))
		return {
			met,
			answeredOtherwise: steps.length > 0 && !met,
			markedWaived: steps.includes('CAIO_WAIVED'),
			answer: stated('practices.publicConsultation', steps),
			short,
			fields: ['practices.publicConsultation'],
		}
	},
}

/** The evidence recorded for a practice on the practices page, if any. */
export function practiceEvidenceOf(doc: UseCaseDocument, practice: MinimumPractice) {
	return doc.practiceEvidence.find((evidence) => evidence.practice === practice) ?? null
}

/**
 * Evidence documents a practice the answers leave open when it says where the documentation is (a
 * link; a date alone says when, not where) and no answer of the practice says otherwise: an answer
 * of 'in progress' or 'no' beside a link is a contradiction for the case's team to settle, not a
 * practice to report to OMB as done (M-25-21 §4(a)(i) asks for *documented* implementation).
 */
function documentingEvidence(
	doc: UseCaseDocument,
	practice: MinimumPractice,
	assessment: Assessment,
) {
	const evidence = practiceEvidenceOf(doc, practice)
	if (!evidence?.evidenceUrl || assessment.met || assessment.answeredOtherwise) return null
	return evidence
}

/**
 * Where a practice stands from the case's answers and the evidence recorded for it: the one reading
 * of a practice that the checks, the practices page, the decision page and the OMB export share.
 */
export function assessPractice(doc: UseCaseDocument, practice: MinimumPractice): Assessment {
	const assessment = assessors[practice](doc)
	const evidence = practiceEvidenceOf(doc, practice)
	if (assessment.met || !evidence) return assessment
	const dated = evidence.documentedOn ? `, documented on ${evidence.documentedOn}` : ''
	if (documentingEvidence(doc, practice, assessment)) {
		return {
			...assessment,
			met: true,
			answer: `${assessment.answer}, but evidence recorded${dated}`,
			short: `${assessment.short}; evidence recorded${dated}`,
			fields: [...assessment.fields, 'practiceEvidence'],
		}
	}
	const why = evidence.evidenceUrl
		? 'evidence is recorded but the answers say otherwise'
		: 'evidence is recorded without a link to the documentation'
	return {
		...assessment,
		answer: `${assessment.answer}; ${why}`,
		short: `${assessment.short}; ${why}`,
		fields: [...assessment.fields, 'practiceEvidence'],
	}
}

export type WaiverStanding =
	| { valid: true; waiver: Waiver; until: string }
	| { valid: false; waiver: Waiver | null; why: string }

/** The date a waiver stops covering its practice: its expiry, or 12 months after its last (re-)certification. */
export function waiverValidUntil(waiver: Waiver): string {
	const recertificationDue = addMonths(waiver.recertifiedOn ?? waiver.grantedOn, 12)
	return waiver.expiresOn !== undefined && waiver.expiresOn < recertificationDue
		? waiver.expiresOn
		: recertificationDue
}

function whyInvalid(waiver: Waiver, day: string): string | null {
	if (waiver.grantedOn > day) return `the CAIO waiver is dated ${waiver.grantedOn}, after ${day}`
	if (waiver.revokedOn !== undefined && waiver.revokedOn <= day)
		return `the CAIO waiver was revoked on ${waiver.revokedOn}`
	if (waiver.expiresOn !== undefined && waiver.expiresOn < day)
		return `the CAIO waiver expired on ${waiver.expiresOn}`
	const until = waiverValidUntil(waiver)
	if (until < day) {
		return `the CAIO waiver lapsed on ${until}: it was not re-certified within 12 months of ${waiver.recertifiedOn ?? waiver.grantedOn}`
	}
	return null
}

/** Whether a CAIO waiver covers the practice on the evaluation day (granted, unrevoked, unexpired, re-certified). */
export function waiverStanding(
	doc: UseCaseDocument,
	practice: MinimumPractice,
	asOf: Date,
): WaiverStanding {
	const day = isoDay(asOf)
	let best: WaiverStanding = { valid: false, waiver: null, why: 'no CAIO waiver is recorded' }
	for (const waiver of doc.waivers) {
		if (waiver.practice !== practice) continue
		const why = whyInvalid(waiver, day)
		if (why === null) {
			const until = waiverValidUntil(waiver)
			if (!best.valid || until > best.until) best = { valid: true, waiver, until }
		} else if (!best.valid && (best.waiver === null || waiver.grantedOn >= best.waiver.grantedOn)) {
			best = { valid: false, waiver, why }
		}
	}
	return best
}

export function pilotCertificationValid(doc: UseCaseDocument, asOf: Date): boolean {
	const certification = doc.pilotCertification
	if (!certification) return false
	const day = isoDay(asOf)
	return certification.certifiedOn <= day && day <= certification.endsOn
}

type Regime =
	| { kind: 'not-applicable'; reason: string; fields: Array<string> }
	| { kind: 'exempt-pilot'; reason: string }
	| { kind: 'before-deployment' }
	| { kind: 'in-use'; pastDeadline: boolean }

/** The outcome when the practices do not bind the case (not high-impact, retired, a certified pilot). */
function notBinding(
	applies: Extract<Regime, { kind: 'not-applicable' | 'exempt-pilot' }>,
): CheckOutcome {
	return {
		status: 'NOT_APPLICABLE',
		reason: applies.reason,
		drivingFields:
			applies.kind === 'not-applicable' ? applies.fields : ['stage', 'pilotCertification'],
		nextStep: null,
	}
}

function regime(doc: UseCaseDocument, ctx: CheckContext): Regime {
	const { asOf } = ctx
	if (!treatedAsHighImpact(doc, ctx)) {
		const determination = doc.highImpact.determination
		return {
			kind: 'not-applicable',
			reason:
				determination === undefined
					? 'The minimum practices bind high-impact AI only; the case is not presumed high-impact and no determination says otherwise.'
					: `The minimum practices bind high-impact AI only; ${stated('highImpact.determination', determination)}.`,
			fields: ['highImpact.determination', 'decisionRole', 'informedDecisions'],
		}
	}
	switch (doc.stage) {
		case 'RETIRED':
			return {
				kind: 'not-applicable',
				reason: `${stagePhrase(doc)}; the use has stopped.`,
				fields: ['stage'],
			}
		case 'PRE_DEPLOYMENT':
		case undefined:
			return { kind: 'before-deployment' }
		case 'PILOT': {
			const certification = doc.pilotCertification
			if (certification && pilotCertificationValid(doc, asOf)) {
				return {
					kind: 'exempt-pilot',
					reason: `${stagePhrase(doc)}, and the CAIO certified it on ${certification.certifiedOn} (limited to ${certification.scaleLimit}, until ${certification.endsOn}), so it is exempt under §4(a)(i); apply the practice where practicable.`,
				}
			}
			return { kind: 'in-use', pastDeadline: isPastDeadline(asOf) }
		}
		case 'DEPLOYED':
			return { kind: 'in-use', pastDeadline: isPastDeadline(asOf) }
	}
}

function stageWording(doc: UseCaseDocument): string {
	if (doc.stage === 'PILOT')
		return `${stagePhrase(doc)}, without a current CAIO pilot certification`
	return stagePhrase(doc)
}

const romanByPractice: Record<MinimumPractice, string> = {
	TESTING: 'I',
	IMPACT_ASSESSMENT: 'II',
	MONITORING: 'III',
	TRAINING: 'IV',
	FAILSAFE: 'V',
	APPEAL: 'VI',
	PUBLIC_CONSULTATION: 'VII',
}

export function practiceCheckId(practice: MinimumPractice): string {
	return `M2521-4B-${romanByPractice[practice]}-C1`
}

/** Whether a CAIO waiver can cover a check's failure: only the minimum practices' checks (§4(a)(i)). */
export function isWaivableCheck(checkId: string): boolean {
	return minimumPracticeKeys.some((practice) => practiceCheckId(practice) === checkId)
}

/** The practices M-25-21 accepts as "not applicable" only with reasons where the output affects people. */
const reasonedNotApplicable: Partial<
	Record<
		MinimumPractice,
		{
			answer: (doc: UseCaseDocument) => string | undefined
			written: (doc: UseCaseDocument) => string | undefined
			field: string
			rule: string
			nextStep: string
		}
	>
> = {
	FAILSAFE: {
		answer: (doc) => doc.practices.failsafe,
		written: (doc) => doc.practices.failsafeNotApplicableReason,
		field: 'practices.failsafeNotApplicableReason',
		rule: 'M-25-21 §4(b)(v) accepts a fail-safe "not applicable" only with reasons (M2521-4B-V-C2)',
		nextStep:
			'Define how a person can intervene or stop the system before it harms someone, or write why no fail-safe applies.',
	},
	APPEAL: {
		answer: (doc) => doc.practices.appeal,
		written: (doc) => doc.practices.appealNotApplicableReason,
		field: 'practices.appealNotApplicableReason',
		rule: 'where the output affects individuals, M-25-21 §4(b)(vi) asks for an appeal or human-review path (M2521-4B-VI-C1)',
		nextStep:
			'Define an appeal or human-review path (Medicare or Marketplace appeals may cover it), answer “precluded by law” if the law rules one out, or write why none applies.',
	},
}

const partyWords: Record<string, string> = {
	BENEFICIARIES: 'beneficiaries',
	PROVIDERS: 'providers',
	EMPLOYEES: 'employees',
	PUBLIC: 'the public',
}

/** The shortest reason taken for more than a placeholder, as for other written reasons. */
const MIN_NOT_APPLICABLE_REASON = 40

/**
 * Pack 2026.4: a fail-safe or appeal answered "not applicable" on a case whose output affects people
 * needs the reason written down; without one it needs attention, since the answer alone cannot show
 * the practice does not apply.
 */
function unexplainedNotApplicable(
	doc: UseCaseDocument,
	practice: MinimumPractice,
): { reason: string; nextStep: string; nextQuestion: string; fields: Array<string> } | null {
	const rule = reasonedNotApplicable[practice]
	if (!rule || rule.answer(doc) !== 'NOT_APPLICABLE' || !affectsIndividuals(doc)) return null
	const written = rule.written(doc)
	if (hasText(written) && written.trim().length >= MIN_NOT_APPLICABLE_REASON) return null
	const people = listPhrase(
		doc.affectedParties.flatMap((party) => (partyWords[party] ? [partyWords[party]] : [])),
	)
	return {
		reason: `it is marked not applicable though the output affects ${people}, and ${hasText(written) ? 'the reason given is too short to explain why' : 'no reason says why'}: ${rule.rule}`,
		nextStep: rule.nextStep,
		nextQuestion: rule.field,
		fields: ['affectedParties', rule.field],
	}
}

/**
 * The question the submitter answers to document a practice: its answer, or for an impact assessment
 * answered yes, the description of the potential impacts it still lacks.
 */
function practiceQuestion(doc: UseCaseDocument, practice: MinimumPractice): string {
	if (
		practice === 'IMPACT_ASSESSMENT' &&
		doc.practices.impactAssessment === 'YES' &&
		!hasText(doc.practices.potentialImpacts)
	)
		return 'practices.potentialImpacts'
	return practiceField[practice]
}

function practiceCheck(practice: MinimumPractice): PolicyCheck {
	const { label, clause } = minimumPractices[practice]
	return (doc: UseCaseDocument, ctx: CheckContext): CheckOutcome => {
		const applies = regime(doc, ctx)
		if (applies.kind === 'not-applicable' || applies.kind === 'exempt-pilot')
			return notBinding(applies)
		const assessment = assessPractice(doc, practice)
		const basis = `${highImpactBasisPhrase(doc, ctx)}. ${assessment.answer} (${clause})`
		const fields = ['highImpact.determination', 'stage', ...assessment.fields]
		const unexplained =
			assessment.met && readsFrom(ctx, '2026.4') ? unexplainedNotApplicable(doc, practice) : null
		if (unexplained) {
			return {
				status: 'NEEDS_ATTENTION',
				reason: `${basis}, but ${unexplained.reason}.`,
				drivingFields: [...fields, ...unexplained.fields],
				nextStep: unexplained.nextStep,
				nextQuestion: unexplained.nextQuestion,
			}
		}
		if (assessment.met) {
			return { status: 'PASS', reason: `${basis}.`, drivingFields: fields, nextStep: null }
		}
		const waiver = waiverStanding(doc, practice, ctx.asOf)
		if (waiver.valid) {
			return {
				status: 'PASS',
				reason: `${basis}, but a CAIO waiver granted on ${waiver.waiver.grantedOn} covers it until ${waiver.until}.`,
				drivingFields: [...fields, 'waivers'],
				nextStep: `Re-certify or retire the waiver before ${waiver.until}.`,
			}
		}
		const waiverNote = waiver.waiver || assessment.markedWaived ? `; ${waiver.why}` : ''
		const waiverFields = waiver.waiver || assessment.markedWaived ? [...fields, 'waivers'] : fields
		if (applies.kind === 'before-deployment') {
			return {
				status: 'NEEDS_ATTENTION',
				reason: `${basis}${waiverNote}. ${stageWording(doc)}, so it must be documented before the case is piloted or deployed.`,
				drivingFields: waiverFields,
				nextStep: `Document ${label.toLowerCase()} before any pilot or deployment.`,
				nextQuestion: practiceQuestion(doc, practice),
			}
		}
		if (!applies.pastDeadline) {
			return {
				status: 'NEEDS_ATTENTION',
				reason: `${basis}${waiverNote}. ${stageWording(doc)}, so it must be documented by ${MINIMUM_PRACTICES_DEADLINE_LABEL}.`,
				drivingFields: waiverFields,
				nextStep: `Document ${label.toLowerCase()} by ${MINIMUM_PRACTICES_DEADLINE_LABEL}, or ask the CAIO for a waiver.`,
				nextQuestion: practiceQuestion(doc, practice),
			}
		}
		return {
			status: 'FAIL',
			reason: `${basis}${waiverNote}. ${stageWording(doc)} and the ${MINIMUM_PRACTICES_DEADLINE_LABEL} deadline has passed.`,
			drivingFields: waiverFields,
			nextStep: 'Discontinue the use safely or obtain a CAIO waiver for this practice.',
		}
	}
}

export const practiceChecks: Record<string, PolicyCheck> = Object.fromEntries(
	minimumPracticeKeys.map((practice) => [practiceCheckId(practice), practiceCheck(practice)]),
)

type Gap = { practice: MinimumPractice; text: string }

function uncoveredPractices(
	doc: UseCaseDocument,
	asOf: Date,
): { gaps: Array<Gap>; waived: Array<MinimumPractice> } {
	const gaps: Array<Gap> = []
	const waived: Array<MinimumPractice> = []
	for (const practice of minimumPracticeKeys) {
		const assessment = assessPractice(doc, practice)
		if (assessment.met) continue
		if (waiverStanding(doc, practice, asOf).valid) {
			waived.push(practice)
			continue
		}
		gaps.push({
			practice,
			text: `${minimumPractices[practice].label.toLowerCase()} (${assessment.short})`,
		})
	}
	return { gaps, waived }
}

const ALL_PRACTICE_FIELDS = ['highImpact.determination', 'stage', 'practices', 'waivers']

/** §4(a)(i): by 3 Apr 2026 every high-impact use in operation documents all seven practices or stops. */
export const minimumPracticesDeadline: PolicyCheck = (doc, ctx) => {
	const applies = regime(doc, ctx)
	if (applies.kind === 'not-applicable' || applies.kind === 'exempt-pilot')
		return notBinding(applies)
	if (applies.kind === 'before-deployment') {
		return {
			status: 'NOT_APPLICABLE',
			reason: `${highImpactBasisPhrase(doc, ctx)}. ${stageWording(doc)}; the discontinuation rule applies once the case is piloted or deployed.`,
			drivingFields: ['highImpact.determination', 'stage'],
			nextStep: null,
		}
	}
	const { gaps, waived } = uncoveredPractices(doc, ctx.asOf)
	const waivedNote =
		waived.length > 0
			? ` (${listPhrase(waived.map((p) => minimumPractices[p].label.toLowerCase()))} covered by a CAIO waiver)`
			: ''
	if (gaps.length === 0) {
		return {
			status: 'PASS',
			reason: `${highImpactBasisPhrase(doc, ctx)}. ${stageWording(doc)} and all seven minimum practices are documented${waivedNote}.`,
			drivingFields: ALL_PRACTICE_FIELDS,
			nextStep: null,
		}
	}
	const count = `${gaps.length} of the seven minimum practices ${gaps.length === 1 ? 'is' : 'are'} not documented: ${listPhrase(gaps.map((gap) => gap.text))}${waivedNote}`
	if (!applies.pastDeadline) {
		return {
			status: 'NEEDS_ATTENTION',
			reason: `${highImpactBasisPhrase(doc, ctx)}. ${stageWording(doc)} and ${count}. They are due by ${MINIMUM_PRACTICES_DEADLINE_LABEL}.`,
			drivingFields: ALL_PRACTICE_FIELDS,
			nextStep: `Document the missing practices before ${MINIMUM_PRACTICES_DEADLINE_LABEL}, or ask the CAIO for a waiver.`,
			nextQuestion: practiceQuestion(doc, gaps[0]!.practice),
		}
	}
	return {
		status: 'FAIL',
		reason: `${highImpactBasisPhrase(doc, ctx)}. ${stageWording(doc)}, the ${MINIMUM_PRACTICES_DEADLINE_LABEL} deadline has passed (evaluated as of ${isoDay(ctx.asOf)}) and ${count}.`,
		drivingFields: ALL_PRACTICE_FIELDS,
		nextStep: 'Discontinue the use safely, or obtain a CAIO waiver for each missing practice.',
	}
}

/** §4(a)(i)(A)–(D): a high-impact pilot escapes the practices only under a current CAIO certification. */
export const pilotCertification: PolicyCheck = (doc, ctx) => {
	if (doc.stage !== 'PILOT' || !treatedAsHighImpact(doc, ctx)) {
		return {
			status: 'NOT_APPLICABLE',
			reason:
				doc.stage === 'PILOT'
					? `${stagePhrase(doc)}, but the case is not high-impact, so no pilot certification is needed.`
					: `${stagePhrase(doc)}; the pilot exemption concerns high-impact pilots only.`,
			drivingFields: ['stage', 'highImpact.determination'],
			nextStep: null,
		}
	}
	const certification = doc.pilotCertification
	const basis = `${highImpactBasisPhrase(doc, ctx)}. ${stagePhrase(doc)}`
	if (certification && pilotCertificationValid(doc, ctx.asOf)) {
		return {
			status: 'PASS',
			reason: `${basis}; the CAIO certified it on ${certification.certifiedOn}, limited to ${certification.scaleLimit}, until ${certification.endsOn}.`,
			drivingFields: ['stage', 'pilotCertification'],
			nextStep: `Before ${certification.endsOn}, end the pilot, renew the certification, or document all seven practices.`,
		}
	}
	const { gaps } = uncoveredPractices(doc, ctx.asOf)
	if (gaps.length === 0) {
		return {
			status: 'PASS',
			reason: `${basis}; it has no current CAIO pilot certification but documents all seven minimum practices, so it needs no exemption.`,
			drivingFields: ['stage', 'pilotCertification', 'practices'],
			nextStep: null,
		}
	}
	if (certification) {
		const day = isoDay(ctx.asOf)
		const lapse =
			certification.endsOn < day
				? `ended on ${certification.endsOn}`
				: `starts only on ${certification.certifiedOn}`
		return {
			status: 'FAIL',
			reason: `${basis}; its CAIO pilot certification ${lapse}, and ${gaps.length} minimum practice${gaps.length === 1 ? ' is' : 's are'} not documented.`,
			drivingFields: ['stage', 'pilotCertification', 'practices'],
			nextStep:
				'Stop the pilot, have the CAIO renew the certification, or document the missing practices.',
		}
	}
	return {
		status: 'NEEDS_ATTENTION',
		reason: `${basis}; there is no CAIO pilot certification, so the pilot is not exempt and ${gaps.length} minimum practice${gaps.length === 1 ? ' is' : 's are'} still undocumented.`,
		drivingFields: ['stage', 'pilotCertification', 'practices'],
		nextStep:
			'Ask the CAIO to certify the pilot (limited scale and end date, opt-out where possible), or document all seven practices.',
	}
}

/** The question each practice is answered by on the form. */
const practiceField: Record<MinimumPractice, FieldPath> = {
	TESTING: 'practices.testing',
	IMPACT_ASSESSMENT: 'practices.impactAssessment',
	MONITORING: 'practices.monitoring',
	TRAINING: 'practices.training',
	FAILSAFE: 'practices.failsafe',
	APPEAL: 'practices.appeal',
	PUBLIC_CONSULTATION: 'practices.publicConsultation',
}

/** §4(a)(ii): waivers are re-certified yearly and each grant is reported to OMB within 30 days. */
export const waiverUpkeep: PolicyCheck = (doc, ctx) => {
	const markedWaived = minimumPracticeKeys.filter(
		(practice) => assessPractice(doc, practice).markedWaived,
	)
	if (doc.waivers.length === 0 && markedWaived.length === 0) {
		return {
			status: 'NOT_APPLICABLE',
			reason: 'No CAIO waiver is recorded and no practice is answered as waived.',
			drivingFields: ['waivers'],
			nextStep: null,
		}
	}
	const day = isoDay(ctx.asOf)
	const problems: Array<string> = []
	for (const practice of markedWaived) {
		const standing = waiverStanding(doc, practice, ctx.asOf)
		if (!standing.valid) {
			problems.push(`${stated(practiceField[practice], 'CAIO_WAIVED')}, but ${standing.why}`)
		}
	}
	doc.waivers.forEach((waiver) => {
		const name = `the ${minimumPractices[waiver.practice].label.toLowerCase()} waiver of ${waiver.grantedOn}`
		const ombDue = addDays(waiver.grantedOn, 30)
		if (waiver.reportedToOmbOn === undefined) {
			if (day > ombDue)
				problems.push(`${name} has no record of being reported to OMB (due ${ombDue})`)
		} else if (waiver.reportedToOmbOn > ombDue) {
			problems.push(
				`${name} was reported to OMB on ${waiver.reportedToOmbOn}, after the 30-day limit of ${ombDue}`,
			)
		}
		const revoked = waiver.revokedOn !== undefined && waiver.revokedOn <= day
		const expired = waiver.expiresOn !== undefined && waiver.expiresOn < day
		const recertificationDue = addMonths(waiver.recertifiedOn ?? waiver.grantedOn, 12)
		if (!revoked && !expired && recertificationDue < day) {
			problems.push(`${name} was due for its yearly re-certification on ${recertificationDue}`)
		}
	})
	if (problems.length === 0) {
		return {
			status: 'PASS',
			reason: `${doc.waivers.length} CAIO waiver${doc.waivers.length === 1 ? ' is' : 's are'} recorded, reported to OMB within 30 days and within their yearly re-certification.`,
			drivingFields: ['waivers'],
			nextStep: null,
		}
	}
	return {
		status: 'NEEDS_ATTENTION',
		reason: `Waiver records are incomplete: ${listPhrase(problems)}.`,
		drivingFields: ['waivers', ...markedWaived.map((practice) => practiceField[practice])],
		nextStep:
			'The CAIO records each waiver, reports grants and revocations to OMB within 30 days, and re-certifies yearly.',
	}
}

/** The answer field of each practice with one answer (the impact assessment's is its own, beside the independent review). */
const singleAnswerField = {
	TESTING: 'testing',
	IMPACT_ASSESSMENT: 'impactAssessment',
	MONITORING: 'monitoring',
	TRAINING: 'training',
	FAILSAFE: 'failsafe',
	APPEAL: 'appeal',
} as const satisfies Partial<Record<MinimumPractice, keyof UseCaseDocument['practices']>>

/**
 * The practices' answers as OMB's hi_* columns report them, from where each practice stands: a
 * practice the answers leave unmet reads 'CAIO waived' while a current waiver covers it, and 'yes'
 * (or, for consultation, 'other') when its evidence documents it.
 */
export function reportedPractices(doc: UseCaseDocument, asOf: Date): UseCaseDocument['practices'] {
	const practices = { ...doc.practices, publicConsultation: [...doc.practices.publicConsultation] }
	for (const practice of minimumPracticeKeys) {
		const assessment = assessors[practice](doc)
		if (assessment.met) continue
		const waived = waiverStanding(doc, practice, asOf).valid
		const evidenced = documentingEvidence(doc, practice, assessment) !== null
		if (!waived && !evidenced) continue
		if (practice === 'PUBLIC_CONSULTATION') {
			// Evidence documents consultation only when no step is answered, so it reads 'other'.
			practices.publicConsultation = waived ? ['CAIO_WAIVED'] : ['OTHER']
		} else {
			practices[singleAnswerField[practice]] = waived ? 'CAIO_WAIVED' : 'YES'
		}
	}
	return practices
}
