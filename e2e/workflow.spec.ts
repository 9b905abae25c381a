import { type Page } from '@playwright/test'
import {
	demoAccount,
	expect,
	expectNoAccessibilityViolations,
	signIn,
	test,
} from './support/fixtures.ts'
import { mailTo } from './support/mailbox.ts'
import {
	linkDataset,
	openCaseTab,
	openSection,
	registerDraft,
	signedInAs,
	submitForReview,
} from './support/use-case-steps.ts'

/** A pre-deployment case on Part B claims in a FedRAMP cloud: its findings need the privacy and security lanes. */
async function submitClaimsCase(page: Page, name: string) {
	const caseUrl = await registerDraft(
		page,
		name,
		'Reviewers cannot read every unusual Part B claim before payment.',
	)
	await page.getByLabel('Stage of development').selectOption('PRE_DEPLOYMENT')
	await page.getByLabel('Topic area').selectOption('HEALTH_MEDICAL')
	await page.getByLabel('AI classification (closest)').selectOption('CLASSICAL_ML')
	await page
		.getByRole('group', { name: /fixed rules or robotic process automation/ })
		.getByLabel('No')
		.check()
	await page
		.getByLabel('Expected benefits for the mission or the public')
		.fill('Reviewers look first at the claims most likely to be billed in error.')
	await page
		.getByLabel('What does the AI output?')
		.fill('A ranked list of claims for a medical reviewer to look at.')
	await openSection(page, 'Decisions and people affected')
	await page.getByLabel('What role does the AI play in decisions?').selectOption('ASSISTIVE')
	await page
		.getByRole('group', { name: 'Which decisions does it inform?' })
		.getByLabel('None of these')
		.check()
	await page
		.getByRole('group', { name: 'Whose outcomes does it affect?' })
		.getByLabel('Providers and suppliers')
		.check()
	await page
		.getByRole('group', { name: /public interact with it directly/ })
		.getByLabel('No')
		.check()
	await openSection(page, 'Technology and sourcing')
	await page
		.getByRole('group', { name: /generative AI or a large language model/ })
		.getByLabel('No')
		.check()
	await page.getByLabel('Where does it run?').selectOption('FEDRAMP_CLOUD')
	await page.getByLabel('Was it purchased, developed in-house, or both?').selectOption('IN_HOUSE')
	await linkDataset(page, /Part B carrier and DMEPOS/)
	const partB = page.getByRole('group', { name: /Part B carrier and DMEPOS/ })
	await partB.getByLabel('Training or fine-tuning').check()
	await partB.getByLabel('Operation (inputs at run time)').check()
	await partB
		.getByLabel(/Why is this data needed/)
		.fill('Claim lines, codes and amounts; beneficiary identifiers are hashed.')
	await openSection(page, 'Safeguards')
	const safeguards = page.getByRole('region', { name: 'Safeguards' })
	await safeguards
		.getByRole('group', { name: /FedRAMP authorized/ })
		.getByLabel('No')
		.check()
	await safeguards
		.getByRole('group', { name: /substance-use-disorder records/ })
		.getByLabel('Yes')
		.check()
	// The cloud host holds claims from a system of records that need a DUA: it answers for both.
	await safeguards
		.getByRole('group', { name: /apply the Privacy Act/ })
		.getByLabel('Yes')
		.check()
	await safeguards
		.getByRole('group', { name: /data use agreement/ })
		.getByLabel('Yes')
		.check()
	await openSection(page, 'Public reporting')
	await page.getByLabel('Should it be withheld from the public inventory?').selectOption('NO')
	await submitForReview(page)
	await expect(page).toHaveURL(/\?submitted=1$/)
	return caseUrl
}

