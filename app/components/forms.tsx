import { type FieldMetadata, getInputProps } from '@conform-to/react'
import { useId } from 'react'
import { useRouteLoaderData } from 'react-router'
import { CSRF_FIELD_NAME } from '#app/utils/csrf.ts'

type RootData = { csrfToken: string }

/** Every mutating form carries this; the server refuses posts without it. */
export function CsrfInput() {
	const data = useRouteLoaderData<RootData>('root')
	return <input type="hidden" name={CSRF_FIELD_NAME} value={data?.csrfToken ?? ''} />
}

export function ErrorList({ id, errors }: { id?: string; errors?: Array<string> | null }) {
	const shown = errors?.filter(Boolean)
	if (!shown?.length) return null
	return (
		<ul id={id} className="mt-1 space-y-1 text-sm font-semibold text-error">
			{shown.map((error) => (
				<li key={error}>{error}</li>
			))}
		</ul>
	)
}

const inputClass =
	'mt-1 block w-full rounded-none border border-base-dark px-3 py-2 text-base aria-[invalid=true]:border-2 aria-[invalid=true]:border-error'

export function TextField({
	label,
	hint,
	field,
	type = 'text',
	autoComplete,
}: {
	label: string
	hint?: string
	field: FieldMetadata<string | undefined | null>
	type?: 'text' | 'email' | 'password' | 'url' | 'date' | 'number'
	autoComplete?: string
}) {
	const fallbackId = useId()
	const id = field.id ?? fallbackId
	const errorId = field.errors?.length ? `${id}-error` : undefined
	const hintId = hint ? `${id}-hint` : undefined
	return (
		<div>
			<label htmlFor={id} className="block font-semibold">
				{label}
			</label>
			{hint ? (
				<p id={hintId} className="text-sm text-base-dark">
					{hint}
				</p>
			) : null}
			<input
				{...getInputProps(field, { type, ariaDescribedBy: [errorId, hintId].filter(Boolean).join(' ') || undefined })}
				key={field.key}
				id={id}
				autoComplete={autoComplete}
				className={inputClass}
			/>
			<ErrorList id={errorId} errors={field.errors} />
		</div>
	)
}

export function FormErrors({ id, errors }: { id: string; errors?: Array<string> | null }) {
	if (!errors?.length) return null
	return (
		<div id={id} role="alert" className="border-l-4 border-error bg-error-lighter p-3">
			<ErrorList errors={errors} />
		</div>
	)
}

export function Button({
	children,
	variant = 'primary',
	...props
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'danger' }) {
	const styles = {
		primary: 'bg-primary text-white hover:bg-primary-dark',
		secondary: 'border-2 border-primary bg-white text-primary hover:bg-primary-lighter',
		danger: 'bg-error text-white hover:bg-primary-darker',
	}[variant]
	return (
		<button
			type="submit"
			{...props}
			className={`inline-flex items-center rounded px-5 py-2.5 font-bold disabled:opacity-60 ${styles} ${props.className ?? ''}`}
		>
			{children}
		</button>
	)
}
