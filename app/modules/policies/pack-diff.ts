// What changes between two versions of the policy pack (shown before publishing), and how an
// administrator's own changes are carried onto a newer release. Pure.
import {
	type LaneRoute,
	type PolicyCheckDefinition,
	type PolicyPack,
	type PolicyReference,
} from './policy-pack.ts'

type FieldChange = { field: string; from: string; to: string }
export type ItemChange = { id: string; title: string; changes: Array<FieldChange> }
type Section<Item> = { added: Array<Item>; removed: Array<Item>; changed: Array<ItemChange> }

export type PackDiff = {
	from: string
	to: string
	checks: Section<PolicyCheckDefinition>
	routes: Section<LaneRoute>
	references: Section<PolicyReference>
	empty: boolean
}

const text = (value: unknown): string => {
	if (value === undefined || value === null) return '—'
	if (Array.isArray(value)) return value.join(', ')
	if (typeof value === 'boolean') return value ? 'on' : 'off'
	return String(value)
}

function changesBetween<Item extends { id: string }>(
	before: Item,
	after: Item,
	fields: ReadonlyArray<keyof Item & string>,
): Array<FieldChange> {
	return fields
		.filter((field) => text(before[field]) !== text(after[field]))
		.map((field) => ({ field, from: text(before[field]), to: text(after[field]) }))
}

function section<Item extends { id: string; title: string }>(
	before: ReadonlyArray<Item>,
	after: ReadonlyArray<Item>,
	fields: ReadonlyArray<keyof Item & string>,
): Section<Item> {
	const old = new Map(before.map((item) => [item.id, item]))
	const next = new Map(after.map((item) => [item.id, item]))
	return {
		added: after.filter((item) => !old.has(item.id)),
		removed: before.filter((item) => !next.has(item.id)),
		changed: after.flatMap((item) => {
			const previous = old.get(item.id)
			if (!previous) return []
			const changes = changesBetween(previous, item, fields)
			return changes.length ? [{ id: item.id, title: item.title, changes }] : []
		}),
	}
}

const CHECK_FIELDS = ['title', 'severity', 'lane', 'enabled', 'clauseIds', 'description'] as const
const ROUTE_FIELDS = ['title', 'when', 'lanes', 'clauseIds', 'enabled', 'description'] as const
const REFERENCE_FIELDS = [
	'title',
	'instrument',
	'citation',
	'status',
	'supersededBy',
	'effectiveDate',
	'complianceDate',
	'confidence',
	'link',
	'summary',
] as const

/** Checks, routing rules and references added, removed or changed from `from` to `to`, field by field. */
export function diffPacks(from: PolicyPack, to: PolicyPack): PackDiff {
	const checks = section(from.checks, to.checks, CHECK_FIELDS)
	const routes = section(from.routes, to.routes, ROUTE_FIELDS)
	const references = section(from.references, to.references, REFERENCE_FIELDS)
	const size = (s: Section<unknown & { id: string }>) =>
		s.added.length + s.removed.length + s.changed.length
	return {
		from: from.version,
		to: to.version,
		checks,
		routes,
		references,
		empty: size(checks) + size(routes) + size(references) === 0,
	}
}

/**
 * An administrator's changes (what `edited` changed from `base`) applied onto a newer release `onto`:
 * check and routing-rule settings they changed, references they added or edited. Where the release
 * itself removed a check, rule or reference, the release wins.
 */
export function carryOver(
	base: PolicyPack,
	edited: PolicyPack,
	onto: PolicyPack,
): { pack: PolicyPack; carried: number } {
	let carried = 0
	const baseChecks = new Map(base.checks.map((check) => [check.id, check]))
	const editedChecks = new Map(edited.checks.map((check) => [check.id, check]))
	const checks = onto.checks.map((check) => {
		const before = baseChecks.get(check.id)
		const after = editedChecks.get(check.id)
		if (
			!before ||
			!after ||
			changesBetween(before, after, ['enabled', 'severity', 'lane']).length === 0
		)
			return check
		carried++
		return { ...check, enabled: after.enabled, severity: after.severity, lane: after.lane }
	})
	const baseRoutes = new Map(base.routes.map((route) => [route.id, route]))
	const editedRoutes = new Map(edited.routes.map((route) => [route.id, route]))
	const routes = onto.routes.map((route) => {
		const before = baseRoutes.get(route.id)
		const after = editedRoutes.get(route.id)
		if (!before || !after || changesBetween(before, after, ['enabled', 'lanes']).length === 0)
			return route
		carried++
		return { ...route, enabled: after.enabled, lanes: after.lanes }
	})
	const baseReferences = new Map(base.references.map((reference) => [reference.id, reference]))
	const references = [...onto.references]
	for (const reference of edited.references) {
		const before = baseReferences.get(reference.id)
		const index = references.findIndex((candidate) => candidate.id === reference.id)
		if (!before) {
			if (index < 0) {
				references.push(reference)
				carried++
			}
		} else if (changesBetween(before, reference, REFERENCE_FIELDS).length > 0 && index >= 0) {
			references[index] = reference
			carried++
		}
	}
	return { pack: { ...onto, checks, routes, references }, carried }
}