test('submit → the lead assigns privacy and security → changes requested and answered → both lanes approved → approved with a condition, every step on the activity page', async ({
	page,
	browser,
}) => {
	// Four people, about 200 steps and six axe scans: close to a minute on a busy two-core machine.
	test.setTimeout(150_000)
	await signIn(page, demoAccount('SUBMITTER'))
	const caseUrl = await submitClaimsCase(page, 'Part B claims outlier review assistant')
	await openCaseTab(page, 'Review')
	const review = page.getByRole('region', { name: /^Review/ })
	await expect(review.getByRole('row', { name: /Privacy/ })).toContainText('Unassigned')
	await expect(review.getByRole('row', { name: /Security/ })).toContainText('Unassigned')
	await expect(review.getByRole('row')).toHaveCount(3)

	// The governance lead assigns both lanes to the privacy and security reviewer.
	const lead = await signedInAs(browser, 'GOVERNANCE_LEAD')
	await lead
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Governance desk' })
		.click()
	await expect(lead.getByRole('region', { name: /Lanes to assign/ })).toContainText(
		'Part B claims outlier review assistant',
	)
	await lead.goto(caseUrl)
	await openCaseTab(lead, 'Review')
	await lead.getByRole('link', { name: 'Assign reviewers' }).click()
	await expectNoAccessibilityViolations(lead)
	for (const lane of ['Privacy', 'Security']) {
		await lead
			.getByLabel(`Reviewer for ${lane}`)
			.selectOption({ label: 'Priya Raman (reviewer@cms.example)' })
		await lead
			.getByRole('form', { name: new RegExp(`Assign the ${lane}`) })
			.getByRole('button', { name: 'Assign' })
			.click()
		await expect(lead.getByRole('status')).toContainText(`${lane} lane assigned`)
	}

	// The reviewer finds both lanes in her queue and asks for changes on privacy.
	const reviewer = await signedInAs(browser, 'REVIEWER')
	await reviewer
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Review queue' })
		.click()
	const mine = reviewer
		.getByRole('region', { name: /Assigned to me/ })
		.getByRole('row', { name: /Part B claims outlier review assistant/ })
	await expect(mine).toHaveCount(2)
	await expectNoAccessibilityViolations(reviewer)
	await mine.getByRole('link', { name: /Review Privacy on CMS-/ }).click()
	await reviewer.getByRole('button', { name: 'Record decision' }).click()
	await expect(reviewer.getByText('Choose your decision on this lane.')).toBeVisible()
	// A question about one answer, asked from the lane page itself: the reviewer stays where she decides.
	const laneUrl = reviewer.url()
	const discussion = reviewer.getByRole('region', { name: 'Discussion' })
	await discussion.getByLabel('About (optional)').selectOption({ label: 'PIA link' })
	await discussion
		.getByLabel('Comment', { exact: true })
		.fill('Which PIA covers the Part B data this reads?')
	await discussion.getByRole('button', { name: 'Add comment' }).click()
	await expect(reviewer.getByRole('status')).toContainText('Your comment is posted')
	expect(reviewer.url().split('?')[0]).toBe(laneUrl.split('?')[0])
	await expect(discussion).toContainText('on “PIA link”')
	await expect(discussion).toContainText('Which PIA covers the Part B data this reads?')
	// The page comes back at the new comment, and so does the focus.
	await expect
		.poll(() =>
			reviewer.evaluate(() =>
				document.activeElement?.id.startsWith('comment-')
					? document.activeElement.textContent
					: null,
			),
		)
		.toContain('Which PIA covers the Part B data this reads?')
	await reviewer.getByLabel('Ask the submitters for changes').check()
	await reviewer
		.getByLabel('Note')
		.fill(
			'Say whether a PIA covers this use, and whether records are retrieved by a personal identifier.',
		)
	await expectNoAccessibilityViolations(reviewer)
	await reviewer.getByRole('button', { name: 'Record decision' }).click()
	await expect(reviewer.getByText('Changes requested', { exact: true }).first()).toBeVisible()

	// The submitter answers and resubmits; what was asked is in front of them on the case and in the form.
	await page.goto(caseUrl)
	const asked = page.getByRole('region', { name: 'What the reviewers asked you to change' })
	await expect(asked).toContainText(/Privacy.*Say whether a PIA covers this use/)
	await openCaseTab(page, 'Review')
	await expect(page.getByRole('region', { name: 'Discussion' })).toContainText(
		'Say whether a PIA covers this use',
	)
	await page.getByRole('link', { name: 'Edit' }).click()
	await expect(asked).toContainText('Say whether a PIA covers this use')
	await openSection(page, 'Safeguards')
	const safeguards = page.getByRole('region', { name: 'Safeguards' })
	await safeguards
		.getByRole('group', { name: /Privacy Impact Assessment completed/ })
		.getByLabel('Yes')
		.check()
	await safeguards
		.getByRole('group', { name: /retrieved by name or another personal identifier/ })
		.getByLabel('No')
		.check()
	await safeguards
		.getByRole('group', { name: /FedRAMP authorized/ })
		.getByLabel('Yes')
		.check()
	await submitForReview(page, 'Resubmit for review')
	await expect(
		page
			.getByRole('complementary', { name: 'At a glance' })
			.getByText('In review', { exact: true }),
	).toBeVisible()
	// The re-opened lane shows its earlier request as earlier, not as the lane's current word.
	await openCaseTab(page, 'Review')
	await expect(
		page.getByRole('region', { name: /^Review/ }).getByRole('row', { name: /Privacy/ }),
	).toContainText(
		/Open\s*Before the resubmission, .+ asked for changes on .+: “Say whether a PIA covers this use/,
	)

	// Both lanes approved.
	for (const lane of ['Privacy', 'Security']) {
		await reviewer.goto('/reviews')
		await reviewer
			.getByRole('row', { name: /Part B claims outlier review assistant/ })
			.getByRole('link', { name: new RegExp(`Review ${lane} on CMS-`) })
			.click()
		await reviewer.getByLabel('Approve this lane').check()
		await reviewer.getByLabel('Note').fill(`${lane} safeguards are in place.`)
		await reviewer.getByRole('button', { name: 'Record decision' }).click()
		await expect(
			reviewer
				.getByRole('region', { name: /^Review/ })
				.getByRole('row', { name: new RegExp(lane) }),
		).toContainText('Approved')
	}

	// The lead approves with a condition owned by the submitter.
	await lead.goto(caseUrl)
	await openCaseTab(lead, 'Review')
	await lead.getByRole('link', { name: 'Decide' }).click()
	await expect(lead.getByText('Every review lane of this round is decided.')).toBeVisible()
	await lead.getByLabel('Approve with conditions').check()
	await lead
		.getByLabel('Reasons')
		.fill('Safe to develop; the model card must be shared before any pilot.')
	await lead.getByLabel('Condition 1').fill('Share the model card with the privacy office.')
	await lead.getByLabel('Owner’s e-mail').first().fill(demoAccount('SUBMITTER').email)
	await lead.getByLabel('Due on').first().fill('2027-01-15')
	await expectNoAccessibilityViolations(lead)
	await lead.getByRole('button', { name: 'Record decision' }).click()
	await expect(lead.getByText('Approved with conditions', { exact: true }).first()).toBeVisible()
	await openCaseTab(lead, 'Review')
	await expect(lead.getByRole('region', { name: 'Decisions' })).toContainText(
		'Share the model card with the privacy office.',
	)

	// The activity page shows every step with who and when.
	await page.goto(caseUrl)
	await page.getByRole('link', { name: 'Activity' }).click()
	const activity = page.getByRole('table')
	for (const step of [
		/Submitted it for review/,
		/Assigned the Privacy lane to Priya Raman/,
		/Assigned the Security lane to Priya Raman/,
		/Decided the Privacy lane: changes requested/,
		/Answered the requested changes/,
		/Decided the Privacy lane: approved/,
		/Decided the Security lane: approved/,
		/Decided: approved with conditions/,
	]) {
		await expect(activity.getByRole('row', { name: step })).toBeVisible()
	}
	await expect(
		activity.getByRole('row', { name: /Decided: approved with conditions/ }),
	).toContainText('Marcus Oyelaran')
	await expectNoAccessibilityViolations(page)

	// The condition's owner marks it met.
	await page.goto(caseUrl)
	await openCaseTab(page, 'Review')
	await page.getByLabel('How it was met').fill('Model card sent to the privacy office.')
	await page.getByRole('button', { name: 'Mark met' }).click()
	await expect(page.getByRole('region', { name: 'Decisions' })).toContainText('met on')

	// The submitter and the reviewer were told, in the tracker and by e-mail, at each step that concerned them.
	const trackingId = (await page.locator('p.font-mono').first().textContent())!.trim()
	const told = {
		submitter: [
			`${trackingId}: changes requested (Privacy)`,
			`${trackingId} approved with conditions: Part B claims outlier review assistant`,
			`${trackingId}: a condition of its approval is yours`,
		],
		reviewer: [
			`${trackingId}: you review Privacy`,
			`${trackingId}: you review Security`,
			`${trackingId} approved with conditions: Part B claims outlier review assistant`,
		],
	}
	for (const [who, inbox] of [
		['submitter', page],
		['reviewer', reviewer],
	] as const) {
		await inbox.goto('/notifications')
		for (const title of told[who])
			await expect(inbox.getByRole('button', { name: title })).toBeVisible()
		const address = demoAccount(who === 'submitter' ? 'SUBMITTER' : 'REVIEWER').email
		for (const title of told[who]) {
			await expect
				.poll(() => mailTo(address).filter((mail) => mail.subject === title).length, {
					timeout: 30_000,
				})
				.toBe(1)
		}
	}
	await expectNoAccessibilityViolations(reviewer)
})

