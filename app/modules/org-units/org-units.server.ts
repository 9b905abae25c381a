// CMS's organisation as administrators keep it: add, rename, move, merge, deactivate. A unit's code
// is its path ("HHS/CMS/OIT"), so a rename or a move rewrites the codes of the unit and everything
// under it; the old code becomes an alias, so files and links that use it still find the unit.
// Every change names the version it was made from and writes an audit event in its transaction.
import { type Prisma } from '#app/generated/prisma/client.ts'
import { recordEvent } from '#app/modules/audit/record-event.server.ts'
import { type Tx } from '#app/utils/db/tx.ts'
import { prisma } from '#app/utils/db.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { type RequestInfo } from '#app/utils/request-context.ts'
import { type AuditAction } from '#app/modules/audit/audit-actions.ts'
import { type OrgUnitChange } from './org-unit-schemas.ts'

type Actor = { id: string }

const unitSelect = {
	id: true,
	code: true,
	shortName: true,
	name: true,
	parentId: true,
	aliases: true,
	active: true,
	version: true,
	mergedInto: { select: { code: true } },
	_count: { select: { useCases: true, users: true, datasets: true, children: true } },
} as const satisfies Prisma.OrgUnitSelect

/** Every unit in code order, so a parent comes just before its children. */
export async function listOrgUnitsForAdmin() {
	return prisma.orgUnit.findMany({ orderBy: { code: 'asc' }, select: unitSelect })
}

export async function getOrgUnit(id: string) {
	const unit = await prisma.orgUnit.findUnique({ where: { id }, select: unitSelect })
	if (!unit) throw new AppError('NOT_FOUND', 'No org unit has this id.')
	return unit
}

const STALE =
	'Someone changed this org unit after you opened it; reload the page to see their change, then try again.'

async function loadForChange(tx: Tx, id: string, version: number) {
	const unit = await tx.orgUnit.findUnique({
		where: { id },
		select: {
			id: true,
			code: true,
			shortName: true,
			name: true,
			parentId: true,
			aliases: true,
			active: true,
			version: true,
		},
	})
	if (!unit) throw new AppError('NOT_FOUND', 'No org unit has this id.')
	if (unit.version !== version) throw new AppError('CONFLICT', STALE)
	return unit
}

async function activeParent(tx: Tx, parentId: string) {
	const parent = await tx.orgUnit.findUnique({
		where: { id: parentId },
		select: { id: true, code: true, active: true },
	})
	if (!parent || !parent.active) throw new AppError('INVALID', 'Choose an active parent unit.')
	return parent
}

async function assertFreeCode(tx: Tx, code: string, exceptId?: string) {
	const taken = await tx.orgUnit.findFirst({
		where: {
			code: { equals: code, mode: 'insensitive' },
			...(exceptId ? { id: { not: exceptId } } : {}),
		},
		select: { id: true },
	})
	if (taken)
		throw new AppError(
			'CONFLICT',
			`${code} already exists; choose another abbreviation or merge into that unit.`,
		)
}

/** Writes the unit with a conditional update on the version it was read at. */
async function writeUnit(
	tx: Tx,
	id: string,
	version: number,
	data: Prisma.OrgUnitUncheckedUpdateManyInput,
) {
	const written = await tx.orgUnit.updateMany({
		where: { id, version },
		data: { ...data, version: { increment: 1 } },
	})
	if (written.count === 0) throw new AppError('CONFLICT', STALE)
}

/** Rewrites the codes under a unit whose own code changed from `from` to `to`; each old code is kept as an alias. */
async function recode(tx: Tx, from: string, to: string) {
	const below = await tx.orgUnit.findMany({
		where: { code: { startsWith: `${from}/` } },
		select: { id: true, code: true, aliases: true },
	})
	for (const unit of below) {
		const code = `${to}${unit.code.slice(from.length)}`
		await tx.orgUnit.update({
			where: { id: unit.id },
			data: { code, aliases: withAlias(unit.aliases, unit.code), version: { increment: 1 } },
			select: { id: true },
		})
	}
}

