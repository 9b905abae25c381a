import { z } from 'zod'
import { reviewLanes } from '#app/utils/permissions.ts'
import { CHECK_SEVERITIES, REFERENCE_STATUSES } from './policy-pack.ts'

const isoDate = z.iso.date({ error: 'Use a date such as 2026-04-03.' })

export const ReferenceFormSchema = z.object({
	revision: z.coerce.number().int().min(1),
	id: z
		.string({ error: 'Give the clause an id.' })
		.trim()
		.toUpperCase()
		.regex(/^[A-Z0-9]+(-[A-Z0-9]+)*$/, 'Clause ids are upper-case letters and digits joined by dashes, e.g. M2521-4B-II.')
		.max(60),
	instrument: z.string({ error: 'Name the instrument.' }).trim().min(2).max(200),
	title: z.string({ error: 'Give the clause a title.' }).trim().min(3).max(300),
	citation: z.string({ error: 'Give the citation.' }).trim().min(3).max(300),
	effectiveDate: isoDate,
	complianceDate: isoDate.optional(),
	status: z.enum(REFERENCE_STATUSES),
	supersededBy: z.string().trim().toUpperCase().max(60).optional(),
	link: z.url({ protocol: /^https$/, error: 'Official links start with https://.' }).max(500),
	summary: z.string({ error: 'Summarise the clause.' }).trim().min(40, 'Write at least one full sentence (40 characters).').max(4000),
})

export const CheckSettingsSchema = z.object({
	intent: z.literal('check'),
	revision: z.coerce.number().int().min(1),
	checkId: z.string().max(60),
	enabled: z.boolean().default(false),
	severity: z.enum(CHECK_SEVERITIES),
	lane: z.enum(reviewLanes),
})

export const RouteSettingsSchema = z.object({
	intent: z.literal('route'),
	revision: z.coerce.number().int().min(1),
	routeId: z.string().max(60),
	enabled: z.boolean().default(false),
	lanes: z.array(z.enum(reviewLanes)).min(1, 'A routing rule needs at least one lane.').max(reviewLanes.length),
})

export const AutoPublishSchema = z.object({ intent: z.literal('auto-publish'), enabled: z.boolean().default(false) })

export const PackEditorActionSchema = z.discriminatedUnion('intent', [CheckSettingsSchema, RouteSettingsSchema, AutoPublishSchema])

export const PublishSchema = z.object({ intent: z.literal('publish'), revision: z.coerce.number().int().min(1) })
