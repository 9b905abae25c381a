import { Link, useSearchParams } from 'react-router'
import { SuccessAlert } from '#app/components/confirm-action.tsx'
import {
	canEditDataset,
	getDataset,
	listUseCasesTouching,
} from '#app/modules/datasets/datasets.server.ts'
import { datasetUsageLabels, useCaseStatusLabels } from '#app/modules/use-cases/vocabulary.ts'
import { datasetCategoryLabels, datasetSensitivityLabels } from '#app/modules/datasets/schemas.ts'
import { throwAsResponse } from '#app/utils/errors.ts'
import { idParams } from '#app/utils/input-schemas.ts'
import { parseOrBadRequest } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { orgUnitLabel } from '#app/modules/org-units/org-unit-label.ts'
import type { Route } from './+types/index.ts'

const Params = idParams('datasetId')

export const meta: Route.MetaFunction = ({ loaderData }) => [
	{ title: `${loaderData?.dataset.name ?? 'Dataset'} · AI Governance Tracker` },
]

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUserWithPermission(request, 'read:dataset:any')
	const { datasetId } = parseOrBadRequest(Params, params)
	const dataset = await getDataset(datasetId).catch(throwAsResponse)
	const useCases = await listUseCasesTouching(datasetId, user.id)
	return { dataset, useCases, canEdit: canEditDataset(user, dataset) }
}

export default function DatasetPage({ loaderData }: Route.ComponentProps) {
	const { dataset, useCases, canEdit } = loaderData
	const [searchParams] = useSearchParams()
	const saved = searchParams.get('saved')
	const facts: Array<[string, React.ReactNode]> = [
		['Category', datasetCategoryLabels[dataset.category]],
		[
			'Sensitivity',
			dataset.sensitivities.length
				? dataset.sensitivities.map((s) => datasetSensitivityLabels[s]).join('; ')
				: 'None recorded',
		],
		['Owning org unit', orgUnitLabel(dataset.orgUnit)],
		[
			'Data steward',
			dataset.steward ? `${dataset.steward.name} (${dataset.steward.email})` : 'Not assigned',
		],
		['Privacy Act SORN', dataset.sornNumber ?? 'None recorded'],
		[
			'Privacy Impact Assessment',
			dataset.piaUrl ? <a href={dataset.piaUrl}>{dataset.piaUrl}</a> : 'None recorded',
		],
		['Data use agreement required', dataset.dataUseAgreementRequired ? 'Yes' : 'No'],
		['FISMA system', dataset.fismaSystem ?? 'None recorded'],
		[
			'Federal Data Catalog',
			dataset.federalDataCatalogUrl ? (
				<a href={dataset.federalDataCatalogUrl}>{dataset.federalDataCatalogUrl}</a>
			) : (
				'Not published'
			),
		],
	]
	return (
		<div className="max-w-4xl space-y-6">
			<p>
				<Link to="/datasets">Dataset catalogue</Link>
			</p>
			<div className="flex flex-wrap items-center justify-between gap-4">
				<h1 className="text-3xl font-bold">{dataset.name}</h1>
				{canEdit ? (
					<Link
						to="edit"
						className="rounded border-2 border-primary px-4 py-2 font-bold no-underline"
					>
						Edit dataset
					</Link>
				) : null}
			</div>
			{saved ? (
				<SuccessAlert>
					{saved === 'added'
						? 'The dataset is added to the catalogue.'
						: 'Your changes to the dataset are saved.'}
				</SuccessAlert>
			) : null}
			<p className="text-lg">{dataset.description}</p>
			<dl className="grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-[16rem_minmax(0,1fr)]">
				{facts.map(([term, value]) => (
					<div key={term} className="contents">
						<dt className="font-semibold">{term}</dt>
						<dd>{value}</dd>
					</div>
				))}
			</dl>
			<section aria-labelledby="use-cases-heading" className="space-y-2">
				<h2 id="use-cases-heading" className="text-xl font-bold">
					AI use cases that touch this dataset
				</h2>
				{useCases.length === 0 ? <p>No registered use case uses it yet.</p> : null}
				<ul className="list-disc space-y-1 pl-6">
					{useCases.map((useCase) => (
						<li key={useCase.id}>
							<Link to={`/use-cases/${useCase.id}`}>
								{useCase.trackingId}: {useCase.name}
							</Link>{' '}
							({useCaseStatusLabels[useCase.status]}
							{useCase.usages.length
								? `; ${useCase.usages.map((u) => datasetUsageLabels[u].toLowerCase()).join(', ')}`
								: ''}
							)
						</li>
					))}
				</ul>
			</section>
		</div>
	)
}
