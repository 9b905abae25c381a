import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect } from 'react-router'
import {
	canEditDataset,
	getDataset,
	listOrgUnitOptions,
	updateDataset,
} from '#app/modules/datasets/datasets.server.ts'
import { DatasetFormSchema } from '#app/modules/datasets/schemas.ts'
import { AppError, throwAsResponse } from '#app/utils/errors.ts'
import { idParams } from '#app/utils/input-schemas.ts'
import { parseOrBadRequest } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import { DatasetEditor } from '../+dataset-editor.tsx'
import type { Route } from './+types/edit.ts'

const Params = idParams('datasetId')

export const meta: Route.MetaFunction = () => [{ title: 'Edit dataset · AI Governance Tracker' }]

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUserWithPermission(request, 'read:dataset:any')
	const { datasetId } = parseOrBadRequest(Params, params)
	const dataset = await getDataset(datasetId).catch(throwAsResponse)
	if (!canEditDataset(user, dataset)) {
		throw data(
			{ message: 'Only administrators and this dataset’s steward can edit it.' },
			{ status: 403 },
		)
	}
	return { dataset, orgUnits: await listOrgUnitOptions(dataset.orgUnitId) }
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const actor = await requireUserWithPermission(request, 'read:dataset:any')
	const { datasetId } = parseOrBadRequest(Params, params)
	// Who may edit is decided before what they sent is read.
	if (!canEditDataset(actor, await getDataset(datasetId).catch(throwAsResponse))) {
		throw data(
			{ message: 'Only administrators and this dataset’s steward can edit it.' },
			{ status: 403 },
		)
	}
	const submission = parseWithZod(await request.formData(), { schema: DatasetFormSchema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	const version = submission.value.version
	if (version === undefined) {
		return data(
			{
				result: submission.reply({
					formErrors: ['The form is missing its version; reload the page.'],
				}),
			},
			{ status: 400 },
		)
	}
	try {
		await updateDataset(
			actor,
			datasetId,
			submission.value,
			version,
			context.get(requestInfoContext),
		)
	} catch (error) {
		if (error instanceof AppError && (error.code === 'CONFLICT' || error.code === 'INVALID')) {
			return data(
				{ result: submission.reply({ formErrors: [error.message] }) },
				{ status: error.status },
			)
		}
		throwAsResponse(error)
	}
	return redirect(`/datasets/${datasetId}?saved=1`)
}

export default function EditDataset({ loaderData, actionData }: Route.ComponentProps) {
	return (
		<div className="space-y-6">
			<h1 className="text-3xl font-bold">Edit {loaderData.dataset.name}</h1>
			<DatasetEditor
				dataset={loaderData.dataset}
				orgUnits={loaderData.orgUnits}
				lastResult={actionData?.result}
				submitLabel="Save dataset"
			/>
		</div>
	)
}
