// The tabs of a use case's page. Each tab is an address (the first four on the case page, the
// others pages of their own), so they work without JavaScript and the browser's back button
// returns to the tab the person came from.
import { Link } from 'react-router'

export type CaseTab =
	'overview' | 'data' | 'findings' | 'review' | 'history' | 'activity' | 'governance'

/** Whether a case has a minimum-practices page worth a tab. */
export function showsGovernanceTab(useCase: {
	highImpactDetermination: string | null
	waivers: ReadonlyArray<unknown>
}) {
	return useCase.highImpactDetermination === 'HIGH_IMPACT' || useCase.waivers.length > 0
}

export function CaseTabs({
	useCaseId,
	current,
	findings,
	showsGovernance,
}: {
	useCaseId: string
	current: CaseTab
	/** The findings tab's count in words ("1 check failing"). */
	findings?: string
	showsGovernance: boolean
}) {
	const base = `/use-cases/${useCaseId}`
	const tabs: Array<{ id: CaseTab; label: string; to: string; detail?: string }> = [
		{ id: 'overview', label: 'Overview', to: base },
		{ id: 'data', label: 'Data', to: `${base}?tab=data` },
		{ id: 'findings', label: 'Findings', to: `${base}?tab=findings`, detail: findings },
		{ id: 'review', label: 'Review', to: `${base}?tab=review` },
		...(showsGovernance
			? [{ id: 'governance' as const, label: 'Minimum practices', to: `${base}/governance` }]
			: []),
		{ id: 'history', label: 'History', to: `${base}/history` },
		{ id: 'activity', label: 'Activity', to: `${base}/activity` },
	]
	return (
		<nav aria-label="Use case sections" className="border-b-2 border-base-lighter">
			<ul className="-mb-0.5 flex flex-wrap gap-x-1">
				{tabs.map((tab) => {
					const active = tab.id === current
					return (
						<li key={tab.id}>
							<Link
								to={tab.to}
								aria-current={active ? 'page' : undefined}
								className={`block border-b-4 px-3 py-2 font-semibold no-underline ${active ? 'border-primary text-base-darkest' : 'border-transparent hover:border-base-light'}`}
							>
								{tab.label}
								{tab.detail ? (
									<span className={`ml-1 text-sm font-normal ${active ? '' : 'text-base-darker'}`}>
										({tab.detail})
									</span>
								) : null}
							</Link>
						</li>
					)
				})}
			</ul>
		</nav>
	)
}
