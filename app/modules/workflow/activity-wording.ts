// Audit events in the words of the activity page: what happened, and the facts that matter.
import { type AuditAction } from '#app/modules/audit/audit-actions.ts'
import { fieldAnswerText, fieldLabel } from '#app/modules/use-cases/field-rules.ts'
import { type MinimumPractice, minimumPractices } from '#app/modules/use-cases/vocabulary.ts'
import { type ReviewLaneName, reviewLaneLabels } from '#app/utils/permissions.ts'

type Facts = Record<string, unknown> | null

const laneName = (lane: unknown) =>
	typeof lane === 'string' && lane in reviewLaneLabels
		? reviewLaneLabels[lane as ReviewLaneName]
		: 'a'
const words = (value: unknown) =>
	typeof value === 'string' ? value.toLowerCase().replace(/_/g, ' ') : ''
const text = (value: unknown) => (typeof value === 'string' ? value : '')
const practiceName = (value: unknown) =>
	typeof value === 'string' && value in minimumPractices
		? minimumPractices[value as MinimumPractice].label.toLowerCase()
		: words(value)
const determination = (value: unknown) =>
	fieldAnswerText('highImpact.determination', value).toLowerCase() || words(value)

type Summary = (before: Facts, after: Facts) => string

// Checked against the recorded actions, so a renamed action cannot silently lose its wording.
const summaries = {
	'use_case.created': () => 'Created the draft',
	'use_case.updated': (_b, a) => `Saved version ${text(String(a?.version ?? ''))}`,
	'use_case.submitted': () => 'Submitted it for review',
	'use_case.resubmitted': () => 'Amended the submission',
	'use_case.changes_answered': () => 'Answered the requested changes and resubmitted',
	'use_case.reopened': () => 'Changed it materially after approval: review re-opened',
	'use_case.withdrawn': () => 'Withdrew it',
	'use_case.deleted': () => 'Deleted the empty draft',
	'use_case.imported': () => 'Imported it from an inventory file',
	'use_case.high_impact_determined': (_b, a) =>
		`Recorded the high-impact determination: ${determination(a?.determination)}`,
	'review.lane_assigned': (_b, a) =>
		`Assigned the ${laneName(a?.lane)} lane to ${text(a?.assignee)}`,
	'review.lane_claimed': (_b, a) => `Claimed the ${laneName(a?.lane)} lane`,
	'review.lane_decided': (_b, a) => `Decided the ${laneName(a?.lane)} lane: ${words(a?.status)}`,
	'review.lane_reopened': (_b, a) =>
		`Re-opened the ${laneName(a?.lane)} lane: its reviewer is now listed on the use case`,
	'use_case.changes_requested': () => 'Sent it back for changes',
	'use_case.decided': (_b, a) => `Decided: ${words(a?.status)}`,
	'use_case.re_review_started': () => 'Started a periodic re-review',
	'use_case.retired': () => 'Retired it',
	'condition.met': () => 'Marked a condition met',
	'comment.added': (_b, a) => (a?.parentId ? 'Replied in the discussion' : 'Commented'),
	'waiver.granted': (_b, a) => `Granted a CAIO waiver of ${practiceName(a?.practice)}`,
	'waiver.reported_to_omb': () => 'Recorded the waiver’s report to OMB',
	'waiver.recertified': () => 'Re-certified a waiver',
	'waiver.revoked': () => 'Revoked a waiver',
	'waiver.revocation_reported_to_omb': () => 'Recorded the revocation’s report to OMB',
	'pilot.certified': () => 'Certified the pilot (CAIO)',
	'pilot.certification_revoked': () => 'Revoked the pilot certification',
	'practice.evidence_recorded': (_b, a) => `Recorded evidence for ${practiceName(a?.practice)}`,
	'use_case.tag_added': (_b, a) =>
		`Tagged it${Array.isArray(a?.tags) ? ` (${a.tags.join(', ')})` : ''}`,
	'use_case.tag_removed': () => 'Removed a tag',
} satisfies Partial<Record<AuditAction, Summary>>
const summaryOf = (action: string): Summary | undefined =>
	(summaries as Partial<Record<string, Summary>>)[action]

function details(action: string, before: Facts, after: Facts) {
	if (!after) return ''
	switch (action) {
		case 'use_case.updated': {
			const changed = Array.isArray(after.changed) ? after.changed : []
			return changed.length
				? `Changed: ${changed.map((path) => fieldLabel(String(path))).join(', ')}`
				: 'No answer changed'
		}
		case 'review.lane_assigned':
			return `Due ${text(after.dueOn)}${before ? ' (reassigned)' : ''}`
		case 'review.lane_decided':
		case 'use_case.decided':
		case 'use_case.changes_requested':
			return `${text(after.note)}${after.decidedOnVersion ? ` (on version ${String(after.decidedOnVersion)})` : ''}`
		case 'comment.added':
			return text(after.body)
		case 'use_case.reopened':
			return Array.isArray(after.materialChanges)
				? `Material changes: ${after.materialChanges.map((path) => fieldLabel(String(path))).join(', ')}`
				: ''
		case 'use_case.retired':
		case 'use_case.re_review_started':
			return text(after.reason)
		case 'use_case.high_impact_determined':
			return text(after.rationale)
		case 'waiver.granted':
			return text(after.riskAssessment)
		default:
			return ''
	}
}

export function describeActivity(event: { action: string; before: unknown; after: unknown }) {
	const before = (event.before ?? null) as Facts
	const after = (event.after ?? null) as Facts
	const summary = summaryOf(event.action)?.(before, after) ?? event.action
	return { summary, details: details(event.action, before, after) }
}