test('a submitter who also holds the reviewer and lead roles cannot approve their own case, by the page or by a forged POST; a stale decision is refused', async ({
	page,
	browser,
}) => {
	// The admin gives the demo submitter the reviewer and governance-lead roles.
	const admin = await signedInAs(browser, 'ADMIN')
	await admin.goto('/admin/users')
	await admin.getByRole('link', { name: /Dana Whitfield/ }).click()
	await admin.getByRole('group', { name: /Roles/ }).getByLabel('Reviewer').check()
	await admin.getByRole('group', { name: /Roles/ }).getByLabel('Governance lead').check()
	await admin.getByRole('button', { name: /Save/ }).click()

	await signIn(page, demoAccount('SUBMITTER'))
	const caseUrl = await submitClaimsCase(page, 'Own-case independence probe')
	await openCaseTab(page, 'Review')
	await expect(
		page.getByText(
			/You are or were listed on this use case, or wrote part of it, so you can neither review nor decide it/,
		),
	).toBeVisible()
	await expect(page.getByRole('link', { name: 'Decide' })).toHaveCount(0)
	await expect(page.getByRole('link', { name: 'Assign reviewers' })).toHaveCount(0)
	expect((await page.goto(`${caseUrl}/decide`))?.status()).toBe(403)

	// A forged POST straight to the decision action is refused on the server.
	await page.goto(caseUrl)
	const csrf = await page.locator('input[name="csrf"]').first().inputValue()
	const forged = await page.request.post(`${caseUrl}/decide`, {
		form: {
			csrf,
			outcome: 'APPROVED',
			note: 'Approving my own case.',
			version: '2',
			nextReviewMonths: '12',
		},
	})
	expect(forged.status()).toBe(403)
	expect(await forged.text()).toContain('listed on this use case')
	await page.goto(caseUrl)
	await expect(
		page
			.getByRole('complementary', { name: 'At a glance' })
			.getByText('Submitted', { exact: true }),
	).toBeVisible()

	// The real lead opens the decision page, the case changes, and the stale decision is refused.
	const lead = await signedInAs(browser, 'GOVERNANCE_LEAD')
	await lead.goto(`${caseUrl}/decide`)
	await lead.getByLabel('Reject').check()
	await lead.getByLabel('Reasons').fill('Not needed.')
	const leadTwo = await signedInAs(browser, 'GOVERNANCE_LEAD')
	await leadTwo.goto(caseUrl)
	await leadTwo
		.getByRole('region', { name: 'High-impact determination' })
		.getByLabel('Not high-impact')
		.check()
	await leadTwo.getByRole('button', { name: 'Record determination' }).click()
	await expect(leadTwo.getByText(/Not high-impact, recorded by Marcus Oyelaran/)).toBeVisible()
	await lead.getByRole('button', { name: 'Record decision' }).click()
	await expect(lead.getByRole('alert')).toContainText('changed after you opened it')
	// The refusal comes back above the form: it takes the focus, so it is read and in view.
	await expect(lead.getByRole('alert')).toBeFocused()
	await expect(lead.getByRole('alert')).toBeInViewport()
	await expect(lead.getByLabel('Reasons')).toHaveValue('Not needed.')

	// Put the roles back for the other journeys.
	await admin.goto('/admin/users')
	await admin.getByRole('link', { name: /Dana Whitfield/ }).click()
	await admin.getByRole('group', { name: /Roles/ }).getByLabel('Reviewer').uncheck()
	await admin.getByRole('group', { name: /Roles/ }).getByLabel('Governance lead').uncheck()
	await admin.getByRole('button', { name: /Save/ }).click()
})

