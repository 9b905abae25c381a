import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import { type Database } from '#app/utils/db/database.server.ts'
import { databaseTargets, openMigratedDatabase } from '#tests/db-targets.ts'
import { createPeople, createUseCase, type People } from '#tests/notification-fixtures.ts'
import { type SmtpSink, startSmtpSink } from '#tests/smtp-sink.ts'
import { startJobQueue } from '#app/modules/jobs/job-queue.server.ts'
import { requestEmailDispatch } from './dispatch-signal.server.ts'
import { createSmtpMailer, dispatchPendingEmails } from './email-dispatch.server.ts'
import { EMAIL_ATTEMPT_OFFSETS_MS, MAX_EMAIL_ATTEMPTS } from './email-schedule.ts'
import { startNotificationJobs } from './notification-jobs.server.ts'
import { notify } from './notify.server.ts'

const APP_URL = 'https://ai-governance.cms.example'
const FROM = 'ai-governance@cms.example'

for (const target of databaseTargets()) {
	describe(`${target.name}: notification e-mail through a real SMTP server`, () => {
		let database: Database
		let people: People
		let sink: SmtpSink

		beforeAll(async () => {
			database = await openMigratedDatabase(target)
			people = await createPeople(database.prisma)
		})
		afterAll(async () => {
			await sink?.stop()
			await database?.close()
		})
		beforeEach(async () => {
			await database.prisma.notification.deleteMany()
			await sink?.stop()
			sink = await startSmtpSink()
		})

		async function submitCase(title = 'CMS-2026-0001 submitted: Claims anomaly triage') {
			const useCase = await createUseCase(database.prisma, people)
			await database.prisma.$transaction((tx) =>
				notify(
					tx,
					[people.lead.id, people.quietLead.id],
					{
						kind: 'SUBMITTED',
						title,
						body: 'Dana Whitfield submitted it for review.',
						link: `/use-cases/${useCase.id}`,
						useCaseId: useCase.id,
					},
					{ actorId: people.submitter.id, email: true },
				),
			)
			return useCase
		}

		const leadRow = () =>
			database.prisma.notification.findFirstOrThrow({
				where: { userId: people.lead.id },
				select: {
					createdAt: true,
					emailStatus: true,
					emailAttempts: true,
					emailSentAt: true,
					emailError: true,
				},
			})

		test('a pending notification is delivered to its recipient with the title as subject and an absolute link; SENT is recorded', async () => {
			const useCase = await submitCase()
			const mailer = createSmtpMailer(sink.url, FROM)
			const result = await dispatchPendingEmails(database.prisma, { mailer, appUrl: APP_URL })
			mailer.close()

			expect(result).toEqual({
				sent: 1,
				failed: 0,
				skipped: 0,
				stoppedEarly: null,
				lastError: null,
			})
			expect(sink.messages).toHaveLength(1)
			const [mail] = sink.messages
			expect(mail?.to).toEqual(['lead@cms.example'])
			expect(mail?.from).toBe(FROM)
			expect(mail?.subject).toBe('CMS-2026-0001 submitted: Claims anomaly triage')
			expect(mail?.text).toContain('Hello Marcus Oyelaran,')
			expect(mail?.text).toContain('Dana Whitfield submitted it for review.')
			expect(mail?.text).toContain(`${APP_URL}/use-cases/${useCase.id}`)
			expect(mail?.html).toContain(`<a href="${APP_URL}/use-cases/${useCase.id}"`)
			expect(mail?.headers['auto-submitted']).toBe('auto-generated')

			const row = await leadRow()
			expect(row).toMatchObject({ emailStatus: 'SENT', emailAttempts: 1, emailError: null })
			expect(row.emailSentAt).toBeInstanceOf(Date)
			// The lead who turned e-mail off got nothing; a second pass sends nothing again.
			const again = createSmtpMailer(sink.url, FROM)
			expect(
				(await dispatchPendingEmails(database.prisma, { mailer: again, appUrl: APP_URL })).sent,
			).toBe(0)
			again.close()
			expect(sink.messages).toHaveLength(1)
		})

		test('with the mail server down the notification is kept as FAILED with its attempt; once the server is back, the retry delivers it', async () => {
			const port = sink.port
			await sink.stop()
			await submitCase('Delivered later')
			const mailer = createSmtpMailer(`smtp://127.0.0.1:${port}`, FROM)

			const down = await dispatchPendingEmails(database.prisma, { mailer, appUrl: APP_URL })
			expect(down).toMatchObject({ sent: 0, failed: 1, stoppedEarly: 'server-unavailable' })
			const failed = await leadRow()
			expect(failed).toMatchObject({ emailStatus: 'FAILED', emailAttempts: 1, emailSentAt: null })
			expect(failed.emailError).toMatch(/ECONNECTION|ECONNREFUSED/)

			// Not yet due: the next attempt waits for its slot.
			sink = await startSmtpSink({ port })
			expect((await dispatchPendingEmails(database.prisma, { mailer, appUrl: APP_URL })).sent).toBe(
				0,
			)
			expect(sink.messages).toHaveLength(0)

			const retryAt = new Date(
				failed.createdAt.getTime() + (EMAIL_ATTEMPT_OFFSETS_MS[1] ?? 0) + 1000,
			)
			const retried = await dispatchPendingEmails(database.prisma, {
				mailer,
				appUrl: APP_URL,
				now: retryAt,
			})
			mailer.close()
			expect(retried).toMatchObject({ sent: 1, failed: 0 })
			expect(sink.messages.map((mail) => [mail.to, mail.subject])).toEqual([
				[['lead@cms.example'], 'Delivered later'],
			])
			expect(await leadRow()).toMatchObject({
				emailStatus: 'SENT',
				emailAttempts: 2,
				emailError: null,
			})
		})

		test('after the last attempt a failed e-mail is left alone; the in-app notification stays', async () => {
			const port = sink.port
			await sink.stop()
			await submitCase('Never delivered')
			await database.prisma.notification.updateMany({
				where: { userId: people.lead.id },
				data: { emailStatus: 'FAILED', emailAttempts: MAX_EMAIL_ATTEMPTS - 1 },
			})
			const mailer = createSmtpMailer(`smtp://127.0.0.1:${port}`, FROM)
			const dayLater = new Date(Date.now() + 25 * 3600_000)
			expect(
				(await dispatchPendingEmails(database.prisma, { mailer, appUrl: APP_URL, now: dayLater }))
					.failed,
			).toBe(1)
			expect(await leadRow()).toMatchObject({
				emailStatus: 'FAILED',
				emailAttempts: MAX_EMAIL_ATTEMPTS,
			})

			sink = await startSmtpSink({ port })
			const muchLater = new Date(Date.now() + 30 * 24 * 3600_000)
			expect(
				(await dispatchPendingEmails(database.prisma, { mailer, appUrl: APP_URL, now: muchLater }))
					.sent,
			).toBe(0)
			mailer.close()
			expect(sink.messages).toHaveLength(0)
			expect(
				await database.prisma.notification.count({
					where: { userId: people.lead.id, readAt: null },
				}),
			).toBe(1)
		})

		test('a recipient the server refuses fails alone; the other messages of the pass are still sent', async () => {
			await sink.stop()
			sink = await startSmtpSink({ refuseRecipient: (address) => address === 'lead@cms.example' })
			await database.prisma.$transaction((tx) =>
				notify(
					tx,
					[people.lead.id, people.reviewer.id, people.submitter.id],
					{ kind: 'COMMENTED', title: 'A comment', body: 'A comment.', link: '/use-cases/x' },
					{ email: true },
				),
			)
			const mailer = createSmtpMailer(sink.url, FROM)
			const result = await dispatchPendingEmails(database.prisma, { mailer, appUrl: APP_URL })
			mailer.close()
			expect(result).toMatchObject({ sent: 2, failed: 1, stoppedEarly: null })
			expect(sink.messages.map((mail) => mail.to[0]).sort()).toEqual([
				'reviewer@cms.example',
				'submitter@cms.example',
			])
			expect((await leadRow()).emailError).toMatch(/EENVELOPE/)
		})

		test('someone who turns e-mail off before the message goes out is not e-mailed', async () => {
			await submitCase('Changed my mind')
			await database.prisma.user.update({
				where: { id: people.lead.id },
				data: { emailNotifications: false },
			})
			try {
				const mailer = createSmtpMailer(sink.url, FROM)
				const result = await dispatchPendingEmails(database.prisma, { mailer, appUrl: APP_URL })
				mailer.close()
				expect(result).toMatchObject({ sent: 0, skipped: 1 })
				expect(sink.messages).toHaveLength(0)
				expect((await leadRow()).emailStatus).toBe('SKIPPED')
			} finally {
				await database.prisma.user.update({
					where: { id: people.lead.id },
					data: { emailNotifications: true },
				})
			}
		})

		test('dispatchers running at the same time (several app processes) send each message exactly once', async () => {
			const recipients = [people.lead.id, people.reviewer.id, people.submitter.id]
			for (let index = 0; index < 8; index++) {
				await database.prisma.$transaction((tx) =>
					notify(
						tx,
						recipients,
						{
							kind: 'COMMENTED',
							title: `Comment ${index}`,
							body: 'A comment.',
							link: '/use-cases/x',
						},
						{ email: true },
					),
				)
			}
			const mailers = [1, 2, 3, 4].map(() => createSmtpMailer(sink.url, FROM))
			const results = await Promise.all(
				mailers.map((mailer) =>
					dispatchPendingEmails(database.prisma, { mailer, appUrl: APP_URL }),
				),
			)
			for (const mailer of mailers) mailer.close()
			expect(results.reduce((sum, result) => sum + result.sent, 0)).toBe(24)
			const delivered = sink.messages.map((mail) => `${mail.to[0]} ${mail.subject}`)
			expect(delivered).toHaveLength(24)
			expect(new Set(delivered).size).toBe(24)
			expect(
				await database.prisma.notification.count({
					where: { emailStatus: 'SENT', emailAttempts: 1 },
				}),
			).toBe(24)
		})

		test('the e-mail jobs send as soon as a caller asks after committing, and stop cleanly', async () => {
			const queue = await startJobQueue(database)
			const jobs = await startNotificationJobs(queue, {
				db: database.prisma,
				mailer: createSmtpMailer(sink.url, FROM),
				appUrl: APP_URL,
			})
			try {
				await submitCase('Sent by the queue')
				requestEmailDispatch()
				await vi.waitFor(
					() => expect(sink.messages.map((mail) => mail.subject)).toEqual(['Sent by the queue']),
					{ timeout: 15_000, interval: 50 },
				)
			} finally {
				await queue.stop()
				jobs.stop()
			}
			expect((await leadRow()).emailStatus).toBe('SENT')
			// Stopped: asking again does nothing.
			await submitCase('After stopping')
			requestEmailDispatch()
			expect(
				await database.prisma.notification.count({
					where: { title: 'After stopping', emailStatus: 'PENDING' },
				}),
			).toBe(1)
		})
	})
}
