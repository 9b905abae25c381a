import { Link } from 'react-router'
import { type Evaluation } from '#app/modules/policies/evaluate.ts'
import { reviewLaneLabels } from '#app/utils/permissions.ts'

const groups = [
	{ status: 'FAIL', title: 'Failing' },
	{ status: 'NEEDS_ATTENTION', title: 'Needs attention' },
	{ status: 'PASS', title: 'Passing' },
	{ status: 'NOT_APPLICABLE', title: 'Not applicable' },
] as const

/** The policy checks' findings for one case, grouped by status, each citing its clauses. */
export function PolicyFindings({ evaluation }: { evaluation: Evaluation }) {
	return (
		<section aria-labelledby="findings-heading" className="space-y-4">
			<h2 id="findings-heading" className="text-2xl font-bold">Policy findings</h2>
			<p>
				Checked against policy pack {evaluation.packVersion} as of {evaluation.asOf.slice(0, 10)}.{' '}
				{evaluation.presumedHighImpact
					? `Presumed high-impact under M-25-21 §6(${evaluation.presumedCategories.join('), §6(')}).`
					: 'Not presumed high-impact.'}{' '}
				{evaluation.screenedOutAsNotAi ? 'Screened out as rule-based only (not AI): AI-specific checks do not apply. ' : ''}
				{evaluation.requiredLanes.length
					? `Reviews it needs: ${evaluation.requiredLanes.map((lane) => reviewLaneLabels[lane]).join(', ')}.`
					: 'No review lane is required by the findings.'}
			</p>
			{/* Evaluations stored before routing rules existed have none. */}
			{evaluation.routes?.length ? (
				<div>
					<p className="font-semibold">Reviewers it needs whatever the answers:</p>
					<ul className="list-disc pl-6">
						{evaluation.routes.map((route) => (
							<li key={route.routeId}>
								{route.lanes.map((lane) => reviewLaneLabels[lane]).join(', ')}: {route.reason} (
								{route.clauseIds.map((clauseId, index) => (
									<span key={clauseId}>
										{index ? ', ' : ''}
										<Link to={`/policies/${clauseId}`}>{clauseId}</Link>
									</span>
								))}
								)
							</li>
						))}
					</ul>
				</div>
			) : null}
			{groups.map((group) => {
				const results = evaluation.results.filter((r) => r.status === group.status)
				if (results.length === 0) return null
				return (
					<details key={group.status} open={group.status === 'FAIL' || group.status === 'NEEDS_ATTENTION'} className="border border-base-lighter p-3">
						<summary className="cursor-pointer text-lg font-bold">
							{group.title} ({results.length})
						</summary>
						<ul className="mt-2 space-y-3">
							{results.map((result) => (
								<li key={result.checkId} className="border-l-4 border-base-light pl-3">
									<p className="font-semibold">{result.title}</p>
									<p>{result.reason}</p>
									{result.nextStep ? <p>Next step: {result.nextStep}</p> : null}
									<p className="text-sm">
										Cites{' '}
										{result.clauseIds.map((clauseId, index) => (
											<span key={clauseId}>
												{index ? ', ' : ''}
												<Link to={`/policies/${clauseId}`}>{clauseId}</Link>
											</span>
										))}
										{result.severity === 'BLOCKING' ? ' · blocks the final decision' : ''}
									</p>
								</li>
							))}
						</ul>
					</details>
				)
			})}
		</section>
	)
}
