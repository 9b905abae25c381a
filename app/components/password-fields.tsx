import { type FieldMetadata } from '@conform-to/react'
import { TextField } from './forms.tsx'

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
