import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect, useSearchParams } from 'react-router'
import { z } from 'zod'
import { DataTable } from '#app/components/data-table.tsx'
import { ConfirmAction, SuccessAlert } from '#app/components/confirm-action.tsx'
import { Button, CsrfInput, ErrorList } from '#app/components/forms.tsx'
import { formatDay } from '#app/utils/dates.ts'
import {
	certifyPilot,
	changeWaiver,
	governanceRecord,
	grantWaiver,
	revokePilotCertification,
	savePracticeEvidence,
} from '#app/modules/governance/governance.server.ts'
import { practiceStatusLabels } from '#app/modules/governance/practice-tracker.ts'
import { isInvolvedIn, isListedOn } from '#app/modules/use-cases/use-cases.server.ts'
import { minimumPracticeKeys, minimumPractices } from '#app/modules/use-cases/vocabulary.ts'
import { AppError, throwAsResponse } from '#app/utils/errors.ts'
import {
	idParams,
	isoDay,
	lockCounter,
	multiLineText,
	recordId,
	webAddress,
} from '#app/utils/input-schemas.ts'
import { parseOrBadRequest } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { rolesGrant } from '#app/utils/permissions.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import type { Route } from './+types/governance.ts'

const Params = idParams('useCaseId')
const date = (message: string) => isoDay(message)
const optionalDate = isoDay('Use a date such as 2026-04-03.').optional()
const reason = (message: string) =>
	multiLineText({ error: message }).min(3, message).max(5000, 'At most 5,000 characters.')

const GovernanceActionSchema = z.discriminatedUnion('intent', [
	z.object({
		intent: z.literal('evidence'),
		practice: z.enum(minimumPracticeKeys),
		evidenceUrl: webAddress({ error: 'Enter a link that starts with https://.' }).optional(),
		ownerEmail: z.email('Enter an e-mail address.').max(254).optional(),
		documentedOn: optionalDate,
		note: multiLineText().max(2000, 'At most 2,000 characters.').optional(),
		revision: lockCounter(0),
	}),
	z.object({
		intent: z.literal('grant-waiver'),
		practice: z.enum(minimumPracticeKeys, { error: 'Choose the practice waived.' }),
		riskAssessment: multiLineText({
			error:
				'Attach the written risk assessment: why the practice would raise risk or impede critical operations.',
		})
			.min(
				40,
				'Write the risk assessment in full (at least 40 characters): M-25-21 §4(a)(ii) requires it.',
			)
			.max(10_000),
		grantedOn: date('Give the date the CAIO granted it.'),
		expiresOn: optionalDate,
		reportedToOmbOn: optionalDate,
		version: lockCounter(),
	}),
	z.object({
		intent: z.literal('waiver-report'),
		waiverId: recordId(),
		revision: lockCounter(),
		date: date('Give the date OMB was told.'),
	}),
	z.object({
		intent: z.literal('waiver-recertify'),
		waiverId: recordId(),
		revision: lockCounter(),
		date: date('Give the re-certification date.'),
	}),
	z.object({
		intent: z.literal('waiver-revoke'),
		waiverId: recordId(),
		revision: lockCounter(),
		date: date('Give the revocation date.'),
		reason: reason('Say why the waiver is revoked.'),
		/** Revoking asks first; the confirmation posts again with this. */
		confirmed: z.literal('yes').optional(),
	}),
	z.object({
		intent: z.literal('waiver-report-revocation'),
		waiverId: recordId(),
		revision: lockCounter(),
		date: date('Give the date OMB was told.'),
	}),
	z.object({
		intent: z.literal('certify-pilot'),
		certifiedOn: date('Give the certification date.'),
		endsOn: date('Give the date the pilot ends.'),
		scaleLimit: reason('Say how the pilot is limited in scale (e.g. two states, 500 cases).'),
		optOut: multiLineText().max(2000, 'At most 2,000 characters.').optional(),
		version: lockCounter(),
	}),
	z.object({
		intent: z.literal('revoke-pilot'),
		certificationId: recordId(),
		date: date('Give the revocation date.'),
	}),
])

