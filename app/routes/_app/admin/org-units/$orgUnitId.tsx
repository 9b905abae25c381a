import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import { Button, CsrfInput, FormErrors } from '#app/components/forms.tsx'
import { SuccessAlert } from '#app/components/confirm-action.tsx'
import { OrgUnitChangeSchema } from '#app/modules/org-units/org-unit-schemas.ts'
import {
	changeOrgUnit,
	getOrgUnit,
	listOrgUnitsForAdmin,
} from '#app/modules/org-units/org-units.server.ts'
import { AppError, throwAsResponse } from '#app/utils/errors.ts'
import { idParams } from '#app/utils/input-schemas.ts'
import { parseOrBadRequest } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import { orgUnitLabel } from '#app/modules/org-units/org-unit-label.ts'
import type { Route } from './+types/$orgUnitId.ts'

const Params = idParams('orgUnitId')

export const meta: Route.MetaFunction = ({ loaderData }) => [
	{ title: `${loaderData?.unit.code ?? 'Org unit'} · AI Governance Tracker` },
]

export async function loader({ request, params }: Route.LoaderArgs) {
	await requireUserWithPermission(request, 'manage:org-unit:any')
	const { orgUnitId } = parseOrBadRequest(Params, params)
	const [unit, units] = await Promise.all([
		getOrgUnit(orgUnitId).catch(throwAsResponse),
		listOrgUnitsForAdmin(),
	])
	const others = units.filter(
		(other) => other.active && other.id !== unit.id && !other.code.startsWith(`${unit.code}/`),
	)
	return { unit, others, saved: new URL(request.url).searchParams.get('saved') }
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const actor = await requireUserWithPermission(request, 'manage:org-unit:any')
	const { orgUnitId } = parseOrBadRequest(Params, params)
	const submission = parseWithZod(await request.formData(), { schema: OrgUnitChangeSchema })
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
		await changeOrgUnit(actor, orgUnitId, submission.value, context.get(requestInfoContext))
	} catch (error) {
		if (error instanceof AppError && error.code !== 'NOT_FOUND')
			return data({ errors: [error.message] }, { status: error.status })
		throwAsResponse(error)
	}
	return redirect(`/admin/org-units/${orgUnitId}?saved=${submission.value.intent}`)
}

const savedMessages: Record<string, string> = {
	rename: 'Renamed.',
	move: 'Moved.',
	merge:
		'Merged: its use cases, people, datasets and units now belong to the unit it was merged into.',
	deactivate: 'Deactivated: it keeps its history but takes no new use cases.',
	reactivate: 'Active again.',
	aliases: 'Other names saved.',
}

function Select({
	id,
	name,
	label,
	units,
}: {
	id: string
	name: string
	label: string
	units: ReadonlyArray<{ id: string; code: string; name: string }>
}) {
	return (
		<div>
			<label htmlFor={id} className="block font-semibold">
				{label}
			</label>
			<select
				id={id}
				name={name}
				required
				className="mt-1 block w-full border border-base-dark px-3 py-2"
			>
				{units.map((unit) => (
					<option key={unit.id} value={unit.id}>
						{orgUnitLabel(unit)}
					</option>
				))}
			</select>
		</div>
	)
}

/** Each change to a unit is its own form, made against the version the page was read at. */
function UnitForm({
	intent,
	version,
	className,
	children,
}: {
	intent: string
	version: number
	className: string
	children: React.ReactNode
}) {
	return (
		<Form method="post" className={className}>
			<CsrfInput />
			<input type="hidden" name="intent" value={intent} />
			<input type="hidden" name="version" value={version} />
			{children}
		</Form>
	)
}

export default function OrgUnitPage({ loaderData, actionData }: Route.ComponentProps) {
	const { unit, others, saved } = loaderData
	const busy = useNavigation().state !== 'idle'
	return (
		<div className="max-w-3xl space-y-8">
			<p>
				<Link to="/admin/org-units">All org units</Link>
			</p>
			<div className="space-y-1">
				<h1 className="text-3xl font-bold">{unit.name}</h1>
				<p className="font-mono">{unit.code}</p>
				<p>
					{unit._count.useCases} use cases · {unit._count.users} people · {unit._count.datasets}{' '}
					datasets · {unit._count.children} units under it ·{' '}
					{unit.active
						? 'Active'
						: unit.mergedInto
							? `Merged into ${unit.mergedInto.code}`
							: 'Deactivated'}
				</p>
			</div>
			{saved && savedMessages[saved] ? <SuccessAlert>{savedMessages[saved]}</SuccessAlert> : null}
			<FormErrors id="org-unit-errors" errors={actionData?.errors} />

			<section aria-labelledby="rename-heading" className="space-y-3">
				<h2 id="rename-heading" className="text-2xl font-bold">
					Rename
				</h2>
				<UnitForm intent="rename" version={unit.version} className="space-y-3">
					<div>
						<label htmlFor="shortName" className="block font-semibold">
							Abbreviation
						</label>
						<input
							id="shortName"
							name="shortName"
							required
							maxLength={20}
							defaultValue={unit.shortName}
							className="mt-1 block w-full border border-base-dark px-3 py-2"
						/>
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
							defaultValue={unit.name}
							className="mt-1 block w-full border border-base-dark px-3 py-2"
						/>
					</div>
					<Button disabled={busy}>Rename</Button>
				</UnitForm>
			</section>

			<section aria-labelledby="aliases-heading" className="space-y-3">
				<h2 id="aliases-heading" className="text-2xl font-bold">
					Other names
				</h2>
				<UnitForm intent="aliases" version={unit.version} className="space-y-3">
					<div>
						<label htmlFor="aliases" className="block font-semibold">
							Other names files use for this unit, one a line
						</label>
						<textarea
							id="aliases"
							name="aliases"
							rows={4}
							defaultValue={unit.aliases.join('\n')}
							className="mt-1 block w-full border border-base-dark px-3 py-2"
						/>
					</div>
					<Button disabled={busy} variant="secondary">
						Save other names
					</Button>
				</UnitForm>
			</section>

			{unit.active && others.length ? (
				<>
					<section aria-labelledby="move-heading" className="space-y-3">
						<h2 id="move-heading" className="text-2xl font-bold">
							Move
						</h2>
						<UnitForm intent="move" version={unit.version} className="space-y-3">
							<Select id="move-parent" name="parentId" label="New parent unit" units={others} />
							<Button disabled={busy} variant="secondary">
								Move
							</Button>
						</UnitForm>
					</section>
					<section aria-labelledby="merge-heading" className="space-y-3">
						<h2 id="merge-heading" className="text-2xl font-bold">
							Merge into another unit
						</h2>
						<p>
							Its use cases, people, datasets and units move to the other unit, which takes its
							names; this unit is then deactivated.
						</p>
						<UnitForm intent="merge" version={unit.version} className="space-y-3">
							<Select id="merge-target" name="targetId" label="Merge into" units={others} />
							<Button disabled={busy} variant="secondary">
								Merge
							</Button>
						</UnitForm>
					</section>
				</>
			) : null}

			<UnitForm
				intent={unit.active ? 'deactivate' : 'reactivate'}
				version={unit.version}
				className="border-t border-base-lighter pt-6"
			>
				<Button disabled={busy} variant="secondary">
					{unit.active ? 'Deactivate this unit' : 'Make this unit active again'}
				</Button>
			</UnitForm>
		</div>
	)
}
