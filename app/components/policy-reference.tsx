// One clause of the policy library as the signed-in library and the public site both show it: what
// it is, where its official text is, what it says in plain words, and what it replaced or was
// replaced by. Each page adds its own way back and what only it shows.
import { Link } from 'react-router'
import type { PolicyReference } from '#app/modules/policies/policy-pack.ts'
import { FilterField, FilterForm } from './filter-field.tsx'

type Brief = { id: string; title: string }

export function PolicyReferenceDetails({
	reference,
	supersededBy,
	supersedes,
	linkTo,
}: {
	reference: PolicyReference
	supersededBy: Brief | null
	supersedes: ReadonlyArray<Brief>
	/** The address of another clause on this site. */
	linkTo: (referenceId: string) => string
}) {
	return (
		<>
			<div>
				<p className="font-mono text-base-darker">{reference.id}</p>
				<h1 className="text-3xl font-bold">{reference.title}</h1>
			</div>
			{reference.status === 'SUPERSEDED' ? (
				<p className="border-l-4 border-warning-dark bg-warning-lighter p-3">
					Superseded
					{supersededBy ? (
						<>
							{' '}
							by{' '}
							<Link
								to={linkTo(supersededBy.id)}
							>{`${supersededBy.id}: ${supersededBy.title}`}</Link>
						</>
					) : null}
					. Kept here so that older records stay readable.
				</p>
			) : null}
			<dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[12rem_minmax(0,1fr)]">
				<dt className="font-semibold">Instrument</dt>
				<dd>{reference.instrument}</dd>
				<dt className="font-semibold">Citation</dt>
				<dd>{reference.citation}</dd>
				<dt className="font-semibold">Effective</dt>
				<dd>
					{reference.effectiveDate}
					{reference.complianceDate ? ` (compliance by ${reference.complianceDate})` : ''}
				</dd>
				<dt className="font-semibold">Official text</dt>
				<dd>
					<a href={reference.link}>{reference.link}</a>
				</dd>
			</dl>
			<section aria-labelledby="summary-heading">
				<h2 id="summary-heading" className="text-xl font-bold">
					In plain words
				</h2>
				<p className="mt-2 text-lg">{reference.summary}</p>
			</section>
			{supersedes.length ? (
				<section aria-labelledby="replaces-heading">
					<h2 id="replaces-heading" className="text-xl font-bold">
						Replaces
					</h2>
					<ul className="mt-2 list-disc pl-6">
						{supersedes.map((earlier) => (
							<li key={earlier.id}>
								<Link to={linkTo(earlier.id)}>{`${earlier.id}: ${earlier.title}`}</Link>
							</li>
						))}
					</ul>
				</section>
			) : null}
		</>
	)
}

/** The clause search above a list of policy references, with how many the list holds. */
export function PolicySearch({ label, q, count }: { label: string; q: string; count: number }) {
	return (
		<>
			<FilterForm
				label={label}
				submitLabel="Search"
				total={count}
				noun={['reference', 'references']}
				className="flex items-end gap-2"
			>
				<FilterField id="policy-q" name="q" type="search" label="Search clauses" defaultValue={q} />
			</FilterForm>
		</>
	)
}
