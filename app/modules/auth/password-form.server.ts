import { parseWithZod } from '@conform-to/zod/v4'
import { data } from 'react-router'
import type { z } from 'zod'
import { AppError, throwAsResponse } from '#app/utils/errors.ts'

// Never sent back to the browser, whatever the outcome.
const PASSWORD_FIELDS = ['currentPassword', 'newPassword', 'confirmPassword']

/**
 * The action behind every form that sets a password (an invitation, a reset link, a temporary password,
 * Settings): the answers are checked against `schema`, `save` stores the password and answers where to
 * go next, and a refusal (a wrong current password, a used or expired link) is shown above the form.
 */
export async function passwordFormAction<Schema extends z.ZodType>(
	request: Request,
	schema: Schema,
	save: (value: z.output<Schema>) => Promise<Response>,
) {
	const submission = parseWithZod(await request.formData(), { schema })
	if (submission.status !== 'success')
		return data({ result: submission.reply({ hideFields: PASSWORD_FIELDS }) }, { status: 400 })
	try {
		return await save(submission.value)
	} catch (error) {
		if (error instanceof AppError && error.code === 'INVALID') {
			return data(
				{ result: submission.reply({ formErrors: [error.message], hideFields: PASSWORD_FIELDS }) },
				{ status: 400 },
			)
		}
		return throwAsResponse(error)
	}
}
