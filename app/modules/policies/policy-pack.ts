import { z } from 'zod'
import release2026_1 from '#app/modules/policies/pack/federal-ai-policy-pack-2026.1.json'
import release2026_2 from '#app/modules/policies/pack/federal-ai-policy-pack-2026.2.json'
import release2026_3 from '#app/modules/policies/pack/federal-ai-policy-pack-2026.3.json'
import release2026_4 from '#app/modules/policies/pack/federal-ai-policy-pack-2026.4.json'
import release2026_5 from '#app/modules/policies/pack/federal-ai-policy-pack-2026.5.json'
import { reviewLanes } from '#app/utils/permissions.ts'

export const REFERENCE_STATUSES = ['IN_FORCE', 'SUPERSEDED'] as const
export const CHECK_SEVERITIES = ['BLOCKING', 'WARNING', 'INFO'] as const
/** Confidence of the research note behind each summary (P primary, S secondary, K known citation, U unconfirmed). */
const CONFIDENCE_TAGS = ['P', 'S', 'K', 'U'] as const

export type CheckSeverity = (typeof CHECK_SEVERITIES)[number]

/**
 * What a routing rule can be conditioned on; the code decides whether a condition holds (routing.ts),
 * the pack decides which lanes it requires.
 */
const ROUTE_CONDITIONS = [
	'HIGH_IMPACT_OR_PRESUMED',
	'PRESUMED_HIGH_IMPACT',
	'PHI',
	'PART2_RECORDS',
	'SYSTEM_OF_RECORDS',
	'SCREENED_OUT_AS_NOT_AI',
] as const
export type RouteCondition = (typeof ROUTE_CONDITIONS)[number]

/** Releases are numbered YYYY.N; an administrator's edition of one adds a number (2026.2.1). */
export const PACK_VERSION_PATTERN = /^\d{4}\.\d+(\.\d+)?$/

const isoDate = z.iso.date({ error: 'must be a date written YYYY-MM-DD' })
// Clause ids are shared with the research note (`M2521-4B-II`, `42CFR2`), so the shape is loose on purpose.
const clauseId = z
	.string()
	.regex(/^[A-Z0-9]+(-[A-Z0-9]+)*$/, 'must be an upper-case clause id such as M2521-4B-II')

export const policyReferenceSchema = z
	.object({
		id: clauseId,
		instrument: z.string().trim().min(1),
		title: z.string().trim().min(1),
		citation: z.string().trim().min(1),
		effectiveDate: isoDate,
		complianceDate: isoDate.optional(),
		status: z.enum(REFERENCE_STATUSES),
		supersededBy: clauseId.optional(),
		confidence: z.enum(CONFIDENCE_TAGS).optional(),
		link: z.url({ protocol: /^https$/, error: 'must be an https link' }),
		summary: z.string().trim().min(40, 'a summary needs at least a full sentence'),
	})
	.superRefine((reference, ctx) => {
		if (reference.status === 'SUPERSEDED' && !reference.supersededBy) {
			ctx.addIssue({
				code: 'custom',
				path: ['supersededBy'],
				message: 'a superseded reference must say what superseded it',
			})
		}
		if (reference.status === 'IN_FORCE' && reference.supersededBy) {
			ctx.addIssue({
				code: 'custom',
				path: ['supersededBy'],
				message: 'only a superseded reference has supersededBy',
			})
		}
	})

export const policyCheckDefinitionSchema = z.object({
	id: clauseId,
	title: z.string().trim().min(1),
	clauseIds: z.array(clauseId).min(1),
	severity: z.enum(CHECK_SEVERITIES),
	/** The review lane a case needs when this check does not pass. */
	lane: z.enum(reviewLanes),
	enabled: z.boolean(),
	description: z.string().trim().min(1).optional(),
})

/**
 * A lane a case needs whenever a condition holds, whatever its checks say: the reviewer who must
 * confirm, not a finding to clear.
 */
export const laneRouteSchema = z.object({
	id: clauseId,
	title: z.string().trim().min(1),
	when: z.enum(ROUTE_CONDITIONS),
	lanes: z.array(z.enum(reviewLanes)).min(1),
	clauseIds: z.array(clauseId).min(1),
	enabled: z.boolean(),
	description: z.string().trim().min(1).optional(),
})

/** Packs from before routing rules (2026.1) sent a §6 presumption to the CAIO's lane and nothing else. */
const ROUTES_BEFORE_2026_2: Array<z.input<typeof laneRouteSchema>> = [
	{
		id: 'ROUTE-PRESUMED-HIGH-IMPACT',
		title: 'The CAIO determines every presumed high-impact case',
		when: 'PRESUMED_HIGH_IMPACT',
		lanes: ['CAIO_DETERMINATION'],
		clauseIds: ['M2521-4A', 'M2521-6'],
		enabled: true,
	},
]