function withAlias(aliases: ReadonlyArray<string>, ...added: Array<string>) {
	const seen = new Set(aliases.map((alias) => alias.toLowerCase()))
	const next = [...aliases]
	for (const alias of added) {
		const trimmed = alias.trim()
		if (trimmed && !seen.has(trimmed.toLowerCase())) {
			next.push(trimmed)
			seen.add(trimmed.toLowerCase())
		}
	}
	return next.slice(-50)
}

/** Adds a unit under an active parent; its code is the parent's path and its abbreviation. */
export async function createOrgUnit(
	actor: Actor,
	values: { parentId: string; shortName: string; name: string; aliases?: Array<string> },
	request: RequestInfo,
) {
	const unit = await prisma.$transaction(async (tx) => {
		const parent = await activeParent(tx, values.parentId)
		const code = `${parent.code}/${values.shortName}`
		await assertFreeCode(tx, code)
		const created = await tx.orgUnit.create({
			data: {
				code,
				shortName: values.shortName,
				name: values.name,
				parentId: parent.id,
				aliases: withAlias([], ...(values.aliases ?? [])),
			},
			select: { id: true, code: true },
		})
		await recordEvent(tx, {
			actorId: actor.id,
			action: 'org_unit.created',
			entityType: 'OrgUnit',
			entityId: created.id,
			after: { code, name: values.name, aliases: values.aliases ?? [] },
			request,
		})
		return created
	})
	return unit
}

/** Adds another name files use for the unit (a spelling met at an import), so the next file finds it. */
export async function addOrgUnitAlias(
	actor: Actor,
	id: string,
	alias: string,
	request: RequestInfo,
) {
	await prisma.$transaction(async (tx) => {
		const unit = await tx.orgUnit.findUnique({
			where: { id },
			select: { id: true, code: true, aliases: true, active: true, version: true },
		})
		if (!unit || !unit.active) throw new AppError('INVALID', 'Choose an active org unit.')
		const aliases = withAlias(unit.aliases, alias)
		if (aliases.length === unit.aliases.length) return
		await writeUnit(tx, unit.id, unit.version, { aliases })
		await recordEvent(tx, {
			actorId: actor.id,
			action: 'org_unit.alias_added',
			entityType: 'OrgUnit',
			entityId: unit.id,
			before: { aliases: unit.aliases },
			after: { aliases, alias },
			request,
		})
	})
}

