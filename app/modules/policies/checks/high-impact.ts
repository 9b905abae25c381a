// M-25-21 §4(a), §5 and §6: is the case presumed high-impact, and has the governance lead decided?
import { type UseCaseDocument } from '#app/modules/use-cases/use-case-document.ts'
import { type InformedDecision } from '#app/modules/use-cases/vocabulary.ts'
import { screenedOutAsNotAi } from './ai-definition.ts'
import { type CheckOutcome, type PolicyCheck, type Reading } from './check-types.ts'
import {
	hasText,
	isNotRetired,
	judgeWrittenReason,
	listPhrase,
	readsFrom,
	retiredCase,
	stated,
} from './case-facts.ts'

export const PRESUMED_CATEGORIES = [
	'a',
	'b',
	'c',
	'd',
	'e',
	'f',
	'g',
	'h',
	'i',
	'j',
	'k',
	'l',
	'm',
	'n',
	'o',
] as const
export type PresumedCategory = (typeof PRESUMED_CATEGORIES)[number]

/**
 * Which §6 letter each decision the case informs falls under. Coverage and payment decide how Medicare and
 * Medicaid allocate care and control their costs (§6(f)); eligibility, identity proofing and fraud
 * detection are named in §6(m), which also covers penalties such as payment suspensions.
 */
const categoryByDecision: Record<InformedDecision, PresumedCategory | null> = {
	SAFETY_CRITICAL_FUNCTIONS: 'a',
	PHYSICAL_MOVEMENT: 'b',
	ATTACK_OR_DEFENCE: 'c',
	HAZARDOUS_AGENTS: 'd',
	SAFETY_SIGNIFICANT_DESIGN: 'e',
	COVERAGE_PAYMENT: 'f',
	CARE_DIAGNOSIS_TREATMENT: 'f',
	FACILITY_ACCESS: 'g',
	SANCTIONS_TRADE_CONTROLS: 'h',
	PROTECTED_SPEECH: 'i',
	LAW_ENFORCEMENT: 'j',
	FOREIGN_NATIONAL_ENTRY: 'k',
	PUBLIC_BIOMETRIC_IDENTIFICATION: 'l',
	ELIGIBILITY_ENROLLMENT: 'm',
	FRAUD_IMPROPER_PAYMENT: 'm',
	IDENTITY_ACCESS: 'm',
	EMPLOYMENT: 'n',
	BINDING_TRANSLATION: 'o',
	NONE: null,
}

const categoryTopic: Record<PresumedCategory, string> = {
	a: 'safety-critical infrastructure',
	b: 'physical movement of machines',
	c: 'attack or active defence',
	d: 'hazardous chemicals or biological agents',
	e: 'safety-significant equipment design',
	f: 'healthcare',
	g: 'access to government facilities',
	h: 'sanctions and trade controls',
	i: 'limiting protected speech',
	j: 'law enforcement',
	k: 'foreign nationals seeking entry',
	l: 'biometric identification in public spaces',
	m: 'federal benefits, eligibility, identity proofing and fraud',
	n: 'federal employment',
	o: 'binding translation',
}

export function categoryClauseId(category: PresumedCategory): string {
	return `M2521-6${category.toUpperCase()}`
}

function isPrincipalBasisRole(doc: UseCaseDocument): boolean {
	return doc.decisionRole === 'PRINCIPAL_BASIS' || doc.decisionRole === 'FULLY_AUTOMATED'
}

/** The informed decisions that fall under some §6 letter, whatever the decision role. */
function presumptionDecisions(doc: UseCaseDocument): Array<InformedDecision> {
	return doc.informedDecisions.filter((decision) => categoryByDecision[decision] !== null)
}

/**
 * The M-25-21 §6 letters under which the case is presumed high-impact, sorted. §6 presumes only where the
 * AI output is a principal basis for the decision, so an assistive or decision-free role yields none, and
 * only AI is presumed: a system screened out as rule-based only yields none either.
 */
