import { type Key, type ReactNode } from 'react'
import { Link } from 'react-router'
import { TableScroll } from '#app/components/table-scroll.tsx'

export type DataColumn<Row> = {
	/** What the column header says; a string, or markup such as a visually hidden "Actions". */
	header: ReactNode
	cell: (row: Row) => ReactNode
	/** Classes added to this column's header and cells, e.g. `font-mono`, `text-right`, `min-w-40`. */
	className?: string
	/** The cell that names its row: rendered as a row header so screen readers announce it per cell. */
	rowHeader?: boolean
	/** Kept in view at the right edge while a wide table scrolls sideways (a row's action). */
	pinned?: boolean
	/** A column the list can be sorted by: its header links to that order and says the current one. */
	sort?: { href: string; active: boolean; direction: 'asc' | 'desc' }
}

/**
 * The app's one table: a named, captioned table that scrolls in its own box on a narrow screen,
 * with column headers, optional row headers and the same rules and spacing everywhere.
 */
export function DataTable<Row>({
	caption,
	label = caption,
	showCaption = false,
	rows,
	rowKey,
	columns,
	rowClassName,
	rowId,
	dense = false,
	className = 'w-full',
}: {
	/** Names the table and its scrolling box; visually hidden unless `showCaption`. */
	caption: string
	/** The scrolling box's name when a section around the table already bears the caption's. */
	label?: string
	showCaption?: boolean
	rows: ReadonlyArray<Row>
	/** A stable key; the index is there for rows that repeat (e.g. two problems in one column). */
	rowKey: (row: Row, index: number) => Key
	columns: ReadonlyArray<DataColumn<Row> | false | null | undefined>
	rowClassName?: (row: Row) => string | undefined
	/** An id for a row that other pages link to (`#problem-not-found`). */
	rowId?: (row: Row) => string
	/** Tighter rows, for figures beside a chart. */
	dense?: boolean
	/** Width classes of the table itself. */
	className?: string
}) {
	const shown = columns.filter((column): column is DataColumn<Row> => Boolean(column))
	// Each column's cell classes, worked out once rather than for every row. A row header is bold by
	// default in browsers; here it reads like its row unless the column says.
	const columnClasses = shown.map(({ className, pinned }) =>
		pinned ? [className, 'data-table-pinned'].filter(Boolean).join(' ') : className,
	)
	const cellClasses = shown.map(({ rowHeader }, index) => {
		const classes = columnClasses[index]
		if (!rowHeader || classes?.includes('font-')) return classes
		return classes ? `${classes} font-normal` : 'font-normal'
	})
	return (
		<TableScroll label={label}>
			<table
				className={`${className} ${dense ? 'data-table data-table-dense' : 'data-table'} border-collapse text-left`}
			>
				<caption className={showCaption ? 'py-1 text-left font-semibold' : 'sr-only'}>
					{caption}
				</caption>
				<thead>
					<tr>
						{shown.map((column, index) => (
							<th
								key={index}
								scope="col"
								className={columnClasses[index]}
								aria-sort={
									column.sort?.active
										? column.sort.direction === 'asc'
											? 'ascending'
											: 'descending'
										: undefined
								}
							>
								{column.sort ? (
									<Link
										to={column.sort.href}
										className="inline-flex items-center gap-1"
										preventScrollReset
									>
										{column.header}
										<span aria-hidden="true">
											{column.sort.active ? (column.sort.direction === 'asc' ? '▲' : '▼') : '↕'}
										</span>
									</Link>
								) : (
									column.header
								)}
							</th>
						))}
					</tr>
				</thead>
				<tbody>
					{rows.map((row, index) => (
						<tr key={rowKey(row, index)} id={rowId?.(row)} className={rowClassName?.(row)}>
							{shown.map((column, columnIndex) =>
								column.rowHeader ? (
									<th key={columnIndex} scope="row" className={cellClasses[columnIndex]}>
										{column.cell(row)}
									</th>
								) : (
									<td key={columnIndex} className={cellClasses[columnIndex]}>
										{column.cell(row)}
									</td>
								),
							)}
						</tr>
					))}
				</tbody>
			</table>
		</TableScroll>
	)
}
