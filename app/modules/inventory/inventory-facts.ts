// The inventory's facet counts worked out in memory from what each submitted case holds, with the
// same meaning as the SQL in inventory-query.server.ts: each facet counted under all the other
// filters, so that choosing a value never shows a count the click would not give. The cases are
// held column by column, each value as a small number, so that counting 100,000 cases is a pass
// over typed arrays (a few milliseconds) that never holds the event loop.
import {
	type InventoryQuery,
	type MultiValuedKey,
	multiValuedKeys,
	orgUnitMatches,
} from './inventory-filters.ts'

export type Dimension = MultiValuedKey | 'overdue'

export type FacetCounts = Record<Dimension, Map<string, number>> & { total: number }

const dimensions: ReadonlyArray<Dimension> = [...multiValuedKeys, 'overdue']

export function emptyCounts(): FacetCounts {
	return {
		total: 0,
		...(Object.fromEntries(dimensions.map((d) => [d, new Map<string, number>()])) as Record<
			Dimension,
			Map<string, number>
		>),
	}
}

/** What the counts read of one case. */
export type CaseFacts = {
	status: string
	stage: string | null
	/** OMB's answer, or PRESUMED_UNDETERMINED / UNDETERMINED (see `determinationBucket`). */
	determination: string
	orgUnitId: string
	datasetCategories: ReadonlyArray<string>
	sensitivities: ReadonlyArray<string>
	topicArea: string | null
	classification: string | null
	vendorNames: ReadonlyArray<string>
	tags: ReadonlyArray<string>
	/** When the case falls overdue (its re-review, an open lane or an unmet condition falling due), in ms; null when nothing is due. */
	overdueFrom: number | null
}

const singleValued = {
	status: (facts: CaseFacts) => facts.status,
	stage: (facts: CaseFacts) => facts.stage,
	determination: (facts: CaseFacts) => facts.determination,
	orgUnit: (facts: CaseFacts) => facts.orgUnitId,
	topicArea: (facts: CaseFacts) => facts.topicArea,
	classification: (facts: CaseFacts) => facts.classification,
} as const satisfies Partial<Record<MultiValuedKey, (facts: CaseFacts) => string | null>>

// Fixed vocabularies (a dozen values at most) are held as one bit per value and count a case once
// per value it holds (`= ANY` in SQL); vendors and tags as lists, once per entry (`unnest`).
const setValued = {
	datasetCategory: (facts: CaseFacts) => facts.datasetCategories,
	sensitivity: (facts: CaseFacts) => facts.sensitivities,
} as const satisfies Partial<Record<MultiValuedKey, (facts: CaseFacts) => ReadonlyArray<string>>>
const listValued = {
	vendor: (facts: CaseFacts) => facts.vendorNames,
	tag: (facts: CaseFacts) => facts.tags,
} as const satisfies Partial<Record<MultiValuedKey, (facts: CaseFacts) => ReadonlyArray<string>>>

type SingleKey = keyof typeof singleValued
type SetKey = keyof typeof setValued
type ListKey = keyof typeof listValued
const singleKeys = Object.keys(singleValued) as Array<SingleKey>
const setKeys = Object.keys(setValued) as Array<SetKey>
const listKeys = Object.keys(listValued) as Array<ListKey>

/** Single values are held in 16 bits. */
const MAX_SINGLE_CODE = 0xffff

/** Codes 1–30 fit one bit each in a 32-bit mask, clear of its sign bit. */
const MAX_SET_CODE = 30

/** Values as small numbers, 1 upwards (0 stands for a blank). */
class Dictionary {
	readonly values: Array<string> = ['']
	private readonly codes = new Map<string, number>()
	code(value: string | null) {
		if (value === null) return 0
		let code = this.codes.get(value)
		if (code === undefined) {
			code = this.values.length
			this.values.push(value)
			this.codes.set(value, code)
		}
		return code
	}
	codeOf(value: string) {
		return this.codes.get(value)
	}
}

const NO_ENTRIES: ReadonlyArray<number> = Object.freeze([])

