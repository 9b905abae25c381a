import { data, Link } from 'react-router'
import { z } from 'zod'
import { getDraftPack } from '#app/modules/policies/pack-admin.server.ts'
import { clauseId } from '#app/utils/input-schemas.ts'
import { parseOrBadRequest } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import { ReferenceEditor } from './+reference-editor.tsx'
import { saveReference } from './+save-reference.server.ts'
import type { Route } from './+types/references.$referenceId.ts'

const Params = z.object({ referenceId: clauseId })

export const meta: Route.MetaFunction = ({ loaderData }) => [
	{ title: `Edit ${loaderData?.reference.id ?? 'reference'} · AI Governance Tracker` },
]

export async function loader({ request, params }: Route.LoaderArgs) {
	const actor = await requireUserWithPermission(request, 'manage:policy:any')
	const { referenceId } = parseOrBadRequest(Params, params)
	const draft = await getDraftPack(actor.id)
	const reference = draft.pack.references.find((r) => r.id === referenceId)
	if (!reference)
		throw data({ message: `The draft pack has no reference ${referenceId}.` }, { status: 404 })
	return { reference, revision: draft.revision, version: draft.version }
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const actor = await requireUserWithPermission(request, 'manage:policy:any')
	const { referenceId } = parseOrBadRequest(Params, params)
	return saveReference(
		actor.id,
		await request.formData(),
		context.get(requestInfoContext),
		referenceId,
	)
}

export default function EditReference({ loaderData, actionData }: Route.ComponentProps) {
	return (
		<div className="space-y-6">
			<p>
				<Link to="/admin/policy-pack">Policy pack editor</Link>
			</p>
			<h1 className="text-3xl font-bold">
				Edit {loaderData.reference.id} in draft pack {loaderData.version}
			</h1>
			<ReferenceEditor
				reference={loaderData.reference}
				revision={loaderData.revision}
				lastResult={actionData?.result}
				submitLabel="Save reference"
			/>
		</div>
	)
}
