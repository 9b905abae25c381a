// What publishing a draft pack changes, in words, for the confirmation before it is published.
import { type PolicyPack } from './policy-pack.ts'

export type PackChange = { kind: 'check' | 'reference'; id: string; title: string; what: string }

const enabledWords = (enabled: boolean) => (enabled ? 'turned on' : 'turned off')
const severityWords = (severity: string) => severity.toLowerCase().replace(/_/g, ' ')

/** Each check and reference the draft changes from the pack in force. */
export function packChanges(current: Pick<PolicyPack, 'checks' | 'references'>, draft: Pick<PolicyPack, 'checks' | 'references'>): Array<PackChange> {
	const changes: Array<PackChange> = []
	const currentChecks = new Map(current.checks.map((check) => [check.id, check]))
	for (const check of draft.checks) {
		const before = currentChecks.get(check.id)
		const what: Array<string> = []
		if (!before) what.push('added')
		else {
			if (before.enabled !== check.enabled) what.push(enabledWords(check.enabled))
			if (before.severity !== check.severity) what.push(`now ${severityWords(check.severity)} (was ${severityWords(before.severity)})`)
			if (before.lane !== check.lane) what.push(`moved to the ${check.lane.toLowerCase().replace(/_/g, ' ')} lane`)
		}
		if (what.length) changes.push({ kind: 'check', id: check.id, title: check.title, what: what.join(', ') })
	}
	const currentReferences = new Map(current.references.map((reference) => [reference.id, reference]))
	for (const reference of draft.references) {
		const before = currentReferences.get(reference.id)
		if (!before) changes.push({ kind: 'reference', id: reference.id, title: reference.title, what: 'added' })
		else if (before.status !== reference.status) changes.push({ kind: 'reference', id: reference.id, title: reference.title, what: reference.status === 'SUPERSEDED' ? `superseded by ${reference.supersededBy ?? 'another reference'}` : reference.status.toLowerCase() })
		else if (JSON.stringify(before) !== JSON.stringify(reference)) changes.push({ kind: 'reference', id: reference.id, title: reference.title, what: 'text or dates edited' })
	}
	return changes
}