export const meta: Route.MetaFunction = ({ loaderData }) => [
	{
		title: `Minimum practices and waivers · ${loaderData?.useCase.trackingId ?? ''} · AI Governance Tracker`,
	},
]

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUserWithPermission(request, 'read:use-case:any')
	const { useCaseId } = parseOrBadRequest(Params, params)
	const record = await governanceRecord(useCaseId).catch(throwAsResponse)
	const listed = isListedOn(user, record.useCase)
	const involved = isInvolvedIn(user, record.useCase)
	const isCaio = rolesGrant(
		user.roles.map((r) => r.role),
		'manage:waiver:any',
	)
	const closed = ['WITHDRAWN', 'REJECTED', 'RETIRED'].includes(record.useCase.status)
	return {
		useCase: {
			id: record.useCase.id,
			trackingId: record.useCase.trackingId,
			name: record.useCase.name,
			version: record.useCase.version,
			stage: record.useCase.stage,
			highImpact: record.useCase.highImpactDetermination === 'HIGH_IMPACT',
		},
		tracker: record.tracker,
		records: record.records,
		waivers: record.waivers,
		pilots: record.pilots,
		canRecordEvidence: !closed && (listed || isCaio),
		canManage: !closed && isCaio && !involved,
		today: new Date().toISOString().slice(0, 10),
	}
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const user = await requireUserWithPermission(request, 'read:use-case:any')
	const { useCaseId } = parseOrBadRequest(Params, params)
	const submission = parseWithZod(await request.formData(), { schema: GovernanceActionSchema })
	if (submission.status !== 'success')
		return data(
			{ result: submission.reply(), intent: String(submission.payload.intent ?? '') },
			{ status: 400 },
		)
	const requestInfo = context.get(requestInfoContext)
	const value = submission.value
	const at = (day: string) => new Date(`${day}T00:00:00Z`)
	if (value.intent === 'waiver-revoke' && !value.confirmed) {
		await requireUserWithPermission(request, 'manage:waiver:any')
		return data({
			confirmRevoke: {
				waiverId: value.waiverId,
				revision: value.revision,
				date: value.date,
				reason: value.reason,
			},
			intent: value.intent,
			result: undefined,
		})
	}
	try {
		switch (value.intent) {
			case 'evidence': {
				const outcome = await savePracticeEvidence(
					user,
					{
						useCaseId,
						practice: value.practice,
						evidenceUrl: value.evidenceUrl,
						ownerEmail: value.ownerEmail,
						documentedOn: value.documentedOn ? at(value.documentedOn) : undefined,
						note: value.note,
						revision: value.revision,
					},
					requestInfo,
				)
				if (outcome.status === 'invalid')
					return data(
						{
							result: submission.reply({ fieldErrors: outcome.fieldErrors }),
							intent: value.intent,
						},
						{ status: 400 },
					)
				break
			}
			case 'grant-waiver': {
				const actor = await requireUserWithPermission(request, 'manage:waiver:any')
				await grantWaiver(
					actor,
					{
						useCaseId,
						practice: value.practice,
						riskAssessment: value.riskAssessment,
						grantedOn: at(value.grantedOn),
						expiresOn: value.expiresOn ? at(value.expiresOn) : undefined,
						reportedToOmbOn: value.reportedToOmbOn ? at(value.reportedToOmbOn) : undefined,
						version: value.version,
					},
					requestInfo,
				)
				break
			}
			case 'waiver-report':
			case 'waiver-recertify':
			case 'waiver-revoke':
			case 'waiver-report-revocation': {
				const actor = await requireUserWithPermission(request, 'manage:waiver:any')
				const change =
					value.intent === 'waiver-report'
						? { kind: 'report' as const, reportedToOmbOn: at(value.date) }
						: value.intent === 'waiver-recertify'
							? { kind: 'recertify' as const, recertifiedOn: at(value.date) }
							: value.intent === 'waiver-revoke'
								? { kind: 'revoke' as const, revokedOn: at(value.date), reason: value.reason }
								: { kind: 'report-revocation' as const, revocationReportedOn: at(value.date) }
				await changeWaiver(
					actor,
					{ waiverId: value.waiverId, revision: value.revision, change },
					requestInfo,
				)
				break
			}
			case 'certify-pilot': {
				const actor = await requireUserWithPermission(request, 'manage:waiver:any')
				await certifyPilot(
					actor,
					{
						useCaseId,
						certifiedOn: at(value.certifiedOn),
						endsOn: at(value.endsOn),
						scaleLimit: value.scaleLimit,
						optOut: value.optOut,
						version: value.version,
					},
					requestInfo,
				)
				break
			}
			case 'revoke-pilot': {
				const actor = await requireUserWithPermission(request, 'manage:waiver:any')
				await revokePilotCertification(
					actor,
					{ certificationId: value.certificationId, revokedOn: at(value.date) },
					requestInfo,
				)
				break
			}
		}
	} catch (error) {
		if (error instanceof AppError && error.code !== 'NOT_FOUND') {
			return data(
				{ result: submission.reply({ formErrors: [error.message] }), intent: value.intent },
				{ status: error.status },
			)
		}
		throwAsResponse(error)
	}
	return redirect(`/use-cases/${useCaseId}/governance?saved=${value.intent}`)
}