/** Applies one administrator's change: rename, move, merge, deactivate or reactivate, or edit the aliases. */
export async function changeOrgUnit(
	actor: Actor,
	id: string,
	change: OrgUnitChange,
	request: RequestInfo,
) {
	await prisma.$transaction(async (tx) => {
		const unit = await loadForChange(tx, id, change.version)
		const audit = (
			action: AuditAction,
			before: Prisma.InputJsonValue,
			after: Prisma.InputJsonValue,
		) =>
			recordEvent(tx, {
				actorId: actor.id,
				action,
				entityType: 'OrgUnit',
				entityId: unit.id,
				before,
				after,
				request,
			})
		switch (change.intent) {
			case 'rename': {
				const parentCode = unit.code.includes('/')
					? unit.code.slice(0, unit.code.lastIndexOf('/'))
					: null
				const code = parentCode ? `${parentCode}/${change.shortName}` : change.shortName
				if (code !== unit.code) await assertFreeCode(tx, code, unit.id)
				const aliases =
					code === unit.code
						? unit.aliases
						: withAlias(unit.aliases, unit.code, unit.name === change.name ? '' : unit.name)
				await writeUnit(tx, unit.id, unit.version, {
					code,
					shortName: change.shortName,
					name: change.name,
					aliases,
				})
				if (code !== unit.code) await recode(tx, unit.code, code)
				await audit(
					'org_unit.renamed',
					{ code: unit.code, shortName: unit.shortName, name: unit.name },
					{ code, shortName: change.shortName, name: change.name },
				)
				break
			}
			case 'move': {
				if (!unit.parentId)
					throw new AppError(
						'INVALID',
						'The department is the top of the hierarchy; it cannot be moved.',
					)
				const parent = await activeParent(tx, change.parentId)
				if (parent.id === unit.id || parent.code.startsWith(`${unit.code}/`))
					throw new AppError(
						'INVALID',
						'A unit cannot be moved under itself or one of its own units.',
					)
				const code = `${parent.code}/${unit.shortName}`
				if (code === unit.code) return
				await assertFreeCode(tx, code, unit.id)
				await writeUnit(tx, unit.id, unit.version, {
					code,
					parentId: parent.id,
					aliases: withAlias(unit.aliases, unit.code),
				})
				await recode(tx, unit.code, code)
				await audit(
					'org_unit.moved',
					{ code: unit.code, parentId: unit.parentId },
					{ code, parentId: parent.id },
				)
				break
			}
			case 'merge': {
				const target = await tx.orgUnit.findUnique({
					where: { id: change.targetId },
					select: { id: true, code: true, aliases: true, active: true, version: true },
				})
				if (!target || !target.active)
					throw new AppError('INVALID', 'Choose an active unit to merge into.')
				if (target.id === unit.id || target.code.startsWith(`${unit.code}/`))
					throw new AppError(
						'INVALID',
						'A unit cannot be merged into itself or one of its own units.',
					)
				if (!unit.parentId) throw new AppError('INVALID', 'The department cannot be merged.')
				const moved = {
					useCases: (
						await tx.useCase.updateMany({
							where: { orgUnitId: unit.id },
							data: { orgUnitId: target.id },
						})
					).count,
					users: (
						await tx.user.updateMany({
							where: { orgUnitId: unit.id },
							data: { orgUnitId: target.id },
						})
					).count,
					datasets: (
						await tx.dataset.updateMany({
							where: { orgUnitId: unit.id },
							data: { orgUnitId: target.id },
						})
					).count,
				}
				const children = await tx.orgUnit.findMany({
					where: { parentId: unit.id },
					select: { id: true, code: true, shortName: true, version: true },
				})
				for (const child of children) {
					const code = `${target.code}/${child.shortName}`
					await assertFreeCode(tx, code, child.id)
					await writeUnit(tx, child.id, child.version, { parentId: target.id, code })
					await recode(tx, child.code, code)
				}
				await tx.orgUnit.update({
					where: { id: target.id },
					data: {
						aliases: withAlias(
							target.aliases,
							unit.code,
							unit.shortName,
							unit.name,
							...unit.aliases,
						),
						version: { increment: 1 },
					},
					select: { id: true },
				})
				await writeUnit(tx, unit.id, unit.version, { active: false, mergedIntoId: target.id })
				await audit(
					'org_unit.merged',
					{ code: unit.code },
					{ into: target.code, moved: { ...moved, units: children.length } },
				)
				break
			}
			case 'deactivate': {
				if (!unit.active) return
				if (!unit.parentId) throw new AppError('INVALID', 'The department cannot be deactivated.')
				const activeChildren = await tx.orgUnit.count({
					where: { parentId: unit.id, active: true },
				})
				if (activeChildren)
					throw new AppError(
						'CONFLICT',
						`${unit.code} has ${activeChildren} active unit${activeChildren === 1 ? '' : 's'} under it: move, merge or deactivate them first.`,
					)
				await writeUnit(tx, unit.id, unit.version, { active: false })
				await audit('org_unit.deactivated', { active: true }, { active: false })
				break
			}
			case 'reactivate': {
				if (unit.active) return
				await writeUnit(tx, unit.id, unit.version, { active: true, mergedIntoId: null })
				await audit('org_unit.reactivated', { active: false }, { active: true })
				break
			}
			case 'aliases': {
				const aliases = withAlias([], ...change.aliases)
				await writeUnit(tx, unit.id, unit.version, { aliases })
				await audit('org_unit.aliases_changed', { aliases: unit.aliases }, { aliases })
				break
			}
		}
	})
}
