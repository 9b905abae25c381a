// HIPAA (minimum necessary, business associates) and 42 CFR Part 2 for the health data CMS holds as a plan.
import { type DatasetCategoryKey } from '#app/modules/datasets/schemas.ts'
import { type PolicyCheck } from './check-types.ts'
import {
	datasetNames,
	datasetsVerb,
	dataInUse,
	datasetsWith,
	hasText,
	hostingPhrases,
	isLive,
	isNotRetired,
	listPhrase,
	partiesOutsideCms,
	PHI_KINDS,
	retiredCase,
	sensitivityFields,
	stagePhrase,
	stated,
	yesNoSafeguard,
} from './case-facts.ts'

export const minimumNecessary: PolicyCheck = (doc) => {
	const phi = datasetsWith(doc, PHI_KINDS)
	if (phi.length === 0) {
		return {
			status: 'NOT_APPLICABLE',
			reason:
				'No dataset is marked PHI or Part 2, so the HIPAA minimum-necessary standard is not engaged.',
			drivingFields: ['datasets'],
			nextStep: null,
		}
	}
	if (!isNotRetired(doc)) {
		return retiredCase()
	}
	const missing = phi.filter((ref) => !hasText(ref.dataset.minimumNecessaryJustification))
	const fields = [
		...sensitivityFields(phi),
		...phi.map((ref) => `datasets.${ref.index}.minimumNecessaryJustification`),
	]
	const training = phi.filter((ref) => ref.dataset.usage.includes('TRAINING'))
	const trainingNote =
		training.length > 0
			? ` PHI from ${datasetNames(training)} is used for training, where the limit matters most.`
			: ''
	if (missing.length === 0) {
		return {
			status: 'PASS',
			reason: `${datasetsVerb(phi, 'hold')} PHI and ${phi.length === 1 ? 'it records' : 'each records'} why the use case needs it (minimum necessary).${trainingNote}`,
			drivingFields: fields,
			nextStep: null,
		}
	}
	const reason = `${datasetsVerb(phi, 'hold')} PHI, but ${datasetNames(missing)} ${missing.length === 1 ? 'has' : 'have'} no minimum-necessary justification.${trainingNote} ${stagePhrase(doc)}.`
	return {
		status: isLive(doc) ? 'FAIL' : 'NEEDS_ATTENTION',
		reason,
		drivingFields: fields,
		nextStep:
			'For each PHI dataset, state which fields and records the AI needs and why, and drop the rest from prompts, features and training sets.',
		nextQuestion: `datasets.${missing[0]!.index}.minimumNecessaryJustification`,
	}
}

/**
 * HIPAA-BAA: any party other than CMS that creates, receives, maintains or transmits PHI for CMS is a
 * business associate, whether it built the AI or only hosts the model or the data (45 CFR 164.502(e)).
 */
export const businessAssociateAgreement: PolicyCheck = (doc, ctx) => {
	const phi = datasetsWith(doc, PHI_KINDS)
	const outside = partiesOutsideCms(doc)
	const fields = [
		...sensitivityFields(phi),
		...outside.fields,
		'safeguards.businessAssociateAgreement',
	]
	if (phi.length === 0) {
		return {
			status: 'NOT_APPLICABLE',
			reason: 'No dataset is marked PHI or Part 2, so no business associate agreement is needed.',
			drivingFields: fields,
			nextStep: null,
		}
	}
	if (!isNotRetired(doc)) {
		return retiredCase(`${datasetsVerb(phi, 'hold')} PHI, but the case is retired.`)
	}
	if (!outside.involved) {
		if (doc.hosting === undefined) {
			return {
				status: 'NEEDS_ATTENTION',
				reason: `${datasetsVerb(phi, 'hold')} PHI; ${stated('hosting', doc.hosting)}, so it is unknown whether a party other than CMS holds the PHI.`,
				drivingFields: [...fields, 'hosting'],
				nextStep:
					'Say where the AI and its data run; any cloud, vendor or contractor host needs a business associate agreement.',
				nextQuestion: 'hosting',
			}
		}
		return {
			status: 'NOT_APPLICABLE',
			reason: `${datasetsVerb(phi, 'hold')} PHI, but only CMS builds and hosts the AI and its data (${hostingPhrases[doc.hosting]}).`,
			drivingFields: [...fields, 'hosting'],
			nextStep: null,
		}
	}
	const facts = `${datasetsVerb(phi, 'hold')} PHI and a party other than CMS handles it (${listPhrase(outside.because)})`
	const agreement = doc.safeguards.businessAssociateAgreement
	if (agreement === true) {
		return {
			status: 'PASS',
			reason: `${facts}, and a business associate agreement is in place.`,
			drivingFields: fields,
			nextStep:
				'The privacy reviewer confirms the agreement covers the AI use: no secondary use, safeguards and breach reporting.',
		}
	}
	const answer = stated('safeguards.businessAssociateAgreement', agreement)
	// 45 CFR 164.502(e): PHI may be disclosed to a business associate only under its agreement, so once
	// the PHI reaches the party (in use, or training and evaluation during development) a "no" fails.
	const inUse = dataInUse(doc, phi, ctx)
	const flowing = inUse.now && !isLive(doc)
	return {
		status: agreement === false && inUse.now ? 'FAIL' : 'NEEDS_ATTENTION',
		reason: `${facts}; ${answer}. ${stagePhrase(doc)}.${inUse.because}`,
		drivingFields: [...fields, ...inUse.fields],
		nextStep: flowing
			? 'Stop sending PHI to the host or vendor until a BAA (or equivalent contract terms: no secondary use, safeguards, breach reporting) is in place; PHI may reach a business associate only under one.'
			: 'Put a BAA (or equivalent contract terms: no secondary use, safeguards, breach reporting) in place with each host or vendor before PHI reaches them.',
		nextQuestion: 'safeguards.businessAssociateAgreement',
	}
}

