import { useEffect } from 'react'
import { Link, useRevalidator } from 'react-router'
import { getReevaluationJob } from '#app/modules/policies/packs.server.ts'
import { throwAsResponse } from '#app/utils/errors.ts'
import { idParams } from '#app/utils/input-schemas.ts'
import { parseOrBadRequest } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import type { Route } from './+types/jobs.$jobId.ts'

const Params = idParams('jobId')

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `Re-checking against pack ${loaderData?.job.packVersion ?? ''} · AI Governance Tracker` }]

export async function loader({ request, params }: Route.LoaderArgs) {
	await requireUserWithPermission(request, 'manage:policy:any')
	const { jobId } = parseOrBadRequest(Params, params)
	return { job: await getReevaluationJob(jobId).catch(throwAsResponse) }
}

export default function ReevaluationProgress({ loaderData }: Route.ComponentProps) {
	const { job } = loaderData
	const revalidator = useRevalidator()
	const { revalidate } = revalidator
	useEffect(() => {
		if (job.status !== 'RUNNING') return
		const timer = setInterval(() => void revalidate(), 1000)
		return () => clearInterval(timer)
	}, [job.status, revalidate])
	const percent = job.total ? Math.round((job.done / job.total) * 100) : 100
	return (
		<div className="max-w-3xl space-y-6">
			<p>
				<Link to="/admin/policy-pack">Policy pack editor</Link>
			</p>
			<h1 className="text-3xl font-bold">Checking every use case against pack {job.packVersion}</h1>
			<label htmlFor="reevaluation-progress" className="block font-semibold">
				Progress
			</label>
			<progress id="reevaluation-progress" max={job.total || 1} value={job.total ? job.done : 1} className="h-4 w-full" />
			<p role="status">
				{job.status === 'RUNNING'
					? `${job.done} of ${job.total} use cases checked (${percent}%)…`
					: job.status === 'DONE'
						? `Done: ${job.done} of ${job.total} use cases checked against pack ${job.packVersion}.`
						: `Stopped after ${job.done} of ${job.total}: ${job.error ?? 'unknown error'}`}
			</p>
			<p className="text-sm text-base-darker">
				Started by {job.startedBy?.name ?? 'the system'} at {new Date(job.startedAt).toISOString().replace('T', ' ').slice(0, 19)} UTC.
			</p>
		</div>
	)
}
