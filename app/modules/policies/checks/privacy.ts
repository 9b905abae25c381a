// E-Government Act §208 (PIA) and the Privacy Act of 1974 (SORNs, computer matching).
import { type UseCaseDocument } from '#app/modules/use-cases/use-case-document.ts'
import { type CheckOutcome, type PolicyCheck } from './check-types.ts'
import {
	datasetNames,
	type DatasetRef,
	datasetsVerb,
	datasetsWith,
	isLive,
	isNotRetired,
	listPhrase,
	partiesOutsideCms,
	PII_KINDS,
	retiredCase,
	sensitivityFields,
	stagePhrase,
	stated,
	dataInUse,
	yesNoSafeguard,
} from './case-facts.ts'
import { treatedAsHighImpact } from './high-impact.ts'

type PiiFacts = {
	present: boolean
	because: string
	fields: Array<string>
	datasets: Array<DatasetRef>
}

/** PII from the OMB answer or from any dataset's sensitivity; the stricter of the two wins. */
export function piiFacts(doc: UseCaseDocument): PiiFacts {
	const datasets = datasetsWith(doc, PII_KINDS)
	const fields = ['hasPii', ...sensitivityFields(datasets)]
	if (datasets.length > 0) {
		const contradiction = doc.hasPii === false ? ` (though ${stated('hasPii', false)})` : ''
		return {
			present: true,
			because: `${datasetsVerb(datasets, 'hold')} personal information${contradiction}`,
			fields,
			datasets,
		}
	}
	if (doc.hasPii === true)
		return { present: true, because: stated('hasPii', true), fields, datasets }
	return {
		present: false,
		because:
			doc.hasPii === false
				? `${stated('hasPii', false)}, and no dataset is marked PII, PHI, Part 2 or FTI`
				: 'No PII is recorded',
		fields,
		datasets,
	}
}

export const privacyImpactAssessment: PolicyCheck = (doc, ctx) => {
	const pii = piiFacts(doc)
	if (!pii.present) {
		return {
			status: 'NOT_APPLICABLE',
			reason: `${pii.because}, so §208 does not call for a PIA.`,
			drivingFields: pii.fields,
			nextStep: null,
		}
	}
	if (!isNotRetired(doc)) {
		return retiredCase(`${pii.because}, but the case is retired.`)
	}
	const fields = [...pii.fields, 'safeguards.piaCompleted', 'piaUrl']
	// The AI impact assessment references the PIA (M2521-4B-II C2) only where the case is, or is presumed,
	// high-impact; from pack 2026.5 the check cites it there alone, not on every case with PII.
	const citedClauses = treatedAsHighImpact(doc, ctx) ? ['M2521-4B-II'] : []
	if (doc.safeguards.piaCompleted === true || doc.piaUrl !== undefined) {
		const where = doc.piaUrl ? ` (${doc.piaUrl})` : ''
		return {
			status: 'PASS',
			reason: `${pii.because}, and a privacy impact assessment covering the AI use is recorded${where}.`,
			drivingFields: fields,
			nextStep: doc.piaUrl ? null : 'Add the PIA link for the inventory (pia_url) if it is public.',
			citedClauses,
			...(doc.piaUrl ? {} : { nextQuestion: 'piaUrl' }),
		}
	}
	const datasetPias = pii.datasets.filter((ref) => ref.dataset.piaUrl !== undefined)
	const answer = stated('safeguards.piaCompleted', doc.safeguards.piaCompleted)
	const partial =
		datasetPias.length > 0
			? `; the PIA of ${datasetNames(datasetPias)} exists but may not cover this AI use`
			: ''
	const reason = `${pii.because}; ${answer}${partial}. ${stagePhrase(doc)}.`
	const nextStep =
		datasetPias.length > 0
			? 'Have the privacy office confirm the existing PIA covers the AI functionality, or update it.'
			: 'Complete a PIA (or update the system’s PIA) covering the AI functionality with the privacy office.'
	const nextQuestion = 'safeguards.piaCompleted'
	// §208 asks for the PIA before the technology is used, so a live case without one fails.
	if (isLive(doc) && doc.safeguards.piaCompleted === false) {
		return { status: 'FAIL', reason, drivingFields: fields, nextStep, nextQuestion, citedClauses }
	}
	return {
		status: 'NEEDS_ATTENTION',
		reason,
		drivingFields: fields,
		nextStep,
		nextQuestion,
		citedClauses,
	}
}