const SUD_PRONE_CATEGORIES: ReadonlyArray<DatasetCategoryKey> = [
	'MEDICARE_CLAIMS',
	'MEDICAID_CHIP_CLAIMS',
	'MEDICAL_RECORDS_CLINICAL',
]

export const part2Records: PolicyCheck = (doc, ctx) => {
	const part2 = datasetsWith(doc, ['PART2'])
	const basis = doc.safeguards.part2ConsentBasis
	if (
		!isNotRetired(doc) &&
		(part2.length > 0 ||
			doc.datasets.some((dataset) => SUD_PRONE_CATEGORIES.includes(dataset.category)))
	) {
		return retiredCase()
	}
	if (part2.length > 0) {
		const fields = [...sensitivityFields(part2), 'safeguards.part2ConsentBasis']
		const facts = `${datasetsVerb(part2, 'hold')} 42 CFR Part 2 substance-use records`
		if (basis !== undefined && basis !== 'NONE') {
			return {
				status: 'PASS',
				reason: `${facts}; ${stated('safeguards.part2ConsentBasis', basis)}.`,
				drivingFields: fields,
				nextStep: 'Keep redisclosure limits and make sure outputs cannot reveal SUD status.',
			}
		}
		const answer =
			basis === 'NONE'
				? stated('safeguards.part2ConsentBasis', basis)
				: 'no Part 2 basis (consent, QSOA or audit and evaluation) is recorded'
		// Part 2 records may be used or disclosed only on a basis the rule allows: records already used to
		// train or evaluate a model are in use now.
		const inUse = dataInUse(doc, part2, ctx)
		return {
			status: basis === 'NONE' && inUse.now ? 'FAIL' : 'NEEDS_ATTENTION',
			reason: `${facts}; ${answer}. ${stagePhrase(doc)}.${inUse.because}`,
			drivingFields: [...fields, ...inUse.fields],
			nextStep:
				'Record the Part 2 basis for the use, or remove or suppress the SUD records before they reach the AI.',
			nextQuestion: 'safeguards.part2ConsentBasis',
		}
	}
	const prone = doc.datasets.flatMap((dataset, index) =>
		SUD_PRONE_CATEGORIES.includes(dataset.category) ? [{ index, dataset }] : [],
	)
	if (prone.length === 0) {
		return {
			status: 'NOT_APPLICABLE',
			reason:
				'No dataset is marked Part 2 and none is claims or clinical data that could carry SUD records.',
			drivingFields: ['datasets'],
			nextStep: null,
		}
	}
	const fields = [
		...prone.map((ref) => `datasets.${ref.index}.category`),
		'safeguards.sudRecordsExcluded',
	]
	const facts = `${datasetsVerb(prone, 'are')} claims or clinical data, which can include records from Part 2 programs`
	if (doc.safeguards.sudRecordsExcluded === true) {
		return {
			status: 'PASS',
			reason: `${facts}; the case confirms SUD records from Part 2 programs are excluded or redacted.`,
			drivingFields: fields,
			nextStep: null,
		}
	}
	return {
		status: 'NEEDS_ATTENTION',
		reason:
			doc.safeguards.sudRecordsExcluded === false
				? `${facts}, and the case says they are not excluded, yet no dataset is marked Part 2.`
				: `${facts}, and nothing confirms they were screened out.`,
		drivingFields: fields,
		nextStep:
			'Confirm SUD records are excluded or redacted, or mark the datasets Part 2 and record the basis for using them.',
		nextQuestion: 'safeguards.sudRecordsExcluded',
	}
}

