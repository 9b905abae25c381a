import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import { DataTable } from '#app/components/data-table.tsx'
import { Button, CsrfInput, FormErrors } from '#app/components/forms.tsx'
import { SuccessAlert } from '#app/components/confirm-action.tsx'
import { NewOrgUnitSchema } from '#app/modules/org-units/org-unit-schemas.ts'
import { createOrgUnit, listOrgUnitsForAdmin } from '#app/modules/org-units/org-units.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import { orgUnitLabel } from '#app/modules/org-units/org-unit-label.ts'
import type { Route } from './+types/index.ts'

// A unit's code indented by its depth under HHS, as classes: the page's Content-Security-Policy refuses inline styles.
const depthIndent = ['pl-0', 'pl-5', 'pl-10', 'pl-15', 'pl-20', 'pl-25'] as const
const indentOf = (code: string) =>
	depthIndent[Math.min(code.split('/').length - 1, depthIndent.length - 1)]

export const meta: Route.MetaFunction = () => [{ title: 'Org units · AI Governance Tracker' }]

export async function loader({ request }: Route.LoaderArgs) {
	await requireUserWithPermission(request, 'manage:org-unit:any')
	const search = new URL(request.url).searchParams
	return { units: await listOrgUnitsForAdmin(), created: search.get('created') }
}

export async function action({ request, context }: Route.ActionArgs) {
	const actor = await requireUserWithPermission(request, 'manage:org-unit:any')
	const submission = parseWithZod(await request.formData(), { schema: NewOrgUnitSchema })
	if (submission.status !== 'success')
		return data(
			{
				errors: Object.values(submission.error ?? {})
					.flat()
					.filter(Boolean) as Array<string>,
			},
			{ status: 400 },
		)
	try {
		const unit = await createOrgUnit(actor, submission.value, context.get(requestInfoContext))
		return redirect(`/admin/org-units?created=${encodeURIComponent(unit.code)}`)
	} catch (error) {
		if (error instanceof AppError)
			return data({ errors: [error.message] }, { status: error.status })
		throw error
	}
}

export default function OrgUnits({ loaderData, actionData }: Route.ComponentProps) {
	const { units, created } = loaderData
	const busy = useNavigation().state !== 'idle'
	const active = units.filter((unit) => unit.active)
	return (
		<div className="max-w-5xl space-y-8">
			<div className="space-y-2">
				<h1 className="text-3xl font-bold">Org units</h1>
				<p>
					CMS’s organisation as the tracker files use cases, people and datasets under it. A unit’s
					code is its path (HHS/CMS/OIT), which OMB’s inventory reports as the Bureau/Component;
					renaming or moving a unit changes its code and keeps the old one as another name, so files
					that use it still find the unit.
				</p>
			</div>
			{created ? <SuccessAlert>{created} was added.</SuccessAlert> : null}
			<DataTable
				caption="Org units"
				rows={units}
				rowKey={(unit) => unit.id}
				columns={[
					{
						header: 'Code',
						className: 'font-mono',
						cell: (unit) => (
							<div className={indentOf(unit.code)}>
								<Link to={`/admin/org-units/${unit.id}`}>{unit.code}</Link>
							</div>
						),
					},
					{
						header: 'Name',
						cell: (unit) => (
							<>
								{unit.name}
								{unit.aliases.length ? (
									<span className="block text-sm text-base-dark">
										Also: {unit.aliases.join('; ')}
									</span>
								) : null}
							</>
						),
					},
					{ header: 'Use cases', cell: (unit) => unit._count.useCases },
					{ header: 'People', cell: (unit) => unit._count.users },
					{
						header: 'Status',
						cell: (unit) =>
							unit.active
								? 'Active'
								: unit.mergedInto
									? `Merged into ${unit.mergedInto.code}`
									: 'Deactivated',
					},
				]}
			/>
			<section aria-labelledby="add-heading" className="space-y-3">
				<h2 id="add-heading" className="text-2xl font-bold">
					Add an org unit
				</h2>
				<Form method="post" className="space-y-4">
					<CsrfInput />
					<FormErrors id="add-errors" errors={actionData?.errors} />
					<div>
						<label htmlFor="parentId" className="block font-semibold">
							Part of
						</label>
						<select
							id="parentId"
							name="parentId"
							required
							defaultValue={active.find((unit) => unit.code === 'HHS/CMS')?.id}
							className="mt-1 block w-full border border-base-dark px-3 py-2"
						>
							{active.map((unit) => (
								<option key={unit.id} value={unit.id}>
									{orgUnitLabel(unit)}
								</option>
							))}
						</select>
					</div>
					<div>
						<label htmlFor="shortName" className="block font-semibold">
							Abbreviation
						</label>
						<input
							id="shortName"
							name="shortName"
							required
							maxLength={20}
							aria-describedby="shortName-hint"
							className="mt-1 block w-full border border-base-dark px-3 py-2"
						/>
						<p id="shortName-hint" className="text-sm text-base-dark">
							As CMS writes it, e.g. OC; it becomes the last part of the code.
						</p>
					</div>
					<div>
						<label htmlFor="name" className="block font-semibold">
							Full name
						</label>
						<input
							id="name"
							name="name"
							required
							maxLength={200}
							className="mt-1 block w-full border border-base-dark px-3 py-2"
						/>
					</div>
					<Button disabled={busy}>Add the unit</Button>
				</Form>
			</section>
		</div>
	)
}
