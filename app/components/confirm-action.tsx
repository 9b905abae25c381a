import { useEffect, useRef } from 'react'
import { Form, Link } from 'react-router'
import { Button, CsrfInput } from '#app/components/forms.tsx'

/**
 * "Are you sure?" for a consequential action, as a page state rather than a dialog: the first button
 * opens this panel (an address, so it works without JavaScript), which says what will happen and
 * holds the button that does it.
 */
export function ConfirmAction({
	title,
	children,
	action,
	intent,
	fields = {},
	confirmLabel,
	cancelTo,
	danger = false,
}: {
	title: string
	children: React.ReactNode
	action?: string
	intent: string
	fields?: Record<string, string | number>
	confirmLabel: string
	cancelTo: string
	danger?: boolean
}) {
	const heading = useRef<HTMLHeadingElement>(null)
	useEffect(() => heading.current?.focus(), [])
	return (
		<section
			aria-labelledby="confirm-title"
			className="space-y-3 border-l-8 border-warning-dark bg-warning-lighter p-4"
		>
			<h2 ref={heading} id="confirm-title" tabIndex={-1} className="text-xl font-bold">
				{title}
			</h2>
			<div className="space-y-2">{children}</div>
			<Form method="post" action={action} className="flex flex-wrap items-center gap-4">
				<CsrfInput />
				<input type="hidden" name="intent" value={intent} />
				{Object.entries(fields).map(([name, value]) => (
					<input key={name} type="hidden" name={name} value={value} />
				))}
				<Button variant={danger ? 'danger' : 'primary'}>{confirmLabel}</Button>
				<Link to={cancelTo} preventScrollReset>
					Cancel
				</Link>
			</Form>
		</section>
	)
}

/** A success message after a save or another change, announced and focused when it appears. */
export function SuccessAlert({
	children,
	id = 'success-alert',
}: {
	children: React.ReactNode
	id?: string
}) {
	const alert = useRef<HTMLDivElement>(null)
	useEffect(() => alert.current?.focus(), [])
	return (
		<div
			id={id}
			role="status"
			tabIndex={-1}
			ref={alert}
			className="border-l-8 border-success bg-success-lighter p-4 font-semibold"
		>
			{children}
		</div>
	)
}
