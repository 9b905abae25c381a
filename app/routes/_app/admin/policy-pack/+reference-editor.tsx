import { getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form } from 'react-router'
import {
	Button,
	CsrfInput,
	FormErrors,
	SelectField,
	TextAreaField,
	TextField,
} from '#app/components/forms.tsx'
import { type PolicyReference } from '#app/modules/policies/policy-pack.ts'
import { ReferenceFormSchema } from '#app/modules/policies/schemas.ts'

export function ReferenceEditor({
	reference,
	revision,
	lastResult,
	submitLabel,
}: {
	reference?: PolicyReference
	revision: number
	lastResult?: SubmissionResult<Array<string>>
	submitLabel: string
}) {
	const [form, fields] = useForm({
		id: `reference-${reference?.id ?? 'new'}`,
		lastResult,
		constraint: getZodConstraint(ReferenceFormSchema),
		shouldValidate: 'onBlur',
		// Messages clear as the person corrects the answer, so nothing moves under the pointer on blur.
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ReferenceFormSchema }),
		defaultValue: reference
			? { ...reference, revision: String(revision) }
			: { status: 'IN_FORCE', revision: String(revision) },
	})
	return (
		<Form method="post" {...getFormProps(form)} className="max-w-3xl space-y-5">
			<CsrfInput />
			<input type="hidden" name="revision" value={revision} />
			<FormErrors id="reference-errors" errors={form.errors} />
			{reference ? (
				<input type="hidden" name="id" value={reference.id} />
			) : (
				<TextField label="Clause id" hint="For example M2521-4B-II." field={fields.id} />
			)}
			<TextField label="Instrument" field={fields.instrument} />
			<TextField label="Title" field={fields.title} />
			<TextField label="Citation" field={fields.citation} />
			<TextField label="Effective date" type="date" field={fields.effectiveDate} />
			<TextField label="Compliance date (optional)" type="date" field={fields.complianceDate} />
			<SelectField
				label="Status"
				field={fields.status}
				options={[
					{ value: 'IN_FORCE', label: 'In force' },
					{ value: 'SUPERSEDED', label: 'Superseded' },
				]}
			/>
			<TextField label="Superseded by (clause id, when superseded)" field={fields.supersededBy} />
			<TextField label="Official link" type="url" field={fields.link} />
			<TextAreaField label="Summary in plain words" field={fields.summary} rows={6} />
			<Button>{submitLabel}</Button>
		</Form>
	)
}
