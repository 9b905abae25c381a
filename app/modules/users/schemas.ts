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

export const UserAccessSchema = z.object({
	intent: z.literal('update-access'),
	active: z.boolean().default(false),
	orgUnitId: recordId('org unit'),
	roles: z.array(z.enum(roleNames)).default([]),
	lanes: z.array(z.enum(reviewLanes)).default([]),
	emailNotifications: z.boolean().default(false),
})

export const RevokeSessionsSchema = z.object({ intent: z.literal('revoke-sessions') })

export const UserAdminActionSchema = z.discriminatedUnion('intent', [UserAccessSchema, RevokeSessionsSchema])
