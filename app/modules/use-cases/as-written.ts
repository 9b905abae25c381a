// Answers an imported file gave in words the tracker could not read as its own values stay "as
// written" beside the case's answers, and the OMB file carries them as written. Once someone answers
// the question in the tracker, the written text has been replaced and is dropped.
import { type KeptAsWrittenColumn, type UseCaseDocument } from './use-case-document.ts'

const answerOf: Record<KeptAsWrittenColumn, (document: UseCaseDocument) => unknown> = {
	contact_email: (d) => d.contactEmail,
	is_withheld: (d) => d.isWithheld,
	development_stage: (d) => d.stage,
	is_high_impact: (d) => d.highImpact.determination,
	topic_area: (d) => d.topicArea,
	classification: (d) => d.classification,
	operational_date: (d) => d.operationalDate,
	contracting_usage: (d) => d.contractingUsage,
	vendor_name: (d) => d.vendorNames,
	have_ato: (d) => d.hasAto,
	link_to_data: (d) => d.linkToData,
	has_pii: (d) => d.hasPii,
	pia_url: (d) => d.piaUrl,
	demographic_features: (d) => d.demographicFeatures,
	has_custom_code: (d) => d.hasCustomCode,
	code_url: (d) => d.codeUrl,
	hi_testing_conducted: (d) => d.practices.testing,
	hi_assessment_completed: (d) => d.practices.impactAssessment,
	hi_independent_review: (d) => d.practices.independentReview,
	hi_ongoing_monitoring: (d) => d.practices.monitoring,
	hi_training_established: (d) => d.practices.training,
	hi_failsafe_presence: (d) => d.practices.failsafe,
	hi_appeal_process: (d) => d.practices.appeal,
	hi_public_consultation: (d) => d.practices.publicConsultation,
}

/** The kept-as-written answers that still stand after an edit: those whose question the edit left as it was. */
export function asWrittenAfterEdit(
	before: UseCaseDocument,
	after: UseCaseDocument,
): UseCaseDocument['asWritten'] {
	const kept = Object.entries(before.asWritten ?? {}).filter(
		([column]) =>
			JSON.stringify(answerOf[column as KeptAsWrittenColumn](before)) ===
			JSON.stringify(answerOf[column as KeptAsWrittenColumn](after)),
	)
	return kept.length ? Object.fromEntries(kept) : undefined
}
