import { z } from 'zod'
import {
	isoDay,
	lockCounter,
	multiLineText,
	singleLineText,
	webAddress,
} from '#app/utils/input-schemas.ts'
import { reviewLanes } from '#app/utils/permissions.ts'
import { CHECK_SEVERITIES, REFERENCE_STATUSES } from './policy-pack.ts'

const isoDate = isoDay()

export const ReferenceFormSchema = z.object({
	revision: lockCounter(),
	id: singleLineText({ error: 'Give the clause an id.' })
		.toUpperCase()
		.regex(
			/^[A-Z0-9]+(-[A-Z0-9]+)*$/,
			'Clause ids are upper-case letters and digits joined by dashes, e.g. M2521-4B-II.',
		)
		.max(60),
	instrument: singleLineText({ error: 'Name the instrument.' }).min(2).max(200),
	title: singleLineText({ error: 'Give the clause a title.' }).min(3).max(300),
	citation: singleLineText({ error: 'Give the citation.' }).min(3).max(300),
	effectiveDate: isoDate,
	complianceDate: isoDate.optional(),
	status: z.enum(REFERENCE_STATUSES),
	supersededBy: singleLineText().toUpperCase().max(60).optional(),
	link: webAddress({ https: true, error: 'Official links start with https://.' }),
	summary: multiLineText({ error: 'Summarise the clause.' })
		.min(40, 'Write at least one full sentence (40 characters).')
		.max(4000),
})

const CheckSettingsSchema = z.object({
	intent: z.literal('check'),
	revision: lockCounter(),
	checkId: singleLineText().max(60),
	enabled: z.boolean().default(false),
	severity: z.enum(CHECK_SEVERITIES),
	lane: z.enum(reviewLanes),
})

const RouteSettingsSchema = z.object({
	intent: z.literal('route'),
	revision: lockCounter(),
	routeId: z.string().max(60),
	enabled: z.boolean().default(false),
	lanes: z
		.array(z.enum(reviewLanes))
		.min(1, 'A routing rule needs at least one lane.')
		.max(reviewLanes.length),
})

const AutoPublishSchema = z.object({
	intent: z.literal('auto-publish'),
	enabled: z.boolean().default(false),
})

export const PackEditorActionSchema = z.discriminatedUnion('intent', [
	CheckSettingsSchema,
	RouteSettingsSchema,
	AutoPublishSchema,
])

export const PublishSchema = z.object({ intent: z.literal('publish'), revision: lockCounter() })
