import { z } from 'zod'
import shippedPackJson from '#app/modules/policies/pack/federal-ai-policy-pack-2026.1.json'
import { reviewLanes } from '#app/utils/permissions.ts'

export const REFERENCE_STATUSES = ['IN_FORCE', 'SUPERSEDED'] as const
export const CHECK_SEVERITIES = ['BLOCKING', 'WARNING', 'INFO'] as const
/** Confidence of the research note behind each summary (P primary, S secondary, K known citation, U unconfirmed). */
export const CONFIDENCE_TAGS = ['P', 'S', 'K', 'U'] as const

export type ReferenceStatus = (typeof REFERENCE_STATUSES)[number]
export type CheckSeverity = (typeof CHECK_SEVERITIES)[number]

const isoDate = z.iso.date({ error: 'must be a date written YYYY-MM-DD' })
// Clause ids are shared with the research note (`M2521-4B-II`, `42CFR2`), so the shape is loose on purpose.
const clauseId = z.string().regex(/^[A-Z0-9]+(-[A-Z0-9]+)*$/, 'must be an upper-case clause id such as M2521-4B-II')

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
			ctx.addIssue({ code: 'custom', path: ['supersededBy'], message: 'a superseded reference must say what superseded it' })
		}
		if (reference.status === 'IN_FORCE' && reference.supersededBy) {
			ctx.addIssue({ code: 'custom', path: ['supersededBy'], message: 'only a superseded reference has supersededBy' })
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

export const policyPackSchema = z
	.object({
		id: z.string().trim().min(1),
		version: z.string().regex(/^\d{4}\.\d+$/, 'must look like 2026.1'),
		title: z.string().trim().min(1),
		publishedDate: isoDate,
		description: z.string().trim().min(1).optional(),
		references: z.array(policyReferenceSchema).min(1),
		checks: z.array(policyCheckDefinitionSchema),
	})
	.superRefine((pack, ctx) => {
		const referenceIds = new Set<string>()
		pack.references.forEach((reference, index) => {
			if (referenceIds.has(reference.id)) {
				ctx.addIssue({ code: 'custom', path: ['references', index, 'id'], message: `duplicate reference id ${reference.id}` })
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
				ctx.addIssue({ code: 'custom', path: ['checks', index, 'id'], message: `duplicate check id ${check.id}` })
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
	})

export type PolicyReference = z.infer<typeof policyReferenceSchema>
export type PolicyCheckDefinition = z.infer<typeof policyCheckDefinitionSchema>
export type PolicyPack = z.infer<typeof policyPackSchema>

export function parsePolicyPack(input: unknown): PolicyPack {
	return policyPackSchema.parse(input)
}

let shipped: PolicyPack | undefined

/** The pack that ships with this release; parsed once because the bench and the CLI call it per process. */
export function shippedPolicyPack(): PolicyPack {
	shipped ??= parsePolicyPack(shippedPackJson)
	return shipped
}
