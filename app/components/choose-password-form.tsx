import { type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { useNavigation } from 'react-router'
import { ChoosePasswordSchema } from '#app/modules/auth/schemas.ts'
import { Button, ValidatedForm } from './forms.tsx'
import { NewPasswordFields } from './password-fields.tsx'

/** The form behind an invitation or reset link: the e-mail it is for (for password managers) and a new password. */
export function ChoosePasswordForm({
	id,
	email,
	lastResult,
	submitLabel,
}: {
	id: string
	email: string
	lastResult?: SubmissionResult<Array<string>>
	submitLabel: string
}) {
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id,
		lastResult,
		constraint: getZodConstraint(ChoosePasswordSchema),
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ChoosePasswordSchema }),
	})
	return (
		<ValidatedForm form={form} className="mt-6 space-y-5">
			<input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
			<NewPasswordFields fields={fields} />
			<Button disabled={navigation.state === 'submitting'}>{submitLabel}</Button>
		</ValidatedForm>
	)
}
