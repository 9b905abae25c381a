// Adding a person: an administrator prepares their account (name, e-mail, org unit, roles, lanes)
// and the tracker e-mails an invitation. With passwords, the e-mail carries a single-use link to
// choose one; with single sign-on alone, the person simply signs in through the identity provider
// and is matched to the prepared account by e-mail, once (by subject afterwards).
import { Prisma } from '#app/generated/prisma/client.ts'
import { recordEvent } from '#app/modules/audit/record-event.server.ts'
import {
	consumeAccountToken,
	findUsableToken,
	issueAccountToken,
	TOKEN_LIFETIME_MS,
} from '#app/modules/auth/account-tokens.server.ts'
import {
	authSettings,
	emailConfigured,
	passwordSignInAllowedFor,
} from '#app/modules/auth/auth-settings.server.ts'
import { passwordProblem } from '#app/modules/auth/password-policy.ts'
import { notify } from '#app/modules/notifications/notify.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { hashPassword } from '#app/utils/password.server.ts'
import { type ReviewLaneName, type RoleName } from '#app/utils/permissions.ts'
import { type RequestInfo } from '#app/utils/request-context.ts'

export type Invitation = {
	name: string
	email: string
	orgUnitId: string
	roles: Array<RoleName>
	lanes: Array<ReviewLaneName>
}

type InvitationMessage = { body: string; link: string; secretLink?: string }

const INVITATION_DAYS = TOKEN_LIFETIME_MS.INVITATION / 86_400_000

/** What the invitation says and where it leads, for the sign-in methods this tracker offers. */
function invitationMessage(token: string | null): InvitationMessage {
	const { mode } = authSettings()
	const withPassword = `Choose your password with this link. It works once, within ${INVITATION_DAYS} days.`
	if (mode === 'oidc' || !token) {
		return { body: 'Sign in with your CMS account: your roles are ready for you.', link: '/login' }
	}
	if (mode === 'both') {
		return {
			body: `${withPassword}\n\nYou can also sign in with your CMS account instead, without a password.`,
			link: '/login',
			secretLink: `/invitations/${token}`,
		}
	}
	return { body: withPassword, link: '/login', secretLink: `/invitations/${token}` }
}

/** Whether an invitation carries a password link: not when people sign in through the provider alone. */
function invitationNeedsToken() {
	return authSettings().mode !== 'oidc'
}

/**
 * Creates the invited person's account with the roles given by hand and e-mails the invitation.
 * Returns the link for the administrator to pass on when no e-mail can be sent.
 */
export async function inviteUser(actorId: string, invitation: Invitation, request: RequestInfo) {
	const email = invitation.email.trim().toLowerCase()
	const orgUnit = await prisma.orgUnit.findUnique({
		where: { id: invitation.orgUnitId },
		select: { id: true, code: true },
	})
	if (!orgUnit) throw new AppError('INVALID', 'That org unit does not exist.')
	const roles = [...new Set(invitation.roles)]
	if (roles.length === 0) throw new AppError('INVALID', 'Choose at least one role.')
	const lanes = roles.includes('REVIEWER') ? [...new Set(invitation.lanes)] : []
	const mailable = emailConfigured()
	try {
		return await prisma.$transaction(async (tx) => {
			const user = await tx.user.create({
				data: {
					email,
					name: invitation.name.trim(),
					orgUnitId: orgUnit.id,
					invitedAt: new Date(),
					roles: {
						create: roles.map((role) => ({ role, lanes: role === 'REVIEWER' ? lanes : [] })),
					},
				},
				select: { id: true },
			})
			const token = invitationNeedsToken()
				? await issueAccountToken(tx, {
						userId: user.id,
						purpose: 'INVITATION',
						createdById: actorId,
					})
				: null
			const message = invitationMessage(token)
			await notify(
				tx,
				[user.id],
				{
					kind: 'ACCOUNT_INVITATION',
					title: 'You are invited to the AI Governance Tracker',
					...message,
				},
				{ email: mailable },
			)
			await recordEvent(tx, {
				actorId,
				action: 'user.invited',
				entityType: 'User',
				entityId: user.id,
				after: {
					email,
					name: invitation.name.trim(),
					orgUnit: orgUnit.code,
					roles: roles.map((role) => ({ role, lanes: role === 'REVIEWER' ? lanes : [] })),
					emailed: mailable,
				},
				request,
			})
			return {
				userId: user.id,
				linkToPassOn: mailable ? null : (message.secretLink ?? message.link),
			}
		})
	} catch (error) {
		if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
			throw new AppError(
				'CONFLICT',
				`${email} already has an account. Find it in the list of users to change its roles.`,
			)
		}
		throw error
	}
}

