import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import {
	Button,
	CsrfInput,
	ErrorList,
	FormErrors,
	RadioGroupField,
	SelectField,
	TextAreaField,
} from '#app/components/forms.tsx'
import { isWaivableCheck } from '#app/modules/policies/checks/minimum-practices.ts'
import { decisionImpact } from '#app/modules/policies/evaluate.ts'
import { evaluateWithCurrentPack } from '#app/modules/policies/packs.server.ts'
import { getUseCaseForUser, toDocument } from '#app/modules/use-cases/use-cases.server.ts'
import {
	decideCase,
	decisionAccess,
	requestChanges,
} from '#app/modules/workflow/decisions.server.ts'
import { lanesOfRound } from '#app/modules/workflow/lanes.server.ts'
import { AppError, throwAsResponse } from '#app/utils/errors.ts'
import { idParams, isoDay, lockCounter, multiLineText } from '#app/utils/input-schemas.ts'
import { parseOrBadRequest } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { reviewLaneLabels } from '#app/utils/permissions.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import type { Route } from './+types/decide.ts'

const Params = idParams('useCaseId')
const CONDITION_ROWS = 3

const optional = (max: number) => multiLineText().max(max, `At most ${max} characters.`).optional()
const DecideSchema = z
	.object({
		outcome: z.enum(['APPROVED', 'APPROVED_WITH_CONDITIONS', 'REJECTED', 'REQUEST_CHANGES'], {
			error: 'Choose the decision.',
		}),
		note: z
			.string({ error: 'Give the reasons for the decision; they are recorded with it.' })
			.trim()
			.min(3, 'Give the reasons for the decision; they are recorded with it.')
			.max(5000, 'At most 5,000 characters.'),
		version: lockCounter(),
		nextReviewMonths: z
			.enum(['3', '6', '12'], { error: 'Choose 3, 6 or 12 months.' })
			.default('12'),
		conditions: z
			.array(z.object({ text: optional(2000), ownerEmail: optional(254), dueOn: optional(10) }))
			.max(CONDITION_ROWS)
			.default([]),
	})
	.superRefine((value, ctx) => {
		value.conditions.forEach((row, index) => {
			const filled = Boolean(row.text || row.ownerEmail || row.dueOn)
			if (!filled) return
			if (!row.text)
				ctx.addIssue({
					code: 'custom',
					path: ['conditions', index, 'text'],
					message: 'Describe the condition.',
				})
			if (!row.ownerEmail || !z.email().safeParse(row.ownerEmail).success) {
				ctx.addIssue({
					code: 'custom',
					path: ['conditions', index, 'ownerEmail'],
					message: 'Give the owner’s e-mail address.',
				})
			}
			if (!row.dueOn || !isoDay().safeParse(row.dueOn).success) {
				ctx.addIssue({
					code: 'custom',
					path: ['conditions', index, 'dueOn'],
					message: 'Give a due date such as 2027-01-15.',
				})
			}
		})
	})

