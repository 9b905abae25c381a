import { Link } from 'react-router'

/** Previous/next links that keep the current filters; `hrefFor(page)` builds each page's address. */
export function Pagination({
	page,
	pageCount,
	hrefFor,
	label = 'Pages',
}: {
	page: number
	pageCount: number
	hrefFor: (page: number) => string
	label?: string
}) {
	if (pageCount <= 1) return null
	return (
		<nav aria-label={label} className="flex gap-4">
			{page > 1 ? <Link to={hrefFor(page - 1)}>Previous page</Link> : null}
			<span>
				Page {page} of {pageCount}
			</span>
			{page < pageCount ? <Link to={hrefFor(page + 1)}>Next page</Link> : null}
		</nav>
	)
}
