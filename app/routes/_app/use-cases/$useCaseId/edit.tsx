import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useEffect, useRef } from 'react'
import { data, Form, Link, redirect, useFetcher, useNavigation, useSearchParams } from 'react-router'
import { z } from 'zod'
import {
	Button,
	CheckboxGroupField,
	CsrfInput,
	ErrorList,
	FormErrors,
	RadioGroupField,
	SelectField,
	TextAreaField,
	TextField,
} from '#app/components/forms.tsx'
import { datasetSensitivityLabels } from '#app/modules/datasets/schemas.ts'
import { listOrgUnitOptions } from '#app/modules/datasets/datasets.server.ts'
import { visibleFields } from '#app/modules/use-cases/field-rules.ts'
import { formValuesFromDocument } from '#app/modules/use-cases/form-values.ts'
import { UseCaseFormSchema } from '#app/modules/use-cases/schemas.ts'
import {
	canEditUseCase,
	findDuplicatesFor,
	getUseCaseForUser,
	listDatasetOptions,
	saveUseCase,
	toDocument,
} from '#app/modules/use-cases/use-cases.server.ts'
import {
	affectedPartyLabels,
	appealChoices,
	choiceLabel,
	classificationChoices,
	codeSharingDecisionLabels,
	contractingChoices,
	cotsCommonTaskLabels,
	contractingUsages,
	datasetUsageLabels,
	decisionRoleLabels,
	decisionRoles,
	demographicFeatureChoices,
	failsafeChoices,
	hostingLabels,
	hostingOptions,
	independentReviewChoices,
	informedDecisionLabels,
	informedDecisions,
	monitoringChoices,
	type OmbChoice,
	part2ConsentBasisLabels,
	practiceProgressChoices,
	publicConsultationChoices,
	stageChoices,
	stages,
	topicAreaChoices,
	trainingChoices,
	withholdingChoices,
} from '#app/modules/use-cases/vocabulary.ts'
import { AppError, throwAsResponse } from '#app/utils/errors.ts'
import { idParams } from '#app/utils/input-schemas.ts'
import { parseOrBadRequest } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import { PolicyFindings } from '#app/components/policy-findings.tsx'
import { evaluateWithCurrentPack, storedEvaluation } from '#app/modules/policies/packs.server.ts'
import { FINDINGS_PREVIEW_PATH, revalidateUnlessFindingsPreview } from '#app/utils/revalidation.ts'
import { DuplicateList } from '../+duplicate-suggestions.tsx'
import type { Route } from './+types/edit.ts'

const Params = idParams('useCaseId')

export const meta: Route.MetaFunction = ({ loaderData }) => [
	{ title: `Edit ${loaderData?.useCase.trackingId ?? 'use case'} · AI Governance Tracker` },
]

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUserWithPermission(request, 'update:use-case:own')
	const { useCaseId } = parseOrBadRequest(Params, params)
	const useCase = await getUseCaseForUser(user, useCaseId).catch(throwAsResponse)
	if (!canEditUseCase(user, useCase)) {
		throw data({ message: 'Only the people listed on a use case can edit it, and not while it is in review or after it is closed.' }, { status: 403 })
	}
	const [orgUnits, datasetOptions] = await Promise.all([listOrgUnitOptions(useCase.orgUnitId), listDatasetOptions()])
	const document = toDocument(useCase)
	return {
		evaluation: (await storedEvaluation(useCase.id, useCase.version)) ?? (await evaluateWithCurrentPack(document)),
		useCase: { id: useCase.id, trackingId: useCase.trackingId, status: useCase.status, version: useCase.version, orgUnitId: useCase.orgUnitId },
		document,
		datasetsWithUsage: useCase.datasets.filter((link) => link.usages.length > 0).map((link) => link.dataset.id),
		team: useCase.contacts.filter((c) => c.role === 'DEVELOPER').map((c) => c.user.email),
		// Shown after each save, so people can join an existing case instead of duplicating it.
		duplicates: await findDuplicatesFor(user, {
			name: useCase.name,
			problemSolved: useCase.problemSolved ?? undefined,
			datasetIds: useCase.datasets.map((d) => d.dataset.id),
			vendorNames: useCase.vendorNames,
			excludeId: useCase.id,
		}),
		orgUnits,
		datasetOptions,
	}
}

