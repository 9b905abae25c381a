import nodemailer from 'nodemailer'
import { Prisma, type PrismaClient } from '#app/generated/prisma/client.ts'
import { type NotificationKind } from '#app/generated/prisma/enums.ts'
import { accountEmailKinds, isAccountEmail, renderNotificationEmail } from './email-message.ts'
import { openSealedLink } from './sealed-link.server.ts'
import {
	EMAIL_ATTEMPT_OFFSETS_MS,
	EMAIL_CLAIM_LEASE_MS,
	MAX_EMAIL_ATTEMPTS,
	SMTP_TIMEOUTS_MS,
} from './email-schedule.ts'

export type OutgoingEmail = { to: string; subject: string; text: string; html: string }

/** Sends one message or throws; `close` ends its connections. */
export type Mailer = { send(message: OutgoingEmail): Promise<void>; close(): void }

export class MailerError extends Error {
	constructor(
		message: string,
		/** nodemailer's error code: ECONNECTION, ETIMEDOUT, EENVELOPE, … */
		readonly code: string | undefined,
	) {
		super(message)
	}
}

// Problems with one message (a refused recipient, a rejected message); anything else means the
// server itself is unavailable, and the rest of the pass would only fail the same way.
const MESSAGE_LEVEL_ERRORS = new Set(['EENVELOPE', 'EMESSAGE'])

/**
 * A nodemailer SMTP transport for `SMTP_URL` (smtp:// or smtps://, credentials in the URL). Pooled,
 * one connection: a pass sends its messages over one session (about 10× faster than connecting for
 * each), and the dispatcher sends one message at a time anyway.
 */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
	const transport = nodemailer.createTransport(
		{
			pool: true,
			maxConnections: 1,
			url: smtpUrl,
			connectionTimeout: SMTP_TIMEOUTS_MS.connection,
			greetingTimeout: SMTP_TIMEOUTS_MS.greeting,
			socketTimeout: SMTP_TIMEOUTS_MS.socket,
		},
		{ from },
	)
	return {
		async send(message) {
			try {
				const info = await transport.sendMail({
					...message,
					// RFC 3834: an automatic message, so that auto-responders do not answer it.
					headers: { 'Auto-Submitted': 'auto-generated' },
				})
				if (info.rejected.length > 0)
					throw new MailerError(`The mail server refused ${info.rejected.join(', ')}.`, 'EENVELOPE')
			} catch (error) {
				if (error instanceof MailerError) throw error
				const code =
					typeof error === 'object' && error && 'code' in error ? String(error.code) : undefined
				throw new MailerError(error instanceof Error ? error.message : String(error), code)
			}
		},
		close() {
			transport.close()
		},
	}
}

export type DispatchOptions = {
	mailer: Mailer
	/** Absolute base for links, from APP_URL. */
	appUrl: string
	now?: Date
	/** Messages per pass; the rest wait for the next pass. */
	limit?: number
}

export type DispatchResult = {
	sent: number
	failed: number
	skipped: number
	/** The pass stopped at its limit, or because the mail server is unavailable. */
	stoppedEarly: 'limit' | 'server-unavailable' | null
	lastError: string | null
}

type ClaimedRow = {
	id: string
	userId: string
	kind: NotificationKind
	title: string
	body: string
	link: string
	emailSecretLink: string | null
	emailAttempts: number
}

/**
 * Sends the e-mail of pending notifications, one claimed row at a time. The claim is a single
 * UPDATE over `FOR UPDATE SKIP LOCKED`, so several app processes never send the same message;
 * it raises `emailAttempts`, which moves the row's next slot past the claim's lease (see
 * email-schedule.ts), so a process that dies mid-send leaves a row that is retried later, never
 * one that is lost. Delivered → SENT with `emailSentAt`; refused or unreachable → FAILED with
 * `emailError`, retried on the schedule until MAX_EMAIL_ATTEMPTS.
 */
