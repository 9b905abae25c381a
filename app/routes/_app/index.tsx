import { Link } from 'react-router'
import { navigation } from '#app/components/app-shell.tsx'
import { StatusTag } from '#app/components/status-tag.tsx'
import { dataVersionOf } from '#app/modules/data-version/versioned-cache.server.ts'
import { yourWork } from '#app/modules/home/your-work.server.ts'
import { useRootData } from '#app/root.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { formatDay } from '#app/utils/dates.ts'
import { roleLabels, reviewLaneLabels, type ReviewLaneName } from '#app/utils/permissions.ts'
import type { Route } from './+types/index.ts'

export const meta: Route.MetaFunction = () => [{ title: 'Home · AI Governance Tracker' }]

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	return { work: await yourWork(user, await dataVersionOf(request)) }
}

const laneName = (lane: ReviewLaneName) => reviewLaneLabels[lane]
const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`

function WorkPanel({
	id,
	title,
	children,
	more,
}: {
	id: string
	title: string
	children: React.ReactNode
	more?: { to: string; label: string }
}) {
	return (
		<section aria-labelledby={id} className="flex flex-col gap-3 border border-base-lighter p-4">
			<h3 id={id} className="text-xl font-bold">
				{title}
			</h3>
			<div className="flex-1 space-y-3">{children}</div>
			{more ? (
				<p>
					<Link to={more.to}>{more.label}</Link>
				</p>
			) : null}
		</section>
	)
}

function Count({ value, label, to }: { value: number; label: string; to: string }) {
	return (
		<Link
			to={to}
			className="block border-l-4 border-primary bg-primary-lighter px-3 py-2 no-underline"
		>
			<span className="block text-3xl font-bold text-base-darkest">{value}</span>
			<span className="text-primary-darker underline">{label}</span>
		</Link>
	)
}

export default function Home({ loaderData }: Route.ComponentProps) {
	const user = useRootData()?.user
	const { submitter, reviewer, lead, leadership, admin } = loaderData.work
	if (!user) return null
	const sections = navigation.filter(
		(item) =>
			item.to !== '/' && (item.permission === null || user.permissions.includes(item.permission)),
	)
	return (
		<div className="space-y-8">
			<div className="flex flex-wrap items-end justify-between gap-4">
				<div>
					<h1 className="text-3xl font-bold">Welcome, {user.name}</h1>
					<p className="mt-1 text-lg">
						You are signed in as {user.roles.map((r) => roleLabels[r.role]).join(' and ')}
						{user.orgUnit ? ` in ${user.orgUnit.shortName}` : ''}.
					</p>
				</div>
				{submitter ? (
					<Link
						to="/use-cases/new"
						className="rounded bg-primary px-5 py-2.5 font-bold text-white no-underline hover:bg-primary-dark hover:text-white"
					>
						Register a use case
					</Link>
				) : null}
			</div>

			<section aria-labelledby="work-heading" className="space-y-4">
				<h2 id="work-heading" className="text-2xl font-bold">
					Your work
				</h2>
				<div className="grid gap-4 md:grid-cols-2 2xl:grid-cols-3">
					{submitter ? (
						<WorkPanel
							id="work-drafts"
							title="Drafts and changes requested"
							more={{ to: '/use-cases/mine', label: 'All my use cases' }}
						>
							{submitter.cases.length ? (
								<ul className="space-y-2">
									{submitter.cases.map((useCase) => (
										<li key={useCase.id} className="flex flex-wrap items-center gap-x-2 gap-y-1">
											<Link to={`/use-cases/${useCase.id}/edit`}>
												{useCase.trackingId} {useCase.name}
											</Link>
											<StatusTag status={useCase.status} />
										</li>
									))}
								</ul>
							) : (
								<p>Nothing waits on you: no draft, and no reviewer has asked for changes.</p>
							)}
							<p className="text-sm">
								{submitter.total > submitter.cases.length ? `${submitter.total} in all. ` : ''}
								{plural(submitter.inReview, 'of your use cases is', 'of your use cases are')} in
								review.
							</p>
						</WorkPanel>
					) : null}
					{reviewer ? (
						<>
							<WorkPanel
								id="work-assigned"
								title={`Assigned to you${reviewer.overdue ? ` (${reviewer.overdue} overdue)` : ''}`}
								more={{ to: '/reviews', label: 'Open your review queue' }}
							>
								{reviewer.assigned.length ? (
									<ul className="space-y-2">
										{reviewer.assigned.map((lane) => (
											<li key={lane.id}>
												<Link
													to={
														lane.useCase.status === 'IN_REVIEW'
															? `/use-cases/${lane.useCase.id}/lanes/${lane.id}`
															: `/use-cases/${lane.useCase.id}`
													}
												>
													{laneName(lane.lane)}: {lane.useCase.trackingId} {lane.useCase.name}
												</Link>
												<span className="block text-sm">
													Due {lane.dueOn ? formatDay(lane.dueOn) : 'with no date'}
													{lane.overdue ? (
														<strong className="ml-1 text-error">overdue</strong>
													) : null}
												</span>
											</li>
										))}
									</ul>
								) : (
									<p>No lane is assigned to you.</p>
								)}
							</WorkPanel>
							<WorkPanel
								id="work-claimable"
								title="Lanes you can take"
								more={{ to: '/reviews', label: 'Claim one in your review queue' }}
							>
								{reviewer.claimable.length ? (
									<ul className="space-y-2">
										{reviewer.claimable.map((lane) => (
											<li key={lane.id}>
												{laneName(lane.lane)}:{' '}
												<Link to={`/use-cases/${lane.useCase.id}`}>
													{lane.useCase.trackingId} {lane.useCase.name}
												</Link>
											</li>
										))}
									</ul>
								) : (
									<p>No lane you hold is waiting for a reviewer.</p>
								)}
								{reviewer.claimableTotal > reviewer.claimable.length ? (
									<p className="text-sm">{reviewer.claimableTotal} in all.</p>
								) : null}
							</WorkPanel>
						</>
					) : null}
					{lead ? (
						<>
							<WorkPanel
								id="work-decide"
								title="Ready for your decision"
								more={{ to: '/governance', label: 'Open the governance desk' }}
							>
								{lead.readyToDecide.length ? (
									<ul className="space-y-2">
										{lead.readyToDecide.map((useCase) => (
											<li key={useCase.id}>
												<Link to={`/use-cases/${useCase.id}/decide`}>
													{useCase.trackingId} {useCase.name}
												</Link>
												{useCase.submittedAt ? (
													<span className="block text-sm">
														Submitted {formatDay(useCase.submittedAt)}
													</span>
												) : null}
											</li>
										))}
									</ul>
								) : (
									<p>No case is ready for a decision.</p>
								)}
								{lead.readyTotal > lead.readyToDecide.length ? (
									<p className="text-sm">{lead.readyTotal} in all.</p>
								) : null}
							</WorkPanel>
							<WorkPanel
								id="work-overdue"
								title="Overdue and unassigned"
								more={{ to: '/governance', label: 'Assign and chase on the desk' }}
							>
								<div className="grid grid-cols-1 gap-2 sm:grid-cols-3">
									<Count
										value={lead.overdueTotal}
										label={lead.overdueTotal === 1 ? 'review lane overdue' : 'review lanes overdue'}
										to="/governance#overdue-lanes-heading"
									/>
									<Count
										value={lead.awaitingAssignment}
										label={
											lead.awaitingAssignment === 1
												? 'case awaits reviewers'
												: 'cases await reviewers'
										}
										to="/governance#assign-heading"
									/>
									<Count
										value={lead.overdueConditions}
										label={
											lead.overdueConditions === 1 ? 'condition overdue' : 'conditions overdue'
										}
										to="/governance#conditions-heading"
									/>
								</div>
							</WorkPanel>
						</>
					) : null}
					{leadership ? (
						<WorkPanel
							id="work-inventory"
							title="The inventory today"
							more={{ to: '/dashboards', label: 'Open the dashboards' }}
						>
							<div className="grid grid-cols-2 gap-2">
								<Count
									value={leadership.inReview}
									label="in review"
									to="/inventory?status=IN_REVIEW"
								/>
								<Count
									value={leadership.approved}
									label="approved"
									to="/inventory?status=APPROVED"
								/>
								<Count
									value={leadership.highImpact}
									label="high-impact"
									to="/inventory?determination=HIGH_IMPACT"
								/>
								<Count
									value={leadership.overdueReviews}
									label={
										leadership.overdueReviews === 1 ? 'review lane overdue' : 'review lanes overdue'
									}
									to="/inventory?overdue=true"
								/>
							</div>
						</WorkPanel>
					) : null}
					{admin ? (
						<WorkPanel
							id="work-admin"
							title="Administration"
							more={{ to: '/admin/users', label: 'Manage users and roles' }}
						>
							<p>{plural(admin.activeUsers, 'person has', 'people have')} an active account.</p>
							<p>
								{admin.draftPack ? (
									<>
										Policy pack {admin.draftPack.version} is a draft, last edited{' '}
										{formatDay(admin.draftPack.updatedAt)}:{' '}
										<Link to="/admin/policy-pack">review and publish it</Link>.
									</>
								) : (
									<>
										No policy pack draft is open.{' '}
										<Link to="/admin/policy-pack">Open the policy pack editor</Link>.
									</>
								)}
							</p>
						</WorkPanel>
					) : null}
				</div>
			</section>

			{sections.length ? (
				<section aria-labelledby="sections-title">
					<h2 id="sections-title" className="text-xl font-bold">
						Everything you can open
					</h2>
					<ul className="mt-2 grid list-disc gap-x-8 gap-y-1 pl-6 sm:grid-cols-2 lg:grid-cols-3">
						{sections.map((item) => (
							<li key={item.to}>
								<Link to={item.to}>{item.label}</Link>
							</li>
						))}
					</ul>
				</section>
			) : null}
		</div>
	)
}
