import { useEffect } from 'react'
import { data, Form, Link, redirect, useRevalidator } from 'react-router'
import { Button, CsrfInput } from '#app/components/forms.tsx'
import { restartReevaluation } from '#app/modules/jobs/runs.server.ts'
import { getReevaluationJob } from '#app/modules/policies/pack-admin.server.ts'
import { AppError, throwAsResponse } from '#app/utils/errors.ts'
import { idParams } from '#app/utils/input-schemas.ts'
import { parseOrBadRequest } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import type { Route } from './+types/jobs.$jobId.ts'

const Params = idParams('jobId')

export const meta: Route.MetaFunction = ({ loaderData }) => [
	{
		title: `Re-checking against pack ${loaderData?.job.packVersion ?? ''} · AI Governance Tracker`,
	},
]

export async function loader({ request, params }: Route.LoaderArgs) {
	await requireUserWithPermission(request, 'manage:policy:any')
	const { jobId } = parseOrBadRequest(Params, params)
	return { job: await getReevaluationJob(jobId).catch(throwAsResponse) }
}

/** A run that stopped (its retries spent) is started again; it continues after the last case it stored. */
export async function action({ request, params, context }: Route.ActionArgs) {
	const actor = await requireUserWithPermission(request, 'manage:policy:any')
	const { jobId } = parseOrBadRequest(Params, params)
	try {
		await restartReevaluation(actor.id, jobId, context.get(requestInfoContext))
	} catch (error) {
		if (error instanceof AppError && error.code !== 'NOT_FOUND')
			return data({ message: error.message }, { status: error.status })
		throwAsResponse(error)
	}
	return redirect(`/admin/policy-pack/jobs/${jobId}`)
}

export default function ReevaluationProgress({ loaderData, actionData }: Route.ComponentProps) {
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
			<progress
				id="reevaluation-progress"
				max={job.total || 1}
				value={job.total ? job.done : 1}
				className="h-4 w-full"
			/>
			<p role="status">
				{job.status === 'RUNNING'
					? `${job.done} of ${job.total} use cases checked (${percent}%)…`
					: job.status === 'DONE'
						? `Done: ${job.done} of ${job.total} use cases checked against pack ${job.packVersion}.`
						: `Stopped after ${job.done} of ${job.total}: ${job.error ?? 'unknown error'}`}
			</p>
			{actionData?.message ? (
				<p role="alert" className="border-l-4 border-error bg-error-lighter p-3">
					{actionData.message}
				</p>
			) : null}
			{job.status === 'FAILED' ? (
				<Form method="post">
					<CsrfInput />
					<Button>Continue checking from case {job.done + 1}</Button>
				</Form>
			) : null}
			<p className="text-sm text-base-darker">
				Started by {job.startedBy?.name ?? 'the system'} at{' '}
				{new Date(job.startedAt).toISOString().replace('T', ' ').slice(0, 19)} UTC.
			</p>
		</div>
	)
}
