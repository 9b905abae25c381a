// M-25-21 §3(b)(v) inventory completeness and EO 14179 §2 mission benefit.
import { consolidationBlocker } from '#app/modules/omb-exchange/omb-export.ts'
import {
	type FieldPath,
	fieldLabel,
	fieldRules,
	validateForInventory,
	validateForSubmission,
} from '#app/modules/use-cases/field-rules.ts'
import { cotsCommonTaskLabels } from '#app/modules/use-cases/vocabulary.ts'
import { type PolicyCheck } from './check-types.ts'
import { hasText, listPhrase, readsFrom, stagePhrase } from './case-facts.ts'
import { presumedHighImpactCategories } from './high-impact.ts'

const LISTED_FIELDS = 8

/**
 * M2521-3B-V-C1: the case can go into OMB's inventory as it stands. From pack 2026.4 it asks the
 * columns OMB's data dictionary requires for the stage and answers that contradict each other; the
 * tracker's own questions (hosting, a dataset's minimum-necessary reason) are the submission's and
 * other checks' business, not OMB's. The columns the governance lead answers (`is_high_impact`,
 * required at every stage, and `HI_justification`) are named while missing but are not the case
 * team's gap: the lead records them in review, and the export refuses a row without them. Earlier
 * packs read the submission's requirements.
 */
export const inventoryCompleteness: PolicyCheck = (doc, ctx) => {
	const omb = readsFrom(ctx, '2026.4')
	const { ok, fieldErrors } = omb ? validateForInventory(doc) : validateForSubmission(doc)
	const stage = stagePhrase(doc)
	const forStage = doc.stage ? ' for this stage' : ''
	// The questions by their names on the form.
	const named = (paths: ReadonlyArray<string>) => listPhrase(paths.map((path) => fieldLabel(path)))
	const leads = omb
		? Object.keys(fieldErrors).filter(
				(path) => fieldRules[path as FieldPath]?.answeredBy === 'GOVERNANCE_LEAD',
			)
		: []
	const missing = Object.keys(fieldErrors).filter((path) => !leads.includes(path))
	const leadNote =
		leads.length > 0
			? ` The governance lead's ${listPhrase(leads.map((path) => fieldLabel(path).toLowerCase()))}, which OMB also requires, ${leads.length === 1 ? 'is' : 'are'} still to be recorded.`
			: ''
	if (ok || missing.length === 0) {
		return {
			status: 'PASS',
			reason: omb
				? `${stage}. Every column OMB's inventory requires of the case team${forStage} is answered, and no answers contradict each other.${leadNote}`
				: `${stage}. Every inventory field OMB requires${forStage} is answered.`,
			drivingFields: ['stage', ...leads],
			nextStep: leads.length > 0 ? (fieldErrors[leads[0]!] ?? [])[0]! : null,
			...(leads.length > 0 ? { nextQuestion: leads[0]! } : {}),
		}
	}
	const shown = missing.slice(0, LISTED_FIELDS)
	const more = missing.length > LISTED_FIELDS ? ` and ${missing.length - LISTED_FIELDS} more` : ''
	return {
		status: 'NEEDS_ATTENTION',
		reason: omb
			? `${stage}. ${missing.length} answer${missing.length === 1 ? '' : 's'} OMB's inventory requires${forStage} ${missing.length === 1 ? 'is' : 'are'} missing or inconsistent: ${named(shown)}${more}.${leadNote}`
			: `${stage}. ${missing.length} required inventory answer${missing.length === 1 ? ' is' : 's are'} missing or inconsistent${forStage}: ${named(shown)}${more}.`,
		drivingFields: ['stage', ...missing, ...leads],
		// The first missing answer's own message, so the step and its link name the same question.
		nextStep: (fieldErrors[missing[0]!] ?? [])[0] ?? 'Answer the required inventory fields.',
		nextQuestion: missing[0]!,
	}
}

const MIN_BENEFIT_LENGTH = 30

export const missionBenefit: PolicyCheck = (doc) => {
	const fields = ['benefits', 'problemSolved']
	if (doc.stage === 'RETIRED') {
		return {
			status: 'NOT_APPLICABLE',
			reason: `${stagePhrase(doc)}.`,
			drivingFields: ['stage'],
			nextStep: null,
		}
	}
	if (!hasText(doc.benefits)) {
		return {
			status: 'NEEDS_ATTENTION',
			reason: `The expected benefits are not stated${hasText(doc.problemSolved) ? '' : ', nor the problem it solves'}, so its contribution to the EO 14179 §2 policy cannot be shown.`,
			drivingFields: fields,
			nextStep:
				'State the mission benefit: time or money saved, shorter waits, better access or accuracy, with a measure where possible.',
			nextQuestion: 'benefits',
		}
	}
	if (doc.benefits.trim().length < MIN_BENEFIT_LENGTH) {
		return {
			status: 'NEEDS_ATTENTION',
			reason: `The stated benefit ('${doc.benefits.trim()}') is too brief to show what the mission gains.`,
			drivingFields: fields,
			nextStep:
				'Describe concretely what improves for CMS or the public, with a measure where possible.',
			nextQuestion: 'benefits',
		}
	}
	return {
		status: 'PASS',
		reason: `The expected mission benefit is stated${hasText(doc.problemSolved) ? ' together with the problem it solves' : ''}.`,
		drivingFields: fields,
		nextStep: hasText(doc.problemSolved)
			? null
			: 'Also describe the problem it solves (inventory field problem_solved).',
		nextQuestion: 'problemSolved',
	}
}

/**
 * INV-COTS-C1 (OMB 2025 guidance §1(a)(i)): one of the 20 common tasks done with a purchased commercial
 * product may be reported in OMB's consolidated file; a high-impact case never is.
 */
export const consolidatedCotsReporting: PolicyCheck = (doc, ctx) => {
	const fields = ['cotsTask', 'contractingUsage', 'highImpact.determination']
	if (doc.cotsTask === undefined) {
		return {
			status: 'NOT_APPLICABLE',
			reason: 'It names none of OMB’s 20 common commercial tasks.',
			drivingFields: ['cotsTask'],
			nextStep: null,
		}
	}
	const task = cotsCommonTaskLabels[doc.cotsTask]
	const blocker = consolidationBlocker(doc, presumedHighImpactCategories(doc, ctx).length > 0)
	if (blocker === null) {
		return {
			status: 'PASS',
			reason: `It is common task ${task} on a purchased commercial product and not high-impact, so it may be reported in OMB’s consolidated form.`,
			drivingFields: fields,
			nextStep: null,
		}
	}
	return {
		status: 'NEEDS_ATTENTION',
		reason: `It names common task ${task}, but it cannot be reported in consolidated form: ${blocker.charAt(0).toLowerCase()}${blocker.slice(1)}`,
		drivingFields: [...fields, 'decisionRole', 'informedDecisions'],
		nextStep:
			'Report it individually with every field OMB requires for its stage (or correct the answers that rule out consolidation).',
	}
}
