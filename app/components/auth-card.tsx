/** The frame of the pages a person sees before they are fully signed in (sign-in, invitation, reset). */
export function AuthCard({ title, children }: { title: string; children: React.ReactNode }) {
	return (
		<main className="flex min-h-screen items-start justify-center bg-base-lightest px-4 py-16">
			<div className="w-full max-w-md border border-base-lighter bg-white p-8 shadow-sm">
				<p className="text-sm font-semibold tracking-wide text-base-dark uppercase">
					AI Governance Tracker
				</p>
				<h1 className="mt-1 text-3xl font-bold">{title}</h1>
				{children}
			</div>
		</main>
	)
}
