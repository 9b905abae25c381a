import { useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { useNavigation } from 'react-router'
import {
	Button,
	CheckboxField,
	CheckboxGroupField,
	SelectField,
	TextAreaField,
	TextField,
	ValidatedForm,
} from '#app/components/forms.tsx'
import {
	datasetCategories,
	datasetCategoryLabels,
	DatasetFormSchema,
	datasetSensitivities,
	datasetSensitivityLabels,
} from '#app/modules/datasets/schemas.ts'
import { orgUnitLabel } from '#app/modules/org-units/org-unit-label.ts'

type EditorDataset = {
	name: string
	description: string
	category: string
	sensitivities: Array<string>
	orgUnitId: string
	steward: { email: string } | null
	sornNumber: string | null
	piaUrl: string | null
	dataUseAgreementRequired: boolean
	fismaSystem: string | null
	federalDataCatalogUrl: string | null
	version: number
}

export function DatasetEditor({
	dataset,
	orgUnits,
	lastResult,
	submitLabel,
}: {
	dataset?: EditorDataset
	orgUnits: Array<{ id: string; code: string; name: string }>
	lastResult?: SubmissionResult<Array<string>>
	submitLabel: string
}) {
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id: 'dataset-editor',
		lastResult,
		constraint: getZodConstraint(DatasetFormSchema),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: DatasetFormSchema }),
		defaultValue: dataset
			? {
					name: dataset.name,
					description: dataset.description,
					category: dataset.category,
					sensitivities: dataset.sensitivities,
					orgUnitId: dataset.orgUnitId,
					dataUseAgreementRequired: dataset.dataUseAgreementRequired ? 'on' : undefined,
					stewardEmail: dataset.steward?.email ?? '',
					sornNumber: dataset.sornNumber ?? '',
					piaUrl: dataset.piaUrl ?? '',
					fismaSystem: dataset.fismaSystem ?? '',
					federalDataCatalogUrl: dataset.federalDataCatalogUrl ?? '',
				}
			: undefined,
	})
	return (
		<ValidatedForm
			form={form}
			className="max-w-3xl space-y-6"
			hidden={{ version: dataset?.version }}
		>
			<TextField label="Name" field={fields.name} />
			<TextAreaField
				label="Description"
				hint="What it holds, who submits it, and what it is used for."
				field={fields.description}
			/>
			<SelectField
				label="Category"
				field={fields.category}
				options={datasetCategories.map((value) => ({ value, label: datasetCategoryLabels[value] }))}
			/>
			<CheckboxGroupField
				legend="Sensitivity"
				hint="Tick everything the dataset contains; use cases inherit the strictest."
				field={fields.sensitivities}
				options={datasetSensitivities.map((value) => ({
					value,
					label: datasetSensitivityLabels[value],
				}))}
			/>
			<SelectField
				label="Owning org unit"
				field={fields.orgUnitId}
				options={orgUnits.map((unit) => ({ value: unit.id, label: orgUnitLabel(unit) }))}
			/>
			<TextField
				label="Data steward’s e-mail (optional)"
				type="email"
				field={fields.stewardEmail}
			/>
			<TextField
				label="Privacy Act SORN number (optional)"
				hint="For example 09-70-0558."
				field={fields.sornNumber}
			/>
			<TextField
				label="Privacy Impact Assessment link (optional)"
				type="url"
				field={fields.piaUrl}
			/>
			<CheckboxField
				label="A data use agreement is required"
				field={fields.dataUseAgreementRequired}
			/>
			<TextField
				label="FISMA system it lives in (optional)"
				hint="The system named in its Authorization to Operate."
				field={fields.fismaSystem}
			/>
			<TextField
				label="Federal Data Catalog link (optional)"
				type="url"
				field={fields.federalDataCatalogUrl}
			/>
			<Button disabled={navigation.state === 'submitting'}>{submitLabel}</Button>
		</ValidatedForm>
	)
}
