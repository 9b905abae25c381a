// One reading of each minimum practice, shared by the findings, the practices page, the decision
// page and the OMB export: evidence recorded documents a practice, and a current CAIO waiver covers
// it, in all four.
import { expect, test } from 'vitest'
import { deployedEligibilityModel } from '#tests/fixtures/cms-example-cases.ts'
import { decisionImpact, evaluateUseCase as evaluate } from '#app/modules/policies/evaluate.ts'
import { shippedPolicyPack as loadShippedPack } from '#app/modules/policies/policy-pack.ts'
import { practiceCheckId } from '#app/modules/policies/checks/minimum-practices.ts'
import { cmsAgency, toOmbRow } from '#app/modules/omb-exchange/omb-export.ts'
import { trackPractices } from './practice-tracker.ts'

const afterDeadline = new Date('2026-06-01T12:00:00Z')
/** No release: the newest pack's reading. */
const newest = {}
const statusOf = (tracked: ReturnType<typeof trackPractices>, practice: string) =>
	tracked.practices.find((p) => p.practice === practice)?.status

test('evidence recorded for a practice documents it: the practices page, the checks and the OMB export agree', () => {
	// The fixture's appeal process is not answered and its monitoring is in progress.
	const withoutEvidence = deployedEligibilityModel()
	expect(statusOf(trackPractices(withoutEvidence, {}, afterDeadline, newest), 'APPEAL')).toBe(
		'MISSING',
	)
	const withEvidence = deployedEligibilityModel({
		practiceEvidence: [
			{
				practice: 'APPEAL',
				evidenceUrl: 'https://cms.example/appeals',
				documentedOn: '2026-02-10',
			},
		],
	})

	const tracked = trackPractices(withEvidence, {}, afterDeadline, newest)
	expect(statusOf(tracked, 'APPEAL')).toBe('YES')
	expect(tracked.practices.find((p) => p.practice === 'APPEAL')?.late).toBe(false)

	const pack = loadShippedPack()
	const appealCheck = (doc: typeof withEvidence) =>
		evaluate(doc, { pack, asOf: afterDeadline }).results.find(
			(r) => r.checkId === practiceCheckId('APPEAL'),
		)
	expect(appealCheck(withoutEvidence)?.status).toBe('FAIL')
	expect(appealCheck(withEvidence)?.status).toBe('PASS')
	expect(appealCheck(withEvidence)?.reason).toContain('evidence recorded, documented on 2026-02-10')

	expect(toOmbRow(withoutEvidence, { ...cmsAgency, asOf: afterDeadline }).hi_appeal_process).toBe(
		'',
	)
	expect(toOmbRow(withEvidence, { ...cmsAgency, asOf: afterDeadline }).hi_appeal_process).toBe(
		'a) Yes, an appropriate appeal process has been established',
	)
})

test('evidence does not overrule an answer that says otherwise, and a date without a link documents nothing', () => {
	const pack = loadShippedPack()
	const monitoringCheck = (doc: ReturnType<typeof deployedEligibilityModel>) =>
		evaluate(doc, { pack, asOf: afterDeadline }).results.find(
			(r) => r.checkId === practiceCheckId('MONITORING'),
		)
	// The fixture's monitoring is answered 'in progress'.
	const contradicted = deployedEligibilityModel({
		practiceEvidence: [
			{ practice: 'MONITORING', evidenceUrl: 'https://cms.example/monitoring-draft' },
		],
	})
	const tracked = trackPractices(contradicted, {}, afterDeadline, newest)
	expect(statusOf(tracked, 'MONITORING')).toBe('IN_PROGRESS')
	expect(tracked.practices.find((p) => p.practice === 'MONITORING')?.answer).toContain(
		'evidence is recorded but the answers say otherwise',
	)
	expect(monitoringCheck(contradicted)?.status).toBe('FAIL')
	expect(
		toOmbRow(contradicted, { ...cmsAgency, asOf: afterDeadline }).hi_ongoing_monitoring,
	).toMatch(/^b\) Development of monitoring protocol/)

	const dateOnly = deployedEligibilityModel({
		practiceEvidence: [{ practice: 'APPEAL', documentedOn: '2026-02-10' }],
	})
	expect(statusOf(trackPractices(dateOnly, {}, afterDeadline, newest), 'APPEAL')).toBe('MISSING')
	expect(toOmbRow(dateOnly, { ...cmsAgency, asOf: afterDeadline }).hi_appeal_process).toBe('')
})

test('a current CAIO waiver reaches the hi_* column as "waived"; a lapsed one does not', () => {
	const waived = deployedEligibilityModel({
		waivers: [{ practice: 'APPEAL', grantedOn: '2026-02-01', reportedToOmbOn: '2026-02-20' }],
	})
	expect(toOmbRow(waived, { ...cmsAgency, asOf: afterDeadline }).hi_appeal_process).toMatch(
		/^e\) .*waived/i,
	)
	expect(
		toOmbRow(waived, { ...cmsAgency, asOf: afterDeadline, values: 'codes' }).hi_appeal_process,
	).toBe('CAIO Waived')
	const lapsed = deployedEligibilityModel({
		waivers: [{ practice: 'APPEAL', grantedOn: '2025-01-10' }],
	})
	expect(toOmbRow(lapsed, { ...cmsAgency, asOf: afterDeadline }).hi_appeal_process).toBe('')
	// Monitoring is answered 'in progress' and nothing covers it: reported as answered.
	expect(toOmbRow(waived, { ...cmsAgency, asOf: afterDeadline }).hi_ongoing_monitoring).toMatch(
		/^b\) Development of monitoring protocol/,
	)
})

test('a high-impact case in development past the deadline with undocumented practices: the findings and the decision page both warn; deployed, they block', () => {
	const pack = loadShippedPack()
	const inDevelopment = deployedEligibilityModel({
		stage: 'PRE_DEPLOYMENT',
		operationalDate: undefined,
	})
	const developing = evaluate(inDevelopment, { pack, asOf: afterDeadline })
	const appeal = developing.results.find((r) => r.checkId === practiceCheckId('APPEAL'))!
	expect(appeal.status).toBe('NEEDS_ATTENTION')
	expect(decisionImpact(appeal)).toBe('warns')
	expect(developing.blocked).toBe(false)

	const deployed = evaluate(deployedEligibilityModel(), { pack, asOf: afterDeadline })
	const failing = deployed.results.find((r) => r.checkId === practiceCheckId('APPEAL'))!
	expect(decisionImpact(failing)).toBe('blocks')
	expect(deployed.blocked).toBe(true)
	expect(
		deployed.results.filter((r) => decisionImpact(r) === 'blocks').map((r) => r.checkId),
	).toContain('M2521-4A-I-C3')
})
