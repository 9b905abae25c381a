import { TableScroll } from '#app/components/table-scroll.tsx'

export type AnswerChange = { path: string; label: string; before: string; after: string }

/** Answers that changed, each with its earlier and later wording. */
export function ChangeTable({
	caption,
	changes,
	beforeHeading,
	afterHeading,
}: {
	caption: string
	changes: Array<AnswerChange>
	beforeHeading: string
	afterHeading: string
}) {
	return (
		<TableScroll label={caption}>
			<table className="w-full border-collapse text-left">
				<caption className="text-left font-bold">{caption}</caption>
				<thead>
					<tr className="border-b-2 border-base-darkest">
						<th scope="col" className="py-2 pr-4">
							Question
						</th>
						<th scope="col" className="py-2 pr-4">
							{beforeHeading}
						</th>
						<th scope="col" className="py-2">
							{afterHeading}
						</th>
					</tr>
				</thead>
				<tbody>
					{changes.map((row) => (
						<tr key={row.path} className="border-b border-base-lighter align-top">
							<th scope="row" className="py-2 pr-4 font-semibold">
								{row.label}
							</th>
							<td className="min-w-40 py-2 pr-4 break-words whitespace-pre-wrap">
								{row.before || '—'}
							</td>
							<td className="min-w-40 py-2 break-words whitespace-pre-wrap">{row.after || '—'}</td>
						</tr>
					))}
				</tbody>
			</table>
		</TableScroll>
	)
}
