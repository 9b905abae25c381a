import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect } from 'react-router'
import { createDataset, listOrgUnitOptions } from '#app/modules/datasets/datasets.server.ts'
import { DatasetFormSchema } from '#app/modules/datasets/schemas.ts'
import { AppError } from '#app/utils/errors.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import { DatasetEditor } from './+dataset-editor.tsx'
import type { Route } from './+types/new.ts'

export const meta: Route.MetaFunction = () => [{ title: 'Add a dataset · AI Governance Tracker' }]

export async function loader({ request }: Route.LoaderArgs) {
	await requireUserWithPermission(request, 'create:dataset:any')
	return { orgUnits: await listOrgUnitOptions() }
}

export async function action({ request, context }: Route.ActionArgs) {
	const actor = await requireUserWithPermission(request, 'create:dataset:any')
	const submission = parseWithZod(await request.formData(), { schema: DatasetFormSchema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	try {
		const dataset = await createDataset(actor.id, submission.value, context.get(requestInfoContext))
		return redirect(`/datasets/${dataset.id}?saved=added`)
	} catch (error) {
		if (error instanceof AppError) {
			return data(
				{ result: submission.reply({ formErrors: [error.message] }) },
				{ status: error.status },
			)
		}
		throw error
	}
}

export default function NewDataset({ loaderData, actionData }: Route.ComponentProps) {
	return (
		<div className="space-y-6">
			<h1 className="text-3xl font-bold">Add a dataset</h1>
			<DatasetEditor
				orgUnits={loaderData.orgUnits}
				lastResult={actionData?.result}
				submitLabel="Add dataset"
			/>
		</div>
	)
}
