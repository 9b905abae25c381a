import { useEffect } from 'react'
import { Link, useLocation } from 'react-router'

/**
 * Previous/next links that keep the current filters; `hrefFor(page)` builds each page's address.
 * After a move to another page of the list, focus goes to `resultsId` (the results and their count)
 * or else to the page's heading: the link pressed may be gone, and the focus with it.
 */
export function Pagination({
	page,
	pageCount,
	hrefFor,
	label = 'Pages',
	resultsId,
}: {
	page: number
	pageCount: number
	hrefFor: (page: number) => string
	label?: string
	resultsId?: string
}) {
	const location = useLocation()
	const pagedByLink = (location.state as { paged?: boolean } | null)?.paged === true
	useEffect(() => {
		if (!pagedByLink) return
		const target =
			(resultsId ? document.getElementById(resultsId) : null) ??
			document.querySelector<HTMLElement>('#main-content h1')
		if (!target) return
		if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1')
		target.focus()
	}, [location.key, pagedByLink, resultsId])
	if (pageCount <= 1) return null
	return (
		<nav aria-label={label} className="flex gap-4">
			{page > 1 ? (
				<Link to={hrefFor(page - 1)} state={{ paged: true }}>
					Previous page
				</Link>
			) : null}
			<span>
				Page {page} of {pageCount}
			</span>
			{page < pageCount ? (
				<Link to={hrefFor(page + 1)} state={{ paged: true }}>
					Next page
				</Link>
			) : null}
		</nav>
	)
}
