import { type NotificationKind } from '#app/generated/prisma/enums.ts'
import { type Tx } from '#app/modules/audit/record-event.server.ts'

export type NotificationMessage = {
	kind: NotificationKind
	title: string
	body: string
	/** An in-app path such as /use-cases/<id>. */
	link: string
	useCaseId?: string
	/** Reminders pass one so that the same reminder is never sent twice. */
	dedupeKey?: string
}

/**
 * Notifies people in the transaction of the change that concerns them. The actor is never told of
 * their own action. E-mail goes out after commit (see the e-mail dispatcher).
 */
export async function notify(tx: Tx, recipientIds: ReadonlyArray<string>, message: NotificationMessage, options: { actorId?: string | null } = {}) {
	const recipients = [...new Set(recipientIds)].filter((id) => id !== options.actorId)
	if (recipients.length === 0) return
	await tx.notification.createMany({
		data: recipients.map((userId) => ({
			userId,
			kind: message.kind,
			title: message.title,
			body: message.body,
			link: message.link,
			useCaseId: message.useCaseId,
			dedupeKey: message.dedupeKey ? `${message.dedupeKey}:${userId}` : undefined,
		})),
		skipDuplicates: true,
	})
}
