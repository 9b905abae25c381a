// The tracker's account behind a validated ID token: found by the provider's subject, linked once
// by e-mail to an account an administrator prepared (an invitation, or a password account moving to
// single sign-on), or provisioned just in time; its roles from the provider's groups refreshed.
import { type IDToken } from 'openid-client'
import { Prisma } from '#app/generated/prisma/client.ts'
import { recordEvent } from '#app/modules/audit/record-event.server.ts'
import { type Tx } from '#app/utils/db/tx.ts'
import { forgetSessions } from '#app/utils/auth.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { type OidcSettings } from '#app/utils/env.server.ts'
import { type RequestInfo } from '#app/utils/request-context.ts'
import { expireAccountTokens } from './account-tokens.server.ts'
import { SingleSignOnError } from './sso-error.ts'
import { groupsFromClaim, type RoleGrant, rolesForGroups, sameGrants } from './role-mapping.ts'

export type SignedInFromClaims = {
	userId: string
	/** How the account was found: by subject, linked by e-mail now, or created now. */
	matchedBy: 'subject' | 'email' | 'provisioned'
	rolesChanged: boolean
}

type ProfileClaims = {
	subject: string
	email: string | null
	emailVerified: boolean
	name: string | null
	orgUnit: string | null
	groups: Array<string>
}

/** What the tracker reads from the ID token. */
function profileFromClaims(
	settings: Pick<OidcSettings, 'roleClaim' | 'orgUnitClaim'>,
	claims: IDToken,
): ProfileClaims {
	const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null)
	const email = text(claims.email)?.toLowerCase() ?? null
	const name =
		text(claims.name) ??
		([text(claims.given_name), text(claims.family_name)].filter(Boolean).join(' ') || null)
	return {
		subject: claims.sub,
		email: email && email.length <= 254 ? email : null,
		// Entra ID and some agency directories never send email_verified; only an explicit false counts.
		emailVerified: claims.email_verified !== false,
		name: name ? name.slice(0, 200) : null,
		orgUnit: settings.orgUnitClaim ? text(claims[settings.orgUnitClaim]) : null,
		groups: groupsFromClaim(claims[settings.roleClaim]),
	}
}

export async function signInFromClaims(
	settings: OidcSettings,
	claims: IDToken,
	request: RequestInfo,
): Promise<SignedInFromClaims> {
	const profile = profileFromClaims(settings, claims)
	const mappings = await prisma.oidcGroupMapping.findMany({
		select: { group: true, role: true, lanes: true },
	})
	const grants = rolesForGroups(profile.groups, mappings)
	const orgUnitId = await orgUnitIdFor(profile.orgUnit)
	const result = await withOneRetry(() =>
		prisma.$transaction((tx) => findOrProvision(tx, profile, grants, orgUnitId, request)),
	)
	// New roles (or none) take effect on every instance at once, like an administrator's change.
	if (result.rolesChanged) forgetSessions({ userId: result.userId })
	return result
}

// Two first sign-ins of one person at the same moment: the second finds the first's account.
async function withOneRetry<T>(work: () => Promise<T>): Promise<T> {
	try {
		return await work()
	} catch (error) {
		if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
			return work()
		throw error
	}
}

async function orgUnitIdFor(value: string | null) {
	if (!value) return null
	const unit = await prisma.orgUnit.findFirst({
		where: {
			OR: [
				{ code: { equals: value, mode: 'insensitive' } },
				{ shortName: { equals: value, mode: 'insensitive' } },
			],
		},
		orderBy: { code: 'asc' },
		select: { id: true },
	})
	return unit?.id ?? null
}

const accountSelect = {
	id: true,
	name: true,
	email: true,
	active: true,
	orgUnitId: true,
	oidcSubject: true,
	invitationAcceptedAt: true,
	oidcGroups: true,
	roles: { where: { source: 'IDENTITY_PROVIDER' as const }, select: { role: true, lanes: true } },
} as const