const day = (value: Date | string | null | undefined) => (value ? formatDay(value) : '—')
const controlClass = 'mt-1 block w-full border border-base-dark px-2 py-1'

/** A labelled control with its errors: the control given, or a plain input named `name`. */
function Field({
	id,
	label,
	children,
	errors,
	name,
	type,
	defaultValue,
}: {
	id: string
	label: string
	children?: React.ReactNode
	errors?: Array<string>
	name?: string
	type?: 'date' | 'email' | 'url'
	defaultValue?: string
}) {
	return (
		<div>
			<label htmlFor={id} className="block text-sm font-semibold">
				{label}
			</label>
			{children ?? (
				<input
					id={id}
					name={name}
					type={type}
					defaultValue={defaultValue}
					className={controlClass}
				/>
			)}
			<ErrorList id={`${id}-error`} errors={errors} />
		</div>
	)
}

/** A form only the Chief AI Officer's office may send, on the case's current version. */
function CaioForm({
	headingId,
	title,
	intent,
	version,
	children,
}: {
	headingId: string
	title: string
	intent: 'grant-waiver' | 'certify-pilot'
	version: number
	children: React.ReactNode
}) {
	return (
		<Form
			method="post"
			aria-labelledby={headingId}
			className="space-y-3 border border-base-lighter p-4"
		>
			<h3 id={headingId} className="text-lg font-bold">
				{title}
			</h3>
			<CsrfInput />
			<input type="hidden" name="intent" value={intent} />
			<input type="hidden" name="version" value={version} />
			{children}
		</Form>
	)
}

/** A row of date fields of one form, each with its errors. */
function DateFields({
	fields,
	errorsOf,
	columns,
}: {
	fields: Array<{ id: string; label: string; name: string; defaultValue?: string }>
	errorsOf: (name: string) => Array<string> | undefined
	columns: 'md:grid-cols-2' | 'md:grid-cols-3'
}) {
	return (
		<div className={`grid gap-3 ${columns}`}>
			{fields.map((field) => (
				<Field key={field.id} {...field} type="date" errors={errorsOf(field.name)} />
			))}
		</div>
	)
}