/** The SORNs recorded for the case and its datasets, and the fields that record them. */
export function systemOfRecordsFacts(doc: UseCaseDocument) {
	const { retrievedByPersonalIdentifier, sornNumber } = doc.safeguards
	const datasetSorns = doc.datasets.flatMap((dataset, index) =>
		dataset.sornNumber ? [{ index, sorn: dataset.sornNumber }] : [],
	)
	const sorns = [
		...new Set([...(sornNumber ? [sornNumber] : []), ...datasetSorns.map((ref) => ref.sorn)]),
	]
	const fields = [
		'safeguards.retrievedByPersonalIdentifier',
		'safeguards.sornNumber',
		...datasetSorns.map((ref) => `datasets.${ref.index}.sornNumber`),
	]
	// Records come from a system of records when the AI retrieves them by identifier or a dataset it
	// reads is itself published as one (it has a SORN), whatever the AI's own way of reading them.
	const fromSystemOfRecords = retrievedByPersonalIdentifier === true || sorns.length > 0
	return { sorns, datasetSorns, fields, fromSystemOfRecords }
}

export const systemOfRecordsNotice: PolicyCheck = (doc) => {
	const retrieved = doc.safeguards.retrievedByPersonalIdentifier
	const { sorns, datasetSorns, fields, fromSystemOfRecords } = systemOfRecordsFacts(doc)
	const pii = piiFacts(doc)
	if (!isNotRetired(doc)) {
		return retiredCase()
	}
	if (!fromSystemOfRecords) {
		if (retrieved === false) {
			return {
				status: 'NOT_APPLICABLE',
				reason: `${stated('safeguards.retrievedByPersonalIdentifier', false)}, and no dataset is drawn from a system of records with a SORN.`,
				drivingFields: fields,
				nextStep: null,
			}
		}
		if (!pii.present) {
			return {
				status: 'NOT_APPLICABLE',
				reason: `${pii.because}, so the Privacy Act's system-of-records rules are not engaged.`,
				drivingFields: [...fields, ...pii.fields],
				nextStep: null,
			}
		}
		return {
			status: 'NEEDS_ATTENTION',
			reason: `${pii.because}; nothing says whether records are retrieved by name or another personal identifier.`,
			drivingFields: [...fields, ...pii.fields],
			nextStep:
				'Answer whether the AI retrieves records about individuals by a personal identifier.',
			nextQuestion: 'safeguards.retrievedByPersonalIdentifier',
		}
	}
	const fromDatasets = datasetSorns.map((ref) => ({
		index: ref.index,
		dataset: doc.datasets[ref.index]!,
	}))
	const how =
		retrieved === true
			? 'Records are retrieved by a personal identifier'
			: fromDatasets.length > 0
				? `${datasetsVerb(fromDatasets, 'are')} drawn from a system of records`
				: 'A system of records notice is recorded for the case'
	if (sorns.length > 0) {
		return {
			status: 'PASS',
			reason: `${how}${retrieved === true || fromDatasets.length > 0 ? ` and ${retrieved !== true && fromDatasets.length === 1 ? 'is' : 'are'} covered by` : ':'} SORN ${sorns.join(', ')}.`,
			drivingFields: fields,
			nextStep:
				'The privacy reviewer confirms the AI purpose fits the SORN’s purposes and routine uses.',
		}
	}
	const reason = `${how} but no SORN number is recorded for the case or its datasets. ${stagePhrase(doc)}.`
	const nextStep =
		'Identify the system of records notice that covers these records, or have the privacy office publish or revise one.'
	return {
		status: isLive(doc) ? 'FAIL' : 'NEEDS_ATTENTION',
		reason,
		drivingFields: fields,
		nextStep,
		nextQuestion: 'safeguards.sornNumber',
	}
}

const MATCHING_DECISIONS = [
	'ELIGIBILITY_ENROLLMENT',
	'FRAUD_IMPROPER_PAYMENT',
	'COVERAGE_PAYMENT',
] as const

export const computerMatching: PolicyCheck = (doc): CheckOutcome => {
	const matchingDecisions = doc.informedDecisions.filter((decision) =>
		(MATCHING_DECISIONS as ReadonlyArray<string>).includes(decision),
	)
	const fields = ['safeguards.computerMatching', 'informedDecisions']
	if (!isNotRetired(doc)) return retiredCase('The case is retired: it matches no records now.')
	if (doc.safeguards.computerMatching === true) {
		return {
			status: 'NEEDS_ATTENTION',
			reason: `${stated('safeguards.computerMatching', true)}, which makes it a Privacy Act matching program.`,
			drivingFields: fields,
			nextStep:
				'Legal confirms a computer matching agreement approved by the Data Integrity Board, and that findings are independently verified with notice before any adverse action.',
		}
	}
	if (doc.safeguards.computerMatching === false) {
		return {
			status: 'PASS',
			reason: `${stated('safeguards.computerMatching', false)}.`,
			drivingFields: fields,
			nextStep: null,
		}
	}
	if (matchingDecisions.length === 0) {
		return {
			status: 'NOT_APPLICABLE',
			reason:
				'It informs no eligibility, payment or fraud decisions, where matching programs arise.',
			drivingFields: fields,
			nextStep: null,
		}
	}
	// A matching program compares records about people (552a(a)(8)); the form asks only then.
	const personal = piiFacts(doc)
	if (!personal.present) {
		return {
			status: 'NOT_APPLICABLE',
			reason: `${stated('informedDecisions', matchingDecisions)}; it uses no personal data, so no records about people are matched.`,
			drivingFields: [...fields, ...personal.fields],
			nextStep: null,
		}
	}
	return {
		status: 'NEEDS_ATTENTION',
		reason: `${stated('informedDecisions', matchingDecisions)}; nothing says whether it matches CMS records with another agency's.`,
		drivingFields: fields,
		nextStep:
			'Answer whether records are matched with another agency’s to establish eligibility or recover payments.',
		nextQuestion: 'safeguards.computerMatching',
	}
}