export function presumedHighImpactCategories(
	doc: UseCaseDocument,
	reading: Reading,
): Array<PresumedCategory> {
	if (!isPrincipalBasisRole(doc) || screenedOutAsNotAi(doc, reading)) return []
	const letters = new Set<PresumedCategory>()
	for (const decision of doc.informedDecisions) {
		const letter = categoryByDecision[decision]
		if (letter) letters.add(letter)
	}
	if (adjudicatesBenefits(doc, reading)) letters.add('m')
	return PRESUMED_CATEGORIES.filter((letter) => letters.has(letter))
}

/**
 * Pack 2026.5: a coverage or payment decision about beneficiaries adjudicates their Medicare or
 * Medicaid benefits, which §6(m) names ("applying for or adjudicating critical federal services and
 * benefits") beside §6(f)'s control of health-insurance costs; the trigger matrix pairs the two ("f or
 * m"). Earlier packs presumed such a case under §6(f) alone. A payment decision about providers or
 * plans only stays §6(f): it adjudicates no individual's benefit.
 */
function adjudicatesBenefits(doc: UseCaseDocument, reading: Reading): boolean {
	return (
		readsFrom(reading, '2026.5') &&
		doc.informedDecisions.includes('COVERAGE_PAYMENT') &&
		doc.affectedParties.includes('BENEFICIARIES')
	)
}

/**
 * Whether the minimum practices bind: a determination of high-impact, or a presumption nobody has
 * validly departed from. Only "presumed but not high-impact" with a written justification departs;
 * plain "not high-impact", or the departure without its justification, leaves the presumption standing.
 */
export function treatedAsHighImpact(doc: UseCaseDocument, reading: Reading): boolean {
	const { determination, justification } = doc.highImpact
	if (determination === 'HIGH_IMPACT') return true
	const departed = determination === 'PRESUMED_NOT_HIGH_IMPACT' && hasText(justification)
	return presumedHighImpactCategories(doc, reading).length > 0 && !departed
}

/** "high-impact (determined)" or "presumed high-impact under §6(m) with no determination recorded". */
export function highImpactBasisPhrase(doc: UseCaseDocument, reading: Reading): string {
	if (doc.highImpact.determination === 'HIGH_IMPACT')
		return 'The governance lead determined the case high-impact'
	const letters = presumedHighImpactCategories(doc, reading)
	const { determination } = doc.highImpact
	const recorded =
		determination === 'NOT_HIGH_IMPACT'
			? `${determined(determination)}, without the documented departure §4(a) requires`
			: determination === 'PRESUMED_NOT_HIGH_IMPACT'
				? `${determined(determination)}, without the written justification §4(a) requires`
				: 'no determination is recorded'
	return `The case is presumed high-impact under ${sectionLetters(letters)}; ${recorded}`
}

export function sectionLetters(letters: ReadonlyArray<PresumedCategory>): string {
	return listPhrase(letters.map((letter) => `§6(${letter})`))
}

/** The answers the presumption turns on, as the form shows them; only the decisions §6 lists are named. */
function presumptionDrivers(doc: UseCaseDocument): string {
	const role = stated('decisionRole', doc.decisionRole)
	const decisions = presumptionDecisions(doc)
	if (decisions.length === 0)
		return `${role}; ${doc.informedDecisions.length === 0 ? stated('informedDecisions', []) : 'it informs no decision listed in §6'}`
	return `${role}; ${stated('informedDecisions', decisions)}`
}

/** The governance lead's determination, as the form shows it. */
function determined(
	determination: NonNullable<UseCaseDocument['highImpact']['determination']>,
): string {
	return stated('highImpact.determination', determination)
}

const DRIVERS = ['decisionRole', 'informedDecisions']

