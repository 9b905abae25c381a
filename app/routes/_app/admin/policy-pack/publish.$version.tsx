import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import { Button, CsrfInput } from '#app/components/forms.tsx'
import { publicationPreview, publishPackVersion } from '#app/modules/policies/pack-admin.server.ts'
import { PACK_VERSION_PATTERN } from '#app/modules/policies/policy-pack.ts'
import { PublishSchema } from '#app/modules/policies/schemas.ts'
import { AppError, throwAsResponse } from '#app/utils/errors.ts'
import { parseOrBadRequest } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import { PackDiffView } from './+pack-diff.tsx'
import type { Route } from './+types/publish.$version.ts'

const Params = z.object({ version: z.string().max(30).regex(PACK_VERSION_PATTERN) })

export const meta: Route.MetaFunction = ({ loaderData }) => [
	{ title: `Publish pack ${loaderData?.preview.version ?? ''} · AI Governance Tracker` },
]

export async function loader({ request, params }: Route.LoaderArgs) {
	await requireUserWithPermission(request, 'manage:policy:any')
	const { version } = parseOrBadRequest(Params, params)
	return { preview: await publicationPreview(version).catch(throwAsResponse) }
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const actor = await requireUserWithPermission(request, 'manage:policy:any')
	const { version } = parseOrBadRequest(Params, params)
	const submission = parseWithZod(await request.formData(), { schema: PublishSchema })
	if (submission.status !== 'success')
		return data({ message: 'The form was not valid; reload and try again.' }, { status: 400 })
	try {
		const { jobId } = await publishPackVersion(
			actor.id,
			{ version, revision: submission.value.revision },
			context.get(requestInfoContext),
		)
		return redirect(`/admin/policy-pack/jobs/${jobId}`)
	} catch (error) {
		if (error instanceof AppError && error.code !== 'NOT_FOUND')
			return data({ message: error.message }, { status: error.status })
		throwAsResponse(error)
	}
}

export default function PublishPack({ loaderData, actionData }: Route.ComponentProps) {
	const { preview } = loaderData
	const cases = `${preview.useCasesToRecheck} use case${preview.useCasesToRecheck === 1 ? '' : 's'}`
	return (
		<div className="max-w-4xl space-y-6">
			<p>
				<Link to="/admin/policy-pack">Policy pack editor</Link>
			</p>
			<h1 className="text-3xl font-bold">
				Publish {preview.origin === 'RELEASE' ? 'release' : 'draft'} {preview.version}
			</h1>
			<p>
				{preview.title}. {preview.description}
			</p>
			<p>
				What changes from pack {preview.current}, which is in force today. Nothing takes effect
				until you publish; afterwards every non-retired use case ({cases}) is checked again against
				pack {preview.version}.
				{preview.origin === 'RELEASE'
					? ' Settings you changed in your own editions (severities, lanes, references) are carried into a new draft on top of the release, for you to review and publish.'
					: ''}
			</p>
			{actionData?.message ? (
				<p role="alert" className="border-l-4 border-error bg-error-lighter p-3">
					{actionData.message}
				</p>
			) : null}
			<PackDiffView diff={preview.diff} />
			{preview.missingImplementations.length ? (
				<p role="alert" className="border-l-4 border-error bg-error-lighter p-3">
					This version of the tracker has no code for {preview.missingImplementations.join(', ')},
					so the pack cannot be published.
				</p>
			) : (
				<Form method="post" className="space-y-3 border-t border-base-lighter pt-6">
					<CsrfInput />
					<input type="hidden" name="intent" value="publish" />
					<input type="hidden" name="revision" value={preview.revision} />
					<p>
						Publishing makes pack {preview.version} the pack in force and re-checks {cases}.
					</p>
					<Button>
						Publish pack {preview.version} and re-check {cases}
					</Button>
				</Form>
			)}
		</div>
	)
}
