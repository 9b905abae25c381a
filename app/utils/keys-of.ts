/**
 * The keys of a label map, in the order written, as a non-empty tuple so that they feed `z.enum`
 * directly. A vocabulary is written once, as its labels; its list of values follows from them.
 */
export function keysOf<T extends Record<string, unknown>>(record: T) {
	type Key = Extract<keyof T, string>
	return Object.keys(record) as [Key, ...Array<Key>]
}