export const shouldRevalidate = revalidateUnlessFindingsPreview

/** Document field paths (from the submission rules) → the form's field names. */
function formFieldName(path: string) {
	if (path === 'orgUnit') return 'orgUnitId'
	const practice = /^practices\.(\w)(\w*)$/.exec(path)
	if (practice) return `practice${practice[1]!.toUpperCase()}${practice[2]}`
	const dataset = /^datasets\.(\d+)\.(\w+)$/.exec(path)
	if (dataset) return `datasets[${dataset[1]}].${dataset[2]}`
	return path
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const actor = await requireUserWithPermission(request, 'update:use-case:own')
	const { useCaseId } = parseOrBadRequest(Params, params)
	const submission = parseWithZod(await request.formData(), { schema: UseCaseFormSchema })
	const formVersion = Number(submission.payload.version) || 0
	if (submission.status !== 'success') {
		return data(
			{ formVersion, result: submission.reply({ formErrors: ['Some answers need fixing; see the messages by each question.'] }) },
			{ status: 400 },
		)
	}
	try {
		const result = await saveUseCase(actor, useCaseId, submission.value, context.get(requestInfoContext))
		if (result.status === 'submitted') return redirect(`/use-cases/${useCaseId}?submitted=1`)
		if (result.status === 'reopened') return redirect(`/use-cases/${useCaseId}?reopened=${encodeURIComponent(result.changed.join(','))}`)
		if (result.status === 'incomplete') {
			const fieldErrors = Object.fromEntries(Object.entries(result.fieldErrors).map(([path, messages]) => [formFieldName(path), messages]))
			const count = Object.keys(fieldErrors).length
			const reply = submission.reply({
				fieldErrors,
				formErrors: [
					`${result.saved ? 'Your answers are saved as a draft, but ' : 'Nothing was saved: a submitted use case must stay complete, and '}${count === 1 ? '1 question needs' : `${count} questions need`} an answer before you can submit.`,
				],
			})
			// The form comes back showing these answers; the next save must name the version just written.
			if (reply.initialValue) reply.initialValue.version = String(result.version)
			// 200 when the draft was saved, so the page reloads the new version alongside the messages.
			return data({ formVersion, result: reply }, { status: result.saved ? 200 : 400 })
		}
		return redirect(`/use-cases/${useCaseId}/edit?saved=1`)
	} catch (error) {
		if (error instanceof AppError && (error.code === 'CONFLICT' || error.code === 'INVALID')) {
			return data({ formVersion, result: submission.reply({ formErrors: [error.message] }) }, { status: error.status })
		}
		throwAsResponse(error)
	}
}

const toOptions = (choices: Record<string, OmbChoice>) =>
	Object.entries(choices).map(([value, choice]) => ({ value, label: choiceLabel(choice) }))
const labelled = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }))
const yesNoOptions = [
	{ value: 'YES', label: 'Yes' },
	{ value: 'NO', label: 'No' },
]

function Section({ title, children }: { title: string; children: React.ReactNode }) {
	return (
		<section aria-labelledby={`${title}-heading`.replace(/\W+/g, '-')} className="space-y-5 border-t border-base-lighter pt-6">
			<h2 id={`${title}-heading`.replace(/\W+/g, '-')} className="text-2xl font-bold">
				{title}
			</h2>
			{children}
		</section>
	)
}