export const highImpactPresumption: PolicyCheck = (doc, ctx) => {
	const letters = presumedHighImpactCategories(doc, ctx)
	const determination = doc.highImpact.determination
	if (doc.decisionRole === undefined || doc.informedDecisions.length === 0) {
		return {
			status: 'NEEDS_ATTENTION',
			reason: `${presumptionDrivers(doc)}. Without the decision role and the decisions it informs, the §6 presumption cannot be worked out.`,
			drivingFields: DRIVERS,
			nextStep:
				'Answer the decision role and choose the decisions the AI informs (or “None of these”).',
			nextQuestion: doc.decisionRole === undefined ? 'decisionRole' : 'informedDecisions',
		}
	}
	if (letters.length === 0) {
		return {
			status: 'PASS',
			reason: `${presumptionDrivers(doc)}. No M-25-21 §6 presumption applies.`,
			drivingFields: DRIVERS,
			nextStep: null,
		}
	}
	const topics = letters.map((letter) => `§6(${letter}) ${categoryTopic[letter]}`)
	const presumed = `${presumptionDrivers(doc)}. It is therefore presumed high-impact under ${listPhrase(topics)}`
	const citedClauses = letters.map(categoryClauseId)
	const fields = [...DRIVERS, 'highImpact.determination']
	switch (determination) {
		case undefined:
			return {
				status: 'NEEDS_ATTENTION',
				reason: `${presumed}; no high-impact determination is recorded.`,
				drivingFields: fields,
				nextStep:
					'The governance lead records the determination: high-impact, or “presumed but not high-impact” with a written justification sent to the CAIO.',
				citedClauses,
			}
		case 'HIGH_IMPACT':
			return {
				status: 'PASS',
				reason: `${presumed}, and the governance lead determined it high-impact.`,
				drivingFields: fields,
				nextStep: null,
				citedClauses,
			}
		case 'PRESUMED_NOT_HIGH_IMPACT':
			return {
				status: 'PASS',
				reason: `${presumed}; the governance lead recorded ${determined(determination)}, which stands only with a written justification (checked separately).`,
				drivingFields: fields,
				nextStep: null,
				citedClauses,
			}
		case 'NOT_HIGH_IMPACT':
			return {
				status: 'FAIL',
				reason: `${presumed}, but ${determined(determination)}. A presumed use can only be 'high-impact' or 'presumed but not high-impact' with a documented justification.`,
				drivingFields: fields,
				nextStep:
					'Change the determination to high-impact, or to “presumed but not high-impact” and write the justification for the CAIO.',
				citedClauses,
			}
	}
}

export const presumedNotHighImpactJustification: PolicyCheck = (doc) => {
	const { determination, justification, determinedBy, determinedOn } = doc.highImpact
	if (determination !== 'PRESUMED_NOT_HIGH_IMPACT') {
		return {
			status: 'NOT_APPLICABLE',
			reason: determination
				? `${determined(determination)}, not 'presumed but not high-impact'.`
				: 'No determination is recorded yet, so there is no departure from the presumption to justify.',
			drivingFields: ['highImpact.determination'],
			nextStep: null,
		}
	}
	const fields = ['highImpact.determination', 'highImpact.justification']
	const unwritten = judgeWrittenReason(justification, fields, {
		missing: {
			reason: `${determined(determination)}; no written justification is recorded, and M-25-21 §4(a) requires one, sent to the CAIO.`,
			nextStep:
				'Write why the AI output is not a principal basis for a decision with a significant effect, and send it to the CAIO.',
		},
		tooShort: (length) => ({
			reason: `${determined(determination)}; the justification is only ${length} characters, too short to show why the §5 definition is not met.`,
			nextStep:
				'Expand the justification: say what the output is used for and why it is not a principal basis.',
		}),
	})
	if (unwritten) return unwritten
	if (!hasText(determinedBy) || determinedOn === undefined) {
		return {
			status: 'NEEDS_ATTENTION',
			reason: `${determined(determination)}, with a written justification, but ${!hasText(determinedBy) ? 'who made it' : 'when it was made'} is not recorded, so the CAIO cannot track it centrally.`,
			drivingFields: [...fields, 'highImpact.determinedBy', 'highImpact.determinedOn'],
			nextStep: 'Record the official who made the determination and the date.',
		}
	}
	return {
		status: 'PASS',
		reason: `${determined(determination)}, justified in writing by ${determinedBy} on ${determinedOn}.`,
		drivingFields: [...fields, 'highImpact.determinedBy', 'highImpact.determinedOn'],
		nextStep: null,
	}
}

/**
 * M2521-4A-C4 (pack 2026.4): a determination that the case is high-impact is centrally tracked with
 * the official who made it and the date, as one recorded in the tracker always is; one imported or
 * written without them needs them. A departure from a presumption is checked with its justification
 * (M2521-4A-C3); a missing determination is the presumption's and the inventory's finding.
 */
