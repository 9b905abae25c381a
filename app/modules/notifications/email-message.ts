// What a notification e-mail says. Pure: the dispatcher fills it in and hands it to nodemailer.
import { type NotificationKind } from '#app/generated/prisma/enums.ts'

const ACCOUNT_EMAIL_KINDS: ReadonlyArray<NotificationKind> = [
	'ACCOUNT_INVITATION',
	'PASSWORD_RESET',
]

/** Invitations and reset links: sent whatever the person's notification preference. */
export function isAccountEmail(kind: NotificationKind) {
	return ACCOUNT_EMAIL_KINDS.includes(kind)
}

export const accountEmailKinds = ACCOUNT_EMAIL_KINDS

export type NotificationEmailInput = {
	recipientName: string
	title: string
	body: string
	/** The notification's in-app path, e.g. /use-cases/<id>. */
	link: string
	/** Where people reach the app, e.g. https://ai-governance.cms.gov (APP_URL). */
	appUrl: string
	/** An invitation or reset link rather than a notification: a different closing line. */
	accountEmail?: boolean
}

export type NotificationEmail = { subject: string; text: string; html: string }

const APP_NAME = 'AI Governance Tracker'

/**
 * An absolute address for an in-app path. Anything that is not a same-site path falls back to
 * the notifications page, so an e-mail can never carry someone to another site.
 */
export function absoluteLink(link: string, appUrl: string) {
	const base = appUrl.replace(/\/+$/, '')
	const sameSite =
		link.startsWith('/') &&
		!link.startsWith('//') &&
		!link.startsWith('/\\') &&
		!/[\u0000-\u001f\s]/.test(link)
	return `${base}${sameSite ? link : '/notifications'}`
}

export function renderNotificationEmail(input: NotificationEmailInput): NotificationEmail {
	// A line break in a subject would end the header; titles are one line anyway.
	const subject = input.title.replace(/\s+/g, ' ').trim()
	const link = absoluteLink(input.link, input.appUrl)
	const settings = absoluteLink('/settings', input.appUrl)
	const paragraphs = input.body
		.split(/\n\s*\n/)
		.map((paragraph) => paragraph.trim())
		.filter(Boolean)

	const action = input.accountEmail ? 'Continue in the' : 'Open it in the'
	const closing = input.accountEmail
		? `You receive this e-mail because an administrator of the ${APP_NAME} acted on your account. If you did not expect it, do not use the link and tell your administrator.`
		: `You receive these e-mails because e-mail notifications are on for your account. Turn them off in your settings: ${settings}`
	const text = [
		`Hello ${input.recipientName},`,
		...paragraphs,
		`${action} ${APP_NAME}:\n${link}`,
		closing,
	].join('\n\n')

	const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(subject)}</title>
</head>
<body style="margin:0;padding:24px;background:#ffffff;color:#1b1b1b;font-family:'Public Sans',Arial,sans-serif;font-size:16px;line-height:1.5">
<main style="max-width:40rem">
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(subject)}</h1>
<p>Hello ${escapeHtml(input.recipientName)},</p>
${paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`).join('\n')}
<p><a href="${escapeHtml(link)}" style="color:#005ea2;font-weight:bold">${action} ${APP_NAME}</a></p>
<p style="color:#565c65;font-size:14px">${
		input.accountEmail
			? escapeHtml(closing)
			: `You receive these e-mails because e-mail notifications are on for your account. <a href="${escapeHtml(settings)}" style="color:#005ea2">Turn them off in your settings</a>.`
	}</p>
</main>
</body>
</html>
`
	return { subject, text, html }
}

function escapeHtml(value: string) {
	return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)
}
