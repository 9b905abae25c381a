import { DataTable } from '#app/components/data-table.tsx'

export type AnswerChange = { path: string; label: string; before: string; after: string }

/** Answers that changed, each with its earlier and later wording. */
export function ChangeTable({
	caption,
	changes,
	beforeHeading,
	afterHeading,
	showCaption = true,
}: {
	caption: string
	changes: ReadonlyArray<AnswerChange>
	beforeHeading: string
	afterHeading: string
	showCaption?: boolean
}) {
	return (
		<DataTable
			caption={caption}
			showCaption={showCaption}
			rows={changes}
			rowKey={(change) => change.path}
			columns={[
				{
					header: 'Question',
					rowHeader: true,
					className: 'font-semibold',
					cell: (change) => change.label,
				},
				{
					header: beforeHeading,
					className: 'min-w-40 break-words whitespace-pre-wrap',
					cell: (change) => change.before || '—',
				},
				{
					header: afterHeading,
					className: 'min-w-40 break-words whitespace-pre-wrap',
					cell: (change) => change.after || '—',
				},
			]}
		/>
	)
}