test('on a phone a reviewer reaches each lane’s action in the queue without scrolling the table sideways', async ({
	page,
}) => {
	await page.setViewportSize({ width: 390, height: 844 })
	await signIn(page, demoAccount('REVIEWER'))
	await page.goto('/reviews')
	const claims = page
		.getByRole('table', { name: 'Unassigned lanes I can claim' })
		.getByRole('button', { name: /^Claim / })
	expect(await claims.count()).toBeGreaterThan(0)
	// Where each action stands with the table as it opens, not scrolled sideways (only down the page).
	expect(
		await page
			.getByRole('region', { name: 'Unassigned lanes I can claim' })
			.evaluate((box) => [box.scrollLeft, box.scrollWidth > box.clientWidth]),
	).toEqual([0, true])
	for (const claim of await claims.all()) {
		const box = (await claim.boundingBox())!
		expect(box.x).toBeGreaterThanOrEqual(0)
		expect(box.x + box.width).toBeLessThanOrEqual(390)
	}
	// The names of the cases are still there to read, scrolled beneath the pinned column.
	await expect(
		page
			.getByRole('table', { name: 'Unassigned lanes I can claim' })
			.getByRole('rowheader')
			.first(),
	).toBeVisible()
	await expectNoAccessibilityViolations(page)
})
