import {
	type FieldMetadata,
	type FormMetadata,
	getFormProps,
	getInputProps,
	getSelectProps,
	getTextareaProps,
} from '@conform-to/react'
import { type ReactNode, useEffect, useRef } from 'react'
import { Form, useRouteLoaderData } from 'react-router'
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
	required,
}: {
	label: string
	hint?: string
	field: FieldMetadata<string | undefined | null>
	type?: 'text' | 'email' | 'password' | 'url' | 'date' | 'number'
	autoComplete?: string
	required?: boolean
}) {
	return (
		<FieldFrame id={field.id} label={label} hint={hint} errors={field.errors} required={required}>
			{(ariaDescribedBy) => (
				<input
					{...getInputProps(field, { type, ariaDescribedBy })}
					key={field.key}
					autoComplete={autoComplete}
					aria-required={required || undefined}
					className={inputClass}
				/>
			)}
		</FieldFrame>
	)
}

/** The mark beside a question that must be answered now: visible as *, read as "required". */
export function RequiredMark() {
	return (
		<>
			<abbr title="required" aria-hidden="true" className="ml-1 font-bold text-error no-underline">
				*
			</abbr>
			<span className="sr-only"> (required)</span>
		</>
	)
}

const NOT_FOCUSED_YET = Symbol('not focused yet')

export type ErrorSummaryItem = { message: string; href: string; onSelect?: () => void }

/**
 * GOV.UK's error summary: what needs fixing, each message a link to its question. It takes focus
 * when it appears, so the person hears it first.
 */
export function ErrorSummary({
	id,
	title = 'There is a problem',
	intro,
	items,
	focusKey,
}: {
	id: string
	title?: string
	intro?: string
	items: Array<ErrorSummaryItem>
	/** A new value moves focus to the summary again (each new result). */
	focusKey?: unknown
}) {
	const ref = useRef<HTMLDivElement>(null)
	// Only a new result moves focus, once, not each change to the list while the person fixes it. A
	// result's messages may reach the list a render after the result itself (a form taking in the
	// server's answer), so focus waits for the first of them.
	const focusedFor = useRef<unknown>(NOT_FOCUSED_YET)
	const hasItems = items.length > 0
	useEffect(() => {
		if (!hasItems || Object.is(focusedFor.current, focusKey)) return
		focusedFor.current = focusKey
		ref.current?.focus()
	}, [focusKey, hasItems])
	if (!items.length) return null
	return (
		<div
			ref={ref}
			id={id}
			tabIndex={-1}
			aria-labelledby={`${id}-title`}
			className="border-4 border-error p-4 focus:outline-4"
		>
			<div role="alert">
				<h2 id={`${id}-title`} className="text-xl font-bold">
					{title}
				</h2>
				{intro ? <p className="mt-1">{intro}</p> : null}
				<ul className="mt-2 space-y-1">
					{items.map((item) => (
						<li key={`${item.href}-${item.message}`}>
							<a
								href={item.href}
								className="font-bold text-error"
								onClick={(event) => {
									if (!item.onSelect) return
									event.preventDefault()
									item.onSelect()
								}}
							>
								{item.message}
							</a>
						</li>
					))}
				</ul>
			</div>
		</div>
	)
}

export function FormErrors({
	id,
	errors,
	takeFocus = false,
}: {
	id: string
	errors?: Array<string> | null
	/** Move focus (and the view) to the errors when they appear: for a refusal that comes back above a long form. */
	takeFocus?: boolean
}) {
	const box = useRef<HTMLDivElement>(null)
	const text = errors?.join('\n') ?? ''
	useEffect(() => {
		if (takeFocus && text) box.current?.focus()
	}, [takeFocus, text])
	if (!errors?.length) return null
	return (
		<div
			id={id}
			ref={box}
			role="alert"
			tabIndex={takeFocus ? -1 : undefined}
			className="border-l-4 border-error bg-error-lighter p-3"
		>
			<ErrorList errors={errors} />
		</div>
	)
}

/**
 * A posted form validated with Conform: the CSRF token, its hidden values (an intent, the version it
 * was read at), and the form-level errors above the fields, which the form is described by.
 */
export function ValidatedForm<Schema extends Record<string, unknown>>({
	form,
	hidden = {},
	className,
	focusErrors = false,
	children,
}: {
	form: FormMetadata<Schema>
	hidden?: Record<string, string | number | undefined>
	className?: string
	/** The form's own errors take the focus when they come back (see FormErrors' takeFocus). */
	focusErrors?: boolean
	children: ReactNode
}) {
	const errorId = `${form.id}-errors`
	return (
		<Form
			method="post"
			{...getFormProps(form)}
			aria-describedby={form.errors?.length ? errorId : undefined}
			className={className}
		>
			<CsrfInput />
			{Object.entries(hidden).map(([name, value]) =>
				value === undefined ? null : <input key={name} type="hidden" name={name} value={value} />,
			)}
			<FormErrors id={errorId} errors={form.errors} takeFocus={focusErrors} />
			{children}
		</Form>
	)
}

