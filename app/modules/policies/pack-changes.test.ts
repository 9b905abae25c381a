import { expect, test } from 'vitest'
import { shippedPolicyPack } from './policy-pack.ts'
import { packChanges } from './pack-changes.ts'

test('a publication’s summary names each check and reference the draft changes, and nothing else', () => {
	const current = shippedPolicyPack()
	const [first, second] = current.checks
	const draft = {
		...current,
		checks: current.checks.map((check) =>
			check.id === first!.id ? { ...check, enabled: !check.enabled } : check.id === second!.id ? { ...check, severity: check.severity === 'BLOCKING' ? 'WARNING' : 'BLOCKING' } : check,
		),
		references: [...current.references.slice(1), { ...current.references[0]!, summary: `${current.references[0]!.summary} Edited.` }],
	} as typeof current
	const changes = packChanges(current, draft)
	expect(changes.map((change) => change.id)).toEqual([first!.id, second!.id, current.references[0]!.id])
	expect(changes[0]!.what).toMatch(/^turned (on|off)$/)
	expect(changes[1]!.what).toMatch(/^now /)
	expect(changes[2]!.what).toBe('text or dates edited')
	expect(packChanges(current, current)).toEqual([])
})
