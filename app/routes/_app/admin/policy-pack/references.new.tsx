import { parseWithZod } from '@conform-to/zod/v4'
import { data, Link, redirect } from 'react-router'
import { changeDraftPack, getDraftPack } from '#app/modules/policies/pack-admin.server.ts'
import { ReferenceFormSchema } from '#app/modules/policies/schemas.ts'
import { AppError, throwAsResponse } from '#app/utils/errors.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import { ReferenceEditor } from './+reference-editor.tsx'
import type { Route } from './+types/references.new.ts'

export const meta: Route.MetaFunction = () => [{ title: 'Add a reference · AI Governance Tracker' }]

export async function loader({ request }: Route.LoaderArgs) {
	const actor = await requireUserWithPermission(request, 'manage:policy:any')
	const draft = await getDraftPack(actor.id)
	return { revision: draft.revision, version: draft.version }
}

export async function action({ request, context }: Route.ActionArgs) {
	const actor = await requireUserWithPermission(request, 'manage:policy:any')
	const submission = parseWithZod(await request.formData(), { schema: ReferenceFormSchema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	const { revision, ...reference } = submission.value
	try {
		await changeDraftPack(
			actor.id,
			revision,
			{ kind: 'reference', isNew: true, reference },
			context.get(requestInfoContext),
		)
	} catch (error) {
		if (error instanceof AppError && error.code !== 'NOT_FOUND')
			return data(
				{ result: submission.reply({ formErrors: [error.message] }) },
				{ status: error.status },
			)
		throwAsResponse(error)
	}
	return redirect('/admin/policy-pack?saved=1')
}

export default function NewReference({ loaderData, actionData }: Route.ComponentProps) {
	return (
		<div className="space-y-6">
			<p>
				<Link to="/admin/policy-pack">Policy pack editor</Link>
			</p>
			<h1 className="text-3xl font-bold">Add a reference to draft pack {loaderData.version}</h1>
			<ReferenceEditor
				revision={loaderData.revision}
				lastResult={actionData?.result}
				submitLabel="Add reference"
			/>
		</div>
	)
}