/**
 * PRIVACY-ACT-CONTRACTOR: a contractor that operates a system of records for CMS, or holds its
 * records, is bound by the Privacy Act only through its contract (5 U.S.C. 552a(m); FAR 52.224-1/-2).
 */
export const privacyActContractor: PolicyCheck = (doc, ctx) => {
	const records = systemOfRecordsFacts(doc)
	const outside = partiesOutsideCms(doc)
	const fields = [...records.fields, ...outside.fields, 'safeguards.privacyActContractClauses']
	if (!isNotRetired(doc)) {
		return retiredCase()
	}
	if (!records.fromSystemOfRecords) {
		return {
			status: 'NOT_APPLICABLE',
			reason:
				'No records are retrieved by a personal identifier and no dataset comes from a system of records, so no contractor operates one.',
			drivingFields: records.fields,
			nextStep: null,
		}
	}
	if (!outside.involved) {
		return {
			status: 'NOT_APPLICABLE',
			reason:
				'Records come from a system of records, but only CMS builds and runs the AI and holds its data.',
			drivingFields: [...records.fields, 'contractingUsage', 'hosting', 'vendorNames'],
			nextStep: null,
		}
	}
	return yesNoSafeguard(
		doc,
		doc.safeguards.privacyActContractClauses,
		{
			facts: `Records come from a system of records and a party other than CMS handles them (${listPhrase(outside.because)})`,
			field: 'safeguards.privacyActContractClauses',
			passed: 'the contract applies the Privacy Act to that party (FAR 52.224-1 and 52.224-2)',
			passedNextStep: null,
			nextStep:
				'Have the contracting officer add FAR 52.224-1 and 52.224-2 (and 52.224-3 training) to the contract before the vendor handles the records.',
		},
		fields,
		// The records are in the contractor's hands once a dataset from the system is used to train or
		// evaluate the model: every dataset with a SORN, and every personal dataset when records are
		// retrieved by identifier.
		dataInUse(
			doc,
			doc.datasets.flatMap((dataset, index) =>
				dataset.sornNumber !== undefined ||
				(doc.safeguards.retrievedByPersonalIdentifier === true &&
					dataset.sensitivities.some((kind) => PII_KINDS.includes(kind)))
					? [{ index, dataset }]
					: [],
			),
			ctx,
		),
	)
}

/**
 * PRIVACY-ACT-ACCURACY: records used in making a determination about a person must be accurate,
 * relevant, timely and complete enough to be fair (552a(e)(5)), and no more than relevant and
 * necessary (552a(e)(1)). Engaged where the AI is the principal basis for, or makes, the decision.
 */
export const decisionRecordsAccuracy: PolicyCheck = (doc) => {
	const pii = piiFacts(doc)
	const decisions = doc.informedDecisions.filter((decision) => decision !== 'NONE')
	const decides = doc.decisionRole === 'PRINCIPAL_BASIS' || doc.decisionRole === 'FULLY_AUTOMATED'
	const fields = [
		...pii.fields,
		'decisionRole',
		'informedDecisions',
		'safeguards.decisionRecordsAccurate',
	]
	if (!isNotRetired(doc)) {
		return retiredCase()
	}
	if (!decides || decisions.length === 0) {
		return {
			status: 'NOT_APPLICABLE',
			reason:
				'Its output is neither the principal basis for nor the maker of a decision about anyone.',
			drivingFields: ['decisionRole', 'informedDecisions'],
			nextStep: null,
		}
	}
	if (!pii.present) {
		return {
			status: 'NOT_APPLICABLE',
			reason: `${pii.because}, so no records about individuals drive its decisions.`,
			drivingFields: pii.fields,
			nextStep: null,
		}
	}
	return yesNoSafeguard(
		doc,
		doc.safeguards.decisionRecordsAccurate,
		{
			facts: `${pii.because}; ${stated('decisionRole', doc.decisionRole)}; ${stated('informedDecisions', decisions)}`,
			field: 'safeguards.decisionRecordsAccurate',
			passed:
				'the records behind those decisions are checked to be accurate, relevant, timely and complete',
			passedNextStep:
				'The privacy reviewer confirms the data-quality checks and that only relevant and necessary fields are used.',
			nextStep:
				'Check the input records’ accuracy, timeliness and completeness for the people decided about, drop fields that are not relevant and necessary, and record how in the impact assessment.',
		},
		fields,
	)
}
