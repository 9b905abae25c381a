import { type ReactNode } from 'react'
import { Form } from 'react-router'

export type FilterOption = { value: string; label: string }

/**
 * One labelled control of a GET filter form: a search box, or, given options, a select whose first
 * choice (`anyLabel`) clears the filter. The value comes back from the address, so no state is kept.
 */
export function FilterField({
	id,
	name,
	label,
	defaultValue,
	options,
	anyLabel,
	type,
	placeholder,
	className,
}: {
	id: string
	name: string
	label: string
	defaultValue?: string | number
	options?: ReadonlyArray<FilterOption>
	anyLabel?: string
	type?: 'search' | 'date'
	placeholder?: string
	className?: string
}) {
	const controlClass = 'mt-1 block max-w-full border border-base-dark px-3 py-2'
	return (
		<div className={className}>
			<label htmlFor={id} className="block font-semibold">
				{label}
			</label>
			{options ? (
				<select id={id} name={name} defaultValue={defaultValue} className={controlClass}>
					{anyLabel === undefined ? null : <option value="">{anyLabel}</option>}
					{options.map((option) => (
						<option key={option.value} value={option.value}>
							{option.label}
						</option>
					))}
				</select>
			) : (
				<input
					id={id}
					name={name}
					type={type}
					placeholder={placeholder}
					defaultValue={defaultValue}
					className={controlClass}
				/>
			)}
		</div>
	)
}

/** The options of a filter select from a list of values and how each is named. */
export function optionsOf<Value extends string>(
	values: ReadonlyArray<Value>,
	labelOf: (value: Value) => string,
): Array<FilterOption> {
	return values.map((value) => ({ value, label: labelOf(value) }))
}

/**
 * A GET form of filters, named for what it filters, with its submit button, and the number of
 * results below it, announced politely when it changes.
 */
export function FilterForm({
	label,
	submitLabel = 'Apply',
	total,
	noun,
	className = 'flex flex-wrap items-end gap-4',
	children,
}: {
	label: string
	submitLabel?: string
	total: number
	/** What is counted, singular and plural: ['use case', 'use cases']. */
	noun: readonly [string, string]
	className?: string
	children: ReactNode
}) {
	return (
		<>
			<Form method="get" role="search" aria-label={label} className={className}>
				{children}
				<button
					type="submit"
					className="rounded bg-primary px-4 py-2 font-bold text-white hover:bg-primary-dark"
				>
					{submitLabel}
				</button>
			</Form>
			<p aria-live="polite">
				{total} {total === 1 ? noun[0] : noun[1]}
			</p>
		</>
	)
}
