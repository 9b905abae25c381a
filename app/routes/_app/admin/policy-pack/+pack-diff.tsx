import { DataTable } from '#app/components/data-table.tsx'
import { type ItemChange, type PackDiff } from '#app/modules/policies/pack-diff.ts'
import { reviewLaneLabels, type ReviewLaneName } from '#app/utils/permissions.ts'

function ChangeList({ changes }: { changes: Array<ItemChange['changes'][number]> }) {
	return (
		<ul className="list-disc pl-5">
			{changes.map((change) => (
				<li key={change.field}>
					{change.field}: <del className="text-error">{change.from}</del> →{' '}
					<ins className="font-semibold no-underline">{change.to}</ins>
				</li>
			))}
		</ul>
	)
}

function ChangedTable({ caption, items }: { caption: string; items: Array<ItemChange> }) {
	if (items.length === 0) return null
	return (
		<DataTable
			caption={caption}
			showCaption
			dense
			className="w-full text-sm"
			rows={items}
			rowKey={(item) => item.id}
			columns={[
				{
					header: 'Id',
					rowHeader: true,
					cell: (item) => (
						<>
							<span className="font-mono">{item.id}</span>
							<br />
							{item.title}
						</>
					),
				},
				{ header: 'What changes', cell: (item) => <ChangeList changes={item.changes} /> },
			]}
		/>
	)
}

function Named({
	label,
	items,
}: {
	label: string
	items: Array<{ id: string; title: string; extra?: string }>
}) {
	if (items.length === 0) return null
	return (
		<div>
			<p className="font-semibold">{label}</p>
			<ul className="list-disc pl-5">
				{items.map((item) => (
					<li key={item.id}>
						<span className="font-mono">{item.id}</span>: {item.title}
						{item.extra ? ` (${item.extra})` : ''}
					</li>
				))}
			</ul>
		</div>
	)
}

const lanes = (values: ReadonlyArray<string>) =>
	values.map((lane) => reviewLaneLabels[lane as ReviewLaneName] ?? lane).join(', ')

/** What publishing changes, section by section: checks, routing rules (lanes), references. */
export function PackDiffView({ diff }: { diff: PackDiff }) {
	if (diff.empty)
		return (
			<p>
				Pack {diff.to} is identical to pack {diff.from}, which is in force.
			</p>
		)
	return (
		<div className="space-y-6">
			<section aria-labelledby="diff-checks" className="space-y-2">
				<h2 id="diff-checks" className="text-xl font-bold">
					Checks ({diff.checks.added.length} added, {diff.checks.removed.length} removed,{' '}
					{diff.checks.changed.length} changed)
				</h2>
				<Named
					label="Added"
					items={diff.checks.added.map((c) => ({
						id: c.id,
						title: c.title,
						extra: `${c.severity.toLowerCase()}, ${reviewLaneLabels[c.lane]} lane, cites ${c.clauseIds.join(', ')}`,
					}))}
				/>
				<Named
					label="Removed"
					items={diff.checks.removed.map((c) => ({ id: c.id, title: c.title }))}
				/>
				<ChangedTable caption="Changed checks" items={diff.checks.changed} />
			</section>
			<section aria-labelledby="diff-routes" className="space-y-2">
				<h2 id="diff-routes" className="text-xl font-bold">
					Review lanes always required ({diff.routes.added.length} added,{' '}
					{diff.routes.removed.length} removed, {diff.routes.changed.length} changed)
				</h2>
				<Named
					label="Added"
					items={diff.routes.added.map((r) => ({
						id: r.id,
						title: r.title,
						extra: `lanes: ${lanes(r.lanes)}`,
					}))}
				/>
				<Named
					label="Removed"
					items={diff.routes.removed.map((r) => ({
						id: r.id,
						title: r.title,
						extra: `lanes: ${lanes(r.lanes)}`,
					}))}
				/>
				<ChangedTable caption="Changed routing rules" items={diff.routes.changed} />
			</section>
			<section aria-labelledby="diff-references" className="space-y-2">
				<h2 id="diff-references" className="text-xl font-bold">
					Clauses ({diff.references.added.length} added, {diff.references.removed.length} removed,{' '}
					{diff.references.changed.length} changed)
				</h2>
				<Named
					label="Added"
					items={diff.references.added.map((r) => ({ id: r.id, title: r.title }))}
				/>
				<Named
					label="Removed"
					items={diff.references.removed.map((r) => ({ id: r.id, title: r.title }))}
				/>
				<ChangedTable caption="Changed clauses" items={diff.references.changed} />
			</section>
		</div>
	)
}