async function findOrProvision(
	tx: Tx,
	profile: ProfileClaims,
	grants: Array<RoleGrant>,
	orgUnitId: string | null,
	request: RequestInfo,
): Promise<SignedInFromClaims> {
	let matchedBy: SignedInFromClaims['matchedBy'] = 'subject'
	let account = await tx.user.findUnique({
		where: { oidcSubject: profile.subject },
		select: accountSelect,
	})

	if (!account && profile.email) {
		const byEmail = await tx.user.findUnique({
			where: { email: profile.email },
			select: accountSelect,
		})
		if (byEmail) {
			if (byEmail.oidcSubject) {
				throw new SingleSignOnError(
					'e-mail belongs to an account linked to another subject',
					'Your CMS account’s e-mail address belongs to a tracker account that is linked to a different CMS identity. Ask an administrator.',
				)
			}
			if (!profile.emailVerified) {
				throw new SingleSignOnError(
					'e-mail not verified by the provider',
					'The CMS sign-in service has not verified your e-mail address, so it cannot be matched to your tracker account.',
				)
			}
			matchedBy = 'email'
			account = await tx.user.update({
				where: { id: byEmail.id },
				data: {
					oidcSubject: profile.subject,
					invitationAcceptedAt: byEmail.invitationAcceptedAt ?? new Date(),
				},
				select: accountSelect,
			})
			// An invitation's password link is no longer needed: the person signs in through the provider.
			await expireAccountTokens(tx, account.id, ['INVITATION'])
			await recordEvent(tx, {
				actorId: account.id,
				action: 'user.sso_linked',
				entityType: 'User',
				entityId: account.id,
				after: { subject: profile.subject, email: profile.email },
				request,
			})
		}
	}

	if (!account) {
		if (!profile.email) {
			throw new SingleSignOnError(
				'no e-mail claim',
				'The CMS sign-in service did not share your e-mail address, which the tracker needs to create your account.',
			)
		}
		matchedBy = 'provisioned'
		account = await tx.user.create({
			data: {
				email: profile.email,
				name: profile.name ?? profile.email,
				oidcSubject: profile.subject,
				oidcGroups: profile.groups,
				orgUnitId,
				invitationAcceptedAt: new Date(),
			},
			select: accountSelect,
		})
		await recordEvent(tx, {
			actorId: account.id,
			action: 'user.provisioned',
			entityType: 'User',
			entityId: account.id,
			after: {
				subject: profile.subject,
				email: profile.email,
				name: account.name,
				orgUnitId,
				source: 'single-sign-on',
			},
			request,
		})
	} else {
		if (!account.active)
			throw new SingleSignOnError(
				'account deactivated',
				'Your tracker account is deactivated. Ask an administrator.',
			)
		await refreshProfile(tx, account, profile, orgUnitId, request)
	}

	if (!sameGroups(account.oidcGroups, profile.groups)) {
		await tx.user.update({ where: { id: account.id }, data: { oidcGroups: profile.groups } })
	}
	const rolesChanged = !sameGrants(account.roles, grants)
	if (rolesChanged) {
		await tx.userRole.deleteMany({ where: { userId: account.id, source: 'IDENTITY_PROVIDER' } })
		if (grants.length) {
			await tx.userRole.createMany({
				data: grants.map((grant) => ({
					userId: account.id,
					role: grant.role,
					lanes: grant.lanes,
					source: 'IDENTITY_PROVIDER' as const,
				})),
			})
		}
		await recordEvent(tx, {
			actorId: account.id,
			action: 'user.idp_roles_refreshed',
			entityType: 'User',
			entityId: account.id,
			before: { roles: account.roles },
			after: { roles: grants, groups: profile.groups.slice(0, 100) },
			request,
		})
	}
	return { userId: account.id, matchedBy, rolesChanged }
}

const sameGroups = (a: ReadonlyArray<string>, b: ReadonlyArray<string>) =>
	a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n')

/** The directory is the source of a person's name and org unit; an e-mail change follows when free. */
async function refreshProfile(
	tx: Tx,
	account: { id: string; name: string; email: string; orgUnitId: string | null },
	profile: ProfileClaims,
	orgUnitId: string | null,
	request: RequestInfo,
) {
	const change: { name?: string; email?: string; orgUnitId?: string } = {}
	if (profile.name && profile.name !== account.name) change.name = profile.name
	if (orgUnitId && orgUnitId !== account.orgUnitId) change.orgUnitId = orgUnitId
	if (profile.email && profile.email !== account.email && profile.emailVerified) {
		const taken = await tx.user.findUnique({
			where: { email: profile.email },
			select: { id: true },
		})
		if (!taken) change.email = profile.email
	}
	if (Object.keys(change).length === 0) return
	await tx.user.update({ where: { id: account.id }, data: change })
	await recordEvent(tx, {
		actorId: account.id,
		action: 'user.profile_synced',
		entityType: 'User',
		entityId: account.id,
		before: Object.fromEntries(
			Object.keys(change).map((key) => [key, account[key as keyof typeof change]]),
		),
		after: change,
		request,
	})
}
