import { type FieldMetadata, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { ChangePasswordSchema } from '#app/modules/auth/schemas.ts'
import { Button, TextField, ValidatedForm } from './forms.tsx'

/** A new password and its confirmation, with the rules in words (NIST SP 800-63B: length, not symbols). */
export function NewPasswordFields({
	fields,
}: {
	fields: {
		newPassword: FieldMetadata<string | undefined | null>
		confirmPassword: FieldMetadata<string | undefined | null>
	}
}) {
	return (
		<>
			<TextField
				label="New password"
				hint="At least 15 characters. A few unrelated words with spaces are easy to remember and hard to guess; digits and symbols are not needed. Common or breached passwords are refused."
				field={fields.newPassword}
				type="password"
				autoComplete="new-password"
			/>
			<TextField
				label="Confirm new password"
				field={fields.confirmPassword}
				type="password"
				autoComplete="new-password"
			/>
		</>
	)
}

/** Changing one's own password: the current (or temporary) one, then the new one twice. */
export function ChangePasswordForm({
	id,
	lastResult,
	currentLabel,
	submitLabel,
	className,
}: {
	id: string
	lastResult: SubmissionResult<Array<string>> | null | undefined
	currentLabel: string
	submitLabel: string
	className: string
}) {
	const [form, fields] = useForm({
		id,
		lastResult,
		constraint: getZodConstraint(ChangePasswordSchema),
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ChangePasswordSchema }),
	})
	return (
		<ValidatedForm form={form} className={className}>
			<TextField
				label={currentLabel}
				field={fields.currentPassword}
				type="password"
				autoComplete="current-password"
			/>
			<NewPasswordFields fields={fields} />
			<Button>{submitLabel}</Button>
		</ValidatedForm>
	)
}
