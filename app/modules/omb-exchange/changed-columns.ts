// The use-case document's fields by the OMB column (or plain name) a governance lead knows them by.
// Its own module: the import page's rows name them in the browser, where the file parser must not go.
import { type UseCaseDocument } from '#app/modules/use-cases/use-case-document.ts'

const changedFieldColumns: Partial<Record<keyof UseCaseDocument, string>> = {
	name: 'use_case_name',
	orgUnit: 'agency_bureau',
	contactEmail: 'contact_email',
	isWithheld: 'is_withheld',
	stage: 'development_stage',
	highImpact: 'is_high_impact / HI_justification',
	topicArea: 'topic_area',
	classification: 'classification',
	problemSolved: 'problem_solved',
	benefits: 'benefits',
	systemOutputs: 'system_outputs',
	operationalDate: 'operational_date',
	contractingUsage: 'contracting_usage',
	vendorNames: 'vendor_name',
	hasAto: 'have_ato',
	atoSystemName: 'system_name_ato',
	dataDescription: 'data_description',
	linkToData: 'link_to_data',
	hasPii: 'has_pii',
	piaUrl: 'pia_url',
	demographicFeatures: 'demographic_features',
	hasCustomCode: 'has_custom_code',
	codeUrl: 'code_url',
	practices: 'minimum practices (hi_*)',
	previousOmbId: 'id',
	formerOmbIds: 'earlier ids',
	asWritten: 'answers kept as written',
}

/** The fields a row changes, as the columns the governance lead knows them by. */
export function changedColumns(changed: ReadonlyArray<string>) {
	return changed
		.map((field) => changedFieldColumns[field as keyof UseCaseDocument] ?? field)
		.join(', ')
}
