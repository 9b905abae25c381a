// What each column of the public inventory means: OMB's 2025 data dictionary, in OMB's order, with
// what the public version does to the column. The data dictionary page and the case pages' labels
// read it. Pure.
import {
	type OmbColumn,
	ombColumns,
	publicBlankedColumns,
} from '#app/modules/omb-exchange/omb-export.ts'
import { ombMultipleChoiceColumns, type OmbChoice } from '#app/modules/use-cases/vocabulary.ts'

export type DictionaryEntry = {
	column: OmbColumn
	/** The question or heading of OMB's template, shortened where OMB's runs long. */
	label: string
	type:
		| 'Text'
		| 'Identifier'
		| 'Date (YYYY-MM-DD)'
		| 'Web address'
		| 'One choice'
		| 'Several choices'
		| 'Yes or No'
	description: string
	/** What the public version does to it, when it differs from OMB's file. */
	publicNote?: string
	/** The valid selections, for the multiple-choice columns. */
	choices?: Array<{ selection: string; code: string }>
}

const described: Record<OmbColumn, Omit<DictionaryEntry, 'column' | 'choices'>> = {
	agency: {
		label: 'Agency',
		type: 'Text',
		description:
			'The abbreviated name of the reporting agency. CMS reports inside the Department of Health and Human Services (HHS).',
	},
	agency_name: {
		label: 'Agency name',
		type: 'Text',
		description: 'The full name of the reporting agency.',
	},
	id: {
		label: 'Use case ID',
		type: 'Identifier',
		description:
			'The unique identifier of the AI use case. A use case keeps the same ID from one year’s inventory to the next.',
	},
	use_case_name: {
		label: 'Use case name',
		type: 'Text',
		description: 'The title of the AI use case.',
	},
	agency_bureau: {
		label: 'Bureau/Component',
		type: 'Text',
		description:
			'The organization within the agency responsible for the AI use case, as a path such as HHS/CMS/OIT.',
	},
	contact_email: {
		label: 'Email address',
		type: 'Text',
		description: 'Where to send questions about the AI use case.',
		publicNote:
			'The public version gives CMS’s inbox for public inquiries instead of the e-mail address of the team responsible.',
	},
	is_withheld: {
		label: 'Should this AI use case be withheld from public reporting?',
		type: 'One choice',
		description: 'Whether the use case is withheld from public reporting, and why.',
		publicNote:
			'The public version lists only use cases whose answer is “No”; withheld use cases are left out entirely.',
	},
	development_stage: {
		label: 'Stage of development',
		type: 'One choice',
		description: 'The use case’s current stage of development.',
	},
	is_high_impact: {
		label: 'Is the AI use case high-impact?',
		type: 'One choice',
		description:
			'Whether the use case is high-impact as defined in Section 5 of the appendix to OMB Memorandum M-25-21. Blank while the determination has not been made.',
	},
	HI_justification: {
		label: 'Justification',
		type: 'Text',
		description: 'Why a use case presumed high-impact was determined not to be high-impact.',
	},
	topic_area: {
		label: 'Use case topic area',
		type: 'One choice',
		description: 'The topic area that most closely aligns with the use case.',
	},
	classification: {
		label: 'AI classification',
		type: 'One choice',
		description: 'The kind of AI technology that most closely aligns with the use case.',
	},
	problem_solved: {
		label: 'What problem is the AI intended to solve?',
		type: 'Text',
		description: 'The problem the AI is intended to solve.',
	},
	benefits: {
		label: 'Expected benefits and positive outcomes',
		type: 'Text',
		description:
			'The benefits expected for the agency’s mission or the public, such as cost savings, shorter waits or better access to benefits.',
	},
	system_outputs: {
		label: 'The AI system’s outputs',
		type: 'Text',
		description:
			'What the AI system produces: a prediction, a recommendation, a decision, a draft, and so on.',
	},
	operational_date: {
		label: 'Date operational, or the pilot’s start date',
		type: 'Date (YYYY-MM-DD)',
		description: 'When the use case became operational, or when its pilot started.',
	},
	contracting_usage: {
		label: 'Purchased from a vendor, developed under contract, or in-house?',
		type: 'One choice',
		description:
			'Whether the system was purchased, developed with contracting resources, in-house, or a combination.',
	},
	vendor_name: {
		label: 'Vendor(s) name',
		type: 'Text',
		description:
			'The vendors involved in developing or maintaining the use case, separated by semicolons.',
	},
	have_ato: {
		label: 'Does this AI use case have an associated Authorization to Operate (ATO)?',
		type: 'Yes or No',
		description:
			'Whether the use case has, or is part of a system that has, an Authorization to Operate.',
	},
	system_name_ato: {
		label: 'System(s) name',
		type: 'Text',
		description:
			'The name of the information system(s) under whose Authorization to Operate the use case runs.',
		publicNote:
			'Left blank in the public version: naming the authorized system could help an attack on it.',
	},
	data_description: {
		label: 'Data used to train, fine-tune or evaluate the model(s)',
		type: 'Text',
		description:
			'A general description of the data used to design, develop, train, test and operate the AI.',
	},
	link_to_data: {
		label: 'Link to the data on the Federal Data Catalog',
		type: 'Web address',
		description:
			'When the data must be published as an open government data asset, its entry on the Federal Data Catalog.',
	},
	has_pii: {
		label: 'Does it involve personally identifiable information (PII) maintained by the agency?',
		type: 'Yes or No',
		description:
			'Whether the use case involves personally identifiable information as defined in OMB Circular A-130.',
	},
	pia_url: {
		label: 'Link to the Privacy Impact Assessment (PIA)',
		type: 'Web address',
		description:
			'The publicly available Privacy Impact Assessment of the use case, or of the system it is part of.',
	},
	demographic_features: {
		label: 'Demographic variables used as model features',
		type: 'Several choices',
		description: 'The demographic features the use case’s data or models explicitly use.',
	},
	has_custom_code: {
		label: 'Does the project include custom-developed code?',
		type: 'Yes or No',
		description:
			'Whether the project includes custom-developed code as defined in OMB Memorandum M-25-21.',
	},
	code_url: {
		label: 'Link to the open-source code',
		type: 'Web address',
		description: 'Where the use case’s source code is published, when it is open source.',
	},
	hi_testing_conducted: {
		label: 'Has pre-deployment testing been conducted?',
		type: 'One choice',
		description:
			'High-impact use cases: whether pre-deployment testing was conducted (M-25-21 appendix §4(b)(i)).',
	},
	hi_assessment_completed: {
		label: 'Has an AI impact assessment been completed?',
		type: 'One choice',
		description:
			'High-impact use cases: whether an AI impact assessment was completed (M-25-21 appendix §4(b)(ii)).',
	},
	hi_potential_impacts: {
		label: 'Potential impacts, and how they were identified',
		type: 'Text',
		description:
			'High-impact use cases: the reasonably foreseeable impacts, including on privacy, civil rights and civil liberties.',
	},
	hi_independent_review: {
		label: 'Has an independent review been conducted?',
		type: 'One choice',
		description:
			'High-impact use cases: whether someone not involved in developing the AI reviewed it.',
	},
	hi_ongoing_monitoring: {
		label: 'Is there a process for ongoing monitoring?',
		type: 'One choice',
		description:
			'High-impact use cases: whether performance, security and adverse impacts are monitored (M-25-21 appendix §4(b)(iii)).',
	},
	hi_training_established: {
		label: 'Has training been established for the AI’s operators?',
		type: 'One choice',
		description:
			'High-impact use cases: whether operators are trained to interpret and act on the output (M-25-21 appendix §4(b)(iv)).',
	},
	hi_failsafe_presence: {
		label: 'Is there an appropriate fail-safe?',
		type: 'One choice',
		description:
			'High-impact use cases: whether a fail-safe minimizes the risk of significant harm (M-25-21 appendix §4(b)(v)).',
	},
	hi_appeal_process: {
		label: 'Is there an established appeal process?',
		type: 'One choice',
		description:
			'High-impact use cases: whether an affected person can appeal or contest the outcome (M-25-21 appendix §4(b)(vi)).',
	},
	hi_public_consultation: {
		label: 'Steps taken to consult end users and the public',
		type: 'Several choices',
		description:
			'High-impact use cases: how feedback from end users and the public was sought and used (M-25-21 appendix §4(b)(vii)).',
	},
}

const blanked = new Set<OmbColumn>(publicBlankedColumns)

/** Every column of the public file, in OMB's order, with its meaning and valid selections. */
export const publicDictionary: Array<DictionaryEntry> = ombColumns.map((column) => {
	const choices = (
		ombMultipleChoiceColumns as Partial<Record<OmbColumn, Record<string, OmbChoice>>>
	)[column]
	const entry: DictionaryEntry = { column, ...described[column] }
	if (choices)
		entry.choices = Object.values(choices).map(({ selection, code }) => ({ selection, code }))
	if (blanked.has(column) && !entry.publicNote)
		entry.publicNote = 'Left blank in the public version.'
	return entry
})
