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
