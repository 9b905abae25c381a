// The policy pack as every evaluation reads it: the current published pack and the stored check
// results. Editing, publishing and re-running a pack live in pack-admin.server.ts.
import { type PrismaClient } from '#app/generated/prisma/client.ts'
import { type UseCaseDocument } from '#app/modules/use-cases/use-case-document.ts'
import { prisma } from '#app/utils/db.server.ts'
import { type Tx } from '#app/utils/db/tx.ts'
import { jsonColumn } from '#app/utils/db/json-column.ts'
import { evaluateUseCase, type Evaluation } from './evaluate.ts'
import { parsePolicyPack, type PolicyPack, shippedPolicyPack } from './policy-pack.ts'

const parsedPacks = new Map<string, PolicyPack>()
const packKey = (row: { id: string; updatedAt: Date }) => `${row.id}:${row.updatedAt.getTime()}`

/** A stored pack's content parsed, once per pack version and edit. */
const evaluationColumn = jsonColumn<Evaluation>()

export function packFrom(row: { id: string; content: unknown; updatedAt: Date }) {
	const key = packKey(row)
	let pack = parsedPacks.get(key)
	if (!pack) {
		pack = parsePolicyPack(row.content)
		parsedPacks.set(key, pack)
	}
	return pack
}

/**
 * The newest published pack: every evaluation uses it. Which pack that is costs a small read; its
 * content (tens of kilobytes of JSON) is read and parsed only the first time that pack is seen.
 */
export async function currentPolicyPack(client: PrismaClient | Tx = prisma): Promise<PolicyPack> {
	const where = { status: 'PUBLISHED' } as const
	const orderBy = { publishedAt: 'desc' } as const
	const latest = await client.policyPackVersion.findFirst({
		where,
		orderBy,
		select: { id: true, updatedAt: true },
	})
	if (!latest) return shippedPolicyPack()
	const known = parsedPacks.get(packKey(latest))
	if (known) return known
	const row = await client.policyPackVersion.findUnique({
		where: { id: latest.id },
		select: { id: true, content: true, updatedAt: true },
	})
	return row ? packFrom(row) : shippedPolicyPack()
}

export async function evaluateWithCurrentPack(
	doc: UseCaseDocument,
	client: PrismaClient | Tx = prisma,
) {
	return evaluateUseCase(doc, { pack: await currentPolicyPack(client), asOf: new Date() })
}

/** Stores one evaluation of one use-case version; evaluating the same pair again replaces it. */
export async function storeCheckRun(
	tx: Tx,
	useCaseId: string,
	useCaseVersion: number,
	evaluation: Evaluation,
) {
	const data = {
		presumedHighImpact: evaluation.presumedHighImpact,
		requiredLanes: evaluation.requiredLanes,
		blocked: evaluation.blocked,
		results: evaluationColumn.write(evaluation),
		evaluatedAt: new Date(),
	}
	await tx.checkRun.upsert({
		where: {
			useCaseId_useCaseVersion_packVersion: {
				useCaseId,
				useCaseVersion,
				packVersion: evaluation.packVersion,
			},
		},
		create: { useCaseId, useCaseVersion, packVersion: evaluation.packVersion, ...data },
		update: data,
	})
}

/** The stored evaluation of a use-case version against the current pack, if it has been run. */
export async function storedEvaluation(useCaseId: string, useCaseVersion: number) {
	const pack = await currentPolicyPack()
	const run = await prisma.checkRun.findUnique({
		where: {
			useCaseId_useCaseVersion_packVersion: {
				useCaseId,
				useCaseVersion,
				packVersion: pack.version,
			},
		},
		select: { results: true },
	})
	return run ? evaluationColumn.read(run.results) : null
}
