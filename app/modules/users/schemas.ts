import { z } from 'zod'
import { recordId, singleLineText } from '#app/utils/input-schemas.ts'
import { reviewLanes, roleNames } from '#app/utils/permissions.ts'

export const LoginSchema = z.object({
	email: z
		.string({ error: 'Enter your e-mail address.' })
		.trim()
		.toLowerCase()
		.max(254, 'E-mail addresses are at most 254 characters.')
		.email('Enter an e-mail address such as name@cms.hhs.gov.'),
	password: z
		.string({ error: 'Enter your password.' })
		.regex(/^[^\u0000]*$/, 'Passwords cannot contain NUL characters.')
		.min(1, 'Enter your password.')
		.max(200, 'Passwords are at most 200 characters.'),
	redirectTo: singleLineText().max(2000).optional(),
})

const UserAccessSchema = z.object({
	intent: z.literal('update-access'),
	active: z.boolean().default(false),
	orgUnitId: recordId('org unit'),
	roles: z.array(z.enum(roleNames)).default([]),
	lanes: z.array(z.enum(reviewLanes)).default([]),
	emailNotifications: z.boolean().default(false),
})

const RevokeSessionsSchema = z.object({ intent: z.literal('revoke-sessions') })

export const UserAdminActionSchema = z.discriminatedUnion('intent', [
	UserAccessSchema,
	RevokeSessionsSchema,
	z.object({ intent: z.literal('resend-invitation') }),
	z.object({ intent: z.literal('send-reset-link') }),
	z.object({ intent: z.literal('set-temporary-password') }),
])

export const InviteUserSchema = z
	.object({
		name: z
			.string({ error: 'Enter the person’s name.' })
			.trim()
			.min(1, 'Enter the person’s name.')
			.max(200, 'Names are at most 200 characters.'),
		email: z
			.string({ error: 'Enter their e-mail address.' })
			.trim()
			.toLowerCase()
			.max(254, 'E-mail addresses are at most 254 characters.')
			.email('Enter an e-mail address such as name@cms.hhs.gov.'),
		orgUnitId: z.string({ error: 'Choose an org unit.' }).min(1, 'Choose an org unit.').max(40),
		roles: z
			.array(z.enum(roleNames), { error: 'Choose at least one role.' })
			.min(1, 'Choose at least one role.'),
		lanes: z.array(z.enum(reviewLanes)).default([]),
	})
	.refine((invitation) => !invitation.roles.includes('REVIEWER') || invitation.lanes.length > 0, {
		path: ['lanes'],
		message: 'Choose the lanes they review: a reviewer with no lane can review nothing.',
	})

export const GroupMappingSchema = z.discriminatedUnion('intent', [
	z.object({
		intent: z.literal('add'),
		group: z
			.string({ error: 'Enter the group’s name as the identity provider sends it.' })
			.trim()
			.min(1, 'Enter the group’s name as the identity provider sends it.')
			.max(256, 'Group names are at most 256 characters.'),
		role: z.enum(roleNames, { error: 'Choose a role.' }),
		lanes: z.array(z.enum(reviewLanes)).default([]),
	}),
	z.object({ intent: z.literal('remove'), mappingId: z.string().min(1).max(40) }),
])