export async function dispatchPendingEmails(
	db: PrismaClient,
	options: DispatchOptions,
): Promise<DispatchResult> {
	const now = options.now ?? new Date()
	const limit = options.limit ?? 100
	const result: DispatchResult = {
		sent: 0,
		failed: 0,
		skipped: 0,
		stoppedEarly: null,
		lastError: null,
	}

	// Someone who turned e-mail off (or left) gets nothing more, including what was queued; account
	// e-mail (an invitation, a reset link) still reaches an active person.
	const optedOut = await db.notification.updateMany({
		where: {
			emailStatus: { in: ['PENDING', 'FAILED'] },
			emailAttempts: { lt: MAX_EMAIL_ATTEMPTS },
			OR: [
				{ user: { active: false } },
				{ user: { emailNotifications: false }, kind: { notIn: [...accountEmailKinds] } },
			],
		},
		data: { emailStatus: 'SKIPPED', emailSecretLink: null },
	})
	result.skipped = optedOut.count

	for (let handled = 0; handled < limit; handled++) {
		const claimed = await claimNext(db, now)
		if (!claimed) return result
		const recipient = await db.user.findUnique({
			where: { id: claimed.userId },
			select: { email: true, name: true, active: true, emailNotifications: true },
		})
		const accountEmail = isAccountEmail(claimed.kind)
		const link = claimed.emailSecretLink ? openSealedLink(claimed.emailSecretLink) : claimed.link
		if (
			!recipient ||
			!recipient.active ||
			(!recipient.emailNotifications && !accountEmail) ||
			link === null
		) {
			await settle(db, claimed, {
				emailStatus: 'SKIPPED',
				emailSecretLink: null,
				emailError: link === null ? 'The link was sealed with another SESSION_SECRET.' : null,
			})
			result.skipped++
			continue
		}
		const email = renderNotificationEmail({
			recipientName: recipient.name,
			title: claimed.title,
			body: claimed.body,
			link,
			appUrl: options.appUrl,
			accountEmail,
		})
		try {
			await options.mailer.send({ to: recipient.email, ...email })
			await settle(db, claimed, {
				emailStatus: 'SENT',
				emailSentAt: new Date(),
				emailError: null,
				emailSecretLink: null,
			})
			result.sent++
		} catch (error) {
			const message = describeError(error)
			// The last attempt forgets the sealed link: nothing will send it any more.
			await settle(db, claimed, {
				emailStatus: 'FAILED',
				emailError: message,
				...(claimed.emailAttempts >= MAX_EMAIL_ATTEMPTS ? { emailSecretLink: null } : {}),
			})
			result.failed++
			result.lastError = message
			if (!(error instanceof MailerError && error.code && MESSAGE_LEVEL_ERRORS.has(error.code))) {
				result.stoppedEarly = 'server-unavailable'
				return result
			}
		}
	}
	result.stoppedEarly = 'limit'
	return result
}

async function claimNext(db: PrismaClient, now: Date): Promise<ClaimedRow | null> {
	const at = now.getTime()
	// Due: the slot for the row's next attempt has opened (attempt n may start OFFSETS[n] after creation).
	const due = EMAIL_ATTEMPT_OFFSETS_MS.map(
		(offset, attempts) =>
			Prisma.sql`("emailAttempts" = ${attempts} AND "createdAt" <= ${new Date(at - offset)})`,
	)
	// The slots that will have opened by the end of the lease count as used (attemptsAfterClaim).
	const slotsByLeaseEnd = EMAIL_ATTEMPT_OFFSETS_MS.map(
		(offset) => Prisma.sql`("createdAt" <= ${new Date(at + EMAIL_CLAIM_LEASE_MS - offset)})::int`,
	)
	const rows = await db.$queryRaw<Array<ClaimedRow>>`
		UPDATE "Notification" AS n
		SET "emailAttempts" = GREATEST(n."emailAttempts" + 1, ${Prisma.join(slotsByLeaseEnd, ' + ')})
		WHERE n."id" = (
			SELECT "id" FROM "Notification"
			WHERE "emailStatus" IN ('PENDING', 'FAILED') AND (${Prisma.join(due, ' OR ')})
			ORDER BY "createdAt"
			LIMIT 1
			FOR UPDATE SKIP LOCKED
		)
		RETURNING n."id", n."userId", n."kind", n."title", n."body", n."link", n."emailSecretLink", n."emailAttempts"`
	return rows[0] ?? null
}

/** Records the outcome, unless the row moved on meanwhile (its lease ran out and it was claimed again). */
async function settle(
	db: PrismaClient,
	claimed: ClaimedRow,
	data: Prisma.NotificationUpdateManyMutationInput,
) {
	await db.notification.updateMany({
		where: { id: claimed.id, emailAttempts: claimed.emailAttempts },
		data,
	})
}

function describeError(error: unknown) {
	const text =
		error instanceof MailerError && error.code
			? `${error.code}: ${error.message}`
			: error instanceof Error
				? error.message
				: String(error)
	return text.length > 500 ? `${text.slice(0, 497)}…` : text
}