/**
 * HIPAA-SECURITY: ePHI the AI handles must sit inside the security risk analysis and its safeguards
 * (45 CFR 164.308(a)(1)(ii)(A), 164.312), including the copies AI systems make on the side: prompt
 * and response logs, embeddings and vector stores, caches and evaluation sets.
 */
export const ephiSecurity: PolicyCheck = (doc, ctx) => {
	const phi = datasetsWith(doc, PHI_KINDS)
	const fields = [...sensitivityFields(phi), 'safeguards.ephiRiskAnalysis']
	if (phi.length === 0) {
		return {
			status: 'NOT_APPLICABLE',
			reason: 'No dataset is marked PHI or Part 2, so the HIPAA Security Rule is not engaged.',
			drivingFields: ['datasets'],
			nextStep: null,
		}
	}
	if (!isNotRetired(doc)) {
		return retiredCase(`${datasetsVerb(phi, 'hold')} PHI, but the case is retired.`)
	}
	return yesNoSafeguard(
		doc,
		doc.safeguards.ephiRiskAnalysis,
		{
			facts: `${datasetsVerb(phi, 'hold')} PHI`,
			field: 'safeguards.ephiRiskAnalysis',
			passed:
				'the HIPAA security risk analysis covers the AI, its logs and the copies of data it keeps',
			passedNextStep:
				'The security reviewer confirms access control, audit logging and encryption reach the AI’s logs and stores.',
			nextStep:
				'Extend the system’s risk analysis to the AI: its prompt and output logs, embeddings or vector stores, caches and test sets, with access control, audit logging and encryption for each.',
		},
		fields,
		dataInUse(doc, phi, ctx),
	)
}

/**
 * CMS-DUA: CMS data that need a data use agreement leave CMS-controlled systems only under one (or a
 * contract that governs the data). Whether CMS's own internal use needs one is unsettled, so only a
 * party other than CMS handling the data engages the check.
 */
export const dataUseAgreement: PolicyCheck = (doc, ctx) => {
	const governed = doc.datasets.flatMap((dataset, index) =>
		dataset.dataUseAgreementRequired ? [{ index, dataset }] : [],
	)
	const outside = partiesOutsideCms(doc)
	const fields = [
		...governed.map((ref) => `datasets.${ref.index}.dataUseAgreementRequired`),
		...outside.fields,
		'safeguards.dataUseAgreement',
	]
	if (!isNotRetired(doc)) return retiredCase()
	if (governed.length === 0) {
		return {
			status: 'NOT_APPLICABLE',
			reason: 'No dataset the case uses requires a data use agreement.',
			drivingFields: ['datasets'],
			nextStep: null,
		}
	}
	if (!outside.involved) {
		return {
			status: 'NOT_APPLICABLE',
			reason: `${datasetsVerb(governed, 'require')} a data use agreement, but the data stay with CMS: only CMS builds and runs the AI and holds its data.`,
			drivingFields: [...fields, 'hosting'],
			nextStep: null,
		}
	}
	return yesNoSafeguard(
		doc,
		doc.safeguards.dataUseAgreement,
		{
			facts: `${datasetsVerb(governed, 'require')} a data use agreement and a party other than CMS handles the data (${listPhrase(outside.because)})`,
			field: 'safeguards.dataUseAgreement',
			passed: 'an executed data use agreement or the contract’s data terms cover that use',
			passedNextStep:
				'The data governance reviewer confirms the agreement names this purpose, these files and years, and return or destruction at its end.',
			nextStep:
				'Execute a data use agreement (CMS-R-0235, or CMS-R-0235L for a limited data set) for this purpose, files and years, or put the data terms in the contract, before the data leave CMS.',
		},
		fields,
		dataInUse(doc, governed, ctx),
	)
}
