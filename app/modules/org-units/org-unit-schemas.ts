// One schema per org-unit form. An abbreviation becomes the last part of the unit's code
// ("HHS/CMS/OC"), so it holds no slash.
import { z } from 'zod'

const id = z.string().trim().min(1, 'Choose a unit.').max(40)
const version = z.coerce.number().int().min(1).max(2_147_483_647)
const shortNameSchema = z
	.string()
	.trim()
	.min(1, 'Enter the abbreviation.')
	.max(20, 'At most 20 characters.')
	.regex(
		/^[A-Za-z0-9][A-Za-z0-9&.-]*$/,
		'Letters, digits, “&”, “.” and “-” only (the abbreviation is part of the unit’s code).',
	)
const unitNameSchema = z
	.string()
	.trim()
	.min(1, 'Enter the full name.')
	.max(200, 'At most 200 characters.')
const aliasSchema = z.string().trim().min(1).max(200)

export const NewOrgUnitSchema = z.object({
	parentId: id,
	shortName: shortNameSchema,
	name: unitNameSchema,
})

export const OrgUnitChangeSchema = z.discriminatedUnion('intent', [
	z.object({
		intent: z.literal('rename'),
		version,
		shortName: shortNameSchema,
		name: unitNameSchema,
	}),
	z.object({ intent: z.literal('move'), version, parentId: id }),
	z.object({ intent: z.literal('merge'), version, targetId: id }),
	z.object({ intent: z.literal('deactivate'), version }),
	z.object({ intent: z.literal('reactivate'), version }),
	z.object({
		intent: z.literal('aliases'),
		version,
		aliases: z
			.string()
			.max(5000)
			.transform((text) =>
				text
					.split(/\r?\n/)
					.map((line) => line.trim())
					.filter(Boolean),
			)
			.pipe(z.array(aliasSchema).max(50, 'At most 50 other names.')),
	}),
])
export type OrgUnitChange = z.infer<typeof OrgUnitChangeSchema>

/** The import preview's answer for a component the tracker does not know: map it to a unit, or create it. */
export const UnknownComponentSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('map-component'), bureau: aliasSchema, orgUnitId: id }),
	z.object({
		intent: z.literal('create-component'),
		bureau: aliasSchema,
		parentId: id,
		shortName: shortNameSchema,
		name: unitNameSchema,
	}),
])