/** The submitted cases' facts, one slot per case, column by column. */
export class FactsTable {
	private capacity = 0
	private readonly slotOf = new Map<string, number>()
	private readonly freeSlots: Array<number> = []
	private live = new Uint8Array(0)
	private overdueFrom = new Float64Array(0)
	private readonly single = Object.fromEntries(
		singleKeys.map((key) => [key, { dictionary: new Dictionary(), codes: new Uint16Array(0) }]),
	) as Record<SingleKey, { dictionary: Dictionary; codes: Uint16Array }>
	private readonly sets = Object.fromEntries(
		setKeys.map((key) => [key, { dictionary: new Dictionary(), masks: new Uint32Array(0) }]),
	) as Record<SetKey, { dictionary: Dictionary; masks: Uint32Array }>
	private readonly lists = Object.fromEntries(
		listKeys.map((key) => [
			key,
			{ dictionary: new Dictionary(), entries: [] as Array<ReadonlyArray<number>> },
		]),
	) as Record<ListKey, { dictionary: Dictionary; entries: Array<ReadonlyArray<number>> }>

	get size() {
		return this.slotOf.size
	}

	has(id: string) {
		return this.slotOf.has(id)
	}

	private grow() {
		const capacity = Math.max(1024, this.capacity * 2)
		const grown = <T extends Uint8Array | Uint16Array | Uint32Array | Float64Array>(
			old: T,
			make: (n: number) => T,
		) => {
			const next = make(capacity)
			next.set(old)
			return next
		}
		this.live = grown(this.live, (n) => new Uint8Array(n))
		this.overdueFrom = grown(this.overdueFrom, (n) => new Float64Array(n))
		for (const key of singleKeys)
			this.single[key].codes = grown(this.single[key].codes, (n) => new Uint16Array(n))
		for (const key of setKeys)
			this.sets[key].masks = grown(this.sets[key].masks, (n) => new Uint32Array(n))
		// Handed out lowest first.
		for (let slot = capacity - 1; slot >= this.capacity; slot--) this.freeSlots.push(slot)
		this.capacity = capacity
	}

	/** Adds the case, or replaces what was held of it; a case it cannot hold changes nothing. */
	set(id: string, facts: CaseFacts) {
		// Every value is coded before anything is written, so a refusal leaves no half-written case.
		const codes = singleKeys.map((key) => {
			const code = this.single[key].dictionary.code(singleValued[key](facts))
			// Past 16 bits a code would wrap round to another value: refuse, and the counts come from SQL.
			if (code > MAX_SINGLE_CODE)
				throw new Error(`More than ${MAX_SINGLE_CODE} values of ${key} to keep in 16 bits`)
			return code
		})
		const masks = setKeys.map((key) => {
			let mask = 0
			for (const value of setValued[key](facts)) {
				const code = this.sets[key].dictionary.code(value)
				if (code > MAX_SET_CODE)
					throw new Error(`More than ${MAX_SET_CODE} values of ${key} to keep as bits`)
				mask |= 1 << code
			}
			return mask
		})
		const entries = listKeys.map((key) => {
			const values = listValued[key](facts)
			return values.length
				? values.map((value) => this.lists[key].dictionary.code(value))
				: NO_ENTRIES
		})

		let slot = this.slotOf.get(id)
		if (slot === undefined) {
			if (this.freeSlots.length === 0) this.grow()
			slot = this.freeSlots.pop()!
			this.slotOf.set(id, slot)
		}
		this.live[slot] = 1
		this.overdueFrom[slot] = facts.overdueFrom ?? Number.NaN
		singleKeys.forEach((key, i) => (this.single[key].codes[slot] = codes[i]!))
		setKeys.forEach((key, i) => (this.sets[key].masks[slot] = masks[i]!))
		listKeys.forEach((key, i) => (this.lists[key].entries[slot] = entries[i]!))
	}

	delete(id: string) {
		const slot = this.slotOf.get(id)
		if (slot === undefined) return
		this.slotOf.delete(id)
		this.live[slot] = 0
		for (const key of setKeys) this.sets[key].masks[slot] = 0
		for (const key of listKeys) this.lists[key].entries[slot] = NO_ENTRIES
		this.freeSlots.push(slot)
	}

	/** How many cases hold no entry in the list (no sensitive data, say). */
	countEmpty(set: SetKey) {
		const { masks } = this.sets[set]
		let empty = 0
		for (let slot = 0; slot < this.capacity; slot++)
			if (this.live[slot] === 1 && masks[slot] === 0) empty++
		return empty
	}

