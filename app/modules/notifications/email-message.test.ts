import { expect, test } from 'vitest'
import { absoluteLink, renderNotificationEmail } from './email-message.ts'

const input = {
	recipientName: 'Marcus Oyelaran',
	title: 'CMS-2026-0007 submitted: Claims anomaly triage',
	body: 'Dana Whitfield submitted CMS-2026-0007 “Claims anomaly triage” for review.',
	link: '/use-cases/cuid123',
	appUrl: 'https://ai-governance.cms.gov',
}

test('the subject is the title; the text greets the recipient, gives the body and the absolute link', () => {
	const email = renderNotificationEmail(input)
	expect(email.subject).toBe('CMS-2026-0007 submitted: Claims anomaly triage')
	expect(email.text).toBe(
		[
			'Hello Marcus Oyelaran,',
			'Dana Whitfield submitted CMS-2026-0007 “Claims anomaly triage” for review.',
			'Open it in the AI Governance Tracker:\nhttps://ai-governance.cms.gov/use-cases/cuid123',
			'You receive these e-mails because e-mail notifications are on for your account. Turn them off in your settings: https://ai-governance.cms.gov/settings',
		].join('\n\n'),
	)
})

test('the HTML version is a small accessible document: language, title, heading, a descriptive link', () => {
	const { html } = renderNotificationEmail(input)
	expect(html).toContain('<html lang="en">')
	expect(html).toContain('<title>CMS-2026-0007 submitted: Claims anomaly triage</title>')
	expect(html).toContain(
		'<h1 style="font-size:20px;margin:0 0 16px">CMS-2026-0007 submitted: Claims anomaly triage</h1>',
	)
	expect(html).toContain(
		'<a href="https://ai-governance.cms.gov/use-cases/cuid123" style="color:#005ea2;font-weight:bold">Open it in the AI Governance Tracker</a>',
	)
	expect(html).toContain(
		'<a href="https://ai-governance.cms.gov/settings" style="color:#005ea2">Turn them off in your settings</a>',
	)
})

test('what people typed is escaped in the HTML, and a line break cannot reach the subject header', () => {
	const email = renderNotificationEmail({
		...input,
		recipientName: 'Ana <script>',
		title: 'A title\r\nBcc: someone@example.com',
		body: 'First paragraph with <b>tags</b> & "quotes".\n\nSecond paragraph\nwith a line break.',
	})
	expect(email.subject).toBe('A title Bcc: someone@example.com')
	expect(email.html).toContain('<p>Hello Ana &#60;script&#62;,</p>')
	expect(email.html).toContain(
		'<p>First paragraph with &#60;b&#62;tags&#60;/b&#62; &#38; &#34;quotes&#34;.</p>',
	)
	expect(email.html).toContain('<p>Second paragraph<br>with a line break.</p>')
	expect(email.html).not.toContain('<script>')
	expect(email.text).toContain(
		'First paragraph with <b>tags</b> & "quotes".\n\nSecond paragraph\nwith a line break.',
	)
})

test('links are built from APP_URL and can only point inside the app', () => {
	expect(absoluteLink('/use-cases/x?tab=review', 'http://localhost:3000/')).toBe(
		'http://localhost:3000/use-cases/x?tab=review',
	)
	expect(absoluteLink('/use-cases/x', 'https://apps.cms.gov/ai-governance')).toBe(
		'https://apps.cms.gov/ai-governance/use-cases/x',
	)
	for (const outside of [
		'https://evil.example/x',
		'//evil.example/x',
		'/\\evil.example',
		'javascript:alert(1)',
		'/use-cases/x\nSet-Cookie: a',
	]) {
		expect(absoluteLink(outside, 'https://ai-governance.cms.gov')).toBe(
			'https://ai-governance.cms.gov/notifications',
		)
	}
})

test('an account e-mail (an invitation, a reset link) says why it came instead of offering to turn notifications off', () => {
	const email = renderNotificationEmail({
		...input,
		title: 'You are invited to the AI Governance Tracker',
		body: 'Choose your password with this link.',
		link: '/invitations/abc',
		accountEmail: true,
	})
	expect(email.text).toContain(
		'Continue in the AI Governance Tracker:\nhttps://ai-governance.cms.gov/invitations/abc',
	)
	expect(email.text).toContain(
		'an administrator of the AI Governance Tracker acted on your account. If you did not expect it, do not use the link',
	)
	expect(email.text).not.toContain('Turn them off')
	expect(email.html).not.toContain('/settings')
})