/** Sends the invitation again with a fresh link (the earlier one stops working). */
export async function resendInvitation(actorId: string, userId: string, request: RequestInfo) {
	const user = await prisma.user.findUnique({
		where: { id: userId },
		select: { id: true, email: true, active: true, invitedAt: true, invitationAcceptedAt: true },
	})
	if (!user) throw new AppError('NOT_FOUND', 'No user has this id.')
	if (!user.invitedAt || user.invitationAcceptedAt)
		throw new AppError('INVALID', 'This person has already accepted their invitation.')
	if (!user.active) throw new AppError('INVALID', 'This account is deactivated; activate it first.')
	const mailable = emailConfigured()
	return prisma.$transaction(async (tx) => {
		const token = invitationNeedsToken()
			? await issueAccountToken(tx, { userId, purpose: 'INVITATION', createdById: actorId })
			: null
		const message = invitationMessage(token)
		await notify(
			tx,
			[userId],
			{
				kind: 'ACCOUNT_INVITATION',
				title: 'You are invited to the AI Governance Tracker',
				...message,
			},
			{ email: mailable },
		)
		await recordEvent(tx, {
			actorId,
			action: 'user.invitation_resent',
			entityType: 'User',
			entityId: userId,
			after: { email: user.email, emailed: mailable },
			request,
		})
		return { linkToPassOn: mailable ? null : (message.secretLink ?? message.link) }
	})
}

/** Who an invitation link is for, without using it up. */
export async function findInvitation(token: string) {
	const { user } = await findUsableToken(token, 'INVITATION')
	return { email: user.email, name: user.name }
}

/** Accepts an invitation by choosing a password; the link is used up. */
export async function acceptInvitation(token: string, password: string, request: RequestInfo) {
	const { tokenId, user } = await findUsableToken(token, 'INVITATION')
	// An invitation sent before the tracker moved to single sign-on alone: the sign-in page is the way in.
	if (!passwordSignInAllowedFor(user.email))
		throw new AppError(
			'INVALID',
			'People sign in with their CMS account here: sign in from the sign-in page.',
		)
	const problem = passwordProblem(password, user)
	if (problem) throw new AppError('INVALID', problem)
	const hash = await hashPassword(password)
	await prisma.$transaction(async (tx) => {
		await consumeAccountToken(tx, tokenId, 'INVITATION')
		await tx.password.upsert({
			where: { userId: user.id },
			create: { userId: user.id, hash },
			update: { hash, mustChange: false },
		})
		await tx.user.update({ where: { id: user.id }, data: { invitationAcceptedAt: new Date() } })
		await recordEvent(tx, {
			actorId: user.id,
			action: 'user.invitation_accepted',
			entityType: 'User',
			entityId: user.id,
			after: { method: 'password' },
			request,
		})
	})
	return { userId: user.id }
}

/**
 * A new deployment's first administrator (INITIAL_ADMIN_EMAIL): while no active administrator exists,
 * the account is prepared as an invited administrator and the way in is returned for the server log
 * (an invitation link, or single sign-on by that e-mail). Does nothing once an administrator exists.
 */
export async function ensureInitialAdministrator(email: string, name: string | undefined) {
	const admins = await prisma.userRole.count({ where: { role: 'ADMIN', user: { active: true } } })
	if (admins > 0) return null
	const address = email.trim().toLowerCase()
	try {
		return await prisma.$transaction(async (tx) => {
			const existing = await tx.user.findUnique({ where: { email: address }, select: { id: true } })
			const user = existing
				? await tx.user.update({
						where: { id: existing.id },
						data: { active: true },
						select: { id: true },
					})
				: await tx.user.create({
						data: { email: address, name: name?.trim() || 'Administrator', invitedAt: new Date() },
						select: { id: true },
					})
			await tx.userRole.upsert({
				where: { userId_role_source: { userId: user.id, role: 'ADMIN', source: 'MANUAL' } },
				create: { userId: user.id, role: 'ADMIN', source: 'MANUAL' },
				update: {},
			})
			const token = invitationNeedsToken()
				? await issueAccountToken(tx, { userId: user.id, purpose: 'INVITATION', createdById: null })
				: null
			await recordEvent(tx, {
				actorId: null,
				action: 'user.invited',
				entityType: 'User',
				entityId: user.id,
				after: {
					email: address,
					roles: [{ role: 'ADMIN', lanes: [] }],
					source: 'INITIAL_ADMIN_EMAIL',
				},
			})
			return token ? { invitationPath: `/invitations/${token}` } : { invitationPath: null }
		})
	} catch (error) {
		// Another instance starting at the same moment prepared the account first.
		if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return null
		throw error
	}
}