	/**
	 * Every facet's counts under the query's filters (its text search is not applied: the table
	 * holds every submitted case). A case that meets every filter counts in every facet and in the
	 * total; a case that misses exactly one filter counts only in that filter's facet.
	 */
	count(
		query: InventoryQuery,
		orgUnits: ReadonlyArray<{ id: string; code: string }>,
		now: number,
	): FacetCounts {
		type Test = { dimension: Dimension; passes: (slot: number) => boolean }
		const tests: Array<Test> = []
		const accepting = (dictionary: Dictionary, chosen: Iterable<string>) => {
			const accepted = new Uint8Array(dictionary.values.length)
			for (const value of chosen) {
				const code = dictionary.codeOf(value)
				if (code !== undefined) accepted[code] = 1
			}
			return accepted
		}
		for (const dimension of dimensions) {
			if (dimension === 'overdue') {
				if (query.overdue)
					tests.push({ dimension, passes: (slot) => this.overdueFrom[slot]! < now })
			} else if (dimension in singleValued) {
				if (!query[dimension].length) continue
				// An org unit stands for itself and every unit below it, held by id.
				const chosen =
					dimension === 'orgUnit'
						? orgUnits
								.filter((unit) => query.orgUnit.some((code) => orgUnitMatches(code, unit.code)))
								.map((unit) => unit.id)
						: query[dimension]
				const { codes, dictionary } = this.single[dimension as SingleKey]
				const accepted = accepting(dictionary, chosen)
				// A blank (code 0) matches no choice, as `= ANY` does in SQL.
				accepted[0] = 0
				tests.push({ dimension, passes: (slot) => accepted[codes[slot]!] === 1 })
			} else if (dimension in setValued) {
				const chosen = query[dimension]
				if (!chosen.length) continue
				const { masks, dictionary } = this.sets[dimension as SetKey]
				let acceptedMask = 0
				for (const value of chosen) {
					const code = dictionary.codeOf(value)
					if (code !== undefined) acceptedMask |= 1 << code
				}
				tests.push({ dimension, passes: (slot) => (masks[slot]! & acceptedMask) !== 0 })
			} else {
				const chosen = query[dimension]
				if (!chosen.length) continue
				const { entries, dictionary } = this.lists[dimension as ListKey]
				const accepted = accepting(dictionary, chosen)
				tests.push({
					dimension,
					passes: (slot) => entries[slot]!.some((code) => accepted[code] === 1),
				})
			}
		}

		const singleCounts = singleKeys.map((key) => ({
			key,
			values: this.single[key].dictionary.values,
			codes: this.single[key].codes,
			counts: new Float64Array(this.single[key].dictionary.values.length),
		}))
		const setCounts = setKeys.map((key) => ({
			key,
			values: this.sets[key].dictionary.values,
			masks: this.sets[key].masks,
			counts: new Float64Array(this.sets[key].dictionary.values.length),
		}))
		const listCounts = listKeys.map((key) => ({
			key,
			values: this.lists[key].dictionary.values,
			entries: this.lists[key].entries,
			counts: new Float64Array(this.lists[key].dictionary.values.length),
		}))
		let overdue = 0
		let total = 0
		for (let slot = 0; slot < this.capacity; slot++) {
			if (this.live[slot] === 0) continue
			let missed: Dimension | null = null
			let misses = 0
			for (const test of tests) {
				if (test.passes(slot)) continue
				missed = test.dimension
				if (++misses > 1) break
			}
			if (misses > 1) continue
			for (const column of singleCounts)
				if (misses === 0 || missed === column.key) column.counts[column.codes[slot]!]!++
			for (const column of setCounts)
				if (misses === 0 || missed === column.key)
					for (let mask = column.masks[slot]!; mask !== 0; mask &= mask - 1)
						column.counts[31 - Math.clz32(mask & -mask)]!++
			for (const column of listCounts)
				if (misses === 0 || missed === column.key)
					for (const code of column.entries[slot]!) column.counts[code]!++
			if ((misses === 0 || missed === 'overdue') && this.overdueFrom[slot]! < now) overdue++
			if (misses === 0) total++
		}

		const result = emptyCounts()
		result.total = total
		// The overdue facet has its one value even when nothing is overdue.
		result.overdue.set('true', overdue)
		const codeOf = new Map(orgUnits.map((unit) => [unit.id, unit.code]))
		for (const { key, values, counts } of [...singleCounts, ...setCounts, ...listCounts]) {
			const facet = result[key]
			for (let code = 1; code < counts.length; code++) {
				if (counts[code] === 0) continue
				const value = values[code]!
				facet.set(key === 'orgUnit' ? (codeOf.get(value) ?? value) : value, counts[code]!)
			}
		}
		return result
	}
}