export function Button({
	children,
	variant = 'primary',
	...props
}: React.ButtonHTMLAttributes<HTMLButtonElement> & {
	variant?: 'primary' | 'secondary' | 'danger'
}) {
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

function describedBy(...ids: Array<string | undefined>) {
	return ids.filter(Boolean).join(' ') || undefined
}

/** Label, optional hint, the control, and its errors, wired together for screen readers. */
function FieldFrame({
	id,
	label,
	hint,
	errors,
	required,
	children,
}: {
	id: string
	label: string
	hint?: string
	errors?: Array<string> | null
	required?: boolean
	children: (describedById: string | undefined) => React.ReactNode
}) {
	const errorId = errors?.length ? `${id}-error` : undefined
	const hintId = hint ? `${id}-hint` : undefined
	return (
		<div>
			<label htmlFor={id} className="block font-semibold">
				{label}
				{required ? <RequiredMark /> : null}
			</label>
			{hint ? (
				<p id={hintId} className="text-sm text-base-dark">
					{hint}
				</p>
			) : null}
			{children(describedBy(errorId, hintId))}
			<ErrorList id={errorId} errors={errors} />
		</div>
	)
}

export function TextAreaField({
	label,
	hint,
	field,
	rows = 4,
	required,
}: {
	label: string
	hint?: string
	field: FieldMetadata<string | undefined | null>
	rows?: number
	required?: boolean
}) {
	return (
		<FieldFrame id={field.id} label={label} hint={hint} errors={field.errors} required={required}>
			{(ariaDescribedBy) => (
				<textarea
					{...getTextareaProps(field, { ariaDescribedBy })}
					key={field.key}
					rows={rows}
					aria-required={required || undefined}
					className={inputClass}
				/>
			)}
		</FieldFrame>
	)
}

export function SelectField({
	label,
	hint,
	field,
	options,
	placeholder = 'Choose…',
	required,
}: {
	label: string
	hint?: string
	field: FieldMetadata<string | undefined | null>
	options: Array<{ value: string; label: string }>
	placeholder?: string
	required?: boolean
}) {
	return (
		<FieldFrame id={field.id} label={label} hint={hint} errors={field.errors} required={required}>
			{(ariaDescribedBy) => (
				<select
					{...getSelectProps(field, { ariaDescribedBy })}
					key={field.key}
					aria-required={required || undefined}
					className={inputClass}
				>
					<option value="">{placeholder}</option>
					{options.map((option) => (
						<option key={option.value} value={option.value}>
							{option.label}
						</option>
					))}
				</select>
			)}
		</FieldFrame>
	)
}

/** A set of checkboxes (several answers) or radio buttons (one answer) under one legend. */
export function ChoiceGroup({
	type,
	id,
	name,
	legend,
	hint,
	options,
	selected,
	errors,
	required,
}: {
	type: 'checkbox' | 'radio'
	/** Each option's input is `${id}-${value}`. */
	id: string
	name: string
	legend: string
	hint?: string
	options: ReadonlyArray<{ value: string; label: string }>
	selected: ReadonlySet<string>
	errors?: Array<string> | null
	required?: boolean
}) {
	const errorId = errors?.length ? `${id}-error` : undefined
	const hintId = hint ? `${id}-hint` : undefined
	return (
		<fieldset
			aria-describedby={describedBy(errorId, hintId)}
			aria-invalid={errorId ? true : undefined}
		>
			<legend className="font-semibold">
				{legend}
				{required ? <RequiredMark /> : null}
			</legend>
			{hint ? (
				<p id={hintId} className="text-sm text-base-dark">
					{hint}
				</p>
			) : null}
			{options.map((option) => {
				const optionId = `${id}-${option.value}`
				return (
					<div key={option.value} className="mt-2 flex items-center gap-2">
						<input
							id={optionId}
							type={type}
							name={name}
							value={option.value}
							defaultChecked={selected.has(option.value)}
							className="size-5"
						/>
						<label htmlFor={optionId}>{option.label}</label>
					</div>
				)
			})}
			<ErrorList id={errorId} errors={errors} />
		</fieldset>
	)
}

function ChoiceGroupField({
	field,
	...group
}: {
	type: 'checkbox' | 'radio'
	legend: string
	hint?: string
	field: FieldMetadata<string | Array<string> | undefined | null>
	options: Array<{ value: string; label: string }>
	required?: boolean
}) {
	const selected = new Set(
		(Array.isArray(field.initialValue) ? field.initialValue : [field.initialValue]).filter(
			(value): value is string => typeof value === 'string',
		),
	)
	return (
		<ChoiceGroup
			{...group}
			id={field.id}
			name={field.name}
			selected={selected}
			errors={field.errors}
		/>
	)
}

type GroupProps = {
	legend: string
	hint?: string
	options: Array<{ value: string; label: string }>
	required?: boolean
}

export function CheckboxGroupField(
	props: GroupProps & { field: FieldMetadata<Array<string> | undefined | null> },
) {
	return <ChoiceGroupField type="checkbox" {...props} />
}

export function RadioGroupField(
	props: GroupProps & { field: FieldMetadata<string | undefined | null> },
) {
	return <ChoiceGroupField type="radio" {...props} />
}

export function CheckboxField({
	label,
	field,
}: {
	label: string
	field: FieldMetadata<boolean | undefined | null>
}) {
	return (
		<div className="flex items-center gap-2">
			<input
				{...getInputProps(field, { type: 'checkbox', value: 'on' })}
				key={field.key}
				className="size-5"
			/>
			<label htmlFor={field.id}>{label}</label>
			<ErrorList errors={field.errors} />
		</div>
	)
}
