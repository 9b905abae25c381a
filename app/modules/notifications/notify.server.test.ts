import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type Database } from '#app/utils/db/database.server.ts'
import { databaseTargets, openMigratedDatabase } from '#tests/db-targets.ts'
import { createPeople, createUseCase, type People } from '#tests/notification-fixtures.ts'
import {
	countUnread,
	listNotifications,
	markAllRead,
	NOTIFICATIONS_PAGE_SIZE,
	openNotification,
	setEmailNotifications,
} from './notifications.server.ts'
import { notify } from './notify.server.ts'

const message = (title: string, extra: { dedupeKey?: string; link?: string } = {}) => ({
	kind: 'SUBMITTED' as const,
	title,
	body: `${title}: body`,
	link: extra.link ?? '/use-cases/x',
	dedupeKey: extra.dedupeKey,
})

for (const target of databaseTargets()) {
	describe(`${target.name}: notifications`, () => {
		let database: Database
		let people: People

		beforeAll(async () => {
			database = await openMigratedDatabase(target)
			people = await createPeople(database.prisma)
		})
		afterAll(async () => {
			await database?.close()
		})

		const rowsFor = (title: string) =>
			database.prisma.notification.findMany({
				where: { title },
				select: { userId: true, emailStatus: true, emailAttempts: true },
				orderBy: { userId: 'asc' },
			})

		test('with e-mail configured, each recipient who wants e-mail gets a PENDING row, the others SKIPPED; the actor gets nothing', async () => {
			const useCase = await createUseCase(database.prisma, people)
			const written = await database.prisma.$transaction((tx) =>
				notify(
					tx,
					[
						people.lead.id,
						people.quietLead.id,
						people.formerLead.id,
						people.submitter.id,
						people.lead.id,
					],
					{ ...message('Submitted with SMTP'), useCaseId: useCase.id },
					{ actorId: people.submitter.id, email: true },
				),
			)
			expect(written).toBe(3)
			const byUser = Object.fromEntries(
				(await rowsFor('Submitted with SMTP')).map((row) => [row.userId, row.emailStatus]),
			)
			expect(byUser).toEqual({
				[people.lead.id]: 'PENDING',
				[people.quietLead.id]: 'SKIPPED',
				[people.formerLead.id]: 'SKIPPED',
			})
		})

		test('without e-mail configured every row is SKIPPED (in-app only)', async () => {
			await database.prisma.$transaction((tx) =>
				notify(tx, [people.lead.id, people.reviewer.id], message('Submitted without SMTP'), {
					email: false,
				}),
			)
			expect((await rowsFor('Submitted without SMTP')).map((row) => row.emailStatus)).toEqual([
				'SKIPPED',
				'SKIPPED',
			])
		})

		test('notifying only the actor writes nothing', async () => {
			const written = await database.prisma.$transaction((tx) =>
				notify(tx, [people.lead.id], message('Own action'), {
					actorId: people.lead.id,
					email: true,
				}),
			)
			expect(written).toBe(0)
			expect(await rowsFor('Own action')).toEqual([])
		})

		test('the same dedupe key is written once per recipient, however often it is sent', async () => {
			const send = (recipients: Array<string>) =>
				database.prisma.$transaction((tx) =>
					notify(
						tx,
						recipients,
						message('Reminder', { dedupeKey: 'lane-review:l1:due-soon:2026-11-25' }),
						{ email: true },
					),
				)
			expect(await send([people.reviewer.id])).toBe(1)
			expect(await send([people.reviewer.id])).toBe(0)
			expect(await send([people.reviewer.id, people.lead.id])).toBe(1)
			expect((await rowsFor('Reminder')).length).toBe(2)
		})

		test('notifications roll back with the change they belong to', async () => {
			await expect(
				database.prisma.$transaction(async (tx) => {
					await notify(tx, [people.lead.id], message('Rolled back'), { email: true })
					throw new Error('the change failed')
				}),
			).rejects.toThrow('the change failed')
			expect(await rowsFor('Rolled back')).toEqual([])
		})

		test('a user sees only their own notifications, newest first, paged; opening one marks it read and returns its link', async () => {
			const before = await countUnread(database.prisma, people.reviewer.id)
			for (let index = 0; index < NOTIFICATIONS_PAGE_SIZE + 1; index++) {
				await database.prisma.$transaction((tx) =>
					notify(
						tx,
						[people.reviewer.id],
						message(`Paged ${index}`, { link: `/use-cases/case-${index}` }),
						{ email: false },
					),
				)
			}
			const total = await database.prisma.notification.count({
				where: { userId: people.reviewer.id },
			})
			const first = await listNotifications(database.prisma, people.reviewer.id, 1)
			expect(first.total).toBe(total)
			expect(first.unread).toBe(before + NOTIFICATIONS_PAGE_SIZE + 1)
			expect(first.notifications).toHaveLength(NOTIFICATIONS_PAGE_SIZE)
			expect(first.notifications[0]?.title).toBe(`Paged ${NOTIFICATIONS_PAGE_SIZE}`)
			expect(first.pageCount).toBe(Math.ceil(total / NOTIFICATIONS_PAGE_SIZE))

			const newest = first.notifications[0]!
			// Someone else cannot open (or even learn about) it.
			await expect(
				openNotification(database.prisma, people.lead.id, newest.id),
			).rejects.toMatchObject({ code: 'NOT_FOUND' })
			expect(await countUnread(database.prisma, people.reviewer.id)).toBe(first.unread)

			expect(await openNotification(database.prisma, people.reviewer.id, newest.id)).toBe(
				`/use-cases/case-${NOTIFICATIONS_PAGE_SIZE}`,
			)
			expect(await countUnread(database.prisma, people.reviewer.id)).toBe(first.unread - 1)
			// Opening it again still leads there, and changes nothing.
			expect(await openNotification(database.prisma, people.reviewer.id, newest.id)).toBe(
				`/use-cases/case-${NOTIFICATIONS_PAGE_SIZE}`,
			)
			expect(await countUnread(database.prisma, people.reviewer.id)).toBe(first.unread - 1)
		})

		test('a link that would leave the app leads to the notifications page instead', async () => {
			await database.prisma.$transaction((tx) =>
				notify(tx, [people.reviewer.id], message('Odd link', { link: 'https://evil.example/' }), {
					email: false,
				}),
			)
			const row = await database.prisma.notification.findFirstOrThrow({
				where: { title: 'Odd link' },
				select: { id: true },
			})
			expect(await openNotification(database.prisma, people.reviewer.id, row.id)).toBe(
				'/notifications',
			)
		})

		test('"mark all as read" clears only the caller\'s unread notifications', async () => {
			await database.prisma.$transaction((tx) =>
				notify(tx, [people.reviewer.id, people.lead.id], message('Both'), { email: false }),
			)
			const leadUnread = await countUnread(database.prisma, people.lead.id)
			expect(leadUnread).toBeGreaterThan(0)
			const marked = await markAllRead(database.prisma, people.reviewer.id)
			expect(marked).toBeGreaterThan(0)
			expect(await countUnread(database.prisma, people.reviewer.id)).toBe(0)
			expect(await countUnread(database.prisma, people.lead.id)).toBe(leadUnread)
			expect(await markAllRead(database.prisma, people.reviewer.id)).toBe(0)
		})

		test('turning e-mail off is saved and audited once; saving the same value again records nothing', async () => {
			const request = { requestId: 'req-1', ipAddress: '127.0.0.1', userAgent: null }
			expect(
				await setEmailNotifications(database.prisma, people.reviewer.id, false, request),
			).toEqual({ changed: true })
			expect(
				await setEmailNotifications(database.prisma, people.reviewer.id, false, request),
			).toEqual({ changed: false })
			const user = await database.prisma.user.findUniqueOrThrow({
				where: { id: people.reviewer.id },
				select: { emailNotifications: true },
			})
			expect(user.emailNotifications).toBe(false)
			const events = await database.prisma.auditEvent.findMany({
				where: { entityId: people.reviewer.id, action: 'user.email_notifications_changed' },
				select: { actorId: true, entityType: true, before: true, after: true, requestId: true },
			})
			expect(events).toEqual([
				{
					actorId: people.reviewer.id,
					entityType: 'User',
					before: { emailNotifications: true },
					after: { emailNotifications: false },
					requestId: 'req-1',
				},
			])
			// From now on they get in-app notifications only.
			await database.prisma.$transaction((tx) =>
				notify(tx, [people.reviewer.id], message('After opting out'), { email: true }),
			)
			expect((await rowsFor('After opting out')).map((row) => row.emailStatus)).toEqual(['SKIPPED'])
			await setEmailNotifications(database.prisma, people.reviewer.id, true, request)
		})
	})
}
