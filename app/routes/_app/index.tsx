import { Link } from 'react-router'
import { navigation } from '#app/components/app-shell.tsx'
import { useRootData } from '#app/root.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { roleLabels } from '#app/utils/permissions.ts'
import type { Route } from './+types/index.ts'

export const meta: Route.MetaFunction = () => [{ title: 'Home · AI Governance Tracker' }]

export async function loader({ request }: Route.LoaderArgs) {
	await requireUser(request)
	return null
}

export default function Home() {
	const user = useRootData()?.user
	if (!user) return null
	const sections = navigation.filter(
		(item) => item.to !== '/' && (item.permission === null || user.permissions.includes(item.permission)),
	)
	return (
		<div className="space-y-6">
			<h1 className="text-3xl font-bold">Welcome, {user.name}</h1>
			<p className="text-lg">
				You are signed in as {user.roles.map((r) => roleLabels[r.role]).join(' and ')}
				{user.orgUnit ? ` in ${user.orgUnit.shortName}` : ''}.
			</p>
			{sections.length ? (
				<section aria-labelledby="sections-title">
					<h2 id="sections-title" className="text-xl font-bold">
						What you can do here
					</h2>
					<ul className="mt-2 list-disc space-y-1 pl-6">
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
