import { Link } from 'react-router'
import { getDraftPack } from '#app/modules/policies/pack-admin.server.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import { ReferenceEditor } from './+reference-editor.tsx'
import { saveReference } from './+save-reference.server.ts'
import type { Route } from './+types/references.new.ts'

export const meta: Route.MetaFunction = () => [{ title: 'Add a reference · AI Governance Tracker' }]

export async function loader({ request }: Route.LoaderArgs) {
	const actor = await requireUserWithPermission(request, 'manage:policy:any')
	const draft = await getDraftPack(actor.id)
	return { revision: draft.revision, version: draft.version }
}

export async function action({ request, context }: Route.ActionArgs) {
	const actor = await requireUserWithPermission(request, 'manage:policy:any')
	return saveReference(actor.id, await request.formData(), context.get(requestInfoContext))
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
