import { type FieldMetadata, getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import { DataTable } from '#app/components/data-table.tsx'
import { Button, CsrfInput, FormErrors, TextField } from '#app/components/forms.tsx'
import { OpenCycleSchema } from '#app/modules/reporting-cycles/cycles-schemas.ts'
import { listCycles, openCycle } from '#app/modules/reporting-cycles/cycles.server.ts'
import { useRootData } from '#app/root.tsx'
import { AppError } from '#app/utils/errors.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import type { Route } from './+types/index.ts'

export const meta: Route.MetaFunction = () => [{ title: 'Reporting years · AI Governance Tracker' }]

export async function loader({ request }: Route.LoaderArgs) {
	await requireUserWithPermission(request, 'read:inventory:any')
	return { cycles: await listCycles(), thisYear: new Date().getUTCFullYear() }
}

export async function action({ request, context }: Route.ActionArgs) {
	const actor = await requireUserWithPermission(request, 'manage:cycle:any')
	const submission = parseWithZod(await request.formData(), { schema: OpenCycleSchema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	try {
		const cycle = await openCycle(actor.id, submission.value.year, context.get(requestInfoContext))
		return redirect(`/inventory/cycles/${cycle.year}`)
	} catch (error) {
		if (error instanceof AppError)
			return data(
				{ result: submission.reply({ fieldErrors: { year: [error.message] } }) },
				{ status: error.status },
			)
		throw error
	}
}

const dateFormat = new Intl.DateTimeFormat('en-US', {
	dateStyle: 'medium',
	timeZone: 'America/New_York',
})

export default function Cycles({ loaderData, actionData }: Route.ComponentProps) {
	const canManage = useRootData()?.user?.permissions.includes('manage:cycle:any')
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id: 'open-cycle',
		lastResult: actionData?.result,
		defaultValue: { year: String(loaderData.thisYear) },
		onValidate: ({ formData }) => parseWithZod(formData, { schema: OpenCycleSchema }),
	})
	return (
		<div className="max-w-5xl space-y-8">
			<p>
				<Link to="/inventory">AI use case inventory</Link>
			</p>
			<div className="space-y-2">
				<h1 className="text-3xl font-bold">Reporting years</h1>
				<p>
					Each year CMS reports its AI use cases to OMB. Opening a year freezes the inventory as it
					stands: every use case reported individually, with its OMB row and the columns its stage
					still lacks. The year then shows what changed since the previous one, and the governance
					lead certifies the submission. Tracking ids stay with their use case from year to year and
					are never reused.
				</p>
			</div>

			{canManage ? (
				<section aria-labelledby="open-heading" className="space-y-3">
					<h2 id="open-heading" className="text-2xl font-bold">
						Open a reporting year
					</h2>
					<Form method="post" {...getFormProps(form)} className="flex flex-wrap items-end gap-4">
						<CsrfInput />
						<div className="w-48">
							<TextField
								label="Reporting year"
								field={fields.year as unknown as FieldMetadata<string>}
								type="number"
							/>
						</div>
						<Button disabled={navigation.state !== 'idle'}>
							{navigation.state === 'submitting'
								? 'Freezing the snapshot…'
								: 'Open and freeze the snapshot'}
						</Button>
					</Form>
					<FormErrors id={form.errorId} errors={form.errors} />
				</section>
			) : null}

			<section aria-labelledby="years-heading" className="space-y-3">
				<h2 id="years-heading" className="text-2xl font-bold">
					Years opened
				</h2>
				{loaderData.cycles.length === 0 ? (
					<p>No reporting year has been opened yet.</p>
				) : (
					<DataTable
						caption="Reporting years"
						rows={loaderData.cycles}
						rowKey={(cycle) => cycle.id}
						columns={[
							{
								header: 'Year',
								cell: (cycle) => <Link to={`/inventory/cycles/${cycle.year}`}>{cycle.year}</Link>,
							},
							{ header: 'Use cases', cell: (cycle) => cycle.entries },
							{ header: 'Missing required columns', cell: (cycle) => cycle.incomplete },
							{
								header: 'Opened',
								cell: (cycle) =>
									`${dateFormat.format(new Date(cycle.openedAt))} by ${cycle.openedBy.name}`,
							},
							{
								header: 'Certified',
								cell: (cycle) =>
									cycle.certifiedAt
										? `${dateFormat.format(new Date(cycle.certifiedAt))} by ${cycle.certifiedBy?.name ?? '—'}`
										: 'Not yet',
							},
						]}
					/>
				)}
			</section>
		</div>
	)
}