export const policyPackSchema = z
	.object({
		id: z.string().trim().min(1),
		version: z
			.string()
			.regex(
				PACK_VERSION_PATTERN,
				'must look like 2026.2 (a release) or 2026.2.1 (an edition of one)',
			),
		title: z.string().trim().min(1),
		publishedDate: isoDate,
		description: z.string().trim().min(1).optional(),
		references: z.array(policyReferenceSchema).min(1),
		checks: z.array(policyCheckDefinitionSchema),
		routes: z
			.array(laneRouteSchema)
			.default(
				() => structuredClone(ROUTES_BEFORE_2026_2) as Array<z.infer<typeof laneRouteSchema>>,
			),
	})
	.superRefine((pack, ctx) => {
		const referenceIds = new Set<string>()
		pack.references.forEach((reference, index) => {
			if (referenceIds.has(reference.id)) {
				ctx.addIssue({
					code: 'custom',
					path: ['references', index, 'id'],
					message: `duplicate reference id ${reference.id}`,
				})
			}
			referenceIds.add(reference.id)
		})
		pack.references.forEach((reference, index) => {
			if (reference.supersededBy && !referenceIds.has(reference.supersededBy)) {
				ctx.addIssue({
					code: 'custom',
					path: ['references', index, 'supersededBy'],
					message: `supersededBy names ${reference.supersededBy}, which is not a reference in this pack`,
				})
			}
		})
		const checkIds = new Set<string>()
		pack.checks.forEach((check, index) => {
			if (checkIds.has(check.id)) {
				ctx.addIssue({
					code: 'custom',
					path: ['checks', index, 'id'],
					message: `duplicate check id ${check.id}`,
				})
			}
			checkIds.add(check.id)
			check.clauseIds.forEach((id, clauseIndex) => {
				if (!referenceIds.has(id)) {
					ctx.addIssue({
						code: 'custom',
						path: ['checks', index, 'clauseIds', clauseIndex],
						message: `clause ${id} is not a reference in this pack`,
					})
				}
			})
		})
		const routeIds = new Set<string>()
		pack.routes.forEach((route, index) => {
			if (routeIds.has(route.id)) {
				ctx.addIssue({
					code: 'custom',
					path: ['routes', index, 'id'],
					message: `duplicate routing rule id ${route.id}`,
				})
			}
			routeIds.add(route.id)
			route.clauseIds.forEach((id, clauseIndex) => {
				if (!referenceIds.has(id)) {
					ctx.addIssue({
						code: 'custom',
						path: ['routes', index, 'clauseIds', clauseIndex],
						message: `clause ${id} is not a reference in this pack`,
					})
				}
			})
		})
	})

export type PolicyReference = z.infer<typeof policyReferenceSchema>
export type PolicyCheckDefinition = z.infer<typeof policyCheckDefinitionSchema>
export type LaneRoute = z.infer<typeof laneRouteSchema>
export type PolicyPack = z.infer<typeof policyPackSchema>

export function parsePolicyPack(input: unknown): PolicyPack {
	return policyPackSchema.parse(input)
}

/** Orders pack versions numerically: 2026.2 < 2026.2.1 < 2026.10. */
export function compareVersions(a: string, b: string): number {
	const left = a.split('.').map(Number)
	const right = b.split('.').map(Number)
	for (let i = 0; i < Math.max(left.length, right.length); i++) {
		const difference = (left[i] ?? -1) - (right[i] ?? -1)
		if (difference !== 0) return difference
	}
	return 0
}

/** The release a version belongs to: 2026.2.3 → 2026.2. */
export function releaseOf(version: string): string {
	return version.split('.').slice(0, 2).join('.')
}

/** The releases in this repository. A new release is a new JSON file added to this list. */
const releaseFiles: ReadonlyArray<{ version: string }> = [
	release2026_1,
	release2026_2,
	release2026_3,
	release2026_4,
	release2026_5,
]
const releaseVersions = releaseFiles.map((file) => file.version).sort(compareVersions)
const parsedReleases = new Map<string, PolicyPack>()

/** The versions of the releases that ship with this code, oldest first. */
export function shippedReleaseVersions(): ReadonlyArray<string> {
	return releaseVersions
}

/**
 * A shipped release as the schema would read it. The files are validated by the pack tests (which also
 * hold this to equal `parsePolicyPack(file)`), so a process that only reads them skips the validation:
 * the command line evaluates one case in a fraction of the time a full parse of the pack takes.
 */
function trustedShippedPack(file: unknown): PolicyPack {
	const pack = structuredClone(file) as PolicyPack
	pack.routes ??= structuredClone(ROUTES_BEFORE_2026_2) as Array<LaneRoute>
	return pack
}

/** One shipped release, read once per process (the CLI reads only the one it uses). */
function shippedRelease(version: string): PolicyPack {
	let pack = parsedReleases.get(version)
	if (!pack) {
		const file = releaseFiles.find((candidate) => candidate.version === version)
		if (!file)
			throw new Error(
				`No shipped policy pack has version ${version}; shipped: ${releaseVersions.join(', ')}`,
			)
		pack = trustedShippedPack(file)
		parsedReleases.set(version, pack)
	}
	return pack
}

/** Every release that ships with this code, oldest first. */
export function shippedPolicyPacks(): ReadonlyArray<PolicyPack> {
	return releaseVersions.map(shippedRelease)
}

/** The newest release that ships with this code (what the CLI, the seed and a fresh database use), or a named one. */
export function shippedPolicyPack(version: string = releaseVersions.at(-1)!): PolicyPack {
	return shippedRelease(version)
}
