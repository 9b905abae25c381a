import { getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form, useNavigation } from 'react-router'
import { ChoosePasswordSchema } from '#app/modules/auth/schemas.ts'
import { Button, CsrfInput, FormErrors } from './forms.tsx'
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
	const formErrorId = `${id}-errors`
	return (
		<Form
			method="post"
			{...getFormProps(form)}
			aria-describedby={form.errors?.length ? formErrorId : undefined}
			className="mt-6 space-y-5"
		>
			<CsrfInput />
			<FormErrors id={formErrorId} errors={form.errors} />
			<input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
			<NewPasswordFields fields={fields} />
			<Button disabled={navigation.state === 'submitting'}>{submitLabel}</Button>
		</Form>
	)
}
