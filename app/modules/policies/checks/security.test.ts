import { expect, test } from 'vitest'
import { baseCase } from '#tests/fixtures/cms-example-cases.ts'
import { authorizationToOperate, fedrampAuthorization } from './security.ts'

const ctx = { asOf: new Date('2026-05-01T00:00:00Z') }

test('a deployed or pilot case needs an ATO naming its system', () => {
	expect(authorizationToOperate(baseCase(), ctx)).toMatchObject({ status: 'PASS' })
	const none = authorizationToOperate(
		baseCase({ stage: 'PILOT', hasAto: false, atoSystemName: undefined }),
		ctx,
	)
	expect(none.status).toBe('FAIL')
	expect(none.reason).toContain('Stage: Pilot; Authorization to Operate: No.')
	expect(authorizationToOperate(baseCase({ atoSystemName: undefined }), ctx).status).toBe(
		'NEEDS_ATTENTION',
	)
	expect(
		authorizationToOperate(baseCase({ hasAto: undefined, atoSystemName: undefined }), ctx).status,
	).toBe('NEEDS_ATTENTION')
})

test('no ATO is demanded before a pilot', () => {
	expect(
		authorizationToOperate(baseCase({ stage: 'PRE_DEPLOYMENT', hasAto: false }), ctx).status,
	).toBe('NOT_APPLICABLE')
})

test('a vendor API must be FedRAMP authorized; a CMS data centre is out of scope', () => {
	expect(fedrampAuthorization(baseCase(), ctx).status).toBe('NOT_APPLICABLE')
	expect(
		fedrampAuthorization(
			baseCase({ hosting: 'VENDOR_API', safeguards: { fedrampAuthorized: false } }),
			ctx,
		).status,
	).toBe('FAIL')
	expect(fedrampAuthorization(baseCase({ hosting: 'VENDOR_API' }), ctx).status).toBe(
		'NEEDS_ATTENTION',
	)
	expect(
		fedrampAuthorization(
			baseCase({ hosting: 'VENDOR_API', safeguards: { fedrampAuthorized: true } }),
			ctx,
		).status,
	).toBe('PASS')
	expect(fedrampAuthorization(baseCase({ hosting: 'FEDRAMP_CLOUD' }), ctx).status).toBe('PASS')
	expect(fedrampAuthorization(baseCase({ hosting: undefined }), ctx).status).toBe('NEEDS_ATTENTION')
})

test('before deployment an unauthorized cloud service needs attention, not failure', () => {
	expect(
		fedrampAuthorization(
			baseCase({
				stage: 'PRE_DEPLOYMENT',
				hosting: 'VENDOR_API',
				safeguards: { fedrampAuthorized: false },
			}),
			ctx,
		).status,
	).toBe('NEEDS_ATTENTION')
})
