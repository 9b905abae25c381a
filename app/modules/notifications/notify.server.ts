import { type NotificationKind } from '#app/generated/prisma/enums.ts'
import { type Tx } from '#app/utils/db/tx.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { requestEmailDispatchSoon } from './dispatch-signal.server.ts'
import { isAccountEmail } from './email-message.ts'
import { sealLink } from './sealed-link.server.ts'
import { forgetUnreadCounts } from './unread-badge.server.ts'

export type NotificationMessage = {
	kind: NotificationKind
	title: string
	body: string
	/** An in-app path such as /use-cases/<id>. */
	link: string
	useCaseId?: string
	/** Reminders pass one so that the same reminder is never sent twice. */
	dedupeKey?: string
	/**
	 * Account e-mail only: a single-use in-app path (an invitation or reset link) that the e-mail
	 * carries instead of `link`. Stored sealed, never shown in the app.
	 */
	secretLink?: string
}

export type NotifyOptions = {
	/** The person whose action this is: never told of their own action. */
	actorId?: string | null
	/** Whether e-mail is set up; defaults to SMTP_URL being configured. */
	email?: boolean
}

/**
 * Notifies people in the transaction of the change that concerns them. The actor is never told of
 * their own action. Each row is also an outbox entry: PENDING when e-mail is configured and the
 * recipient wants e-mail (the dispatcher sends it after commit), SKIPPED otherwise. Returns how
 * many notifications were written (a repeated dedupe key writes nothing).
 */
export function notify(
	tx: Tx,
	recipientIds: ReadonlyArray<string>,
	message: NotificationMessage,
	options: NotifyOptions = {},
) {
	return notifyEach(tx, [{ recipientIds, message }], options)
}

/**
 * `notify` for several messages at once, in three statements however many there are: reminders
 * written in bulk stay within a transaction's time limit on a busy database.
 */
export async function notifyEach(
	tx: Tx,
	messages: ReadonlyArray<{ recipientIds: ReadonlyArray<string>; message: NotificationMessage }>,
	options: NotifyOptions = {},
) {
	const addressed = messages
		.map(({ recipientIds, message }) => ({
			message,
			recipients: [...new Set(recipientIds)].filter((id) => id !== options.actorId),
		}))
		.filter(({ recipients }) => recipients.length > 0)
	if (addressed.length === 0) return 0
	const everyone = [...new Set(addressed.flatMap(({ recipients }) => recipients))]
	const emailConfigured = options.email ?? Boolean(getEnv().SMTP_URL)
	const wantsEmail = new Set<string>()
	const wantsAccountEmail = new Set<string>()
	if (emailConfigured) {
		// Account e-mail (an invitation, a reset link) is sent whatever the notification preference.
		const users = await tx.user.findMany({
			where: { id: { in: everyone }, active: true },
			select: { id: true, emailNotifications: true },
		})
		for (const user of users) {
			wantsAccountEmail.add(user.id)
			if (user.emailNotifications) wantsEmail.add(user.id)
		}
	}
	const emailed = (message: NotificationMessage, userId: string) =>
		(isAccountEmail(message.kind) ? wantsAccountEmail : wantsEmail).has(userId)
	const { count } = await tx.notification.createMany({
		data: addressed.flatMap(({ message, recipients }) =>
			recipients.map((userId) => ({
				userId,
				kind: message.kind,
				title: message.title,
				body: message.body,
				link: message.link,
				useCaseId: message.useCaseId,
				dedupeKey: message.dedupeKey ? `${message.dedupeKey}:${userId}` : undefined,
				emailStatus: emailed(message, userId) ? ('PENDING' as const) : ('SKIPPED' as const),
				emailSecretLink:
					message.secretLink && emailed(message, userId) ? sealLink(message.secretLink) : null,
			})),
		),
		skipDuplicates: true,
	})
	await forgetUnreadCounts(tx, everyone)
	if (count > 0 && (wantsEmail.size > 0 || wantsAccountEmail.size > 0)) requestEmailDispatchSoon()
	return count
}
