import { useEffect } from 'react'
import { Link, useFetcher } from 'react-router'
import { type DuplicateMatch } from '#app/modules/use-cases/duplicate-detection.ts'

/** Shows registered use cases that look like the one being typed, so people join instead of duplicating. */
export function DuplicateSuggestions({
	name,
	problem,
	excludeId,
}: {
	name: string
	problem: string
	excludeId?: string
}) {
	const fetcher = useFetcher<{ matches: Array<DuplicateMatch> }>()
	const { load } = fetcher
	useEffect(() => {
		const timer = setTimeout(() => {
			const params = new URLSearchParams({ name, problem })
			if (excludeId) params.set('exclude', excludeId)
			void load(`/use-cases/duplicates?${params}`)
		}, 300)
		return () => clearTimeout(timer)
	}, [name, problem, excludeId, load])
	const matches = fetcher.data?.matches ?? []
	return <DuplicateList matches={matches} />
}

export function DuplicateList({ matches }: { matches: Array<DuplicateMatch> }) {
	return (
		<div aria-live="polite">
			{matches.length ? (
				<section
					aria-labelledby="duplicates-heading"
					className="border-l-4 border-warning-dark bg-warning-lighter p-4"
				>
					<h2 id="duplicates-heading" className="font-bold">
						These registered use cases look similar. If yours is one of them, join it instead of
						registering it again.
					</h2>
					<ul className="mt-2 list-disc space-y-1 pl-6">
						{matches.map((match) => (
							<li key={match.id}>
								<Link to={`/use-cases/${match.id}`}>
									{match.trackingId}: {match.name}
								</Link>{' '}
								<span className="text-sm">({match.reasons.join('; ')})</span>
							</li>
						))}
					</ul>
				</section>
			) : null}
		</div>
	)
}