export default function EditUseCase({ loaderData, actionData }: Route.ComponentProps) {
	const { useCase, document: doc, orgUnits, datasetOptions, datasetsWithUsage, team, duplicates, evaluation } = loaderData
	const navigation = useNavigation()
	const [searchParams] = useSearchParams()
	const [form, fields] = useForm({
		// A successful save redirects and remounts the form with the saved answers; a save that comes
		// back with messages keeps the form the person was typing in.
		id: `use-case-${useCase.id}-v${actionData?.formVersion ?? useCase.version}`,
		lastResult: actionData?.result,
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: UseCaseFormSchema }),
		defaultValue: formValuesFromDocument(doc, { orgUnitId: useCase.orgUnitId, teamEmails: team }),

	})

	// Which questions apply follows the answers as they are typed (and, without JavaScript, as
	// saved). A value that is not a valid answer counts as unanswered.
	const live = form.value ?? {}
	const answer = (value: unknown) => (value === 'YES' ? true : value === 'NO' ? false : undefined)
	const liveList = (value: unknown) => (Array.isArray(value) ? value : typeof value === 'string' ? [value] : [])
	const visible = visibleFields({
		...doc,
		stage: z.enum(stages).safeParse(live.stage).data,
		contractingUsage: z.enum(contractingUsages).safeParse(live.contractingUsage).data,
		vendorNames: typeof live.vendorNames === 'string' ? live.vendorNames.split(';').filter((v) => v.trim()) : [],
		hasAto: answer(live.hasAto),
		hasPii: answer(live.hasPii),
		hasCustomCode: answer(live.hasCustomCode),
		generativeAi: answer(live.generativeAi),
		publicFacing: answer(live.publicFacing),
		hosting: z.enum(hostingOptions).safeParse(live.hosting).data,
		decisionRole: z.enum(decisionRoles).safeParse(live.decisionRole).data,
		informedDecisions: z.array(z.enum(informedDecisions)).catch([]).parse(liveList(live.informedDecisions)),
		aiScreen: { ruleBasedOnly: answer(live.ruleBasedOnly) },
		safeguards: { ...doc.safeguards, retrievedByPersonalIdentifier: answer(live.safeguardRetrievedByIdentifier) },
	})
	const safeguardQuestions = [...visible].filter((path) => path.startsWith('safeguards.'))
	// Live findings: the answers as typed are evaluated (nothing is saved) shortly after each change.
	const preview = useFetcher<{ evaluation: typeof evaluation | null }>()
	const previewTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
	useEffect(() => () => clearTimeout(previewTimer.current), [])
	const requestPreview = (event: React.FormEvent<HTMLFormElement>) => {
		const formElement = event.currentTarget
		clearTimeout(previewTimer.current)
		previewTimer.current = setTimeout(() => {
			void preview.submit(new FormData(formElement), { method: 'post', action: `/use-cases/${useCase.id}/${FINDINGS_PREVIEW_PATH}` })
		}, 400)
	}
	// A save supersedes the preview, whether it is still waiting to be sent or already on its way: a
	// preview finishing while the saved page loads would make React Router drop the page's fresh data
	// (the preview skips revalidation), and the form would come back without the answers just saved.
	const formProps = getFormProps(form)
	const saveForm = (event: React.FormEvent<HTMLFormElement>) => {
		clearTimeout(previewTimer.current)
		if (preview.state !== 'idle') preview.reset()
		formProps.onSubmit(event)
	}
	const previewed = preview.data?.evaluation ?? null
	const linkedIds = new Set(doc.datasets.map((d) => d.id))
	// A dataset linked but not yet told how it is used is stored with no usages.
	const savedUsage = (datasetId: string | undefined) => datasetsWithUsage.includes(datasetId ?? '')
	const formErrorId = 'use-case-form-errors'

	return (
		<div className="max-w-4xl space-y-6">
			<p>
				<Link to={`/use-cases/${useCase.id}`}>Back to {useCase.trackingId}</Link>
			</p>
			<h1 className="text-3xl font-bold">
				{useCase.trackingId}: {doc.name}
			</h1>
			<p>
				Drafts can be saved at any time with questions unanswered. Submitting checks that every question the OMB
				inventory requires for the chosen stage is answered.
			</p>
			<Form method="post" key={form.id} {...formProps} onSubmit={saveForm} onChange={requestPreview} aria-describedby={form.errors?.length ? formErrorId : undefined} className="space-y-8">
				<CsrfInput />
				<input type="hidden" name="version" value={useCase.version} />
				<FormErrors id={formErrorId} errors={form.errors} />
				<DuplicateList matches={duplicates} />
				{searchParams.get('saved') && !form.errors?.length ? (
					<p role="status" className="border-l-4 border-success bg-success-lighter p-3">
						Draft saved (version {useCase.version}).
					</p>
				) : null}

				<Section title="About the use case">
					<TextField label="Use case name" field={fields.name} />
					<SelectField
						label="Responsible org unit (Bureau/Component)"
						field={fields.orgUnitId}
						options={orgUnits.map((u) => ({ value: u.id, label: `${u.code} — ${u.name}` }))}
					/>
					<TextField label="Contact e-mail for the inventory" type="email" field={fields.contactEmail} />
					<TextField
						label="Developers and other people on this use case (optional)"
						hint="Their e-mail addresses, separated by semicolons. People listed on a case cannot review or decide it."
						field={fields.teamEmails}
					/>
					<SelectField label="Stage of development" field={fields.stage} options={toOptions(stageChoices)} />
					<SelectField label="Topic area" field={fields.topicArea} options={toOptions(topicAreaChoices)} />
					<SelectField label="AI classification (closest)" field={fields.classification} options={toOptions(classificationChoices)} />
					<RadioGroupField
						legend="Does it only follow fixed rules or robotic process automation, learning nothing from data?"
						hint="Rule-based automation is not AI under NAIIA §5002(3) and M-25-21 §5; the checks will ask you to record why."
						field={fields.ruleBasedOnly}
						options={yesNoOptions}
					/>
					{visible.has('aiScreen.notAiRationale') ? (
						<TextAreaField
							label="Why is it not AI?"
							hint="Describe the fixed rules it follows; the governance lead confirms it falls outside NAIIA §5002(3)."
							field={fields.notAiRationale}
						/>
					) : null}
					<TextAreaField label="What problem is the AI intended to solve?" field={fields.problemSolved} />
					<TextAreaField label="Expected benefits for the mission or the public" field={fields.benefits} />
					<TextAreaField label="What does the AI output?" hint="A prediction, a recommendation, a decision, a draft text…" field={fields.systemOutputs} />
					{visible.has('operationalDate') ? (
						<TextField
							label="Date it became operational (or the pilot’s start date)"
							hint="As precise as you know it: 2025-07-14, a month such as 2025-07, or a year."
							field={fields.operationalDate}
						/>
					) : null}
				</Section>

				<Section title="Decisions and people affected">
					<SelectField label="What role does the AI play in decisions?" field={fields.decisionRole} options={labelled(decisionRoleLabels)} />
					<CheckboxGroupField legend="Which decisions does it inform?" field={fields.informedDecisions} options={labelled(informedDecisionLabels)} />
					<CheckboxGroupField legend="Whose outcomes does it affect?" field={fields.affectedParties} options={labelled(affectedPartyLabels)} />
					<RadioGroupField legend="Does the public interact with it directly?" field={fields.publicFacing} options={yesNoOptions} />
					{visible.has('highImpact.principalBasisRationale') ? (
						<TextAreaField
							label="Why is its output, or is it not, a principal basis for those decisions?"
							hint="M-25-21 §4(a): say who decides, what else they weigh, and whether they can and do depart from the AI’s output."
							field={fields.principalBasisRationale}
						/>
					) : null}
				</Section>

				<Section title="Technology and sourcing">
					<RadioGroupField legend="Does it use generative AI or a large language model?" field={fields.generativeAi} options={yesNoOptions} />
					<SelectField label="Where does it run?" field={fields.hosting} options={labelled(hostingLabels)} />
					<SelectField
						label="Was it purchased, developed in-house, or both?"
						field={fields.contractingUsage}
						options={toOptions(contractingChoices)}
					/>
					{visible.has('vendorNames') ? (
						<TextField label="Vendor name(s)" hint="Separate several vendors with a semicolon." field={fields.vendorNames} />
					) : null}
					{live.contractingUsage === 'PURCHASED' ? (
						<>
							<SelectField
								label="Is it one of OMB’s 20 common commercial tasks?"
								hint="Such a use, when not high-impact, may be reported in OMB’s consolidated form."
								field={fields.cotsTask}
								options={labelled(cotsCommonTaskLabels)}
								placeholder="No, none of them"
							/>
							<TextField label="Estimated number of licences or users" hint="For example 1,000–5,000." field={fields.estimatedUsers} />
						</>
					) : null}
					<RadioGroupField
						legend="Does it have an Authorization to Operate (ATO), itself or as part of another system?"
						field={fields.hasAto}
						options={yesNoOptions}
					/>
					{visible.has('atoSystemName') ? <TextField label="System name in the ATO" field={fields.atoSystemName} /> : null}
					<RadioGroupField legend="Does the project include custom-developed code?" field={fields.hasCustomCode} options={yesNoOptions} />
					{visible.has('codeUrl') ? <TextField label="Link to the public source code, if open source" type="url" field={fields.codeUrl} /> : null}
				</Section>

				<Section title="Data">
					<TextAreaField
						label="Describe the data used to train, fine-tune or evaluate the model"
						field={fields.dataDescription}
					/>
					<TextField label="Federal Data Catalog link, if the data is an open data asset" type="url" field={fields.linkToData} />
					<RadioGroupField legend="Does it involve PII that the agency maintains?" field={fields.hasPii} options={yesNoOptions} />
					{visible.has('piaUrl') ? <TextField label="Link to the Privacy Impact Assessment, if public" type="url" field={fields.piaUrl} /> : null}
					<CheckboxGroupField
						legend="Which demographic variables does the model use as features?"
						field={fields.demographicFeatures}
						options={toOptions(demographicFeatureChoices)}
					/>
					<div className="space-y-4">
						<h3 className="text-xl font-bold">Datasets from the catalogue</h3>
						<ErrorList errors={fields.datasets.errors} />
						{doc.datasets.length === 0 ? <p>No datasets linked yet.</p> : null}
						{doc.datasets.map((linkedDataset, index) => {
							const name = `datasets[${index}]`
							const id = `${form.id}-dataset-${index}`
							const sensitive = linkedDataset.sensitivities.includes('PHI') || linkedDataset.sensitivities.includes('PII')
							const justificationErrors = form.allErrors[`${name}.minimumNecessaryJustification`]
							const usageErrors = form.allErrors[`${name}.usages`]
							return (
								<fieldset key={linkedDataset.id} className="space-y-3 border border-base-lighter p-4">
									<legend className="px-1 font-bold">{linkedDataset.name}</legend>
									<p className="text-sm">
										Sensitivity:{' '}
										{linkedDataset.sensitivities.length
											? linkedDataset.sensitivities.map((s) => datasetSensitivityLabels[s]).join('; ')
											: 'none recorded'}
									</p>
									<input type="hidden" name={`${name}.datasetId`} value={linkedDataset.id ?? ''} />
									<fieldset aria-describedby={usageErrors ? `${id}-usage-error` : undefined}>
										<legend className="font-semibold">How is it used?</legend>
										{Object.entries(datasetUsageLabels).map(([usage, label]) => (
											<div key={usage} className="mt-2 flex items-center gap-2">
												<input
													id={`${id}-${usage}`}
													type="checkbox"
													name={`${name}.usages`}
													value={usage}
													defaultChecked={linkedDataset.usage.includes(usage as never) && savedUsage(linkedDataset.id)}
													className="size-5"
												/>
												<label htmlFor={`${id}-${usage}`}>{label}</label>
											</div>
										))}
										<ErrorList id={`${id}-usage-error`} errors={usageErrors} />
									</fieldset>
									<div>
										<label htmlFor={`${id}-justification`} className="block font-semibold">
											{sensitive ? 'Why is this data needed? (minimum necessary, required for PHI and PII)' : 'Why is this data needed? (optional)'}
										</label>
										<textarea
											id={`${id}-justification`}
											name={`${name}.minimumNecessaryJustification`}
											defaultValue={linkedDataset.minimumNecessaryJustification ?? ''}
											rows={3}
											aria-invalid={justificationErrors ? true : undefined}
											aria-describedby={justificationErrors ? `${id}-justification-error` : undefined}
											className="mt-1 block w-full border border-base-dark px-3 py-2 aria-[invalid=true]:border-2 aria-[invalid=true]:border-error"
										/>
										<ErrorList id={`${id}-justification-error`} errors={justificationErrors} />
									</div>
									<div className="flex items-center gap-2">
										<input id={`${id}-remove`} type="checkbox" name={`${name}.remove`} value="on" className="size-5" />
										<label htmlFor={`${id}-remove`}>Remove this dataset when saving</label>
									</div>
								</fieldset>
							)
						})}
						<div>
							<label htmlFor="add-dataset" className="block font-semibold">
								Link another dataset
							</label>
							<div className="mt-1 flex flex-wrap gap-2">
								<select id="add-dataset" name="addDatasetId" defaultValue="" className="border border-base-dark px-3 py-2">
									<option value="">Choose a dataset…</option>
									{datasetOptions
										.filter((d) => !linkedIds.has(d.id))
										.map((d) => (
											<option key={d.id} value={d.id}>
												{d.name}
												{d.sensitivities.length ? ` (${d.sensitivities.join(', ')})` : ''}
											</option>
										))}
								</select>
								<Button variant="secondary" name="intent" value="save">
									Link dataset
								</Button>
							</div>
						</div>
					</div>
				</Section>

				{safeguardQuestions.length ? (
					<Section title="Safeguards">
						<p>What privacy, security and legal reviewers will ask, for the data and technology this use case involves.</p>
						{visible.has('safeguards.piaCompleted') ? (
							<RadioGroupField legend="Is a Privacy Impact Assessment completed for it (E-Government Act §208)?" field={fields.safeguardPiaCompleted} options={yesNoOptions} />
						) : null}
						{visible.has('safeguards.retrievedByPersonalIdentifier') ? (
							<RadioGroupField
								legend="Are records about individuals retrieved by name or another personal identifier?"
								hint="If so, a Privacy Act system of records notice (SORN) must cover them."
								field={fields.safeguardRetrievedByIdentifier}
								options={yesNoOptions}
							/>
						) : null}
						{visible.has('safeguards.sornNumber') ? (
							<TextField label="SORN number that covers the records" hint="For example 09-70-0558." field={fields.safeguardSornNumber} />
						) : null}
						{visible.has('safeguards.computerMatching') ? (
							<RadioGroupField
								legend="Are records matched with another agency’s to decide eligibility or recover payments?"
								hint="That is a Privacy Act computer matching program."
								field={fields.safeguardComputerMatching}
								options={yesNoOptions}
							/>
						) : null}
						{visible.has('safeguards.businessAssociateAgreement') ? (
							<RadioGroupField
								legend="Does a HIPAA business associate agreement cover the vendor’s access to PHI?"
								field={fields.safeguardBusinessAssociateAgreement}
								options={yesNoOptions}
							/>
						) : null}
						{visible.has('safeguards.part2ConsentBasis') ? (
							<SelectField
								label="On what basis are 42 CFR Part 2 substance-use records used?"
								field={fields.safeguardPart2ConsentBasis}
								options={labelled(part2ConsentBasisLabels)}
							/>
						) : null}
						{visible.has('safeguards.sudRecordsExcluded') ? (
							<RadioGroupField
								legend="Are substance-use-disorder records from Part 2 programs excluded or redacted from the claims or clinical data?"
								field={fields.safeguardSudRecordsExcluded}
								options={yesNoOptions}
							/>
						) : null}
						{visible.has('safeguards.fedrampAuthorized') ? (
							<RadioGroupField legend="Is the cloud service or model API FedRAMP authorized?" field={fields.safeguardFedrampAuthorized} options={yesNoOptions} />
						) : null}
						{visible.has('safeguards.generativeOutputsReviewed') ? (
							<RadioGroupField
								legend="Does a person review its generated output before it is relied on or sent?"
								field={fields.safeguardGenerativeOutputsReviewed}
								options={yesNoOptions}
							/>
						) : null}
						{visible.has('safeguards.generativeAiPolicyAcknowledged') ? (
							<RadioGroupField
								legend="Has the team read and accepted CMS’s generative-AI use policy (M-25-21 §3(b)(iv))?"
								field={fields.safeguardGenerativeAiPolicyAcknowledged}
								options={yesNoOptions}
							/>
						) : null}
						{visible.has('safeguards.generativeToolApproved') ? (
							<RadioGroupField
								legend="Is the generative AI tool on the HHS/CMS list of approved tools?"
								field={fields.safeguardGenerativeToolApproved}
								options={yesNoOptions}
							/>
						) : null}
						{visible.has('safeguards.publicFeedbackChannel') ? (
							<TextField
								label="How can the public give feedback on it?"
								hint="A web form, an e-mail inbox, a survey… (M-25-21 §4(b)(vii))."
								field={fields.safeguardPublicFeedbackChannel}
							/>
						) : null}
						{visible.has('safeguards.codeSharingDecision') ? (
							<SelectField
								label="Is the custom code shared (M-25-21 §2(b))?"
								field={fields.safeguardCodeSharingDecision}
								options={labelled(codeSharingDecisionLabels)}
							/>
						) : null}
						{visible.has('safeguards.vendorAiContractTerms') ? (
							<RadioGroupField
								legend="Does the contract carry OMB M-25-22’s AI terms (data rights, testing access, no training on CMS data)?"
								field={fields.safeguardVendorAiContractTerms}
								options={yesNoOptions}
							/>
						) : null}
					</Section>
				) : null}

				{visible.has('practices.testing') ? (
					<Section title="Minimum practices for high-impact AI (M-25-21 §4(b))">
						<SelectField label="Pre-deployment testing (§4(b)(i))" field={fields.practiceTesting} options={toOptions(practiceProgressChoices)} />
						<SelectField label="AI impact assessment (§4(b)(ii))" field={fields.practiceImpactAssessment} options={toOptions(practiceProgressChoices)} />
						<TextAreaField
							label="Potential impacts, including on privacy, civil rights and civil liberties, and how they were identified"
							field={fields.practicePotentialImpacts}
						/>
						<div>
							<p className="font-semibold">Independent review</p>
							<p>
								{doc.practices.independentReview
									? choiceLabel(independentReviewChoices[doc.practices.independentReview])
									: 'None on record yet'}
								. The tracker records this from who reviewed the case: a reviewer independent of it approving a review lane.
							</p>
						</div>
						<SelectField label="Ongoing monitoring (§4(b)(iii))" field={fields.practiceMonitoring} options={toOptions(monitoringChoices)} />
						<SelectField label="Operator training (§4(b)(iv))" field={fields.practiceTraining} options={toOptions(trainingChoices)} />
						<SelectField label="Fail-safe (§4(b)(v))" field={fields.practiceFailsafe} options={toOptions(failsafeChoices)} />
						<SelectField label="Appeal process (§4(b)(vi))" field={fields.practiceAppeal} options={toOptions(appealChoices)} />
						<CheckboxGroupField
							legend="Consultation with end users and the public (§4(b)(vii))"
							field={fields.practicePublicConsultation}
							options={toOptions(publicConsultationChoices)}
						/>
					</Section>
				) : null}

				<Section title="Public reporting">
					<SelectField
						label="Should it be withheld from the public inventory?"
						hint="Only where law or a FOIA-protected interest requires it; “not public-facing” is not a reason."
						field={fields.isWithheld}
						options={toOptions(withholdingChoices)}
					/>
				</Section>

				<div className="space-y-3 border-t border-base-lighter pt-6">
					{useCase.status === 'SUBMITTED' ? (
						<p>Review has not started yet: saving amends the submission, which must stay complete.</p>
					) : useCase.status === 'APPROVED' || useCase.status === 'APPROVED_WITH_CONDITIONS' ? (
						<p>
							This use case is approved. Changing its datasets, its role in decisions, its stage, its vendor or the decisions it
							informs opens a new review; other edits are recorded and the approval stands.
						</p>
					) : null}
					<div className="flex flex-wrap gap-4">
						{useCase.status === 'DRAFT' || useCase.status === 'CHANGES_REQUESTED' ? (
							<>
								<Button variant="secondary" name="intent" value="save" disabled={navigation.state === 'submitting'}>
									Save draft
								</Button>
								<Button name="intent" value="submit" disabled={navigation.state === 'submitting'}>
									{useCase.status === 'DRAFT' ? 'Submit for review' : 'Resubmit for review'}
								</Button>
							</>
						) : (
							<Button name="intent" value="save" disabled={navigation.state === 'submitting'}>
								Save changes
							</Button>
						)}
					</div>
				</div>
			</Form>
			<div className="border-t border-base-lighter pt-6">
				<p className="mb-2" aria-live="polite">
					{previewed
						? 'The findings below follow your answers as you type; they are not saved until you save.'
						: 'The findings below reflect the answers as last saved; they follow your answers as you change them.'}
				</p>
				<PolicyFindings evaluation={previewed ?? evaluation} />
			</div>
		</div>
	)
}
