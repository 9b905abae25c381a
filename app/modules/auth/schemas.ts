import { z } from 'zod'
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordLength } from './password-length.ts'

const newPassword = z
	.string({ error: 'Enter a new password.' })
	.max(MAX_PASSWORD_LENGTH * 4, `Use at most ${MAX_PASSWORD_LENGTH} characters.`)
	.refine(
		(value) => passwordLength(value) >= MIN_PASSWORD_LENGTH,
		`Use at least ${MIN_PASSWORD_LENGTH} characters.`,
	)
	.refine(
		(value) => passwordLength(value) <= MAX_PASSWORD_LENGTH,
		`Use at most ${MAX_PASSWORD_LENGTH} characters.`,
	)

const confirmation = z
	.string({ error: 'Enter the new password again.' })
	.max(MAX_PASSWORD_LENGTH * 4)

function matching<Shape extends { newPassword: string; confirmPassword: string }>(
	value: Shape,
	context: z.RefinementCtx,
) {
	if (value.newPassword !== value.confirmPassword) {
		context.addIssue({
			code: 'custom',
			path: ['confirmPassword'],
			message: 'The two passwords are not the same.',
		})
	}
}

/** Choosing a password through a link (an invitation or a reset). */
export const ChoosePasswordSchema = z
	.object({ newPassword, confirmPassword: confirmation })
	.superRefine(matching)

/** Changing one's own password: the current one first. */
export const ChangePasswordSchema = z
	.object({
		currentPassword: z
			.string({ error: 'Enter your current password.' })
			.min(1, 'Enter your current password.')
			.max(200),
		newPassword,
		confirmPassword: confirmation,
	})
	.superRefine(matching)

export const EndSessionSchema = z.discriminatedUnion('intent', [
	z.object({
		intent: z.literal('end-session'),
		session: z.string().regex(/^[\w-]{22}$/, 'Choose a session.'),
	}),
	z.object({ intent: z.literal('end-other-sessions') }),
])
