// "An official website of the United States government", with how to know, as on every .gov site
// (U.S. Web Design System banner). Works without JavaScript: it opens with <details>.

function UsFlag() {
	return (
		<svg aria-hidden="true" focusable="false" viewBox="0 0 16 11" className="h-[11px] w-4 shrink-0">
			<rect width="16" height="11" fill="#b22234" />
			{[1, 3, 5, 7, 9].map((y) => (
				<rect key={y} y={(y * 11) / 13} width="16" height={11 / 13} fill="#fff" />
			))}
			<rect width="7" height={(7 * 11) / 13} fill="#3c3b6e" />
		</svg>
	)
}

export function OfficialBanner({ width = 'max-w-7xl' }: { width?: string }) {
	return (
		<section
			aria-label="Official website of the United States government"
			className="bg-base-lightest text-sm"
		>
			<details className={`group mx-auto ${width} px-4`}>
				<summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-2 py-1 [&::-webkit-details-marker]:hidden">
					<UsFlag />
					<span>An official website of the United States government</span>
					<span className="text-primary underline">
						Here’s how you know<span aria-hidden="true"> {'▾'}</span>
					</span>
				</summary>
				<div className="grid gap-4 pt-2 pb-4 sm:grid-cols-2">
					<p>
						<strong>Official websites use .gov</strong>
						<br />A <strong>.gov</strong> website belongs to an official government organization in
						the United States.
					</p>
					<p>
						<strong>Secure .gov websites use HTTPS</strong>
						<br />A <strong>lock</strong> or <strong>https://</strong> means you’ve safely connected
						to the .gov website. Share sensitive information only on official, secure websites.
					</p>
				</div>
			</details>
		</section>
	)
}