export const determinationTracked: PolicyCheck = (doc): CheckOutcome => {
	const { determination, determinedBy, determinedOn } = doc.highImpact
	const fields = ['highImpact.determination', 'highImpact.determinedBy', 'highImpact.determinedOn']
	if (!isNotRetired(doc))
		return retiredCase('The case is retired: its determination stays on record as it is.')
	if (determination !== 'HIGH_IMPACT') {
		return {
			status: 'NOT_APPLICABLE',
			reason:
				determination === undefined
					? 'No determination is recorded yet (the presumption and inventory checks ask for one).'
					: `${determined(determination)}${determination === 'PRESUMED_NOT_HIGH_IMPACT' ? ', tracked with its justification under M2521-4A-C3' : ''}.`,
			drivingFields: ['highImpact.determination'],
			nextStep: null,
		}
	}
	const who = hasText(determinedBy)
	const when = determinedOn !== undefined
	if (!who || !when) {
		const missing =
			!who && !when ? 'who made it and when are' : !who ? 'who made it is' : 'when it was made is'
		return {
			status: 'NEEDS_ATTENTION',
			reason: `The case is determined high-impact, but ${missing} not recorded, so the CAIO cannot track the determination centrally (M-25-21 §4(a)).`,
			drivingFields: fields,
			nextStep:
				'The governance lead records the determination in the tracker, which keeps the official and the date.',
		}
	}
	return {
		status: 'PASS',
		reason: `The case was determined high-impact by ${determinedBy} on ${determinedOn}.`,
		drivingFields: fields,
		nextStep: null,
	}
}

/**
 * §6 turns on whether the output is a principal basis (fn 27), so wherever the case informs a §6 decision
 * the reasoning is written down and a named official confirms it, whichever way it goes.
 */
export const principalBasisConfirmation: PolicyCheck = (doc): CheckOutcome => {
	if (!isNotRetired(doc))
		return retiredCase('The case is retired: no decision it informs is left to confirm.')
	const decisions = presumptionDecisions(doc)
	if (decisions.length === 0 || doc.decisionRole === undefined || doc.decisionRole === 'NONE') {
		return {
			status: 'NOT_APPLICABLE',
			reason: `${presumptionDrivers(doc)}. There is therefore no principal-basis question to confirm.`,
			drivingFields: DRIVERS,
			nextStep: null,
		}
	}
	const { principalBasisRationale, determinedBy, determination } = doc.highImpact
	const drivers = presumptionDrivers(doc)
	const fields = [...DRIVERS, 'highImpact.principalBasisRationale', 'highImpact.determinedBy']
	const needsRationale = doc.decisionRole === 'ASSISTIVE' || doc.decisionRole === 'PRINCIPAL_BASIS'
	if (needsRationale && !hasText(principalBasisRationale)) {
		return {
			status: 'NEEDS_ATTENTION',
			reason:
				doc.decisionRole === 'ASSISTIVE'
					? `${drivers}. Nothing records why the output is only one input among several rather than a principal basis.`
					: `${drivers}. Nothing records how the output drives those decisions, which the determination depends on.`,
			drivingFields: fields,
			nextStep:
				doc.decisionRole === 'ASSISTIVE'
					? 'Explain what else the decision-maker relies on and how often they depart from the AI output; the governance lead then confirms it.'
					: 'Explain how the output is used in the decision; the governance lead then confirms the principal-basis finding.',
			nextQuestion: 'highImpact.principalBasisRationale',
		}
	}
	if (!hasText(determinedBy) || determination === undefined) {
		return {
			status: 'NEEDS_ATTENTION',
			reason: `${drivers}. The principal-basis reasoning has not yet been confirmed by a named governance official.`,
			drivingFields: [...fields, 'highImpact.determination'],
			nextStep:
				'The governance lead reviews the reasoning and records the determination with their name.',
		}
	}
	return {
		status: 'PASS',
		reason: `${drivers}. ${determinedBy} confirmed the principal-basis finding in the determination (${determined(determination)}).`,
		drivingFields: [...fields, 'highImpact.determination'],
		nextStep: null,
	}
}