export default function Governance({ loaderData, actionData }: Route.ComponentProps) {
	const { useCase, tracker, records, waivers, pilots, canRecordEvidence, canManage, today } =
		loaderData
	const [searchParams] = useSearchParams()
	const errors = (actionData?.result?.error ?? {}) as Record<string, Array<string> | null>
	const formErrors = errors['']
	const fieldError = (intent: string, name: string) =>
		actionData?.intent === intent ? (errors[name] ?? undefined) : undefined
	const livePilot = pilots.find((pilot) => !pilot.revokedOn)
	return (
		<div className="max-w-6xl space-y-8">
			<p>
				<Link to={`/use-cases/${useCase.id}`}>Back to {useCase.trackingId}</Link>
			</p>
			<h1 className="text-3xl font-bold">Minimum practices and waivers: {useCase.name}</h1>
			<p>
				M-25-21 §4(b) requires seven risk-management practices of high-impact AI, documented by{' '}
				{tracker.deadline} or the use is discontinued, unless the Chief AI Officer waives a practice
				(§4(a)(ii)) or certifies a limited pilot (§4(a)(i)).
				{tracker.applies
					? ''
					: ' This use case is not treated as high-impact today, so the practices do not bind it.'}
			</p>
			{searchParams.get('saved') && !formErrors?.length ? (
				<SuccessAlert>Recorded. The checks have been run again.</SuccessAlert>
			) : null}
			{formErrors?.length ? (
				<div role="alert" className="border-l-4 border-error bg-error-lighter p-3">
					<ErrorList errors={formErrors} />
				</div>
			) : null}
			{actionData && 'confirmRevoke' in actionData && actionData.confirmRevoke ? (
				<ConfirmAction
					title={`Revoke the ${minimumPractices[waivers.find((waiver) => waiver.id === actionData.confirmRevoke.waiverId)?.practice ?? 'TESTING'].label.toLowerCase()} waiver?`}
					intent="waiver-revoke"
					fields={{ ...actionData.confirmRevoke, confirmed: 'yes' }}
					confirmLabel="Yes, revoke the waiver"
					cancelTo={`/use-cases/${useCase.id}/governance`}
					danger
				>
					<p>
						From {formatDay(actionData.confirmRevoke.date)} the practice binds this use case again:
						unless it is documented, the minimum-practice check fails and the case may have to stop.
						OMB must be told of the revocation within 30 days.
					</p>
					<p>Reason recorded: {actionData.confirmRevoke.reason}</p>
				</ConfirmAction>
			) : null}

			<section aria-labelledby="practices-heading" className="space-y-3">
				<h2 id="practices-heading" className="text-2xl font-bold">
					The seven practices
				</h2>
				<DataTable
					caption="Minimum practices, their status and evidence"
					className="w-full text-sm"
					rows={tracker.practices}
					rowKey={(practice) => practice.practice}
					columns={[
						{
							header: 'Practice',
							rowHeader: true,
							cell: (practice) => `${practice.label} (${practice.clause})`,
						},
						{
							header: 'Status',
							cell: (practice) => (
								<>
									{practiceStatusLabels[practice.status]}
									{practice.waiverUntil ? ` until ${practice.waiverUntil}` : ''}
									{practice.late ? (
										<strong className="block text-error">Late: past {tracker.deadline}</strong>
									) : null}
									<span className="block text-base-darker">{practice.answer}</span>
								</>
							),
						},
						{
							header: 'Evidence',
							cell: (practice) =>
								practice.evidence?.evidenceUrl ? (
									<a href={practice.evidence.evidenceUrl}>Evidence</a>
								) : (
									'—'
								),
						},
						{ header: 'Owner', cell: (practice) => practice.evidence?.ownerName ?? '—' },
						{ header: 'Documented', cell: (practice) => practice.evidence?.documentedOn ?? '—' },
					]}
				/>
				{canRecordEvidence ? (
					<details className="border border-base-lighter p-3">
						<summary className="cursor-pointer font-bold">Record evidence for a practice</summary>
						<div className="mt-3 space-y-4">
							{tracker.practices.map((practice) => {
								const id = `evidence-${practice.practice}`
								return (
									<Form
										key={practice.practice}
										method="post"
										aria-label={`Evidence for ${practice.label}`}
										className="grid items-end gap-3 border-b border-base-lighter pb-3 md:grid-cols-5"
									>
										<CsrfInput />
										<input type="hidden" name="intent" value="evidence" />
										<input type="hidden" name="practice" value={practice.practice} />
										<input
											type="hidden"
											name="revision"
											value={records[practice.practice]?.revision ?? 0}
										/>
										<p className="font-semibold md:col-span-5">{practice.label}</p>
										<Field
											id={`${id}-url`}
											label="Link to the evidence"
											name="evidenceUrl"
											type="url"
											defaultValue={practice.evidence?.evidenceUrl ?? ''}
										/>
										<Field
											id={`${id}-owner`}
											label="Owner’s e-mail"
											name="ownerEmail"
											type="email"
											defaultValue={records[practice.practice]?.ownerEmail ?? ''}
										/>
										<Field
											id={`${id}-date`}
											label="Documented on"
											name="documentedOn"
											type="date"
											defaultValue={practice.evidence?.documentedOn ?? ''}
										/>
										<Field
											id={`${id}-note`}
											label="Note"
											name="note"
											defaultValue={practice.evidence?.note ?? ''}
										/>
										<Button variant="secondary" className="py-1.5">
											Save evidence
										</Button>
									</Form>
								)
							})}
						</div>
					</details>
				) : null}
			</section>

			<section aria-labelledby="waivers-heading" className="space-y-3">
				<h2 id="waivers-heading" className="text-2xl font-bold">
					CAIO waivers
				</h2>
				{waivers.length === 0 ? <p>No waiver is recorded.</p> : null}
				<ul className="space-y-3">
					{waivers.map((waiver) => (
						<li key={waiver.id} className="space-y-2 border border-base-lighter p-3">
							<p className="font-semibold">
								{minimumPractices[waiver.practice].label} (
								{minimumPractices[waiver.practice].clause}) — granted {day(waiver.grantedOn)} by{' '}
								{waiver.grantedBy.name}
								{waiver.revokedOn ? `, revoked ${day(waiver.revokedOn)}` : ''}
							</p>
							<p className="text-sm">
								Reported to OMB:{' '}
								{waiver.reportedToOmbOn
									? day(waiver.reportedToOmbOn)
									: `not yet (due ${day(new Date(new Date(waiver.grantedOn).getTime() + 30 * 86_400_000))})`}{' '}
								· Re-certified: {day(waiver.recertifiedOn)} · Expires: {day(waiver.expiresOn)}
								{waiver.revokedOn
									? ` · Revocation reported to OMB: ${day(waiver.revocationReportedOn)}`
									: ''}
							</p>
							<p className="text-sm">Risk assessment: {waiver.riskAssessment}</p>
							{waiver.revocationReason ? (
								<p className="text-sm">Revoked because: {waiver.revocationReason}</p>
							) : null}
							{canManage ? (
								<div className="flex flex-wrap gap-4">
									{(waiver.revokedOn
										? waiver.revocationReportedOn
											? []
											: ([
													['waiver-report-revocation', 'Record report of revocation to OMB'],
												] as const)
										: ([
												...(waiver.reportedToOmbOn
													? []
													: ([['waiver-report', 'Record report to OMB']] as const)),
												['waiver-recertify', 'Re-certify'],
												['waiver-revoke', 'Revoke'],
											] as const)
									).map(([intent, label]) => (
										<Form
											key={intent}
											method="post"
											aria-label={`${label}: ${minimumPractices[waiver.practice].label} waiver`}
											className="flex flex-wrap items-end gap-2"
										>
											<CsrfInput />
											<input type="hidden" name="intent" value={intent} />
											<input type="hidden" name="waiverId" value={waiver.id} />
											<input type="hidden" name="revision" value={waiver.revision} />
											<Field id={`${intent}-${waiver.id}-date`} label="On">
												<input
													id={`${intent}-${waiver.id}-date`}
													name="date"
													type="date"
													defaultValue={today}
													className={controlClass}
												/>
											</Field>
											{intent === 'waiver-revoke' ? (
												<Field id={`revoke-${waiver.id}-reason`} label="Reason">
													<input
														id={`revoke-${waiver.id}-reason`}
														name="reason"
														className={controlClass}
													/>
												</Field>
											) : null}
											<Button
												variant={intent === 'waiver-revoke' ? 'danger' : 'secondary'}
												className="py-1.5"
											>
												{label}
											</Button>
										</Form>
									))}
								</div>
							) : null}
						</li>
					))}
				</ul>
				{canManage && useCase.highImpact ? (
					<CaioForm
						headingId="grant-heading"
						title="Grant a waiver (CAIO only)"
						intent="grant-waiver"
						version={useCase.version}
					>
						<Field
							id="waiver-practice"
							label="Practice waived"
							errors={fieldError('grant-waiver', 'practice')}
						>
							<select id="waiver-practice" name="practice" defaultValue="" className={controlClass}>
								<option value="">Choose…</option>
								{tracker.practices.map((practice) => (
									<option key={practice.practice} value={practice.practice}>
										{practice.label} ({practice.clause})
									</option>
								))}
							</select>
						</Field>
						<Field
							id="waiver-risk"
							label="Written risk assessment"
							errors={fieldError('grant-waiver', 'riskAssessment')}
						>
							<textarea id="waiver-risk" name="riskAssessment" rows={4} className={controlClass} />
						</Field>
						<DateFields
							columns="md:grid-cols-3"
							errorsOf={(name) => fieldError('grant-waiver', name)}
							fields={[
								{
									id: 'waiver-granted',
									label: 'Granted on',
									name: 'grantedOn',
									defaultValue: today,
								},
								{ id: 'waiver-expires', label: 'Expires on (optional)', name: 'expiresOn' },
								{
									id: 'waiver-reported',
									label: 'Reported to OMB on (optional)',
									name: 'reportedToOmbOn',
								},
							]}
						/>
						<p className="text-sm">
							OMB must be told of the grant within 30 days; the waiver lapses unless re-certified
							every 12 months.
						</p>
						<Button>Grant waiver</Button>
					</CaioForm>
				) : null}
			</section>

			<section aria-labelledby="pilot-heading" className="space-y-3">
				<h2 id="pilot-heading" className="text-2xl font-bold">
					Pilot certification
				</h2>
				{pilots.length === 0 ? <p>No pilot certification is recorded.</p> : null}
				<ul className="space-y-2">
					{pilots.map((pilot) => (
						<li key={pilot.id} className="border border-base-lighter p-3">
							Certified {day(pilot.certifiedOn)} by {pilot.certifiedBy.name}, until{' '}
							{day(pilot.endsOn)}, limited to {pilot.scaleLimit}
							{pilot.optOut ? `; opt-out: ${pilot.optOut}` : ''}
							{pilot.revokedOn ? ` — revoked ${day(pilot.revokedOn)}` : ''}
						</li>
					))}
				</ul>
				{canManage && livePilot ? (
					<Form method="post" className="flex flex-wrap items-end gap-2">
						<CsrfInput />
						<input type="hidden" name="intent" value="revoke-pilot" />
						<input type="hidden" name="certificationId" value={livePilot.id} />
						<Field
							id="pilot-revoke-date"
							label="Revoke on"
							name="date"
							type="date"
							defaultValue={today}
						/>
						<Button variant="danger" className="py-1.5">
							Revoke the pilot certification
						</Button>
					</Form>
				) : null}
				{canManage && useCase.stage === 'PILOT' ? (
					<CaioForm
						headingId="certify-heading"
						title="Certify the pilot (CAIO only)"
						intent="certify-pilot"
						version={useCase.version}
					>
						<DateFields
							columns="md:grid-cols-2"
							errorsOf={(name) => fieldError('certify-pilot', name)}
							fields={[
								{
									id: 'pilot-certified',
									label: 'Certified on',
									name: 'certifiedOn',
									defaultValue: today,
								},
								{ id: 'pilot-ends', label: 'Pilot ends on', name: 'endsOn' },
							]}
						/>
						<Field
							id="pilot-scale"
							label="Limit of scale"
							errors={fieldError('certify-pilot', 'scaleLimit')}
							name="scaleLimit"
						/>
						<Field
							id="pilot-optout"
							label="How people can opt in or out (where possible)"
							errors={fieldError('certify-pilot', 'optOut')}
							name="optOut"
						/>
						<Button>Certify pilot</Button>
					</CaioForm>
				) : null}
			</section>
		</div>
	)
}
