/**
 * A wide table that scrolls sideways in its own box on a narrow screen, so the page itself never
 * does. The box is focusable and named, so keyboard users can scroll it too (WCAG 2.1.1). It is the
 * containing block of what it holds, so a visually hidden header cell scrolls with the table too.
 */
export function TableScroll({ label, children }: { label: string; children: React.ReactNode }) {
	return (
		<div
			role="region"
			aria-label={label}
			tabIndex={0}
			className="relative max-w-full overflow-x-auto focus-visible:outline-4"
		>
			{children}
		</div>
	)
}