export const meta: Route.MetaFunction = ({ loaderData }) => [
	{ title: `Decide ${loaderData?.useCase.trackingId ?? ''} · AI Governance Tracker` },
]

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUserWithPermission(request, 'decide:use-case:any')
	const { useCaseId } = parseOrBadRequest(Params, params)
	const useCase = await getUseCaseForUser(user, useCaseId).catch(throwAsResponse)
	const access = decisionAccess(user, useCase)
	if (access.whyNot) throw data({ message: access.whyNot }, { status: 403 })
	const [lanes, evaluation] = await Promise.all([
		lanesOfRound(useCase.id, useCase.reviewRound),
		evaluateWithCurrentPack(toDocument(useCase)),
	])
	return {
		useCase: {
			id: useCase.id,
			trackingId: useCase.trackingId,
			name: useCase.name,
			status: useCase.status,
			version: useCase.version,
			highImpact: useCase.highImpactDetermination === 'HIGH_IMPACT',
		},
		canDecide: access.canDecide,
		openLanes: lanes.filter((lane) => lane.open).map((lane) => reviewLaneLabels[lane.lane]),
		rejectedLanes: lanes
			.filter((lane) => lane.status === 'REJECTED')
			.map((lane) => reviewLaneLabels[lane.lane]),
		blockingFailures: evaluation.results.filter((result) => decisionImpact(result) === 'blocks'),
		warnings: evaluation.results.filter((result) => decisionImpact(result) === 'warns'),
	}
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const actor = await requireUserWithPermission(request, 'decide:use-case:any')
	const { useCaseId } = parseOrBadRequest(Params, params)
	const submission = parseWithZod(await request.formData(), { schema: DecideSchema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	const { outcome, note, version, nextReviewMonths } = submission.value
	const requestInfo = context.get(requestInfoContext)
	try {
		if (outcome === 'REQUEST_CHANGES') {
			await requestChanges(actor, { useCaseId, note, version }, requestInfo)
			return redirect(`/use-cases/${useCaseId}`)
		}
		const conditions = submission.value.conditions
			.filter((row) => row.text && row.ownerEmail && row.dueOn)
			.map((row) => ({
				text: row.text!,
				ownerEmail: row.ownerEmail!,
				dueOn: new Date(`${row.dueOn}T12:00:00Z`),
			}))
		const outcomeResult = await decideCase(
			actor,
			{ useCaseId, outcome, note, version, conditions, nextReviewMonths: Number(nextReviewMonths) },
			requestInfo,
		)
		if (outcomeResult.status === 'invalid')
			return data(
				{ result: submission.reply({ fieldErrors: outcomeResult.fieldErrors }) },
				{ status: 400 },
			)
	} catch (error) {
		if (error instanceof AppError && error.code !== 'NOT_FOUND')
			return data(
				{ result: submission.reply({ formErrors: [error.message] }) },
				{ status: error.status },
			)
		throwAsResponse(error)
	}
	return redirect(`/use-cases/${useCaseId}`)
}

const outcomeOptions = [
	{ value: 'APPROVED', label: 'Approve' },
	{ value: 'APPROVED_WITH_CONDITIONS', label: 'Approve with conditions' },
	{ value: 'REJECTED', label: 'Reject' },
	{ value: 'REQUEST_CHANGES', label: 'Send back to the submitters for changes' },
]

const inputClass =
	'mt-1 block w-full border border-base-dark px-3 py-2 aria-[invalid=true]:border-2 aria-[invalid=true]:border-error'

export default function DecideUseCase({ loaderData, actionData }: Route.ComponentProps) {
	const { useCase, canDecide, openLanes, rejectedLanes, blockingFailures, warnings } = loaderData
	const [form, fields] = useForm({
		id: `decide-${useCase.id}`,
		lastResult: actionData?.result,
		shouldValidate: 'onBlur',
		// Messages clear as the person corrects the answer, so nothing moves under the pointer on blur.
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: DecideSchema }),
		defaultValue: { nextReviewMonths: useCase.highImpact ? '6' : '12' },
	})
	const conditionRows = fields.conditions.getFieldList()
	return (
		<div className="max-w-4xl space-y-6">
			<p>
				<Link to={`/use-cases/${useCase.id}`}>Back to {useCase.trackingId}</Link>
			</p>
			<h1 className="text-3xl font-bold">Decide: {useCase.name}</h1>
			<section aria-labelledby="gate-heading" className="space-y-2 border border-base-lighter p-4">
				<h2 id="gate-heading" className="text-xl font-bold">
					Before deciding
				</h2>
				<ul className="list-disc space-y-1 pl-6">
					<li>
						{openLanes.length
							? `Still open: ${openLanes.join('; ')}. No decision can be recorded until every lane is decided.`
							: 'Every review lane of this round is decided.'}
					</li>
					{rejectedLanes.length ? (
						<li>
							Rejected: {rejectedLanes.join('; ')}. The case can be rejected or sent back, not
							approved.
						</li>
					) : null}
					<li>
						{blockingFailures.length
							? `Blocking checks failing today, with no waiver covering them: ${blockingFailures.map((result) => `${result.title} (${result.clauseIds[0]})`).join('; ')}. It cannot be approved until they pass${blockingFailures.some((result) => isWaivableCheck(result.checkId)) ? '; a CAIO waiver can cover a minimum practice’s check, and no other' : ': send the case back for the changes that make them pass'}.`
							: 'No blocking check fails today.'}
					</li>
					{warnings.length ? (
						<li>
							<strong>Warning:</strong>{' '}
							{warnings.length === 1
								? '1 blocking check needs'
								: `${warnings.length} blocking checks need`}{' '}
							attention and will block once {warnings.length === 1 ? 'it fails' : 'they fail'}:{' '}
							{warnings.map((result) => `${result.title} (${result.clauseIds[0]})`).join('; ')}.
							{warnings.some((result) => result.checkId.startsWith('M2521-4B-'))
								? ' Undocumented minimum practices must be documented, or waived by the CAIO, before the case is piloted or deployed.'
								: ''}
						</li>
					) : null}
				</ul>
				<p className="text-sm">
					You decide on version {useCase.version}; if the case changes before you record the
					decision, it is refused and you can read the change.
				</p>
			</section>
			{canDecide ? (
				<Form method="post" {...getFormProps(form)} className="space-y-5">
					<CsrfInput />
					<input type="hidden" name="version" value={useCase.version} />
					<FormErrors id="decide-errors" errors={form.errors} takeFocus />
					<RadioGroupField legend="Decision" field={fields.outcome} options={outcomeOptions} />
					<TextAreaField
						label="Reasons"
						hint="Recorded with the decision and sent to the people on the case."
						field={fields.note}
						rows={4}
					/>
					<fieldset className="space-y-3 border border-base-lighter p-4">
						<legend className="px-1 font-bold">Conditions (for an approval with conditions)</legend>
						<ErrorList errors={fields.conditions.errors} />
						{Array.from({ length: CONDITION_ROWS }, (_, index) => {
							const row = conditionRows[index]?.getFieldset()
							const errors = (name: 'text' | 'ownerEmail' | 'dueOn') => row?.[name].errors
							const id = (name: string) => `condition-${index}-${name}`
							return (
								<div key={index} className="grid gap-3 md:grid-cols-[2fr_1fr_10rem]">
									{(['text', 'ownerEmail', 'dueOn'] as const).map((name) => (
										<div key={name}>
											<label htmlFor={id(name)} className="block text-sm font-semibold">
												{name === 'text'
													? `Condition ${index + 1}`
													: name === 'ownerEmail'
														? 'Owner’s e-mail'
														: 'Due on'}
											</label>
											<input
												id={id(name)}
												name={`conditions[${index}].${name}`}
												type={name === 'dueOn' ? 'date' : name === 'ownerEmail' ? 'email' : 'text'}
												defaultValue={(row?.[name].initialValue as string | undefined) ?? ''}
												aria-invalid={errors(name)?.length ? true : undefined}
												aria-describedby={errors(name)?.length ? `${id(name)}-error` : undefined}
												className={inputClass}
											/>
											<ErrorList id={`${id(name)}-error`} errors={errors(name)} />
										</div>
									))}
								</div>
							)
						})}
					</fieldset>
					<SelectField
						label="Review it again in"
						hint="Approved cases come back yearly; high-impact cases on their monitoring cadence."
						field={fields.nextReviewMonths}
						options={[
							{ value: '3', label: '3 months' },
							{ value: '6', label: '6 months' },
							{ value: '12', label: '12 months' },
						]}
					/>
					<Button>Record decision</Button>
				</Form>
			) : (
				<p>This use case is not awaiting a decision.</p>
			)}
		</div>
	)
}
