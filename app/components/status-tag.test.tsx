import { renderToStaticMarkup } from 'react-dom/server'
import { expect, test } from 'vitest'
import { findingCount } from './policy-findings.tsx'
import { StatusTag } from './status-tag.tsx'

test('each status reads as its words in a USWDS tag colour: blue while moving, gold when waiting on the submitter, green approved, red rejected', () => {
	const tag = (status: Parameters<typeof StatusTag>[0]['status']) =>
		renderToStaticMarkup(<StatusTag status={status} />)
	expect(tag('SUBMITTED')).toMatch(/bg-primary-lighter[^"]*">Submitted</)
	expect(tag('IN_REVIEW')).toMatch(/bg-primary-lighter[^"]*">In review</)
	expect(tag('CHANGES_REQUESTED')).toMatch(/bg-warning-lighter[^"]*">Changes requested</)
	expect(tag('APPROVED')).toMatch(/bg-success-lighter[^"]*">Approved</)
	expect(tag('APPROVED_WITH_CONDITIONS')).toMatch(
		/bg-success-lighter[^"]*">Approved with conditions</,
	)
	expect(tag('REJECTED')).toMatch(/bg-error-lighter[^"]*">Rejected</)
	expect(tag('DRAFT')).toMatch(/bg-base-lighter[^"]*">Draft</)
})

test('finding counts agree with their number: 1 check failing, 2 checks failing', () => {
	expect(findingCount('FAIL', 1)).toBe('1 check failing')
	expect(findingCount('FAIL', 2)).toBe('2 checks failing')
	expect(findingCount('NEEDS_ATTENTION', 1)).toBe('1 check needs attention')
	expect(findingCount('NEEDS_ATTENTION', 3)).toBe('3 checks need attention')
})
