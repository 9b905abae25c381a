import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, Form, redirect, useNavigation } from 'react-router'
import {
	Button,
	CsrfInput,
	FormErrors,
	SelectField,
	TextAreaField,
	TextField,
} from '#app/components/forms.tsx'
import { listOrgUnitOptions } from '#app/modules/datasets/datasets.server.ts'
import { NewUseCaseSchema } from '#app/modules/use-cases/schemas.ts'
import { createDraft } from '#app/modules/use-cases/use-cases.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { newSubmissionKey } from '#app/utils/form-submission.server.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import { orgUnitLabel } from '#app/modules/org-units/org-unit-label.ts'
import { DuplicateSuggestions } from './+duplicate-suggestions.tsx'
import type { Route } from './+types/new.ts'

export const meta: Route.MetaFunction = () => [
	{ title: 'Register an AI use case · AI Governance Tracker' },
]

export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requireUserWithPermission(request, 'create:use-case:own')
	const orgUnits = await listOrgUnitOptions()
	const ownUnit = orgUnits.find((unit) => unit.code === user.orgUnit?.code)
	return { orgUnits, defaultOrgUnitId: ownUnit?.id, submissionKey: newSubmissionKey(context) }
}

export async function action({ request, context }: Route.ActionArgs) {
	const actor = await requireUserWithPermission(request, 'create:use-case:own')
	const submission = parseWithZod(await request.formData(), { schema: NewUseCaseSchema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	try {
		const useCase = await createDraft(actor, submission.value, context.get(requestInfoContext))
		return redirect(`/use-cases/${useCase.id}/edit`)
	} catch (error) {
		if (error instanceof AppError)
			return data(
				{ result: submission.reply({ formErrors: [error.message] }) },
				{ status: error.status },
			)
		throw error
	}
}

export default function NewUseCase({ loaderData, actionData }: Route.ComponentProps) {
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id: 'new-use-case',
		lastResult: actionData?.result,
		constraint: getZodConstraint(NewUseCaseSchema),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: NewUseCaseSchema }),
		defaultValue: { orgUnitId: loaderData.defaultOrgUnitId },
	})
	const name = typeof form.value?.name === 'string' ? form.value.name : ''
	const problem = typeof form.value?.problemSolved === 'string' ? form.value.problemSolved : ''
	return (
		<div className="max-w-3xl space-y-6">
			<h1 className="text-3xl font-bold">Register an AI use case</h1>
			<p>
				Start with a name; you can save the draft and come back to the rest. The case gets a
				tracking id that stays with it in every year’s inventory.
			</p>
			<Form method="post" {...getFormProps(form)} className="space-y-5">
				<CsrfInput />
				{/* Posted twice (a retry, a double click), the form still creates one draft. */}
				<input type="hidden" name="submissionKey" value={loaderData.submissionKey} />
				<FormErrors id="new-use-case-errors" errors={form.errors} />
				<TextField label="Use case name" field={fields.name} />
				<TextAreaField
					label="What problem is the AI intended to solve? (optional for now)"
					field={fields.problemSolved}
				/>
				<DuplicateSuggestions name={name} problem={problem} />
				<SelectField
					label="Responsible org unit (Bureau/Component)"
					field={fields.orgUnitId}
					options={loaderData.orgUnits.map((u) => ({
						value: u.id,
						label: orgUnitLabel(u),
					}))}
				/>
				<Button disabled={navigation.state === 'submitting'}>Create draft</Button>
			</Form>
		</div>
	)
}
