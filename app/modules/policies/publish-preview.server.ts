import { prisma } from '#app/utils/db.server.ts'

/** How many use cases a publication checks again: every one that is not retired, as the re-evaluation does. */
export function countCasesToReevaluate() {
	return prisma.useCase.count({ where: { status: { not: 'RETIRED' } } })
}
