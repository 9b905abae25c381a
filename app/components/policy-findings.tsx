import { Link } from 'react-router'
import {
	type CheckResult,
	decisionImpact,
	type Evaluation,
} from '#app/modules/policies/evaluate.ts'
import { isWaivableCheck } from '#app/modules/policies/checks/minimum-practices.ts'
import { formatDay } from '#app/utils/dates.ts'
import { reviewLaneLabels } from '#app/utils/permissions.ts'

const decisionImpactWording = {
	blocks: ' · blocks the final decision until it passes',
	blocksUnlessWaived:
		' · blocks the final decision until it passes or the CAIO waives the practice',
	warns:
		' · a blocking check: the governance lead is warned of it before the final decision, and it blocks once it fails',
	none: '',
} as const

function impactOf(result: CheckResult): keyof typeof decisionImpactWording {
	const impact = decisionImpact(result)
	if (impact === 'blocks' && isWaivableCheck(result.checkId)) return 'blocksUnlessWaived'
	return impact ?? 'none'
}

const groups = [
	{ status: 'FAIL', title: 'Failing', one: 'check failing', many: 'checks failing' },
	{
		status: 'NEEDS_ATTENTION',
		title: 'Needs attention',
		one: 'check needs attention',
		many: 'checks need attention',
	},
	{ status: 'PASS', title: 'Passing', one: 'check passing', many: 'checks passing' },
	{
		status: 'NOT_APPLICABLE',
		title: 'Not applicable',
		one: 'check not applicable',
		many: 'checks not applicable',
	},
] as const

/** "1 check failing", "3 checks failing": counts of findings in words. */
export function findingCount(status: CheckResult['status'], count: number) {
	const group = groups.find((candidate) => candidate.status === status)!
	return `${count} ${count === 1 ? group.one : group.many}`
}

/** "2 checks failing, 3 checks need attention": what the findings ask of the case, in a line. */
export function findingsSummary(evaluation: Evaluation) {
	return groups
		.filter((group) => group.status === 'FAIL' || group.status === 'NEEDS_ATTENTION')
		.map((group) =>
			findingCount(
				group.status,
				evaluation.results.filter((result) => result.status === group.status).length,
			),
		)
		.join(', ')
}

/** Where a finding can be resolved: the question it rests on. */
export type QuestionLink = { href: string; label: string; onSelect?: () => void }

/** The policy checks' findings for one case, grouped by status, each citing its clauses. */
export function PolicyFindings({
	evaluation,
	compact = false,
	questionLink,
}: {
	evaluation: Evaluation
	/** The narrow side-panel layout of the edit page. */
	compact?: boolean
	/** The question that resolves a finding, when the reader can change it. */
	questionLink?: (result: CheckResult) => QuestionLink | null
}) {
	return (
		<section aria-labelledby="findings-heading" className="space-y-4">
			<h2 id="findings-heading" className={compact ? 'text-xl font-bold' : 'text-2xl font-bold'}>
				Policy findings
			</h2>
			<p className="font-semibold">{findingsSummary(evaluation)}.</p>
			<p className={compact ? 'text-sm' : undefined}>
				Checked against policy pack {evaluation.packVersion} as of{' '}
				{formatDay(evaluation.asOf.slice(0, 10))}.{' '}
				{evaluation.presumedHighImpact
					? `Presumed high-impact under M-25-21 §6(${evaluation.presumedCategories.join('), §6(')}).`
					: 'Not presumed high-impact.'}{' '}
				{evaluation.screenedOutAsNotAi
					? 'Screened out as rule-based only (not AI): AI-specific checks do not apply. '
					: ''}
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
								<ClauseLinks clauseIds={route.clauseIds} />)
							</li>
						))}
					</ul>
				</div>
			) : null}
			{groups.map((group) => {
				const results = evaluation.results.filter((r) => r.status === group.status)
				if (results.length === 0) return null
				return (
					<details
						key={group.status}
						open={group.status === 'FAIL' || group.status === 'NEEDS_ATTENTION'}
						className="border border-base-lighter p-3"
					>
						<summary className="cursor-pointer text-lg font-bold">
							{group.title} ({results.length})
						</summary>
						<ul className="mt-2 space-y-3">
							{results.map((result) => {
								const link = questionLink?.(result) ?? null
								return (
									<li
										key={result.checkId}
										className={`border-l-4 pl-3 ${result.status === 'FAIL' ? 'border-error' : result.status === 'NEEDS_ATTENTION' ? 'border-warning-dark' : 'border-base-light'}`}
									>
										<p className="font-semibold">{result.title}</p>
										<p className={compact ? 'text-sm' : undefined}>{result.reason}</p>
										{result.nextStep ? (
											<p className={compact ? 'text-sm' : undefined}>
												Next step: {result.nextStep}
											</p>
										) : null}
										{link && (result.status === 'FAIL' || result.status === 'NEEDS_ATTENTION') ? (
											<p className="text-sm">
												<a
													href={link.href}
													onClick={(event) => {
														if (!link.onSelect) return
														event.preventDefault()
														link.onSelect()
													}}
													className="inline-flex min-h-6 items-center font-semibold"
												>
													Answer “{link.label}”
												</a>
											</p>
										) : null}
										<p className="text-sm">
											Cites <ClauseLinks clauseIds={result.clauseIds} />
											{decisionImpactWording[impactOf(result)]}
										</p>
									</li>
								)
							})}
						</ul>
					</details>
				)
			})}
		</section>
	)
}

/** WCAG 2.2 target size: each link of a finding is at least 24 px high, however small its text. */
function ClauseLinks({ clauseIds }: { clauseIds: ReadonlyArray<string> }) {
	return clauseIds.map((clauseId, index) => (
		<span key={clauseId}>
			{index ? ', ' : ''}
			<Link to={`/policies/${clauseId}`} className="inline-flex min-h-6 items-center">
				{clauseId}
			</Link>
		</span>
	))
}
